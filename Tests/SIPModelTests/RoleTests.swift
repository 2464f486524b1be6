import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// One database with two BUS groups, a plan in each, deviations in each, and one user per role.
/// The fixture is built by the library unsigned (as the demo generator and tools do); each role
/// then opens its own session, as separate OS users on a shared server would.
struct RoleWorld {
    let t: TestStore
    let f: Fixture
    let otherGroup: BusGroup
    let otherSchool: Agency
    let otherPlan: Plan
    let ownDeviation: Deviation
    let otherDeviation: Deviation

    init() throws {
        t = try TestStore(user: "fixture")
        let store = t.store
        f = try Fixture(store)
        // The school sees the plan because the guardians' consents name it (issue 14).
        try f.consentBoth(store)
        try store.addParticipant(planId: f.plan.id!, agencyId: f.school.id, person: "Rektor", role: "skola")
        otherGroup = try store.addBusGroup(name: "Lokal BUS Annanstad")
        otherSchool = try store.addAgency(
            kind: "skola", principalName: "Annanstad kommun", name: "Bergsskolan",
            busGroupId: otherGroup.id)
        let child = try store.addChild(name: "Bo Annan", personalNumber: nil, birthDate: "2014-01-01", sex: .boy)
        otherPlan = try store.createPlan(
            NewPlan(
                childId: child.id!, busGroupId: otherGroup.id!, initiatorKind: .guardian,
                initiatorPerson: "Vera Annan", requestDate: store.context.today,
                reason: "Annan orsak", questions: ""))
        try store.addParticipant(planId: otherPlan.id!, agencyId: otherSchool.id, person: "Lärare", role: "skola")
        ownDeviation = try store.addDeviation(
            reportingAgencyId: f.school.id!, concernedAgencyId: f.bup.id!, planId: f.plan.id,
            occurredOn: store.context.today, kind: "uteblev",
            description: "BUP kom inte till mötet.")
        otherDeviation = try store.addDeviation(
            reportingAgencyId: otherSchool.id!, concernedAgencyId: otherSchool.id!,
            planId: otherPlan.id, occurredOn: store.context.today,
            kind: "uteblev", description: "Ingen kom.")
        // The administrator, put in by the library (the file was created unsigned); she adds the others.
        try store.addUser(login: "ada", name: "Ada Admin", role: .administrator, agencyId: nil)
        let admin = try session("ada")
        try admin.addUser(login: "cora", name: "Cora Samordnare", role: .coordinator, agencyId: f.school.id)
        try admin.addUser(login: "chad", name: "Chad Ordförande", role: .busChair, agencyId: f.social.id)
        try admin.addUser(
            login: "county", name: "Region Ordförande", role: .busChair, agencyId: f.insurance.id, allPlans: true)
        try admin.addUser(login: "cole", name: "Cole Kollega", role: .coordinator, agencyId: f.school.id)
        try admin.addUser(
            login: "central", name: "Central Samordnare", role: .coordinator, agencyId: nil, allPlans: true)
    }

    /// A signed-in session for `login` on the same database.
    func session(_ login: String) throws -> Store { try t.session(login) }
}

@Suite("Roles: each sees and can do exactly its part")
struct RoleTests {
    @Test("the first user of a new database is its administrator; someone not added gets a clear refusal")
    func firstUserAndUnknown() throws {
        let dir = TempDir()
        let fresh = try Store(path: dir.path("ny.sqlite"), context: SessionContext(user: "grundare", now: { Date() }))
        #expect(try fresh.signIn().role == .administrator)
        let w = try RoleWorld()
        #expect(throws: SIPError.unknownUser("mallory")) { try w.session("mallory") }
        // A database someone else created, with no users yet (one upgraded from before users): whoever
        // opens it first is not made its administrator.
        let t = try TestStore(user: "skapare")
        _ = try Fixture(t.store)
        #expect(throws: SIPError.unknownUser("forst")) {
            try Store(path: t.store.path, context: SessionContext(user: "forst", now: { Date() })).signIn()
        }
        #expect(Catalog(.sv).message(.unknownUser("mallory")).contains("finns inte"))
        #expect(Catalog(.sv).hint(.unknownUser("mallory"))?.contains("sip-tui user add") == true)
    }

    @Test("a coordinator sees and edits only the plans their organisation takes part in")
    func coordinator() throws {
        let w = try RoleWorld()
        let cora = try w.session("cora")
        #expect(try cora.planSummaries().map(\.id) == [w.f.plan.id!])
        #expect(try cora.planDocument(w.f.plan.id!).child.name == "Åsa Öberg")
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.planDocument(w.otherPlan.id!) }
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.plan(w.otherPlan.id!) }
        // A write to someone else's plan is refused whole: nothing changes.
        var theirs = w.otherPlan
        theirs.reason = "Ändrat av fel person"
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.updatePlan(theirs) }
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) {
            try cora.addIntervention(
                planId: w.otherPlan.id!, what: "Stöd", agencyId: w.otherSchool.id!,
                startDate: w.t.store.context.today, dueDate: w.t.store.context.today.adding(days: 30))
        }
        // Nor can she read its parts one by one.
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.participants(planId: w.otherPlan.id!) }
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.interventions(planId: w.otherPlan.id!) }
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.meetings(planId: w.otherPlan.id!) }
        #expect(throws: SIPError.notPermitted(.coordinator)) { try cora.deviation(w.otherDeviation.id!) }
        // Nor can a change grant itself access: adding her own organisation, or naming herself coordinator.
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) {
            try cora.addParticipant(planId: w.otherPlan.id!, agencyId: w.f.school.id, person: "Cora", role: "")
        }
        var takeover = w.otherPlan
        takeover.coordinatorLogin = "cora"
        #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) { try cora.updatePlan(takeover) }
        #expect(throws: SIPError.notPermitted(.coordinator)) {
            try cora.addFamilyMember(childId: w.otherPlan.childId, role: .guardian, name: "Falsk Förälder")
        }
        #expect(try w.t.store.plan(w.otherPlan.id!).reason == "Annan orsak")
        #expect(try w.t.store.interventions(planId: w.otherPlan.id!).isEmpty)
        #expect(try w.t.store.participants(planId: w.otherPlan.id!).count == 1)
        // Her own plan she edits, and a plan she creates is hers.
        var mine = try cora.plan(w.f.plan.id!)
        mine.childView = "Vill gå i skolan"
        #expect(try cora.updatePlan(mine).childView == "Vill gå i skolan")
        let created = try cora.createPlan(
            childName: "Ny Elev", personalNumber: nil, birthDate: "2016-05-05", sex: .girl,
            busGroupId: w.f.group.id, newBusGroupName: nil, initiatorKind: .guardian,
            requestDate: w.t.store.context.today, reason: "Frånvaro", questions: "")
        #expect(try cora.planSummaries().map(\.id) == [w.f.plan.id!, created.id!])
        // Her school takes part in the plan she opened: a colleague sees it, and she may hand it over.
        let cole = try w.session("cole")
        #expect(try cole.planSummaries().map(\.id).contains(created.id!))
        #expect(try cora.plan(created.id!).coordinatorLogin == "cora")
        // A save never changes the coordinator: only the hand-over does, audited as such.
        var edited = try cora.plan(created.id!)
        edited.coordinatorLogin = "cole"
        #expect(try cora.updatePlan(edited).coordinatorLogin == "cora")
        #expect(try cora.handOver(from: "cora", to: "cole", planId: created.id!) == [created.id!])
        #expect(try cora.plan(created.id!).coordinatorLogin == "cole")
        // Deviations her organisation is party to, or about her plans (an absence at her meeting is
        // reported in the lead organisation's name); no review, no users, no settings, no audit.
        #expect(try cora.deviationSummaries().map(\.id) == [w.ownDeviation.id!])
        let absence = try cora.addDeviation(
            reportingAgencyId: w.f.social.id!, concernedAgencyId: w.f.bup.id!, planId: w.f.plan.id,
            occurredOn: w.t.store.context.today, kind: "uteblev", description: "BUP uteblev.")
        #expect(try cora.deviationSummaries().map(\.id).contains(absence.id!))
        #expect(throws: SIPError.notPermitted(.coordinator)) {
            try cora.review(groupId: nil, from: Day(year: 2026, month: 1, day: 1)!, to: w.t.store.context.today)
        }
        #expect(throws: SIPError.notPermitted(.coordinator)) { try cora.users() }
        #expect(throws: SIPError.notPermitted(.coordinator)) { try cora.setDeadline("first-meeting-days", days: 5) }
        #expect(throws: SIPError.notPermitted(.coordinator)) { try cora.auditTrail() }
        #expect(try w.t.store.deadlines().firstMeetingDays == 21)
    }

    @Test("a coordinator for every plan (the demo's user) sees them all")
    func centralCoordinator() throws {
        let w = try RoleWorld()
        let central = try w.session("central")
        #expect(try central.planSummaries().map(\.id) == [w.f.plan.id!, w.otherPlan.id!])
        #expect(try central.deviationSummaries().count == 2)
    }

    @Test("a BUS chair sees their group's de-identified review and register, and no plan")
    func chair() throws {
        let w = try RoleWorld()
        let chad = try w.session("chad")
        #expect(chad.access?.reviewGroupId == w.f.group.id)
        let from = Day(year: 2026, month: 1, day: 1)!, to = w.t.store.context.today
        // Whatever group is asked for (or none), the review is the chair's own group.
        #expect(try chad.review(groupId: nil, from: from, to: to).group == w.f.group.name)
        #expect(try chad.review(groupId: nil, from: from, to: to).plansStarted.ids == [w.f.plan.id!])
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try chad.review(groupId: w.otherGroup.id, from: from, to: to)
        }
        #expect(throws: SIPError.notPermitted(.busChair)) { try chad.trends(groupId: w.otherGroup.id, to: to) }
        #expect(try chad.deviationSummaries().map(\.id) == [w.ownDeviation.id!])
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try chad.answerDeviation(w.otherDeviation.id!, response: "Svar", on: to)
        }
        #expect(try chad.answerDeviation(w.ownDeviation.id!, response: "Vi ses nästa gång", on: to).status == .answered)
        #expect(throws: SIPError.notPermitted(.busChair)) { try chad.planSummaries() }
        #expect(throws: SIPError.notPermitted(.busChair)) { try chad.planDocument(w.f.plan.id!) }
        #expect(throws: SIPError.notPermitted(.busChair)) { try chad.users() }
        let scores = Dictionary(uniqueKeysWithValues: try chad.spiderDimensions().map { ($0.code, 3) })
        try chad.recordSelfAssessment(groupId: w.f.group.id!, on: to, scores: scores)
        #expect(throws: SIPError.notPermitted(.busChair)) {
            try chad.recordSelfAssessment(groupId: w.otherGroup.id!, on: to, scores: scores)
        }
        #expect(throws: SIPError.notPermitted(.busChair)) { try chad.selfAssessments(groupId: w.otherGroup.id!) }
        // The list behind a figure holds the chair's group only, whatever numbers are asked for.
        #expect(try chad.reviewList(.plans, ids: [w.otherPlan.id!], on: to, catalog: Catalog(.sv)).isEmpty)
        #expect(try chad.reviewList(.deviations, ids: [w.otherDeviation.id!], on: to, catalog: Catalog(.sv)).isEmpty)
        #expect(try chad.reviewList(.plans, ids: [w.f.plan.id!], on: to, catalog: Catalog(.sv)).count == 1)
        // A chair links a deviation to a plan by number without seeing the plan.
        #expect(try chad.planExists(w.otherPlan.id!))
        // The county-level chair (an organisation in no group) sees every group.
        let county = try w.session("county")
        #expect(try county.review(groupId: nil, from: from, to: to).plansStarted.count == 2)
        #expect(try county.deviationSummaries().count == 2)
    }

    @Test("an administrator manages users and settings and sees no plan, review or deviation")
    func administrator() throws {
        let w = try RoleWorld()
        let ada = try w.session("ada")
        #expect(try ada.users().map(\.login) == ["ada", "central", "chad", "cole", "cora", "county"])
        try ada.setDeadline("first-meeting-days", days: 14)
        #expect(try ada.deadlines().firstMeetingDays == 14)
        #expect(try ada.setRole(login: "cora", role: .busChair).role == .busChair)
        // "Every plan" belongs to coordinators: another role drops it.
        let former = try ada.setRole(login: "central", role: .busChair, busGroupId: w.f.group.id)
        #expect(former.role == .busChair && !former.allPlans)
        #expect(throws: SIPError.userExists("cora")) {
            try ada.addUser(login: "cora", name: "Cora", role: .coordinator, agencyId: w.f.school.id)
        }
        #expect(throws: SIPError.required(field: .agencyName)) {
            try ada.addUser(login: "nils", name: "Nils", role: .coordinator, agencyId: nil)
        }
        #expect(throws: SIPError.invalidValue(field: .login, value: "bad user")) {
            try ada.addUser(login: "bad user", name: "Nils", role: .administrator, agencyId: nil)
        }
        #expect(throws: SIPError.lastAdministrator) { try ada.setRole(login: "ada", role: .coordinator) }
        // A chair needs a group, or every group asked for: a missing group must not mean all of them.
        #expect(throws: SIPError.required(field: .groupName)) {
            try ada.addUser(login: "nils", name: "Nils", role: .busChair, agencyId: w.f.insurance.id)
        }
        #expect(
            try ada.addUser(login: "nils", name: "Nils", role: .busChair, agencyId: nil, allPlans: true).busGroupId
                == nil)
        // A name several organisations share is not a choice.
        let twin = try w.t.store.addAgency(
            kind: "skola", principalName: "Annanstad kommun", name: "Ängsskolan",
            busGroupId: w.otherGroup.id)
        #expect(throws: SIPError.ambiguousAgency("Ängsskolan", [w.f.school.id!, twin.id!])) {
            try ada.agency(matching: "Ängsskolan")
        }
        #expect(!(try ada.auditTrail().isEmpty))
        #expect(throws: SIPError.notPermitted(.administrator)) { try ada.planSummaries() }
        #expect(throws: SIPError.notPermitted(.administrator)) { try ada.planDocument(w.f.plan.id!) }
        #expect(throws: SIPError.notPermitted(.administrator)) { try ada.deviationSummaries() }
        #expect(throws: SIPError.notPermitted(.administrator)) {
            try ada.review(groupId: nil, from: Day(year: 2026, month: 1, day: 1)!, to: w.t.store.context.today)
        }
    }

    @Test("a role changed by an administrator applies at once, also in a session already open")
    func roleChangeApplies() throws {
        let w = try RoleWorld()
        let cora = try w.session("cora")
        #expect(try cora.planSummaries().count == 1)
        try w.session("ada").setRole(login: "cora", role: .busChair, busGroupId: w.f.group.id)
        #expect(throws: SIPError.notPermitted(.busChair)) { try cora.planSummaries() }
        #expect(throws: SIPError.notPermitted(.busChair)) { try cora.planDocument(w.f.plan.id!) }
    }

    @Test("meeting notes are saved to one's own meeting and refused on another plan's")
    func meetingNotes() throws {
        let w = try RoleWorld()
        let start = w.t.clock.now.addingTimeInterval(86_400)
        let own = try w.t.store.addMeeting(
            planId: w.f.plan.id!, kind: .first, startsAt: start, durationMinutes: 60, place: "Skolan")
        let other = try w.t.store.addMeeting(
            planId: w.otherPlan.id!, kind: .first, startsAt: start, durationMinutes: 60, place: "Annan")
        let cora = try w.session("cora")
        for item in try w.t.store.agenda(meetingId: own.id!) {
            try cora.saveAgendaNotes(itemId: item.id!, notes: "Noterat \(item.position)")
        }
        #expect(try w.t.store.agenda(meetingId: own.id!).allSatisfy { $0.notes.hasPrefix("Noterat") })
        for item in try w.t.store.agenda(meetingId: other.id!) {
            #expect(throws: SIPError.planNotPermitted(w.otherPlan.id!)) {
                try cora.saveAgendaNotes(itemId: item.id!, notes: "Fel")
            }
        }
        #expect(try w.t.store.agenda(meetingId: other.id!).allSatisfy { $0.notes.isEmpty })
    }

    @Test("the demo makes its user a coordinator of every demo plan")
    func demo() throws {
        let t = try TestStore(user: "nykomling")
        #expect(try t.store.signIn().role == .administrator)
        let summary = try DemoGenerator.run(store: t.store, plans: 12, seed: 3)
        #expect(t.store.access?.role == .coordinator)
        #expect(try t.store.planSummaries().count == summary.plans)
    }
}
