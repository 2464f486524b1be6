import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Screens on their own: keys and canned answers in, commands and a grid out. No database is
/// opened: what a screen would read is handed to it as the message its query would bring.
@Suite("Screens on their own, with canned messages")
struct ScreenLoopTests {
    static let today = Day(year: 2026, month: 11, day: 20)!
    let env = ScreenEnvironment(
        catalog: Catalog(.sv), today: Self.today, viewport: Viewport(width: 80, height: 21, top: 1),
        width: 80)

    func draw<S: AppScreen>(_ screen: inout S) -> Grid {
        var grid = Grid(width: 80, height: 24)
        screen.render(into: &grid, env)
        return grid
    }

    static func summary(_ id: Int64, _ name: String, overdue: Bool = false) throws -> PlanSummary {
        try PlanSummary(
            row: Row([
                "id": id, "childName": name, "personalNumber": "20150312-0008", "status": "active",
                "busGroup": "Norr", "leadAgency": "Skolan", "leadPerson": "", "followUpDate": "2026-12-01",
                "nextMeeting": nil, "nextDue": nil, "overdue": overdue,
            ]))
    }

    static func plan(_ id: Int64, childView: String = "", version: Int = 1) throws -> Plan {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var row: [String: (any DatabaseValueConvertible)?] = [
            "id": id, "childId": 1, "busGroupId": 1, "initiatorKind": "guardian", "initiatorAgencyId": nil,
            "initiatorPerson": "", "requestDate": "2026-11-01", "leadAgencyId": nil, "status": "active",
            "closedReason": nil, "closedKind": nil, "followUpDate": nil, "version": version,
            "createdAt": now, "updatedAt": now,
        ]
        for field in [
            "reason", "questions", "currentSituation", "childGoals", "longTermGoals", "shortTermGoals",
            "familyOwnActions", "leadPerson", "outsideCoordinator", "followUpCaller",
        ] {
            row[field] = ""
        }
        row["childView"] = childView
        return try Plan(row: Row(row))
    }

    // MARK: The plan list

    @Test("the plan list asks for its window, draws what comes back, and opens the plan chosen")
    func planList() throws {
        var list = PlanListScreen()
        let asked = list.load(env)
        #expect(asked.count == 1 && asked.first?.isQuery == true)
        _ = list.update(
            .loaded(
                .init(
                    rows: [try Self.summary(3, "Märta Åberg"), try Self.summary(4, "Olle Berg", overdue: true)],
                    total: 2, offset: 0, databaseIsEmpty: false)), env)
        var grid = draw(&list)
        #expect(grid.line(3).hasPrefix("3") && grid.line(3).contains("Märta Åberg"))
        #expect(grid.line(4).contains("Olle Berg") && grid.line(4).trimmingCharacters(in: .whitespaces).hasSuffix("!"))
        #expect(grid.cursor.row == 3)
        #expect(list.title(env).right == "2 planer")

        _ = list.update(.key(.down), env)
        grid = draw(&list)
        #expect(grid.cursor.row == 4)
        let opened = list.update(.key(.enter), env)
        #expect((opened.first?.pushed as? PlanDetailScreen)?.planId == 4)

        // Typing a filter asks again, from the first window; q is a letter of it, not quit.
        _ = list.update(.key(.character("/")), env)
        #expect(list.isTyping)
        let typed = list.update(.key(.character("q")), env)
        #expect(typed.count == 1 && typed.first?.isQuery == true && list.query.offset == 0 && list.query.search == "q")
        _ = list.update(.loaded(.init(rows: [], total: 0, offset: 0, databaseIsEmpty: false)), env)
        #expect(draw(&list).text.contains("Inga planer matchar filtret."))

        // A refused read is said, not swallowed.
        let refused = list.update(.refused(SIPError.notFound(.plan, 3)), env)
        #expect(refused.first?.isError == true)
    }

    @Test("a plan created elsewhere is selected in the list once it is shown again")
    func planListNotice() throws {
        var list = PlanListScreen()
        _ = list.update(
            .loaded(
                .init(
                    rows: [try Self.summary(3, "A"), try Self.summary(9, "B")], total: 2, offset: 0,
                    databaseIsEmpty: false)), env)
        #expect(list.selectedId == 3)
        _ = list.update(.notice(.planCreated(9)), env)
        _ = list.update(
            .loaded(
                .init(
                    rows: [try Self.summary(3, "A"), try Self.summary(9, "B")], total: 2, offset: 0,
                    databaseIsEmpty: false)), env)
        #expect(list.selectedId == 9)
    }

    // MARK: The form

    func editForm(childView: String = "") throws -> FormScreen {
        var form = FormScreen(PlanEditForm(planId: 7))
        #expect(form.load(env).first?.isQuery == true)
        let plan = try Self.plan(7, childView: childView)
        let fields = [
            FormField(key: "reason", label: "Anledning", text: "", multiline: true),
            FormField(key: "childView", label: "Barnets syn", text: childView, multiline: true),
            FormField(key: "followUpDate", label: "Uppföljning", text: ""),
        ]
        _ = form.update(
            .loaded(.opened(FormContent(title: "Redigera plan 7", fields: fields, plan: plan), draft: nil)), env)
        return form
    }

    @Test("the form: typing marks it changed, saving asks for a mutation, refusals land beside their fields")
    func form() throws {
        var form = try editForm()
        #expect(form.title(env).left == "Redigera plan 7")
        #expect(form.update(.key(.function(2)), env).first?.status == "Inget att spara.")
        _ = form.update(.key(.tab), env)
        for c in "Jag vill" { _ = form.update(.key(.character(c)), env) }
        #expect(form.isDirty && form.values["childView"] == "Jag vill")

        // Esc on a changed form asks; a no leaves without saving.
        #expect(form.update(.key(.escape), env).first?.confirmation == .unsavedChanges)

        let save = form.update(.key(.control("s")), env)
        #expect(save.count == 1 && save.first?.isMutation == true)
        let refused = form.update(
            .refused(FieldErrors([.init(key: "followUpDate", message: "\"x\" är inget giltigt datum")])), env)
        #expect(refused.first?.status == "Rätta de markerade fälten först.")
        #expect(form.fields[form.focus].key == "followUpDate")
        let grid = draw(&form)
        #expect(grid.text.contains("Uppföljning *") && grid.text.contains("är inget giltigt datum"))

        // Saved: the form leaves and says so.
        let saved = form.update(.saved(.submitted(.saved("Sparat."))), env)
        #expect(saved.first?.isPop == true && saved.last?.status == "Sparat.")
    }

    @Test("a conflict keeps what was typed and shows what the other session saved, field by field")
    func formConflict() throws {
        var form = try editForm(childView: "start")
        _ = form.update(.key(.tab), env)
        _ = form.update(.key(.character("!")), env)
        let mine = try Self.plan(7, childView: "start!", version: 1)
        let theirs = try Self.plan(7, childView: "deras", version: 2)
        let commands = form.update(.refused(SIPError.conflict(PlanConflict(mine: mine, theirs: theirs))), env)
        #expect(commands.first?.isError == true || commands.first?.status != nil)
        #expect(form.values["childView"] == "start!" && form.fields[1].theirs == "deras")
        #expect(draw(&form).text.contains("deras"))
        // A draft kept now remembers the version the typing started from.
        guard case .planDraft(7, let draft)? = form.unsavedWork.first else {
            Issue.record("no draft")
            return
        }
        #expect(draft[FormScreen.draftVersionKey] == "1" && draft["childView"] == "start!")
        form.takeTheirs()
        #expect(form.values["childView"] == "deras" && form.conflict == nil && form.plan?.version == 2)
    }

    // MARK: Meeting mode

    static func meetingSetup() throws -> MeetingScreen.Setup {
        let meeting = try Meeting(
            row: Row([
                "id": 5, "planId": 7, "kind": "first", "startsAt": Date(timeIntervalSince1970: 1_790_000_000),
                "durationMinutes": 90, "place": "", "videoLink": "", "minutes": "", "held": false,
            ]))
        let parties = try [(1, "Stina", "Mentor"), (2, "Per", "Vårdnadshavare")].map { id, person, role in
            MeetingScreen.Party(
                participant: try Participant(
                    row: Row([
                        "id": id, "planId": 7, "agencyId": nil, "familyMemberId": nil, "person": person, "role": role,
                        "invitationKind": "kallelse", "answer": "no_answer",
                    ])), agencyName: nil)
        }
        let agenda = try [(11, 1, "Inledning"), (12, 2, "Nuläge")].map { id, position, title in
            try AgendaItem(row: Row(["id": id, "meetingId": 5, "position": position, "title": title, "notes": ""]))
        }
        return MeetingScreen.Setup(
            meeting: meeting, title: "Mötesläge · Plan 7", parties: parties, attendance: [:],
            agenda: agenda, guidance: [1: "Presentera er."], context: [2: ["Nuläge: skolan"]],
            consentWithdrawn: false)
    }

    @Test("meeting mode: attendance by keys, notes typed in, leaving needs a yes and saves the notes first")
    func meeting() throws {
        var meeting = MeetingScreen(planId: 7)
        #expect(meeting.load(env).first?.isQuery == true)
        _ = meeting.update(.loaded(.opened(try Self.meetingSetup())), env)
        var grid = draw(&meeting)
        #expect(grid.text.contains("Stina, Mentor") && grid.text.contains("Per, Vårdnadshavare"))
        #expect(!meeting.isTyping)

        // Space records the chosen party's attendance at once.
        _ = meeting.update(.key(.down), env)
        let recorded = meeting.update(.key(.character(" ")), env)
        #expect(recorded.count == 1 && recorded.first?.isRun == true && meeting.attendance[2] == .present)

        // In an agenda item letters are notes, and q is one of them.
        _ = meeting.update(.key(.tab), env)
        #expect(meeting.isTyping)
        for c in "qjag" { _ = meeting.update(.key(.character(c)), env) }
        grid = draw(&meeting)
        #expect(
            grid.text.contains("1. Inledning") && grid.text.contains("qjag") && grid.text.contains("Presentera er."))
        #expect(meeting.unsavedWork == [.agendaNotes(itemId: 11, notes: "qjag")])

        // Esc saves the notes and asks; nothing leaves until the yes comes back.
        let leaving = meeting.update(.key(.escape), env)
        #expect(leaving.count == 2 && leaving[0].isMutation && leaving[1].confirmation == .leaveMeeting)
        _ = meeting.update(.saved(.notesSaved(itemId: 11, notes: "qjag")), env)
        #expect(meeting.unsavedWork.isEmpty)
        #expect(meeting.update(.declined(.leaveMeeting), env).isEmpty)
        #expect(meeting.update(.confirmed(.leaveMeeting), env).first?.isPop == true)
    }

    @Test("meeting mode without a meeting is not shown: it leaves at once, with the reason")
    func meetingWithoutMeeting() {
        var meeting = MeetingScreen(planId: 7)
        let commands = meeting.update(.unreadable(NoMeeting()), env)
        #expect(commands.first?.isDismiss == true && commands.last?.isError == true)
    }
}

/// What a command is, for assertions (its closures cannot be compared).
extension Command {
    var isQuery: Bool { if case .query = self { true } else { false } }
    var isMutation: Bool { if case .mutation = self { true } else { false } }
    var isRun: Bool { if case .run = self { true } else { false } }
    var isPop: Bool { if case .pop = self { true } else { false } }
    var isDismiss: Bool { if case .dismiss = self { true } else { false } }
    var isError: Bool { if case .error = self { true } else { false } }
    var pushed: (any AppScreen)? { if case .push(let screen) = self { screen } else { nil } }
    var confirmation: SIPUI.Confirmation? { if case .confirm(let question) = self { question } else { nil } }
    var status: String? { if case .status(let text, _) = self { text } else { nil } }
}
