import SIPModel
import SIPWidgets

/// A consent (samtycke) to the plan: who gave it, how, for which period; it covers the
/// organisations taking part.
public struct RecordConsentForm: RecordForm {
    public enum Key: String, Sendable { case givenBy, information, form, validFrom, validTo }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    /// The giver the child is, among the guardians' ids.
    static let child = "child"

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let document = try session.store.planDocument(plan)
        let givers =
            document.guardians.map { FormField.Choice(id: String($0.id), label: $0.name) }
            + [.init(id: Self.child, label: c.ui(.theChild))]
        return FormContent(
            title: c.ui(.addConsent) + " – " + c.ui(.consentCovers),
            fields: [
                choice(.givenBy, c.ui(.givenBy), givers, selected: givers[0].id),
                text(.information, c.field(.information), multiline: true),
                choice(
                    .form, c.ui(.exportFormat),
                    [
                        .init(id: Kind.written.rawValue, label: c.ui(.consentWritten)),
                        .init(id: Kind.oral.rawValue, label: c.ui(.consentOral)),
                    ],
                    selected: Kind.written.rawValue),
                text(.validFrom, c.ui(.validFrom), session.today.iso),
                text(.validTo, c.ui(.validTo), session.today.adding(days: 365).iso),
            ])
    }

    typealias Kind = ConsentForm

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let from = try input.requiredDay(.validFrom)
        let to = try input.day(.validTo, required: false)
        let giver: ConsentGiver = input[.givenBy] == Self.child ? .child : .guardian(input.id(.givenBy) ?? 0)
        let store = session.store
        let agencies = try store.participants(planId: plan).compactMap(\.agencyId)
        try store.addConsent(
            planId: plan, givenBy: giver, information: input[.information],
            form: Kind(rawValue: input[.form]) ?? .written, validFrom: from, validTo: to,
            agencyIds: agencies)
        return .saved(input.catalog.ui(.consentAdded))
    }
}
