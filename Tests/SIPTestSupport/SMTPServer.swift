import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real SMTP server (aiosmtpd) on a free loopback port, writing each message it receives to a
/// directory (Tests/mail/smtp_sink.py), and msmtp configured to send to it: the sendmail interface
/// sip-tui uses in production, end to end.
public final class SMTPServer: @unchecked Sendable {
    public static let python = "/usr/bin/python3"
    let dir = TempDir()
    public let port: Int
    let process = Process()
    public var inbox: String { dir.path("inbox") }
    /// The msmtp configuration pointing at this server (owner-only, as msmtp requires).
    public var msmtpConfig: String { dir.path("msmtprc") }
    public var sendmailCommand: String { "msmtp -C \(msmtpConfig) -t" }

    public static var isAvailable: Bool {
        shell(["msmtp", "--version"]).status == 0 && shell([python, "-c", "import aiosmtpd, icalendar"]).status == 0
    }

    public init() throws {
        try FileManager.default.createDirectory(atPath: dir.path("inbox"), withIntermediateDirectories: true)
        port = Self.freePort()
        let mailDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail").path
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "smtp_sink.Sink", inbox]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = mailDir
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let config = """
            account default
            host 127.0.0.1
            port \(port)
            from sip-tui@kommun.example
            auth off
            tls off

            """
        try config.write(toFile: msmtpConfig, atomically: true, encoding: .utf8)
        chmod(msmtpConfig, 0o600)
    }

    deinit {
        // SIGKILL: the test process may hold SIGTERM blocked, and the server would inherit that.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Polls the port until the server accepts a connection (never a fixed sleep).
    public func waitUntilListening(seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if Self.connects(port) { return true }
            if !process.isRunning { return false }
            usleep(20_000)
        }
        return false
    }

    public static func connects(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port the kernel hands out for a loopback socket bound to port 0.
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public struct Received: Decodable, Sendable {
        public struct Calendar: Decodable, Sendable {
            public var method: String
            public var part_method: String?
            public var events: Int
            public var uid: String?
            public var sequence: Int?
            public var status: String?
            public var summary: String?
            public var description: String?
            public var tzid: String?
            public var start: String?
            public var timezones: [String]
        }
        public var file: String
        public var rcpt: [String]
        public var to: String
        public var subject: String
        public var leaks: [String]
        public var calendars: [Calendar]
        /// The message's text part.
        public var body: String?
    }

    /// Every message received so far, parsed with Python's email and icalendar (Tests/mail/check_mail.py);
    /// `leaks` lists the `forbidden` words found anywhere in a message, decoded or not.
    public func received(forbidden: [String]) throws -> [Received] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail/check_mail.py").path
        let out = shell([Self.python, script, inbox] + forbidden).out
        return try out.split(separator: "\n").map { try JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }
}
