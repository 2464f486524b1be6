import SIPDomain
import SIPText

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
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// An off-screen frame: what the terminal should show, and where its cursor sits.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The real terminal cursor: on the focused item, so braille displays and screen readers follow it.
    public var cursor: Position
    /// What the terminal can show: text is transliterated to it as it is put (never dropped), so
    /// columns stay aligned by the width of what is really drawn.
    public var charset: TerminalCharset

    public init(width: Int, height: Int, charset: TerminalCharset = .unicode) {
        self.charset = charset
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
    public mutating func put(
        _ text: String, row: Int, column: Int, maxWidth: Int? = nil,
        role: StyleRole = .normal
    ) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(0, column))
        guard limit > 0 else { return 0 }
        // Only what can show is measured: a huge value costs no more to draw than a short one.
        let reach = 4 * limit + 64
        let visible = text.utf8.count > reach ? String(text.prefix(reach)) + (text.count > reach ? "…" : "") : text
        let safe = TerminalText.safe(visible)
        let shown =
            charset == .unicode
            ? DisplayWidth.fit(safe, to: limit) : charset.fit(charset.transliterate(safe), to: limit)
        var x = column
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x >= 0 {
                set(row, x, Cell(text: TerminalText.displayForm(character), role: role, isContinuation: false))
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
