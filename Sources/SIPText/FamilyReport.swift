import Foundation
import SIPDomain

/// The child's and the family's parts of a plan as report lines (issue 17): the plan screen and
/// `plan show` splice them into `planLines`. Every value from the database is made terminal-safe.
extension TextReports {
    private static func body(_ text: String, _ indent: Int, _ kind: ReportLine.Kind = .body) -> ReportLine {
        ReportLine(text: TerminalText.safe(text), indent: indent, kind: kind)
    }

    /// The discharge plan's notice and deadline, under the plan's title.
    static func dischargeLines(_ d: PlanDocument, catalog c: Catalog) -> [ReportLine] {
        guard d.plan.kind == .discharge else { return [] }
        let late = d.plan.dischargeLate
        return [
            body(
                "\(c(.dischargeTitle)): \(c(.dischargeNotified)) \(d.plan.notifiedOn?.iso ?? "-"), "
                    + "\(c(.dischargeDue)) \(d.plan.firstMeetingDue?.iso ?? "-")" + (late ? "  \(c(.overdue))" : ""),
                2, late ? .warning : .body)
        ]
    }

    /// Each family member's language and interpreter need.
    static func languageLines(_ d: PlanDocument, catalog c: Catalog) -> [ReportLine] {
        let people = (d.guardians + d.relatives).filter { !$0.language.isEmpty || !$0.interpreterLanguage.isEmpty }
        guard !people.isEmpty else { return [] }
        return [body("\(c(.languagesTitle)):", 2)] + people.map { body(languageText($0, c), 4) }
    }

    /// "Märta Öberg: arabiska, behöver tolk på arabiska".
    package static func languageText(_ m: PlanDocument.Person, _ c: Catalog) -> String {
        "\(m.name): "
            + [m.language, m.interpreterLanguage.isEmpty ? "" : "\(c(.needsInterpreter)) \(m.interpreterLanguage)"]
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The goals, the child's own first, each with who works towards it, the interventions serving
    /// it and every assessment at the follow-ups, oldest first: the goals over time.
    static func goalLines(_ d: PlanDocument, catalog c: Catalog) -> [ReportLine] {
        var out = [ReportLine(text: c(.goalsTitle), indent: 0, kind: .heading)]
        if d.goals.isEmpty { out.append(body(c(.noGoals), 2)) }
        let whats = Dictionary(uniqueKeysWithValues: d.interventions.map { ($0.id, $0.what) })
        for goal in d.goals {
            out.append(body("- \(c.goalKind(goal.kind)): \(goal.text)", 2))
            if !goal.worksTowards.isEmpty { out.append(body("\(c.field(.worksTowards)): \(goal.worksTowards)", 4)) }
            if !goal.interventionIds.isEmpty {
                out.append(
                    body("\(c(.servedBy)): " + goal.interventionIds.compactMap { whats[$0] }.joined(separator: "; "), 4)
                )
            }
            for a in goal.assessments {
                out.append(
                    body(
                        "\(a.on.iso) \(c.assessedBy(a.by)): \(c.outcome(a.outcome))"
                            + (a.comment.isEmpty ? "" : " – \(a.comment)"), 4))
            }
        }
        return out
    }

    /// Needs nobody has taken on, marked; and those taken on, with by whom.
    static func needLines(_ d: PlanDocument, catalog c: Catalog) -> [ReportLine] {
        guard !d.needs.isEmpty else { return [] }
        return [body(c(.needsTitle) + ":", 2)]
            + d.needs.map {
                body(
                    "- \($0.what) (\($0.agency.map { "\(c(.takenOnBy)) \($0)" } ?? c(.unassignedNeedsTitle)))", 4,
                    $0.agency == nil ? .warning : .body)
            }
    }

    /// A meeting's child participation and interpreter.
    static func meetingFamilyLines(_ m: PlanDocument.MeetingInfo, catalog c: Catalog) -> [ReportLine] {
        var out: [ReportLine] = []
        if let p = m.childParticipation, !p.isEmpty {
            out.append(body("\(c(.participationTitle)): \(c.participation(p))", 4))
            if !p.childWords.isEmpty { out.append(body("\(c(.childOwnWords)): \"\(p.childWords)\"", 4)) }
        }
        if !m.interpreterBooked.isEmpty { out.append(body("\(c(.interpreterBookedLabel)): \(m.interpreterBooked)", 4)) }
        if !m.interpreterMissing.isEmpty {
            out.append(body("\(c(.interpreterMissing)) " + m.interpreterMissing.joined(separator: ", "), 4, .warning))
        }
        return out
    }
}
