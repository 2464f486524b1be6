import SIPModel
import SIPWidgets

/// Spindelmätning for one BUS group: a measurement beside the one before it; ← and → go back and
/// forth in time, n records a new one.
public struct SpiderScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable { case new, older, newer, back }

    public let groupId: Int64
    public private(set) var groupName = ""
    public private(set) var dimensions: [SpiderDimension] = []
    public private(set) var measurements: [SelfAssessment] = []
    /// Index into `measurements` (newest first).
    public private(set) var shown = 0

    public init(groupId: Int64) {
        self.groupId = groupId
    }

    public enum Loaded: Sendable {
        case group(name: String, dimensions: [SpiderDimension], measurements: [SelfAssessment])
        case noSuchGroup
    }

    /// Shown, or back on top: the measurements as they are now, the newest shown.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let id = groupId
        return [
            .query { session in
                guard let group = try session.store.busGroups().first(where: { $0.id == id }) else {
                    return .noSuchGroup
                }
                return .group(
                    name: group.name, dimensions: try session.store.spiderDimensions(),
                    measurements: try session.store.selfAssessments(groupId: id))
            }
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key):
            return handle(key)
        case .loaded(.group(let name, let dimensions, let measurements)):
            groupName = name
            self.dimensions = dimensions
            reload(measurements)
        case .loaded(.noSuchGroup):
            return [.dismiss, .status(env.catalog.ui(.chooseGroupFirst), isError: true)]
        case .unreadable(let error):
            return groupName.isEmpty ? [.dismiss, .error(error)] : [.error(error)]
        case .refused(let error):
            return [.error(error)]
        case .saved, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        ("\(env.catalog.ui(.selfAssessment)) · \(groupName)", "")
    }

    public static let keys = KeyTable<Action>(
        "spider",
        [
            KeyBinding([.character("n")], .new, .newMeasurement, hint: true),
            KeyBinding([.left, .character("h")], .older, .olderMeasurement, hint: true),
            KeyBinding([.right, .character("l")], .newer, .newerMeasurement),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        ])

    public var keys: KeyTable<Action> { Self.keys }

    public mutating func reload(_ measurements: [SelfAssessment]) {
        self.measurements = measurements
        shown = 0
    }

    mutating func handle(_ key: Key) -> [Command<Loaded>] {
        guard let action = Self.keys.action(for: key) else { return [] }
        switch action {
        case .new: return [.push(FormScreen(SelfAssessmentForm(groupId: groupId)))]
        case .older: shown = min(max(0, measurements.count - 1), shown + 1)
        case .newer: shown = max(0, shown - 1)
        case .back: return [.pop]
        }
        return []
    }

    public func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, catalog = env.catalog
        guard measurements.indices.contains(shown) else {
            grid.put(catalog.ui(.noMeasurements), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: viewport.top + 1, column: 1)
            return
        }
        let previous = measurements.indices.contains(shown + 1) ? measurements[shown + 1] : nil
        let lines = SpiderChart.lines(
            dimensions: dimensions, current: measurements[shown], previous: previous,
            catalog: catalog, width: viewport.width)
        for (n, line) in lines.prefix(viewport.height).enumerated() {
            grid.put(line, row: viewport.top + n, column: 0, maxWidth: viewport.width, role: n == 0 ? .header : .normal)
        }
        grid.cursor = Position(row: viewport.top, column: 0)
    }
}
