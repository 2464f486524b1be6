import SIPModel
import SIPWidgets

/// The BUS deviation register: every deviation, newest first, overdue answers marked; filtered by
/// status, kind, concerned organisation and overdue, searched, exported as CSV.
public struct DeviationsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case new, show, send, answer, close, escalate, back
        case statusFilter, kindFilter, concernedFilter, overdueFilter, search, endSearch, clearSearch, export
        case print
    }

    /// What the register shows of all its deviations.
    public struct Filter: Equatable, Sendable {
        public var status: DeviationStatus?
        public var kind: String?
        public var concerned: String?
        public var overdueOnly = false
        public var search = TextInput()

        public var isEmpty: Bool {
            status == nil && kind == nil && concerned == nil && !overdueOnly && search.text.isEmpty
        }

        public func admits(_ row: DeviationSummary) -> Bool {
            guard status.map({ $0 == row.status }) ?? true, kind.map({ $0 == row.kind }) ?? true,
                concerned.map({ $0 == row.concernedAgency }) ?? true, !overdueOnly || row.overdue
            else { return false }
            let match = TextMatch(search.text)
            return match.isEmpty
                || [String(row.id), row.kindName, row.concernedAgency, row.reportingAgency, row.occurredOn.iso]
                    .contains { match.finds($0) }
        }
    }

    /// Every deviation the user may see; `rows` are those the filter admits.
    public private(set) var all: [DeviationSummary] = []
    public private(set) var rows: [DeviationSummary] = []
    public private(set) var filter = Filter()
    public private(set) var searching = false
    public private(set) var list = ListState()
    public var selected: Int { list.selected }
    private var loaded = false

    public init() {}

    public enum Loaded: Sendable {
        case rows([DeviationSummary])
        /// A change was saved; the words that say so.
        case changed(String)
    }

    /// Shown, or back on top: the register as it is now.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        [.query { session in .rows(try session.store.deviationSummaries()) }]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key):
            return handle(key, catalog: env.catalog, page: env.viewport.height - 2)
        case .text(let text):
            guard searching else {
                return text.flatMap { handle(.character($0), catalog: env.catalog, page: env.viewport.height - 2) }
            }
            _ = filter.search.insert(contentsOf: text)
            refilter()
        case .loaded(.rows(let rows)):
            loaded = true
            reload(rows)
        case .saved(.changed(let words)):
            return load(env) + [.status(words, isError: false)]
        case .confirmed(.closeDeviation(let id)):
            return [change(id, to: .closed, saying: env.catalog.ui(.saved))]
        case .unreadable(let error):
            return loaded ? [.error(error)] : [.dismiss, .error(error)]
        case .refused(let error):
            // Nothing was written: the register shows what is saved, and why.
            return load(env) + [.error(error)]
        case .loaded, .saved, .confirmed, .declined, .notice, .resized:
            break
        }
        return []
    }

    private func change(_ id: Int64, to status: DeviationStatus, saying words: String) -> Command<Loaded> {
        .mutation { session in
            try session.store.changeDeviationStatus(id, to: status)
            return .changed(words)
        }
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        (env.catalog.ui(.deviationRegister), filter.isEmpty ? "\(rows.count)" : "\(rows.count)/\(all.count)")
    }


    public var isTyping: Bool { searching }

    public static let keys = KeyTable<Action>(
        "deviations",
        [
            KeyBinding([.character("n")], .new, .newDeviation, hint: true),
            KeyBinding([.enter], .show, .showDeviation, hint: true),
            KeyBinding([.character("s")], .send, .sendDeviation, hint: true),
            KeyBinding([.character("a")], .answer, .answerDeviation, hint: true),
            KeyBinding([.character("c")], .close, .closeDeviation),
            KeyBinding([.character("e")], .escalate, .escalate),
            KeyBinding([.character("/")], .search, .searchDeviations, hint: true),
            KeyBinding([.character("f")], .statusFilter, .filterByStatus),
            KeyBinding([.character("t")], .kindFilter, .filterByKind),
            KeyBinding([.character("v")], .concernedFilter, .filterByConcerned),
            KeyBinding([.character("o")], .overdueFilter, .filterOverdue),
            KeyBinding([.character("x")], .export, .exportDeviations),
            KeyBinding([.character("w")], .print, .printDeviation),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        ] + ListKeys.bindings(Action.list))

    /// While searching, letters are text; arrows still move the selection.
    public static let searchKeys = KeyTable<Action>(
        "deviations-search", typing: true,
        [
            KeyBinding([.enter], .endSearch, .applyFilter, hint: true),
            KeyBinding([.escape], .clearSearch, .clearFilter, hint: true),
        ] + ListKeys.bindings(Action.list, typing: true))

    public var keys: KeyTable<Action> { searching ? Self.searchKeys : Self.keys }

    public var current: DeviationSummary? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }

    public mutating func reload(_ rows: [DeviationSummary]) {
        all = rows
        refilter()
    }

    /// The rows the filter admits, the selection kept on the deviation it was on.
    mutating func refilter() {
        let id = current?.id
        rows = all.filter(filter.admits)
        list.selected = rows.firstIndex { $0.id == id } ?? list.selected
        list.clamp(count: rows.count)
    }

    /// The next of `values` after `current`, then none (every one) again.
    static func next<T: Equatable>(_ current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    mutating func handle(_ key: Key, catalog c: Catalog, page: Int) -> [Command<Loaded>] {
        guard let action = keys.action(for: key) else {
            if searching, filter.search.handle(key) == .edited { refilter() }
            return []
        }
        switch action {
        case .search: searching = true
        case .endSearch: searching = false
        case .clearSearch:
            searching = false
            filter.search = TextInput()
            refilter()
        case .statusFilter:
            filter.status = Self.next(filter.status, in: DeviationStatus.allCases)
            refilter()
        case .kindFilter:
            let kinds = Dictionary(all.map { ($0.kind, $0.kindName) }, uniquingKeysWith: { a, _ in a })
            filter.kind = Self.next(filter.kind, in: kinds.keys.sorted { (kinds[$0]!, $0) < (kinds[$1]!, $1) })
            refilter()
        case .concernedFilter:
            filter.concerned = Self.next(filter.concerned, in: Set(all.map(\.concernedAgency)).sorted())
            refilter()
        case .overdueFilter:
            filter.overdueOnly.toggle()
            refilter()
        case .export: return [.push(FormScreen(DeviationExportForm(ids: rows.map(\.id))))]
        case .print: if let current { return [.push(FormScreen(DeviationPrintForm(deviationId: current.id)))] }
        case .list(let move): list.apply(move, count: rows.count, page: page)
        case .new: return [.push(FormScreen(DeviationForm(planId: nil)))]
        case .back: return [.pop]
        case .show: if let current { return [.push(Self.deviationViewer(current.id))] }
        case .send: if let current { return [change(current.id, to: .sent, saying: c.ui(.saved))] }
        case .close:
            // Closed without an answer: a note says why. An answered one is only confirmed.
            if let current {
                return current.status == .answered
                    ? [.confirm(.closeDeviation(current.id))]
                    : [.push(FormScreen(DeviationNoteForm(deviationId: current.id, step: .close)))]
            }
        case .answer: if let current { return [.push(FormScreen(AnswerDeviationForm(deviationId: current.id)))] }
        case .escalate:
            // One level up at a time; at BUSSAM there is nowhere further to go.
            // Whoever takes it further writes why.
            if let current, current.escalation != .bussam {
                let levels = Escalation.allCases
                let level = levels[levels.firstIndex(of: current.escalation)! + 1]
                return [.push(FormScreen(DeviationNoteForm(deviationId: current.id, step: .escalate(level))))]
            }
        }
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        var viewport = env.viewport
        let c = env.catalog
        // The filter on a line of its own, while there is one.
        if searching || !filter.isEmpty {
            var parts: [String] = []
            if let status = filter.status { parts.append(c.deviationStatus(status)) }
            if let kind = filter.kind { parts.append(all.first { $0.kind == kind }?.kindName ?? kind) }
            if let concerned = filter.concerned { parts.append(concerned) }
            if filter.overdueOnly { parts.append(c(.overdue)) }
            let prompt = c.ui(.searchDeviations) + ": "
            let line =
                prompt + filter.search.text + (parts.isEmpty ? "" : "   [" + parts.joined(separator: " · ") + "]")
            grid.put(
                line, row: viewport.top, column: 0, maxWidth: viewport.width,
                role: searching ? .fieldFocused : .normal)
            if searching {
                grid.cursor = Position(
                    row: viewport.top,
                    column: min(viewport.width - 1, DisplayWidth.of(prompt + filter.search.text)))
            }
            viewport.top += 1
            viewport.height -= 1
        }
        guard !rows.isEmpty else {
            let words = all.isEmpty ? c.ui(.noDeviationsYet) : c.ui(.noDeviationsMatch)
            grid.put(words, row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            if !searching { grid.cursor = Position(row: viewport.top + 1, column: 1) }
            return
        }
        let statusWidth = 12, dateWidth = 10, idWidth = 5
        let kindWidth = max(8, (viewport.width - idWidth - dateWidth - statusWidth - 5) / 2)
        let concernedWidth = max(6, viewport.width - idWidth - dateWidth - statusWidth - kindWidth - 5)
        let header =
            DisplayWidth.pad("#", to: idWidth) + " " + DisplayWidth.pad(c.field(.occurredOn), to: dateWidth) + " "
            + DisplayWidth.pad(c(.kind), to: kindWidth) + " " + DisplayWidth.pad(c(.concerning), to: concernedWidth)
            + " "
            + c.field(.status)
        grid.put(header, row: viewport.top, column: 0, maxWidth: viewport.width, role: .header)
        ListView.draw(
            into: &grid, top: viewport.top + 1, height: viewport.height - 1, width: viewport.width,
            count: rows.count, state: &list
        ) { grid, index, y, isSelected in
            let row = rows[index]
            let role: StyleRole = isSelected ? .selected : .normal
            var x = 0
            for (text, width) in [
                (String(row.id), idWidth), (row.occurredOn.iso, dateWidth), (row.kindName, kindWidth),
                (row.concernedAgency, concernedWidth),
            ] {
                grid.put(text, row: y, column: x, maxWidth: width, role: role)
                x += width + 1
            }
            let status = c.deviationStatus(row.status) + Self.mark(row.escalation) + (row.overdue ? " !" : "")
            grid.put(
                status, row: y, column: x, maxWidth: viewport.width - x,
                role: isSelected ? .selected : row.overdue ? .warning : role)
        }
    }
}

extension DeviationsScreen {
    /// An escalation's mark in the register, one per level: "^" to the local BUS group, "^^" to BUSSAM.
    static func mark(_ level: Escalation) -> String {
        switch level {
        case .local: ""
        case .busGroup: "^"
        case .bussam: "^^"
        }
    }

    /// A history line's change in the reader's language (the database keeps the audit's action word).
    static func historyWords(_ what: String, _ c: Catalog) -> String {
        let parts = what.split(separator: " ", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("registered", nil): return c.deviationStatus(.registered)
        case ("answer", nil): return c.deviationStatus(.answered)
        case ("status", let code?):
            if let status = DeviationStatus(rawValue: code) {
                return "\(c.field(.status)): \(c.deviationStatus(status))"
            }
        case ("escalation", let code?):
            if let level = Escalation(rawValue: code) { return "\(c.ui(.escalationLevel)): \(c.escalation(level))" }
        default: break
        }
        return TerminalText.safe(what)
    }

    /// One deviation in full, with its history: what the register's Enter shows.
    static func deviationViewer(_ id: Int64) -> TextViewScreen {
        TextViewScreen(title: "") { session in
            TextViewScreen.Content(
                title: "\(session.catalog.entityName(.deviation)) \(id)",
                text: try deviationText(id, session))
        }
    }

    static func deviationText(_ id: Int64, _ session: Session) throws -> String {
        let c = session.catalog, store = session.store
        let d = try store.deviation(id)
        let summary = try store.deviationSummaries(id: id).first
        var lines = [
            "\(c.field(.occurredOn)): \(d.occurredOn.iso)",
            "\(c(.kind)): \(summary?.kindName ?? d.kind)",
            "\(c.ui(.reportingAgency)): \(summary?.reportingAgency ?? "")",
            "\(c.ui(.concernedAgency)): \(summary?.concernedAgency ?? "")",
            "\(c(.planNumber)): \(d.planId.map(String.init) ?? "–")",
            "\(c.field(.status)): \(c.deviationStatus(d.status))"
                + (d.isOverdue(on: store.context.today) ? "  \(c(.overdue))" : ""),
            "\(c.ui(.escalationLevel)): \(c.escalation(d.escalation))",
            "\(c(.responseDue)): \(d.responseDue.iso)",
            "", "\(c.field(.description)):", "  " + d.description,
        ]
        if !d.localAction.isEmpty { lines += ["", "\(c.field(.localAction)):", "  " + d.localAction] }
        if let response = d.response {
            lines += ["", "\(c.field(.response)) \(d.responseDate?.iso ?? ""):", "  " + response]
        }
        lines += ["", c(.history) + ":"]
        for change in try store.deviationHistory(id) {
            lines.append(
                "  \(LocalTimeText.short(change.changedAt, store.context.timeZone))  \(historyWords(change.what, c))  (\(change.changedBy))"
                    + (change.note.isEmpty ? "" : ": \(change.note)"))
        }
        return lines.joined(separator: "\n")
    }
}
