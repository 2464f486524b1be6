import SIPModel

/// What a cell is for; the theme decides how that looks (colour, or reverse/bold in monochrome).
public enum StyleRole: String, Sendable, CaseIterable {
    case normal, title, header, selected, hint, hintKey, label, field, fieldFocused, error, warning, dim, dialog
}

/// One terminal cell: a grapheme cluster and its role. A wide character occupies its cell and a
/// continuation cell (`text` empty, `isContinuation`) to its right.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: StyleRole
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", role: .normal, isContinuation: false)
}

public struct Position: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
}

/// An off-screen frame: what the terminal should show, and where its cursor sits.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The real terminal cursor: on the focused item, so braille displays and screen readers follow it.
    public var cursor: Position

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
        cursor = Position(row: 0, column: 0)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (row, column), clipped to `maxWidth` columns (and the grid's edge). Text
    /// that does not fit ends in "…" rather than being cut mid-word silently. Control characters
    /// are shown as placeholders. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, maxWidth: Int? = nil,
                             role: StyleRole = .normal) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(0, column))
        guard limit > 0 else { return 0 }
        let shown = DisplayWidth.fit(TerminalText.safe(text), to: limit)
        var x = column
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x >= 0 {
                set(row, x, Cell(text: String(character), role: role, isContinuation: false))
                if w == 2 && x + 1 < width { set(row, x + 1, Cell(text: "", role: role, isContinuation: true)) }
            }
            x += w
        }
        return x - column
    }

    /// Fills `count` cells from (row, column) with spaces in `role` (a highlighted row, a field's box).
    public mutating func fill(row: Int, column: Int, count: Int, role: StyleRole) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + count) {
            set(row, x, Cell(text: " ", role: role, isContinuation: false))
        }
    }

    /// Changes the role of cells without touching their text.
    public mutating func restyle(row: Int, column: Int, count: Int, role: StyleRole) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + count) { cells[row * width + x].role = role }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * width + column
        // Overwriting half of a wide character blanks its other half, as a terminal would.
        if cells[index].isContinuation, column > 0 { cells[index - 1] = .blank }
        if !cells[index].isContinuation, column + 1 < width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = .blank
        }
        cells[index] = cell
    }

    /// The frame as plain text, one line per row, trailing spaces kept: what snapshot tests compare.
    public var text: String {
        (0..<height).map { row in
            (0..<width).map { column -> String in
                let cell = self[row, column]
                return cell.isContinuation ? "" : cell.text
            }.joined()
        }.joined(separator: "\n")
    }

    /// One line of text for a row (tests and the e2e harness read rows).
    public func line(_ row: Int) -> String {
        (0..<width).map { self[row, $0].isContinuation ? "" : self[row, $0].text }.joined()
    }
}

/// Display width of text in terminal columns: combining marks and zero-width characters take none,
/// East Asian wide characters and emoji take two, everything else one.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        var width = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            if index == 0 {
                width = of(scalar)
            } else if scalar.value == 0xFE0F || scalar.properties.isEmojiPresentation {
                width = 2  // emoji presentation selector or ZWJ sequence: drawn wide
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

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

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
                while of(word) > width {
                    var head = ""
                    var w = 0
                    for ch in word {
                        if w + of(ch) > width { break }
                        head.append(ch)
                        w += of(ch)
                    }
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                }
                line = word
                lineWidth = of(word)
            }
            lines.append(line)
        }
        return lines
    }
}
