import ArgumentParser
import Foundation
import SIPModel
import SIPDemo

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $SIP_TUI_DB, else $XDG_DATA_HOME/sip-tui/sip.sqlite).")
    var db: String?

    @Option(name: .long, help: "Language of the interface: sv (default) or en.")
    var lang: Language = .sv

    @Option(name: .customLong("shared-group"),
            help: "Share the database with this OS group (mode 0660); without it, files others can read are refused.")
    var sharedGroup: String?

    var catalog: Catalog { Catalog(lang) }

    /// Opens the store and signs the OS user in, checking they may do `capability`; turns any
    /// failure into one clear line on stderr and exit code 1.
    func withStore<T>(requiring capability: Access.Capability? = nil, _ body: (Store) throws -> T) throws -> T {
        let location = DatabaseLocation.resolve(option: db)
        do {
            let store = try Store(path: location.path, context: .current(), createDirectory: location.isDefault,
                                  sharedGroup: sharedGroup)
            defer { try? store.close() }
            let access = try store.signIn()
            if let capability { try access.require(capability) }
            return try body(store)
        } catch let error as SIPError {
            fail(error)
        }
    }

    func fail(_ error: SIPError) -> Never {
        report(error)
        Foundation.exit(1)
    }

    /// One line on stderr, and a hint under it where one helps.
    func report(_ error: SIPError) {
        var text = "sip-tui: " + TerminalText.safe(catalog.message(error)) + "\n"
        if let hint = catalog.hint(error) { text += "  " + hint + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension Language: ExpressibleByArgument {}

@main
struct SipTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-tui",
        abstract: "Coordinated individual plans (SIP) and BUS deviations, from the keyboard.",
        discussion: "With no subcommand, opens the terminal interface.",
        subcommands: [DemoCommand.self, PlanCommand.self, DeviationCommand.self, ReportCommand.self, SettingsCommand.self,
                      UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, PurgeCommand.self,
                      CheckCommand.self, BenchCommand.self])

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let end = try global.withStore { store -> SessionEnd in
            // The file's owner who is not a user may manage users, from the command line only.
            if store.access?.user == nil { throw SIPError.unknownUser(store.context.user) }
            do {
                return try NcursesTerminal.run(store: store, catalog: global.catalog)
            } catch NcursesTerminal.TerminalError.notATerminal {
                global.fail(.storage(global.catalog(.needsTerminal)))
            } catch NcursesTerminal.TerminalError.unknownTerminal {
                global.fail(.storage(global.catalog(.unknownTerminal)))
            }
        }
        if case .signal(let number) = end { throw ExitCode(128 + number) }
        if end == .terminalLost { throw ExitCode(1) }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty database with fictional demo plans.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many plans to create.") var plans: Int = 40
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 1

    func run() throws {
        // The model refuses a non-empty database first, then anyone but an administrator.
        let summary = try global.withStore { store in try DemoGenerator.run(store: store, plans: plans, seed: seed) }
        let c = global.catalog
        print("\(c(.demoDone)): \(summary.plans) \(c(.tuiPlans)), \(summary.groups) BUS, "
              + "\(c(.meetings)) \(summary.meetings), \(c(.interventions)) \(summary.interventions), "
              + "\(c(.deviations)) \(summary.deviations).")
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List, show, invite to and export plans.",
        subcommands: [List.self, Show.self, InvitationCommand.self, Export.self])

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
                print(try Output.json(rows))
            } else {
                print(TextReports.planTable(rows, catalog: global.catalog), terminator: "")
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
                print(try Output.json(document))
            } else {
                print(TextReports.planText(document, catalog: global.catalog), terminator: "")
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
        @Option(help: "The organiser's e-mail address for the calendar event (replies go there).") var organizer: String?

        enum InvitationFormat: String, ExpressibleByArgument, CaseIterable { case text, ics }

        func run() throws {
            let output = try global.withStore(requiring: .plans) { store -> String in
                let document = try store.planDocument(id)
                let invitation = try Invitation(document: document, meetingId: meeting, zone: store.context.timeZone)
                switch format {
                case .text: return try invitation.text()
                case .ics:
                    // Replies go to the organiser: the coordinator's address when given, never a guess.
                    let address = organizer.map { "mailto:" + TextRules.clean($0, multiline: false) }
                        ?? "urn:sip-tui:user:\(store.context.user)"
                    return invitation.ics(organizer: address, now: store.context.now())
                }
            }
            Output.write(output)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The written plan: Swedish, A4-friendly, the law's four points marked.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "text, md or html.") var format: PlanExport.Format = .text

        func run() throws {
            let output = try global.withStore(requiring: .plans) { store in PlanExport(try store.planDocument(id)).render(format) }
            Output.write(output)
        }
    }
}

extension PlanExport.Format: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The BUS review for a group or all groups and a period: de-identified counts.",
        discussion: "Without --from/--to: the twelve months up to today (a group's annual deviation report).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A BUS group (name or number); without it, all groups.") var group: String?
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default today).") var to: String?
    @Option(help: "text, csv or json.") var format: ReportFormat = .text
    @Option(help: "CSV separator: semicolon (Swedish spreadsheets) or comma.") var separator: Separator = .semicolon

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    enum Separator: String, ExpressibleByArgument, CaseIterable { case semicolon, comma }

    func run() throws {
        let output = try global.withStore(requiring: .review) { store -> String in
            let last = try to.map { raw in try Day.parseOptional(raw) ?? store.context.today } ?? store.context.today
            let first = try from.map { raw in try Day.parseOptional(raw) ?? last.startOfYearEndingHere } ?? last.startOfYearEndingHere
            if last < first { throw SIPError.dateOrder(field: .dueDate) }
            let groupId = try group.map { try store.busGroup(matching: $0).id! }
            // Text and CSV print counts: summed from the tallies. JSON also lists the ids behind each.
            let review = try store.review(groupId: groupId, from: first, to: last, withIds: format == .json)
            switch format {
            case .text: return ReviewTable.text(review, catalog: global.catalog)
            case .csv: return ReviewTable.csv(review, catalog: global.catalog, separator: separator == .comma ? "," : ";")
            case .json: return try Output.json(review) + "\n"
            }
        }
        Output.write(output)
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Who saw or changed what, and when; one line per event.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this plan: everyone who has seen or changed it.") var plan: Int64?
    @Option(help: "Only this user (OS user name).") var user: String?
    @Option(help: "From this day, YYYY-MM-DD.") var from: String?
    @Option(help: "To this day, YYYY-MM-DD.") var to: String?

    func run() throws {
        let lines = try global.withStore(requiring: .maintenance) { store in
            try store.auditTrail(planId: plan, user: user, from: try from.flatMap { try Day.parseOptional($0) },
                                 to: try to.flatMap { try Day.parseOptional($0) })
        }
        let text = lines.map { line in
            "\(line.at)  \(line.user)  \(line.action)  \(line.entity)" + (line.entityId.map { " \($0)" } ?? "")
                + (line.detail.isEmpty ? "" : "  " + TerminalText.safe(line.detail))
        }.joined(separator: "\n")
        Output.write(text.isEmpty ? "" : text + "\n")
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database while it is in use (owner-only file, checked).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write; it must not exist.") var destination: String

    func run() throws {
        try global.withStore(requiring: .maintenance) { store in try store.backup(to: destination) }
        print(destination)
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup, after checking the backup.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup to restore.") var source: String

    func run() throws {
        try global.withStore(requiring: .maintenance) { store in try store.restore(from: source) }
        print(global.catalog(.checkOK) + ".")
    }
}

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or set the local deadlines (days).",
        discussion: "Names: first-meeting-days (consent to first meeting, default 21), follow-up-days (default 90), deviation-response-days (default 30).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("set"), help: "NAME=DAYS, for example first-meeting-days=14.") var assignments: [String] = []

    func run() throws {
        let deadlines = try global.withStore { store -> Deadlines in
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let days = Int(parts[1]) else {
                    throw SIPError.invalidValue(field: .note, value: assignment)
                }
                try store.setDeadline(parts[0], days: days)
            }
            return try store.deadlines()
        }
        for name in Deadlines.names { print("\(name)=\(deadlines[name]!)") }
    }
}

struct DeviationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviation", abstract: "BUS deviations.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List BUS deviations.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let rows = try global.withStore(requiring: .deviations) { store in try store.deviationSummaries() }
            if json {
                print(try Output.json(rows))
            } else {
                print(TextReports.deviationTable(rows, catalog: global.catalog), terminator: "")
            }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check integrity, references, the review's tallies and file permissions.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Recount the review's tallies from the plans and deviations first (administrators).") var repair = false

    func run() throws {
        let c = global.catalog
        let report = try global.withStore { store in
            if repair {
                try store.recountReviewTallies()
                print(c(.talliesRecounted) + ".")
            }
            return try store.check()
        }
        guard report.isHealthy else {
            report.problems.forEach(global.report)
            throw ExitCode(1)
        }
        print(c(.checkOK) + ".")
    }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(userText: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Who may use this database, and in which role (administrators).",
        discussion: """
            Roles: coordinator (the plans their organisation takes part in), bus-chair (the group's review and \
            deviation register), administrator (users, settings, audit, backup, purge). The owner of the \
            database file may always manage users.
            """,
        subcommands: [List.self, Add.self, SetRole.self])

    /// Where a user works and what they see: the options `add` and `set-role` share.
    struct Placement: ParsableArguments {
        @Option(help: "Their organisation (number or name): a coordinator sees the plans it takes part in.") var org: String?
        @Option(help: "The BUS group a chair chairs (number or name); default their organisation's.") var group: String?
        @Flag(help: "A coordinator who coordinates every plan (a central SIP team).") var allPlans = false
        @Flag(help: "A chair of every group (the county level).") var allGroups = false

        /// Both flags are the one "everything in scope" of the role.
        var everything: Bool { allPlans || allGroups }

        func resolve(_ store: Store) throws -> (agencyId: Int64?, groupId: Int64?) {
            (try org.map { try store.agency(matching: $0).id! }, try group.map { try store.busGroup(matching: $0).id! })
        }

        /// Runs a change to user `login` with this placement resolved, then says their role.
        func change(_ global: GlobalOptions, login: String, role: Role,
                    _ body: (Store, _ agencyId: Int64?, _ groupId: Int64?) throws -> Void) throws {
            try global.withStore(requiring: .users) { store in
                let (agencyId, groupId) = try resolve(store)
                try body(store, agencyId, groupId)
            }
            print("\(login): \(global.catalog.role(role))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let text = try global.withStore(requiring: .users) { store in
                TextReports.userTable(try store.users(), agencies: try store.allAgencies(), groups: try store.busGroups(),
                                      catalog: global.catalog)
            }
            Output.write(text)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user: an OS user name, their name and role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Option(help: "Their full name.") var name: String
        @Option(help: "coordinator, bus-chair or administrator.") var role: Role
        @OptionGroup var placement: Placement

        func run() throws {
            try placement.change(global, login: login, role: role) { store, agencyId, groupId in
                try store.addUser(login: login, name: name, role: role, agencyId: agencyId, busGroupId: groupId,
                                  allPlans: placement.everything)
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Give a user another role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OS user name (login).") var login: String
        @Argument(help: "coordinator, bus-chair or administrator.") var role: Role
        @OptionGroup var placement: Placement

        func run() throws {
            try placement.change(global, login: login, role: role) { store, agencyId, groupId in
                try store.setRole(login: login, role: role, agencyId: agencyId, busGroupId: groupId,
                                  allPlans: placement.everything ? true : nil)
            }
        }
    }
}

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Retention (gallring): remove the personal data of plans closed before a day.",
        discussion: """
            Lists the plans first. What stays is de-identified (numbers, dates, statuses, sex and birth year, \
            organisations, deviations), so the BUS review's figures do not change.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("closed-before"), help: "Plans closed before this day, YYYY-MM-DD.") var closedBefore: String
    @Flag(name: .customLong("dry-run"), help: "Only list what would be purged; change nothing.") var dryRun = false

    func run() throws {
        let c = global.catalog
        let plans = try global.withStore(requiring: .maintenance) { store -> [PurgeCandidate] in
            guard let day = try Day.parseOptional(closedBefore) else { throw SIPError.required(field: .dueDate) }
            return dryRun ? try store.purgeCandidates(closedBefore: day) : try store.purge(closedBefore: day)
        }
        var text = plans.map { "\(c(.planNumber)) \($0.planId)  \(c(.closedOn)) \($0.closedOn.iso)  \(TerminalText.safe($0.busGroup))" }
        text.append(String(format: c(dryRun ? .purgeWouldRemove : .purgeRemoved), plans.count))
        Output.write(text.joined(separator: "\n") + "\n")
    }
}
