import ArgumentParser
import Foundation
import SIPModel

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(userText: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

/// A user as `user list --json` prints it (docs/json.md).
struct UserJSON: Encodable {
    var login: String
    var name: String
    var role: String
    var organisationId: Int64?
    var organisation: String?
    var groupId: Int64?
    var group: String?
    var allPlans: Bool
    var retiredOn: String?
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Who may use this database, and in which role (administrators).",
        discussion: """
            Roles: coordinator (the plans their organisation takes part in), bus-chair (the group's review and \
            deviation register), administrator (users, settings, audit, backup, purge). The owner of the \
            database file may always manage users.
            """,
        subcommands: [List.self, Add.self, SetRole.self, Retire.self, Email.self])

    /// Where a user works and what they see: the options `add` and `set-role` share.
    struct Placement: ParsableArguments {
        @Option(help: "Their organisation (number or name): a coordinator sees the plans it takes part in.") var org:
            String?
        @Option(help: "The BUS group a chair chairs (number or name); default their organisation's.") var group: String?
        @Flag(help: "A coordinator who coordinates every plan (a central SIP team).") var allPlans = false
        @Flag(help: "A chair of every group (the county level).") var allGroups = false

        /// Both flags are the one "everything in scope" of the role.
        var everything: Bool { allPlans || allGroups }

        func resolve(_ store: Store) throws -> (agencyId: Int64?, groupId: Int64?) {
            (try org.map { try store.agency(matching: $0).id! }, try group.map { try store.busGroup(matching: $0).id! })
        }

        /// Runs a change to user `login` with this placement resolved, then says their role.
        func change(
            _ global: GlobalOptions, login: String, role: Role,
            _ body: (Store, _ agencyId: Int64?, _ groupId: Int64?) throws -> Void
        ) throws {
            try global.withStore(requiring: .users) { store in
                let (agencyId, groupId) = try resolve(store)
                try body(store, agencyId, groupId)
            }
            print("\(login): \(global.catalog.role(role))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, retired ones marked.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let (users, agencies, groups) = try global.withStore(requiring: .users) { store in
                (try store.users(), try store.allAgencies(), try store.busGroups())
            }
            if json {
                let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
                let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id!, $0.name) })
                let list = users.map {
                    UserJSON(
                        login: $0.login, name: $0.name, role: $0.role.argument, organisationId: $0.agencyId,
                        organisation: $0.agencyId.flatMap { names[$0] }, groupId: $0.busGroupId,
                        group: $0.busGroupId.flatMap { groupNames[$0] }, allPlans: $0.allPlans,
                        retiredOn: $0.retiredOn?.iso)
                }
                return Output.write(try Output.json(list) + "\n")
            }
            Output.write(TextReports.userTable(users, agencies: agencies, groups: groups, catalog: global.catalog))
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a user who left: they cannot sign in, their history stays.",
            discussion: """
                Their audit lines and the plans they coordinated keep their name; hand their open plans \
                over with: sip-tui plan hand-over --from LOGIN --to LOGIN. The last administrator is not retired.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Option(help: "Why (kept in the audit trail).") var reason = ""

        func run() throws {
            try global.withStore(requiring: .users) { store in try store.retireUser(login: login, reason: reason) }
            print(TerminalText.safe(login) + ": " + global.catalog(.userRetiredDone))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user: an OS user name, their name and role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Option(help: "Their full name.") var name: String
        @Option(help: "coordinator, bus-chair or administrator.") var role: Role
        @OptionGroup var placement: Placement

        func run() throws {
            try placement.change(global, login: login, role: role) { store, agencyId, groupId in
                try store.addUser(
                    login: login, name: name, role: role, agencyId: agencyId, busGroupId: groupId,
                    allPlans: placement.everything)
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Give a user another role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Argument(help: "coordinator, bus-chair or administrator.") var role: Role
        @OptionGroup var placement: Placement

        func run() throws {
            try placement.change(global, login: login, role: role) { store, agencyId, groupId in
                try store.setRole(
                    login: login, role: role, agencyId: agencyId, busGroupId: groupId,
                    allPlans: placement.everything)
            }
        }
    }

    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the address a user's reminder digest goes to (empty: their login, a local mailbox).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Argument(help: "The e-mail address.") var address: String

        func run() throws {
            let (login, address) = (login, address)
            try global.withStore(requiring: .users) { store in try store.setEmail(login: login, address) }
            print(global.catalog.ui(.saved))
        }
    }
}
