import ArgumentParser
import Foundation
import SIPModel

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Send each user with something due one digest (counts and plan numbers, no names).",
        discussion: """
            Meant for a daily timer (see the README). Due: kallelser unanswered after their reply-by date \
            (the "kallelse ej besvarad" deviation is then offered on the plan, for a person to register), \
            follow-ups and interventions past their date, kallelser the sendmail command did not accept. \
            A user gets one digest a day; one that failed is sent again on the next run. Needs the \
            administrator role.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("dry-run"), help: "Show the digests; send and record nothing.") var dryRun = false

    func run() throws {
        let catalog = global.catalog
        let dryRun = dryRun
        let outcomes = try global.withStore(requiring: .maintenance) { store in
            try store.sendReminders(dryRun: dryRun, catalog: catalog, mailer: try store.sendmail())
        }
        for outcome in outcomes {
            let digest = outcome.digest
            if dryRun {
                print(TerminalText.safe(catalog.digestLine(digest.recipient, items: digest.itemCount)))
                Output.write(
                    digest.body(catalog).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "  " + $0 }.joined(separator: "\n") + "\n")
            } else {
                print(TerminalText.safe(catalog.mailOutcome(digest.recipient, failure: outcome.failure)))
            }
        }
        if outcomes.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }
}
