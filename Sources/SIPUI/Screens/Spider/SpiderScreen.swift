import SIPModel

/// Spindelmätning for one BUS group: a measurement beside the one before it; ← and → go back and
/// forth in time, n records a new one.
public struct SpiderScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable { case new, older, newer, back }

    public let groupId: Int64
    public let groupName: String
    public let dimensions: [SpiderDimension]
    public private(set) var measurements: [SelfAssessment]
    /// Index into `measurements` (newest first).
    public private(set) var shown = 0

    public init(groupId: Int64, groupName: String, dimensions: [SpiderDimension], measurements: [SelfAssessment]) {
        self.groupId = groupId
        self.groupName = groupName
        self.dimensions = dimensions
        self.measurements = measurements
    }

    public static let keys = KeyTable<Action>([
        KeyBinding([.character("n")], .new, .newMeasurement, hint: true),
        KeyBinding([.left, .character("h")], .older, .olderMeasurement, hint: true),
        KeyBinding([.right, .character("l")], .newer, .newerMeasurement),
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
    ])

    public mutating func reload(_ measurements: [SelfAssessment]) {
        self.measurements = measurements
        shown = 0
    }

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
        guard let action = Self.keys.action(for: key) else { return [] }
        switch action {
        case .new: return [.openForm(.selfAssessment(groupId))]
        case .older: shown = min(max(0, measurements.count - 1), shown + 1)
        case .newer: shown = max(0, shown - 1)
        case .back: return [.back]
        }
        return []
    }

    public func render(into grid: inout Grid, viewport: Viewport, catalog: Catalog) {
        guard measurements.indices.contains(shown) else {
            grid.put(catalog.ui(.noMeasurements), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: viewport.top + 1, column: 1)
            return
        }
        let previous = measurements.indices.contains(shown + 1) ? measurements[shown + 1] : nil
        let lines = SpiderChart.lines(dimensions: dimensions, current: measurements[shown], previous: previous,
                                      catalog: catalog, width: viewport.width)
        for (n, line) in lines.prefix(viewport.height).enumerated() {
            grid.put(line, row: viewport.top + n, column: 0, maxWidth: viewport.width, role: n == 0 ? .header : .normal)
        }
        grid.cursor = Position(row: viewport.top, column: 0)
    }
}
