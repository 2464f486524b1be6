import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Requests for a SIP between organisations: a school asks social services, whose coordinators
/// answer; every step dated and audited; nobody else sees them.
@Suite("Requests for a SIP: inbox, answers, visibility")
struct RequestTests {
    /// The role world, with a coordinator at social services and one at the other area's school.
    struct World {
        let w: RoleWorld
        let cora: Store  // school (asks)
        let sara: Store  // social services (answers)
        let otto: Store  // coordinator at another organisation

        init() throws {
            w = try RoleWorld()
            let ada = try w.session("ada")
            try ada.addUser(login: "sara", name: "Sara Socialsekreterare", role: .coordinator, agencyId: w.f.social.id)
            try ada.addUser(login: "otto", name: "Otto Annan", role: .coordinator, agencyId: w.otherSchool.id)
            cora = try w.session("cora")
            sara = try w.session("sara")
            otto = try w.session("otto")
        }

        func ask(_ store: Store? = nil, number: String = "20150312-0006", name: String = "Åsa Öberg") throws
            -> PlanRequest
        {
            try (store ?? cora).addRequest(
                NewRequest(
                    toAgencyId: w.f.social.id!, askerName: "", askerFunction: "Rektor", childName: name,
                    personalNumber: number, question: "Hög frånvaro: vad behöver Åsa?",
                    consent: "Mamma samtycker muntligt"))
        }

        func audit(_ action: String) throws -> [String] {
            try w.t.store.read { db in
                try String.fetchAll(
                    db, sql: "SELECT user FROM auditLog WHERE entity = 'request' AND action = ? ORDER BY id",
                    arguments: [action])
            }
        }
    }

    @Test("a school registers a request: social services' coordinators see it, the school sees its own, no one else")
    func visibility() throws {
        let x = try World()
        let request = try x.ask()
        #expect(request.fromAgencyId == x.w.f.school.id)
        #expect(request.askerName == "Cora Samordnare")
        #expect(request.busGroupId == x.w.f.group.id)
        #expect(try x.sara.requests(.inbox).map(\.id) == [request.id!])
        #expect(try x.sara.daySchedule().lines(.newRequests).map(\.requestId) == [request.id!])
        #expect(try x.cora.requests(.mine).map(\.id) == [request.id!])
        #expect(try x.cora.requests(.inbox).isEmpty)
        // A coordinator of another organisation, and a colleague at the school, see nothing of it.
        #expect(try x.otto.requests(.inbox).isEmpty)
        #expect(try x.otto.daySchedule().count(.newRequests) == 0)
        let cole = try x.w.session("cole")
        #expect(try cole.requests(.mine).isEmpty)
        #expect(throws: SIPError.notFound(.request, request.id!)) { try x.otto.request(request.id!) }
        #expect(throws: SIPError.notFound(.request, request.id!)) { try cole.request(request.id!) }
        #expect(try x.sara.request(request.id!).personalNumberMasked == "20150312-****")
        // The central SIP team (every plan) sees every request.
        #expect(try x.w.session("central").requests(.inbox).count == 1)
        #expect(try x.audit("create") == ["cora"])
    }

    @Test("registering is neutral about the child: a known, an unknown and another area's child answer alike")
    func neutralProbe() throws {
        let x = try World()
        // Åsa has a plan; the other number is nobody's; Bo has a plan cora cannot see.
        for (number, name) in [("20150312-0006", "Åsa Öberg"), ("20150312-0014", "Ny Person")] {
            let request = try x.ask(number: number, name: name)
            #expect(request.status == .new)
            #expect(request.planId == nil)
        }
        // A bad number is refused as anywhere else, nothing written.
        #expect(throws: SIPError.invalidPersonalNumber(.checkDigit)) { try x.ask(number: "20150312-0007") }
        #expect(try x.cora.requests(.mine).count == 2)
        // A chair with an organisation may ask too; an administrator without one may not.
        #expect(try x.ask(try x.w.session("chad")).fromAgencyId == x.w.f.social.id)
        #expect(throws: SIPError.requestNeedsOrganisation) { try x.ask(try x.w.session("ada")) }
    }

    @Test("accepting makes a draft plan the coordinator coordinates, filled in from the request, audited")
    func accept() throws {
        let x = try World()
        let request = try x.ask(number: "20150312-0014", name: "Ny Person")
        // Another organisation's coordinator cannot accept it; nothing is created.
        #expect(throws: SIPError.notPermitted(.coordinator)) { try x.otto.acceptRequest(request.id!) }
        #expect(try x.w.t.store.read { db in try Plan.fetchCount(db) } == 2)
        let plan = try x.sara.acceptRequest(request.id!, .init(sex: .boy))
        #expect(plan.coordinatorLogin == "sara")
        #expect(plan.status == .draft)
        #expect(plan.initiatorKind == .agency)
        #expect(plan.initiatorAgencyId == x.w.f.school.id)
        #expect(plan.initiatorPerson == "Cora Samordnare, Rektor")
        #expect(plan.questions == "Hög frånvaro: vad behöver Åsa?")
        #expect(plan.requestDate == request.receivedOn)
        #expect(plan.busGroupId == x.w.f.group.id)
        #expect(try x.sara.plan(plan.id!).id == plan.id)
        let answered = try x.cora.request(request.id!)
        #expect(answered.status == .accepted)
        #expect(answered.planId == plan.id)
        #expect(answered.answeredOn == x.w.t.store.context.today)
        #expect(answered.answeredBy == "sara")
        #expect(try x.sara.daySchedule().count(.newRequests) == 0)
        #expect(try x.audit("accept") == ["sara"])
        // Answered once only.
        #expect(throws: SIPError.requestAnswered(request.id!)) { try x.sara.acceptRequest(request.id!) }
        #expect(throws: SIPError.requestAnswered(request.id!)) { try x.sara.declineRequest(request.id!, reason: "x") }
    }

    @Test("accepting for a child the coordinator cannot see is refused neutrally, and nothing is written")
    func acceptNeutral() throws {
        let x = try World()
        // Bo's plan is in the other area: sara cannot see it.
        let bo = try x.w.t.store.addChild(name: "Bo Bergsson", personalNumber: "20150312-0014", sex: .boy)
        _ = try x.w.t.store.createPlan(
            NewPlan(
                childId: bo.id!, busGroupId: x.w.otherGroup.id!, initiatorKind: .guardian,
                requestDate: x.w.t.store.context.today))
        let request = try x.ask(number: "20150312-0014", name: "Bo Bergsson")
        #expect(throws: SIPError.personalNumberUnavailable) { try x.sara.acceptRequest(request.id!) }
        #expect(try x.sara.request(request.id!).status == .new)
        #expect(try x.audit("accept").isEmpty)
    }

    @Test("retention: a request declined before the day loses the child's and the asker's details and its text; newer and open ones stay")
    func declinedPurged() throws {
        let x = try World()
        let old = try x.ask()
        try x.sara.declineRequest(old.id!, reason: "Ärendet är redan aktuellt hos oss.")
        let open = try x.ask(number: "20150312-0014", name: "Bo Bergsson")
        x.w.t.clock.set(day("2026-03-20"))
        let recent = try x.ask()
        try x.sara.declineRequest(recent.id!, reason: "Inte vårt")
        let ada = try x.w.session("ada")
        #expect(try ada.declinedRequestsToPurge(answeredBefore: day("2026-03-20")) == [old.id!])
        #expect(throws: SIPError.notPermitted(.coordinator)) { try x.sara.declinedRequestsToPurge(answeredBefore: day("2026-03-20")) }
        try ada.purge(closedBefore: day("2026-03-20"))
        let purged = try #require(try x.w.t.store.read { try PlanRequest.fetchOne($0, key: old.id!) })
        #expect(purged.childName == "-" && purged.personalNumber == nil && purged.askerName == "-")
        #expect(purged.question == "-" && purged.consent == "" && purged.declineReason == "-")
        // What the review counts stays: who asked whom, when, and the answer.
        #expect(purged.status == .declined && purged.receivedOn == old.receivedOn && purged.fromAgencyId == old.fromAgencyId)
        #expect(try x.sara.request(old.id!).childName == "-")
        #expect(try x.sara.request(open.id!).childName == "Bo Bergsson")
        #expect(try x.sara.request(recent.id!).childName == "Åsa Öberg")
        #expect(try x.audit("purge") == ["ada"])
        #expect(try ada.declinedRequestsToPurge(answeredBefore: day("2026-03-20")).isEmpty)
    }

    @Test("declining needs a reason; the requester reads it; audited")
    func decline() throws {
        let x = try World()
        let request = try x.ask()
        #expect(throws: SIPError.required(field: .reason)) { try x.sara.declineRequest(request.id!, reason: "  ") }
        #expect(try x.sara.request(request.id!).status == .new)
        #expect(throws: SIPError.notPermitted(.coordinator)) {
            try x.otto.declineRequest(request.id!, reason: "Inte vårt")
        }
        try x.sara.declineRequest(request.id!, reason: "Ärendet är redan aktuellt hos oss.")
        let seen = try x.cora.requests(.mine)
        #expect(seen.map(\.status) == [.declined])
        #expect(seen.first?.declineReason == "Ärendet är redan aktuellt hos oss.")
        #expect(try x.audit("decline") == ["sara"])
        // The school cannot answer its own request.
        let second = try x.ask()
        #expect(throws: SIPError.notPermitted(.coordinator)) { try x.cora.declineRequest(second.id!, reason: "Nej") }
    }

    @Test(
        "the review counts requests received, accepted and declined, and days to the first meeting; small counts hidden"
    )
    func review() throws {
        let x = try World()
        let today = x.w.t.store.context.today
        let accepted = try x.ask(number: "20150312-0014", name: "Ny Person")
        let declined = try x.ask()
        _ = try x.ask()
        let plan = try x.sara.acceptRequest(accepted.id!)
        try x.sara.declineRequest(declined.id!, reason: "Redan aktuellt")
        let meeting = try x.sara.addMeeting(
            planId: plan.id!, kind: .first, startsAt: today.adding(days: 5).date(hour: 9, in: .stockholm),
            durationMinutes: 60, place: "Socialkontoret")
        try x.w.t.store.write { db in
            try db.execute(sql: "UPDATE meeting SET held = 1 WHERE id = ?", arguments: [meeting.id!])
        }
        let (from, to) = (today.adding(days: -30), today)
        let chad = try x.w.session("chad")
        let full = try chad.review(groupId: nil, from: from, to: to)
        #expect(full.requestsReceived.count == 3)
        #expect(full.requestsReceived.ids.count == 3)
        #expect(full.requestsAccepted.ids == [accepted.id!])
        #expect(full.requestsDeclined.ids == [declined.id!])
        #expect(full.requestToFirstMeeting.measured == 1)
        #expect(full.requestToFirstMeeting.medianDays == 5)
        #expect(full.requestToFirstMeeting.maxDays == 5)
        // The tallied review (the screen's) counts them the same way.
        #expect(try chad.review(groupId: nil, from: from, to: to, withIds: false).requestsReceived.count == 3)
        // The other area's chair... the other group counts none of them; a period before counts none.
        #expect(try x.w.t.store.review(groupId: x.w.otherGroup.id, from: from, to: to).requestsReceived.count == 0)
        #expect(try chad.review(groupId: nil, from: from.adding(days: -60), to: from).requestsReceived.count == 0)
        // As a chair sees it: under three hidden, the days with the count they belong to.
        let c = Catalog(.sv)
        let rows = ReviewTable.rows(full.suppressed(below: 3), catalog: c)
        func count(_ section: ReviewLabel, _ item: ReviewLabel) -> String? {
            rows.first { $0.section == c.review(section) && $0.item == c.review(item) }?.count
        }
        #expect(count(.requests, .requestsReceived) == "3")
        #expect(count(.requests, .requestsAccepted) == "<3")
        #expect(count(.requests, .requestsDeclined) == "<3")
        #expect(count(.requestToFirstMeeting, .firstMeetings) == "<3")
        #expect(count(.requestToFirstMeeting, .medianDays) == "–")
        #expect(count(.requestToFirstMeeting, .longestDays) == "–")
        let open = ReviewTable.rows(full.suppressed(below: 1), catalog: c)
        #expect(
            open.first { $0.item == c.review(.medianDays) && $0.section == c.review(.requestToFirstMeeting) }?.count
                == "5,0")
        // The list behind a figure names organisations and dates, never the child.
        let list = try chad.reviewList(.requests, ids: full.requestsReceived.ids, on: today, catalog: c)
        #expect(list.count == 3)
        #expect(list.allSatisfy { !$0.contains("Åsa") && !$0.contains("Ny Person") && $0.contains("Socialtjänsten") })
    }
}
