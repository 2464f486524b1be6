import SIPModel
import SIPWidgets

/// A copy of the plan given to someone (the family, a professional), and when.
public struct CopyForm: RecordForm {
    public enum Key: String, Sendable { case recipient, givenOn }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.copyGiven) + " – \(c(.planNumber)) \(plan)",
            fields: [
                text(.recipient, c.ui(.recipient)), text(.givenOn, c.ui(.givenOn), session.today.iso),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.recordCopy(
            planId: plan, recipient: input[.recipient], givenOn: try input.requiredDay(.givenOn))
        return .saved(input.catalog.ui(.saved))
    }
}
