import SIPModel
import SIPWidgets

/// A plan's own fields: a versioned save that never overwrites another session's (a conflict
/// shows both values), kept as a draft when interrupted.
public struct PlanEditForm: RecordForm {
    /// A plan field, or the lead organisation (a choice, not text).
    public enum Key: RawRepresentable, Sendable {
        case text(Field)
        case leadAgency

        public init?(rawValue: String) {
            if rawValue == "leadAgencyId" {
                self = .leadAgency
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
            }
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
        var fields: [FormField] = []
        // The plan's fields as the table of plan fields lists them.
        for spec in PlanField.all where spec.isEditable {
            let field = spec.field
            // The lead organisation comes before the lead person.
            if field == .leadPerson {
                fields.append(
                    picker(
                        .leadAgency, c.field(.leadAgency), choices,
                        selected: plan.leadAgencyId.map(String.init) ?? ""))
            }
            fields.append(
                text(
                    .text(field), c.field(field), plan.text(of: field),
                    multiline: spec.isMultiline))
        }
        let child = try store.childName(ofPlan: id)
        return FormContent(title: "\(c.ui(.editPlanTitle)) \(id): \(child)", fields: fields, plan: plan)
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
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
