import SIPModel
import SIPWidgets

/// A participant corrected (the person who comes, their role) or removed, always with a reason.
/// The picker chooses whom; their details follow the choice. Removal is asked about first.
public struct ParticipantEditForm: RecordForm {
    public enum Key: String, Sendable { case participantId, action, person, role, reason }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let participants = try session.store.planDocument(plan).participants
        let choices = participants.map { participant in
            FormField.Choice(
                id: String(participant.id), label: participant.person,
                detail: [participant.agency ?? "", participant.role].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        let links = Dictionary(
            participants.map {
                (String($0.id), [Key.person.rawValue: $0.person, Key.role.rawValue: $0.role])
            }, uniquingKeysWith: { first, _ in first })
        let first = participants.first
        return FormContent(
            title: c.ui(.editParticipant) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(.participantId, c.ui(.whichRecord), choices, selected: first.map { String($0.id) } ?? ""),
                choice(
                    .action, c.ui(.whatToDo),
                    [.init(id: "edit", label: c.ui(.editChoice)), .init(id: "remove", label: c.ui(.removeChoice))],
                    selected: "edit"),
                text(.person, c.field(.person), first?.person ?? ""),
                text(.role, c.field(.role), first?.role ?? ""),
                text(.reason, c.ui(.correctionReason), multiline: true),
            ],
            links: [Key.participantId.rawValue: links])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        guard let id = input.id(.participantId) else { throw input.refuse(.participantId, c.ui(.fieldRequired)) }
        if input[.action] == "remove" {
            // The reason is checked before the question: a refusal after a yes would be asked again.
            if TextRules.clean(input[.reason], multiline: true).isEmpty { throw SIPError.required(field: .reason) }
            guard input.confirmed else {
                let name = try store.planDocument(plan).participants.first { $0.id == id }?.person ?? ""
                throw RemovalNeedsConfirmation(c.ui(.removeQuestion) + " " + name)
            }
            try store.removeParticipant(planId: plan, participantId: id, reason: input[.reason])
            return .saved(c.ui(.removed))
        }
        try store.editParticipant(
            planId: plan, participantId: id, person: input[.person], role: input[.role], reason: input[.reason])
        return .saved(c.ui(.corrected))
    }

    public func key(for error: SIPError) -> Key? {
        if case .notFound = error { return .participantId }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
