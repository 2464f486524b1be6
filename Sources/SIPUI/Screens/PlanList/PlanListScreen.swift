import SIPModel
import SIPWidgets

/// The start screen: every plan the user may see, filtered as they type.
public struct PlanListScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case open, filter, statusFilter, overdueFilter, sort, newPlan, quit,
            review
        case deviations, day
        case applyFilter, clearFilter
    }

    public typealias Sort = PlanSort

    /// Rows held at a time. A county has 100 000 plans: the list holds a window around the
    /// selection and asks for the next one when the selection nears its edge.
    public static let pageSize = 200

    /// The loaded window of the list, in order; `windowOffset` is the position of its first row.
    public private(set) var rows: [PlanSummary] = []
    public private(set) var windowOffset = 0
    /// How many plans match, in all (a search counts up to `PlanFilter.countCap`).
    public private(set) var total = 0

    /// The count stopped at the cap: there are at least `total`.
    public var totalIsCapped: Bool { total == PlanFilter.countCap && !filter.text.isEmpty }
    /// A move beyond the window: the position to select once the new window arrives.
    private var pendingPosition: Int?
    public private(set) var selectedId: Int64?
    /// The plan the user last moved to. A filter may hide it for a while; when it is listed
    /// again the selection returns to it.
    private var chosenId: Int64?
    /// Where the list is scrolled to (the selection itself is `selectedId`, a plan, not a position).
    private var scroll = ListState()
    public private(set) var filter = TextInput()
    public private(set) var filtering = false
    public private(set) var statusFilter: PlanStatus?
    public private(set) var overdueOnly = false
    public private(set) var sort = Sort.number
    /// False until the first query answered; the empty-database message needs to know.
    public private(set) var loaded = false
    public private(set) var databaseIsEmpty = false

    public init() {}

    public static let browseKeys = KeyTable<Action>(
        "plans",
        [
            // Back to the day: only where the list was opened from it (`returnsToDay`).
            KeyBinding([.character("t")], .day, .dayTitle, hint: true),
            KeyBinding([.enter], .open, .open, hint: true),
            KeyBinding([.character("/")], .filter, .filter, hint: true),
            KeyBinding([.character("n")], .newPlan, .newPlan, hint: true),
            KeyBinding([.character("s")], .statusFilter, .statusFilter, hint: true),
            KeyBinding([.character("f")], .overdueFilter, .overdueFilter, hint: true),
            KeyBinding([.character("o")], .sort, .sort, hint: true),
            KeyBinding([.character("r")], .review, .review),
            KeyBinding([.character("a")], .deviations, .deviationRegister),
            KeyBinding([.escape], .clearFilter, .clearFilter),
            KeyBinding([.character("q")], .quit, .quit, hint: true),
        ] + ListKeys.bindings(Action.list))

    /// While typing a filter, letters are text; arrows still move the selection.
    public static let filterKeys = KeyTable<Action>(
        "plans-filter", typing: true,
        [
            KeyBinding([.enter], .applyFilter, .applyFilter, hint: true),
            KeyBinding([.escape], .clearFilter, .clearFilter, hint: true),
        ] + ListKeys.bindings(Action.list, without: [.home, .end], typing: true))

    /// False for a coordinator: the BUS review is the chairs'.
    public var offersReview = true
    /// Opened from the coordinator's day: t goes back to it (q still quits, as from any start screen).
    public var returnsToDay = false

    public var keys: KeyTable<Action> {
        if filtering { return Self.filterKeys }
        let defaults = Self.browseKeys.defaultBindings
        let browse = defaults.filter {
            ($0.action != .review || offersReview) && ($0.action != .day || returnsToDay)
        }
        return KeyTable(Self.browseKeys.name, browse)
    }
    public var isTyping: Bool { filtering }

    public var query: PlanFilter {
        PlanFilter(
            status: statusFilter, overdueOnly: overdueOnly, search: filter.text, sort: sort,
            limit: Self.pageSize, offset: windowOffset)
    }

    /// The selection's position in the whole list (not only the window).
    public var selectedIndex: Int? { rows.firstIndex { $0.id == selectedId }.map { windowOffset + $0 } }

    /// A window of rows from the database. The selection stays on the same plan if it is still
    /// listed, else on the row now at its old position.
    public mutating func receive(_ rows: [PlanSummary], total: Int, offset: Int, databaseIsEmpty: Bool) {
        let oldIndex = pendingPosition ?? selectedIndex ?? 0
        let wasPending = pendingPosition != nil
        pendingPosition = nil
        self.rows = rows
        self.total = total
        windowOffset = offset
        self.loaded = true
        self.databaseIsEmpty = databaseIsEmpty
        if !wasPending, let chosenId, rows.contains(where: { $0.id == chosenId }) {
            selectedId = chosenId
        } else if wasPending || selectedIndex == nil {
            let local = min(max(0, oldIndex - offset), rows.count - 1)
            selectedId = rows.isEmpty ? nil : rows[local].id
            if wasPending { chosenId = selectedId }
        }
    }

    /// A window of the list as the store answered it.
    public struct Page: Equatable, Sendable {
        public var rows: [PlanSummary]
        public var total: Int
        public var offset: Int
        public var databaseIsEmpty: Bool

        public init(rows: [PlanSummary], total: Int, offset: Int, databaseIsEmpty: Bool) {
            self.rows = rows
            self.total = total
            self.offset = offset
            self.databaseIsEmpty = databaseIsEmpty
        }
    }

    public typealias Loaded = Page

    /// Reads the window `query` describes.
    func fetch() -> Command<Page> {
        let filter = query
        return .query { session in
            let page = try session.store.planPage(filter)
            let databaseIsEmpty = try page.total == 0 && session.store.planCount() == 0
            return Page(rows: page.rows, total: page.total, offset: filter.offset, databaseIsEmpty: databaseIsEmpty)
        }
    }

    /// Shown, or back on top: what was saved above shows in the list.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Page>] { [fetch()] }

    public mutating func update(_ message: Message<Page>, _ env: ScreenEnvironment) -> [Command<Page>] {
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport, today: env.today)
        case .text(let text):
            // A pasted filter is asked for once, not once a letter.
            guard filtering else {
                return text.flatMap { handle(.character($0), viewport: env.viewport, today: env.today) }
            }
            filter.insert(contentsOf: text)
            return requery()
        case .loaded(let page):
            receive(page.rows, total: page.total, offset: page.offset, databaseIsEmpty: page.databaseIsEmpty)
        case .refused(let error), .unreadable(let error):
            return [.error(error)]
        case .notice(.planCreated(let id)):
            // The list shows it when it is on top again.
            select(id)
        case .saved, .confirmed, .declined, .resized:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        ("sip-tui", (totalIsCapped ? env.catalog.ui(.atLeast) + " " : "") + env.catalog.plans(total))
    }

    /// A new filter, status or order: back to the first window.
    private mutating func requery() -> [Command<Page>] {
        windowOffset = 0
        return [fetch()]
    }

    public mutating func select(_ id: Int64) {
        selectedId = id
        chosenId = id
    }

    mutating func handle(_ key: Key, viewport: Viewport, today: Day) -> [Command<Page>] {
        guard let action = keys.action(for: key) else {
            if filtering, filter.handle(key) == .edited { return requery() }
            return []
        }
        let page = max(1, viewport.height - 1)
        let listHeight = max(1, viewport.height - 2)
        switch action {
        case .list(let move):
            let from = selectedIndex ?? windowOffset
            return self.move(by: move.target(from: from, count: total, page: page) - from, height: listHeight)
        case .open:
            if let id = selectedId { return [.push(PlanDetailScreen(planId: id))] }
        case .filter:
            filtering = true
        case .applyFilter:
            filtering = false
        case .clearFilter:
            filtering = false
            if !filter.text.isEmpty {
                filter = TextInput()
                return requery()
            }
        case .statusFilter:
            let all: [PlanStatus?] = [nil] + PlanStatus.allCases.map { $0 }
            let index = all.firstIndex { $0 == statusFilter } ?? 0
            statusFilter = all[(index + 1) % all.count]
            return requery()
        case .overdueFilter:
            overdueOnly.toggle()
            return requery()
        case .sort:
            sort = Sort.allCases[(Sort.allCases.firstIndex(of: sort)! + 1) % Sort.allCases.count]
            return requery()
        case .newPlan:
            return [.push(FormScreen(PlanCreateForm()))]
        case .review:
            return [.push(ReviewScreen(today: today))]
        case .deviations:
            return [.push(DeviationsScreen())]
        case .day:
            return [.pop]
        case .quit:
            return [.quit]
        }
        return []
    }

    /// Moves the selection; near the edge of the loaded window (a screenful away), asks for a
    /// window centred on the new position.
    private mutating func move(by delta: Int, height: Int) -> [Command<Page>] {
        guard total > 0, !rows.isEmpty else { return [] }
        let target = min(max(0, (selectedIndex ?? windowOffset) + delta), total - 1)
        let windowEnd = windowOffset + rows.count
        let roomBefore = windowOffset == 0 ? Int.max : target - windowOffset
        let roomAfter = windowEnd >= total ? Int.max : windowEnd - 1 - target
        if target >= windowOffset && target < windowEnd && roomBefore >= height && roomAfter >= height {
            select(rows[target - windowOffset].id)
            return []
        }
        pendingPosition = target
        windowOffset = max(0, min(target - Self.pageSize / 2, total - Self.pageSize))
        return [fetch()]
    }

    // MARK: Rendering

    struct Columns {
        var number = 5, child = 0, personalNumber = 13, status = 11, lead = 0, next = 10
        var showPersonalNumber = true, showLead = true
    }

    static func columns(width: Int) -> Columns {
        var c = Columns()
        c.showPersonalNumber = width >= 72
        c.showLead = width >= 56
        // Each column is followed by one space; the last column is the one-character overdue marker.
        let fixed =
            c.number + 1 + 1 + c.status + 1 + c.next + 1 + 1
            + (c.showPersonalNumber ? c.personalNumber + 1 : 0) + (c.showLead ? 1 : 0)
        let flexible = max(4, width - fixed)
        c.child = c.showLead ? max(4, flexible * 45 / 100) : flexible
        c.lead = c.showLead ? max(4, flexible - c.child) : 0
        return c
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, catalog = env.catalog
        let c = Self.columns(width: viewport.width)
        var row = viewport.top

        // The filter line: what is shown, and the filter being typed.
        var status = "\(catalog.field(.status)): \(statusFilter.map(catalog.status) ?? catalog.ui(.allStatuses))"
        if overdueOnly { status += ", " + catalog.ui(.overdueOnly) }
        status += ", \(catalog.ui(.sortedBy)) \(sortName(catalog))"
        let prompt = "\(catalog.ui(.filterPrompt)): "
        // A long filter shows its end, where the typing happens.
        let room = max(1, viewport.width / 2)
        var shown = filter.text
        while DisplayWidth.of(shown) > room - 1 { shown.removeFirst() }
        let filterWidth = DisplayWidth.of(prompt) + DisplayWidth.of(shown)
        grid.put(prompt, row: row, column: 0, role: .label)
        grid.put(
            shown, row: row, column: DisplayWidth.of(prompt), maxWidth: room, role: filtering ? .fieldFocused : .normal)
        let statusColumn = max(filterWidth + 2, viewport.width - DisplayWidth.of(status))
        grid.put(status, row: row, column: statusColumn, maxWidth: viewport.width - statusColumn, role: .dim)
        row += 1

        var header =
            DisplayWidth.pad(catalog.ui(.columnNumber), to: c.number) + " "
            + DisplayWidth.pad(catalog.ui(.columnChild), to: c.child) + " "
        if c.showPersonalNumber { header += DisplayWidth.pad(catalog.ui(.columnNumberPN), to: c.personalNumber) + " " }
        header += DisplayWidth.pad(catalog.ui(.columnStatus), to: c.status) + " "
        if c.showLead { header += DisplayWidth.pad(catalog.ui(.columnLead), to: c.lead) + " " }
        header += DisplayWidth.pad(catalog.ui(.columnNext), to: c.next) + " !"
        grid.put(header, row: row, column: 0, maxWidth: viewport.width, role: .header)
        row += 1

        let listHeight = viewport.height - 2
        if rows.isEmpty {
            let text = loaded && databaseIsEmpty ? catalog(.tuiEmpty) : loaded ? catalog.ui(.noMatch) : ""
            for (n, line) in DisplayWidth.wrap(text, width: viewport.width - 2).prefix(max(0, listHeight - 1))
                .enumerated()
            {
                grid.put(line, row: row + 1 + n, column: 1)
            }
            grid.cursor =
                filtering
                ? filterCursor(prompt, row: viewport.top, width: viewport.width) : Position(row: row, column: 0)
            return
        }
        scroll.selected = selectedIndex ?? windowOffset
        // The whole selected row is marked, and carries the cursor: a coordinator glancing at the
        // list finds it at once (docs/PERFORMANCE.md has what a move costs a thin client).
        let rows = rows, windowOffset = windowOffset
        ListView.draw(
            into: &grid, top: row, height: listHeight, width: viewport.width, count: total, state: &scroll
        ) { grid, position, y, isSelected in
            // Positions outside the window stay blank; the window covers a screenful around the selection.
            guard position >= windowOffset && position < windowOffset + rows.count else { return }
            let plan = rows[position - windowOffset]
            var x = 0
            func cell(_ text: String, _ width: Int, _ cellRole: StyleRole? = nil) {
                grid.put(text, row: y, column: x, maxWidth: width, role: isSelected ? .selected : (cellRole ?? .normal))
                x += width + 1
            }
            cell(String(plan.id), c.number)
            cell(plan.childName, c.child)
            if c.showPersonalNumber { cell(plan.personalNumberMasked ?? "–", c.personalNumber) }
            cell(catalog.status(plan.status), c.status)
            if c.showLead { cell(plan.leadAgency ?? "–", c.lead) }
            cell(plan.nextDate?.iso ?? "–", c.next, plan.overdue ? .warning : nil)
            // A withdrawn consent (×) outranks overdue (!): one character, readable without colour.
            let marker: StyleRole = isSelected ? .selected : .warning
            if plan.consentWithdrawn {
                grid.put("×", row: y, column: x, role: marker)
            } else if plan.overdue {
                grid.put("!", row: y, column: x, role: marker)
            }
            // An overdue date and its marker are one run: one change of attributes a row, not three.
            if plan.overdue && !isSelected { grid.restyle(row: y, column: x - 1, count: 1, role: .warning) }
        }
        if filtering { grid.cursor = filterCursor(prompt, row: viewport.top, width: viewport.width) }
    }

    private func filterCursor(_ prompt: String, row: Int, width: Int) -> Position {
        let before = filter.characters[0..<filter.cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        let after = filter.characters[filter.cursor...].reduce(0) { $0 + DisplayWidth.of($1) }
        let room = max(1, width / 2)
        let shownBefore = min(before, max(0, room - 1 - after))
        return Position(row: row, column: min(width - 1, DisplayWidth.of(prompt) + shownBefore))
    }

    private func sortName(_ catalog: Catalog) -> String {
        switch sort {
        case .number: return catalog.ui(.sortNumber)
        case .child: return catalog.ui(.sortChild)
        case .nextDate: return catalog.ui(.sortNextDate)
        case .status: return catalog.ui(.sortStatus)
        }
    }
}
