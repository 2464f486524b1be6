import ArgumentParser
import Foundation
import SIPModel

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List, show, invite to and export plans.",
        subcommands: [
            List.self, Show.self, InvitationCommand.self, Export.self, HandOver.self,
            // Issue 17: the child and the family.
            Lead.self, Goals.self, Assess.self, Participation.self, Need.self, Language.self, Interpreter.self,
            Discharge.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List plans.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status: draft|invited|active|follow_up_due|closed (or Swedish).") var status: String?
        @Option(help: "Only this BUS group (name or number).") var group: String?
        @Flag(help: "Only plans past a follow-up or intervention date.") var overdue = false
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            var filter = PlanFilter(overdueOnly: overdue)
            if let status {
                guard let parsed = PlanStatus(userText: status) else { global.fail(.unknownStatus(status)) }
                filter.status = parsed
            }
            let rows = try global.withStore(requiring: .plans) { store in
                if let group { filter.busGroupId = try store.busGroup(matching: group).id }
                return try store.planSummaries(filter)
            }
            if json {
                Output.write(try Output.json(rows) + "\n")
            } else {
                Output.write(TextReports.planTable(rows, catalog: global.catalog))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one plan in full.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let document = try global.withStore(requiring: .plans) { store in try store.planDocument(id) }
            if json {
                Output.write(try Output.json(document) + "\n")
            } else {
                Output.write(TextReports.planText(document, catalog: global.catalog))
            }
        }
    }
}

extension PlanCommand {
    struct InvitationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invitation", abstract: "The invitation to a plan's next meeting, as text or iCalendar.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "text or ics.") var format: InvitationFormat = .text
        @Option(help: "A meeting number (default: the next meeting not yet held).") var meeting: Int64?
        @Option(help: "The organiser's e-mail address for the calendar event (replies go there).") var organizer:
            String?
        @Option(help: "Write to this new file (yours, mode 0600) instead of standard output.") var output: String?

        enum InvitationFormat: String, ExpressibleByArgument, CaseIterable { case text, ics }

        func run() throws {
            let (id, meeting, format, organizer, output) = (id, meeting, format, organizer, output)
            do {
                let text = try global.withStore(requiring: .plans) { store -> String? in
                    let (zone, user, now) = (store.context.timeZone, store.context.user, store.context.now())
                    // One export line, written with the file (or before standard output).
                    return try store.exportPlan(id, what: "invitation", format: format.rawValue, to: output) {
                        document -> String? in
                        let invitation = try Invitation(document: document, meetingId: meeting, zone: zone)
                        let text: String
                        switch format {
                        case .text: text = try invitation.text()
                        case .ics:
                            // Replies go to the organiser: the coordinator's address when given, never a guess.
                            let address =
                                organizer.map { "mailto:" + TextRules.clean($0, multiline: false) }
                                ?? "urn:sip-tui:user:\(user)"
                            text = invitation.ics(organizer: address, now: now)
                        }
                        guard output != nil else { return text }
                        // The iCalendar text escapes its values itself, and its lines end in CRLF.
                        try Output.write(text, to: output, document: format == .ics)
                        return nil
                    }
                }
                if let text { try Output.write(text, to: nil, document: format == .ics) }
            } catch let error as SIPError {
                global.fail(error)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The written plan: Swedish, A4-friendly, the law's four points marked.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "text, md or html.") var format: PlanExport.Format = .text
        @Option(name: .customLong("for"), help: "professionals (the full plan), family (one page) or child.")
        var audience: PlanExport.Audience = .professionals
        @Option(help: "Write to this new file (yours, mode 0600) instead of standard output.") var output: String?

        func run() throws {
            let (id, format, output, audience, catalog) = (id, format, output, audience, global.catalog)
            do {
                let text = try global.withStore(requiring: .plans) { store -> String? in
                    // One export line, written with the file (or before standard output).
                    try store.exportPlan(
                        id, what: audience == .professionals ? "plan" : "plan for \(audience.rawValue)",
                        format: format.rawValue, to: output
                    ) { document -> String? in
                        let text = PlanExport(document, for: audience, catalog: catalog).render(format)
                        guard output != nil else { return text }
                        try Output.write(text, to: output)
                        return nil
                    }
                }
                if let text { try Output.write(text, to: nil) }
            } catch let error as SIPError {
                global.fail(error)
            }
        }
    }
}

extension PlanExport.Format: ExpressibleByArgument {}
extension PlanExport.Audience: ExpressibleByArgument {}

extension PlanCommand {
    struct HandOver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hand-over",
            abstract: "Hand a coordinator's open plans (or one plan) to another coordinator, audited per plan.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login of the coordinator handing over.") var from: String
        @Option(help: "The login of the coordinator taking over (a coordinator user).") var to: String
        @Option(help: "Only this plan (it may be closed); default: every open plan of --from.") var plan: Int64?

        func run() throws {
            let moved = try global.withStore { store in try store.handOver(from: from, to: to, planId: plan) }
            let line = global.catalog(.handedOver)
            for id in moved { print(String(format: line, id) + " " + TerminalText.safe("\(from) -> \(to)")) }
        }
    }
}
