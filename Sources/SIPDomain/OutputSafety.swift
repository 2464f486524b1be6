/// What the command line writes must carry no raw control character from the data: these are the
/// characters every output format neutralises or escapes.
public enum OutputSafety {
    /// C0 controls, DEL, C1 controls, and the bidirectional and zero-width format characters that
    /// can hide or reorder text on a terminal (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069,
    /// U+061C, U+FEFF), and the Unicode line and paragraph separators.
    public static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// JSON as `JSONEncoder` wrote it, with every hostile character written as a `\uXXXX` escape.
    /// The encoder escapes C0 controls, quote and backslash in strings and writes nothing but ASCII
    /// outside them, so a raw hostile character can only stand inside a string, never right after
    /// an escaping backslash: its escape decodes to the same string.
    public static func escapingJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isHostile) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard isHostile(scalar), scalar != "\n" else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(out)
    }
}
