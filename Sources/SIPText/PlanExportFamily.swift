import Foundation
import SIPDomain

/// The child's and the family's parts of the written plan (issue 17), spliced into its sections.
extension PlanExport {
    /// Each family member's language and interpreter need.
    static func languageItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        let people = (d.guardians + d.relatives).filter { !$0.language.isEmpty || !$0.interpreterLanguage.isEmpty }
        guard !people.isEmpty else { return [] }
        return [.field(c(.languagesTitle), people.map { TextReports.languageText($0, c) }.joined(separator: "\n"))]
    }

    /// The discharge plan's notice and the day its first meeting is due.
    static func dischargeItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        guard d.plan.kind == .discharge else { return [] }
        return [
            .field(
                c(.dischargeTitle),
                "\(c(.dischargeNotified)) \(d.plan.notifiedOn?.iso ?? "–"), \(c(.dischargeDue)) "
                    + (d.plan.firstMeetingDue?.iso ?? "–"))
        ]
    }

    /// Interpreters booked for the meetings, and those needed with none booked.
    static func interpreterItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        d.meetings.compactMap { m in
            let when = m.startsAt.prefix(10)
            if !m.interpreterBooked.isEmpty {
                return .field(c(.interpreterBookedLabel), "\(when): \(m.interpreterBooked)")
            }
            if !m.held, !m.cancelled, !m.interpreterMissing.isEmpty {
                return .field(c(.interpreterMissing), "\(when): " + m.interpreterMissing.joined(separator: ", "))
            }
            return nil
        }
    }

    /// How the child took part in each meeting, and the child's own words apart from everyone else's.
    static func participationItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        d.meetings.compactMap { m -> [Item]? in
            guard let p = m.childParticipation, !p.isEmpty else { return nil }
            let heading = "\(c(.participationTitle)), \(c.meetingKind(m.kind).lowercased()) \(m.startsAt.prefix(10))"
            return [.field(heading, c.participation(p))]
                + (p.childWords.isEmpty ? [] : [.field(c(.childOwnWords), "”\(p.childWords)”")])
        }.flatMap { $0 }
    }

    /// The goals of `kinds` as a table: the goal, who works towards it, the interventions serving it.
    static func goalItems(_ d: PlanDocument, _ c: Catalog, kinds: [GoalKind]) -> [Item] {
        let goals = d.goals.filter { kinds.contains($0.kind) }
        guard !goals.isEmpty else { return [] }
        let whats = Dictionary(uniqueKeysWithValues: d.interventions.map { ($0.id, $0.what) })
        return [
            .table(
                [c(.goalsTitle), c.field(.worksTowards), c(.servedBy)],
                goals.map { g in
                    [
                        kinds.count > 1 ? "\(c.goalKind(g.kind)): \(g.text)" : g.text, g.worksTowards.nonEmpty ?? "–",
                        g.interventionIds.compactMap { whats[$0] }.joined(separator: "; ").nonEmpty ?? "–",
                    ]
                })
        ]
    }

    /// Needs the meetings identified that no organisation has taken on.
    static func unassignedNeedItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        let needs = d.unassignedNeeds
        guard !needs.isEmpty else { return [] }
        return [
            .field(c(.unassignedNeedsTitle), needs.map { "\($0.what) (\($0.recordedOn.iso))" }.joined(separator: "\n"))
        ]
    }

    /// The evaluation: per held follow-up, each goal's assessment by the professionals and, apart,
    /// by the child and the family, then the minutes. Before any follow-up was held: that it is
    /// done then.
    static func evaluationItems(_ d: PlanDocument, _ c: Catalog) -> [Item] {
        let held = d.meetings.filter { $0.kind == .followUp && $0.held }
        guard !held.isEmpty else { return [.paragraph(c(.evaluationPending))] }
        var items: [Item] = []
        for meeting in held {
            let day = String(meeting.startsAt.prefix(10))
            let rows = d.goals.compactMap { goal -> [String]? in
                let here = goal.assessments.filter { $0.meetingId == meeting.id }
                guard !here.isEmpty else { return nil }
                func by(_ side: AssessedBy) -> String {
                    here.first { $0.by == side }.map {
                        c.outcome($0.outcome) + ($0.comment.isEmpty ? "" : ": \($0.comment)")
                    }
                        ?? c(.notAssessed)
                }
                return [goal.text, by(.professionals), by(.family)]
            }
            items.append(.field(c(.followUpOn), day))
            if rows.isEmpty {
                items.append(.paragraph(c(.noAssessmentRecorded)))
            } else {
                items.append(.table([c(.goalsTitle), c(.byProfessionals), c(.byFamily)], rows))
            }
            if !meeting.minutes.isEmpty { items.append(.paragraph(meeting.minutes)) }
        }
        return items
    }
}
