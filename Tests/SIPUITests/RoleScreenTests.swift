import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// The first screen and the keys follow the signed-in user's role.
@Suite("Each role's screens")
struct RoleScreenTests {
    /// A demo database (made unsigned), an administrator, a chair of group 1 and a coordinator of one school.
    struct World {
        let dir = TempDir()
        let demo: Store
        let group: BusGroup
        let school: Agency

        init() throws {
            demo = try makeStore(dir, demoPlans: 30, user: "demo")
            group = try demo.busGroups().first { $0.id == 1 }!
            school = try demo.agencies(forGroup: 1).first { $0.kind == "skola" }!
            // The demo made its user ("demo") a coordinator; the unsigned library adds the administrator.
            try demo.addUser(login: "ada", name: "Ada", role: .administrator, agencyId: nil)
            let admin = try session("ada")
            try admin.addUser(login: "chad", name: "Chad", role: .busChair, agencyId: nil, busGroupId: group.id)
            try admin.addUser(login: "cora", name: "Cora", role: .coordinator, agencyId: school.id)
        }

        func session(_ login: String) throws -> Store {
            let store = try Store(path: demo.path, context: SessionContext(user: login, now: { fixedNow }))
            try store.signIn()
            return store
        }

        /// Every child's name in the database.
        var childNames: [String] {
            get throws { try demo.read { db in try String.fetchAll(db, sql: "SELECT name FROM child") } }
        }
    }

    @Test("a chair starts in their group's review, reaches the register with a, cannot switch group, and sees no name")
    func chair() throws {
        let w = try World()
        let app = App(store: try w.session("chad"), catalog: Catalog(.sv))
        guard let review = app.top as? ReviewScreen else {
            Issue.record("not the review: \(app.stack)")
            return
        }
        #expect(review.groupId == w.group.id)
        #expect(app.screenText.contains("BUS-granskning · \(w.group.name)"))
        app.press(.character("g"))
        #expect(app.screenText.contains(w.group.name) && !app.screenText.contains("Alla grupper"))
        app.press(.character("a"))
        guard let register = app.top as? DeviationsScreen else {
            Issue.record("no register")
            return
        }
        let visible = try w.session("chad").deviationSummaries()
        #expect(register.rows == visible)
        #expect(try visible.count < w.demo.deviationSummaries().count)
        for name in try w.childNames { #expect(!app.screenText.contains(name)) }
        app.press(.escape)
        app.press(.escape)  // Esc on the first screen goes nowhere
        #expect(!app.isFinished)
        app.press(.character("q"))
        #expect(app.isFinished)
    }

    @Test("a coordinator starts in their day; the plans of their organisation are l away, and back; no review key")
    func coordinator() throws {
        let w = try World()
        let cora = try w.session("cora")
        let app = App(store: cora, catalog: Catalog(.sv))
        guard let day = app.top as? DayScreen else {
            Issue.record("not the day: \(app.top)")
            return
        }
        #expect(day.schedule == (try cora.daySchedule()))
        app.press(.character("l"))
        guard let list = app.top as? PlanListScreen else {
            Issue.record("not the list")
            return
        }
        #expect(app.screenText.contains("t Att göra"))
        #expect(!list.rows.isEmpty)
        #expect(list.rows.count < (try w.demo.planSummaries().count))
        #expect(list.rows == (try cora.planSummaries()))
        app.press(.character("r"))
        guard app.top is PlanListScreen else {
            Issue.record("r opened \(app.top)")
            return
        }
        #expect(!app.helpEntries.contains { $0.text == Catalog(.sv).ui(.review) })
        app.press(.character("t"))
        #expect(app.top is DayScreen)
        #expect(app.stack.count == 1)
    }

    @Test("an administrator starts in the users and settings, with no plan in sight")
    func administrator() throws {
        let w = try World()
        let app = App(store: try w.session("ada"), catalog: Catalog(.sv))
        let text = app.screenText
        #expect(text.contains("Administration") && text.contains("chad") && text.contains("cora"))
        #expect(text.contains("BUS-ordförande"))
        for name in try w.childNames { #expect(!text.contains(name)) }
        app.press(.escape)
        #expect(!app.isFinished)
        app.press(.character("q"))
        #expect(app.isFinished)
    }

    @Test("the administrator's user table is laid out again when the terminal widens or narrows")
    func administratorResize() throws {
        let w = try World()
        let app = App(store: try w.session("ada"), catalog: Catalog(.sv), width: 60, height: 24)
        func chairLine() -> String {
            app.screenText.split(separator: "\n").first { $0.contains("chad") }.map(String.init) ?? ""
        }
        #expect(!chairLine().contains(w.group.name) && chairLine().contains("…"))
        app.resize(width: 120, height: 24)
        #expect(chairLine().contains(w.group.name))
        app.resize(width: 60, height: 24)
        // Narrower than the table: the columns give way and each user stays on one line, the group cut.
        #expect(
            !chairLine().contains(w.group.name) && chairLine().contains("BUS-ordförande") && chairLine().contains("…"))
    }

    @Test("a role taken away in an open session: the register and the interventions say so and stay up")
    func roleTakenAwayMidSession() throws {
        let w = try World()
        let app = App(store: try w.session("cora"), catalog: Catalog(.sv))
        app.press(.character("a"))
        guard let register = app.top as? DeviationsScreen, !register.rows.isEmpty else {
            Issue.record("no register")
            return
        }
        try w.session("ada").setRole(login: "cora", role: .administrator)
        app.press(.enter)  // the deviation cannot be read now: refused, and the register is left as it was
        #expect(app.top is DeviationsScreen)
        #expect(app.message?.isError == true && app.screenText.contains("administratör"))
        app.press(.character("s"))  // a refused change reloads the register, which is refused too
        #expect(app.top is DeviationsScreen && app.message?.isError == true)

        let cora = try w.session("ada")
        try cora.setRole(login: "cora", role: .coordinator, agencyId: w.school.id)
        let again = App(store: try w.session("cora"), catalog: Catalog(.sv))
        again.press(.enter, .character("i"))
        guard again.top is InterventionsScreen else {
            Issue.record("no interventions")
            return
        }
        try w.session("ada").setRole(login: "cora", role: .administrator)
        again.press(.character("d"))
        #expect(again.top is InterventionsScreen && again.message?.isError == true)
        again.press(.escape)
        #expect(again.message?.isError == true && !again.isFinished)
    }

    @Test("a screen that cannot open leaves the one below as it was: no second read of the plan, no audit line")
    func failedOpenReadsNothingAgain() throws {
        let w = try World()
        let cora = try w.session("cora")
        // A new request: no meeting booked yet.
        let draft = try cora.createPlan(
            childName: "Tove Lind", personalNumber: nil, birthDate: "2016-04-02", sex: .girl,
            busGroupId: w.group.id, newBusGroupName: nil, initiatorKind: .guardian,
            requestDate: Day(year: 2026, month: 11, day: 2)!, reason: "", questions: "")
        let app = App(store: cora, catalog: Catalog(.sv))
        app.open(plan: draft.id!)
        func views() throws -> Int {
            try w.demo.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog WHERE entity = 'plan' AND action = 'view'")!
            }
        }
        let before = try views()
        app.press(.character("m"))  // a draft has no meeting: meeting mode does not open
        #expect(app.top is PlanDetailScreen && app.screenText.contains(Catalog(.sv).ui(.noMeeting)))
        #expect(try views() == before)
    }

    @Test("the administrator's screen, laid out again for a new width, starts at its top")
    func administratorResizeScroll() throws {
        let w = try World()
        let app = App(store: try w.session("ada"), catalog: Catalog(.sv), width: 50, height: 12)
        app.press(.character(" "), .character(" "))
        #expect(!app.screenText.contains(Catalog(.sv).ui(.administration) + "\n"))
        app.resize(width: 100, height: 30)
        let body = app.screenText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(body[1].hasPrefix(String(Catalog(.sv).ui(.administrationIntro).prefix(20))))
    }
}
