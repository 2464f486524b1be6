import SIPModel

/// A read-only text to scroll through (the invitation), one plan's only.
public struct TextViewScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable { case up, down, pageUp, pageDown, back, quit }

    public let title: String
    public let lines: [String]
    public private(set) var top = 0

    /// The first screen (an administrator's): q quits rather than going back.
    public var isStart = false

    /// The lines wrapped to the last width drawn: a list behind a county's review figure has tens
    /// of thousands, too many to wrap again at every key.
    private var wrapped = Wrapped<String>()

    public init(title: String, text: String, isStart: Bool = false) {
        self.isStart = isStart
        self.title = title
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    public static let keys = KeyTable<Action>([
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        KeyBinding([.up, .character("k")], .up, .up),
        KeyBinding([.down, .character("j")], .down, .down),
        KeyBinding([.pageUp, .character("b")], .pageUp, .pageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .pageDown),
    ])

    public var keys: KeyTable<Action> {
        guard isStart else { return Self.keys }
        return KeyTable([KeyBinding([.character("q")], .quit, .quit, hint: true)]
                        + Self.keys.bindings.filter { $0.action != .back })
    }

    private mutating func wrappedLines(_ width: Int) -> [String] {
        if wrapped.width != width { wrapped = Wrapped(width: width, lines: lines.flatMap { DisplayWidth.wrap($0, width: max(8, width - 1)) }) }
        return wrapped.lines
    }

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
        guard let action = keys.action(for: key) else { return [] }
        let count = wrappedLines(viewport.width).count
        let page = max(1, viewport.height - 1)
        switch action {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= page
        case .pageDown: top += page
        case .back: return [.back]
        case .quit: return [.quit]
        }
        top = min(max(0, top), max(0, count - viewport.height))
        return []
    }

    public mutating func render(into grid: inout Grid, viewport: Viewport) {
        let all = wrappedLines(viewport.width)
        for (n, line) in all.dropFirst(top).prefix(viewport.height).enumerated() {
            grid.put(line, row: viewport.top + n, column: 0, maxWidth: viewport.width)
        }
        grid.cursor = Position(row: viewport.top, column: 0)
    }
}
