import ArgumentParser
import Foundation
import SIPModel

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or set the local deadlines (days).",
        discussion:
            "Names: first-meeting-days (consent to first meeting, default 21), follow-up-days (default 90), deviation-response-days (default 30), reply-by-days (days before a meeting its kallelse asks for an answer, default 5). Text: sendmail-command (default /usr/sbin/sendmail -t -i; $SIP_TUI_SENDMAIL overrides it), mail-from (the sender's and organiser's address)."
    )
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("set"), help: "NAME=DAYS, for example first-meeting-days=14.") var assignments: [String] =
        []

    func run() throws {
        let (deadlines, texts) = try global.withStore { store -> (Deadlines, [String: String]) in
            // Text settings (the sendmail command, the sender's address) are set one by one.
            let (textual, days) = assignments.map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
                .reduce(into: ([[String]](), [[String]]())) { result, parts in
                    if parts.count == 2 && Store.textSettingNames.contains(parts[0]) {
                        result.0.append(parts)
                    } else {
                        result.1.append(parts)
                    }
                }
            // All or nothing: every assignment is parsed and checked before any is written.
            let parsed = try days.map { parts -> (name: String, days: Int) in
                guard parts.count == 2, let days = Int(parts[1]) else {
                    throw SIPError.invalidValue(field: .note, value: parts.joined(separator: "="))
                }
                return (parts[0], days)
            }
            if !parsed.isEmpty { try store.setDeadlines(parsed) }
            for parts in textual { try store.setTextSetting(parts[0], parts[1]) }
            var texts: [String: String] = [:]
            for name in Store.textSettingNames { texts[name] = try store.textSetting(name) ?? "" }
            return (try store.deadlines(), texts)
        }
        for name in Deadlines.names { print("\(name)=\(deadlines[name]!)") }
        for name in Store.textSettingNames { print(TerminalText.safe("\(name)=\(texts[name] ?? "")")) }
    }
}
