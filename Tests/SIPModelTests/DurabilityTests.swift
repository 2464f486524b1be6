import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Processes that write while they are killed, or while others write: nothing acknowledged is lost.
/// Bounded so CI stays short; SIP_TUI_STRESS=1 runs longer.
@Suite("No fault loses data", .serialized)
struct DurabilityTests {
    static let long = ProcessInfo.processInfo.environment["SIP_TUI_STRESS"] == "1"

    func database() throws -> (TempDir, String, Int64) {
        let dir = TempDir()
        let path = dir.path("stress.sqlite")
        let store = try Store(path: path, context: .current())
        let f = try Fixture(store)
        try store.close()
        return (dir, path, f.plan.id!)
    }

    /// Starts sip-stress; returns the process and a reader of its acknowledgements.
    func start(_ arguments: [String]) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = Binary.named("sip-stress")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out.fileHandleForReading)
    }

    @Test("killed with SIGKILL at random points while saving: every save that returned is there, and the file is sound")
    func crashDurability() throws {
        var rng = SeededRandom(seed: 99)
        for round in 0..<(Self.long ? 40 : 6) {
            let (dir, path, planId) = try database()
            _ = dir
            let (process, reader) = try start([path, String(planId), "100000"])
            // Read acknowledgements until a random count, then kill without warning.
            let stopAfter = 5 + Int(rng.next() % 60)
            var acknowledged = 0
            var buffer = ""
            while acknowledged < stopAfter {
                let data = reader.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                acknowledged =
                    buffer.split(separator: "\n").compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.max()
                    ?? 0
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(acknowledged >= stopAfter, "round \(round): the writer stopped early")
            let store = try Store(path: path, context: .current())
            let saved = Int(try store.plan(planId).childView.split(separator: " ").last ?? "") ?? 0
            #expect(
                saved >= acknowledged, "round \(round): save \(acknowledged) was acknowledged, the file has \(saved)")
            #expect(try store.check().isHealthy)
            try store.close()
        }
    }

    @Test("several processes writing to one database: no lost write, no unhandled busy error")
    func concurrentWriters() throws {
        let (dir, path, planId) = try database()
        _ = dir
        let writers = 4, each = Self.long ? 200 : 40
        let processes = try (0..<writers).map { n in
            try start([path, String(planId), String(each)] + (n % 2 == 0 ? ["add"] : []))
        }
        for (process, reader) in processes {
            _ = reader.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "a writer failed")
        }
        let store = try Store(path: path, context: .current())
        let added = try store.interventions(planId: planId).filter { $0.what.hasPrefix("stress ") }.count
        #expect(added == (writers + 1) / 2 * each, "every intervention written is there")
        // Versioned saves from two processes: each one landed (the version counts them all).
        #expect(try store.plan(planId).version >= 1 + (writers / 2) * each)
        #expect(try store.check().isHealthy)
    }
}
