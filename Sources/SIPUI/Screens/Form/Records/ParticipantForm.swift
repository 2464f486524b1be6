import SIPModel
import SIPWidgets

/// An organisation invited to the plan, with the person who comes and their role.
public struct ParticipantForm: RecordForm {
    public enum Key: String, Sendable { case agencyId, person, role }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let agencies = try store.agencies(forGroup: try store.plan(plan).busGroupId)
        return FormContent(
            title: c.ui(.inviteAgency) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(
                    .agencyId, c.field(.agencyName), try agencyChoices(agencies, session),
                    selected: agencies.first.map { String($0.id!) } ?? ""),
                text(.person, c.field(.person)), text(.role, c.field(.role)),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let agencyId = input.id(.agencyId) else { throw SIPError.required(field: .agencyName) }
        // Outside every consent the model refuses until the user has said yes (FormScreen asks).
        try session.store.addParticipant(
            planId: plan, agencyId: agencyId, person: input[.person], role: input[.role],
            outsideConsent: input.outsideConsent)
        return .saved(input.catalog.ui(.saved))
    }
}
