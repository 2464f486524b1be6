import ArgumentParser
import Foundation
import SIPModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check integrity, references, the review's tallies, file permissions (and a shared installation).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Recount the review's tallies from the plans and deviations first (administrators).") var repair = false

    func run() throws {
        let c = global.catalog
        let report = try global.withStore { store in
            if repair {
                try store.recountReviewTallies()
                print(c(.talliesRecounted) + ".")
            }
            var report = try store.check()
            // Shared mode: the installation too (directory, files, configuration, the program's modes).
            if let shared = try SharedMode.detect() { report.problems += shared.problems() }
            return report
        }
        guard report.isHealthy else {
            report.problems.forEach(global.report)
            throw ExitCode(1)
        }
        print(c(.checkOK) + ".")
    }
}
