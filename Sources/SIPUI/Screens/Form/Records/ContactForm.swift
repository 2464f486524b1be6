import SIPModel
import SIPWidgets

/// A contact person added or changed (administrators): their organisation (chosen when added),
/// name, function, phone, e-mail and deputy, chosen among the contact persons of the same
/// organisation (the choices follow the organisation chosen). Saved through the model, which audits it.
public struct ContactForm: RecordForm {
    public enum Key: String, Sendable { case organisation, name, function, phone, email, deputy }

    /// The contact person changed (nil: a new one).
    public let contactId: Int64?
    /// A new contact's organisation when it is already known (added from the organisation's list).
    public let agencyId: Int64?

    public init(contactId: Int64? = nil, agencyId: Int64? = nil) {
        self.contactId = contactId
        self.agencyId = agencyId
    }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let listing = try store.registerListing()
        let contact = try contactId.map { id in
            guard let contact = listing.contacts.first(where: { $0.id == id }) else {
                throw SIPError.notFound(.agency, id)
            }
            return contact
        }
        let offered = listing.organisations.map(\.agency).filter {
            $0.retiredOn == nil || $0.id == contact?.agencyId || $0.id == agencyId
        }
        let organisation = contact?.agencyId ?? agencyId ?? offered.first?.id
        /// An organisation's contacts, to stand in for this one: none, or one not retired.
        func deputies(of agency: Int64?) -> [FormField.Choice] {
            [FormField.Choice(id: "", label: c.ui(.noneChoice))]
                + listing.contacts.filter {
                    $0.agencyId == agency && $0.id != contactId && ($0.retiredOn == nil || $0.id == contact?.deputyId)
                }.map { FormField.Choice(id: String($0.id!), label: $0.name, detail: $0.role) }
        }
        var fields: [FormField] = []
        var choiceLinks: [String: [String: [String: [FormField.Choice]]]] = [:]
        let agencyName = listing.organisations.first { $0.agency.id == organisation }?.agency.name ?? ""
        if contact == nil && agencyId == nil {
            fields.append(
                picker(
                    .organisation, c.ui(.organisationLabel), try agencyChoices(offered, session),
                    selected: organisation.map(String.init) ?? ""))
            choiceLinks[Key.organisation.rawValue] = Dictionary(
                offered.map { (String($0.id!), [Key.deputy.rawValue: deputies(of: $0.id)]) },
                uniquingKeysWith: { first, _ in first })
        }
        fields += [
            text(.name, c.ui(.columnName), contact?.name ?? ""),
            text(.function, c.ui(.functionLabel), contact?.role ?? ""),
            text(.phone, c.field(.phone), contact?.phone ?? ""),
            text(.email, c.field(.email), contact?.email ?? ""),
            picker(
                .deputy, c.ui(.deputyLabel), deputies(of: organisation),
                selected: contact?.deputyId.map(String.init) ?? ""),
        ]
        let title =
            contact.map { c.ui(.editContact) + " – " + $0.name + " (" + agencyName + ")" }
            ?? c.ui(.newContact) + (agencyId != nil ? " – " + agencyName : "")
        return FormContent(title: title, fields: fields, choiceLinks: choiceLinks)
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        let deputy = input.id(.deputy)
        if let contactId {
            let changed = try store.editContact(
                contactId, name: input[.name], function: input[.function], phone: input[.phone],
                email: input[.email], deputyId: .some(deputy))
            return .saved(c.ui(changed ? .saved : .nothingChanged))
        }
        guard let organisation = agencyId ?? input.id(.organisation) else {
            throw input.refuse(.organisation, c.ui(.fieldRequired))
        }
        try store.addContact(
            agencyId: organisation, name: input[.name], function: input[.function], phone: input[.phone],
            email: input[.email], deputyId: deputy)
        return .saved(c.ui(.added))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .register(.unknownContact), .register(.deputyIsSelf): .deputy
        case .notFound(.agency, _): .organisation
        case .required(.role), .tooLong(.role, _), .invalidValue(.role, _): .function
        case .required(.phone), .tooLong(.phone, _), .invalidValue(.phone, _): .phone
        case .required(.email), .tooLong(.email, _), .invalidValue(.email, _): .email
        case .required(.name), .tooLong(.name, _), .invalidValue(.name, _): .name
        default: nil
        }
    }
}
