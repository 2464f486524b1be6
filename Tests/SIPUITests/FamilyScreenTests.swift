import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Issue 17 in the interface: goals, needs, languages and the discharge plan from the plan screen;
/// the goals assessed, the child's participation and the interpreter in meeting mode.
@Suite("The child and the family on screen")
struct FamilyScreenTests {
    func form(_ app: App) -> FormScreen? { app.top as? FormScreen }

    /// An open plan of the demo with a guardian taking part.
    func planWithGuardian(_ store: Store) throws -> (Int64, PlanDocument.Person) {
        for summary in try store.planSummaries() where summary.status != .closed {
            let document = try store.planDocument(summary.id)
            if let guardian = document.guardians.first,
                document.participants.contains(where: { $0.agency == nil && $0.person == guardian.name })
            {
                return (summary.id, guardian)
            }
        }
        throw SIPError.notFound(.plan, 0)
    }

    @Test("T adds a goal, N a need nobody has taken on, L a language, U makes it a discharge plan")
    func planScreenKeys() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let (planId, guardian) = try planWithGuardian(store)
        let goalsBefore = try store.goals(planId: planId).count
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        app.press(.character("T"))
        #expect(form(app)?.record is GoalForm)
        app.press(.tab, .right, .tab)  // kind: long-term
        app.type("Åsa går i skolan hela dagar")
        app.press(.tab)
        app.type("Skolan")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        #expect(app.screenText.contains("Målet sparat."))
        let goals = try store.goals(planId: planId)
        #expect(goals.count == goalsBefore + 1)
        #expect(
            goals.contains {
                $0.kind == .long && $0.text == "Åsa går i skolan hela dagar" && $0.worksTowards == "Skolan"
            })

        app.press(.character("N"))
        #expect(form(app)?.record is NeedForm)
        app.type("Stöd på fritids")
        app.press(.control("s"))
        #expect(try store.needs(planId: planId).contains { $0.what == "Stöd på fritids" && $0.agencyId == nil })

        app.press(.character("L"))
        #expect(form(app)?.record is LanguageForm)
        #expect(form(app)?.fields.first?.value == String(guardian.id))
        app.press(.tab)
        app.type("arabiska")
        app.press(.tab)
        app.type("arabiska")
        app.press(.control("s"))
        #expect(
            try store.planDocument(planId).guardians.first { $0.id == guardian.id }?.interpreterLanguage == "arabiska")

        app.press(.character("U"))
        #expect(form(app)?.record is DischargeForm)
        app.press(.right, .tab)
        app.press(.control("u"))
        app.type("2026-11-18")
        app.press(.control("s"))
        let kind = try store.planKind(planId: planId)
        #expect(kind.kind == .discharge && kind.firstMeetingDue == Day(iso: "2026-11-21"))
        // The plan screen shows them: the discharge deadline, the need nobody has taken on, the goal.
        let lines = TextReports.planLines(try store.planDocument(planId), catalog: Catalog(.sv)).map(\.text)
        #expect(lines.contains { $0.contains("Första mötet senast 2026-11-21") })
        #expect(lines.contains { $0.contains("Stöd på fritids (Behov som ingen verksamhet har tagit på sig)") })
        #expect(lines.contains("- Långsiktigt mål: Åsa går i skolan hela dagar"))
    }

    @Test("the plan form refuses a lead whose principal is neither kommun nor region, beside the field")
    func leadRefusedInTheForm() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let (planId, _) = try planWithGuardian(store)
        let plan = try store.plan(planId)
        let other = try #require(
            try store.agencies(forGroup: plan.busGroupId).first { !$0.principalType.isMunicipalityOrRegion })
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        app.press(.character("e"))
        let index = try #require(form(app)?.fields.firstIndex { $0.key == "leadAgencyId" })
        for _ in 0..<index { app.press(.tab) }
        app.type(String(other.name.prefix(8)))
        app.press(.enter)
        #expect(form(app)?.values["leadAgencyId"] == String(other.id!))
        app.press(.control("s"))
        #expect(app.top is FormScreen, "the form stays, with the reason")
        let error = form(app)?.fields.first { $0.key == "leadAgencyId" }?.error ?? ""
        #expect(error.contains("Bara en kommun eller en region"))
        #expect(try store.plan(planId).leadAgencyId == plan.leadAgencyId)
    }

    @Test("meeting mode: the agenda shows the child's part and the interpreter flag; ^G assesses, ^P records, ^Y books")
    func meetingMode() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let (planId, guardian) = try planWithGuardian(store)
        try store.setLanguage(planId: planId, memberId: guardian.id, language: "arabiska", interpreter: "arabiska")
        let goal = try store.saveGoal(planId: planId, GoalDraft(kind: .child, text: "Jag vill ha en kompis"))
        let followUp = try store.addMeeting(
            planId: planId, kind: .followUp, startsAt: fixedNow.addingTimeInterval(3600), durationMinutes: 60,
            place: "Skolan")
        // Meeting mode opens the plan's next meeting not held: make it this one.
        for meeting in try store.meetings(planId: planId) where !meeting.held && meeting.id != followUp.id {
            try store.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [meeting.id!]) }
        }
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        app.press(.character("m"))
        #expect(app.top is MeetingScreen)
        app.press(.tab)  // 1. the opening
        #expect(app.screenText.contains("Tolk behövs men är inte bokad: arabiska"))
        #expect(app.screenText.contains("Barnets delaktighet: inte antecknat"))

        app.press(.control("p"))
        #expect(form(app)?.record is ParticipationForm)
        app.press(.tab, .right)  // heard beforehand: yes
        app.press(.tab)
        app.type("Mamma")
        app.press(.tab, .right)  // by conversation
        app.press(.tab, .tab, .tab)
        app.type("Jag vill vara med.")
        app.press(.control("s"))
        #expect(app.top is MeetingScreen)
        let recorded = try #require(try store.childParticipation(meetingId: followUp.id!))
        #expect(recorded.heardBefore && recorded.byConversation && recorded.representedBy == "Mamma")
        #expect(recorded.childWords == "Jag vill vara med.")
        #expect(app.screenText.contains("hördes före mötet"))

        app.press(.control("g"))
        #expect(form(app)?.record is GoalAssessmentForm)
        let goals = try store.goals(planId: planId)
        let index = try #require(goals.firstIndex { $0.id == goal.id })
        for _ in 0..<index { app.press(.right) }
        app.press(.tab, .right, .right)  // the professionals: partly
        app.press(.tab)
        app.type("Bättre")
        app.press(.tab, .right)  // the child and family: achieved
        app.press(.control("s"))
        let assessments = try store.goalAssessments(planId: planId).filter { $0.goalId == goal.id }
        #expect(assessments.map(\.by) == [.professionals, .family])
        #expect(assessments.first { $0.by == .professionals }?.outcome == .partly)
        #expect(assessments.first { $0.by == .family }?.outcome == .achieved)

        app.press(.control("y"))
        #expect(form(app)?.record is InterpreterForm)
        app.type("Tolkförmedlingen, arabiska")
        app.press(.control("s"))
        #expect(try store.interpreterGap(meetingId: followUp.id!).isEmpty)
        #expect(app.screenText.contains("Tolk bokad: Tolkförmedlingen, arabiska"))
    }
}
