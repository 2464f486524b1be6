import SIPModel
import SIPWidgets

/// The BUS deviation register: every deviation, newest first, overdue answers marked.
public struct DeviationsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case new, show, send, answer, close, escalate, back
    }

    public private(set) var rows: [DeviationSummary] = []
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
        case .loaded, .saved, .confirmed, .declined, .notice, .resized, .text:
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
        (env.catalog.ui(.deviationRegister), "\(rows.count)")
    }

    public static let keys = KeyTable<Action>(
        "deviations",
        [
            KeyBinding([.character("n")], .new, .newDeviation, hint: true),
            KeyBinding([.enter], .show, .showDeviation, hint: true),
            KeyBinding([.character("s")], .send, .sendDeviation, hint: true),
            KeyBinding([.character("a")], .answer, .answerDeviation, hint: true),
            KeyBinding([.character("c")], .close, .closeDeviation),
            KeyBinding([.character("e")], .escalate, .escalate),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        ] + ListKeys.bindings(Action.list))

    public var keys: KeyTable<Action> { Self.keys }

    public var current: DeviationSummary? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }

    public mutating func reload(_ rows: [DeviationSummary]) {
        let id = current?.id
        self.rows = rows
        list.selected = rows.firstIndex { $0.id == id } ?? list.selected
        list.clamp(count: rows.count)
    }

    mutating func handle(_ key: Key, catalog c: Catalog, page: Int) -> [Command<Loaded>] {
        guard let action = Self.keys.action(for: key) else { return [] }
        switch action {
        case .list(let move): list.apply(move, count: rows.count, page: page)
        case .new: return [.push(FormScreen(DeviationForm(planId: nil)))]
        case .back: return [.pop]
        case .show: if let current { return [.push(Self.deviationViewer(current.id))] }
        case .send: if let current { return [change(current.id, to: .sent, saying: c.ui(.saved))] }
        case .close: if let current { return [.confirm(.closeDeviation(current.id))] }
        case .answer: if let current { return [.push(FormScreen(AnswerDeviationForm(deviationId: current.id)))] }
        case .escalate:
            // One level up at a time; at BUSSAM there is nowhere further to go.
            if let current, current.escalation != .bussam {
                let all = Escalation.allCases
                let id = current.id, level = all[all.firstIndex(of: current.escalation)! + 1]
                let words = "\(c.ui(.escalationLevel)): \(c.escalation(level))"
                return [
                    .mutation { session in
                        try session.store.escalateDeviation(id, to: level)
                        return .changed(words)
                    }
                ]
            }
        }
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, c = env.catalog
        guard !rows.isEmpty else {
            grid.put(c.ui(.noDeviationsYet), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: viewport.top + 1, column: 1)
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
            let status =
                c.deviationStatus(row.status) + (row.escalation == .local ? "" : "^") + (row.overdue ? " !" : "")
            grid.put(
                status, row: y, column: x, maxWidth: viewport.width - x,
                role: isSelected ? .selected : row.overdue ? .warning : role)
        }
    }
}

extension DeviationsScreen {
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
                "  \(LocalTimeText.short(change.changedAt, store.context.timeZone))  \(change.what)  (\(change.changedBy))"
                    + (change.note.isEmpty ? "" : ": \(change.note)"))
        }
        return lines.joined(separator: "\n")
    }
}
