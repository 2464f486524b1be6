import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// No raw control character from the data reaches any output of the command line: hostile strings
/// are written into a demo database's fields, and every output format is read back from the real
/// binary, on a pipe and on a pseudo-terminal.
@Suite("Output safety", .serialized)
struct OutputSafetyTests {
    /// Erase screen, an OSC 8 hyperlink, a C1 CSI, DEL, a right-to-left override, a zero-width
    /// space, a byte-order mark, a NUL (the last: SQLite keeps it, a C string read may stop there).
    static let hostile =
        "A\u{1B}[2JB\u{1B}]8;;http://evil.example/\u{7}L\u{1B}]8;;\u{7}"
        + "\u{9B}31mC\u{7F}D\u{202E}E\u{200B}F\u{FEFF}G\u{0}"

    /// C0, DEL, C1, bidirectional and zero-width format characters: none may appear raw.
    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The raw characters of `out`, but the line ends (LF, or CRLF for CSV, iCalendar and a pty)
    /// and a leading byte-order mark (the CSV's).
    static func rawCharacters(_ out: String) -> [String] {
        var text = out.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.unicodeScalars.filter { $0 != "\n" && isRaw($0) }.map {
            "U+" + String($0.value, radix: 16, uppercase: true)
        }
    }

    static let db: (dir: TempDir, path: String, plan: Int64) = {
        let dir = TempDir()
        let path = dir.path("hostile.sqlite")
        let demo = try! Binary.run(["--db", path, "demo", "--plans", "6", "--seed", "3"])
        precondition(demo.status == 0, demo.err)
        let list = try! Binary.run(["--db", path, "plan", "list", "--status", "invited", "--json"])
        let plans = try! JSONDecoder().decode([PlanSummary].self, from: Data(list.out.utf8))
        let plan = plans.first!.id
        // A second administrator, so that the tests' own user may change roles.
        let admin = try! Binary.run(["--db", path, "user", "add", "admin2", "--name", "A", "--role", "administrator"])
        precondition(admin.status == 0, admin.err)
        let store = try! Store(path: path, context: SessionContext(user: NSUserName(), now: { Date() }))
        // Straight into the rows, past the model's cleaning, as a sqlite3 shell or an old version would.
        try! store.write { db in
            let h = hostile
            for sql in [
                "UPDATE child SET name = ?", "UPDATE \"plan\" SET questions = ?, currentSituation = ?, childView = ?",
                "UPDATE meeting SET place = ?", "UPDATE participant SET person = ?, role = ?",
                "UPDATE contactPerson SET name = ?, role = ?", "UPDATE familyMember SET name = ?, address = ?",
                "UPDATE agency SET name = ? || id", "UPDATE busGroup SET name = ? || id",
                "UPDATE deviation SET description = ?, localAction = ?", "UPDATE appUser SET name = ?",
            ] {
                let count = sql.filter { $0 == "?" }.count
                try db.execute(sql: sql, arguments: StatementArguments(Array(repeating: h, count: count)))
            }
            // An audit row of hostile text, appended as the chain requires (the log refuses any other insert).
            try db.execute(
                sql: """
                    WITH n(id, at, user, entity, entityId, action, detail) AS (
                        VALUES (IFNULL((SELECT MAX(id) FROM auditLog), 0) + 1, ?, ?, ?, ?, ?, ?))
                    INSERT INTO auditLog (id, at, user, entity, entityId, action, detail, hash)
                    SELECT n.id, n.at, n.user, n.entity, n.entityId, n.action, n.detail,
                           sip_sha256(IFNULL((SELECT hash FROM auditLog ORDER BY id DESC LIMIT 1), '') || ':'
                                      || \(AuditChain.fields("n")))
                    FROM n
                    """,
                arguments: ["2026-03-16T10:00:00Z", h, h, 1, h, h])
        }
        return (dir, path, plan)
    }()

    /// Every output format of the command line, with the role it needs.
    static var commands: [(role: [String], args: [String])] {
        let id = String(db.plan)
        let coordinator = ["coordinator", "--all-plans"]
        let chair = ["bus-chair", "--all-groups"]
        let report = ["report", "--from", "2000-01-01", "--to", "2100-01-01"]
        return [
            (coordinator, ["plan", "list"]), (coordinator, ["plan", "list", "--json"]),
            (coordinator, ["plan", "show", id]), (coordinator, ["plan", "show", id, "--json"]),
            (coordinator, ["plan", "invitation", id]), (coordinator, ["plan", "invitation", id, "--format", "ics"]),
            (coordinator, ["plan", "export", id, "--format", "text"]),
            (coordinator, ["plan", "export", id, "--format", "md"]),
            (coordinator, ["plan", "export", id, "--format", "html"]),
            (coordinator, ["deviation", "list"]), (coordinator, ["deviation", "list", "--json"]),
            (chair, report), (chair, report + ["--format", "csv"]), (chair, report + ["--format", "json"]),
            (["administrator"], ["audit"]), (["administrator"], ["user", "list"]),
        ]
    }

    static func setRole(_ role: [String]) throws {
        let result = try Binary.run(["--db", db.path, "user", "set-role", NSUserName()] + role)
        #expect(result.status == 0, "\(result.err)")
    }

    @Test("every output format, on a pipe, carries no raw control, bidi or zero-width character from the data")
    func pipe() throws {
        for (role, args) in Self.commands {
            try Self.setRole(role)
            let result = try Binary.run(["--db", Self.db.path] + args)
            #expect(result.status == 0, "\(args): \(result.err)")
            #expect(result.out.contains("A") && result.out.count > 20, "\(args) printed the data")
            #expect(Self.rawCharacters(result.out) == [], "\(args.joined(separator: " "))")
        }
    }

    @Test("every output format, on a terminal, carries no raw control, bidi or zero-width character from the data")
    func terminal() throws {
        for (role, args) in Self.commands {
            try Self.setRole(role)
            let line = ([Binary.url.path, "--db", Self.db.path] + args).map {
                "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
            }.joined(separator: " ")
            // script(1) runs the command with a pseudo-terminal as its stdout.
            let result = shell(["script", "-qec", line, "/dev/null"])
            #expect(result.status == 0, "\(args)")
            #expect(result.out.count > 20, "\(args) printed the data")
            // The terminal turns each LF into CRLF, a CRLF line end into CR CR LF.
            let out = result.out.replacingOccurrences(of: "\r\r\n", with: "\n")
            #expect(Self.rawCharacters(out) == [], "\(args.joined(separator: " "))")
        }
    }

    @Test("JSON escapes them as \\uXXXX, stays valid and decodes to the stored strings")
    func json() throws {
        try Self.setRole(["coordinator", "--all-plans"])
        let result = try Binary.run(["--db", Self.db.path, "plan", "show", String(Self.db.plan), "--json"])
        #expect(result.status == 0)
        #expect(result.out.contains("\\u001b[2J") && result.out.contains("\\u009B") && result.out.contains("\\u007F"))
        #expect(result.out.contains("\\u202E") && result.out.contains("\\u200B") && result.out.contains("\\uFEFF"))
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(result.out.utf8))
        let store = try Store(path: Self.db.path, context: SessionContext(user: NSUserName(), now: { Date() }))
        #expect(document.child.name == (try store.planDocument(Self.db.plan)).child.name)
        #expect(document.child.name.hasPrefix("A\u{1B}[2JB"))
        #expect(document.plan.questions.contains("\u{9B}31mC\u{7F}D\u{202E}E\u{200B}F\u{FEFF}G"))
        let dir = TempDir()
        try Data(result.out.utf8).write(to: URL(fileURLWithPath: dir.path("plan.json")))
        #expect(shell(["/usr/bin/python3", "-m", "json.tool", dir.path("plan.json")]).status == 0)
    }
}
