import SIPModel
import SIPWidgets

/// One plan's interventions (insatser): what, who, until when, status; overdue ones marked.
public struct InterventionsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case new, edit, done, notDelivered, back
    }

    public let planId: Int64
    public private(set) var rows: [Intervention] = []
    public private(set) var agencyNames: [Int64: String] = [:]
    public private(set) var list = ListState()
    public var selected: Int { list.selected }
    private var loaded = false

    public init(planId: Int64) {
        self.planId = planId
    }

    public enum Loaded: Sendable {
        case rows([Intervention], agencyNames: [Int64: String])
        case updated
    }

    /// Shown, or back on top: the plan's interventions as they are now.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let id = planId
        return [
            .query { session in
                let plan = try session.store.plan(id)
                let agencies = try session.store.agencies(forGroup: plan.busGroupId)
                return .rows(
                    try session.store.interventions(planId: id),
                    agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) }))
            }
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key):
            return handle(key, page: env.viewport.height - 2)
        case .loaded(.rows(let rows, let names)):
            loaded = true
            agencyNames = names
            reload(rows)
        case .saved:
            return load(env) + [.status(env.catalog.ui(.saved), isError: false)]
        case .unreadable(let error):
            // Not readable: not shown (or, shown before, left as it was).
            return loaded ? [.error(error)] : [.dismiss, .error(error)]
        case .refused(let error):
            // Nothing was written: the list shows what is saved, and why.
            return load(env) + [.error(error)]
        case .loaded, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        ("\(env.catalog.ui(.interventions)) – \(env.catalog(.planNumber)) \(planId)", "")
    }

    public static let keys = KeyTable<Action>(
        "interventions",
        [
            KeyBinding([.character("n")], .new, .newIntervention, hint: true),
            KeyBinding([.enter, .character("e")], .edit, .edit, hint: true),
            KeyBinding([.character("d")], .done, .markDone, hint: true),
            KeyBinding([.character("x")], .notDelivered, .markNotDelivered, hint: true),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        ] + ListKeys.bindings(Action.list))

    public var keys: KeyTable<Action> { Self.keys }

    public mutating func reload(_ rows: [Intervention]) {
        self.rows = rows
        list.clamp(count: rows.count)
    }

    mutating func handle(_ key: Key, page: Int) -> [Command<Loaded>] {
        guard let action = Self.keys.action(for: key) else { return [] }
        let current = rows.indices.contains(list.selected) ? rows[list.selected] : nil
        switch action {
        case .list(let move): list.apply(move, count: rows.count, page: page)
        case .new: return [.push(FormScreen(InterventionForm(planId: planId)))]
        case .edit: if let current { return [.push(FormScreen(InterventionForm(planId: planId, existing: current)))] }
        case .done:
            if let shown = current {
                var done = shown
                done.status = .done
                // The row as the list showed it: if someone changed it since, nothing is written.
                return [
                    .mutation { session in
                        let saved = try session.store.updateIntervention(done, expecting: shown)
                        session.recordUndo(.intervention(before: shown, after: saved))
                        return .updated
                    }
                ]
            }
        case .notDelivered:
            // A comment is required: the form opens with the status set.
            if let current {
                return [.push(FormScreen(InterventionForm(planId: planId, existing: current, status: .notDelivered)))]
            }
        case .back: return [.pop]
        }
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, catalog = env.catalog, today = env.today
        var row = viewport.top
        if rows.isEmpty {
            grid.put(catalog.ui(.noInterventions), row: row + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: row + 1, column: 1)
            return
        }
        let statusWidth = 13, dateWidth = 10
        let whatWidth = max(10, (viewport.width - statusWidth - dateWidth - 4) * 55 / 100)
        let whoWidth = max(6, viewport.width - statusWidth - dateWidth - whatWidth - 4)
        grid.put(
            DisplayWidth.pad(catalog(.interventions), to: whatWidth) + " "
                + DisplayWidth.pad(catalog.field(.agencyName), to: whoWidth)
                + " " + DisplayWidth.pad(catalog.field(.dueDate), to: dateWidth) + " "
                + catalog.ui(.interventionStatus),
            row: row, column: 0, maxWidth: viewport.width, role: .header)
        row += 1
        ListView.draw(
            into: &grid, top: row, height: viewport.top + viewport.height - row, width: viewport.width,
            count: rows.count, state: &list
        ) { grid, index, y, isSelected in
            let item = rows[index]
            let overdue = item.isOverdue(on: today)
            let role: StyleRole = isSelected ? .selected : .normal
            grid.put(item.what, row: y, column: 0, maxWidth: whatWidth, role: role)
            var x = whatWidth + 1
            grid.put(agencyNames[item.agencyId] ?? "", row: y, column: x, maxWidth: whoWidth, role: role)
            x += whoWidth + 1
            grid.put(
                item.dueDate.iso, row: y, column: x, maxWidth: dateWidth,
                role: isSelected ? .selected : overdue ? .warning : role)
            x += dateWidth + 1
            grid.put(
                catalog.interventionStatus(item.status) + (overdue ? " !" : ""), row: y, column: x,
                maxWidth: viewport.width - x, role: isSelected ? .selected : overdue ? .warning : role)
        }
    }
}
