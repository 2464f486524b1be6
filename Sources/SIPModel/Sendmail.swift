import Foundation
import SIPDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's sendmail interface: the only way mail leaves sip-tui. The command (setting
/// `sendmail-command`, overridden by `$SIP_TUI_SENDMAIL`, default `/usr/sbin/sendmail -t -i`) reads
/// one whole message on standard input and takes its recipients from the headers (`-t`); behind it
/// sits the system's MTA, msmtp or the municipality's relay. Exit status 0 is "accepted"; anything
/// else, or no answer within `timeout`, is a failure with the command's own words.
public struct Sendmail: Sendable, Equatable {
    public static let defaultCommand = "/usr/sbin/sendmail -t -i"
    /// Seconds a command may take before it is stopped (`$SIP_TUI_SENDMAIL_TIMEOUT` overrides).
    public static let defaultTimeout: TimeInterval = 60

    /// The program and its arguments, split as a shell would split a simple command line.
    public let arguments: [String]
    public let timeout: TimeInterval

    public init(command: String, timeout: TimeInterval = Sendmail.defaultTimeout) {
        arguments = Sendmail.split(command)
        self.timeout = timeout
    }

    /// The command from the environment, else the stored setting, else the default.
    public static func resolve(
        setting: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Sendmail {
        let command = [environment["SIP_TUI_SENDMAIL"], setting, defaultCommand].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }!
        let timeout = environment["SIP_TUI_SENDMAIL_TIMEOUT"].flatMap(TimeInterval.init).flatMap {
            $0 > 0 ? $0 : nil
        }
        return Sendmail(command: command, timeout: timeout ?? defaultTimeout)
    }

    /// What became of one message.
    public enum Result: Equatable, Sendable {
        case accepted
        /// Not accepted: the exit status and the first line the command wrote, or that it hung.
        case failed(Failure)
    }

    public enum Failure: Equatable, Sendable {
        case exitStatus(Int32, String)
        case timedOut(seconds: Int)
        case cannotStart(String)
    }

    /// Words from a single-quoted, double-quoted or backslash-escaped command line; no expansion.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = "", inWord = false, quote: Character? = nil, escaped = false
        for ch in line {
            if escaped {
                current.append(ch)
                escaped = false
            } else if let open = quote {
                if ch == open {
                    quote = nil
                } else if ch == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(ch)
                }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == "\\" {
                escaped = true
                inWord = true
            } else if ch.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Hands one message to the command. The command runs in a process group of its own, so a
    /// command that hangs is stopped with everything it started; its standard output and error
    /// are read together and the first line kept for the failure.
    public func send(_ message: Data) -> Result {
        guard let program = arguments.first else { return .failed(.cannotStart("")) }
        // A command that exits before reading all of its input must not kill this process.
        signal(SIGPIPE, SIG_IGN)
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { return .failed(.cannotStart(String(cString: strerror(errno)))) }
        guard pipe(&output) == 0 else {
            close(input[0])
            close(input[1])
            return .failed(.cannotStart(String(cString: strerror(errno))))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, output[1], 2)
        for fd in [input[0], input[1], output[0], output[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child starts with default signal handling (this process ignores SIGPIPE, ncurses
        // may hold others).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            return .failed(.cannotStart(program + ": " + String(cString: strerror(spawned))))
        }
        let collected = Collected()
        let (writeEnd, readEnd) = (input[1], output[0])
        let done = DispatchGroup()
        // Writing, reading and waiting each on a thread of its own (never Dispatch's shared pool,
        // whose few threads may all be the callers waiting here): a command that reads nothing and
        // writes much must block neither.
        done.enter()
        done.enter()
        Sendmail.thread {
            defer { done.leave() }
            message.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = write(writeEnd, bytes.baseAddress! + offset, bytes.count - offset)
                    if n <= 0 {
                        if n < 0 && errno == EINTR { continue }
                        break
                    }
                    offset += n
                }
            }
            close(writeEnd)
        }
        Sendmail.thread {
            defer { done.leave() }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                collected.append(buffer[0..<n])
            }
            close(readEnd)
        }
        let exited = DispatchSemaphore(value: 0)
        let status = Collected()
        let child = pid
        Sendmail.thread {
            var code: Int32 = 0
            while waitpid(child, &code, 0) < 0 && errno == EINTR {}
            status.code = code
            exited.signal()
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            // The whole group: a shell script's own children (a sleep) go with it.
            kill(-child, SIGKILL)
            exited.wait()
            _ = done.wait(timeout: .now() + 5)
            return .failed(.timedOut(seconds: Int(timeout.rounded())))
        }
        _ = done.wait(timeout: .now() + 5)
        let code = status.code
        // WIFEXITED / WEXITSTATUS, which do not import.
        let exitedNormally = code & 0x7f == 0
        let exitStatus = exitedNormally ? (code >> 8) & 0xff : 128 + (code & 0x7f)
        if exitedNormally && exitStatus == 0 { return .accepted }
        let firstLine =
            String(decoding: collected.bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
            ?? ""
        return .failed(.exitStatus(exitStatus, String(TextRules.clean(firstLine, multiline: false).prefix(200))))
    }

    /// Runs `body` on a new thread.
    private static func thread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// What the threads hand back, behind a lock.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data: [UInt8] = []
        private var status: Int32 = 0
        func append(_ more: ArraySlice<UInt8>) { lock.withLock { if data.count < 8192 { data += more } } }
        var bytes: [UInt8] { lock.withLock { data } }
        var code: Int32 {
            get { lock.withLock { status } }
            set { lock.withLock { status = newValue } }
        }
    }
}
