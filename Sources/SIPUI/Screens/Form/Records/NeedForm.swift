import SIPModel
import SIPWidgets

/// A need the meeting identified, and the organisation that takes it on: none yet is recorded as
/// such, shown on the plan and counted in the review.
public struct NeedForm: RecordForm {
    public enum Key: String, Sendable { case need, agencyId }

    public let plan: Int64
    public let meetingId: Int64?
    public init(planId: Int64, meetingId: Int64? = nil) {
        plan = planId
        self.meetingId = meetingId
    }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let agencies = try store.agencies(forGroup: try store.plan(plan).busGroupId)
        return FormContent(
            title: c(.needFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                text(.need, c.field(.need), multiline: true),
                picker(
                    .agencyId, c(.needTakenOnBy),
                    [FormField.Choice(id: "", label: c(.nobodyChoice))] + (try agencyChoices(agencies, session)),
                    selected: ""),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.recordNeed(
            planId: plan, what: input[.need], meetingId: meetingId, agencyId: input.id(.agencyId))
        return .saved(input.catalog(.needSaved))
    }
}
