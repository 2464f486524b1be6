import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Issue 14, builds 3 and 6: a set-role replaces the whole scope (and the trail shows it before and
/// after); exports and refused attempts are lines of the audit trail.
@Suite("Roles say what they grant; every disclosure is in the trail")
struct ScopeAndTrailTests {
    static let me = SessionContext.current().user

    /// The database's users and trail as the library reads them, not signed in (not scoped).
    static func library(_ db: String) throws -> Store {
        try Store(path: db, context: SessionContext(user: "test", now: { Date() }))
    }

    @Test("narrowing a chair from every group to one, and a coordinator from every plan to one organisation")
    func narrowingThroughTheBinary() throws {
        let dir = TempDir()
        let db = dir.path("n.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "12"]).status == 0)
        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "bus-chair", "--all-groups"]).status == 0)
        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "bus-chair", "--group", "1"]).status == 0)
        var user = try #require(try Self.library(db).users().first { $0.login == Self.me })
        #expect(user.role == .busChair && user.busGroupId == 1 && !user.allPlans)
        #expect(try Binary.run(["--db", db, "report", "--group", "2"]).status != 0)

        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "coordinator", "--all-plans"]).status == 0)
        let all = try Binary.run(["--db", db, "plan", "list", "--json"])
        #expect(try Binary.run(["--db", db, "user", "set-role", Self.me, "coordinator", "--org", "1"]).status == 0)
        user = try #require(try Self.library(db).users().first { $0.login == Self.me })
        #expect(user.role == .coordinator && user.agencyId == 1 && !user.allPlans)
        let own = try Binary.run(["--db", db, "plan", "list", "--json"])
        #expect(own.status == 0 && own.out.count < all.out.count)

        // The trail says the scope before and after.
        let line = try #require(try Self.library(db).auditTrail().last { $0.action == "set-role" })
        #expect(line.detail.hasPrefix(Self.me + " coordinator org "))
        #expect(line.detail.hasSuffix("group - all yes -> coordinator org 1 group - all no"))
    }

    @Test("a narrowed role applies at once in a session already open, for a chair and a coordinator")
    func narrowingInAnOpenSession() throws {
        let w = try RoleWorld()
        let county = try w.session("county")
        let central = try w.session("central")
        let (from, to) = (Day(year: 2020, month: 1, day: 1)!, w.t.store.context.today)
        #expect(try county.review(groupId: nil, from: from, to: to).plansStarted.count == 2)
        #expect(try central.planSummaries().count == 2)
        let ada = try w.session("ada")
        try ada.setRole(login: "county", role: .busChair, busGroupId: w.f.group.id)
        try ada.setRole(login: "central", role: .coordinator, agencyId: w.f.school.id)
        #expect(try county.review(groupId: nil, from: from, to: to).plansStarted.count == 1)
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try county.review(groupId: w.otherGroup.id, from: from, to: to)
        }
        #expect(try central.planSummaries().map(\.id) == [w.f.plan.id!])
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try central.planDocument(w.otherPlan.id!) }
    }

    @Test("an export on the command line is one export line: what, which format, which file or stdout")
    func exportLines() throws {
        let dir = TempDir()
        let db = dir.path("e.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "6"]).status == 0)
        let before = try Self.library(db).auditTrail().count
        let file = dir.path("plan-1.html")
        #expect(try Binary.run(["--db", db, "plan", "export", "1", "--format", "html", "--output", file]).status == 0)
        #expect(try Binary.run(["--db", db, "plan", "export", "1", "--format", "md"]).status == 0)
        var invited: Int64?
        for id in Int64(1)...6 where invited == nil {
            if try Binary.run(["--db", db, "plan", "invitation", "\(id)", "--format", "ics"]).status == 0 {
                invited = id
            }
        }
        let lines = Array(try Self.library(db).auditTrail().dropFirst(before))
        #expect(!lines.contains { $0.action == "view" })
        let exports = lines.filter { $0.action == "export" }
        #expect(exports.count == 3)
        #expect(exports.first?.entity == "plan" && exports.first?.entityId == 1)
        #expect(exports.first?.detail == "plan html -> \(file)")
        #expect(exports.dropFirst().first?.detail == "plan md -> stdout")
        #expect(exports.last?.entityId == invited && exports.last?.detail == "invitation ics -> stdout")
    }

    @Test("a refused attempt is in the trail after the refused change left nothing")
    func refusedAttempts() throws {
        let w = try RoleWorld()
        let cora = try w.session("cora")
        let lines = { try w.t.store.auditTrail() }
        let to = w.t.store.context.today
        let before = try lines().count
        // A plan she may not see: neither read nor changed, and both attempts are lines.
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.planDocument(w.otherPlan.id!) }
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) {
            try cora.addIntervention(
                planId: w.otherPlan.id!, what: "Stöd", agencyId: w.otherSchool.id!, startDate: to, dueDate: to)
        }
        #expect(try w.t.store.interventions(planId: w.otherPlan.id!).isEmpty)
        // Managing users is not hers either.
        #expect(throws: SIPError.notPermitted(.coordinator)) {
            try cora.setRole(login: "cora", role: .coordinator, allPlans: true)
        }
        #expect(try w.t.store.users().first { $0.login == "cora" }?.allPlans == false)
        let refused = Array(try lines().dropFirst(before))
        try #require(refused.map(\.action) == ["refused view", "refused create", "refused set-role"])
        #expect(refused.allSatisfy { $0.user == "cora" })
        #expect(refused[0].entity == "plan" && refused[0].entityId == w.otherPlan.id)
        #expect(refused[0].detail == "plan \(w.otherPlan.id!): plan not permitted")
        // A record refused its creation has no number: the line is against its plan.
        #expect(refused[1].entity == "plan" && refused[1].entityId == w.otherPlan.id)
        #expect(refused[1].detail == "intervention: plan not permitted")
        #expect(refused[2].entity == "user" && refused[2].detail == "cora coordinator: not permitted as coordinator")
        #expect(try w.t.store.check().isHealthy)
    }
}
