import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory per test, removed when the value goes away.
public final class TempDir: Sendable {
    public let url: URL
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sip-tui-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The real `sip-tui` binary, built next to the test bundle by `swift test`.
public enum Binary {
    public static let url = named("sip-tui")

    /// An executable of this package, found beside the test bundle.
    public static func named(_ name: String) -> URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent(name).path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent(name)
    }

    public struct Result: Sendable {
        public var status: Int32
        public var out: String
        public var err: String

        public init(status: Int32, out: String, err: String) {
            self.status = status
            self.out = out
            self.err = err
        }
    }

    /// Runs the binary to completion with no terminal: stdin is /dev/null.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SIP_TUI_DB")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs a command through /bin/sh and returns its exit status and standard output. popen and
/// system wait for the shell only: Foundation's Process also waits for anything the command left
/// running (tmux's server daemon), and would never return.
@discardableResult
public func shell(_ arguments: [String], capture: Bool = true) -> (status: Int32, out: String) {
    let line = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    guard capture else {
        return (system(line + " </dev/null >/dev/null 2>&1"), "")
    }
    guard let pipe = popen(line + " </dev/null 2>/dev/null", "r") else { return (127, "") }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, pipe)
        if count <= 0 { break }
        data.append(contentsOf: buffer[0..<count])
    }
    let status = pclose(pipe)
    return (status, String(decoding: data, as: UTF8.self))
}

/// Drives a program in a private tmux server the way a user would: keys in, screen out.
public final class Tmux: @unchecked Sendable {
    public static var isAvailable: Bool { shell(["tmux", "-V"]).status == 0 }

    let socket = "sip-tui-test-\(UUID().uuidString.prefix(8))"
    let session = "t"
    /// The program's exit status lands here: tmux's own #{pane_dead_status} is sometimes empty.
    let statusFile: String

    /// Starts `command` (a shell command line) in a `width` x `height` terminal.
    public init(_ command: String, width: Int = 80, height: Int = 24) {
        let temp = FileManager.default.temporaryDirectory
        statusFile = temp.appendingPathComponent("\(socket).status").path
        let config = temp.appendingPathComponent("\(socket).conf").path
        try? "set -g remain-on-exit on\n".write(toFile: config, atomically: true, encoding: .utf8)
        shell(
            [
                "tmux", "-L", socket, "-f", config, "new-session", "-d", "-s", session,
                "-x", String(width), "-y", String(height), "\(command); echo $? > '\(statusFile)'",
            ], capture: false)
    }

    deinit {
        shell(["tmux", "-L", socket, "kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: statusFile)
    }

    /// Keys by tmux name ("Enter", "Escape", "C-s", "Down").
    public func keys(_ names: String...) {
        shell(["tmux", "-L", socket, "send-keys", "-t", session] + names)
    }

    /// Literal text, UTF-8 included.
    public func type(_ text: String) {
        shell(["tmux", "-L", socket, "send-keys", "-t", session, "-l", text])
    }

    public func screen() -> String {
        shell(["tmux", "-L", socket, "capture-pane", "-p", "-t", session]).out
    }

    /// The screen with its attributes as escape sequences (SGR), line by line, trailing spaces kept.
    public func styledScreen() -> String {
        shell(["tmux", "-L", socket, "capture-pane", "-p", "-e", "-N", "-t", session]).out
    }

    /// Bytes as they are, given in hexadecimal ("1b", "5b", "31", "7e"): an escape sequence
    /// exactly as a terminal of another kind would send it.
    public func bytes(_ hex: [String]) {
        shell(["tmux", "-L", socket, "send-keys", "-t", session, "-H"] + hex)
    }

    public func query(_ format: String) -> String {
        shell(["tmux", "-L", socket, "display-message", "-p", "-t", session, format]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var cursor: (column: Int, row: Int) {
        let parts = query("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    /// The program's exit status once it has ended.
    public func waitForExit(seconds: Double = 10) -> Int? {
        var status: Int?
        wait(seconds: seconds) {
            status = (try? String(contentsOfFile: statusFile, encoding: .utf8))
                .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return status != nil
        }
        return status
    }

    /// The process ids whose command line starts with `prefix` (the program, not the shell around it).
    public static func pids(commandPrefix prefix: String) -> [Int32] {
        shell(["pgrep", "-f", "--", "^" + prefix]).out.split(separator: "\n").compactMap { Int32($0) }
    }

    public func resize(width: Int, height: Int) {
        shell(["tmux", "-L", socket, "resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    public func killSession() { shell(["tmux", "-L", socket, "kill-session", "-t", session], capture: false) }

    /// Polls until `condition` holds or `seconds` pass: waiting on what the screen shows, not on time.
    @discardableResult
    public func wait(seconds: Double = 10, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        wait(seconds: seconds) { screen().contains(text) }
    }
}
