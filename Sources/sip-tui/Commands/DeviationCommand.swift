import ArgumentParser
import Foundation
import SIPModel

struct DeviationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviation", abstract: "BUS deviations.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List BUS deviations.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let rows = try global.withStore(requiring: .deviations) { store in try store.deviationSummaries() }
            if json {
                Output.write(try Output.json(rows) + "\n")
            } else {
                Output.write(TextReports.deviationTable(rows, catalog: global.catalog))
            }
        }
    }
}
