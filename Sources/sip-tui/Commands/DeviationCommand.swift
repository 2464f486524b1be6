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
        @Flag(help: "Print CSV for a Swedish spreadsheet (semicolons, UTF-8 with a byte-order mark).") var csv = false

        func run() throws {
            let rows = try global.withStore(requiring: .deviations) { store in try store.deviationSummaries() }
            if json {
                Output.write(try Output.json(rows) + "\n")
            } else if csv {
                // The CSV neutralises its cells itself, and its lines end in CRLF.
                Output.writeDocument(SpreadsheetCSV.deviations(rows, catalog: global.catalog))
            } else {
                Output.write(TextReports.deviationTable(rows, catalog: global.catalog))
            }
        }
    }
}
