import ArgumentParser
import Foundation
import SIPModel

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List, show, invite to and export plans.",
        subcommands: [
            List.self, Show.self, InvitationCommand.self, Export.self, HandOver.self, Reopen.self, Reschedule.self,
            CancelMeeting.self,
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
            commandName: "invitation",
            abstract: "The invitation to a plan's next meeting: text, iCalendar, the family's letter (HTML), or sent.",
            discussion: """
                --send mails the kallelse to every invited organisation's person with an e-mail address, the \
                .ics attached, through the sendmail command (setting sendmail-command, or $SIP_TUI_SENDMAIL; \
                default /usr/sbin/sendmail -t -i). Only those who do not have this revision yet are sent it; a \
                moved meeting goes out again with a higher SEQUENCE, a cancelled one as METHOD:CANCEL.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "text, ics, or html (the family's letter, print-ready).") var format: InvitationFormat = .text
        @Option(help: "A meeting number (default: the next meeting not yet held).") var meeting: Int64?
        @Option(help: "The organiser's e-mail address for the calendar event (replies go there).") var organizer:
            String?
        @Option(help: "Write to this new file (yours, mode 0600) instead of standard output.") var output: String?
        @Flag(help: "Send the kallelse by e-mail (see above).") var send = false
        @Option(name: .customLong("reply-by"), help: "With --send: the date answers are asked for (YYYY-MM-DD).")
        var replyBy: String?

        enum InvitationFormat: String, ExpressibleByArgument, CaseIterable { case text, ics, html }

        func run() throws {
            if send { return try sendKallelse() }
            let (id, meeting, format, organizer, output, catalog) = (
                id, meeting, format, organizer, output, global.catalog
            )
            do {
                let text = try global.withStore(requiring: .plans) { store -> String? in
                    let (zone, user, now) = (store.context.timeZone, store.context.user, store.context.now())
                    // One export line, written with the file (or before standard output).
                    return try store.exportPlan(id, what: "invitation", format: format.rawValue, to: output) {
                        document -> String? in
                        let invitation = try Invitation(
                            document: document, meetingId: meeting, zone: zone, catalog: catalog)
                        let text: String
                        switch format {
                        case .text: text = try invitation.text()
                        case .html: text = try invitation.letterHTML()
                        case .ics:
                            // Replies go to the organiser: the coordinator's address when given, never a guess.
                            let address =
                                organizer.map { "mailto:" + TextRules.clean($0, multiline: false) }
                                ?? "urn:sip-tui:user:\(user)"
                            text = invitation.ics(organizer: address, now: now)
                        }
                        guard output != nil else { return text }
                        // The iCalendar text escapes its values itself, and its lines end in CRLF.
                        try Output.write(text, to: output, document: format != .text)
                        return nil
                    }
                }
                if let text { try Output.write(text, to: nil, document: format != .text) }
            } catch let error as SIPError {
                global.fail(error)
            }
        }

        /// One line per recipient; exit status 1 when any was not accepted (they are tried again
        /// the next time).
        func sendKallelse() throws {
            let catalog = global.catalog
            var day: Day?
            if let replyBy {
                guard let parsed = Day(iso: replyBy) else { global.fail(.invalidDate(replyBy)) }
                day = parsed
            }
            let (id, meeting, reply) = (id, meeting, day)
            let (dispatch, outcomes) = try global.withStore(requiring: .plans) { store in
                try store.sendKallelse(
                    planId: id, meetingId: meeting, replyBy: reply, catalog: catalog, mailer: try store.sendmail())
            }
            if outcomes.isEmpty && !dispatch.sent.isEmpty { print(catalog(.nothingToSend)) }
            for outcome in outcomes {
                print(TerminalText.safe(catalog.mailOutcome(outcome.recipient, failure: outcome.failure)))
            }
            if !dispatch.withoutAddress.isEmpty {
                print(catalog(.kallelseWithoutAddress))
                for person in dispatch.withoutAddress {
                    print("  " + TerminalText.safe("\(person.person), \(person.agency)"))
                }
            }
            if outcomes.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The written plan in the language of --lang, A4-friendly, the law's four points marked.")
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

extension PlanCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a closed plan again, with a reason (audited); it returns to its status before closing.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "Why the plan is opened again.") var reason: String

        func run() throws {
            let plan = try global.withStore(requiring: .plans) { store in try store.reopenPlan(id, reason: reason) }
            print(global.catalog(.reopened) + " " + global.catalog.status(plan.status))
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a meeting; send the change with: plan invitation ID --send --meeting M.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The meeting number.") var meeting: Int64
        @Option(help: "The new start, local time: YYYY-MM-DD HH:MM (or YYYY-MM-DDTHH:MM).") var at: String
        @Option(help: "The new length in minutes.") var minutes: Int?
        @Option(help: "The new place.") var place: String?
        @Option(help: "The new video link.") var link: String?

        func run() throws {
            let (id, meeting, minutes, place, link) = (id, meeting, minutes, place, link)
            let text = at
            try global.withStore(requiring: .plans) { store in
                guard let start = LocalDateTime.parse(text, zone: store.context.timeZone) else {
                    throw SIPError.invalidDate(text)
                }
                guard try store.meetings(planId: id).contains(where: { $0.id == meeting }) else {
                    throw SIPError.notFound(.meeting, meeting)
                }
                try store.rescheduleMeeting(
                    meeting, startsAt: start, durationMinutes: minutes, place: place, videoLink: link)
            }
            print(global.catalog.ui(.saved))
        }
    }

    struct CancelMeeting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel-meeting",
            abstract: "Call a meeting off; send the cancellation with: plan invitation ID --send --meeting M.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The meeting number.") var meeting: Int64

        func run() throws {
            let (id, meeting) = (id, meeting)
            try global.withStore(requiring: .plans) { store in
                guard try store.meetings(planId: id).contains(where: { $0.id == meeting }) else {
                    throw SIPError.notFound(.meeting, meeting)
                }
                try store.cancelMeeting(meeting)
            }
            print(global.catalog.ui(.saved))
        }
    }
}

/// A local date and time as typed: `YYYY-MM-DD HH:MM` or with a `T`.
enum LocalDateTime {
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard time.count == 2, (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        return day.date(hour: time[0], minute: time[1], in: zone)
    }
}
