import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

private func mode(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
}

private func group(_ path: String) -> gid_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_gid : gid_t.max
}

@Suite("Database files: owner-only unless shared with a group on purpose")
struct FilePermissionTests {
    /// An OS group every Debian system has.
    static let groupName = ["users", "adm", "daemon"].first { (name: String) in getgrnam(name) != nil }!

    @Test("a database or WAL that group or others can read is refused, and left as it was")
    func refused() throws {
        let t = try TestStore()
        _ = try Fixture(t.store)
        let path = t.store.path
        chmod(path, 0o644)
        #expect(throws: SIPError.permissionsTooOpen(path: path, mode: "644")) {
            try Store(path: path, context: t.store.context)
        }
        #expect(mode(path) == 0o644)
        chmod(path, 0o600)
        chmod(path + "-wal", 0o640)
        #expect(throws: SIPError.permissionsTooOpen(path: path + "-wal", mode: "640")) {
            try Store(path: path, context: t.store.context)
        }
        chmod(path + "-wal", 0o600)
        _ = try Store(path: path, context: t.store.context)
        #expect(Catalog(.sv).hint(.permissionsTooOpen(path: path, mode: "644"))?.contains("--shared-group") == true)
    }

    @Test("--shared-group gives the files to the group, mode 0660; without it they are refused again")
    func shared() throws {
        let dir = TempDir()
        let path = dir.path("delad.sqlite")
        let groupId = getgrnam(Self.groupName)!.pointee.gr_gid
        let store = try Store(
            path: path, context: SessionContext(user: "anna", now: { Date() }), sharedGroup: Self.groupName)
        _ = try store.addBusGroup(name: "Lokal BUS Delad")
        for file in [path, path + "-wal"] {
            #expect(mode(file) == 0o660)
            #expect(group(file) == groupId)
        }
        #expect(try store.check().isHealthy)
        #expect(throws: SIPError.permissionsTooOpen(path: path, mode: "660")) {
            try Store(path: path, context: store.context)
        }
        #expect(throws: SIPError.unknownSystemGroup("ingen-sadan-grupp")) {
            try Store(path: path, context: store.context, sharedGroup: "ingen-sadan-grupp")
        }
        // Others never: a shared file others can read is brought back to 0660.
        chmod(path, 0o664)
        _ = try Store(path: path, context: store.context, sharedGroup: Self.groupName)
        #expect(mode(path) == 0o660)
    }
}

@Suite("Retention: purging closed plans")
struct PurgeTests {
    /// Two plans for one child: the first closed long ago, the second still open; a third child's plan closed recently.
    struct World {
        let t: TestStore
        let f: Fixture
        let open: Plan
        let recent: Plan

        init() throws {
            t = try TestStore(clock: TestClock(Day(year: 2024, month: 2, day: 1)!))
            f = try Fixture(t.store)
            try f.consentBoth(t.store)
            try t.store.addParticipant(planId: f.plan.id!, agencyId: f.school.id, person: "Rektor Rut", role: "rektor")
            try t.store.addIntervention(
                planId: f.plan.id!, what: "Åsa får en mentor", agencyId: f.school.id!,
                person: "Mentor Max", startDate: t.store.context.today,
                dueDate: t.store.context.today.adding(days: 60), comment: "Åsa vill")
            var plan = try t.store.plan(f.plan.id!)
            plan.childView = "Åsa vill vara med sin kompis"
            try t.store.updatePlan(plan)
            try t.store.recordCopy(planId: f.plan.id!, recipient: "Märta Öberg", givenOn: t.store.context.today)
            try t.store.addDeviation(
                reportingAgencyId: f.school.id!, concernedAgencyId: f.bup.id!, planId: f.plan.id,
                occurredOn: t.store.context.today, kind: "uteblev", description: "BUP kom inte till Åsas möte.")
            try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: "Åsa är tillbaka i skolan")
            t.clock.set(Day(year: 2026, month: 3, day: 1)!)
            open = try t.store.createPlan(
                NewPlan(
                    childId: f.child.id!, busGroupId: f.group.id!, initiatorKind: .guardian,
                    initiatorPerson: "Märta Öberg", requestDate: t.store.context.today,
                    reason: "Ny oro", questions: ""))
            let other = try t.store.addChild(name: "Nils Nyss", personalNumber: nil, birthDate: "2013-09-09", sex: .boy)
            recent = try t.store.createPlan(
                NewPlan(
                    childId: other.id!, busGroupId: f.group.id!, initiatorKind: .guardian,
                    initiatorPerson: "", requestDate: t.store.context.today, reason: "", questions: ""))
            try t.store.changeStatus(planId: recent.id!, to: .closed, note: "Klar")
            t.clock.set(Day(year: 2026, month: 4, day: 1)!)
        }
    }

    @Test("a dry run lists what would go and changes nothing")
    func dryRun() throws {
        let w = try World()
        let before = try w.t.store.planDocument(w.f.plan.id!)
        let candidates = try w.t.store.purgeCandidates(closedBefore: Day(year: 2025, month: 1, day: 1)!)
        #expect(
            candidates == [
                PurgeCandidate(
                    planId: w.f.plan.id!, closedOn: Day(year: 2024, month: 2, day: 1)!,
                    busGroup: "Lokal BUS Testby")
            ])
        #expect(try w.t.store.planDocument(w.f.plan.id!) == before)
    }

    @Test("purging removes every name, number and free text of the plan, and keeps the review's figures")
    func purge() throws {
        let w = try World()
        let store = w.t.store
        let from = Day(year: 2023, month: 1, day: 1)!, to = store.context.today
        let reviewBefore = try store.review(groupId: w.f.group.id, from: from, to: to)
        let trendsBefore = try store.trends(groupId: nil, to: Day(year: 2024, month: 6, day: 1)!)
        #expect(try store.purge(closedBefore: Day(year: 2025, month: 1, day: 1)!).map(\.planId) == [w.f.plan.id!])
        #expect(try store.review(groupId: w.f.group.id, from: from, to: to) == reviewBefore)
        #expect(try store.review(groupId: w.f.group.id, from: from, to: to, withIds: false) == reviewBefore.counted)
        #expect(try store.check().isHealthy)
        #expect(try store.trends(groupId: nil, to: Day(year: 2024, month: 6, day: 1)!) == trendsBefore)
        #expect(throws: SIPError.planPurged(w.f.plan.id!)) { try store.planDocument(w.f.plan.id!) }
        #expect(!(try store.planSummaries().map(\.id).contains(w.f.plan.id!)))
        // Nothing personal about the purged plan is left anywhere in the file.
        let dump = try store.read { db -> String in
            var text = ""
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { text += row.description + "\n" }
            }
            return text
        }
        for secret in [
            "Åsa får en mentor", "Mentor Max", "Åsa vill vara med", "Rektor Rut", "Åsa är tillbaka",
            "Hög frånvaro", "Åsa vill\"", "Skolgång och hälsa", "Åsas möte",
        ] {
            #expect(!dump.contains(secret), "still in the database: \(secret)")
        }
        // Nor in the file's bytes: not in free pages (secure delete), not in the write-ahead log.
        for file in [store.path, store.path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            for secret in ["Åsa vill vara med", "Mentor Max", "Åsa är tillbaka"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) still in \(file)")
            }
        }
        // The child still has an open plan: the child and the guardians stay for it.
        let open = try store.planDocument(w.open.id!)
        #expect(open.child.name == "Åsa Öberg" && open.guardians.count == 2)
        #expect(try store.check().isHealthy)
        // The recently closed plan is kept; purged once, a plan is not purged again.
        #expect(try store.purge(closedBefore: Day(year: 2025, month: 1, day: 1)!).isEmpty)
        #expect(try store.plan(w.recent.id!).status == .closed)
    }

    @Test("a child with no plan left goes, family and all")
    func childGoes() throws {
        let w = try World()
        let store = w.t.store
        try store.purge(closedBefore: Day(year: 2026, month: 3, day: 2)!)
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM child ORDER BY id") }
        #expect(names.contains("Åsa Öberg"))  // still has the open plan
        #expect(!names.contains("Nils Nyss"))
        #expect(try store.check().isHealthy)
    }

    @Test("only an administrator may purge")
    func onlyAdministrator() throws {
        let w = try World()
        try w.t.store.addUser(login: "ada", name: "Ada", role: .administrator, agencyId: nil)
        let admin = try Store(path: w.t.store.path, context: SessionContext(user: "ada", now: { Date() }))
        try admin.signIn()
        try admin.addUser(login: "cora", name: "Cora", role: .coordinator, agencyId: nil, allPlans: true)
        let cora = try Store(path: w.t.store.path, context: SessionContext(user: "cora", now: { Date() }))
        try cora.signIn()
        #expect(throws: SIPError.notPermitted(.coordinator)) {
            try cora.purge(closedBefore: Day(year: 2026, month: 1, day: 1)!)
        }
        #expect(try admin.purge(closedBefore: Day(year: 2025, month: 1, day: 1)!).count == 1)
    }
}

@Suite("Users from the command line")
struct UserCommandTests {
    static let me = SessionContext.current().user

    @Test("someone not added gets a clear message; the file's owner adds them; roles decide what runs")
    func users() throws {
        let dir = TempDir()
        let db = dir.path("u.sqlite")
        // Someone else created the database (and became its administrator).
        let first = try Store(path: db, context: SessionContext(user: "ada", now: { Date() }))
        try first.signIn()
        _ = try DemoGenerator.run(
            store: Store(path: db, context: SessionContext(user: "demo", now: { Date() })), plans: 4, seed: 2)
        try first.close()
        let refused = try Binary.run(["--db", db, "plan", "list"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("finns inte i den här databasen") && refused.err.contains("sip-tui user add"))
        #expect(!refused.err.contains("Fatal"))
        // This OS user owns the file, so may manage users even though not one.
        let add = try Binary.run([
            "--db", db, "user", "add", Self.me, "--name", "Testare", "--role", "bus-chair",
            "--group", "1",
        ])
        #expect(add.status == 0 && add.out.contains("BUS-ordförande"))
        #expect(try Binary.run(["--db", db, "report"]).status == 0)
        let noPlans = try Binary.run(["--db", db, "plan", "list"])
        #expect(noPlans.status == 1 && noPlans.err.contains("BUS-ordförande"))
        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "coordinator", "--all-plans"]).status == 0)
        #expect(try Binary.run(["--db", db, "plan", "list"]).out.split(separator: "\n").count == 5)
        let list = try Binary.run(["--db", db, "user", "list"])
        #expect(list.status == 0 && list.out.contains("ada") && list.out.contains("administratör"))
        let purge = try Binary.run(["--db", db, "purge", "--closed-before", "2030-01-01", "--dry-run"])
        #expect(purge.status == 1 && purge.err.contains("samordnare"))
        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "administrator"]).status == 0)
        let dry = try Binary.run(["--db", db, "purge", "--closed-before", "2030-01-01", "--dry-run"])
        #expect(dry.status == 0 && dry.out.contains("skulle gallras"))
    }
}
