import ArgumentParser
import Foundation
import SIPModel

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or set the local deadlines (days).",
        discussion:
            "Names: first-meeting-days (consent to first meeting, default 21), follow-up-days (default 90), deviation-response-days (default 30)."
    )
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("set"), help: "NAME=DAYS, for example first-meeting-days=14.") var assignments: [String] =
        []

    func run() throws {
        let deadlines = try global.withStore { store -> Deadlines in
            // All or nothing: every assignment is parsed and checked before any is written.
            let parsed = try assignments.map { assignment -> (name: String, days: Int) in
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let days = Int(parts[1]) else {
                    throw SIPError.invalidValue(field: .note, value: assignment)
                }
                return (parts[0], days)
            }
            if !parsed.isEmpty { try store.setDeadlines(parsed) }
            return try store.deadlines()
        }
        for name in Deadlines.names { print("\(name)=\(deadlines[name]!)") }
    }
}
