import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Audit listing, backup and restore")
struct MaintenanceTests {
    @Test("the audit trail of a plan says who saw it and who changed it, in order")
    func auditTrail() throws {
        let t = try TestStore(user: "anna")
        let f = try Fixture(t.store)
        let other = try Store(path: t.store.path, context: SessionContext(user: "bertil", now: { t.clock.now }))
        _ = try other.planDocument(f.plan.id!)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "Egen syn"
        try t.store.updatePlan(plan)
        let trail = try t.store.auditTrail(planId: f.plan.id!)
        #expect(trail.map { "\($0.user) \($0.action)" } == ["anna create", "bertil view", "anna update"])
        #expect(trail[2].detail == "childView: \"\" -> \"Egen syn\"")
        // The plan's parts belong to its trail too.
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Mentor", agencyId: f.school.id!, startDate: t.store.context.today,
            dueDate: t.store.context.today.adding(days: 30))
        #expect(
            try t.store.auditTrail(planId: f.plan.id!).last.map { "\($0.entity) \($0.action)" } == "intervention create"
        )
        #expect(try t.store.auditTrail(user: "bertil").map(\.action) == ["view"])
        #expect(try t.store.auditTrail(from: t.store.context.today.adding(days: 1)).isEmpty)
    }

    @Test("a backup is an owner-only, sound copy; restoring it brings the data back")
    func backupRestore() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let dir = TempDir()
        let copy = dir.path("backup.sqlite")
        try t.store.backup(to: copy)
        let mode = try (FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
        #expect(throws: SIPError.self) { try t.store.backup(to: copy) }  // never over an existing file
        try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: "Av misstag")
        try t.store.restore(from: copy)
        #expect(try t.store.plan(f.plan.id!).status == .draft)
        #expect(try t.store.check().isHealthy)
    }

    @Test("a file that is not a sound database is not restored, and nothing changes")
    func restoreRefusesBadSource() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let dir = TempDir()
        let junk = dir.path("junk.sqlite")
        try "inte en databas".write(toFile: junk, atomically: true, encoding: .utf8)
        #expect(throws: SIPError.notADatabase(junk)) { try t.store.restore(from: junk) }
        #expect(throws: SIPError.cannotOpen(dir.path("saknas.sqlite"))) {
            try t.store.restore(from: dir.path("saknas.sqlite"))
        }
        #expect(try t.store.plan(f.plan.id!).reason == "Hög frånvaro")
    }

    @Test("the commands: audit lines, backup, restore")
    func commands() throws {
        let dir = TempDir()
        let db = dir.path("c.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "3"]).status == 0)
        _ = try Binary.run(["--db", db, "plan", "show", "1"])
        // The demo made this user a coordinator; as the file's owner they may make themselves administrator.
        #expect(
            try Binary.run(["--db", db, "user", "set-role", SessionContext.current().user, "administrator"]).status == 0
        )
        let audit = try Binary.run(["--db", db, "audit", "--plan", "1"])
        #expect(audit.status == 0 && audit.out.contains("view  plan 1"))
        let backup = try Binary.run(["--db", db, "backup", dir.path("b.sqlite")])
        #expect(backup.status == 0)
        let restore = try Binary.run(["--db", db, "restore", dir.path("b.sqlite")])
        #expect(restore.status == 0 && restore.out.contains("Databasen är hel"))
        let bad = try Binary.run(["--db", db, "restore", dir.path("nope.sqlite")])
        #expect(bad.status == 1 && bad.err.hasPrefix("sip-tui: "))
    }
}
