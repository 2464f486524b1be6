import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Issue 14 on screen: the withdrawal mark, inviting outside consent, the maturity assessment and
/// protected identity, as a coordinator signed in to a demo database meets them.
@Suite("Consent on screen")
struct ConsentScreenTests {
    /// A demo database and a signed-in central coordinator ("demo", every plan), with one plan of
    /// its own: a new child, two guardians, no consent yet.
    struct World {
        let dir = TempDir()
        let demo: Store
        let session: Store
        let planId: Int64
        let guardians: [FamilyMember]

        init() throws {
            demo = try makeStore(dir, demoPlans: 8, user: "demo")
            session = try Store(path: demo.path, context: SessionContext(user: "demo", now: { fixedNow }))
            try session.signIn()
            let group = try #require(try session.busGroups().first)
            let child = try session.addChild(name: "Nils Ek", personalNumber: nil, birthDate: "2016-04-01", sex: .boy)
            planId = try session.createPlan(
                NewPlan(
                    childId: child.id!, busGroupId: group.id!, initiatorKind: .guardian, initiatorPerson: "Saga Ek",
                    requestDate: session.context.today, reason: "Frånvaro", questions: "")
            ).id!
            guardians = [
                try session.addFamilyMember(
                    childId: child.id!, role: .guardian, name: "Saga Ek", relation: "mamma",
                    address: "Storgatan 1"),
                try session.addFamilyMember(childId: child.id!, role: .guardian, name: "Per Ek", relation: "pappa"),
            ]
        }

        /// The app on the plan list (a coordinator starts in their day, the list l away).
        func app(width: Int = 80) -> App {
            let app = App(store: session, catalog: Catalog(.sv), width: width, height: 24)
            if app.top is DayScreen { app.press(.character("l")) }
            return app
        }

        /// The list row of this plan, as drawn.
        func listRow(_ app: App) -> (text: String, last: Cell)? {
            let grid = app.render()
            for row in 0..<grid.height where grid.line(row).hasPrefix(String(planId) + " ") {
                let line = grid.line(row)
                let end = line.reversed().prefix { $0 == " " }.count
                let column = DisplayWidth.of(line) - end - 1
                return (line, grid[row, column])
            }
            return nil
        }
    }

    @Test("a withdrawn consent is marked × in the list's ! column, as a warning, also without colour")
    func withdrawalMarkInList() throws {
        let w = try World()
        let school = try #require(try w.session.agencies(forGroup: w.session.plan(w.planId).busGroupId).first)
        var consents: [Consent] = []
        for guardian in w.guardians {
            consents.append(
                try w.session.addConsent(
                    planId: w.planId, givenBy: .guardian(guardian.id!), information: "Skolgång",
                    validFrom: w.session.context.today, agencyIds: [school.id!]))
        }
        let before = w.app()
        let unmarked = try #require(w.listRow(before))
        #expect(!unmarked.text.hasSuffix("×"))
        try w.session.withdrawConsent(consents[0].id!, on: w.session.context.today)
        let app = w.app()
        let marked = try #require(w.listRow(app), "plan \(w.planId) not in the list")
        #expect(marked.text.hasSuffix("×"), "\(marked.text)")
        #expect(marked.last.text == "×" && marked.last.role == .warning)
        // The plan screen says so at the top, and what can happen next.
        app.open(plan: w.planId)
        #expect(app.screenText.contains("× Ett samtycke är återkallat"))
    }

    @Test("inviting an organisation outside every consent asks first; no invites no one, yes invites it, recorded")
    func inviteOutsideConsentAsks() throws {
        let w = try World()
        let app = w.app()
        app.open(plan: w.planId)
        app.press(.character("d"), .tab)
        app.type("Stina Ström")
        app.press(.tab)
        app.type("Kurator")
        app.press(.function(2))
        #expect(app.screenText.contains("omfattas inte av något samtycke"))
        #expect(try w.session.participants(planId: w.planId).allSatisfy { $0.agencyId == nil })
        // Letters other than yes and no do nothing; no closes the question and invites no one.
        app.press(.character("x"), .character("n"))
        #expect(app.screenText.contains("Ingen inbjudan gjordes."))
        #expect(try w.session.participants(planId: w.planId).allSatisfy { $0.agencyId == nil })
        #expect(app.top is FormScreen)
        app.press(.function(2), .character("j"))
        let invited = try w.session.participants(planId: w.planId).filter { $0.agencyId != nil }
        #expect(invited.map(\.person) == ["Stina Ström"])
        let line = try #require(try w.session.auditTrail(planId: w.planId).last { $0.entity == "participant" })
        #expect(line.detail.contains("outside consent"))
        // The plan screen marks the participant; its kallelse names no one.
        #expect(app.top is PlanDetailScreen)
        let document = try w.session.planDocument(w.planId)
        #expect(document.uncoveredParticipants == invited.map { $0.id! })
        #expect(TextReports.planText(document, catalog: Catalog(.sv)).contains("utanför samtycke"))
    }

    @Test("a maturity assessment is recorded from the plan screen (M): the 10-year-old's own consent then counts")
    func maturityAssessment() throws {
        let w = try World()
        let school = try #require(try w.session.agencies(forGroup: w.session.plan(w.planId).busGroupId).first)
        try w.session.addConsent(
            planId: w.planId, givenBy: .child, information: "Skolgång", validFrom: w.session.context.today,
            agencyIds: [school.id!])
        #expect(try !w.session.consentIsValid(planId: w.planId))
        let app = w.app()
        app.open(plan: w.planId)
        app.press(.character("M"))
        #expect(app.screenText.contains("Mognadsbedömning"))
        // A reason is required: an empty one is refused beside the field.
        app.press(.function(2))
        #expect(app.top is FormScreen)
        #expect(try w.session.maturityAssessments(planId: w.planId).isEmpty)
        app.type("Förstår vad som delas och med vem.")
        app.press(.function(2))
        #expect(app.screenText.contains("Mognadsbedömningen är registrerad."))
        let reasons = try w.session.maturityAssessments(planId: w.planId).map(\.reason)
        #expect(reasons == ["Förstår vad som delas och med vem."])
        #expect(try w.session.consentIsValid(planId: w.planId))
    }

    @Test("a family member marked with protected identity: the address is on no screen")
    func protectedFamilyMember() throws {
        let w = try World()
        let app = w.app()
        app.open(plan: w.planId)
        app.press(.character("f"), .tab)
        app.type("Ulla Ek")
        app.press(.tab)
        app.type("mormor")
        app.press(.tab, .tab, .tab)
        app.type("Hemliga vägen 7")
        app.press(.tab, .character(" "))
        #expect(app.screenText.contains("Skyddade personuppgifter"))
        app.press(.function(2))
        #expect(app.top is PlanDetailScreen)
        let document = try w.session.planDocument(w.planId)
        let ulla = try #require((document.guardians + document.relatives).first { $0.name == "Ulla Ek" })
        #expect(ulla.protectedIdentity && ulla.address.isEmpty)
        for page in 0..<10 {
            #expect(!app.screenText.contains("Hemliga vägen"), "page \(page)")
            app.press(.pageDown)
        }
        #expect(!TextReports.planText(document, catalog: Catalog(.sv)).contains("Hemliga vägen"))
    }
}
