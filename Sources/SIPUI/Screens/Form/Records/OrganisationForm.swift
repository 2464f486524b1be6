import SIPModel
import SIPWidgets

/// An organisation added or changed (administrators): its name, kind, principal and the BUS groups
/// it serves, typed as the register file writes them ("Lokal BUS Norrvik; Lokal BUS Åsen"; empty:
/// every group). Saved through the model, which audits it and refuses what the command line refuses.
public struct OrganisationForm: RecordForm {
    public enum Key: String, Sendable { case name, kind, principal, principalName, groups }

    /// The organisation changed (nil: a new one).
    public let agencyId: Int64?
    public init(agencyId: Int64? = nil) { self.agencyId = agencyId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let kinds = try store.agencyKinds()
        // Read through the listing, which only an administrator may: a role taken away shows no form.
        let listing = try store.registerListing()
        let current = try agencyId.map { id in
            guard let found = listing.organisations.first(where: { $0.agency.id == id }) else {
                throw SIPError.notFound(.agency, id)
            }
            return found
        }
        let agency = current?.agency
        let groupNames = Dictionary(
            listing.groups.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let kind = agency?.kind ?? kinds.first?.code ?? ""
        let principal = agency?.principalType ?? kinds.first { $0.code == kind }?.defaultPrincipal ?? .municipality
        // A new kind brings its usual principal (a school a municipality's, BUP a region's).
        let principals = Dictionary(
            kinds.map { ($0.code, [Key.principal.rawValue: $0.defaultPrincipal.rawValue]) },
            uniquingKeysWith: { first, _ in first })
        return FormContent(
            title: agency.map { c.ui(.editOrganisation) + " – " + $0.name } ?? c.ui(.newOrganisation),
            fields: [
                text(.name, c.ui(.columnName), agency?.name ?? ""),
                picker(
                    .kind, c.ui(.kindLabel), kinds.map { .init(id: $0.code, label: c.name(of: $0), detail: $0.code) },
                    selected: kind),
                choice(
                    .principal, c.ui(.principalLabel),
                    PrincipalType.allCases.map { .init(id: $0.rawValue, label: c.principalType($0)) },
                    selected: principal.rawValue),
                text(.principalName, c.ui(.principalNameLabel), agency?.principalName ?? ""),
                text(
                    .groups, c.ui(.groupsLabel),
                    (current?.groupIds ?? []).compactMap { groupNames[$0] }.joined(separator: "; ")),
            ],
            links: agency == nil ? [Key.kind.rawValue: principals] : [:])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        let names = input[.groups].split(separator: ";").map { TextRules.clean(String($0), multiline: false) }
            .filter { !$0.isEmpty }
        let groupIds = try store.offeredGroupIds(named: names)
        guard let principal = PrincipalType(rawValue: input[.principal]) else {
            throw SIPError.register(.unknownPrincipal(input[.principal]))
        }
        guard let agencyId else {
            _ = try store.addAgency(
                kind: input[.kind], principalType: principal, principalName: input[.principalName],
                name: input[.name], groupIds: groupIds)
            return .saved(c.ui(.added))
        }
        let changed = try store.editAgency(
            agencyId, kind: input[.kind], principalType: principal, principalName: input[.principalName],
            name: input[.name], groupIds: groupIds)
        return .saved(c.ui(changed ? .saved : .nothingChanged))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .register(.unknownKind): .kind
        case .register(.unknownPrincipal): .principal
        case .register(.duplicateName): .name
        case .register(.unknownGroup), .unknownGroup: .groups
        case .required(.principalName), .tooLong(.principalName, _), .invalidValue(.principalName, _): .principalName
        case .required, .tooLong, .invalidValue: .name
        default: nil
        }
    }
}
