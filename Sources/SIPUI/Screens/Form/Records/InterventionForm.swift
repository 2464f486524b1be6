import SIPModel
import SIPWidgets

/// An intervention (insats): what, by which organisation and person, how often, from and until when.
public struct InterventionForm: RecordForm {
    public enum Key: String, Sendable {
        case what, agencyId, responsible, person, frequency, startDate, dueDate, status, comment
    }

    public let plan: Int64
    /// The intervention being changed (nil: a new one).
    public let existing: Intervention?
    /// The status the form opens with (not delivered asks for a comment at once).
    public let status: InterventionStatus?

    public init(planId: Int64, existing: Intervention? = nil, status: InterventionStatus? = nil) {
        plan = planId
        self.existing = existing
        self.status = status
    }

    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        var agencies = try store.agencies(forGroup: try store.plan(plan).busGroupId)
        if let agencyId = existing?.agencyId, !agencies.contains(where: { $0.id == agencyId }) {
            agencies.append(try store.agency(agencyId))
        }
        let item = existing
        let people = try personChoices(session, current: item?.responsible ?? .nobody)
        return FormContent(
            title: (existing == nil ? c.ui(.newIntervention) : c.ui(.edit)) + " – \(c(.planNumber)) \(plan)",
            fields: [
                text(.what, c.field(.what), item?.what ?? ""),
                picker(
                    .agencyId, c.field(.agencyName), try agencyChoices(agencies, session),
                    selected: item.map { String($0.agencyId) } ?? agencies.first.map { String($0.id!) } ?? ""),
                // Who is responsible: a user or contact person of the register, or a name written.
                picker(.responsible, c.ui(.responsiblePerson), people, selected: item?.responsible.choiceId ?? ""),
                text(.person, c.ui(.outsideName), item?.person ?? ""),
                text(.frequency, c.field(.frequency), item?.frequency ?? ""),
                text(.startDate, c.field(.startDate), item?.startDate.iso ?? session.today.iso),
                text(.dueDate, c.field(.dueDate), item?.dueDate.iso ?? ""),
                choice(
                    .status, c.ui(.interventionStatus),
                    InterventionStatus.allCases.map { .init(id: $0.rawValue, label: c.interventionStatus($0)) },
                    selected: (status ?? item?.status ?? .planned).rawValue),
                text(.comment, c.field(.comment), item?.comment ?? "", multiline: true),
            ], focus: status == .notDelivered ? Key.comment.rawValue : nil,
            links: clearingName(people, picker: .responsible, name: .person))
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let start = try input.requiredDay(.startDate), due = try input.requiredDay(.dueDate)
        let status = InterventionStatus(rawValue: input[.status]) ?? .planned
        guard let agencyId = input.id(.agencyId) else { throw SIPError.required(field: .agencyName) }
        let responsible = try person(input, choice: .responsible, name: .person)
        let store = session.store
        if let existing {
            var item = existing
            item.what = input[.what]
            item.agencyId = agencyId
            item.responsible = responsible
            item.frequency = input[.frequency]
            item.startDate = start
            item.dueDate = due
            item.status = status
            item.comment = input[.comment]
            let saved = try store.updateIntervention(item, expecting: existing)
            session.recordUndo(.intervention(before: existing, after: saved))
        } else {
            if status == .notDelivered && input[.comment].trimmingCharacters(in: .whitespaces).isEmpty {
                throw SIPError.required(field: .comment)
            }
            try store.addIntervention(
                planId: plan, what: input[.what], agencyId: agencyId, responsible: responsible,
                frequency: input[.frequency], startDate: start, dueDate: due, status: status,
                comment: input[.comment])
        }
        return .saved(input.catalog.ui(.saved))
    }

    public func key(for error: SIPError) -> Key? {
        if case .dateOrder = error { return .dueDate }
        switch error {
        case .personRetired, .unknownUser, .register(.unknownContact): return .responsible
        default: break
        }
        if error.field == .agencyName { return .agencyId }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
