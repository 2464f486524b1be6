import Foundation
import SIPDomain

/// The plan for the family and for the child (issue 17): beside the full plan, a one-page
/// plain-language version (who does what, from when to when, who to call, the next meeting) and a
/// version written for a child (short sentences, the child's own goals first). The same section
/// model as the full plan, so the same text, Markdown and HTML (A4, print stylesheet) renderings.
extension PlanExport {
    /// Whom the document is written for.
    public enum Audience: String, Sendable, CaseIterable {
        case professionals, family, child
    }

    public init(_ d: PlanDocument, for audience: Audience, catalog c: Catalog = Catalog(.sv)) {
        switch audience {
        case .professionals: self.init(d, catalog: c)
        case .family:
            self.init(
                title: "\(c(.docFamilyTitle)) – \(d.child.name)", sections: Self.familySections(d, c),
                language: c.language)
        case .child: self.init(title: c(.docChildTitle), sections: Self.childSections(d, c), language: c.language)
        }
    }

    init(title: String, sections: [Section], language: Language) {
        self.title = title
        self.language = language
        self.sections = sections
    }

    /// "2026-12-30 10:00" from the document's ISO time.
    static func when(_ iso: String) -> String { String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") }

    static func nextMeeting(_ d: PlanDocument) -> PlanDocument.MeetingInfo? { d.meetings.first(where: \.isAhead) }

    /// The goals in the order a child and family read them: the child's own first.
    static func goalsChildFirst(_ d: PlanDocument) -> [PlanDocument.GoalInfo] {
        d.goals.filter { $0.kind == .child } + d.goals.filter { $0.kind != .child }
    }

    /// The people of this plan to call: its participants from the organisations (with the phone the
    /// register holds for that person there) and the coordinator.
    static func peopleToCall(_ d: PlanDocument, _ c: Catalog) -> [[String]] {
        let phones = Dictionary(
            d.contacts.map { ("\($0.agency)\u{1F}\($0.name)", $0.phone) }, uniquingKeysWith: { a, _ in a })
        let rows = d.participants.compactMap { p -> [String]? in
            guard let agency = p.agency else { return nil }
            return [
                p.person, [p.role, agency].filter { !$0.isEmpty }.joined(separator: ", "),
                phones["\(agency)\u{1F}\(p.person)"]?.nonEmpty ?? "–",
            ]
        }
        let coordinator =
            d.plan.coordinator.isEmpty || rows.contains(where: { d.plan.coordinator.hasPrefix($0[0]) })
            ? [] : [[d.plan.coordinator, c.field(.coordinator), "–"]]
        return coordinator + rows
    }

    static func familySections(_ d: PlanDocument, _ c: Catalog) -> [Section] {
        let next = nextMeeting(d)
        return [
            Section(
                title: c(.docAbout), legalPoint: nil,
                items: [.paragraph(c(.docFamilyIntro))]
                    + (d.plan.questions.isEmpty ? [] : [.paragraph(d.plan.questions)])),
            Section(
                title: c(.docOurGoals), legalPoint: nil,
                items: goalsChildFirst(d).isEmpty
                    ? [.paragraph(c(.noGoals))]
                    : goalsChildFirst(d).map { .field(c.goalKind($0.kind), $0.text) }),
            Section(
                title: c(.docWhoDoesWhat), legalPoint: nil,
                items: [
                    .table(
                        [c(.docWhat), c(.docWho), c(.docWhen)],
                        d.interventions.filter { $0.status.isPending }.map {
                            [
                                $0.what, [$0.person, $0.agency].filter { !$0.isEmpty }.joined(separator: ", "),
                                "\($0.startDate.iso) – \($0.dueDate.iso)",
                            ]
                        })
                ]),
            Section(
                title: c(.docWhoToCall), legalPoint: nil,
                items: [.table([c(.docWho), c.field(.agencyName), c(.docPhone)], peopleToCall(d, c))]),
            Section(
                title: c(.docNextMeeting), legalPoint: nil,
                items: [
                    .paragraph(next.map { "\(when($0.startsAt)), \($0.place.nonEmpty ?? "–")." } ?? c(.docNoMeeting))
                ]),
        ]
    }

    static func childSections(_ d: PlanDocument, _ c: Catalog) -> [Section] {
        let next = nextMeeting(d)
        let helpers = d.interventions.filter { $0.status.isPending }.map { i in
            Item.paragraph("\(i.person.nonEmpty ?? i.agency) \(c(.docHelpsWith)): \(i.what).")
        }
        return [
            Section(title: c(.docChildTitle), legalPoint: nil, items: [.paragraph(c(.docChildIntro))]),
            Section(
                title: c(.docYourGoals), legalPoint: nil,
                items: goalsChildFirst(d).isEmpty
                    ? [.paragraph(c(.noGoals))] : goalsChildFirst(d).map { .paragraph("– \($0.text)") }),
            Section(title: c(.docHelpers), legalPoint: nil, items: helpers),
            Section(
                title: c(.docNextMeeting), legalPoint: nil,
                items: [
                    .paragraph(
                        next.map {
                            "\(c(.docMeetingAt)) \(when($0.startsAt))." + ($0.place.isEmpty ? "" : " \($0.place).")
                        }
                            ?? c(.docNoMeeting))
                ]),
        ]
    }
}
