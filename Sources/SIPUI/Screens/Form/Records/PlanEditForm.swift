import SIPModel
import SIPWidgets

/// A plan's own fields: a versioned save that never overwrites another session's (a conflict
/// shows both values), kept as a draft when interrupted.
public struct PlanEditForm: RecordForm {
    /// A plan field, the lead organisation or the lead person from the register (choices, not text).
    public enum Key: RawRepresentable, Sendable {
        case text(Field)
        case leadAgency
        /// huvudansvarig chosen among the users and contact persons; the `leadPerson` text after it
        /// is for someone outside the register.
        case lead

        public init?(rawValue: String) {
            if rawValue == "leadAgencyId" {
                self = .leadAgency
            } else if rawValue == "leadRef" {
                self = .lead
            } else if let field = Field(rawValue: rawValue) {
                self = .text(field)
            } else {
                return nil
            }
        }

        public var rawValue: String {
            switch self {
            case .text(let field): field.rawValue
            case .leadAgency: "leadAgencyId"
            case .lead: "leadRef"
            }
        }
    }

    /// A field's value in `plan`, as the form holds it (a conflict shows the other side's).
    static func value(of key: String, in plan: Plan) -> String {
        switch Key(rawValue: key) {
        case .leadAgency?: plan.leadAgencyId.map(String.init) ?? ""
        case .lead?: plan.lead.choiceId
        case .text(let field)?: plan.text(of: field)
        case nil: ""
        }
    }

    public let id: Int64
    public init(planId: Int64) { id = planId }

    public var planId: Int64? { id }
    public var keepsDraft: Bool { true }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let plan = try store.plan(id)
        var agencies = try store.agencies(forGroup: plan.busGroupId)
        // The current lead may belong to another group: it must stay a choice, or saving would clear it.
        if let lead = plan.leadAgencyId, !agencies.contains(where: { $0.id == lead }) {
            agencies.append(try store.agency(lead))
        }
        let choices =
            [FormField.Choice(id: "", label: c.ui(.noneChoice))]
            + (try agencyChoices(agencies, session))
        let people = try personChoices(session, current: plan.lead)
        var fields: [FormField] = []
        // The plan's fields as the table of plan fields lists them.
        for spec in PlanField.all where spec.isEditable {
            let field = spec.field
            // The lead organisation and the lead person from the register come before the lead
            // person's name (someone outside the register).
            if field == .leadPerson {
                fields.append(
                    picker(
                        .leadAgency, c.field(.leadAgency), choices,
                        selected: plan.leadAgencyId.map(String.init) ?? ""))
                fields.append(picker(.lead, c.field(.leadPerson), people, selected: plan.lead.choiceId))
            }
            fields.append(
                text(
                    .text(field), field == .leadPerson ? c.ui(.outsideName) : c.field(field), plan.text(of: field),
                    multiline: spec.isMultiline))
        }
        let child = try store.childName(ofPlan: id)
        return FormContent(
            title: "\(c.ui(.editPlanTitle)) \(id): \(child)", fields: fields, plan: plan,
            links: clearingName(people, picker: .lead, name: .text(.leadPerson)))
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard var plan = input.plan else { throw SIPError.notFound(.plan, id) }
        var refused: [FieldErrors.Entry] = []
        for field in Plan.editableFields {
            do {
                try plan.set(field, to: input[.text(field)])
            } catch let error as SIPError {
                refused.append(.init(key: field.rawValue, message: input.catalog.message(error)))
            }
        }
        plan.leadAgencyId = input.id(.leadAgency)
        do {
            plan.lead = try person(input, choice: .lead, name: .text(.leadPerson))
        } catch let error as FieldErrors {
            refused += error.errors
        }
        guard refused.isEmpty else { throw FieldErrors(refused) }
        let store = session.store
        let before = try store.plan(id)
        let saved = try store.updatePlan(plan)
        session.recordUndo(.plan(before: before, afterVersion: saved.version))
        try? store.deleteDraft(planId: id)
        return .saved(input.catalog.ui(.saved))
    }

    /// A lead the law does not allow (not a kommun's or a region's) is refused beside the picker.
    public func key(for error: SIPError) -> Key? {
        if case .leadNotPrincipal = error { return .leadAgency }
        switch error {
        case .personRetired, .unknownUser, .register(.unknownContact): return .lead
        default: return error.field.flatMap { Key(rawValue: $0.rawValue) }
        }
    }
}
