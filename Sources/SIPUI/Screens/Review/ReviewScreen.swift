import SIPModel

/// The BUS group review for chairs: de-identified figures for a group (or all) and a period;
/// Enter opens the list behind a figure.
public struct ReviewScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable { case up, down, open, group, period, trends, spider, deviations, back, quit }
    public enum Period: CaseIterable, Sendable { case last12Months, thisYear, lastYear }

    public let groups: [BusGroup]
    /// Index into `groups`, or nil for all groups.
    public private(set) var groupIndex: Int?
    public private(set) var period = Period.last12Months
    public private(set) var review: GroupReview?
    public private(set) var rows: [ReviewTable.Row] = []
    public private(set) var selected = 0
    public private(set) var top = 0
    let today: Day
    /// A chair's start screen: q quits, `a` opens the register, and the group is theirs alone.
    public let isChairStart: Bool

    /// - Parameter chairOf: the chair's start screen, locked to `groups[0]` when one group is given.
    public init(groups: [BusGroup], today: Day, chairStart: Bool = false) {
        self.groups = groups
        self.today = today
        isChairStart = chairStart
        if chairStart && groups.count == 1 { groupIndex = 0 }
    }

    /// A chair of one group cannot switch group.
    var isGroupFixed: Bool { isChairStart && groups.count == 1 }

    public static func == (a: ReviewScreen, b: ReviewScreen) -> Bool {
        a.groupIndex == b.groupIndex && a.period == b.period && a.review == b.review && a.selected == b.selected
    }

    public static let keys = KeyTable<Action>([
        KeyBinding([.enter], .open, .open, hint: true),
        KeyBinding([.character("g")], .group, .busGroup, hint: true),
        KeyBinding([.character("p")], .period, .period, hint: true),
        KeyBinding([.character("t")], .trends, .trends, hint: true),
        KeyBinding([.character("m")], .spider, .selfAssessment),
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        KeyBinding([.up, .character("k")], .up, .up),
        KeyBinding([.down, .character("j")], .down, .down),
    ])

    public var keys: KeyTable<Action> {
        guard isChairStart else { return Self.keys }
        var bindings = Self.keys.bindings.filter { $0.action != .back && !(isGroupFixed && $0.action == .group) }
        // The register and quitting first: on a narrow bar they must not be the hints that fall off.
        bindings.insert(contentsOf: [KeyBinding([.character("a")], .deviations, .deviationRegister, hint: true),
                                     KeyBinding([.character("q")], .quit, .quit, hint: true)], at: 1)
        return KeyTable(bindings)
    }

    public var groupId: Int64? { groupIndex.map { groups[$0].id! } }

    public var dates: (from: Day, to: Day) {
        switch period {
        case .last12Months: return (today.startOfYearEndingHere, today)
        case .thisYear: return (Day(year: today.year, month: 1, day: 1)!, today)
        case .lastYear: return (Day(year: today.year - 1, month: 1, day: 1)!, Day(year: today.year - 1, month: 12, day: 31)!)
        }
    }

    public var query: Effect { .loadReview(groupId: groupId, from: dates.from, to: dates.to) }

    public mutating func receive(_ review: GroupReview, catalog: Catalog) {
        self.review = review
        rows = ReviewTable.rows(review, catalog: catalog)
        selected = min(selected, max(0, rows.count - 1))
    }

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
        guard let action = keys.action(for: key) else { return [] }
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, rows.count - 1), selected + 1)
        case .open:
            guard rows.indices.contains(selected), let figure = rows[selected].figure else { return [] }
            let row = rows[selected]
            return [.showReviewList(figure, title: "\(row.section): \(row.item)")]
        case .group:
            groupIndex = groups.isEmpty ? nil : groupIndex.map { $0 + 1 < groups.count ? $0 + 1 : nil } ?? 0
            return [query]
        case .period:
            period = Period.allCases[(Period.allCases.firstIndex(of: period)! + 1) % Period.allCases.count]
            return [query]
        case .trends: return [.showTrends(groupId: groupId, to: dates.to)]
        case .spider: return [.openSpider(groupId: groupId)]
        case .deviations: return [.openDeviations]
        case .back: return [.back]
        case .quit: return [.quit]
        }
        return []
    }

    public var title: String { groupIndex.map { groups[$0].name } ?? "" }

    public mutating func render(into grid: inout Grid, viewport: Viewport, catalog: Catalog) {
        // One line per row, a section line where the section changes.
        var lines: [(text: String, count: String, role: StyleRole, row: Int?)] = []
        var section = ""
        for (index, row) in rows.enumerated() {
            if row.section != section {
                section = row.section
                lines.append((section, "", .header, nil))
            }
            lines.append(("  " + row.item + (row.figure == nil ? "" : " ›"), row.count, .normal, index))
        }
        let focus = lines.firstIndex { $0.row == selected } ?? 0
        top = Chrome.scroll(top: top, selected: focus, height: viewport.height, count: lines.count)
        let countWidth = 8
        for (offset, line) in lines.dropFirst(top).prefix(viewport.height).enumerated() {
            let y = viewport.top + offset
            let isSelected = line.row == selected
            if isSelected { grid.fill(row: y, column: 0, count: viewport.width, role: .selected) }
            grid.put(line.text, row: y, column: 0, maxWidth: viewport.width - countWidth - 1, role: isSelected ? .selected : line.role)
            let count = String(repeating: " ", count: max(0, countWidth - line.count.count)) + line.count
            grid.put(count, row: y, column: viewport.width - countWidth, maxWidth: countWidth, role: isSelected ? .selected : .normal)
        }
        grid.cursor = Position(row: viewport.top + focus - top, column: 0)
    }
}
