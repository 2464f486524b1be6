import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Issue 15, build 3 in the interface: a plan handed over to another coordinator from the plan screen.
@Suite("Hand-over from the plan screen")
struct HandOverScreenTests {
    func form(_ app: App) -> FormScreen? { app.top as? FormScreen }

    func field(_ app: App, _ key: String) -> FormField? { form(app)?.fields.first { $0.key == key } }

    @Test("H hands the plan to the coordinator picked, saved through the model and audited")
    func handOver() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 8, user: "demo")
        let school = try #require(try store.agencies(forGroup: 1).first { $0.kind == "skola" })
        try store.addUser(login: "bo", name: "Bo Ek", role: .coordinator, agencyId: school.id)
        #expect(try store.handOverCandidates().contains { $0.login == "bo" && $0.organisation == school.name })
        let planId = try #require(try store.planSummaries().first?.id)
        // A demo plan's coordinator is a name outside the register: the hand-over is from it.
        let before = HandOverForm.from(try store.plan(planId))
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        app.press(.character("H"))
        #expect(form(app)?.record is HandOverForm)
        let choices = try store.handOverCandidates().filter { $0.login != before }
        let index = try #require(choices.firstIndex { $0.login == "bo" })
        for _ in 0..<index { app.press(.right) }
        #expect(field(app, "coordinator")?.value == "bo")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        #expect(app.screenText.contains("Överlämnad."))
        #expect(try store.plan(planId).coordinatorLogin == "bo")
        #expect(try store.plan(planId).outsideCoordinator == "")
        let line = try #require(try store.auditTrail(planId: planId).last { $0.action == "hand-over" })
        #expect(line.detail == "\(before) -> bo")
    }

    @Test("a plan the coordinator no longer sees after handing it over leaves the screen with the refusal")
    func handedAway() throws {
        let dir = TempDir()
        let demo = try makeStore(dir, demoPlans: 8, user: "demo")
        let schools = try demo.agencies(forGroup: 1).filter { $0.kind == "skola" }
        let school = try #require(schools.first)
        try demo.addUser(login: "ada", name: "Ada", role: .administrator, agencyId: nil)
        try demo.addUser(login: "cora", name: "Cora", role: .coordinator, agencyId: school.id)
        let other = try #require(
            try demo.read { db in try Agency.fetchAll(db) }.first { $0.id != school.id && $0.retiredOn == nil })
        try demo.addUser(login: "dan", name: "Dan", role: .coordinator, agencyId: other.id)
        let cora = try Store(path: demo.path, context: SessionContext(user: "cora", now: { fixedNow }))
        try cora.signIn()
        // A plan cora's organisation takes no part in: cora sees it while she coordinates it.
        var planId: Int64?
        for id in try demo.planSummaries().map(\.id) {
            let coordinator = HandOverForm.from(try demo.plan(id))
            try demo.handOver(from: coordinator, to: "dan", planId: id)
            if (try? cora.planDocument(id)) == nil {
                try demo.handOver(from: "dan", to: "cora", planId: id)
                planId = id
                break
            }
        }
        let id = try #require(planId)
        _ = try cora.planDocument(id)
        let app = App(store: cora, catalog: Catalog(.sv))
        app.open(plan: id)
        #expect((app.top as? PlanDetailScreen)?.planId == id)
        app.press(.character("H"))
        let choices = try cora.handOverCandidates().filter { $0.login != "cora" }
        let index = try #require(choices.firstIndex { $0.login == "dan" })
        for _ in 0..<index { app.press(.right) }
        #expect(field(app, "coordinator")?.value == "dan")
        app.press(.control("s"))
        #expect(try demo.plan(id).coordinatorLogin == "dan")
        #expect(app.top is PlanListScreen)
        #expect(app.screenText.contains("Plan \(id) hör inte till din verksamhet"))
        #expect(try demo.auditTrail(planId: id).contains { $0.action == "hand-over" && $0.detail == "cora -> dan" })
    }
}
