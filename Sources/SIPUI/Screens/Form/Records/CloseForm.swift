import SIPModel
import SIPWidgets

/// A plan closed, always with a reason; a request not yet under way may be refused instead.
public struct CloseForm: RecordForm {
    public enum Key: String, Sendable { case kind, closedReason }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let status = try session.store.plan(plan).status
        let kinds: [ClosedKind] = status == .draft ? [.refused, .completed, .other] : [.completed, .other]
        return FormContent(
            title: c.ui(.closePlan) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .kind, c.ui(.closeKind),
                    kinds.map {
                        .init(
                            id: $0.rawValue,
                            label: $0 == .refused
                                ? c.ui(.closeRefused)
                                : $0 == .completed ? c.ui(.closeCompleted) : c.ui(.closeOther))
                    }, selected: kinds[0].rawValue),
                text(.closedReason, c.field(.closedReason), multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let reason = input[.closedReason], kind = ClosedKind(rawValue: input[.kind])
        // Interventions still owed are said once; saving the same again closes anyway.
        if !input.acknowledged, kind != .refused, !(try session.store.owedInterventions(planId: plan)).isEmpty {
            throw FieldErrors(
                [.init(key: Key.closedReason.rawValue, message: input.catalog(.owedInterventionsWarning))],
                areWarnings: true)
        }
        if kind == .refused {
            try session.store.refuseRequest(planId: plan, reason: reason)
        } else {
            try session.store.changeStatus(planId: plan, to: .closed, note: reason, closedKind: kind ?? .other)
        }
        return .saved(input.catalog.ui(.saved))
    }

    public func key(for error: SIPError) -> Key? {
        if case .closingReasonRequired = error { return .closedReason }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
