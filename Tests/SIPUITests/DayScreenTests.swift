import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// The coordinator's day ("Att göra") as its screen, by the session's fixed clock (2026-11-20).
@Suite("The day screen: the coordinator's start, its lines, requests, and meeting mode")
struct DayScreenTests {
    /// Two children's plans in one group, the school and social services, a coordinator of each.
    struct World {
        let dir = TempDir()
        let library: Store
        let school: Agency
        let social: Agency
        let first: Plan
        let second: Plan

        init() throws {
            let library = try makeStore(dir)
            self.library = library
            let group = try library.addBusGroup(name: "Lokal BUS Dagby")
            let school = try library.addAgency(
                kind: "skola", principalName: "Dagby kommun", name: "Dagskolan", busGroupId: group.id)
            let social = try library.addAgency(
                kind: "socialtjanst", principalName: "Dagby kommun", name: "Socialtjänsten Dagby",
                busGroupId: group.id)
            (self.school, self.social) = (school, social)
            let today = library.context.today
            let plan = { (name: String, number: String) throws -> Plan in
                let child = try library.addChild(name: name, personalNumber: number, sex: .girl)
                return try library.createPlan(
                    NewPlan(childId: child.id!, busGroupId: group.id!, initiatorKind: .guardian, requestDate: today))
            }
            let first = try plan("Alva Dag", "20150312-0006")
            let second = try plan("Bea Dag", "20150312-0014")
            (self.first, self.second) = (first, second)
            var edited = try library.plan(first.id!)
            edited.followUpDate = today
            try library.updatePlan(edited)
            try library.addIntervention(
                planId: second.id!, what: "Läxhjälp", agencyId: school.id!, startDate: today.adding(days: -10),
                dueDate: today.adding(days: 3))
            try library.addUser(login: "ada", name: "Ada", role: .administrator, agencyId: nil)
            try library.addUser(
                login: "sara", name: "Sara Social", role: .coordinator, agencyId: social.id, allPlans: true)
            try library.addUser(login: "cora", name: "Cora Skola", role: .coordinator, agencyId: school.id)
        }

        func session(_ login: String) throws -> Store {
            let store = try Store(path: library.path, context: SessionContext(user: login, now: { fixedNow }))
            try store.signIn()
            return store
        }
    }

    @Test("a coordinator starts in the day: sections with counts, the total in the title, Enter opens the line's plan")
    func startAndOpen() throws {
        let w = try World()
        let app = App(store: try w.session("sara"), catalog: Catalog(.sv))
        guard let day = app.top as? DayScreen else {
            Issue.record("not the day: \(app.top)")
            return
        }
        #expect(day.lines.map(\.planId) == [w.first.id, w.second.id])
        let text = app.screenText
        #expect(text.contains("Att göra 2026-11-20"))
        #expect(text.contains("Uppföljningar (1)") && text.contains("Insatser att följa upp (1)"))
        #expect(text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces).hasSuffix(" 2") == true)
        #expect(text.contains("idag") && text.contains("2026-11-23") && text.contains("Läxhjälp"))
        // The selected line is one bar across the width, every cell of it, with the cursor at its start.
        for key in [Key.home, .end] {
            app.press(key)
            let grid = app.render()
            let row = grid.cursor.row
            #expect(grid.cursor.column == 0)
            #expect((0..<grid.width).allSatisfy { grid[row, $0].role == .selected }, "row \(row) after \(key)")
        }
        #expect((app.top as? DayScreen)?.selected == 1)
        app.press(.enter)
        #expect((app.top as? PlanDetailScreen)?.planId == w.second.id)
        app.press(.escape)
        app.press(.home, .enter)
        #expect((app.top as? PlanDetailScreen)?.planId == w.first.id)
        app.press(.escape)
        app.press(.pageDown)
        #expect((app.top as? DayScreen)?.selected == 1)
        app.press(.pageUp)
        #expect((app.top as? DayScreen)?.selected == 0)
        // Nothing to do: said so.
        let other = App(store: try w.session("cora"), catalog: Catalog(.en))
        #expect(other.top is DayScreen)
        #expect(other.screenText.contains("To do 2026-11-20"))
        other.press(.character("q"))
        #expect(other.isFinished)
    }

    @Test("a chair and an administrator keep their start screens")
    func otherRoles() throws {
        let w = try World()
        try w.library.addUser(login: "chad", name: "Chad", role: .busChair, agencyId: w.social.id)
        #expect(App(store: try w.session("chad"), catalog: Catalog(.sv)).top is ReviewScreen)
        #expect(App(store: try w.session("ada"), catalog: Catalog(.sv)).top is AdministrationScreen)
    }

    @Test("a request from the school reaches social services' day and inbox; accepted it opens as a plan")
    func requestAccepted() throws {
        let w = try World()
        let cora = try w.session("cora")
        let request = try cora.addRequest(
            NewRequest(
                toAgencyId: w.social.id!, askerName: "", askerFunction: "Rektor", childName: "Cia Ny",
                personalNumber: "20150312-0022", question: "Skolfrånvaro", consent: "Pappa skriftligt"))
        // The school sees it among its own, not in an inbox.
        let school = App(store: cora, catalog: Catalog(.sv))
        school.press(.character("m"))
        #expect((school.top as? RequestsScreen)?.rows.map(\.id) == [request.id!])
        #expect(school.screenText.contains("Cia Ny") && school.screenText.contains("ny"))
        school.press(.escape, .character("i"))
        #expect((school.top as? RequestsScreen)?.rows.isEmpty == true)

        let app = App(store: try w.session("sara"), catalog: Catalog(.sv))
        #expect(app.screenText.contains("Nya begäran om SIP (1)"))
        #expect(app.screenText.contains("Begäran \(request.id!)") && app.screenText.contains("från Dagskolan"))
        app.press(.end, .enter)
        guard let inbox = app.top as? RequestsScreen else {
            Issue.record("not the inbox: \(app.top)")
            return
        }
        #expect(inbox.current?.id == request.id)
        app.press(.character("a"))
        let form = try #require(app.top as? FormScreen)
        #expect(form.fields.first { $0.key == "childName" }?.value == "Cia Ny")
        #expect(form.fields.first { $0.key == "personalNumber" }?.value == "20150312-0022")
        #expect(form.fields.first { $0.key == "questions" }?.value == "Skolfrånvaro")
        #expect(form.fields.first { $0.key == "reason" }?.value == "Samtycke enligt begäran: Pappa skriftligt")
        app.press(.control("s"))
        let detail = try #require(app.top as? PlanDetailScreen)
        let plan = try w.library.plan(detail.planId)
        #expect(plan.coordinatorLogin == "sara" && plan.initiatorAgencyId == w.school.id)
        #expect(try cora.request(request.id!).status == .accepted)
        // Back on the day: the request is answered, gone from it.
        app.press(.escape, .escape)
        #expect(app.top is DayScreen)
        #expect(!app.screenText.contains("Nya begäran om SIP"))
    }

    @Test("declining needs a reason: without one nothing is saved; with one the school reads it")
    func requestDeclined() throws {
        let w = try World()
        let cora = try w.session("cora")
        let request = try cora.addRequest(
            NewRequest(
                toAgencyId: w.social.id!, askerName: "", childName: "Cia Ny", personalNumber: "20150312-0022",
                question: "Skolfrånvaro"))
        let app = App(store: try w.session("sara"), catalog: Catalog(.sv))
        app.press(.character("i"))
        app.press(.character("d"))
        #expect(app.top is FormScreen)
        app.press(.control("s"))
        #expect(app.top is FormScreen)
        #expect(app.screenText.contains("Anledning måste fyllas i."))
        #expect(try cora.request(request.id!).status == .new)
        app.type("Redan aktuellt hos oss")
        app.press(.control("s"))
        #expect(app.top is RequestsScreen)
        #expect(app.screenText.contains("Begäran avböjd."))
        #expect(try cora.request(request.id!).declineReason == "Redan aktuellt hos oss")
        // Answered: a second answer is refused with its reason, no form opens.
        app.press(.character("a"))
        #expect(app.top is RequestsScreen)
        #expect(app.screenText.contains("redan besvarad"))
    }

    @Test("from meeting mode no key reaches the day, the plan list or the requests; only leaving does")
    func meetingModeExits() throws {
        let w = try World()
        let sara = try w.session("sara")
        try w.library.addMeeting(
            planId: w.first.id!, kind: .first, startsAt: fixedNow.addingTimeInterval(3600), durationMinutes: 60,
            place: "Rum 1")
        let app = App(store: sara, catalog: Catalog(.sv))
        app.press(.home, .enter, .character("m"))
        guard app.top is MeetingScreen else {
            Issue.record("not in meeting mode: \(app.top)")
            return
        }
        let depth = app.stack.count
        // The day's and the list's keys, Esc, q and Ctrl-C: meeting mode stays, or asks first.
        for key in [Key.character("l"), .character("i"), .character("b"), .character("t"), .character("q")] {
            app.press(key)
            #expect(app.inMeetingMode)
            #expect(!app.screenText.contains("Bea Dag"), "\(key)")
            #expect(!app.screenText.contains("Att göra"), "\(key)")
            if app.overlay != nil { app.press(.escape) }
            if app.stack.count > depth { app.press(.escape) }
        }
        app.press(.escape)
        #expect(app.overlay == .confirm(.leaveMeeting))
        #expect(!app.screenText.contains("Bea Dag"))
        app.press(.enter)  // the default: stay
        #expect(app.top is MeetingScreen)
        app.handle(.control("c"))
        #expect(app.overlay == .confirm(.quitInMeeting))
        app.press(.enter)
        #expect(app.top is MeetingScreen && !app.isFinished)
        // Leaving deliberately, then back: the day is one Esc further.
        app.press(.escape, .down, .enter)
        #expect(app.top is PlanDetailScreen)
        app.press(.escape)
        #expect(app.top is DayScreen)
    }
}
