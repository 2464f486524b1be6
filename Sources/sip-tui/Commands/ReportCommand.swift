import ArgumentParser
import Foundation
import SIPModel

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The BUS review for a group or all groups and a period: de-identified counts.",
        discussion: "Without --from/--to: the twelve months up to today (a group's annual deviation report).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A BUS group (name or number); without it, all groups.") var group: String?
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default today).") var to: String?
    @Option(help: "text, csv or json.") var format: ReportFormat = .text
    @Option(help: "CSV separator: semicolon (Swedish spreadsheets) or comma.") var separator: Separator = .semicolon

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    enum Separator: String, ExpressibleByArgument, CaseIterable { case semicolon, comma }

    func run() throws {
        let output = try global.withStore(requiring: .review) { store -> String in
            let last = try to.map { raw in try Day.parseOptional(raw) ?? store.context.today } ?? store.context.today
            let first =
                try from.map { raw in try Day.parseOptional(raw) ?? last.startOfYearEndingHere }
                ?? last.startOfYearEndingHere
            if last < first { throw SIPError.dateOrder(field: .dueDate) }
            let groupId = try group.map { try store.busGroup(matching: $0).id! }
            // Text and CSV print counts: summed from the tallies. JSON also lists the ids behind each.
            // Small counts hidden, with the cells that would give them away (`suppress-below`).
            let review = try store.review(groupId: groupId, from: first, to: last, withIds: format == .json)
                .suppressed(below: try store.suppressBelow())
            switch format {
            case .text: return ReviewTable.text(review, catalog: global.catalog)
            case .csv:
                return ReviewTable.csv(review, catalog: global.catalog, separator: separator == .comma ? "," : ";")
            case .json: return try Output.json(review) + "\n"
            }
        }
        // The CSV neutralises its cells itself, and its lines end in CRLF.
        format == .csv ? Output.writeDocument(output) : Output.write(output)
    }
}
