import SIPModel
import SIPWidgets

/// A BUS group added or changed (administrators): its name, the municipality or district it
/// serves, and its chair, chosen among the users (a chair written in by import who is no user yet
/// stays a choice). Saved through the model, which audits it.
public struct BusGroupForm: RecordForm {
    public enum Key: String, Sendable { case name, area, chair }

    /// The group changed (nil: a new one).
    public let groupId: Int64?
    public init(groupId: Int64? = nil) { self.groupId = groupId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        // Read through the listing, which only an administrator may: a role taken away shows no form.
        let listing = try store.registerListing()
        let group = try groupId.map { id in
            guard let group = listing.groups.first(where: { $0.id == id }) else {
                throw SIPError.notFound(.busGroup, id)
            }
            return group
        }
        // Chairs first, then everyone else; the choice is the user's name, as the group keeps it.
        let users = try store.users().sorted {
            ($0.role == .busChair ? 0 : 1, $0.name) < ($1.role == .busChair ? 0 : 1, $1.name)
        }
        var chairs = [FormField.Choice(id: "", label: c.ui(.noneChoice))]
        var seen: Set<String> = [""]
        for user in users where seen.insert(user.name).inserted {
            chairs.append(.init(id: user.name, label: user.name, detail: c.role(user.role)))
        }
        if let chair = group?.chair, !seen.contains(chair) { chairs.insert(.init(id: chair, label: chair), at: 1) }
        return FormContent(
            title: group.map { c.ui(.editBusGroup) + " – " + $0.name } ?? c.ui(.newBusGroup),
            fields: [
                text(.name, c.ui(.columnName), group?.name ?? ""),
                text(.area, c.ui(.areaLabel), group?.area ?? ""),
                picker(.chair, c.ui(.chairLabel), chairs, selected: group?.chair ?? ""),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        guard let groupId else {
            _ = try store.addBusGroup(name: input[.name], area: input[.area], chair: input[.chair])
            return .saved(c.ui(.added))
        }
        let changed = try store.editBusGroup(groupId, name: input[.name], area: input[.area], chair: input[.chair])
        return .saved(c.ui(changed ? .saved : .nothingChanged))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .register(.duplicateName), .required(.groupName): .name
        case .tooLong(.groupName, _), .invalidValue(.groupName, _): .area
        case .tooLong(.name, _), .invalidValue(.name, _): .chair
        default: nil
        }
    }
}
