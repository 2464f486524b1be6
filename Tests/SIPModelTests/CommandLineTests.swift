import Foundation
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// The command-line tests run the real binary.
typealias CLI = Binary

@Suite("Command line", .serialized)
struct CommandLineTests {
    /// A demo database shared by the read-only tests of this suite.
    static let demo: (dir: TempDir, path: String) = {
        let dir = TempDir()
        let path = dir.path("demo.sqlite")
        let result = try! CLI.run(["--db", path, "demo", "--plans", "25", "--seed", "5"])
        precondition(result.status == 0, result.err)
        return (dir, path)
    }()

    func expectCleanFailure(
        _ result: Binary.Result, contains text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.err.hasPrefix("sip-tui: "), "\(result.err)", sourceLocation: sourceLocation)
        #expect(result.err.contains(text), "\(result.err)", sourceLocation: sourceLocation)
        #expect(
            !result.err.contains("Fatal") && !result.err.contains("crashed") && result.err.count < 400,
            sourceLocation: sourceLocation)
    }

    @Test("demo then plan list --json lists the demo plans; --db works before and after the subcommand")
    func listJSON() throws {
        let before = try CLI.run(["--db", Self.demo.path, "plan", "list", "--json"])
        let after = try CLI.run(["plan", "list", "--json", "--db", Self.demo.path])
        #expect(before.status == 0 && after.status == 0)
        let rows = try JSONDecoder().decode([PlanSummary].self, from: Data(before.out.utf8))
        #expect(rows.count == 25)
        #expect(before.out == after.out)
        #expect(rows.allSatisfy { $0.personalNumberMasked.map { $0.hasSuffix("-****") } ?? true })
    }

    @Test("SIP_TUI_DB chooses the database when --db is absent")
    func environmentVariable() throws {
        let result = try CLI.run(["plan", "list", "--json"], environment: ["SIP_TUI_DB": Self.demo.path])
        #expect(result.status == 0)
        #expect(try JSONDecoder().decode([PlanSummary].self, from: Data(result.out.utf8)).count == 25)
    }

    @Test("filters: status in Swedish or as a code, group by name, overdue")
    func filters() throws {
        let sv = try CLI.run(["--db", Self.demo.path, "plan", "list", "--status", "aktiv", "--json"])
        let code = try CLI.run(["--db", Self.demo.path, "plan", "list", "--status", "active", "--json"])
        #expect(sv.out == code.out)
        let active = try JSONDecoder().decode([PlanSummary].self, from: Data(sv.out.utf8))
        #expect(!active.isEmpty && active.allSatisfy { $0.status == .active })
        let overdue = try JSONDecoder().decode(
            [PlanSummary].self,
            from: Data(try CLI.run(["--db", Self.demo.path, "plan", "list", "--overdue", "--json"]).out.utf8))
        #expect(!overdue.isEmpty && overdue.allSatisfy(\.overdue))
        let group = try CLI.run(["--db", Self.demo.path, "plan", "list", "--group", "lokal bus sjöstad", "--json"])
        let inGroup = try JSONDecoder().decode([PlanSummary].self, from: Data(group.out.utf8))
        #expect(!inGroup.isEmpty && inGroup.allSatisfy { $0.busGroup == "Lokal BUS Sjöstad" })
    }

    @Test("plan show --json carries the four legal points, consent, guardians and participants")
    func showJSON() throws {
        let list = try JSONDecoder().decode(
            [PlanSummary].self,
            from: Data(try CLI.run(["--db", Self.demo.path, "plan", "list", "--status", "active", "--json"]).out.utf8))
        let id = try #require(list.first?.id)
        let result = try CLI.run(["--db", Self.demo.path, "plan", "show", String(id), "--json"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(result.out.utf8))
        #expect(document.schema == PlanDocument.schemaName)
        #expect(!document.legal.needs.isEmpty)
        #expect(!document.legal.interventionsByPrincipal.isEmpty)
        #expect(document.legal.overallResponsibility != nil)
        #expect(!document.consents.isEmpty && !document.guardians.isEmpty && !document.participants.isEmpty)
        let text = try CLI.run(["--db", Self.demo.path, "plan", "show", String(id)])
        #expect(text.out.contains("Lagens fyra punkter"))
        let english = try CLI.run(["--db", Self.demo.path, "--lang", "en", "plan", "show", String(id)])
        #expect(english.out.contains("The four points the law requires"))
    }

    @Test("plan invitation prints the kallelse or a parseable iCalendar file; plan export the written plan")
    func invitationAndExport() throws {
        let rows = try JSONDecoder().decode(
            [PlanSummary].self,
            from: Data(try CLI.run(["--db", Self.demo.path, "plan", "list", "--status", "invited", "--json"]).out.utf8))
        let id = String(try #require(rows.first?.id))
        let text = try CLI.run(["--db", Self.demo.path, "plan", "invitation", id])
        #expect(text.status == 0 && text.out.contains("Kallelse till SIP-möte"))
        let ics = try CLI.run(["--db", Self.demo.path, "plan", "invitation", id, "--format", "ics"])
        #expect(ics.status == 0 && ics.out.hasPrefix("BEGIN:VCALENDAR\r\n"))
        if ICalendarCheck.isAvailable { try ICalendarCheck.parse(ics.out, expect: ["Europe/Stockholm", "mailto:"]) }
        for format in ["text", "md", "html"] {
            let export = try CLI.run(["--db", Self.demo.path, "plan", "export", id, "--format", format])
            #expect(export.status == 0 && export.out.contains("Lagkrav 4 av 4"))
        }
        let bad = try CLI.run(["--db", Self.demo.path, "plan", "export", id, "--format", "pdf"])
        #expect(bad.status != 0 && !bad.err.contains("Fatal"))
        let settings = try CLI.run(["--db", Self.demo.path, "settings"])
        #expect(settings.out.contains("first-meeting-days=21"))
    }

    @Test("deviation list prints every deviation, as text or JSON")
    func deviations() throws {
        let json = try CLI.run(["--db", Self.demo.path, "deviation", "list", "--json"])
        let rows = try JSONDecoder().decode([DeviationSummary].self, from: Data(json.out.utf8))
        #expect(!rows.isEmpty)
        let text = try CLI.run(["--db", Self.demo.path, "deviation", "list"])
        #expect(text.out.split(separator: "\n").count == rows.count + 1)
    }

    @Test("check passes on a sound database; one others can read is refused, with the reason")
    func check() throws {
        let dir = TempDir()
        let path = dir.path("c.sqlite")
        #expect(try CLI.run(["--db", path, "demo", "--plans", "3"]).status == 0)
        let ok = try CLI.run(["--db", path, "check"])
        #expect(ok.status == 0 && ok.out.contains("Databasen är hel"))
        // Review tallies written wrong by another program: found, then recounted.
        #expect(shell(["sqlite3", path, "UPDATE reviewTally SET n = n + 1 WHERE figure = 'open'"]).status == 0)
        expectCleanFailure(try CLI.run(["--db", path, "check"]), contains: "BUS-granskningens räknare stämmer inte")
        #expect(try CLI.run(["--db", path, "check"]).err.contains("sip-tui check --repair"))
        // The demo's user is a coordinator; recounting is an administrator's.
        expectCleanFailure(try CLI.run(["--db", path, "check", "--repair"]), contains: "samordnare")
        #expect(
            try CLI.run(["--db", path, "user", "set-role", SessionContext.current().user, "administrator"]).status == 0)
        let repaired = try CLI.run(["--db", path, "check", "--repair"])
        #expect(repaired.status == 0 && repaired.out.contains("omräknade") && repaired.out.contains("Databasen är hel"))
        chmod(path, 0o644)
        expectCleanFailure(try CLI.run(["--db", path, "check"]), contains: "kan läsas av andra")
    }

    @Test("errors are one clear line and exit 1, never a stack trace")
    func errors() throws {
        let dir = TempDir()
        expectCleanFailure(
            try CLI.run(["--db", Self.demo.path, "plan", "show", "9999"]), contains: "Plan 9999 finns inte.")
        expectCleanFailure(
            try CLI.run(["--db", Self.demo.path, "--lang", "en", "plan", "show", "9999"]),
            contains: "Plan 9999 does not exist.")
        expectCleanFailure(
            try CLI.run(["--db", Self.demo.path, "plan", "list", "--status", "pausad"]),
            contains: "Okänd status")
        expectCleanFailure(
            try CLI.run(["--db", Self.demo.path, "plan", "list", "--group", "Ingenstans"]),
            contains: "Ingen BUS-grupp")
        expectCleanFailure(
            try CLI.run(["--db", dir.path("saknas/x.sqlite"), "plan", "list"]),
            contains: "Katalogen finns inte")
        let text = dir.path("text.sqlite")
        try "hej".write(toFile: text, atomically: true, encoding: .utf8)
        expectCleanFailure(try CLI.run(["--db", text, "plan", "list"]), contains: "ingen sip-tui-databas")
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "hej")
        expectCleanFailure(try CLI.run(["--db", Self.demo.path, "demo"]), contains: "innehåller redan planer")
    }

    @Test("the benchmark still runs, on a tiny database, and prints every figure beside its budget")
    func benchSmoke() throws {
        let dir = TempDir()
        let db = dir.path("b.sqlite")
        #expect(try CLI.run(["--db", db, "demo", "--plans", "12"]).status == 0)
        let result = try CLI.run(["--db", db, "bench", "--iterations", "3", "--starts", "1"])
        #expect(result.status == 0, "\(result.err)")
        for figure in [
            "start to first screen", "list: next plan", "filter: type a letter", "open a plan",
            "save the plan form", "BUS review, whole county", "BUS review, next group", "meeting session",
            "peak memory",
        ] {
            #expect(result.out.contains(figure), "\(figure)")
        }
        #expect(result.out.contains("budget"))
    }

    @Test("the scale curve still runs on two tiny sizes: builds each demo, then reuses it, one table with a ratio")
    func benchCurveSmoke() throws {
        let dir = TempDir()
        let arguments = [
            "bench", "--curve", "200,400", "--iterations", "2", "--starts", "1", "--curve-dir", dir.path("curve"),
        ]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("figure") })
        #expect(header.contains("200 med/p95") && header.contains("400 med/p95") && header.contains("400/200"))
        for figure in [
            "start to first screen", "list: next plan", "open a plan", "day: first draw (every plan)",
            "day: back from the list (coordinator)", "list: open from the day (coordinator)",
            "inbox: open (every plan)", "inbox: Down or Up (coordinator)", "day: first draw (caseload)",
            "database file, bytes per plan",
        ] {
            let row = try #require(lines.first { $0.hasPrefix(figure) }, "\(figure)")
            #expect(row.hasSuffix("x"), "\(row)")
        }
        #expect(result.out.contains("demo --plans 400 built in"))
        let mode = try (FileManager.default.attributesOfItem(atPath: dir.path("curve"))[.posixPermissions] as! NSNumber)
            .intValue
        #expect(mode == 0o700)
        // A second run finds both databases and builds nothing.
        let again = try CLI.run(arguments + ["--iterations", "1"])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("200 plans: database reused") && again.out.contains("400 plans: database reused"))
    }

    @Test("bench --sessions runs real sessions on pseudo-terminals and accounts for every save")
    func benchSessionsSmoke() throws {
        let dir = TempDir()
        let result = try CLI.run([
            "bench", "--sessions", "2", "--session-seconds", "1", "--plans", "200", "--session-pace", "0.1",
            "--curve-dir", dir.path("sessions"),
        ])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        for figure in [
            "start to first screen", "list: move", "filter: type a key", "open a plan", "save the plan form",
        ] {
            let row = try #require(lines.first { $0.hasPrefix(figure) }, "\(figure)")
            // Unit, count, median, p95, p99: every figure was measured at least once per session.
            let count = try #require(Int(row.dropFirst(38).split(separator: " ")[1]), "\(row)")
            #expect(count >= 2, "\(row)")
        }
        let saves = try #require(lines.first { $0.hasPrefix("saves:") })
        #expect(saves.hasSuffix(" 0 lost") && !saves.hasPrefix("saves: 0 "), "\(saves)")
        #expect(result.out.contains("errors: 0 error frames, 0 sessions failed, 0 out of step"), "\(result.out)")
        #expect(result.out.contains("busy retries"))
        #expect(result.out.contains("private memory per session") && result.out.contains("sessions per GB"))
    }

    @Test("a bad argument gets the parser's usage message, not a crash")
    func badArgument() throws {
        let result = try CLI.run(["--db", Self.demo.path, "plan", "show", "abc"])
        #expect(result.status != 0 && result.status < 128)
        #expect(!result.err.contains("Fatal"))
    }

    @Test("the default location follows XDG_DATA_HOME and is created owner-only")
    func defaultLocation() throws {
        let dir = TempDir()
        let result = try CLI.run(["settings"], environment: ["XDG_DATA_HOME": dir.path("xdg")])
        #expect(result.status == 0)
        #expect(result.out.contains("first-meeting-days=21"))
        let db = dir.path("xdg/sip-tui/sip.sqlite")
        #expect(FileManager.default.fileExists(atPath: db))
        let mode = try
            (FileManager.default.attributesOfItem(atPath: dir.path("xdg/sip-tui"))[.posixPermissions]
            as! NSNumber).intValue
        #expect(mode == 0o700)
    }
}
