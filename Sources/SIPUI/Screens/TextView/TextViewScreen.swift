import SIPModel
import SIPWidgets

/// A read-only text to scroll through (the invitation, a deviation, the list behind a figure).
public struct TextViewScreen: AppScreen {
    public enum Action: Hashable, Sendable {
        case list(ListMove)
        case back, quit
    }

    public private(set) var title: String
    public private(set) var lines: [String]
    public private(set) var top = 0

    /// The first screen (an administrator's): q quits rather than going back.
    public var isStart = false

    /// The lines wrapped to the last width drawn: a list behind a county's review figure has tens
    /// of thousands, too many to wrap again at every key.
    private var wrapped = Wrapped<String>()

    /// What the text is read from, when it is read from the store (nil: it was given).
    private let source: ((Session) throws -> Content)?

    /// A text read when the screen is shown, and the title it goes under (nil: the one given).
    public struct Content: Sendable {
        public var title: String?
        public var text: String
        public init(title: String? = nil, text: String) {
            self.title = title
            self.text = text
        }
    }

    public typealias Loaded = Content

    public init(title: String, text: String, isStart: Bool = false) {
        self.isStart = isStart
        self.title = title
        lines = Self.split(text)
        source = nil
    }

    /// A text read from the store when the screen is shown; if it cannot be read, the screen is not shown.
    public init(title: String, loading source: @escaping (Session) throws -> Content) {
        self.title = title
        lines = []
        self.source = source
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    public mutating func load(_ env: ScreenEnvironment) -> [Command<Content>] {
        guard let source, lines.isEmpty else { return [] }
        return [.query(source)]
    }

    public mutating func update(_ message: Message<Content>, _ env: ScreenEnvironment) -> [Command<Content>] {
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport)
        case .loaded(let content):
            if let title = content.title { self.title = title }
            lines = Self.split(content.text)
            wrapped = Wrapped()
            // A text read anew starts at its top (the administrator's, laid out again for a new width).
            top = 0
        case .unreadable(let error):
            return [.dismiss, .error(error)]
        case .refused(let error):
            return [.error(error)]
        case .saved, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) { (title, "") }

    /// A pager's keys (less): b and Space page too.
    public static let keys = KeyTable<Action>(
        "text-view",
        [KeyBinding([.escape, .character("q")], .back, .back, hint: true)]
            + ListKeys.bindings(Action.list).map { binding in
                var binding = binding
                if binding.action == .list(.pageUp) { binding.keys.append(.character("b")) }
                if binding.action == .list(.pageDown) { binding.keys.append(.character(" ")) }
                return binding
            })

    public var keys: KeyTable<Action> {
        guard isStart else { return Self.keys }
        return KeyTable(
            Self.keys.name,
            [KeyBinding([.character("q")], .quit, .quit, hint: true)]
                + Self.keys.defaultBindings.filter { $0.action != .back })
    }

    private mutating func wrappedLines(_ width: Int) -> [String] {
        if wrapped.width != width {
            wrapped = Wrapped(width: width, lines: lines.flatMap { DisplayWidth.wrap($0, width: max(8, width - 1)) })
        }
        return wrapped.lines
    }

    mutating func handle(_ key: Key, viewport: Viewport) -> [Command<Content>] {
        guard let action = keys.action(for: key) else { return [] }
        let count = wrappedLines(viewport.width).count
        let page = max(1, viewport.height - 1)
        switch action {
        case .list(let move): top = move.target(from: top, count: count, page: page)
        case .back: return [.pop]
        case .quit: return [.quit]
        }
        top = min(max(0, top), max(0, count - viewport.height))
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport
        let all = wrappedLines(viewport.width)
        for (n, line) in all.dropFirst(top).prefix(viewport.height).enumerated() {
            grid.put(line, row: viewport.top + n, column: 0, maxWidth: viewport.width)
        }
        grid.cursor = Position(row: viewport.top, column: 0)
    }
}

extension TextViewScreen {
    /// The kallelse of a plan's next meeting, as it is sent.
    static func invitation(planId: Int64) -> TextViewScreen {
        TextViewScreen(title: "") { session in
            let c = session.catalog
            let document = try session.store.planDocument(planId)
            let text = try Invitation(document: document, zone: session.store.context.timeZone, catalog: c).text()
            return Content(title: c.ui(.showInvitation) + " – \(c(.planNumber)) \(planId)", text: text)
        }
    }
}
