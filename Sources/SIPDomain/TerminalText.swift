/// Makes stored text safe to write to a terminal: nothing from the database reaches it raw.
public enum TerminalText {
    /// Replaces control characters with visible placeholders: C0 controls with their Control
    /// Pictures (ESC becomes ␛), DEL with ␡, C1 controls, bidirectional overrides and marks,
    /// zero-width spaces and line separators with � (zero-width joiners stay: emoji and scripts
    /// need them).
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
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029,
                0xFEFF:
                scalars.append("\u{FFFD}")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

/// Display width of text in terminal columns: combining marks and zero-width characters take none,
/// East Asian wide characters and emoji take two, everything else one.
extension TerminalText {
    /// A grapheme cluster in the form every terminal draws alike, as `DisplayWidth` measures it:
    /// terminals disagree on ZWJ sequences (a family drawn as one emoji or three), skin tones, flags
    /// and emoji presentation selectors, and ncurses lays each emoji of a sequence in its own cells.
    /// So a ZWJ sequence shows its first emoji, a modifier is dropped, a flag is its two letters
    /// ("SE"), and a selector is dropped (the character takes the width it has on its own).
    public static func displayForm(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return String(character) }
        let first = scalars.first!
        if (0x1F1E6...0x1F1FF).contains(first.value) {
            return String(
                scalars.compactMap {
                    (0x1F1E6...0x1F1FF).contains($0.value) ? Character(Unicode.Scalar($0.value - 0x1F1E6 + 65)!) : nil
                })
        }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D { break }  // the rest of a ZWJ sequence
            if scalar.value == 0xFE0F || scalar.value == 0xFE0E || (0x1F3FB...0x1F3FF).contains(scalar.value) {
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }
}

public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if character.unicodeScalars.count == 1, isPlainLatin(character.unicodeScalars.first!) { return 1 }
        var width = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            if index == 0 {
                width = of(scalar)
            } else if scalar.properties.isEmojiPresentation && width > 0 {
                width = 2  // a ZWJ sequence or a modifier on an emoji: drawn (in its display form) wide
            }
        }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 }  // shown as a placeholder by TerminalText
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        // Most text here is Latin script: each such scalar is a character of one column, with no
        // grapheme breaking or Unicode property look-up needed (the screen measures every cell).
        var count = 0
        for scalar in text.unicodeScalars {
            guard isPlainLatin(scalar) else { return text.reduce(0) { $0 + of($1) } }
            count += 1
        }
        return count
    }

    /// Printable ASCII and Latin-1 to Latin Extended-B, below the combining marks (U+0300), but
    /// the soft hyphen (a format character, no column).
    static func isPlainLatin(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x20..<0x7F).contains(v) || ((0xA0..<0x300).contains(v) && v != 0xAD)
    }

    /// `text` if it fits in `width` columns; otherwise its longest prefix that leaves room for "…".
    public static func fit(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Pads (or fits) `text` to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = fit(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - of(fitted)))
    }

    /// Breaks text into lines of at most `width` columns, at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for whole in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A paragraph that fits is its own line, as it is (most are, in a list).
            if of(String(whole)) <= width {
                lines.append(String(whole))
                continue
            }
            // A paragraph's indent is kept on each of its lines (within reason).
            let indentCount = min(whole.prefix { $0 == " " }.count, width / 2)
            let indent = String(repeating: " ", count: indentCount)
            let paragraph = whole.dropFirst(indentCount)
            let width = width - indentCount
            let start = lines.count
            defer { for i in start..<lines.count { lines[i] = indent + lines[i] } }
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                let sep = line.isEmpty ? 0 : 1
                if lineWidth + sep + of(word) <= width {
                    line += (sep == 1 ? " " : "") + word
                    lineWidth += sep + of(word)
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                // A word longer than the line is broken hard.
                // One pass over the word (a 10 MB word is not re-measured once per line).
                var head = ""
                var w = 0
                if of(word) > width {
                    for ch in word {
                        let cw = of(ch)
                        if w + cw > width && !head.isEmpty {
                            lines.append(head)
                            head = ""
                            w = 0
                        }
                        head.append(ch)
                        w += cw
                    }
                    word = head
                }
                line = word
                lineWidth = of(word)
            }
            lines.append(line)
        }
        return lines
    }
}
