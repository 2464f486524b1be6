import ArgumentParser
import Foundation
import SIPModel

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Who saw or changed what, and when; one line per event.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this plan: everyone who has seen or changed it.") var plan: Int64?
    @Option(help: "Only this user (OS user name).") var user: String?
    @Option(help: "From this day, YYYY-MM-DD.") var from: String?
    @Option(help: "To this day, YYYY-MM-DD.") var to: String?

    func run() throws {
        // An administrator reads the whole trail; a coordinator the trail of a plan they may see.
        let lines = try global.withStore(requiring: plan == nil ? .maintenance : nil) { store in
            try store.auditTrail(
                planId: plan, user: user, from: try from.flatMap { try Day.parseOptional($0) },
                to: try to.flatMap { try Day.parseOptional($0) })
        }
        let c = global.catalog
        let text = lines.map { line in
            let head = line.malformed ? c(.auditMalformedRow) + " \(line.id): " : ""
            return TerminalText.safe(
                head + "\(line.at)  \(line.user)  \(line.action)  \(line.entity)"
                    + (line.entityId.map { " \($0)" } ?? "") + (line.detail.isEmpty ? "" : "  " + line.detail))
        }.joined(separator: "\n")
        Output.write(text.isEmpty ? "" : text + "\n")
    }
}
