import ArgumentParser
import Foundation
import SIPModel

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $SIP_TUI_DB, else $XDG_DATA_HOME/sip-tui/sip.sqlite).")
    var db: String?

    @Option(name: .long, help: "Language of the interface: sv (default) or en.")
    var lang: Language = .sv

    var catalog: Catalog { Catalog(lang) }

    /// Opens the store, turning any failure into one clear line on stderr and exit code 1.
    func withStore<T>(_ body: (Store) throws -> T) throws -> T {
        let location = DatabaseLocation.resolve(option: db)
        do {
            let store = try Store(path: location.path, context: .current(), createDirectory: location.isDefault)
            defer { try? store.close() }
            return try body(store)
        } catch let error as SIPError {
            fail(error)
        }
    }

    func fail(_ error: SIPError) -> Never {
        report(error)
        Foundation.exit(1)
    }

    /// One line on stderr, and a hint under it where one helps.
    func report(_ error: SIPError) {
        var text = "sip-tui: " + TerminalText.safe(catalog.message(error)) + "\n"
        if let hint = catalog.hint(error) { text += "  " + hint + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension Language: ExpressibleByArgument {}

@main
struct SipTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-tui",
        abstract: "Coordinated individual plans (SIP) and BUS deviations, from the keyboard.",
        discussion: "With no subcommand, opens the terminal interface.",
        subcommands: [DemoCommand.self, PlanCommand.self, DeviationCommand.self, CheckCommand.self])

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let end = try global.withStore { store -> SessionEnd in
            do {
                return try NcursesTerminal.run(store: store, catalog: global.catalog)
            } catch NcursesTerminal.TerminalError.notATerminal {
                global.fail(.storage(global.catalog(.needsTerminal)))
            } catch NcursesTerminal.TerminalError.unknownTerminal {
                global.fail(.storage(global.catalog(.unknownTerminal)))
            }
        }
        if case .signal(let number) = end { throw ExitCode(128 + number) }
        if end == .terminalLost { throw ExitCode(1) }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty database with fictional demo plans.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many plans to create.") var plans: Int = 40
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 1

    func run() throws {
        let summary = try global.withStore { store in try DemoGenerator.run(store: store, plans: plans, seed: seed) }
        let c = global.catalog
        print("\(c(.demoDone)): \(summary.plans) \(c(.tuiPlans)), \(summary.groups) BUS, "
              + "\(c(.meetings)) \(summary.meetings), \(c(.interventions)) \(summary.interventions), "
              + "\(c(.deviations)) \(summary.deviations).")
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List and show plans.", subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List plans.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status: draft|invited|active|follow_up_due|closed (or Swedish).") var status: String?
        @Option(help: "Only this BUS group (name or number).") var group: String?
        @Flag(help: "Only plans past a follow-up or intervention date.") var overdue = false
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            var filter = PlanFilter(overdueOnly: overdue)
            if let status {
                guard let parsed = PlanStatus(userText: status) else { global.fail(.unknownStatus(status)) }
                filter.status = parsed
            }
            let rows = try global.withStore { store in
                if let group { filter.busGroupId = try store.busGroup(matching: group).id }
                return try store.planSummaries(filter)
            }
            if json {
                print(try Output.json(rows))
            } else {
                print(Output.planTable(rows, catalog: global.catalog), terminator: "")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one plan in full.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let document = try global.withStore { store in try store.planDocument(id) }
            if json {
                print(try Output.json(document))
            } else {
                print(Output.planText(document, catalog: global.catalog), terminator: "")
            }
        }
    }
}

struct DeviationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviation", abstract: "BUS deviations.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List BUS deviations.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let rows = try global.withStore { store in try store.deviationSummaries() }
            if json {
                print(try Output.json(rows))
            } else {
                print(Output.deviationTable(rows, catalog: global.catalog), terminator: "")
            }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check integrity, references and file permissions.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try global.withStore { store in try store.check() }
        let c = global.catalog
        guard report.isHealthy else {
            report.problems.forEach(global.report)
            throw ExitCode(1)
        }
        print(c(.checkOK) + ".")
    }
}
