/// Makes stored text safe to write to a terminal: nothing from the database reaches it raw.
public enum TerminalText {
    /// Replaces control characters with visible placeholders: C0 controls with their Control
    /// Pictures (ESC becomes ␛), DEL with ␡, C1 controls and bidirectional overrides with �.
    /// With `keepNewlines`, newline survives (for multi-line output that the caller indents).
    public static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines:
                scalars.append(scalar)
            case 0x09:
                scalars.append(" ")
            case 0x00...0x1F:
                scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                scalars.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                scalars.append("\u{FFFD}")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
