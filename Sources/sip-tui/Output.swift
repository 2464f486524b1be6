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

    /// One line of TAB-separated fields (the register's lists): each field made safe on its own, so
    /// the TABs between them stay and `cut -f` finds the columns (a TAB inside a field is a space).
    static func writeRow(_ fields: [String]) {
        writeDocument(fields.map { TerminalText.safe($0) }.joined(separator: "\t") + "\n")
    }

    /// Writes a document whose generator has already neutralised every value it holds and whose
    /// lines end in CRLF (CSV, iCalendar), as it is.
    static func writeDocument(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Text to stdout, or to a new file `path` (`--output`): the user's own (mode 0600, created with
    /// O_EXCL|O_NOFOLLOW, so an existing name or a planted link is refused) and, in shared mode, with
    /// the user's group rather than the service group. `document`: written as it is (see `writeDocument`).
    static func write(_ text: String, to path: String?, document: Bool = false) throws {
        let content = document ? text : TerminalText.safe(text, keepNewlines: true)
        guard let path else { return FileHandle.standardOutput.write(Data(content.utf8)) }
        try UserFiles.write {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                if errno == EEXIST { throw SIPError.invalidValue(field: .place, value: path) }
                throw SIPError.directoryNotWritable((path as NSString).deletingLastPathComponent)
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            do {
                try handle.write(contentsOf: Data(content.utf8))
                try handle.synchronize()
            } catch {
                throw SIPError.directoryNotWritable((path as NSString).deletingLastPathComponent)
            }
        }
    }

    /// JSON with every control, bidirectional and zero-width character of a string as `\uXXXX`.
    static func json<T: Encodable>(_ value: T) throws -> String {
        OutputSafety.escapingJSON(String(decoding: try PlanDocument.encoder().encode(value), as: UTF8.self))
    }
}
