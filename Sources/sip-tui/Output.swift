import Foundation
import SIPModel

#if canImport(Glibc)
    import Glibc
#endif

/// What the command line prints. No raw control character from the data reaches stdout, whether
/// it is a terminal, a file or a pipe (a pipe often ends in a terminal: `| less -R`, `| tail`).
enum Output {
    /// Writes text to stdout with control characters from the data shown as placeholders, as the
    /// terminal interface shows them; newlines stay.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.safe(text, keepNewlines: true).utf8))
    }

    /// Writes a document whose generator has already neutralised every value it holds and whose
    /// lines end in CRLF (CSV, iCalendar), as it is.
    static func writeDocument(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// JSON with every control, bidirectional and zero-width character of a string as `\uXXXX`.
    static func json<T: Encodable>(_ value: T) throws -> String {
        OutputSafety.escapingJSON(String(decoding: try PlanDocument.encoder().encode(value), as: UTF8.self))
    }
}
