import SIPModel
import SIPWidgets

/// An administrator's start screen: the users and the settings, and the commands that change them;
/// the register's lists (organisations, BUS groups, contact persons) are a key away. It is only
/// ever an administrator's first screen, so no other role reaches the register's screens.
/// The user table is laid out in columns for the terminal's width, so it is read again on resize.
public struct AdministrationScreen: AppScreen {
    public enum Action: Hashable, Sendable {
        case view(TextViewScreen.Action)
        case organisations, groups, contacts
    }

    public private(set) var viewer = TextViewScreen(title: "", text: "", isStart: true)

    public init() {}

    static let registerKeys = [
        KeyBinding([.character("o")], Action.organisations, .organisations, hint: true),
        KeyBinding([.character("g")], Action.groups, .busGroups, hint: true),
        KeyBinding([.character("c")], Action.contacts, .contactPersons, hint: true),
    ]

    public var keys: KeyTable<Action> {
        // The register's letters win over the viewer's (g is also its "first line"; Home still is).
        let taken = Set(Self.registerKeys.flatMap(\.keys))
        return KeyTable(
            "administration",
            Self.registerKeys
                + viewer.keys.bindings.compactMap { binding in
                    let keys = binding.keys.filter { !taken.contains($0) }
                    return keys.isEmpty ? nil : KeyBinding(keys, Action.view(binding.action), binding.label, hint: binding.hint)
                })
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) { viewer.title(env) }

    public mutating func load(_ env: ScreenEnvironment) -> [Command<TextViewScreen.Content>] {
        [
            .query { session in
                TextViewScreen.Content(title: session.catalog.ui(.administration), text: try Self.text(session))
            }
        ]
    }

    public mutating func update(
        _ message: Message<TextViewScreen.Content>,
        _ env: ScreenEnvironment
    ) -> [Command<TextViewScreen.Content>] {
        if case .resized = message { return load(env) }
        // Nothing to go back to: an error stays on this screen.
        if case .unreadable(let error) = message { return [.error(error)] }
        if case .key(let key) = message, let action = keys.action(for: key) {
            switch action {
            case .organisations: return [.push(RegisterListScreen(.organisations))]
            case .groups: return [.push(RegisterListScreen(.groups))]
            case .contacts: return [.push(RegisterListScreen(.contacts(agencyId: nil)))]
            case .view: break
            }
        }
        return viewer.update(message, env)
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) { viewer.render(into: &grid, env) }

    static func text(_ session: Session) throws -> String {
        let store = session.store, catalog = session.catalog
        var text = catalog.ui(.administrationIntro) + "\n" + catalog.ui(.registerHint) + "\n\n"
        if let users = try? store.users(), let agencies = try? store.allAgencies(), let groups = try? store.busGroups()
        {
            text +=
                TextReports.userTable(
                    users, agencies: agencies, groups: groups, catalog: catalog,
                    width: session.width - 1) + "\n"
        }
        if let deadlines = try? store.deadlines() {
            text += Deadlines.names.map { "\($0)=\(deadlines[$0]!)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
