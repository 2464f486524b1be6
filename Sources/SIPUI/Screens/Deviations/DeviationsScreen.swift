import SIPModel

/// The BUS deviation register: every deviation, newest first, overdue answers marked.
public struct DeviationsScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable { case up, down, new, show, send, answer, close, escalate, back }

    public private(set) var rows: [DeviationSummary]
    public private(set) var selected = 0
    public private(set) var top = 0

    public init(rows: [DeviationSummary]) { self.rows = rows }

    public static let keys = KeyTable<Action>([
        KeyBinding([.character("n")], .new, .newDeviation, hint: true),
        KeyBinding([.enter], .show, .showDeviation, hint: true),
        KeyBinding([.character("s")], .send, .sendDeviation, hint: true),
        KeyBinding([.character("a")], .answer, .answerDeviation, hint: true),
        KeyBinding([.character("c")], .close, .closeDeviation),
        KeyBinding([.character("e")], .escalate, .escalate),
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        KeyBinding([.up, .character("k")], .up, .up),
        KeyBinding([.down, .character("j")], .down, .down),
    ])

    public var current: DeviationSummary? { rows.indices.contains(selected) ? rows[selected] : nil }

    public mutating func reload(_ rows: [DeviationSummary]) {
        let id = current?.id
        self.rows = rows
        selected = rows.firstIndex { $0.id == id } ?? min(selected, max(0, rows.count - 1))
    }

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
        guard let action = Self.keys.action(for: key) else { return [] }
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, rows.count - 1), selected + 1)
        case .new: return [.openForm(.deviation(planId: nil))]
        case .back: return [.back]
        case .show: if let current { return [.showDeviation(current.id)] }
        case .send: if let current { return [.deviationStatus(current.id, .sent)] }
        case .close: if let current { return [.closeDeviation(current.id)] }
        case .answer: if let current { return [.openForm(.answerDeviation(current.id))] }
        case .escalate:
            // One level up at a time; at BUSSAM there is nowhere further to go.
            if let current, current.escalation != .bussam {
                let all = Escalation.allCases
                return [.escalateDeviation(current.id, all[all.firstIndex(of: current.escalation)! + 1])]
            }
        }
        return []
    }

    public mutating func render(into grid: inout Grid, viewport: Viewport, catalog c: Catalog) {
        guard !rows.isEmpty else {
            grid.put(c.ui(.noDeviationsYet), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: viewport.top + 1, column: 1)
            return
        }
        let statusWidth = 12, dateWidth = 10, idWidth = 5
        let kindWidth = max(8, (viewport.width - idWidth - dateWidth - statusWidth - 5) / 2)
        let concernedWidth = max(6, viewport.width - idWidth - dateWidth - statusWidth - kindWidth - 5)
        let header = DisplayWidth.pad("#", to: idWidth) + " " + DisplayWidth.pad(c.field(.occurredOn), to: dateWidth) + " "
            + DisplayWidth.pad(c(.kind), to: kindWidth) + " " + DisplayWidth.pad(c(.concerning), to: concernedWidth) + " "
            + c.field(.status)
        grid.put(header, row: viewport.top, column: 0, maxWidth: viewport.width, role: .header)
        let height = viewport.height - 1
        top = Chrome.scroll(top: top, selected: selected, height: height, count: rows.count)
        for (offset, row) in rows.dropFirst(top).prefix(height).enumerated() {
            let y = viewport.top + 1 + offset
            let isSelected = top + offset == selected
            if isSelected { grid.fill(row: y, column: 0, count: viewport.width, role: .selected) }
            let role: StyleRole = isSelected ? .selected : .normal
            var x = 0
            for (text, width) in [(String(row.id), idWidth), (row.occurredOn.iso, dateWidth), (row.kindName, kindWidth),
                                  (row.concernedAgency, concernedWidth)] {
                grid.put(text, row: y, column: x, maxWidth: width, role: role)
                x += width + 1
            }
            let status = c.deviationStatus(row.status) + (row.escalation == .local ? "" : "^") + (row.overdue ? " !" : "")
            grid.put(status, row: y, column: x, maxWidth: viewport.width - x, role: isSelected ? .selected : row.overdue ? .warning : role)
        }
        grid.cursor = Position(row: viewport.top + 1 + selected - top, column: 0)
    }
}
