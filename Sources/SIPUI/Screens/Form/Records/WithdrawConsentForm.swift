import SIPModel
import SIPWidgets

/// A consent withdrawn, from a day on.
public struct WithdrawConsentForm: RecordForm {
    public enum Key: String, Sendable { case consentId, withdrawnOn }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let consents = try session.store.planDocument(plan).consents.filter { $0.withdrawnOn == nil }
        return FormContent(
            title: c.ui(.withdrawConsent) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .consentId, c(.consent),
                    consents.map {
                        .init(
                            id: String($0.id),
                            label: ($0.givenByChild ? c.ui(.theChild) : $0.givenBy ?? "?") + ", " + $0.validFrom.iso)
                    }, selected: consents.first.map { String($0.id) } ?? ""),
                text(.withdrawnOn, c.ui(.withdrawnOn), session.today.iso),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let on = try input.requiredDay(.withdrawnOn)
        guard let id = input.id(.consentId) else { throw input.refuse(.consentId, input.catalog.ui(.fieldRequired)) }
        try session.store.withdrawConsent(id, on: on)
        return .saved(input.catalog.ui(.saved))
    }
}
