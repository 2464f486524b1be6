import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13, item 7: a draft the database cannot take at hang-up (another session holds the lock,
/// the disk is full) is kept in an owner-only file, offered back and merged next time.
@Suite("Drafts survive a locked or full database", .serialized)
struct DraftFallbackTests {
    /// A store with the real (5 s) busy timeout: the hang-up must not wait for it.
    func store(_ path: String, state: String) throws -> Store {
        try Store(
            path: path, context: SessionContext(user: "samordnare", now: { fixedNow }), busyTimeout: 5,
            stateDirectory: state)
    }

    /// Types into the open plan's edit form, hangs up (`preserveUnsavedWork`) while `block` holds the
    /// database, and returns how long the hang-up took.
    func typeAndHangUp(_ store: Store, text: String, during block: () throws -> Void = {}) throws
        -> (planId: Int64, seconds: Double)
    {
        let app = App(store: store, catalog: Catalog(.sv))
        let list = app.stack[0] as! PlanListScreen
        let id = try #require(list.selectedId)
        app.press(.enter, .character("e"))
        app.type(text)
        try block()
        let started = Date()
        app.preserveUnsavedWork()
        return (id, Date().timeIntervalSince(started))
    }

    /// The next session opens the form: the kept text is there, merged with what was saved since.
    func expectOfferedBack(_ store: Store, planId: Int64, text: String) throws {
        let next = App(store: store, catalog: Catalog(.sv))
        next.press(.enter, .character("e"))
        let form = try #require(next.top as? FormScreen)
        #expect(form.values["reason"]?.hasSuffix(text) == true)
        #expect(next.screenText.contains("Osparat utkast återställt"))
        next.press(.control("s"))
        #expect(try store.plan(planId).reason.hasSuffix(text))
        #expect(try store.draft(planId: planId) == nil)
    }

    func stateFiles(_ state: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test("another connection holds a write transaction: the draft lands in the state file, at once, and comes back")
    func heldLock() throws {
        let dir = TempDir()
        let path = dir.path("sip.sqlite")
        let state = dir.path("state/sip-tui")
        let store = try store(path, state: state)
        _ = try DemoGenerator.run(store: store, plans: 3, seed: 11)
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true  // the lock is held across accesses, as another session would
        let other = try DatabaseQueue(path: path, configuration: unsafe)
        var locked = false
        let (planId, seconds) = try typeAndHangUp(store, text: " skrivet under låset") {
            try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            locked = true
        }
        #expect(locked)
        #expect(seconds < 2, "the hang-up waited \(seconds) s for the lock")
        // The draft is in an owner-only file in an owner-only directory.
        let files = stateFiles(state)
        #expect(files.count == 1)
        var info = stat()
        #expect(stat(state, &info) == 0 && info.st_mode & 0o777 == 0o700)
        if let file = files.first {
            #expect(stat(state + "/" + file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        }
        // Meanwhile the other session saves the plan: the draft is merged with their change.
        try other.writeWithoutTransaction { db in
            try db.execute(
                sql: "UPDATE plan SET childView = 'Barnet vill', version = version + 1 WHERE id = ?",
                arguments: [planId])
            try db.execute(sql: "COMMIT")
        }
        try other.close()
        try expectOfferedBack(store, planId: planId, text: " skrivet under låset")
        #expect(try store.plan(planId).childView == "Barnet vill")
        #expect(stateFiles(state).isEmpty, "the file goes once the draft is saved")
    }

    static let mayMount = geteuid() == 0

    @Test(
        "the database's filesystem is full: the draft lands in the state file and comes back",
        .enabled(if: mayMount, "needs root to mount a small tmpfs for the database"))
    func fullFilesystem() throws {
        let dir = TempDir()
        let mount = dir.path("small")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        // Room for a fresh database's migrations and a small demo in its WAL (about 2 MB before the
        // first checkpoint); filled to the last byte below.
        let mounted = shell(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", mount])
        try #require(mounted.status == 0, "mount -t tmpfs failed: \(mounted.out)")
        defer { _ = shell(["umount", "-l", mount]) }
        let path = mount + "/sip.sqlite"
        let state = dir.path("state/sip-tui")
        let store = try store(path, state: state)
        _ = try DemoGenerator.run(store: store, plans: 3, seed: 11)
        let text = " skrivet på en full disk"
        let (planId, _) = try typeAndHangUp(store, text: text) {
            // An empty WAL (nothing to reuse) on a filesystem with no byte left.
            try store.checkpoint()
            _ = shell(["dd", "if=/dev/zero", "of=\(mount)/filler", "bs=64k"])
        }
        #expect(try store.draft(planId: planId) != nil)
        #expect(stateFiles(state).count == 1)
        _ = shell(["rm", "-f", mount + "/filler"])
        try expectOfferedBack(store, planId: planId, text: text)
        #expect(stateFiles(state).isEmpty)
        try store.close()
    }
}
