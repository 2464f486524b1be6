import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Plan rules")
struct PlanRuleTests {
    @Test(
        "the transition table: every pair of statuses is allowed or refused as the rules say",
        arguments: PlanStatus.allCases)
    func everyTransition(from: PlanStatus) throws {
        for to in PlanStatus.allCases where to != from {
            let t = try TestStore()
            let f = try Fixture(t.store)
            try f.consentBoth(t.store)
            try drive(t.store, plan: f.plan.id!, to: from)
            let allowed = from.allowedNext.contains(to)
            do {
                let moved = try t.store.changeStatus(planId: f.plan.id!, to: to, note: to == .closed ? "Klar" : "")
                #expect(allowed, "\(from) -> \(to) should have been refused")
                #expect(moved.status == to)
            } catch SIPError.transitionNotAllowed(let a, let b) {
                #expect(!allowed, "\(from) -> \(to) should have been allowed")
                #expect(a == from && b == to)
                #expect(try t.store.plan(f.plan.id!).status == from)
            }
        }
    }

    @Test("the table itself: closed is final, activation only from invited or follow-up")
    func table() {
        #expect(PlanStatus.closed.allowedNext.isEmpty)
        #expect(PlanStatus.allCases.filter { $0.allowedNext.contains(.active) } == [.invited, .followUpDue])
        #expect(PlanStatus.allCases.allSatisfy { $0 == .closed || $0.allowedNext.contains(.closed) })
    }

    @Test("a plan cannot become active without valid consent from every guardian")
    func consentGate() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        #expect(throws: SIPError.consentRequired) { try t.store.changeStatus(planId: f.plan.id!, to: .active) }
        try t.store.addConsent(
            planId: f.plan.id!, givenBy: .guardian(f.mother.id!), information: "Skolgång",
            validFrom: t.store.context.today, agencyIds: [f.school.id!])
        // One guardian of two is not enough.
        #expect(throws: SIPError.consentRequired) { try t.store.changeStatus(planId: f.plan.id!, to: .active) }
        try t.store.addConsent(
            planId: f.plan.id!, givenBy: .guardian(f.father.id!), information: "Skolgång",
            validFrom: t.store.context.today, agencyIds: [f.school.id!])
        #expect(try t.store.changeStatus(planId: f.plan.id!, to: .active).status == .active)
        let history = try t.store.planDocument(f.plan.id!).history
        #expect(history.map(\.to) == [.draft, .invited, .active])
        // Who changed it is named, never by login: "testare" is no user here, so has no name.
        #expect(history.allSatisfy { $0.by == "" })
    }

    // Changed by issue 14: an 11-year-old's own consent counts only with a recorded maturity assessment.
    @Test("the child's own consent is enough (Åsa, 11, assessed mature)")
    func childConsent() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try t.store.recordMaturityAssessment(planId: f.plan.id!, reason: "Förstår vad samtycket gäller")
        try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        try t.store.addConsent(
            planId: f.plan.id!, givenBy: .child, information: "Allt om skolan",
            validFrom: t.store.context.today, agencyIds: [f.school.id!])
        #expect(try t.store.changeStatus(planId: f.plan.id!, to: .active).status == .active)
    }

    @Test("withdrawn, expired or not yet valid consent does not count; the clock decides")
    func consentValidity() throws {
        let clock = TestClock(day("2026-03-16"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        for guardian in [f.mother, f.father] {
            try t.store.addConsent(
                planId: f.plan.id!, givenBy: .guardian(guardian.id!), information: "Skolgång",
                validFrom: day("2026-03-20"), validTo: day("2026-06-30"), agencyIds: [f.school.id!])
        }
        #expect(try !t.store.consentIsValid(planId: f.plan.id!))
        clock.set(day("2026-03-20"))
        #expect(try t.store.consentIsValid(planId: f.plan.id!))
        clock.set(day("2026-07-01"))
        #expect(try !t.store.consentIsValid(planId: f.plan.id!))
        clock.set(day("2026-04-01"))
        let first = try t.store.planDocument(f.plan.id!).consents[0]
        try t.store.withdrawConsent(first.id, on: day("2026-04-01"))
        #expect(try !t.store.consentIsValid(planId: f.plan.id!))
        #expect(throws: SIPError.consentRequired) { try t.store.changeStatus(planId: f.plan.id!, to: .active) }
    }

    @Test("closing needs a reason, and the reason is kept")
    func closingReason() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        #expect(throws: SIPError.closingReasonRequired) { try t.store.changeStatus(planId: f.plan.id!, to: .closed) }
        #expect(throws: SIPError.closingReasonRequired) {
            try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: " \u{1B} ")
        }
        #expect(try t.store.plan(f.plan.id!).status == .draft)
        let closed = try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: "Familjen flyttade")
        #expect(closed.closedReason == "Familjen flyttade")
    }

    @Test("an update with a stale version is rejected with both versions; nothing is overwritten")
    func staleVersion() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var mine = try t.store.plan(f.plan.id!)
        var theirs = mine
        theirs.currentSituation = "Skrivet av kollegan"
        let saved = try t.store.updatePlan(theirs)
        #expect(saved.version == mine.version + 1)
        mine.currentSituation = "Skrivet av mig"
        do {
            try t.store.updatePlan(mine)
            Issue.record("a stale update was accepted")
        } catch SIPError.conflict(let conflict) {
            #expect(conflict.mine.currentSituation == "Skrivet av mig")
            #expect(conflict.theirs.currentSituation == "Skrivet av kollegan")
            #expect(conflict.differingFields == [.currentSituation])
        }
        #expect(try t.store.plan(f.plan.id!).currentSituation == "Skrivet av kollegan")
        // A status change with a stale version is refused the same way.
        #expect(throws: SIPError.self) {
            try t.store.changeStatus(planId: f.plan.id!, to: .invited, expectedVersion: mine.version)
        }
        #expect(try t.store.plan(f.plan.id!).status == .draft)
    }

    @Test("an update validates every field and writes nothing when one is bad")
    func updateValidates() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "Jag vill\u{1B}[2J vara med"
        plan.leadPerson = String(repeating: "x", count: 500)
        #expect(throws: SIPError.tooLong(field: .leadPerson, max: 120)) { try t.store.updatePlan(plan) }
        #expect(try t.store.plan(f.plan.id!).childView == "")
        plan.leadPerson = "Stina Ström"
        let saved = try t.store.updatePlan(plan)
        #expect(saved.childView == "Jag vill[2J vara med")
        #expect(try t.store.plan(f.plan.id!) == saved)
        var bad = saved
        #expect(throws: SIPError.invalidDate("2026-02-30")) { try bad.set(.followUpDate, to: "2026-02-30") }
    }

    @Test(
        "input errors change nothing",
        arguments: [
            ("12345", SIPError.invalidPersonalNumber(.format)),
            ("20150312-0007", SIPError.invalidPersonalNumber(.checkDigit)),
            ("20150231-0003", SIPError.invalidPersonalNumber(.date)),
        ])
    func childInput(number: String, error: SIPError) throws {
        let t = try TestStore()
        #expect(throws: error) { try t.store.addChild(name: "Test Testsson", personalNumber: number, sex: .boy) }
        #expect(try t.store.read { db in try Child.fetchCount(db) } == 0)
    }

    @Test("a child without a number needs a real birth date")
    func childWithoutNumber() throws {
        let t = try TestStore()
        #expect(throws: SIPError.required(field: .birthDate)) {
            try t.store.addChild(name: "Utan Nummer", personalNumber: nil, sex: .unknown)
        }
        #expect(throws: SIPError.invalidDate("2019-02-29")) {
            try t.store.addChild(name: "Utan Nummer", personalNumber: "", birthDate: "2019-02-29", sex: .unknown)
        }
        let child = try t.store.addChild(name: "Utan Nummer", personalNumber: nil, birthDate: "2019-02-28", sex: .other)
        #expect(child.personalNumber == nil && child.birthDate == day("2019-02-28"))
    }

    @Test("overdue follows the injected clock: follow-up dates and interventions still owed")
    func overdue() throws {
        let clock = TestClock(day("2026-03-16"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        try plan.set(.followUpDate, to: "2026-04-01")
        try t.store.updatePlan(plan)
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Samtal med kurator", agencyId: f.school.id!,
            startDate: day("2026-03-16"), dueDate: day("2026-05-01"))
        #expect(try t.store.planSummaries(PlanFilter(overdueOnly: true)).isEmpty)
        clock.set(day("2026-04-02"))
        #expect(try t.store.planSummaries(PlanFilter(overdueOnly: true)).map(\.id) == [f.plan.id!])
        #expect(try t.store.planSummaries()[0].overdue)
        // A moved follow-up clears it, until the intervention falls due.
        plan = try t.store.plan(f.plan.id!)
        try plan.set(.followUpDate, to: "2026-06-01")
        try t.store.updatePlan(plan)
        #expect(try !t.store.planSummaries()[0].overdue)
        clock.set(day("2026-05-02"))
        #expect(try t.store.planSummaries()[0].overdue)
        #expect(try t.store.planDocument(f.plan.id!).interventions[0].overdue)
        // Closed plans are never overdue.
        try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: "Klar")
        #expect(try !t.store.planSummaries()[0].overdue)
    }

    @Test("the list filters by status, group and text, across name, number and agency, ignoring case")
    func filters() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.leadAgencyId = f.social.id
        try t.store.updatePlan(plan)
        #expect(try t.store.planSummaries(PlanFilter(search: "åsa")).count == 1)
        #expect(try t.store.planSummaries(PlanFilter(search: "ÖBERG")).count == 1)
        #expect(try t.store.planSummaries(PlanFilter(search: "O\u{308}berg")).count == 1)
        #expect(try t.store.planSummaries(PlanFilter(search: "20150312")).count == 1)
        #expect(try t.store.planSummaries(PlanFilter(search: "socialtjänsten")).count == 1)
        #expect(try t.store.planSummaries(PlanFilter(search: "100%")).isEmpty)
        #expect(try t.store.planSummaries(PlanFilter(status: .active)).isEmpty)
        #expect(try t.store.planSummaries(PlanFilter(status: .draft, busGroupId: f.group.id)).count == 1)
        let row = try #require(try t.store.planSummaries().first)
        #expect(row.personalNumberMasked == "20150312-****")
        #expect(row.leadAgency == "Socialtjänsten Testby")
    }

    @Test("status words from the command line, Swedish or code")
    func statusWords() {
        #expect(PlanStatus(userText: "Uppföljning") == .followUpDue)
        #expect(PlanStatus(userText: "follow_up_due") == .followUpDue)
        #expect(PlanStatus(userText: "aktiv") == .active)
        #expect(PlanStatus(userText: "pågående") == nil)
    }
}
