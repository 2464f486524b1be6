import ArgumentParser
import Foundation
import SIPModel

/// An organisation as `org list --json` prints it (docs/json.md).
struct OrganisationJSON: Encodable {
    var id: Int64
    var name: String
    var kind: String
    var principal: String
    var principalName: String
    /// Names of the BUS groups it serves; empty: every group.
    var groups: [String]
    var retiredOn: String?
}

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "The register's organisations (administrators).",
        discussion: """
            Principal: kommun, region, private or state. Groups: the BUS groups it serves (repeat --group); \
            none, or --all-groups, for every group. A retired organisation keeps its history and is offered to no one.
            """,
        subcommands: [List.self, Add.self, Edit.self, Retire.self, Kinds.self])

    static func principal(_ text: String?) throws -> PrincipalType? {
        guard let text else { return nil }
        guard let principal = PrincipalType.parse(text) else { throw SIPError.register(.unknownPrincipal(text)) }
        return principal
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the organisations, retired ones too.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let (rows, groups) = try global.withStore(requiring: .settings) { store in
                (try store.registerOrganisations(), try store.busGroups())
            }
            let names = Dictionary(uniqueKeysWithValues: groups.map { ($0.id!, $0.name) })
            let list = rows.map { row in
                OrganisationJSON(
                    id: row.agency.id!, name: row.agency.name, kind: row.agency.kind,
                    principal: row.agency.principalType.registerWord, principalName: row.agency.principalName,
                    groups: row.groupIds.compactMap { names[$0] }, retiredOn: row.agency.retiredOn?.iso)
            }
            if json { return Output.write(try Output.json(list) + "\n") }
            let catalog = global.catalog
            for o in list {
                let groups = o.groups.isEmpty ? catalog.registerAllGroups : o.groups.joined(separator: ", ")
                let status = catalog.registerStatus(retired: o.retiredOn != nil)
                Output.writeRow(["\(o.id)", o.name, o.kind, o.principal, o.principalName, groups, status])
            }
        }
    }

    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the kinds of organisation: code, name, and the principal a new one defaults to.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let kinds = try global.withStore { store in try store.agencyKinds() }
            for kind in kinds {
                Output.writeRow([
                    kind.code, global.catalog.name(of: kind), kind.defaultPrincipal.registerWord,
                ])
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organisation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its name.") var name: String
        @Option(help: "Its kind, by code or name (org kinds lists them: skola, bup, Socialtjänst...).") var kind: String
        @Option(help: "The principal's type: kommun, region, private or state (default: the kind's).")
        var principal: String?
        @Option(help: "The principal by name: \"Norrviks kommun\".") var principalName: String
        @Option(help: "A BUS group it serves (number or name); repeat for several.") var group: [String] = []

        func run() throws {
            let agency = try global.withStore(requiring: .settings) { store in
                try store.addAgency(
                    kind: kind, principalType: try OrgCommand.principal(principal), principalName: principalName,
                    name: name, groupIds: try store.offeredGroupIds(named: group))
            }
            Output.writeRow(["\(agency.id!)", agency.name])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an organisation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The organisation (number or name).") var org: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new kind, by code or name (org kinds).") var kind: String?
        @Option(help: "kommun, region, private or state.") var principal: String?
        @Option(help: "The principal by name.") var principalName: String?
        @Option(help: "The groups it serves, replacing the ones it had; repeat for several.") var group: [String] = []
        @Flag(help: "It serves every group.") var allGroups = false

        func run() throws {
            try global.withStore(requiring: .settings) { store in
                let agency = try store.agency(matching: org)
                let groups: [Int64]? = allGroups ? [] : group.isEmpty ? nil : try store.offeredGroupIds(named: group)
                _ = try store.editAgency(
                    agency.id!, kind: kind, principalType: try OrgCommand.principal(principal),
                    principalName: principalName, name: name, groupIds: groups)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire an organisation: it keeps its history and is offered to no one.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The organisation (number or name).") var org: String

        func run() throws {
            try global.withStore(requiring: .settings) { store in
                try store.retireAgency(store.agency(matching: org).id!)
            }
        }
    }
}
