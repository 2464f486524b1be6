import Foundation
import GRDB
import Testing

@testable import SIPModel

/// Issue 13, item 9: a command that changes more than one thing changes all of it or nothing.
@Suite("All or nothing", .serialized)
struct AllOrNothingTests {
    @Test("settings --set A=30 --set bogus=1 exits 1 and changes nothing; a valid pair changes both")
    func partialSettings() throws {
        let dir = TempDir()
        let path = dir.path("settings.sqlite")
        let first = try Binary.run(["--db", path, "settings"])
        #expect(first.status == 0, "\(first.err)")
        for bad in [
            ["first-meeting-days=30", "bogus=1"],
            ["follow-up-days=30", "deviation-response-days=0"],
            ["first-meeting-days=30", "follow-up-days"],
        ] {
            let result = try Binary.run(["--db", path, "settings"] + bad.flatMap { ["--set", $0] })
            #expect(result.status == 1, "\(bad): \(result.err)")
            #expect(result.err.hasPrefix("sip-tui: ") && !result.err.contains("Fatal"), "\(result.err)")
        }
        let after = try Binary.run(["--db", path, "settings"])
        #expect(after.out.contains("first-meeting-days=21"), "\(after.out)")
        #expect(after.out.contains("follow-up-days=90"), "\(after.out)")
        #expect(after.out.contains("deviation-response-days=30"), "\(after.out)")
        let good = try Binary.run([
            "--db", path, "settings", "--set", "first-meeting-days=14", "--set", "follow-up-days=60",
        ])
        #expect(good.status == 0, "\(good.err)")
        #expect(good.out.contains("first-meeting-days=14") && good.out.contains("follow-up-days=60"), "\(good.out)")
    }
}

/// Issue 13, item 8: an acknowledged save is on disk (`synchronous=FULL` in WAL mode), not only in the OS's cache.
@Suite("Durable commits")
struct DurableCommitTests {
    @Test("the connection that commits runs with synchronous=FULL, in WAL mode")
    func synchronousFull() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path("durable.sqlite"), context: .current())
        let (mode, synchronous) = try store.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2, "2 is FULL, 1 NORMAL")
        try store.close()
    }
}
