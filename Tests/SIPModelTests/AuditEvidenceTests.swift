import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// The audit log as evidence (issue 13): rewrites refused by the database, rewrites behind the
/// program's back found by `check`, malformed rows shown as such, values kept from the administrator.
@Suite("Audit trail as evidence")
struct AuditEvidenceTests {
    /// A demo database in `dir` whose user (this OS user) is its administrator, with one plan viewed.
    static func adminDatabase(_ dir: TempDir) throws -> String {
        let db = dir.path("sip.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "2"]).status == 0)
        #expect(try Binary.run(["--db", db, "plan", "show", "1"]).status == 0)
        let me = SessionContext.current().user
        #expect(try Binary.run(["--db", db, "user", "set-role", me, "administrator"]).status == 0)
        return db
    }

    /// The file opened as another program would: plain SQLite, none of sip-tui's functions or pragmas.
    static func plainConnection(_ path: String) throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }

    @Test("a malformed audit row is listed as malformed by `sip-tui audit`, never a crash")
    func malformedRows() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        let plain = try Self.plainConnection(db)
        try plain.write { db in
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'auditLog'")
            {
                try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
            }
            try db.execute(
                sql: """
                    INSERT INTO auditLog (at, user, entity, entityId, action) VALUES
                        ('igår vid lunch', 'mallory', 'plan', 1, 'view'),
                        ('2026-03-16 09:00:00.000', 'mallory', 'spaceship', 1, 'view'),
                        ('2026-03-16 09:00:00.000', 'mallory', 'plan', 'tolv', 'view'),
                        ('2026-03-16 09:00:00.000', 'mallory', 'plan', NULL, x'1b5b326a');
                    """)
        }
        try plain.close()
        let audit = try Binary.run(["--db", db, "audit"])
        #expect(audit.status == 0, "\(audit.err)")
        #expect(audit.out.components(separatedBy: "FELAKTIG LOGGRAD").count - 1 == 4)
        #expect(audit.out.contains("view  plan 1"))
        #expect(!audit.out.contains("\u{1B}"))
        let english = try Binary.run(["--db", db, "--lang", "en", "audit", "--plan", "1"])
        #expect(english.status == 0 && english.out.contains("MALFORMED LOG ROW"), "\(english.err)")
        let store = try Store(path: db, context: .current())
        defer { try? store.close() }
        let malformed = try store.auditTrail().filter(\.malformed)
        #expect(malformed.count == 4 && malformed.allSatisfy { $0.detail.isEmpty })
        #expect(malformed.first?.at == "igår vid lunch")
    }

    @Test("INSERT OR REPLACE cannot rewrite an audit row, with or without recursive triggers")
    func replaceRefused() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        let rows = "SELECT group_concat(quote(id) || quote(at) || quote(user) || quote(action), ';') FROM auditLog"
        let before = try Self.plainConnection(db).read { db in try String.fetchOne(db, sql: rows) }
        let forge = """
            INSERT OR REPLACE INTO auditLog (id, at, user, entity, entityId, action, detail)
            VALUES (2, '2026-01-01 00:00:00.000', 'mallory', 'plan', NULL, 'setting', '')
            """
        // As the sqlite3 shell would: recursive_triggers off, so a REPLACE fires no delete trigger.
        let plain = try Self.plainConnection(db)
        #expect(throws: (any Error).self) { try plain.write { db in try db.execute(sql: forge) } }
        #expect(throws: (any Error).self) {
            try plain.write { db in
                try db.execute(sql: "REPLACE INTO auditDetail (auditId, detail) VALUES (1, 'forged')")
            }
        }
        try plain.close()
        // As the program opens it: recursive_triggers on.
        let store = try Store(path: db, context: .current())
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: forge) } }
        let after = try store.read { db in try String.fetchOne(db, sql: rows) }
        try store.close()
        #expect(after == before)
        #expect(try Binary.run(["--db", db, "check"]).status == 0)
    }

    @Test("a row rewritten after dropping the triggers is found by `check`, which names the first broken row")
    func rewriteDetected() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        let plain = try Self.plainConnection(db)
        try plain.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_noUpdate")
            try db.execute(sql: "UPDATE auditLog SET user = 'mallory' WHERE id = 3")
        }
        try plain.close()
        let check = try Binary.run(["--db", db, "check"])
        #expect(check.status == 1)
        #expect(check.err.contains("rad 3"), "\(check.err)")
        let english = try Binary.run(["--db", db, "--lang", "en", "check"])
        #expect(english.status == 1 && english.err.contains("row 3"), "\(english.err)")
    }

    @Test("a row removed behind the program's back breaks the chain at the row after it")
    func deletionDetected() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        let plain = try Self.plainConnection(db)
        try plain.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_noDelete")
            try db.execute(sql: "DELETE FROM auditDetail WHERE auditId = 2")
            try db.execute(sql: "DELETE FROM auditLog WHERE id = 2")
        }
        try plain.close()
        let check = try Binary.run(["--db", db, "--lang", "en", "check"])
        #expect(check.status == 1 && check.err.contains("row 3"), "\(check.err)")
    }

    @Test("the administrator sees which fields of a plan changed, not the values; the plan's coordinator sees them")
    func administratorWithoutValues() throws {
        let t = try TestStore(user: "anna")
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "Vill inte byta skola"
        plan.reason = "Hemlig orsak"
        try t.store.updatePlan(plan)
        // The database's first user: its administrator.
        #expect(try t.store.signIn().role == .administrator)
        let trail = try t.store.auditTrail(planId: f.plan.id!)
        let update = try #require(trail.first { $0.action == "update" })
        #expect(update.detail.contains("childView") && update.detail.contains("reason"))
        #expect(!update.detail.contains("Vill inte") && !update.detail.contains("Hemlig"))
        #expect(try !t.store.auditTrail().contains { $0.detail.contains("Hemlig") })
        // A coordinator who may see the plan sees the values.
        _ = try t.store.addUser(login: "cora", name: "Cora", role: .coordinator, agencyId: f.school.id!, allPlans: true)
        let cora = try Store(path: t.store.path, context: SessionContext(user: "cora", now: { t.clock.now }))
        try cora.signIn()
        let hers = try cora.auditTrail(planId: f.plan.id!)
        #expect(hers.contains { $0.detail.contains("\"Vill inte byta skola\"") })
        #expect(throws: SIPError.notPermitted(.coordinator)) { try cora.auditTrail() }
    }

    @Test("backup and restore each write an audit line")
    func backupRestoreAudited() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        #expect(try Binary.run(["--db", db, "backup", dir.path("kopia.sqlite")]).status == 0)
        let afterBackup = try Binary.run(["--db", db, "audit"]).out
        #expect(afterBackup.contains("backup  plan  kopia.sqlite"), "\(afterBackup)")
        #expect(try Binary.run(["--db", db, "restore", dir.path("kopia.sqlite")]).status == 0)
        let lines = try Binary.run(["--db", db, "audit"]).out.split(separator: "\n")
        #expect(lines.filter { $0.contains("backup  plan  kopia.sqlite") }.count == 1)
        #expect(lines.last?.contains("restore  plan  kopia.sqlite") == true, "\(lines.suffix(2))")
        #expect(try Binary.run(["--db", db, "check"]).status == 0)
    }

    @Test("migration v12 fills the chain for the rows of an existing log, and check finds it whole")
    func migrationFillsChain() throws {
        let dir = TempDir()
        let path = dir.path("old.sqlite")
        let config = oldFileConfiguration()
        let old = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(old, upTo: "v11-review-tally")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO auditLog (at, user, entity, entityId, action) VALUES
                        ('2025-01-02 10:00:00.000', 'anna', 'plan', 1, 'create'),
                        ('2025-01-03 10:00:00.000', 'bertil', 'plan', 1, 'view'),
                        ('2025-01-04 10:00:00.000', 'anna', 'plan', NULL, 'setting')
                    """)
        }
        try old.close()
        // Built by hand, outside the store: owner-only as the store makes its files, whatever the umask.
        for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
        let store = try Store(path: path, context: .current())
        defer { try? store.close() }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(hash) FROM auditLog") } == 3)
        #expect(try store.check().isHealthy)
        try store.write { db in try store.audit(db, .setting, detail: "x=1") }
        #expect(try store.check().isHealthy)
        #expect(try store.auditTrail().map(\.user) == ["anna", "bertil", "anna", SessionContext.current().user])
    }

    static var asRootWithShell: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }

    @Test(
        "another OS user's sqlite3 cannot REPLACE an audit row, and a rewrite after dropping triggers is found",
        .enabled(if: asRootWithShell, "needs root, /usr/bin/sqlite3 and runuser (CI runs as root)"))
    func rewriteAsAnotherUser() throws {
        let dir = TempDir()
        let db = try Self.adminDatabase(dir)
        func shell(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        let files = {
            [dir.path(""), db, db + "-wal", db + "-shm"].filter { FileManager.default.fileExists(atPath: $0) }
        }
        // The file handed to nobody, as a member of a shared group could reach it.
        #expect(try shell(["/bin/chown", "nobody"] + files()) == 0)
        let asNobody = { (sql: String) in try shell(["/usr/sbin/runuser", "-u", "nobody", "--", "sqlite3", db, sql]) }
        #expect(
            try asNobody(
                "INSERT OR REPLACE INTO auditLog (id, at, user, entity, entityId, action, detail) "
                    + "VALUES (2, '2026-01-01 00:00:00.000', 'mallory', 'plan', NULL, 'setting', '')") != 0)
        #expect(try asNobody("DROP TRIGGER auditLog_noUpdate; UPDATE auditLog SET action = 'view' WHERE id = 2") == 0)
        #expect(try shell(["/bin/chown", "root"] + files()) == 0)
        let check = try Binary.run(["--db", db, "--lang", "en", "check"])
        #expect(check.status == 1 && check.err.contains("row 2"), "\(check.err)")
    }
}
