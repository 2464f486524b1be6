import Foundation
import SIPModel
import SIPWidgets

/// The coordinator's start screen ("Att göra"): the day's sections (`DaySchedule`), each line
/// opening its plan (or the request). The plan list is one key away (l) and back (t); the
/// requests' inbox and the user's own requests are a key each.
public struct DayScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case up, down, pageUp, pageDown, first, last, open, planList, inbox, myRequests, newRequest, newPlan
        case deviations, quit
    }

    public private(set) var schedule: DaySchedule?
    /// Every line, section after section, as listed.
    public private(set) var lines: [DayLine] = []
    /// The selected line (an index into `lines`).
    public private(set) var selected = 0
    /// Where the list is scrolled to; its selection is the selected line's display row.
    private var scroll = ListState()

    public init() {}

    public typealias Loaded = DaySchedule

    public static let keys = KeyTable<Action>(
        "day",
        [
            KeyBinding([.enter], .open, .open, hint: true),
            KeyBinding([.character("l")], .planList, .planList, hint: true),
            KeyBinding([.character("i")], .inbox, .requestInbox, hint: true),
            KeyBinding([.character("b")], .newRequest, .newRequest, hint: true),
            KeyBinding([.character("m")], .myRequests, .myRequests),
            KeyBinding([.character("n")], .newPlan, .newPlan),
            KeyBinding([.character("a")], .deviations, .deviationRegister),
            KeyBinding([.character("q")], .quit, .quit, hint: true),
        ] + ListKeys.bindings(Action.init(listMove:)))

    public var keys: KeyTable<Action> { Self.keys }

    public var current: DayLine? { lines.indices.contains(selected) ? lines[selected] : nil }

    /// Shown, or back on top: the day as it is now.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<DaySchedule>] {
        [.query { session in try session.store.daySchedule() }]
    }

    public mutating func receive(_ schedule: DaySchedule) {
        let was = current
        self.schedule = schedule
        lines = schedule.sections.flatMap(\.lines)
        // The selection stays on the same line when it is still listed.
        selected =
            lines.firstIndex {
                $0.section == was?.section && $0.planId == was?.planId && $0.requestId == was?.requestId
            }
            ?? min(selected, max(0, lines.count - 1))
    }

    public mutating func update(_ message: Message<DaySchedule>, _ env: ScreenEnvironment) -> [Command<DaySchedule>] {
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport)
        case .loaded(let schedule):
            receive(schedule)
        case .unreadable(let error), .refused(let error):
            return [.error(error)]
        case .saved, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        let c = env.catalog
        let day = schedule?.today ?? env.today
        return ("\(c(.dayTitle)) \(day.iso)", schedule.map(\.totalText) ?? "")
    }

    mutating func handle(_ key: Key, viewport: Viewport) -> [Command<DaySchedule>] {
        guard let action = Self.keys.action(for: key) else { return [] }
        let page = max(1, viewport.height - 1)
        switch action {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first: move(by: -lines.count)
        case .last: move(by: lines.count)
        case .open:
            guard let line = current else { return [] }
            if let plan = line.planId { return [.push(PlanDetailScreen(planId: plan))] }
            if let request = line.requestId { return [.push(RequestsScreen(scope: .inbox, selecting: request))] }
        case .planList:
            var list = PlanListScreen()
            list.offersReview = false
            list.returnsToDay = true
            return [.push(list)]
        case .inbox: return [.push(RequestsScreen(scope: .inbox))]
        case .myRequests: return [.push(RequestsScreen(scope: .mine))]
        case .newRequest: return [.push(FormScreen(RequestForm()))]
        case .newPlan: return [.push(FormScreen(PlanCreateForm()))]
        case .deviations: return [.push(DeviationsScreen())]
        case .quit: return [.quit]
        }
        return []
    }

    private mutating func move(by delta: Int) {
        selected = min(max(0, selected + delta), max(0, lines.count - 1))
    }

    // MARK: Rendering

    /// A row of the screen: a section's heading, or one of its lines.
    enum Row: Equatable {
        case heading(DaySection, Int)
        case line(Int)
    }

    /// The headings and lines in order; sections without lines are left out.
    var rows: [Row] {
        guard let schedule else { return [] }
        var rows: [Row] = []
        var index = 0
        for part in schedule.sections where part.count > 0 {
            rows.append(.heading(part.section, part.count))
            for _ in part.lines {
                rows.append(.line(index))
                index += 1
            }
        }
        return rows
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, c = env.catalog
        guard schedule != nil else { return }
        let rows = rows
        guard !lines.isEmpty else {
            grid.put(c(.nothingToDo), row: viewport.top + 1, column: 1, maxWidth: viewport.width - 2)
            grid.cursor = Position(row: viewport.top + 1, column: 1)
            return
        }
        // The selected line's row; when it is a section's first, its heading shows above it.
        let selectedRow = rows.firstIndex(of: .line(selected)) ?? 0
        scroll.selected =
            selectedRow > 0 && rows[selectedRow - 1] != .line(selected - 1) ? selectedRow - 1 : selectedRow
        scroll.scroll(height: viewport.height, count: rows.count)
        scroll.selected = selectedRow
        let (dateWidth, idWidth) = (16, 12)
        let nameWidth = max(8, (viewport.width - dateWidth - idWidth - 4) * 2 / 5)
        // Two columns stay for the overdue mark.
        let detailWidth = max(1, viewport.width - dateWidth - idWidth - nameWidth - 6)
        let zone = env.timeZone, today = schedule?.today ?? env.today
        ListView.draw(
            into: &grid, top: viewport.top, height: viewport.height, width: viewport.width, count: rows.count,
            state: &scroll
        ) { grid, index, y, isSelected in
            switch rows[index] {
            case .heading(let section, let count):
                grid.put("\(c.daySection(section)) (\(DaySchedule.countText(count)))", row: y, column: 0, role: .header)
            case .line(let number):
                let line = lines[number]
                let role: StyleRole = isSelected ? .selected : line.overdue ? .warning : .normal
                var x = 0
                for (text, width) in [
                    (Self.when(line, today: today, zone: zone, catalog: c), dateWidth),
                    (Self.reference(line, catalog: c), idWidth), (line.childName, nameWidth),
                    (Self.detail(line, catalog: c), detailWidth),
                ] {
                    grid.put(
                        text, row: y, column: x + 1, maxWidth: width,
                        role: x == 0 ? role : isSelected ? .selected : .normal)
                    x += width + 1
                }
                // On the selected row every cell keeps the selection's style (the mark too): the row is one bar.
                if line.overdue {
                    grid.put("!", row: y, column: viewport.width - 1, role: isSelected ? .selected : .warning)
                }
            }
        }
    }

    /// The line's date (and a meeting's time), today's marked so.
    static func when(_ line: DayLine, today: Day, zone: TimeZone, catalog c: Catalog) -> String {
        if let starts = line.startsAt {
            let day = Day(starts, in: zone)
            let time = LocalTimeText.short(starts, zone).split(separator: " ").last.map(String.init) ?? ""
            return (day == today ? c(.todayWord) : day.iso) + " " + time
        }
        guard let day = line.day else { return "" }
        return day == today ? c(.todayWord) : day.iso
    }

    static func reference(_ line: DayLine, catalog c: Catalog) -> String {
        if let plan = line.planId { return "\(c(.planNumber)) \(plan)" }
        if let request = line.requestId { return "\(c.entityName(.request)) \(request)" }
        return ""
    }

    static func detail(_ line: DayLine, catalog c: Catalog) -> String {
        switch line.section {
        case .quietPlans: return line.startsAt == nil ? c(.quietNoMeeting) : c(.quietLastMeeting)
        case .withdrawnConsents: return "\(c(.withdrawnBy)) \(line.detail)"
        case .interpretersMissing: return "\(c(.interpreterIn)) \(line.detail)"
        case .followUps: return line.detail.isEmpty ? "" : "\(c(.followUpBy)): \(line.detail)"
        case .newRequests: return "\(c(.requestFrom)) \(line.detail)"
        case .unansweredInvitations:
            // The reply-by day, and how many invited organisations have not answered.
            return "\(c(.replyByWas)) \(line.day?.iso ?? ""): \(line.detail) \(c(.notAnswered))"
        case .meetingsToday, .meetingsThisWeek, .interventions: return line.detail
        }
    }
}

extension DayScreen.Action: ListMoveActions {}
