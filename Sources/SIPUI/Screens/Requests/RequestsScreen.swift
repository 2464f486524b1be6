import SIPModel
import SIPWidgets

/// Requests for a SIP: the inbox of the user's organisation (accept into a plan, decline with a
/// reason) or the requests the user registered, with their answers.
public struct RequestsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case up, down, pageUp, pageDown, first, last, show, accept, decline, new, back
    }

    public let scope: RequestScope
    public private(set) var rows: [RequestSummary] = []
    public private(set) var list = ListState()
    /// The request to select once the list is read (opened from the day screen).
    private var selecting: Int64?
    private var loaded = false

    public init(scope: RequestScope, selecting: Int64? = nil) {
        self.scope = scope
        self.selecting = selecting
    }

    public typealias Loaded = [RequestSummary]

    public mutating func load(_ env: ScreenEnvironment) -> [Command<[RequestSummary]>] {
        let scope = scope
        return [.query { session in try session.store.requests(scope) }]
    }

    public var current: RequestSummary? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }

    public mutating func update(
        _ message: Message<[RequestSummary]>, _ env: ScreenEnvironment
    ) -> [Command<[RequestSummary]>] {
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport)
        case .loaded(let rows):
            let id = selecting ?? current?.id
            selecting = nil
            loaded = true
            self.rows = rows
            list.selected = rows.firstIndex { $0.id == id } ?? list.selected
            list.clamp(count: rows.count)
        case .unreadable(let error):
            return loaded ? [.error(error)] : [.dismiss, .error(error)]
        case .refused(let error):
            return [.error(error)]
        case .saved, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        (env.catalog(scope == .inbox ? .inboxTitle : .myRequestsTitle), "\(rows.count)")
    }

    static let inboxKeys = KeyTable<Action>(
        "requests",
        [
            KeyBinding([.enter], .show, .showRequest, hint: true),
            KeyBinding([.character("a")], .accept, .acceptRequest, hint: true),
            KeyBinding([.character("d")], .decline, .declineRequest, hint: true),
        ] + common)

    static let mineKeys = KeyTable<Action>(
        "my-requests",
        [
            KeyBinding([.enter], .show, .showRequest, hint: true),
            KeyBinding([.character("n")], .new, .newRequest, hint: true),
        ] + common)

    static let common: [KeyBinding<Action>] =
        [KeyBinding([.escape, .character("q")], .back, .back, hint: true)]
        + ListKeys.bindings(Action.init(listMove:))

    public var keys: KeyTable<Action> { scope == .inbox ? Self.inboxKeys : Self.mineKeys }

    mutating func handle(_ key: Key, viewport: Viewport) -> [Command<[RequestSummary]>] {
        guard let action = keys.action(for: key) else { return [] }
        let page = max(1, viewport.height - 2)
        switch action {
        case .up: list.move(by: -1, count: rows.count)
        case .down: list.move(by: 1, count: rows.count)
        case .pageUp: list.move(by: -page, count: rows.count)
        case .pageDown: list.move(by: page, count: rows.count)
        case .first: list.move(by: -rows.count, count: rows.count)
        case .last: list.move(by: rows.count, count: rows.count)
        case .back: return [.pop]
        case .new: return [.push(FormScreen(RequestForm()))]
        case .show: if let current { return [.push(Self.viewer(current.id))] }
        case .accept:
            if let current, current.status == .new {
                return [.push(FormScreen(AcceptRequestForm(requestId: current.id)))]
            }
            if let current { return [.error(SIPError.requestAnswered(current.id))] }
        case .decline:
            if let current, current.status == .new {
                return [.push(FormScreen(DeclineRequestForm(requestId: current.id)))]
            }
            if let current { return [.error(SIPError.requestAnswered(current.id))] }
        }
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, c = env.catalog
        guard !rows.isEmpty else {
            if loaded { grid.put(c(.noRequests), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2) }
            grid.cursor = Position(row: viewport.top + 1, column: 1)
            return
        }
        let (idWidth, dateWidth, statusWidth) = (5, 10, 10)
        let rest = max(8, viewport.width - idWidth - dateWidth - statusWidth - 4)
        let childWidth = rest / 2, agencyWidth = rest - childWidth
        let header =
            DisplayWidth.pad("#", to: idWidth) + " " + DisplayWidth.pad(c(.columnReceived), to: dateWidth) + " "
            + DisplayWidth.pad(c(.columnChild), to: childWidth) + " "
            + DisplayWidth.pad(c(scope == .inbox ? .columnFrom : .columnTo), to: agencyWidth) + " " + c(.columnStatus)
        grid.put(header, row: viewport.top, column: 0, maxWidth: viewport.width, role: .header)
        let rows = rows, scope = scope
        ListView.draw(
            into: &grid, top: viewport.top + 1, height: viewport.height - 1, width: viewport.width,
            count: rows.count, state: &list
        ) { grid, index, y, isSelected in
            let row = rows[index]
            let role: StyleRole = isSelected ? .selected : .normal
            var x = 0
            for (text, width) in [
                (String(row.id), idWidth), (row.receivedOn.iso, dateWidth), (row.childName, childWidth),
                (scope == .inbox ? row.fromAgency : row.toAgency, agencyWidth),
                (c.requestStatus(row.status), statusWidth),
            ] {
                grid.put(text, row: y, column: x, maxWidth: width, role: role)
                x += width + 1
            }
        }
    }
}

extension RequestsScreen {
    /// One request in full, with its answer.
    static func viewer(_ id: Int64) -> TextViewScreen {
        TextViewScreen(title: "") { session in
            let c = session.catalog, r = try session.store.request(id)
            var lines = [
                "\(c.field(.status)): \(c.requestStatus(r.status))",
                "\(c(.requestReceived)): \(r.receivedOn.iso)",
                "\(c(.requestFromAgency)): \(r.fromAgency)",
                "\(c(.toAgency)): \(r.toAgency)",
                "\(c(.requestAsker)): "
                    + [r.askerName, r.askerFunction].filter { !$0.isEmpty }.joined(separator: ", "),
                "\(c.ui(.childName)): \(r.childName)",
                "\(c.ui(.childNumber)): \(r.personalNumberMasked)",
                "", "\(c.field(.questions)):", "  " + r.question,
            ]
            if !r.consent.isEmpty { lines += ["", "\(c(.consentSoFar)):", "  " + r.consent] }
            if let answered = r.answeredOn {
                lines += ["", "\(c(.requestAnswered)): \(answered.iso) (\(r.answeredBy ?? ""))"]
            }
            if let plan = r.planId { lines.append("\(c(.requestPlan)): \(c(.planNumber)) \(plan)") }
            if let reason = r.declineReason { lines += ["\(c.field(.reason)):", "  " + reason] }
            return TextViewScreen.Content(title: "\(c.entityName(.request)) \(id)", text: lines.joined(separator: "\n"))
        }
    }
}

extension RequestsScreen.Action: ListMoveActions {}
