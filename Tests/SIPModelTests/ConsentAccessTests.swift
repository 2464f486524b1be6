import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// The fixture's plan coordinated by Cora (school); Sofia works at social services, Ines at the
/// insurance office, Bea at BUP. The library (unsigned) builds it; each user opens a session.
struct ConsentWorld {
    let t: TestStore
    let f: Fixture

    init() throws {
        t = try TestStore(user: "fixture")
        f = try Fixture(t.store)
        try t.store.addUser(login: "ada", name: "Ada Admin", role: .administrator, agencyId: nil)
        let admin = try session("ada")
        try admin.addUser(login: "cora", name: "Cora Samordnare", role: .coordinator, agencyId: f.school.id)
        try admin.addUser(login: "sofia", name: "Sofia Social", role: .coordinator, agencyId: f.social.id)
        try admin.addUser(login: "ines", name: "Ines Kassa", role: .coordinator, agencyId: f.insurance.id)
        try admin.addUser(login: "bea", name: "Bea Bup", role: .coordinator, agencyId: f.bup.id)
        let planId = f.plan.id!
        try t.store.write { db in
            try db.execute(sql: "UPDATE \"plan\" SET coordinatorLogin = 'cora' WHERE id = ?", arguments: [planId])
        }
    }

    func session(_ login: String) throws -> Store { try t.session(login) }

    func consent(_ store: Store, agencies: [Agency]) throws -> [Consent] {
        try [f.mother, f.father].map { guardian in
            try store.addConsent(
                planId: f.plan.id!, givenBy: .guardian(guardian.id!), information: "Skolgång och hälsa",
                validFrom: store.context.today, validTo: store.context.today.adding(days: 365),
                agencyIds: agencies.map { $0.id! })
        }
    }

    func sees(_ login: String) throws -> Bool {
        try session(login).planSummaries().contains { $0.id == f.plan.id }
    }
}

@Suite("Consent decides who sees a plan; the child register discloses nothing")
struct ConsentAccessTests {
    @Test("a personnummer of a child the user may not see reveals nothing, and creates nothing")
    func personalNumberProbe() throws {
        let w = try ConsentWorld()
        let bea = try w.session("bea")
        let before = try w.t.store.planSummaries().count
        var message = ""
        do {
            let plan = try bea.createPlan(
                childName: "Kalle Prov", personalNumber: "20150312-0006", birthDate: nil, sex: .boy,
                busGroupId: w.f.group.id, initiatorKind: .guardian, requestDate: bea.context.today,
                reason: "", questions: "")
            let document = try bea.planDocument(plan.id!)
            message = document.child.name + " " + document.guardians.map(\.name).joined()
            Issue.record("the probe opened a plan for \(document.child.name)")
        } catch let error as SIPError {
            #expect(error == .personalNumberUnavailable)
            message = Catalog(.sv).message(error) + Catalog(.en).message(error)
        }
        #expect(!message.contains("Åsa") && !message.contains("Märta") && !message.contains("Öberg"))
        #expect(try w.t.store.planSummaries().count == before)
        // A number nobody holds still works, for the same user.
        #expect(
            try bea.createPlan(
                childName: "Kalle Prov", personalNumber: "20140101-0010", birthDate: nil, sex: .boy,
                busGroupId: w.f.group.id, initiatorKind: .guardian, requestDate: bea.context.today,
                reason: "", questions: ""
            ).id != nil)
    }

    @Test("a duplicate open plan is caught within what the user sees, and the typed name is never replaced")
    func visibleDuplicate() throws {
        let w = try ConsentWorld()
        let cora = try w.session("cora")
        #expect(throws: SIPError.duplicateOpenPlan(w.f.plan.id!)) {
            try cora.createPlan(
                childName: "Åsa Öberg", personalNumber: "20150312-0006", birthDate: nil, sex: .girl,
                busGroupId: w.f.group.id, initiatorKind: .guardian, requestDate: cora.context.today,
                reason: "", questions: "")
        }
        #expect(Catalog(.en).message(.duplicateOpenPlan(7)).contains("7"))
        try cora.changeStatus(planId: w.f.plan.id!, to: .closed, note: "Klar")
        #expect(throws: SIPError.personalNumberOtherName) {
            try cora.createPlan(
                childName: "Någon Annan", personalNumber: "20150312-0006", birthDate: nil, sex: .girl,
                busGroupId: w.f.group.id, initiatorKind: .guardian, requestDate: cora.context.today,
                reason: "", questions: "")
        }
        let again = try cora.createPlan(
            childName: "Åsa Öberg", personalNumber: "20150312-0006", birthDate: nil, sex: .girl,
            busGroupId: w.f.group.id, initiatorKind: .guardian, requestDate: cora.context.today,
            reason: "", questions: "")
        #expect(again.childId == w.f.child.id)
    }

    @Test("an organisation invited outside every consent is asked about, sees nothing, and its kallelse names no one")
    func laterInvitedOrganisation() throws {
        let w = try ConsentWorld()
        let cora = try w.session("cora")
        #expect(throws: SIPError.consentCoversNoOne) { try w.consent(cora, agencies: []) }
        _ = try w.consent(cora, agencies: [w.f.social])
        #expect(try w.sees("sofia"))
        #expect(try !w.sees("bea"))
        #expect(throws: SIPError.outsideConsent(w.f.insurance.name)) {
            try cora.addParticipant(
                planId: w.f.plan.id!, agencyId: w.f.insurance.id, person: "Handläggare", role: "FK")
        }
        try cora.addParticipant(
            planId: w.f.plan.id!, agencyId: w.f.insurance.id, person: "Handläggare", role: "FK",
            outsideConsent: true)
        let trail = try w.t.store.auditTrail()
        #expect(trail.contains { $0.action == "create" && $0.detail.contains("outside consent") })
        // Invited, yet not covered: the plan is not theirs to see.
        #expect(try !w.sees("ines"))
        #expect(throws: SIPError.planNotPermitted(w.f.plan.id!)) { try w.session("ines").plan(w.f.plan.id!) }
        try cora.addMeeting(
            planId: w.f.plan.id!, kind: .first, startsAt: cora.context.now().addingTimeInterval(86_400),
            durationMinutes: 60, place: "Ängsskolan")
        let hidden = try Invitation(document: cora.planDocument(w.f.plan.id!)).text()
        for detail in ["Åsa", "Öberg", "Märta", "20150312", "0006"] {
            #expect(!hidden.contains(detail), "the kallelse shows \(detail)")
        }
        _ = try w.consent(cora, agencies: [w.f.insurance])
        #expect(try w.sees("ines"))
        #expect(try Invitation(document: cora.planDocument(w.f.plan.id!)).text().contains("Åsa Öberg"))
    }

    @Test("the trail says on what ground a plan was seen: as its coordinator, or under a consent for an organisation")
    func accessGroundInTrail() throws {
        let w = try ConsentWorld()
        let cora = try w.session("cora")
        _ = try w.consent(cora, agencies: [w.f.social])
        _ = try cora.planDocument(w.f.plan.id!)
        _ = try w.session("sofia").planDocument(w.f.plan.id!)
        let views = try w.t.store.auditTrail().filter { $0.action == "view" }
        #expect(views.contains { $0.user == "cora" && $0.detail.contains("seen as coordinator") })
        #expect(
            views.contains {
                $0.user == "sofia" && $0.detail.contains("seen under consent covering organisation \(w.f.social.id!)")
            })
    }

    @Test("a withdrawal stops sharing at once; the coordinator's own organisation keeps the plan")
    func withdrawalStopsSharing() throws {
        let w = try ConsentWorld()
        let cora = try w.session("cora")
        let consents = try w.consent(cora, agencies: [w.f.social])
        #expect(try w.sees("sofia"))
        try cora.withdrawConsent(consents[0].id!, on: cora.context.today)
        #expect(try !w.sees("sofia"))
        #expect(try w.sees("cora"))
    }

    @Test("the child's own consent counts from the local age, or with a recorded maturity assessment")
    func childConsentAgeRule() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        #expect(try t.store.deadlines()["child-consent-age"] == 15)
        try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        // Åsa is 11.
        try t.store.addConsent(
            planId: f.plan.id!, givenBy: .child, information: "Allt om skolan",
            validFrom: t.store.context.today, agencyIds: [f.school.id!])
        #expect(try !t.store.consentIsValid(planId: f.plan.id!))
        #expect(throws: SIPError.consentRequired) { try t.store.changeStatus(planId: f.plan.id!, to: .active) }
        #expect(throws: SIPError.required(field: .reason)) {
            try t.store.recordMaturityAssessment(planId: f.plan.id!, reason: "  ")
        }
        try t.store.recordMaturityAssessment(planId: f.plan.id!, reason: "Samtal med Åsa: förstår vad det gäller")
        #expect(try t.store.changeStatus(planId: f.plan.id!, to: .active).status == .active)

        // The age is a local setting.
        let u = try TestStore()
        let g = try Fixture(u.store)
        try u.store.setDeadline("child-consent-age", days: 11)
        try u.store.changeStatus(planId: g.plan.id!, to: .invited)
        try u.store.addConsent(
            planId: g.plan.id!, givenBy: .child, information: "Allt", validFrom: u.store.context.today,
            agencyIds: [g.school.id!])
        #expect(try u.store.changeStatus(planId: g.plan.id!, to: .active).status == .active)
    }

    @Test(
        "a coordinator at one organisation: the list, its count, filters, a page and the deviations hold exactly the plans she may see"
    )
    func narrowedListsFromCandidates() throws {
        let w = try ConsentWorld()
        let store = w.t.store, f = w.f, today = store.context.today
        try store.addUser(login: "carl", name: "Carl Kollega", role: .coordinator, agencyId: f.school.id)
        /// A plan of a new child with two guardians, coordinated by `coordinator`; each guardian
        /// consents for `agencies` (nil: that guardian gives none).
        func plan(_ name: String, coordinator: String, mother: [Agency]?, father: [Agency]?) throws -> Int64 {
            let child = try store.addChild(name: name, personalNumber: nil, birthDate: "2014-05-05", sex: .boy)
            let guardians = try ["mamma", "pappa"].map {
                try store.addFamilyMember(childId: child.id!, role: .guardian, name: "\(name) \($0)", relation: $0)
            }
            let id = try store.createPlan(
                NewPlan(
                    childId: child.id!, busGroupId: f.group.id!, initiatorKind: .guardian, initiatorPerson: name,
                    requestDate: today, reason: "Frånvaro", questions: "")
            ).id!
            try store.write { db in
                try db.execute(
                    sql: "UPDATE \"plan\" SET coordinatorLogin = ? WHERE id = ?", arguments: [coordinator, id])
            }
            for (guardian, agencies) in zip(guardians, [mother, father]) {
                guard let agencies else { continue }
                try store.addConsent(
                    planId: id, givenBy: .guardian(guardian.id!), information: "Skolan", validFrom: today,
                    validTo: today.adding(days: 365), agencyIds: agencies.map { $0.id! })
            }
            return id
        }
        let colleagues = try plan("Bo Kollega", coordinator: "carl", mother: nil, father: nil)
        let shared = try plan("Cia Delad", coordinator: "sofia", mother: [f.school], father: [f.school, f.bup])
        let oneGuardian = try plan("Dan Halv", coordinator: "sofia", mother: [f.school], father: nil)
        let withdrawn = try plan("Eva Återkallad", coordinator: "sofia", mother: [f.school], father: [f.school])
        let elsewhere = try plan("Fia Annan", coordinator: "sofia", mother: [f.bup], father: [f.bup])
        let consent = try #require(try store.planDocument(withdrawn).consents.first)
        try store.withdrawConsent(consent.id, on: today)
        let visible = [f.plan.id!, colleagues, shared]

        let cora = try w.session("cora")
        let page = try cora.planPage(PlanFilter())
        #expect(page.rows.map(\.id) == visible)
        #expect(page.total == 3)
        let short = try cora.planPage(PlanFilter(sort: .child, limit: 2, offset: 1))
        #expect(short.rows.map(\.id) == [shared, f.plan.id!])
        #expect(short.total == 3)
        #expect(try cora.planPage(PlanFilter(status: .draft)).total == 3)
        #expect(try cora.planPage(PlanFilter(busGroupId: f.group.id)).rows.map(\.id) == visible)
        #expect(try cora.planPage(PlanFilter(search: "Halv")).total == 0)
        #expect(try cora.planPage(PlanFilter(search: "Delad")).rows.map(\.id) == [shared])
        #expect(try store.planPage(PlanFilter()).total == 6)

        // Deviations: about her plans, or reported by or concerning her organisation.
        var expected: Set<Int64> = []
        for id in [f.plan.id!, colleagues, shared, oneGuardian, withdrawn, elsewhere] {
            let deviation = try store.addDeviation(
                reportingAgencyId: f.bup.id!, concernedAgencyId: f.insurance.id!, planId: id, occurredOn: today,
                kind: "uteblev", description: "Kom inte.")
            if visible.contains(id) { expected.insert(deviation.id!) }
        }
        let own = try store.addDeviation(
            reportingAgencyId: f.school.id!, concernedAgencyId: f.bup.id!, planId: elsewhere, occurredOn: today,
            kind: "uteblev", description: "BUP kom inte.")
        expected.insert(own.id!)
        #expect(Set(try cora.deviationSummaries().map(\.id)) == expected)
        #expect(try cora.deviationSummaries().count == 4)
    }

    @Test("a withdrawn consent is marked in the plan list and on the plan")
    func withdrawalMarkedInList() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        try drive(t.store, plan: f.plan.id!, to: .active)
        #expect(try t.store.planSummaries().allSatisfy { !$0.consentWithdrawn })
        let first = try t.store.planDocument(f.plan.id!).consents[0]
        try t.store.withdrawConsent(first.id, on: t.store.context.today)
        let row = try #require(try t.store.planSummaries().first { $0.id == f.plan.id })
        #expect(row.consentWithdrawn)
        #expect(try t.store.planDocument(f.plan.id!).consentWithdrawn)
        let json = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
        #expect(json.contains("\"consentWithdrawn\":true"))
    }

    @Test("protected identity: the address appears on no screen text, document or export")
    func protectedIdentity() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let hidden = try t.store.addFamilyMember(
            childId: f.child.id!, role: .guardian, name: "Gömd Förälder", address: "Hemliga vägen 7, 123 45 Byn")
        try t.store.setProtectedIdentity(familyMemberId: hidden.id!, true)
        var d = try t.store.planDocument(f.plan.id!)
        func outputs(_ d: PlanDocument) throws -> [String] {
            let export = PlanExport(d, catalog: Catalog(.sv))
            return [
                TextReports.planText(d, catalog: Catalog(.sv)),
                String(decoding: try JSONEncoder().encode(d), as: UTF8.self),
            ] + PlanExport.Format.allCases.map { export.render($0) }
        }
        for output in try outputs(d) { #expect(!output.contains("Hemliga vägen")) }
        #expect(d.guardians.first { $0.id == hidden.id }?.protectedIdentity == true)
        // A protected child: no family member's address shows.
        try t.store.write { db in
            try db.execute(
                sql: "UPDATE familyMember SET address = 'Synliga gatan 1' WHERE id = ?", arguments: [f.mother.id!])
        }
        #expect(try outputs(t.store.planDocument(f.plan.id!)).allSatisfy { $0.contains("Synliga gatan") })
        try t.store.setProtectedIdentity(childId: f.child.id!, true)
        d = try t.store.planDocument(f.plan.id!)
        for output in try outputs(d) { #expect(!output.contains("Synliga gatan")) }
    }
}
