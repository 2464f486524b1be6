import ArgumentParser
import Foundation
import SIPModel

/// A BUS group as `group list --json` prints it (docs/json.md).
struct GroupJSON: Encodable {
    var id: Int64
    var name: String
    var area: String
    var chair: String
    var retiredOn: String?
}

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group", abstract: "The register's BUS groups (administrators).",
        subcommands: [List.self, Add.self, Edit.self, Retire.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the BUS groups, retired ones too.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let groups = try global.withStore(requiring: .settings) { store in try store.busGroups() }
            let list = groups.map {
                GroupJSON(id: $0.id!, name: $0.name, area: $0.area, chair: $0.chair, retiredOn: $0.retiredOn?.iso)
            }
            if json { return Output.write(try Output.json(list) + "\n") }
            for g in list {
                let status = global.catalog.registerStatus(retired: g.retiredOn != nil)
                Output.writeRow(["\(g.id)", g.name, g.area, g.chair, status])
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a BUS group.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its name.") var name: String
        @Option(help: "The municipality or district it serves.") var area = ""
        @Option(help: "Its chair, by name.") var chair = ""

        func run() throws {
            let group = try global.withStore(requiring: .settings) { store in
                try store.addBusGroup(name: name, area: area, chair: chair)
            }
            Output.writeRow(["\(group.id!)", group.name])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a BUS group.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group (number or name).") var group: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "The municipality or district.") var area: String?
        @Option(help: "The chair.") var chair: String?

        func run() throws {
            _ = try global.withStore(requiring: .settings) { store in
                try store.editBusGroup(store.busGroup(matching: group).id!, name: name, area: area, chair: chair)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a BUS group: its plans and review stay; it is offered to no one.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group (number or name).") var group: String

        func run() throws {
            try global.withStore(requiring: .settings) { store in
                try store.retireBusGroup(store.busGroup(matching: group).id!)
            }
        }
    }
}
