import SIPModel
import SIPWidgets

/// Every BUS group's key figures in one table for the review's period, with the county's total
/// last; sorted by any column (← → choose it, s sorts, again the other way). Small counts hidden
/// as in the review; a hidden count sorts as unknown, below every shown one, so the order gives
/// none of them away. The rows page as every list does (PgUp/PgDn, Home/End, g/G); the terminal's
/// cursor is on the selected row, in the chosen column.
public struct GroupsSideBySideScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case left, right, sort, back
    }

    let from: Day, to: Day
    /// The table as text: a row per group, the county's last.
    public private(set) var rows: [[String]] = []
    public private(set) var column = 1
    /// The column sorted by (0: the group's name), descending unless `ascending`.
    public private(set) var sortedBy = 0
    public private(set) var ascending = true
    private var list = ListState()

    public init(from: Day, to: Day) { (self.from, self.to) = (from, to) }

    public enum Loaded: Sendable { case table([[String]]) }

    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let from = from, to = to
        return [
            .query { session in
                .table(Array(try session.store.groupsSideBySide(from: from, to: to).table(session.catalog).dropFirst()))
            }
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key): return handle(key, page: max(1, env.viewport.height - 1))
        case .loaded(.table(let table)):
            rows = table
            sort()
        case .refused(let error), .unreadable(let error): return [.error(error)]
        case .saved, .confirmed, .declined, .notice, .resized, .text: break
        }
        return []
    }

    /// The chosen column's whole name beside the dates: the headings are short.
    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        let c = env.catalog
        let name = column == 0 ? c(.csvGroup) : GroupsSideBySide.columns(c)[column - 1].0
        return (c.ui(.groupsSideBySide), "\(name) · \(from.iso)–\(to.iso)")
    }

    public static let keys = KeyTable<Action>(
        "groups-side-by-side",
        [
            KeyBinding([.character("s")], .sort, .sort, hint: true),
            KeyBinding([.right, .character("l")], .right, .nextColumn, hint: true),
            KeyBinding([.left, .character("h")], .left, .previousColumn),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        ] + ListKeys.bindings(Action.list))

    public var keys: KeyTable<Action> { Self.keys }

    /// The groups, the county's row kept last.
    var groupCount: Int { max(0, rows.count - 1) }

    /// The selected row (the county's is the last).
    public var selected: Int { list.selected }

    /// - Parameter page: the rows a page turns (those the screen shows under the headings).
    mutating func handle(_ key: Key, page: Int) -> [Command<Loaded>] {
        guard let action = keys.action(for: key) else { return [] }
        if action == .back { return [.pop] }
        guard let width = rows.first?.count else { return [] }
        switch action {
        case .list(let move): list.apply(move, count: rows.count, page: page)
        case .left: column = max(0, column - 1)
        case .right: column = min(width - 1, column + 1)
        case .sort:
            ascending = sortedBy == column ? !ascending : column == 0
            sortedBy = column
            sort()
        case .back: break
        }
        return []
    }

    /// A cell's sort key: its number, or below every number when hidden or empty.
    static func key(_ text: String) -> Double {
        Double(text.replacingOccurrences(of: ",", with: ".")) ?? -1
    }

    mutating func sort() {
        guard rows.count > 1 else { return }
        let county = rows.removeLast(), column = sortedBy, ascending = ascending
        rows.sort { a, b in
            let (x, y) = column == 0 ? (0, 0) : (Self.key(a[column]), Self.key(b[column]))
            if x != y { return ascending ? x < y : x > y }
            return ascending || column != 0 ? a[0] < b[0] : a[0] > b[0]
        }
        rows.append(county)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.rows == b.rows && a.column == b.column && a.sortedBy == b.sortedBy && a.ascending == b.ascending
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, c = env.catalog
        let headings = [c(.csvGroup)] + c(.sideBySideColumns).split(separator: "|").map(String.init)
        let cell = 6, nameWidth = max(12, viewport.width - cell * (headings.count - 1))
        func line(_ cells: [String]) -> [(String, Int, Int)] {
            var x = 0
            return cells.enumerated().map { index, text in
                let width = index == 0 ? nameWidth : cell
                defer { x += width }
                let shown =
                    index == 0 ? text : String(repeating: " ", count: max(0, width - 1 - DisplayWidth.of(text))) + text
                return (shown, x, width - 1)
            }
        }
        let marked = headings.enumerated().map { index, heading in
            // The arrow in place of the heading's last letter, so that it fits its cell.
            index != sortedBy
                ? heading : String(heading.prefix(index == 0 ? nameWidth - 2 : cell - 2)) + (ascending ? "↑" : "↓")
        }
        for (index, (text, x, width)) in line(marked).enumerated() {
            grid.put(text, row: viewport.top, column: x, maxWidth: width, role: index == column ? .selected : .header)
        }
        let rows = rows, county = groupCount
        ListView.draw(
            into: &grid, top: viewport.top + 1, height: viewport.height - 1, width: viewport.width,
            count: rows.count, state: &list, cursorColumn: column == 0 ? 0 : nameWidth + cell * (column - 1)
        ) { grid, index, y, isSelected in
            for (text, x, width) in line(rows[index]) {
                let role: StyleRole = isSelected ? .selected : index == county ? .header : .normal
                grid.put(text, row: y, column: x, maxWidth: width, role: role)
            }
        }
    }
}
