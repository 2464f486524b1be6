import ArgumentParser
import Foundation
import SIPModel

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The BUS review for a group or all groups and a period: de-identified counts.",
        discussion: "Without --from/--to: the twelve months up to today (a group's annual deviation report).",
        subcommands: [Note.self])
    @OptionGroup var global: GlobalOptions
    @OptionGroup var groupOption: GroupOption
    var group: String? { groupOption.group }
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

/// `--group`, of the report and of `report note` (one option group, so it is theirs whichever it follows).
struct GroupOption: ParsableArguments {
    @Option(help: "A BUS group (name or number); without it, all groups (report note: required).") var group: String?
}

extension ReportCommand {
    /// A group's own words on what it did in a year, shown in its annual report ("Vad gjordes").
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write what a BUS group did in a year, for its annual report (its chair or an administrator).",
            discussion: """
                Every reader of the annual report sees the text: one with a personal identity or coordination \
                number is refused. An empty text removes the note.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var groupOption: GroupOption
        @Option(help: "The year the note is about.") var year: Int
        @Option(help: "Read the text from this file (UTF-8).") var file: String?
        @Argument(help: "The text (or --file).") var text: String?

        func run() throws {
            let (group, year, file, given) = (groupOption.group, year, file, text)
            try global.withStore { store in
                guard let group else { throw SIPError.required(field: .groupName) }
                let text: String
                if let file {
                    guard given == nil else { throw SIPError.invalidValue(field: .note, value: "--file") }
                    guard let data = FileManager.default.contents(atPath: file),
                        let read = String(data: data, encoding: .utf8)
                    else { throw SIPError.cannotOpen(file) }
                    text = read
                } else {
                    guard let given else { throw SIPError.required(field: .note) }
                    text = given
                }
                try store.writeAnnualNote(groupId: try store.busGroup(matching: group).id!, year: year, text: text)
            }
            print(global.catalog.ui(.saved))
        }
    }
}
