import SIPModel

/// The area a screen may draw in, and its top-left corner in the frame.
public struct Viewport: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var top: Int

    public init(width: Int, height: Int, top: Int = 0) {
        self.width = width
        self.height = height
        self.top = top
    }
}

/// What a screen asks the app to do. Screens never touch the database; the app performs effects.
public enum Effect: Equatable, Sendable {
    case query(PlanFilter)
    case openPlan(Int64)
    case editPlan(Int64)
    case newPlan
    case savePlan(Plan, fields: [String: String])
    case createPlan(NewPlanInput)
    /// A record form was filled in: the app validates and saves it.
    case submit(FormScreen.Mode, values: [String: String])
    case openForm(FormRequest)
    case openMeeting(Int64)
    case openInterventions(Int64)
    case showInvitation(Int64)
    case undo(Int64)
    case updateIntervention(Intervention)
    case attendance(meetingId: Int64, participantId: Int64, AttendanceStatus)
    case answer(participantId: Int64, InvitationAnswer)
    case saveNotes(itemId: Int64, notes: String)
    case registerDeviation(meetingId: Int64, participantId: Int64)
    case confirm(Confirmation)
    case openReview
    case loadReview(groupId: Int64?, from: Day, to: Day)
    case showReviewList(ReviewFigure, title: String)
    case showTrends(groupId: Int64?, to: Day)
    case openDeviations
    case showDeviation(Int64)
    case deviationStatus(Int64, DeviationStatus)
    case closeDeviation(Int64)
    case escalateDeviation(Int64, Escalation)
    case openSpider(groupId: Int64?)
    case back
    case quit
    case showHelp
    case redraw
    case message(String, isError: Bool)
}

/// What the create form collects: enough to open a plan for a child from a request.
public struct NewPlanInput: Equatable, Sendable {
    public var childName: String
    public var personalNumber: String
    public var birthDate: String
    public var sex: Sex
    public var busGroupId: Int64
    public var initiator: InitiatorKind
    public var requestDate: String
    public var reason: String
    public var questions: String

    public var fields: [String: String] {
        ["childName": childName, "personalNumber": personalNumber, "birthDate": birthDate, "sex": sex.rawValue,
         "busGroupId": String(busGroupId), "initiator": initiator.rawValue, "requestDate": requestDate,
         "reason": reason, "questions": questions]
    }
}

/// Keys every screen understands; listed in every help overlay.
public enum GlobalAction: Hashable, Sendable { case help, redraw }

public enum GlobalKeys {
    /// `?` is a help key only where letters are not text; F1 (or Esc 1) works everywhere.
    public static func table(typing: Bool) -> KeyTable<GlobalAction> {
        KeyTable([
            KeyBinding(typing ? [.function(1)] : [.character("?"), .function(1)], .help, .help, hint: true),
            KeyBinding([.control("l")], .redraw, .redraw),
        ])
    }
}

/// Lines wrapped to the width last drawn, kept until the width changes: a screen's text is
/// wrapped once, not at every key.
struct Wrapped<Line: Equatable & Sendable>: Equatable, Sendable {
    var width = -1
    var lines: [Line] = []
}

/// Shared drawing: the title bar, the hint bar and list scrolling.
enum Chrome {
    static func titleBar(_ grid: inout Grid, left: String, right: String) {
        grid.fill(row: 0, column: 0, count: grid.width, role: .title)
        let rightWidth = DisplayWidth.of(right)
        let room = grid.width - (rightWidth > 0 ? rightWidth + 2 : 0)
        grid.put(" " + left, row: 0, column: 0, maxWidth: max(0, room), role: .title)
        if rightWidth > 0 && rightWidth + 2 < grid.width {
            grid.put(right, row: 0, column: grid.width - rightWidth - 1, role: .title)
        }
    }

    /// The keys valid now, as many as fit: "Enter Öppna  / Filtrera  ? Hjälp".
    static func hintBar(_ grid: inout Grid, hints: [(keys: String, text: String)]) {
        let row = grid.height - 1
        grid.fill(row: row, column: 0, count: grid.width, role: .hint)
        var x = 0
        for hint in hints {
            let need = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.text) + 2
            if x + need - 2 > grid.width { break }
            x += grid.put(hint.keys, row: row, column: x, role: .hintKey)
            x += grid.put(" " + hint.text, row: row, column: x, maxWidth: grid.width - x, role: .hint) + 2
        }
    }

    /// Keeps `selected` within the `height` rows shown from `top`.
    static func scroll(top: Int, selected: Int, height: Int, count: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = min(top, max(0, count - height))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        return max(0, top)
    }
}

/// Which record form to open.
public enum FormRequest: Equatable, Sendable {
    case consent(Int64), withdrawConsent(Int64), meeting(Int64), close(Int64), export(Int64), copy(Int64)
    case familyMember(Int64), participant(Int64)
    case deviation(planId: Int64?), answerDeviation(Int64), selfAssessment(Int64)
    case intervention(Int64, Intervention?, status: InterventionStatus?)
}

/// A question that needs a deliberate yes before the app acts.
public enum Confirmation: Equatable, Sendable {
    case leaveMeeting
    case finishMeeting(meetingId: Int64)
    case closeDeviation(Int64)
}
