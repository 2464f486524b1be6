import Foundation
import SIPTestSupport
import Testing

@testable import SIPModel

@Suite("Two stores on one file in one process")
struct OpenDatabasesTests {
    @Test("a second store on the file keeps the first one's locks: another session's exit takes no WAL from under it")
    func secondStoreKeepsLocks() throws {
        let t = try TestStore()
        // A second store (the bench's users, a second editor in the tests) checks the file's header:
        // closing a descriptor of its own would drop the locks SQLite holds for the first one.
        let second = try Store(path: t.store.path, context: .current())
        defer { try? second.close() }
        // Another session comes and goes: it must not take itself for the file's last one.
        #expect(try Binary.run(["--db", t.store.path, "user", "list"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: t.store.path + "-wal"))
        try t.store.addUser(login: "ada", name: "Ada Admin", role: .administrator, agencyId: nil)
        let listed = try Binary.run(["--db", t.store.path, "user", "list"])
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.contains("ada"))
    }
}
