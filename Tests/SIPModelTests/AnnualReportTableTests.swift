import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// One group, 2025 and 2024, deviations counted by hand (threshold 3):
/// - 2025: uteblev 5 in January and 1 in February (6); avbojde 4 in February; vantetid 3 in March
///   and 3 in April (6). Months: January 5, February 5, March 3, April 3; the year 16.
/// - 2024: uteblev 2, ovrigt 4.
struct KindByMonthFixture {
    let t: TestStore
    let north: BusGroup, south: BusGroup

    init() throws {
        t = try TestStore(clock: TestClock(day("2026-02-01")))
        let s = t.store
        north = try s.addBusGroup(name: "Lokal BUS Norr")
        south = try s.addBusGroup(name: "Lokal BUS Syd")
        let school = try s.addAgency(
            kind: "skola", principalName: "Norrby kommun", name: "Norrskolan", busGroupId: north.id)
        let bup = try s.addAgency(kind: "bup", principalName: "Region Test", name: "BUP Norr", busGroupId: north.id)
        func deviations(_ count: Int, _ on: String, _ kind: String) throws {
            for n in 0..<count {
                _ = try s.addDeviation(
                    reportingAgencyId: school.id!, concernedAgencyId: bup.id!, planId: nil,
                    occurredOn: day(on).adding(days: n), kind: kind, description: "x")
            }
        }
        try deviations(5, "2025-01-05", "uteblev")
        try deviations(1, "2025-02-03", "uteblev")
        try deviations(4, "2025-02-10", "avbojde")
        try deviations(3, "2025-03-03", "vantetid")
        try deviations(3, "2025-04-03", "vantetid")
        try deviations(2, "2024-06-01", "uteblev")
        try deviations(4, "2024-07-01", "ovrigt")
    }
}

@Suite("The annual report's deviations by kind and month")
struct AnnualReportTableTests {
    @Test("counted by hand: the small February count hidden, and no row, month or year total gives it away")
    func countedByHand() throws {
        let f = try KindByMonthFixture()
        let report = try f.t.store.annualReport(groupId: f.north.id, year: 2025)
        let table = report.deviationsByKindAndMonth
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.kind, $0) })
        #expect(table.rows.count == 8, "every kind, in the reference data's order")
        #expect(table.rows.first?.kind == "uteblev")
        // uteblev's February (1) is small. Its row total (6) and February's (5) would give it away
        // beside the 5 in January and avbojde's 4 in February: those are hidden for the totals; January
        // has no other kind, so its month total is hidden too, and with it uteblev's and avbojde's
        // totals (the year's 16 is known).
        let uteblev = try #require(rows["uteblev"]), avbojde = try #require(rows["avbojde"])
        #expect(uteblev.months.suppressed[1] == .small && uteblev.months.values[1] == nil)
        #expect(uteblev.months.suppressed[0] == .secondary && uteblev.months.values[0] == nil)
        #expect(avbojde.months.suppressed[1] == .secondary && avbojde.months.values[1] == nil)
        #expect(uteblev.totalSuppressed == .secondary && avbojde.totalSuppressed == .secondary)
        #expect(Array(uteblev.months.values[2...]) == Array(repeating: 0, count: 10))
        let vantetid = try #require(rows["vantetid"])
        #expect(vantetid.months.values == [0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0] && vantetid.total == 6)
        #expect(table.monthTotals.values == [nil, nil, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(table.monthTotals.suppressed[0] == .secondary && table.monthTotals.suppressed[1] == .secondary)
        #expect(table.total == 16)
        // The year before: uteblev 2 (small), ovrigt 4 hidden so that their sum (6) gives nothing away.
        #expect(uteblev.previousTotalSuppressed == .small && rows["ovrigt"]?.previousTotalSuppressed == .secondary)
        #expect(table.previousTotal == 6)
        // The report hides what the table had to wherever it shows it: the chart, the key figures.
        #expect(report.deviationsPerMonth == table.monthTotals)
        #expect(report.review.deviationsByKind["uteblev"]?.suppressed == .secondary)
        #expect(report.review.deviationsByKind["avbojde"]?.suppressed == .secondary)
        // What a reader can work out from everything shown: uteblev January a >= 3, February b in
        // 1...2, avbojde February c >= 3; the kinds' totals a + b and c, the months' a and b + c are
        // hidden, the year's 16 minus vantetid's 6 is a + b + c. Both values of b fit.
        var february = Set<Int>()
        for a in 3...16 {
            for b in 1...2 {
                for c in 3...16 where a + b + c == 16 - 6 { february.insert(b) }
            }
        }
        #expect(february == [1, 2])
    }

    @Test("the trends screen's table hides as the annual report's does: no month's total and no kind's total gives a count away")
    func trendsScreen() throws {
        let f = try KindByMonthFixture()
        let trends = try f.t.store.trends(groupId: f.north.id, to: day("2025-12-31"))
        let text = trends.text(catalog: Catalog(.sv), width: 76, suppressBelow: 3)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func row(_ name: String) throws -> [String] {
            let line = try #require(lines.first { $0.hasPrefix("  " + name) })
            return line.dropFirst(2 + 24).split(separator: " ").map(String.init)
        }
        // uteblev: 5 in January, 1 in February (small); the review's deviations by kind for 2025
        // shows uteblev's 6, so January's 5 would give February's 1 away: both hidden, and avbojde's
        // February 4 beside it, as the months' totals in the chart above.
        let uteblev = try row("Kallad part kom inte ti…")
        #expect(Array(uteblev.prefix(3)) == ["..", "<3", "0"])
        let avbojde = try row("Part avböjde att delta")
        #expect(avbojde[1] == "..")
        #expect(try row("Lång väntetid").prefix(4) == ["0", "0", "3", "3"])
        let chart = lines.drop { $0 != "BUS-avvikelser, per månad" }.dropFirst().prefix(12)
        #expect(chart.first?.hasPrefix("  2025-01 ..") == true && chart.dropFirst().first?.hasPrefix("  2025-02 ..") == true)
        #expect(chart.dropFirst(2).first?.hasPrefix("  2025-03  3 #") == true)
        #expect(!text.contains(" 5 "), "January's 5 shows nowhere")
    }

    @Test("the table in CSV, HTML and JSON: marks, not counts, where hidden")
    func documents() throws {
        let f = try KindByMonthFixture()
        let report = try f.t.store.annualReport(groupId: f.north.id, year: 2025)
        let document = AnnualReportDocument(report, catalog: Catalog(.sv))
        let csv = document.csv()
        #expect(
            csv.contains(
                "\r\n\r\nBUS-avvikelser per typ och månad\r\nTyp;jan;feb;mar;apr;maj;jun;jul;aug;sep;okt;nov;dec;Summa;2024\r\n"
            ))
        #expect(csv.contains("\r\nKallad part kom inte till SIP-mötet;..;<3;0;0;0;0;0;0;0;0;0;0;..;<3\r\n"))
        #expect(csv.contains("\r\nLång väntetid;0;0;3;3;0;0;0;0;0;0;0;0;6;0\r\n"))
        #expect(csv.contains("\r\nSumma;..;..;3;3;0;0;0;0;0;0;0;0;16;6\r\n"))
        let html = document.html()
        #expect(html.contains("<table class=\"kinds\">") && html.contains("<tr class=\"sum\"><td>Summa</td>"))
        #expect(!html.contains("<td class=\"n\">5</td>"), "January's 5 is hidden")
        let json = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(AnnualReport.self, from: json)
        #expect(decoded.deviationsByKindAndMonth == report.deviationsByKindAndMonth)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let table = try #require(object["deviationsByKindAndMonth"] as? [String: Any])
        let first = try #require((table["rows"] as? [[String: Any]])?.first)
        #expect(first["kind"] as? String == "uteblev" && first["totalSuppressed"] as? String == "secondary")
        let months = try #require(first["months"] as? [String: Any])
        #expect((months["values"] as? [Any])?.first is NSNull)
    }

    @Test("the solver alone: a small cell is protected by a rectangle of hidden cells, the totals all shown")
    func solverAlone() {
        // Two kinds, three months: 4 1 5 / 3 6 0. Totals: rows 10, 9; months 7, 7, 5 shown.
        let solution = KindByMonth.solve(
            [[4, 1, 5], [3, 6, 0]], rowState: [nil, nil], columnState: [nil, nil, nil], threshold: 3)
        // The 1 is small; its row and column each need another hidden cell, and those a rectangle.
        #expect(solution.cells[0][1] == .small)
        #expect(solution.cells.flatMap { $0 }.filter { $0 != nil }.count == 4)
        #expect(solution.cells[1][2] == nil, "a zero is never hidden")
        #expect(solution.rows == [nil, nil] && solution.columns == [nil, nil, nil])
        let open = KindByMonth.solve([[4, 1]], rowState: [nil], columnState: [nil, nil], threshold: 1)
        #expect(open.cells == [[nil, nil]])
    }
}

/// The groups of `KindByMonthFixture` with a chair each, a county-wide chair and an administrator.
struct AnnualNoteFixture {
    let t: TestStore
    let north: BusGroup, south: BusGroup

    init() throws {
        let base = try KindByMonthFixture()
        (t, north, south) = (base.t, base.north, base.south)
        let s = t.store
        let northSchool = try #require(try s.allAgencies().first { $0.name == "Norrskolan" })
        let southSchool = try s.addAgency(
            kind: "skola", principalName: "Söderby kommun", name: "Söderskolan", busGroupId: south.id)
        try s.addUser(login: "ada", name: "Ada Admin", role: .administrator, agencyId: nil)
        let admin = try session("ada")
        try admin.addUser(login: "nora", name: "Nora Norr", role: .busChair, agencyId: northSchool.id)
        try admin.addUser(login: "sune", name: "Sune Syd", role: .busChair, agencyId: southSchool.id)
        try admin.addUser(login: "county", name: "Region Ordförande", role: .busChair, agencyId: nil, allPlans: true)
    }

    func session(_ login: String) throws -> Store { try t.session(login) }

    func auditLines(_ action: String) throws -> [String] {
        try t.store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT trim(l.user || ' ' || l.action || ' ' || COALESCE(d.detail, ''))
                    FROM auditLog l LEFT JOIN auditDetail d ON d.auditId = l.id WHERE l.action LIKE ? ORDER BY l.id
                    """,
                arguments: ["%" + action])
        }
    }
}

@Suite("What the group did: its own words in the annual report")
struct AnnualNoteTests {
    @Test("a text with a personnummer or samordningsnummer in any written form is refused, nothing saved")
    func refusesIdentityNumbers() throws {
        let f = try AnnualNoteFixture()
        let nora = try f.session("nora")
        let numbers = [
            "20120601-1234", "201206011234", "120601-1234", "1206011234", "120601+1234", "120601 1234",
            // samordningsnummer: the day plus 60, with and without the century and the dash
            "20120661-1238", "120661-1238", "1206611238",
        ]
        for number in numbers {
            #expect(throws: SIPError.identityInSharedText, "\(number)") {
                try nora.writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Vi följde upp \(number) i maj.")
            }
        }
        #expect(try nora.annualNote(groupId: f.north.id!, year: 2025) == "")
        #expect(try f.auditLines("annual note").isEmpty, "a refused text is not an act")
        // Dates, phone numbers and counts are words about the work, and are kept.
        let text = "Fyra möten, det första 2025-03-12. Telefon 08-123 456 78. 120 kallelser."
        try nora.writeAnnualNote(groupId: f.north.id!, year: 2025, text: text)
        #expect(try nora.annualNote(groupId: f.north.id!, year: 2025) == text)
        #expect(try f.auditLines("annual note") == ["nora annual note 2025"])
    }

    @Test("control characters and a text over the limit are refused as in the other text fields")
    func controlAndLength() throws {
        let f = try AnnualNoteFixture()
        let nora = try f.session("nora")
        #expect(throws: SIPError.invalidValue(field: .note, value: "U+001B")) {
            try nora.writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Röd \u{1B}[31mtext")
        }
        #expect(throws: SIPError.tooLong(field: .note, max: Store.annualNoteLimit)) {
            try nora.writeAnnualNote(
                groupId: f.north.id!, year: 2025, text: String(repeating: "å", count: Store.annualNoteLimit + 1))
        }
        #expect(throws: SIPError.invalidDate("20255")) {
            try nora.writeAnnualNote(groupId: f.north.id!, year: 20255, text: "Text")
        }
        // Newlines and tabs stay; an empty text removes the note.
        try nora.writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Ett.\n\nTvå.")
        #expect(try nora.annualNote(groupId: f.north.id!, year: 2025) == "Ett.\n\nTvå.")
        try nora.writeAnnualNote(groupId: f.north.id!, year: 2025, text: "  ")
        #expect(try nora.annualNote(groupId: f.north.id!, year: 2025) == "")
        #expect(try f.auditLines("annual note") == ["nora annual note 2025", "nora annual note 2025 removed"])
    }

    @Test("the group's chair and an administrator write it; a chair of another group and a county chair are refused")
    func whoWrites() throws {
        let f = try AnnualNoteFixture()
        try f.session("nora").writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Norr skrev.")
        try f.session("ada").writeAnnualNote(groupId: f.south.id!, year: 2025, text: "Administratören skrev.")
        let sune = try f.session("sune")
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try sune.writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Syd skriver över.")
        }
        #expect(throws: SIPError.notPermitted(.busChair)) { try sune.annualNote(groupId: f.north.id!, year: 2025) }
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try f.session("county").writeAnnualNote(groupId: f.north.id!, year: 2025, text: "Länet skriver.")
        }
        #expect(try f.t.store.annualNote(groupId: f.north.id!, year: 2025) == "Norr skrev.")
        // The refusal is in the trail, without the text tried.
        let lines = try f.auditLines("annual note")
        #expect(lines.contains { $0.hasPrefix("sune refused annual note") } && !lines.joined().contains("över"))
    }

    @Test("the note is in the annual report's HTML, CSV and JSON; the county's lists each group's under its name")
    func shownInTheReport() throws {
        let f = try AnnualNoteFixture()
        try f.session("nora").writeAnnualNote(
            groupId: f.north.id!, year: 2025, text: "Vi höll fyra möten om väntetider.\n\nBUP & skolan <samverkar>.")
        try f.session("sune").writeAnnualNote(groupId: f.south.id!, year: 2025, text: "Syd införde en rutin.")
        try f.session("sune").writeAnnualNote(groupId: f.south.id!, year: 2024, text: "Förra året.")
        let report = try f.session("nora").annualReport(groupId: f.north.id, year: 2025)
        #expect(
            report.notes == [
                AnnualNote(
                    group: "Lokal BUS Norr", text: "Vi höll fyra möten om väntetider.\n\nBUP & skolan <samverkar>.")
            ])
        let document = AnnualReportDocument(report, catalog: Catalog(.sv))
        let html = document.html()
        #expect(html.contains("<h2>Vad gjordes</h2>"))
        #expect(html.contains("<p>Vi höll fyra möten om väntetider.</p><p>BUP &amp; skolan &lt;samverkar&gt;.</p>"))
        #expect(html.contains("tas inte med: de kan nämna ett barn"))
        #expect(!html.contains("Syd införde"), "another group's words are not in this group's report")
        #expect(
            document.csv().contains(
                "\r\nVad gjordes;Lokal BUS Norr;\"Vi höll fyra möten om väntetider.\n\nBUP & skolan <samverkar>.\";\r\n"
            ))
        let json = try JSONDecoder().decode(AnnualReport.self, from: try JSONEncoder().encode(report))
        #expect(json.notes == report.notes)
        let english = AnnualReportDocument(report, catalog: Catalog(.en)).html()
        #expect(english.contains("<h2>What was done</h2>"))
        // The county's report: each group's words under its name; a group without any says so in its own.
        let county = try f.session("county").annualReport(groupId: nil, year: 2025)
        #expect(county.notes.map(\.group) == ["Lokal BUS Norr", "Lokal BUS Syd"])
        #expect(
            AnnualReportDocument(county, catalog: Catalog(.sv)).html().contains("<h3>Lokal BUS Syd</h3><p>Syd införde"))
        try f.session("nora").writeAnnualNote(groupId: f.north.id!, year: 2025, text: "")
        let empty = try f.session("nora").annualReport(groupId: f.north.id, year: 2025)
        #expect(AnnualReportDocument(empty, catalog: Catalog(.sv)).html().contains("Gruppen har inte skrivit något"))
    }

    @Test("report note on the command line: text or --file; a personnummer is one clear line and nothing saved")
    func command() throws {
        let dir = TempDir()
        let db = dir.path("r.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "10"]).status == 0)
        let me = SessionContext.current().user
        #expect(try Binary.run(["--db", db, "user", "set-role", me, "administrator"]).status == 0)
        let group = "1"
        let written = try Binary.run([
            "--db", db, "report", "note", "--group", group, "--year", "2025", "Vi höll möten.",
        ])
        #expect(written.status == 0, "\(written.err)")
        let refused = try Binary.run([
            "--db", db, "report", "note", "--group", group, "--year", "2025", "Om 120601-1234.",
        ])
        #expect(refused.status == 1 && refused.err.contains("personnummer") && !refused.err.contains("120601"))
        let file = dir.path("text.txt")
        try Data("Från en fil.\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(
            try Binary.run(["--db", db, "report", "note", "--group", group, "--year", "2024", "--file", file]).status
                == 0)
        #expect(try Binary.run(["--db", db, "user", "set-role", me, "bus-chair", "--all-groups"]).status == 0)
        let json = try Binary.run(["--db", db, "report", "--annual", "2025", "--format", "json"])
        let report = try JSONDecoder().decode(AnnualReport.self, from: Data(json.out.utf8))
        #expect(report.notes.map(\.text) == ["Vi höll möten."])
    }
}
