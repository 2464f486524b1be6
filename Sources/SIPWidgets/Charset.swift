import Foundation
import SIPDomain

/// The characters the terminal can show, from the locale's character set (`nl_langinfo(CODESET)`
/// after `setlocale`). Under `LANG=C` only ASCII arrives intact; under ISO-8859-1 the Swedish
/// letters do, but not ‹ › … – or the arrows. What cannot be shown is transliterated (å -> a,
/// … -> ...), never dropped: a letter with no ASCII form is a `?` in its place.
public enum TerminalCharset: String, Sendable, CaseIterable {
    case unicode, latin1, ascii

    /// The character set a locale's codeset names: UTF-8, one of the Latin-1 family, or (any other,
    /// "ANSI_X3.4-1968" under C and POSIX) ASCII, the safe choice for every other 8-bit set.
    public static func from(codeset: String) -> TerminalCharset {
        let name = codeset.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if name == "UTF8" { return .unicode }
        if name == "ISO88591" || name == "ISO885915" || name == "LATIN1" || name == "CP1252" { return .latin1 }
        return .ascii
    }

    /// Whether a character reaches this terminal as it is.
    public func canShow(_ character: Character) -> Bool {
        switch self {
        case .unicode: return true
        case .latin1: return character.unicodeScalars.allSatisfy { $0.value < 0x80 || (0xA0...0xFF).contains($0.value) }
        case .ascii: return character.unicodeScalars.allSatisfy { $0.value < 0x80 }
        }
    }

    /// `text` in characters this terminal can show.
    public func transliterate(_ text: String) -> String {
        if self == .unicode || text.unicodeScalars.allSatisfy({ $0.value < 0x80 }) { return text }
        var out = ""
        for character in text.precomposedStringWithCanonicalMapping {
            out += transliterate(character)
        }
        return out
    }

    func transliterate(_ character: Character) -> String {
        if canShow(character) { return String(character) }
        if let replacement = Self.symbols[character] { return replacement }
        if let letters = Self.letters[character] { return letters }
        // A letter with a diacritic the terminal lacks: its base letter (é -> e, ő -> o).
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark && $0.properties.generalCategory != .enclosingMark
        }
        let kept = String(String.UnicodeScalarView(base))
        if !kept.isEmpty && kept.allSatisfy(canShow) { return kept }
        // Nothing to show it by: a placeholder per column, so nothing vanishes and columns stay aligned.
        return String(repeating: "?", count: max(1, DisplayWidth.of(character)))
    }

    /// The program's own symbols, in ASCII (htop's and mc's fallbacks).
    static let symbols: [Character: String] = [
        "…": "...", "‹": "<", "›": ">", "«": "<<", "»": ">>", "–": "-", "—": "-", "−": "-", "‐": "-",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "↔": "<>", "·": ".", "•": "*", "×": "x", "÷": "/",
        "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"", "≥": ">=", "≤": "<=", "≠": "!=",
        "✓": "v", "✗": "x", "°": "o", "§": "S", "€": "EUR", "\u{A0}": " ", "␛": "^[", "□": "#", "■": "#",
        "│": "|", "─": "-", "┼": "+", "█": "#",
    ]

    /// Letters that are not a base letter with a mark.
    static let letters: [Character: String] = [
        "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
        "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "œ": "oe", "Œ": "OE", "ı": "i",
    ]

    /// `text` (already transliterated) fitted to `width` columns, ending in "..." when cut.
    public func fit(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = self == .unicode ? "…" : width >= 4 ? "..." : "."
        let room = width - DisplayWidth.of(mark)
        var used = 0
        var out = ""
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + mark
    }
}
