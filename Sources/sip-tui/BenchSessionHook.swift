import Foundation
import SIPModel
import SIPUI

#if canImport(Glibc)
    import Glibc
#endif

/// A session run by `bench --sessions`, which sets `SIP_TUI_BENCH_SESSION` to a file of its own.
/// Only then does a session mark each frame (DEC synchronized update, `CSI ? 2026 h` before it and
/// `CSI ? 2026 l` after it, which the bench waits for as the frame's end), count the frames that showed an
/// error, and write at exit what the bench cannot see from outside: the store's busy waits and those errors.
/// Without the variable nothing changes: not a byte of any frame.
final class BenchSessionHook {
    static let variable = "SIP_TUI_BENCH_SESSION"
    static let frameStart = "\u{1B}[?2026h"
    static let frameEnd = "\u{1B}[?2026l"

    private let report: String
    /// The frames that showed an error (counted from 1, the first screen), with the error.
    private var errors: [(frame: Int, text: String)] = []
    private var frames = 0
    /// Keys handed to the screens (a lone Esc once it is delivered), so that the bench can tell a
    /// key it sent that no screen received (two keys read as one) from one that was answered.
    private var keys = 0

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment[Self.variable], path.hasPrefix("/") else { return nil }
        report = path
    }

    func handled(_ count: Int) { keys += count }

    /// Before the frame's first byte (ncurses has flushed the last frame: nothing is waiting in its buffer).
    func beginFrame() { Self.write(Self.frameStart) }

    /// After `refresh()`, which flushes the frame: the mark follows its last byte.
    func endFrame(_ app: App) {
        frames += 1
        if let message = app.message, message.isError { errors.append((frames, message.text)) }
        Self.write(Self.frameEnd)
    }

    private static func write(_ text: String) {
        _ = text.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// The counts, one `name value` a line, the frames that showed an error, then the first errors shown
    /// (made safe), in a file only its owner reads.
    func finish() {
        var lines = ["frames \(frames)", "keys \(keys)", "busy \(Store.busyRetries)", "errors \(errors.count)"]
        lines += errors.map { "error-frame \($0.frame)" }
        lines += errors.prefix(5).map { "error " + TerminalText.safe($0.text) }
        let fd = open(report, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let text = lines.joined(separator: "\n") + "\n"
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
    }
}
