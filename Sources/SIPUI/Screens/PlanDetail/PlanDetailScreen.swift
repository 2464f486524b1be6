import SIPModel

/// Every section of one plan, readable at 80x24 by scrolling. The focused line carries the cursor.
public struct PlanDetailScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case up, down, pageUp, pageDown, first, last, edit, back
        case meeting, interventions, consent, withdrawConsent, schedule, invitation, export, copy, close, undo
        case family, participant, deviation
    }

    public let planId: Int64
    public private(set) var document: PlanDocument
    public private(set) var lines: [ReportLine]
    public private(set) var focus = 0
    public private(set) var top = 0
    /// The lines wrapped to the last width drawn: wrapping a whole plan is most of the work of a
    /// frame, and a key that only moves the focus does not change it.
    private var wrapped = Wrapped<VisualLine>()

    struct VisualLine: Equatable, Sendable {
        var text: String
        var indent: Int
        var role: StyleRole
    }

    public init(document: PlanDocument, catalog: Catalog) {
        planId = document.plan.id
        self.document = document
        lines = TextReports.planLines(document, catalog: catalog)
    }

    public static let keys = KeyTable<Action>([
        KeyBinding([.character("e"), .enter], .edit, .edit, hint: true),
        KeyBinding([.character("m")], .meeting, .meetingMode, hint: true),
        KeyBinding([.character("i")], .interventions, .interventions, hint: true),
        KeyBinding([.character("b")], .schedule, .scheduleMeeting, hint: true),
        KeyBinding([.character("u")], .undo, .undo, hint: true),
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        KeyBinding([.character("c")], .consent, .addConsent),
        KeyBinding([.character("w")], .withdrawConsent, .withdrawConsent),
        KeyBinding([.character("v")], .invitation, .showInvitation),
        KeyBinding([.character("x")], .export, .exportPlan),
        KeyBinding([.character("l")], .copy, .copyGiven),
        KeyBinding([.character("a")], .close, .closePlan),
        KeyBinding([.character("f")], .family, .addFamilyMember),
        KeyBinding([.character("d")], .participant, .inviteAgency),
        KeyBinding([.character("r")], .deviation, .newDeviation),
        KeyBinding([.up, .character("k")], .up, .up),
        KeyBinding([.down, .character("j")], .down, .down),
        KeyBinding([.pageUp], .pageUp, .pageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .pageDown),
        KeyBinding([.home, .character("g")], .first, .first),
        KeyBinding([.end, .character("G")], .last, .last),
    ])

    public mutating func reload(_ document: PlanDocument, catalog: Catalog) {
        self.document = document
        lines = TextReports.planLines(document, catalog: catalog)
        wrapped = Wrapped()
    }

    /// The lines at `width`, from the cache when it holds that width.
    func visualLines(width: Int) -> [VisualLine] {
        wrapped.width == width ? wrapped.lines : wrap(width: width)
    }

    private mutating func cachedLines(width: Int) -> [VisualLine] {
        if wrapped.width != width { wrapped = Wrapped(width: width, lines: wrap(width: width)) }
        return wrapped.lines
    }

    /// Report lines wrapped to the width, each visual line with its indent and role.
    private func wrap(width: Int) -> [VisualLine] {
        var out: [VisualLine] = []
        for line in lines {
            let role: StyleRole = switch line.kind {
            case .title: .label
            case .heading: .header
            case .warning: .warning
            case .body: .normal
            }
            if line.kind == .heading { out.append(VisualLine(text: "", indent: 0, role: .normal)) }
            let indent = min(line.indent, max(0, width / 4))
            // Continuation lines sit two columns further in: wrap to the narrower of the two.
            let wrapped = DisplayWidth.wrap(line.text, width: max(8, width - indent - 3))
            for (n, part) in wrapped.enumerated() {
                out.append(VisualLine(text: part, indent: indent + (n > 0 ? 2 : 0), role: role))
            }
        }
        return out
    }

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
        guard let action = Self.keys.action(for: key) else { return [] }
        let count = cachedLines(width: viewport.width).count
        let page = max(1, viewport.height - 1)
        switch action {
        case .up: focus -= 1
        case .down: focus += 1
        // A page key turns the page: the view moves with the focus, as in a pager.
        case .pageUp:
            focus -= page
            top = max(0, top - page)
        case .pageDown:
            focus += page
            top += page
        case .first: focus = 0
        case .last: focus = count - 1
        case .edit: return [.editPlan(planId)]
        case .back: return [.back]
        case .meeting: return [.openMeeting(planId)]
        case .interventions: return [.openInterventions(planId)]
        case .consent: return [.openForm(.consent(planId))]
        case .withdrawConsent: return [.openForm(.withdrawConsent(planId))]
        case .schedule: return [.openForm(.meeting(planId))]
        case .invitation: return [.showInvitation(planId)]
        case .export: return [.openForm(.export(planId))]
        case .copy: return [.openForm(.copy(planId))]
        case .close: return [.openForm(.close(planId))]
        case .undo: return [.undo(planId)]
        case .family: return [.openForm(.familyMember(planId))]
        case .participant: return [.openForm(.participant(planId))]
        case .deviation: return [.openForm(.deviation(planId: planId))]
        }
        focus = min(max(0, focus), max(0, count - 1))
        return []
    }

    public mutating func render(into grid: inout Grid, viewport: Viewport) {
        let visual = cachedLines(width: viewport.width)
        focus = min(focus, max(0, visual.count - 1))
        top = Chrome.scroll(top: top, selected: focus, height: viewport.height, count: visual.count)
        for (offset, line) in visual[top..<min(visual.count, top + viewport.height)].enumerated() {
            let y = viewport.top + offset
            let focused = top + offset == focus
            if focused { grid.fill(row: y, column: 0, count: viewport.width, role: .selected) }
            grid.put(line.text, row: y, column: line.indent, maxWidth: viewport.width - line.indent,
                     role: focused ? .selected : line.role)
        }
        grid.cursor = Position(row: viewport.top + focus - top, column: visual.isEmpty ? 0 : visual[focus].indent)
    }

    /// "12/80": where in the plan the reader is.
    public func position(viewport: Viewport) -> String {
        "\(focus + 1)/\(visualLines(width: viewport.width).count)"
    }
}
