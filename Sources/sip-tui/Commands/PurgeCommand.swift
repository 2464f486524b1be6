import ArgumentParser
import Foundation
import SIPModel

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Retention (gallring): remove the personal data of plans closed before a day.",
        discussion: """
            Lists the plans first. What stays is de-identified (numbers, dates, statuses, sex and birth year, \
            organisations, deviations), so the BUS review's figures do not change.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("closed-before"), help: "Plans closed before this day, YYYY-MM-DD.") var closedBefore:
        String
    @Flag(name: .customLong("dry-run"), help: "Only list what would be purged; change nothing.") var dryRun = false

    func run() throws {
        let c = global.catalog
        let plans = try global.withStore(requiring: .maintenance) { store -> [PurgeCandidate] in
            guard let day = try Day.parseOptional(closedBefore) else { throw SIPError.required(field: .dueDate) }
            return dryRun ? try store.purgeCandidates(closedBefore: day) : try store.purge(closedBefore: day)
        }
        var text = plans.map {
            "\(c(.planNumber)) \($0.planId)  \(c(.closedOn)) \($0.closedOn.iso)  \(TerminalText.safe($0.busGroup))"
        }
        text.append(String(format: c(dryRun ? .purgeWouldRemove : .purgeRemoved), plans.count))
        Output.write(text.joined(separator: "\n") + "\n")
    }
}
