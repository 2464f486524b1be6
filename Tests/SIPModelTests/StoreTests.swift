import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Store: files, migrations, errors")
struct StoreTests {
    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test("a new database and its WAL files are owner-only, in an owner-only directory")
    func permissions() throws {
        let dir = TempDir()
        let path = dir.path("nested/deeper/sip.sqlite")
        let store = try Store(path: path, context: .current(), createDirectory: true)
        _ = try Fixture(store)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try mode(path + suffix) == 0o600, "\(suffix)")
        }
        #expect(try mode(dir.path("nested/deeper")) == 0o700)
        #expect(try store.check().isHealthy)
        try store.close()
    }

    @Test("check reports a database that others can read")
    func checkPermissions() throws {
        let t = try TestStore()
        chmod(t.store.path, 0o644)
        let report = try t.store.check()
        #expect(report.problems == [.permissionsTooOpen(path: t.store.path, mode: "644")])
    }

    @Test("an empty file is migrated into a database with the reference data")
    func emptyFile() throws {
        let dir = TempDir()
        let path = dir.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        chmod(path, 0o644)  // as `touch` makes it: no data yet, so not refused, and made owner-only
        let store = try Store(path: path, context: .current())
        #expect(
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let counts = try store.read { db in
            (
                try AgencyKind.fetchCount(db), try DeviationKind.fetchCount(db), try AgendaTemplateItem.fetchCount(db),
                try String.fetchAll(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(counts.0 == 13)
        #expect(counts.1 >= 5)
        #expect(counts.2 == 5)
        #expect(counts.3 == ["wal"])
        let report = try store.check()
        #expect(report.isHealthy)
    }

    @Test("reopening an existing database keeps its data and runs no migration twice")
    func reopen() throws {
        let dir = TempDir()
        let path = dir.path("sip.sqlite")
        var store: Store? = try Store(path: path, context: .current())
        let f = try Fixture(store!)
        try store!.close()
        store = try Store(path: path, context: .current())
        #expect(try store!.plan(f.plan.id!).reason == "Hög frånvaro")
        #expect(try store!.read { db in try AgencyKind.fetchCount(db) } == 13)
    }

    @Test("the audit log rejects UPDATE and DELETE")
    func auditAppendOnly() throws {
        let t = try TestStore()
        _ = try Fixture(t.store)
        let before = try t.store.read { db in try AuditEntry.fetchCount(db) }
        #expect(before > 0)
        #expect(throws: SIPError.self) {
            try t.store.write { db in try db.execute(sql: "UPDATE auditLog SET user = 'x'") }
        }
        #expect(throws: SIPError.self) { try t.store.write { db in try db.execute(sql: "DELETE FROM auditLog") } }
        let after = try t.store.read { db in try AuditEntry.fetchAll(db) }
        #expect(after.count == before)
        #expect(after.allSatisfy { $0.user == "testare" })
        #expect(after.contains { $0.entity == "plan" && $0.action == "create" })
    }

    @Test("changes and views of a plan are audited with who and what")
    func auditTrail() throws {
        let t = try TestStore(user: "kristina")
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "Vill gå i skolan"
        try t.store.updatePlan(plan)
        _ = try t.store.planDocument(f.plan.id!)
        let entries = try t.store.read { db in
            try AuditEntry.filter(Column("entity") == "plan" && Column("entityId") == f.plan.id!).order(Column("id"))
                .fetchAll(db)
        }
        #expect(entries.map(\.action) == ["create", "update", "view"])
        // The changed values live beside the append-only log, where a purge can remove them.
        let detail = try t.store.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM auditDetail WHERE auditId = ?", arguments: [entries[1].id])
        }
        #expect(detail == "childView: \"\" -> \"Vill gå i skolan\"")
        #expect(entries.allSatisfy { $0.user == "kristina" })
    }

    @Test("a file that is not a database is refused and left untouched")
    func notADatabase() throws {
        let dir = TempDir()
        let path = dir.path("notes.txt")
        try "inköpslista\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SIPError.notADatabase(path)) { try Store(path: path, context: .current()) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "inköpslista\n")
    }

    @Test("a corrupt database is reported as such")
    func corrupt() throws {
        let dir = TempDir()
        let path = dir.path("corrupt.sqlite")
        var bytes = Data("SQLite format 3\u{0}".utf8)
        bytes.append(Data(repeating: 0xAB, count: 4096))
        _ = FileManager.default.createFile(atPath: path, contents: bytes)
        chmod(path, 0o600)  // owner-only, as sip-tui makes its files: the content is what is under test
        do {
            _ = try Store(path: path, context: .current())
            Issue.record("opened a corrupt file")
        } catch let error as SIPError {
            #expect([SIPError.corrupt(path), .notADatabase(path)].contains(error))
        }
    }

    @Test("a missing directory is an error unless it is the default location")
    func missingDirectory() throws {
        let dir = TempDir()
        let path = dir.path("nowhere/sip.sqlite")
        #expect(throws: SIPError.directoryMissing(dir.path("nowhere"))) { try Store(path: path, context: .current()) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("nowhere")))
    }

    @Test("a directory that is a file is refused")
    func directoryIsFile() throws {
        let dir = TempDir()
        _ = FileManager.default.createFile(atPath: dir.path("file"), contents: Data())
        #expect(throws: SIPError.directoryMissing(dir.path("file"))) {
            try Store(path: dir.path("file/sip.sqlite"), context: .current())
        }
    }

    @Test("a database written by a newer version is refused")
    func newerVersion() throws {
        let dir = TempDir()
        let path = dir.path("sip.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(
                sql: "INSERT INTO grdb_migrations VALUES ('v1-schema'), ('v1-reference-data'), ('v99-future')")
        }
        try queue.close()
        chmod(path, 0o600)  // owner-only, as sip-tui makes its files: the version is what is under test
        #expect(throws: SIPError.newerVersion(path)) { try Store(path: path, context: .current()) }
    }

    @Test("a database locked by another writer is reported, not crashed on; the data is intact")
    func locked() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: t.store.path, configuration: config)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: SIPError.locked(t.store.path)) {
            try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try t.store.plan(f.plan.id!).status == .draft)
        #expect(try t.store.changeStatus(planId: f.plan.id!, to: .invited).status == .invited)
    }

    @Test("SQLite's read-only and permission errors become clear messages")
    func errorMapping() {
        #expect(SIPError.from(DatabaseError(resultCode: .SQLITE_READONLY), path: "p") == .readOnly("p"))
        #expect(SIPError.from(DatabaseError(resultCode: .SQLITE_CANTOPEN), path: "p") == .cannotOpen("p"))
        #expect(SIPError.from(DatabaseError(resultCode: .SQLITE_CORRUPT), path: "p") == .corrupt("p"))
        let catalog = Catalog(.sv)
        #expect(catalog.message(.readOnly("p")) == "Databasen är skrivskyddad: p")
    }

    @Test("unknown ids are reported by kind and number")
    func unknownIds() throws {
        let t = try TestStore()
        #expect(throws: SIPError.notFound(.plan, 999)) { try t.store.planDocument(999) }
        #expect(throws: SIPError.notFound(.plan, 999)) { try t.store.changeStatus(planId: 999, to: .invited) }
        #expect(Catalog(.sv).message(.notFound(.plan, 999)) == "Plan 999 finns inte.")
        #expect(Catalog(.en).message(.notFound(.plan, 999)) == "Plan 999 does not exist.")
    }

    @Test("the database's own constraints refuse what the model would never write")
    func constraints() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let id = f.plan.id!
        let attempts = [
            "UPDATE \"plan\" SET status = 'closed', closedReason = NULL WHERE id = \(id)",
            "UPDATE \"plan\" SET followUpDate = '2026-02-30' WHERE id = \(id)",
            "UPDATE \"plan\" SET status = 'paused' WHERE id = \(id)",
            "UPDATE child SET personalNumber = '2015031200' WHERE id = \(f.child.id!)",
            "INSERT INTO intervention (planId, what, agencyId, startDate, dueDate, status) VALUES (\(id), 'x', 9999, '2026-01-01', '2026-02-01', 'planned')",
            "INSERT INTO intervention (planId, what, agencyId, startDate, dueDate, status) VALUES (\(id), 'x', \(f.school.id!), '2026-03-01', '2026-02-01', 'planned')",
        ]
        for sql in attempts {
            #expect(throws: SIPError.self, "\(sql)") { try t.store.write { db in try db.execute(sql: sql) } }
        }
        #expect(try t.store.check().isHealthy)
    }
}

@Suite("The plan list's search")
struct PlanSearchTests {
    @Test(
        "finds a plan by name in any case or form, number with or without its dash, plan number and lead; follows renames"
    )
    func search() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        func found(_ text: String) throws -> [Int64] { try t.store.planSummaries(PlanFilter(search: text)).map(\.id) }
        let id = f.plan.id!
        for needle in ["öberg", "ÖBERG", "o\u{308}berg", "Åsa Ö", "20150312-0006", "201503120006", "\(id)"] {
            #expect(try found(needle) == [id], "\(needle)")
        }
        #expect(try found("berg*").isEmpty)  // a GLOB wildcard typed is a character, not a wildcard
        var plan = try t.store.plan(id)
        plan.leadAgencyId = f.bup.id
        try t.store.updatePlan(plan)
        #expect(try found("bup test") == [id])
        try t.store.write { db in
            try db.execute(sql: "UPDATE child SET name = 'Åsa Nyberg' WHERE id = ?", arguments: [f.child.id])
        }
        #expect(try found("öberg").isEmpty)
        #expect(try found("nyberg") == [id])
        #expect(try t.store.planPage(PlanFilter(search: "nyberg")).total == 1)
        // Spaces alone are no search: every plan, and counted as such.
        #expect(try t.store.planPage(PlanFilter(search: "   ")).total == 1)
    }
}
