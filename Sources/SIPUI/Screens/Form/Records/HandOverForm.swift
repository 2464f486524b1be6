import SIPModel
import SIPWidgets

/// The plan handed over to another coordinator, chosen among the users with the coordinator role
/// who are not retired (their organisation beside the name). Saved through the model, which
/// audits it; afterwards the plan may no longer be the user's to see, and the plan screen goes back.
public struct HandOverForm: RecordForm {
    public enum Key: String, Sendable { case coordinator }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    /// Whom the hand-over is from: the coordinator user, or the name a plan from before v15 gave.
    static func from(_ plan: Plan) -> String { plan.coordinatorLogin ?? plan.outsideCoordinator }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let current = try session.store.plan(plan).coordinatorLogin
        let choices = try session.store.handOverCandidates().filter { $0.login != current }.map {
            FormField.Choice(id: $0.login, label: $0.name, detail: $0.organisation)
        }
        return FormContent(
            title: c.ui(.handOverPlan) + " – \(c(.planNumber)) \(plan)",
            fields: [picker(.coordinator, c.ui(.handOverTo), choices, selected: choices.first?.id ?? "")])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        let chosen = input[.coordinator]
        guard !chosen.isEmpty else { throw input.refuse(.coordinator, c.ui(.fieldRequired)) }
        try store.handOver(from: Self.from(try store.plan(plan)), to: chosen, planId: plan)
        return .saved(c.ui(.planHandedOver))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .unknownUser, .invalidValue, .nothingToHandOver, .userRetired: .coordinator
        default: nil
        }
    }
}
