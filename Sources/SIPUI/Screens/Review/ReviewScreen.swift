import SIPModel
import SIPWidgets

/// The BUS group review for chairs: de-identified figures for a group (or all) and a period;
/// Enter opens the list behind a figure.
public struct ReviewScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case open, group, period, trends, spider, deviations, back, quit
        case previousPeriod, nextPeriod, customPeriod, applyPeriod, cancelPeriod, sideBySide, annualReport
        case annualNote
    }
    /// The kinds of period `p` steps through; a year, quarter or month is stepped back and forth
    /// with [ and ], and `d` takes typed dates.
    public enum Period: CaseIterable, Sendable { case last12Months, year, quarter, month, custom }

    public private(set) var groups: [BusGroup] = []
    private var groupsLoaded = false
    /// A chair of one group sees that group's review only.
    private let chairOf: Int64?
    /// Index into `groups`, or nil for all groups.
    public private(set) var groupIndex: Int?
    public private(set) var period = Period.last12Months
    /// Years, quarters or months back from the current one.
    public private(set) var offset = 0
    /// The dates typed for a custom period.
    public private(set) var customDates: (from: Day, to: Day)?
    /// The custom period's dates being typed.
    public private(set) var typedPeriod: TextInput?
    public private(set) var review: GroupReview?
    public private(set) var rows: [ReviewTable.Row] = []
    public private(set) var selected = 0
    /// The lines drawn (a section's heading, then its rows); the selection is the selected row's line.
    private var lineList = ListState()
    let today: Day
    /// A chair's start screen: q quits, `a` opens the register, and the group is theirs alone.
    public let isChairStart: Bool

    /// - Parameters:
    ///   - chairOf: the one group a chair reviews (nil: every group).
    ///   - chairStart: the chair's start screen, locked to its group when it has one.
    public init(today: Day, chairOf: Int64? = nil, chairStart: Bool = false) {
        self.today = today
        self.chairOf = chairOf
        isChairStart = chairStart
    }

    public enum Loaded: Sendable {
        case groups([BusGroup])
        case review(GroupReview)
    }

    /// The groups once, then the review; shown again (back from a list, the register or a form), the
    /// review is read afresh: what was changed there, or by another session, is in its figures.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        guard !groupsLoaded else { return [fetchReview()] }
        let only = chairOf
        return [
            .query { session in
                let groups = try session.store.busGroups()
                return .groups(only.map { id in groups.filter { $0.id == id } } ?? groups)
            }
        ]
    }

    /// The figures for the group and period chosen. Counted only: the ids behind a figure are
    /// read when it is opened.
    private func fetchReview() -> Command<Loaded> {
        let groupId = groupId, dates = dates
        return .query { session in
            // Small counts hidden, with the cells that would give them away (the local threshold).
            .review(
                try session.store.review(groupId: groupId, from: dates.from, to: dates.to, withIds: false)
                    .suppressed(below: try session.store.suppressBelow()))
        }
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key):
            return handle(key, env)
        case .loaded(.groups(let groups)):
            self.groups = groups
            groupsLoaded = true
            if isChairStart && groups.count == 1 { groupIndex = 0 }
            return [fetchReview()]
        case .loaded(.review(let review)):
            receive(review, catalog: env.catalog)
        case .refused(let error), .unreadable(let error):
            return [.error(error)]
        case .text(let text):
            guard typedPeriod != nil else { return text.flatMap { handle(.character($0), env) } }
            _ = typedPeriod?.insert(contentsOf: text)
        case .saved, .confirmed, .declined, .notice, .resized:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        let catalog = env.catalog
        let from = dates.from
        let period =
            switch period {
            case .last12Months: catalog.ui(.periodLast12)
            case .year: "\(catalog.ui(.periodYear)) \(from.year)"
            case .quarter: "\(catalog.ui(.periodQuarter)) \(from.year) K\((from.month - 1) / 3 + 1)"
            case .month: "\(catalog.ui(.periodMonth)) \(from.iso.prefix(7))"
            case .custom: catalog.ui(.periodCustom)
            }
        // The group and the dates matter most: the richest title that fits, the period's name
        // going first, then the screen's; only then is the group's name cut.
        let dates = "\(dates.from.iso)–\(dates.to.iso)"
        let group = groupIndex == nil ? catalog.ui(.allGroups) : groupName
        let named = "\(catalog.ui(.review)) · \(group)"
        let choices = [(named, "\(period) \(dates)"), (named, dates), (group, dates)]
        let fits = choices.first { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) + 3 <= env.width } ?? (group, dates)
        return (fits.0, fits.1)
    }

    /// A chair of one group cannot switch group.
    var isGroupFixed: Bool { isChairStart && groups.count == 1 }

    public static func == (a: ReviewScreen, b: ReviewScreen) -> Bool {
        a.groupIndex == b.groupIndex && a.period == b.period && a.offset == b.offset
            && a.customDates?.from == b.customDates?.from && a.customDates?.to == b.customDates?.to
            && a.typedPeriod == b.typedPeriod && a.review == b.review && a.selected == b.selected
    }

    public var isTyping: Bool { typedPeriod != nil }

    static let periodKeys = KeyTable<Action>(
        "review-period", typing: true,
        [
            KeyBinding([.enter], .applyPeriod, .applyFilter, hint: true),
            KeyBinding([.escape], .cancelPeriod, .clearFilter, hint: true),
        ])

    public static let keys = KeyTable<Action>(
        "review",
        [
            KeyBinding([.enter], .open, .open, hint: true),
            KeyBinding([.character("g")], .group, .busGroup, hint: true),
            KeyBinding([.character("p")], .period, .period, hint: true),
            KeyBinding([.character("[")], .previousPeriod, .previousPeriod),
            KeyBinding([.character("]")], .nextPeriod, .nextPeriod),
            KeyBinding([.character("d")], .customPeriod, .customPeriod),
            KeyBinding([.character("b")], .sideBySide, .groupsSideBySide),
            KeyBinding([.character("y")], .annualReport, .annualReport),
            KeyBinding([.character("n")], .annualNote, .whatWasDone),
            KeyBinding([.character("t")], .trends, .trends, hint: true),
            KeyBinding([.character("m")], .spider, .selfAssessment),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
            // `g` is the group here: Home and End go to either end.
        ] + ListKeys.bindings(Action.list, without: [.character("g")]))

    public var keys: KeyTable<Action> {
        if typedPeriod != nil { return Self.periodKeys }
        guard isChairStart else { return Self.keys }
        var bindings = Self.keys.defaultBindings.filter { $0.action != .back && !(isGroupFixed && $0.action == .group) }
        // The register and quitting first: on a narrow bar they must not be the hints that fall off.
        bindings.insert(
            contentsOf: [
                KeyBinding([.character("a")], .deviations, .deviationRegister, hint: true),
                KeyBinding([.character("q")], .quit, .quit, hint: true),
            ], at: 1)
        return KeyTable(Self.keys.name, bindings)
    }

    public var groupId: Int64? { groupIndex.map { groups[$0].id! } }

    public var dates: (from: Day, to: Day) {
        /// `months` months from the first of the month `index` (year * 12 + month - 1), to today at the latest.
        func span(_ index: Int, months: Int) -> (from: Day, to: Day) {
            let from = Day(year: index / 12, month: index % 12 + 1, day: 1)!
            let next = index + months
            let end = Day(year: next / 12, month: next % 12 + 1, day: 1)!.adding(days: -1)
            return (from, min(end, today))
        }
        let month = today.year * 12 + today.month - 1
        switch period {
        case .last12Months: return (today.startOfYearEndingHere, today)
        case .year: return span((today.year + offset) * 12, months: 12)
        case .quarter: return span(month - month % 3 + offset * 3, months: 3)
        case .month: return span(month + offset, months: 1)
        case .custom: return customDates ?? (today.startOfYearEndingHere, today)
        }
    }

    /// "2025-01-01 2025-06-30" (or with – or .. between): the custom period, or why not.
    static func parsePeriod(_ text: String) throws -> (from: Day, to: Day) {
        let parts = text.replacingOccurrences(of: "–", with: " ").replacingOccurrences(of: "..", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard parts.count == 2 else { throw SIPError.invalidDate(text.trimmingCharacters(in: .whitespaces)) }
        guard let from = Day(iso: parts[0]) else { throw SIPError.invalidDate(parts[0]) }
        guard let to = Day(iso: parts[1]) else { throw SIPError.invalidDate(parts[1]) }
        if to < from { throw SIPError.dateOrder(field: .dueDate) }
        return (from, to)
    }

    public mutating func receive(_ review: GroupReview, catalog: Catalog) {
        self.review = review
        rows = ReviewTable.rows(review, catalog: catalog)
        selected = min(selected, max(0, rows.count - 1))
    }

    mutating func handle(_ key: Key, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        guard let action = keys.action(for: key) else {
            if typedPeriod != nil { _ = typedPeriod?.handle(key) }
            return []
        }
        switch action {
        case .list(let move):
            selected = move.target(from: selected, count: rows.count, page: max(1, env.viewport.height - 1))
        case .previousPeriod, .nextPeriod:
            guard [.year, .quarter, .month].contains(period) else { return [] }
            // Not past the current one: the future has no figures.
            offset = min(0, offset + (action == .nextPeriod ? 1 : -1))
            return [fetchReview()]
        case .annualReport:
            // The year the period ends in; the form can take another.
            return [.push(FormScreen(AnnualReportForm(groupId: groupId, year: dates.to.year)))]
        case .annualNote:
            // The group's own words on the year the period ends in (the form can take another year).
            guard let groupId else { return [.status(env.catalog.ui(.chooseGroupFirst), isError: true)] }
            return [.push(FormScreen(AnnualNoteForm(groupId: groupId, groupName: groupName, year: dates.to.year)))]
        case .sideBySide:
            // Every group's figures: for whoever reviews every group.
            guard !isGroupFixed else { return [] }
            return [.push(GroupsSideBySideScreen(from: dates.from, to: dates.to))]
        case .customPeriod: typedPeriod = TextInput(customDates.map { "\($0.from.iso) \($0.to.iso)" } ?? "")
        case .cancelPeriod: typedPeriod = nil
        case .applyPeriod:
            do {
                customDates = try Self.parsePeriod(typedPeriod?.text ?? "")
            } catch {
                return [.error(error)]
            }
            typedPeriod = nil
            period = .custom
            return [fetchReview()]
        case .open:
            guard rows.indices.contains(selected), let figure = rows[selected].figure else { return [] }
            let row = rows[selected]
            guard let review else { return [] }
            let groupId = groupId, on = dates.to
            return [
                .push(
                    TextViewScreen(title: "\(row.section): \(row.item)") { session in
                        // The screen was counted without ids: collect them now, for the figure opened only.
                        let ids = try session.store.reviewIds(
                            figure, groupId: groupId, from: review.from, to: review.to)
                        let lines = try session.store.reviewList(
                            figure.lists, ids: ids, on: on, catalog: session.catalog)
                        return TextViewScreen.Content(text: lines.isEmpty ? "–" : lines.joined(separator: "\n"))
                    })
            ]
        case .group:
            groupIndex = groups.isEmpty ? nil : groupIndex.map { $0 + 1 < groups.count ? $0 + 1 : nil } ?? 0
            return [fetchReview()]
        case .period:
            // The custom period only once it has dates (d).
            let kinds = Period.allCases.filter { $0 != .custom || customDates != nil }
            period = kinds[((kinds.firstIndex(of: period) ?? -1) + 1) % kinds.count]
            offset = 0
            return [fetchReview()]
        case .trends:
            let groupId = groupId, to = dates.to
            return [
                .push(
                    TextViewScreen(title: "") { session in
                        let c = session.catalog
                        let trends = try session.store.trends(groupId: groupId, to: to)
                        let group =
                            try groupId.map { id in try session.store.busGroups().first { $0.id == id }?.name ?? "" }
                            ?? c.ui(.allGroups)
                        return TextViewScreen.Content(
                            title: "\(c.ui(.trends)) · \(group)",
                            text: trends.text(
                                catalog: c, width: max(30, session.width - 4),
                                suppressBelow: try session.store.suppressBelow()))
                    })
            ]
        case .spider:
            guard let groupId else { return [.status(env.catalog.ui(.chooseGroupFirst), isError: true)] }
            return [.push(SpiderScreen(groupId: groupId))]
        case .deviations: return [.push(DeviationsScreen())]
        case .back: return [.pop]
        case .quit: return [.quit]
        }
        return []
    }

    public var groupName: String { groupIndex.map { groups[$0].name } ?? "" }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        var viewport = env.viewport
        if let typedPeriod {
            let prompt = env.catalog.ui(.customPeriodPrompt)
            grid.put(
                prompt + typedPeriod.text, row: viewport.top, column: 0, maxWidth: viewport.width, role: .fieldFocused)
            grid.cursor = Position(
                row: viewport.top, column: min(viewport.width - 1, DisplayWidth.of(prompt + typedPeriod.text)))
            viewport.top += 1
            viewport.height -= 1
        }
        // One line per row, a section line where the section changes.
        var lines: [(text: String, count: String, role: StyleRole, row: Int?)] = []
        var section = ""
        for (index, row) in rows.enumerated() {
            // Each heading says whether its figures are of the period's last day or of the period.
            let heading =
                review.map { row.section + " · " + ReviewTable.basis(row.basis, $0, catalog: env.catalog) }
                ?? row.section
            if heading != section {
                section = heading
                lines.append((section, "", .header, nil))
            }
            lines.append(("  " + row.item + (row.figure == nil ? "" : " ›"), row.count, .normal, index))
        }
        lineList.selected = lines.firstIndex { $0.row == selected } ?? 0
        let countWidth = 8
        ListView.draw(
            into: &grid, top: viewport.top, height: viewport.height, width: viewport.width,
            count: lines.count, state: &lineList
        ) { grid, index, y, isSelected in
            let line = lines[index]
            grid.put(
                line.text, row: y, column: 0, maxWidth: viewport.width - countWidth - 1,
                role: isSelected ? .selected : line.role)
            let count = String(repeating: " ", count: max(0, countWidth - line.count.count)) + line.count
            grid.put(
                count, row: y, column: viewport.width - countWidth, maxWidth: countWidth,
                role: isSelected ? .selected : .normal)
        }
    }
}
