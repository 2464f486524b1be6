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
    @Option(help: "text, csv or json; html for --annual and --by-group.") var format: ReportFormat = .text
    @Option(help: "The annual report of YEAR (html, csv or json): the year beside the one before, months, charts.")
    var annual: Int?
    @Flag(help: "Every group's key figures side by side with the county's total (csv or html).") var byGroup = false
    @Option(help: "CSV separator: semicolon (Swedish spreadsheets) or comma.") var separator: Separator = .semicolon

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json, html }
    enum Separator: String, ExpressibleByArgument, CaseIterable { case semicolon, comma }

    func run() throws {
        let output = try global.withStore(requiring: .review) { store -> String in
            let last = try to.map { raw in try Day.parseOptional(raw) ?? store.context.today } ?? store.context.today
            let first =
                try from.map { raw in try Day.parseOptional(raw) ?? last.startOfYearEndingHere }
                ?? last.startOfYearEndingHere
            if last < first { throw SIPError.dateOrder(field: .dueDate) }
            let groupId = try group.map { try store.busGroup(matching: $0).id! }
            let catalog = global.catalog
            if let annual {
                guard (1900...9999).contains(annual) else { throw SIPError.invalidDate(String(annual)) }
                let report = try store.annualReport(groupId: groupId, year: annual)
                let document = AnnualReportDocument(report, catalog: catalog)
                switch format {
                case .html, .text: return document.html()
                case .csv: return document.csv()
                case .json: return try Output.json(report) + "\n"
                }
            }
            if byGroup {
                let side = try store.groupsSideBySide(from: first, to: last)
                return format == .html ? side.html(catalog, from: first, to: last) : side.csv(catalog)
            }
            // Text and CSV print counts: summed from the tallies. JSON also lists the ids behind each.
            // Small counts hidden, with the cells that would give them away (`suppress-below`).
            let review = try store.review(groupId: groupId, from: first, to: last, withIds: format == .json)
                .suppressed(below: try store.suppressBelow())
            switch format {
            case .text, .html: return ReviewTable.text(review, catalog: global.catalog)
            case .csv:
                return ReviewTable.csv(review, catalog: global.catalog, separator: separator == .comma ? "," : ";")
            case .json: return try Output.json(review) + "\n"
            }
        }
        // The CSV neutralises its cells itself, and its lines end in CRLF.
        format == .csv || (byGroup && format != .html) || (annual != nil && format == .csv)
            ? Output.writeDocument(output) : Output.write(output)
    }
}
