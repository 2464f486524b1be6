import SIPDomain

/// Where a list's selection is and which row is at the top: the small state a screen keeps for
/// each of its lists (ratatui's `ListState`). The list's rows stay the screen's own.
public struct ListState: Equatable, Sendable {
    /// The selected row; 0 for an empty list.
    public var selected = 0
    /// The first row shown.
    public private(set) var top = 0

    public init(selected: Int = 0) { self.selected = selected }

    /// Moves the selection by `delta` rows, within `count`.
    public mutating func move(by delta: Int, count: Int) {
        selected = Self.clamp(selected + delta, count)
    }

    /// Keeps the selection on a row that exists after the list changed.
    public mutating func clamp(count: Int) { selected = Self.clamp(selected, count) }

    private static func clamp(_ index: Int, _ count: Int) -> Int { min(max(0, index), max(0, count - 1)) }

    /// Scrolls as little as it takes to show the selection in `height` rows.
    public mutating func scroll(height: Int, count: Int) {
        top = Chrome.scroll(top: top, selected: selected, height: height, count: count)
    }

    /// Turns a page: the view moves with the selection, as in a pager.
    public mutating func page(by delta: Int, count: Int) {
        top = max(0, top + delta)
        move(by: delta, count: count)
    }
}

/// Draws a list's visible rows: scrolls to the selection, marks the selected row (the whole row,
/// or its first `markWidth` columns) and puts the terminal's cursor at its start, where screen
/// readers and braille displays look. The screen draws each row's cells.
public enum ListView {
    /// - Parameters:
    ///   - top: the first grid row the list may use; `height`: how many (none drawn if not positive).
    ///   - count: how many rows the list has in all.
    ///   - markWidth: how many columns the selection marks (nil: the whole width).
    ///   - cursorColumn: where on the selected row the cursor goes.
    ///   - row: draws list row `index` at grid row `y`; `selected` says whether it is the selection.
    public static func draw(
        into grid: inout Grid, top: Int, height: Int, column: Int = 0, width: Int, count: Int,
        state: inout ListState, markWidth: Int? = nil, cursorColumn: Int? = nil,
        row: (_ grid: inout Grid, _ index: Int, _ y: Int, _ selected: Bool) -> Void
    ) {
        guard height > 0 else { return }
        state.scroll(height: height, count: count)
        for (offset, index) in (state.top..<max(state.top, min(count, state.top + height))).enumerated() {
            let y = top + offset
            let selected = index == state.selected
            if selected { grid.fill(row: y, column: column, count: markWidth ?? width, role: .selected) }
            row(&grid, index, y, selected)
        }
        grid.cursor = Position(row: top + state.selected - state.top, column: cursorColumn ?? column)
    }
}
