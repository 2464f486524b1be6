import SIPModel
import SIPWidgets

/// The coordinator's assessment that a child younger than `child-consent-age` is mature enough to
/// consent on their own, with the reason (required, kept with the plan).
public struct MaturityAssessmentForm: RecordForm {
    public enum Key: String, Sendable { case reason }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.recordMaturity) + " – \(c(.planNumber)) \(plan)",
            fields: [text(.reason, c.ui(.maturityReason), multiline: true)])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.recordMaturityAssessment(planId: plan, reason: input[.reason])
        return .saved(input.catalog.ui(.maturityRecorded))
    }
}
