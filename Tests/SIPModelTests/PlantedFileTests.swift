import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

#if canImport(Glibc)
    import Glibc
#endif

/// Another OS user on the same server (`nobody`), through `setpriv` or `runuser`: only root may switch.
enum OtherUser {
    static let name = "nobody"
    static let group = ["nogroup", "nobody"].first { (name: String) in getgrnam(name) != nil }
    static var uid: uid_t? { getpwnam(name)?.pointee.pw_uid }

    /// The command prefix that runs a program as `nobody`, when this process may switch users.
    static let prefix: [String]? = {
        guard geteuid() == 0, uid != nil, let group else { return nil }
        if shell(["setpriv", "--version"], capture: false).status == 0 {
            return ["setpriv", "--reuid=\(name)", "--regid=\(group)", "--clear-groups", "--"]
        }
        if shell(["runuser", "--version"], capture: false).status == 0 { return ["runuser", "-u", name, "--"] }
        return nil
    }()

    static var isAvailable: Bool { prefix != nil }

    /// Runs `arguments` as `nobody`; true when it exits 0.
    @discardableResult
    static func run(_ arguments: [String]) -> Bool {
        shell(prefix! + arguments, capture: false).status == 0
    }
}

/// A sticky, world-writable directory under /tmp (mode 1777, as /tmp itself): where anyone may plant a file.
final class StickyDir: Sendable {
    let path: String
    init() {
        path = "/tmp/sip-tui-sticky-\(UUID().uuidString)"
        mkdir(path, 0o700)
        chmod(path, 0o1777)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func path(_ name: String) -> String { path + "/" + name }
}

private func info(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
}

private func exists(_ path: String) -> Bool { info(path) != nil }

/// The refusal's one line, in Swedish (the command line's default language).
private func line(_ error: SIPError) -> String { "sip-tui: " + Catalog(.sv).message(error) }

@Suite(
    "Planted files: another user's file, a symlink, a FIFO at the database path",
    .serialized,
    .enabled(if: OtherUser.isAvailable, "needs root and setpriv or runuser to act as a second OS user"))
struct PlantedFileTests {
    func expectRefusal(
        _ result: Binary.Result, _ error: SIPError, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "\(result.err)", sourceLocation: sourceLocation)
        #expect(result.err.hasPrefix(line(error) + "\n"), "\(result.err)", sourceLocation: sourceLocation)
        #expect(
            result.err.contains(Catalog(.sv)(.hintPlantedFile)), "\(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("an empty file another user planted at a new --db path is refused, and nothing is written into it")
    func plantedEmptyFile() throws {
        let dir = StickyDir()
        let path = dir.path("sip.sqlite")
        try #require(OtherUser.run(["touch", path]))
        chmod(path, 0o666)  // as nobody's own file might be: anyone may write it
        try #require(info(path)?.st_uid == OtherUser.uid)
        let result = try CLI.run(["--db", path, "demo", "--plans", "2", "--seed", "1"])
        expectRefusal(result, .notOwned(path: path, owner: OtherUser.name))
        #expect(info(path)?.st_size == 0)
        #expect(info(path)?.st_uid == OtherUser.uid)
        #expect(!exists(path + "-wal") && !exists(path + "-shm"))
    }

    @Test("a symlink another user planted at the --db path is refused; the file it points to stays untouched")
    func plantedSymlink() throws {
        let dir = StickyDir()
        let mine = TempDir()  // the victim's own, private directory
        chmod(mine.url.path, 0o700)
        let target = mine.path("mine.txt")
        try #require(
            FileManager.default.createFile(atPath: target, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let path = dir.path("sip.sqlite")
        try #require(OtherUser.run(["ln", "-s", target, path]))
        try #require(info(path)?.st_uid == OtherUser.uid)
        let result = try CLI.run(["--db", path, "demo", "--plans", "2", "--seed", "1"])
        expectRefusal(result, .notAPlainFile(path: path, kind: .symlink))
        #expect(info(target)?.st_size == 0)
        #expect(!exists(target + "-wal") && !exists(target + "-shm") && !exists(path + "-wal"))
    }

    @Test("a WAL another user planted beside the victim's database is refused, left as it was and not used")
    func plantedWAL() throws {
        let dir = StickyDir()
        let path = dir.path("sip.sqlite")
        let created = try CLI.run(["--db", path, "demo", "--plans", "2", "--seed", "1"])
        try #require(created.status == 0, "\(created.err)")
        // The command line's last connection is a reader and leaves the WAL; a writer's close removes it.
        try DatabaseQueue(path: path).close()
        try #require(!exists(path + "-wal") && !exists(path + "-shm"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try #require(OtherUser.run(["touch", path + "-wal"]))
        chmod(path + "-wal", 0o600)  // private to nobody: not "readable by others", so only its owner tells
        let result = try CLI.run(["--db", path, "plan", "list", "--json"])
        expectRefusal(result, .notOwned(path: path + "-wal", owner: OtherUser.name))
        #expect(info(path + "-wal")?.st_size == 0)
        #expect(info(path + "-wal")?.st_uid == OtherUser.uid)
        #expect(!exists(path + "-shm"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("--db naming a FIFO (planted by another user or not) fails at once with one line, and never hangs")
    func fifo() throws {
        let dir = StickyDir()
        let planted = dir.path("planted.sqlite")
        try #require(OtherUser.run(["mkfifo", "-m", "666", planted]))
        let own = TempDir()
        let mine = own.path("mine.sqlite")
        try #require(mkfifo(mine, 0o600) == 0)
        for path in [planted, mine] {
            let result = try runBounded(["--db", path, "plan", "list"], limit: 30)
            #expect(!result.killed, "sip-tui hung on the FIFO \(path) and was killed after 30 s")
            expectRefusal(result.result, .notAPlainFile(path: path, kind: .fifo))
        }
    }

    @Test("a backup to a name another user planted (a dangling symlink) is refused, and nothing is written")
    func plantedBackupLink() throws {
        let mine = TempDir()
        let db = mine.path("sip.sqlite")
        try #require(try CLI.run(["--db", db, "demo", "--plans", "2", "--seed", "1"]).status == 0)
        try #require(
            try CLI.run(["--db", db, "user", "set-role", SessionContext.current().user, "administrator"]).status == 0)
        let dir = StickyDir()
        let stolen = dir.path("stolen.sqlite")
        let destination = dir.path("backup.sqlite")
        try #require(OtherUser.run(["ln", "-s", stolen, destination]))
        let result = try CLI.run(["--db", db, "backup", destination])
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.hasPrefix(line(.invalidValue(field: .place, value: destination))), "\(result.err)")
        #expect(!exists(stolen))
        #expect(info(destination).map { $0.st_mode & 0o170000 == 0o120000 } == true)
    }

    @Test("restoring from a FIFO fails at once with one line, and never hangs")
    func restoreFromFIFO() throws {
        let mine = TempDir()
        let db = mine.path("sip.sqlite")
        try #require(try CLI.run(["--db", db, "demo", "--plans", "2", "--seed", "1"]).status == 0)
        try #require(
            try CLI.run(["--db", db, "user", "set-role", SessionContext.current().user, "administrator"]).status == 0)
        let fifo = mine.path("backup.sqlite")
        try #require(mkfifo(fifo, 0o600) == 0)
        let result = try runBounded(["--db", db, "restore", fifo], limit: 30)
        #expect(!result.killed, "sip-tui hung on the FIFO \(fifo) and was killed after 30 s")
        #expect(result.result.status == 1, "\(result.result.err)")
        #expect(result.result.err.hasPrefix(line(.notAPlainFile(path: fifo, kind: .fifo))), "\(result.result.err)")
    }

    @Test("the victim's own database in the sticky directory still opens")
    func ownDatabase() throws {
        let dir = StickyDir()
        let path = dir.path("sip.sqlite")
        #expect(try CLI.run(["--db", path, "demo", "--plans", "2", "--seed", "1"]).status == 0)
        let list = try CLI.run(["--db", path, "plan", "list", "--json"])
        #expect(list.status == 0, "\(list.err)")
        #expect(info(path).map { Int($0.st_mode & 0o777) } == 0o600)
    }

    /// Runs the binary; a process still running after `limit` seconds is killed (a safety net only:
    /// the test waits for the process to end, never for a fixed time).
    func runBounded(_ arguments: [String], limit: Double) throws -> (result: Binary.Result, killed: Bool) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SIP_TUI_DB")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        var killed = false
        if ended.wait(timeout: .now() + limit) == .timedOut {
            killed = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        let result = Binary.Result(
            status: process.terminationStatus,
            out: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            err: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        return (result, killed)
    }
}
