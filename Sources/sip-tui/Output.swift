import Foundation
import SIPModel

#if canImport(Glibc)
    import Glibc
#endif

/// What the command line prints.
enum Output {
    /// Writes a document to stdout. On a terminal, control characters from the data are shown as
    /// placeholders; into a file or a pipe the document goes as it is.
    static func write(_ text: String) {
        let shown = isatty(STDOUT_FILENO) == 1 ? TerminalText.safe(text, keepNewlines: true) : text
        FileHandle.standardOutput.write(Data(shown.utf8))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try PlanDocument.encoder().encode(value), as: UTF8.self)
    }
}
