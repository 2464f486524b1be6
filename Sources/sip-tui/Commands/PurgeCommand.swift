import ArgumentParser
import Foundation
import SIPModel

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Retention (gallring): remove the personal data of plans closed before a day.",
        discussion: """
            Lists the plans first. What stays is de-identified (numbers, dates, statuses, sex and birth year, \
            organisations, deviations), so the BUS review's figures do not change. Requests declined before \
            the day (they led to no plan) lose the child's and the asker's details and their text the same way.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("closed-before"), help: "Plans closed before this day, YYYY-MM-DD.") var closedBefore:
        String
    @Flag(name: .customLong("dry-run"), help: "Only list what would be purged; change nothing.") var dryRun = false

    func run() throws {
        let c = global.catalog
        let (plans, requests) = try global.withStore(requiring: .maintenance) { store -> ([PurgeCandidate], Int) in
            guard let day = try Day.parseOptional(closedBefore) else { throw SIPError.required(field: .dueDate) }
            let requests = try store.declinedRequestsToPurge(answeredBefore: day).count
            return (dryRun ? try store.purgeCandidates(closedBefore: day) : try store.purge(closedBefore: day), requests)
        }
        var text = plans.map {
            "\(c(.planNumber)) \($0.planId)  \(c(.closedOn)) \($0.closedOn.iso)  \(TerminalText.safe($0.busGroup))"
        }
        text.append(String(format: c(dryRun ? .purgeWouldRemove : .purgeRemoved), plans.count))
        if requests > 0 {
            text.append(String(format: c(dryRun ? .purgeRequestsWouldRemove : .purgeRequestsRemoved), requests))
        }
        Output.write(text.joined(separator: "\n") + "\n")
    }
}
