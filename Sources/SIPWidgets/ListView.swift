import SIPDomain
import SIPText

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

    /// Does a list move: a row, a page of `page` rows, or to either end.
    public mutating func apply(_ move: ListMove, count: Int, page: Int) {
        switch move {
        case .up: self.move(by: -1, count: count)
        case .down: self.move(by: 1, count: count)
        case .pageUp: self.page(by: -max(1, page), count: count)
        case .pageDown: self.page(by: max(1, page), count: count)
        case .first: self.move(by: -count, count: count)
        case .last: self.move(by: count, count: count)
        }
    }
}

/// The moves every list knows (tig, calcurse, htop): a row, a page, either end.
public enum ListMove: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case up, down, pageUp, pageDown, first, last

    public var description: String { rawValue }

    /// The selection's new position in a list of `count` rows from `index`, `page` rows a page.
    public func target(from index: Int, count: Int, page: Int) -> Int {
        let next: Int
        switch self {
        case .up: next = index - 1
        case .down: next = index + 1
        case .pageUp: next = index - max(1, page)
        case .pageDown: next = index + max(1, page)
        case .first: next = 0
        case .last: next = count - 1
        }
        return min(max(0, next), max(0, count - 1))
    }
}

/// The standard keys of a list, for any screen's key table: arrows and `j`/`k`, PgUp/PgDn, Home/End
/// and `g`/`G`. A screen adds `ListKeys.bindings(Action.list)` to its table and handles `.list(let move)`
/// with `ListState.apply`; keys it uses for something else are left out with `without:`.
public enum ListKeys {
    public static func bindings<Action>(
        _ action: (ListMove) -> Action, without: Set<Key> = [], typing: Bool = false
    ) -> [KeyBinding<Action>] {
        let all: [(ListMove, [Key], Catalog.UIText)] = [
            (.up, [.up, .character("k")], .up), (.down, [.down, .character("j")], .down),
            (.pageUp, [.pageUp], .pageUp), (.pageDown, [.pageDown], .pageDown),
            (.first, [.home, .character("g")], .first), (.last, [.end, .character("G")], .last),
        ]
        return all.map { move, keys, label in
            // Where letters are text, only the named keys move.
            let kept = keys.filter { !without.contains($0) && !(typing && $0.isText) }
            return KeyBinding(kept, action(move), label)
        }.filter { !$0.keys.isEmpty }
    }
}

/// Draws a list's visible rows: scrolls to the selection, marks the whole selected row across the
/// list's width (as htop, mc, tig and mutt do) and puts the terminal's cursor at its start, where
/// screen readers and braille displays look. The screen draws each row's cells, in `.selected` on
/// the selected row.
public enum ListView {
    /// - Parameters:
    ///   - top: the first grid row the list may use; `height`: how many (none drawn if not positive).
    ///   - count: how many rows the list has in all.
    ///   - cursorColumn: where on the selected row the cursor goes.
    ///   - row: draws list row `index` at grid row `y`; `selected` says whether it is the selection.
    public static func draw(
        into grid: inout Grid, top: Int, height: Int, column: Int = 0, width: Int, count: Int,
        state: inout ListState, cursorColumn: Int? = nil,
        row: (_ grid: inout Grid, _ index: Int, _ y: Int, _ selected: Bool) -> Void
    ) {
        guard height > 0 else { return }
        state.scroll(height: height, count: count)
        for (offset, index) in (state.top..<max(state.top, min(count, state.top + height))).enumerated() {
            let y = top + offset
            let selected = index == state.selected
            if selected { grid.fill(row: y, column: column, count: width, role: .selected) }
            row(&grid, index, y, selected)
        }
        grid.cursor = Position(row: top + state.selected - state.top, column: cursorColumn ?? column)
    }
}
