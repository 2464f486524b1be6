import SIPModel
import SIPWidgets

/// A closed plan opened again, always with a reason (kept in its history and the audit trail).
public struct ReopenForm: RecordForm {
    public enum Key: String, Sendable { case note }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.reopenPlan) + " – \(c(.planNumber)) \(plan)",
            fields: [text(.note, c.ui(.reopenReason), multiline: true)])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.reopenPlan(plan, reason: input[.note])
        return .saved(input.catalog.ui(.reopened))
    }
}
