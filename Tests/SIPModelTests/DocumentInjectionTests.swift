import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Text from the data cannot add structure to a document: no iCalendar property, no HTML or link
/// in Markdown, no spreadsheet formula.
@Suite("Document injection")
struct DocumentInjectionTests {
    /// A plan with consent and a meeting whose fields are set straight in the rows.
    static func invitation(_ updates: [(String, [String])]) throws -> Invitation {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        try t.store.addContact(agencyId: f.bup.id!, name: "Stina Ström", role: "Psykolog", email: "stina@example.org")
        try t.store.addParticipant(planId: f.plan.id!, agencyId: f.bup.id!, person: "Stina Ström", role: "Psykolog")
        _ = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: TestClock.date(day("2026-07-01"), hour: 13),
            durationMinutes: 90, place: "Rum")
        try t.store.write { db in
            for (sql, arguments) in updates { try db.execute(sql: sql, arguments: StatementArguments(arguments)) }
        }
        return try Invitation(document: try t.store.planDocument(f.plan.id!))
    }

    @Test("CR/LF in a video link, an e-mail address or the organiser adds no iCalendar property")
    func icsInjection() throws {
        let inject = "\r\nATTENDEE;CN=Evil:mailto:evil@example.org\r\nX-EVIL:1"
        let invitation = try Self.invitation([
            (
                "UPDATE meeting SET videoLink = ?, place = ?",
                ["https://video.example/m" + inject, "Rum 1;2,3\\4\r\nX-EVIL:2"]
            ),
            ("UPDATE contactPerson SET email = ?", ["stina@example.org" + inject]),
        ])
        let ics = invitation.ics(organizer: "mailto:org@example.org" + inject, now: Date())
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.contains { $0.value < 0x20 })
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(!unfolded.contains("\r\nX-EVIL") && !unfolded.contains("\r\nATTENDEE;CN=Evil"))
        #expect(!unfolded.contains("evil@example.org"))
        #expect(unfolded.contains("LOCATION:Rum 1\\;2\\,3\\\\4\\nX-EVIL:2\r\n"))
        guard ICalendarCheck.isAvailable else { return }
        let dir = TempDir()
        try ics.write(toFile: dir.path("i.ics"), atomically: true, encoding: .utf8)
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            e = list(cal.walk('VEVENT'))[0]
            names = sorted(set(k for k in e.keys()))
            attendees = e.get('ATTENDEE')
            attendees = attendees if isinstance(attendees, list) else [attendees]
            print(names, len(attendees), str(e['ORGANIZER']), repr(str(e['LOCATION'])), 'URL' in e)
            """
        let result = shell([ICalendarCheck.python, "-c", script, dir.path("i.ics")])
        #expect(result.status == 0)
        #expect(!result.out.contains("X-EVIL'") && !result.out.contains("evil@"), "\(result.out)")
        #expect(result.out.contains(" 1 urn:sip-tui:organizer "), "one attendee, the organiser refused: \(result.out)")
        #expect(result.out.contains("'Rum 1;2,3\\\\4\\nX-EVIL:2' False"), "\(result.out)")
    }

    @Test("Markdown export passes no raw HTML and no javascript: link; structure cannot be injected")
    func markdownInjection() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "<img src=x onerror=alert(1)> [klick](javascript:alert(1)) <javascript:alert(2)>"
        plan.childGoals = "rad\n# Rubrik\n- lista\n1. punkt\n> citat\n**fet** `kod` ![bild](javascript:x)"
        try t.store.updatePlan(plan)
        let md = PlanExport(try t.store.planDocument(f.plan.id!)).render(.md)
        #expect(!md.contains("<img") && !md.contains("<javascript:"))
        #expect(md.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // An escaped bracket is text: no link is formed.
        #expect(!md.replacingOccurrences(of: "\\]", with: "").contains("](javascript:"))
        #expect(md.contains("\\[klick\\](javascript:alert(1))"))
        for line in md.split(separator: "\n") {
            #expect(!["# Rubrik", "- lista", "1. punkt", "> citat"].contains(where: line.hasPrefix), "\(line)")
        }
        #expect(md.contains("\\# Rubrik") && md.contains("\\- lista") && md.contains("1\\. punkt"))
        #expect(md.contains("\\*\\*fet\\*\\* \\`kod\\` !\\[bild\\]"))
        // The template's own structure stays.
        #expect(md.hasPrefix("# Samordnad individuell plan") && md.contains("\n## Samtycke\n"))
    }

    @Test("HTML export neutralises control characters too")
    func htmlControls() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try t.store.write { db in
            try db.execute(sql: "UPDATE \"plan\" SET childView = ?", arguments: ["x\u{1B}[2J\u{9B}\u{202E}y"])
        }
        let html = PlanExport(try t.store.planDocument(f.plan.id!)).render(.html)
        #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{202E}" })
    }

    @Test("CSV marks a formula as text also after leading spaces, a tab or a carriage return")
    func csvFormula() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let names = [" =1+1", "\t=2+2", "\r=3+3", "  @SUM(A1)", "\t-4", "\r\n+5", "=6"]
        for name in names {
            let evil = try s.addAgency(kind: "annan", principalName: "X", name: "n" + name, busGroupId: f.north.id)
            try s.write { db in
                try db.execute(sql: "UPDATE agency SET name = ? WHERE id = ?", arguments: [name, evil.id])
            }
            try s.addDeviation(
                reportingAgencyId: evil.id!, concernedAgencyId: evil.id!, planId: nil,
                occurredOn: day("2026-02-02"), kind: "ovrigt", description: "x")
        }
        let csv = ReviewTable.csv(
            try s.review(groupId: f.north.id, from: day("2026-01-01"), to: day("2026-06-30")), catalog: Catalog(.sv))
        let dir = TempDir()
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir.path("r.csv")))
        let parsed = shell([
            "/usr/bin/python3", "-c",
            """
            import csv, sys, json
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, dir.path("r.csv"),
        ])
        #expect(parsed.status == 0)
        let cells = try JSONDecoder().decode([[String]].self, from: Data(parsed.out.utf8)).flatMap { $0 }
        #expect(cells.count > 6)
        let formulaStart: (String) -> Bool = { cell in
            let start = cell.unicodeScalars.first { $0 != " " && $0 != "\n" }
            return start.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
        }
        #expect(cells.filter(formulaStart) == [], "every formula-like cell starts with a quote")
        for name in ["=1+1", "=2+2", "=3+3", "@SUM(A1)", "-4", "+5", "=6"] {
            #expect(cells.contains { $0.hasPrefix("'") && $0.hasSuffix(name) }, "\(name)")
        }
        #expect(!cells.contains { $0.unicodeScalars.contains { $0 == "\t" || $0 == "\r" } })
    }
}
