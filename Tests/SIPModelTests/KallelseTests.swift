import Foundation
import GRDB
import SIPTestSupport
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// A sendmail command that is a real program: a shell script that keeps each message it reads
/// (or fails, or hangs) in a directory of its own.
struct SendmailStub {
    let dir = TempDir()

    /// `accept`: writes standard input to a new file and exits 0.
    /// `fail`: reads its input, says why on stderr and exits 75 (EX_TEMPFAIL).
    /// `hang`: never answers.
    enum Behaviour { case accept, fail, hang }

    func mailer(_ behaviour: Behaviour, timeout: TimeInterval = 60) throws -> Sendmail {
        let script = dir.path("sendmail-\(behaviour)")
        let body =
            switch behaviour {
            case .accept: "cat > \"\(dir.path("mail"))-$$-$(date +%s%N).eml\"\nexit 0"
            case .fail: "cat > /dev/null\necho 'relay.example.org: 451 try again later' >&2\nexit 75"
            case .hang: "exec sleep 600"
            }
        try ("#!/bin/sh\n" + body + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o700)
        return Sendmail(command: script, timeout: timeout)
    }

    /// What the accepting stub kept, as text.
    var messages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .sorted().compactMap { try? String(contentsOfFile: dir.path($0), encoding: .utf8) }
    }
}

extension Fixture {
    /// The school and BUP invited, each with a contact person with an e-mail address.
    func inviteProfessionals(_ store: Store) throws -> (school: Participant, bup: Participant) {
        _ = try store.addContact(agencyId: school.id!, name: "Elin Rektor", role: "Rektor", email: "elin@skola.example")
        _ = try store.addContact(agencyId: bup.id!, name: "Bo Läkare", role: "Läkare", email: "bo@bup.example")
        let a = try store.addParticipant(planId: plan.id!, agencyId: school.id!, person: "Elin Rektor", role: "Rektor")
        let b = try store.addParticipant(planId: plan.id!, agencyId: bup.id!, person: "Bo Läkare", role: "Läkare")
        return (a, b)
    }

    func meeting(_ store: Store, on iso: String, hour: Int = 10) throws -> Meeting {
        try store.addMeeting(
            planId: plan.id!, kind: .first, startsAt: Day(iso: iso)!.date(hour: hour, in: .stockholm),
            durationMinutes: 60, place: "Familjecentralen, rum 2")
    }
}

@Suite("Invitations that are sent, answers per meeting, reply-by, the plan's life cycle")
struct KallelseTests {
    let c = Catalog(.sv)

    /// A store on 2026-03-02 with consent in force, the school and BUP invited, and a meeting on the 12th.
    struct World {
        let clock = TestClock(day("2026-03-02"))
        let t: TestStore
        let f: Fixture
        let school: Participant
        let bup: Participant
        let meeting: Meeting
        var store: Store { t.store }

        init() throws {
            t = try TestStore(clock: clock)
            f = try Fixture(t.store)
            try f.consentBoth(t.store)
            (school, bup) = try f.inviteProfessionals(t.store)
            meeting = try f.meeting(t.store, on: "2026-03-12")
        }
    }

    @Test("a kallelse goes to each invited organisation's person once per revision; the plan becomes invited")
    func sending() throws {
        let t = try TestStore(clock: TestClock(day("2026-03-02")))
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        _ = try f.inviteProfessionals(t.store)
        let meeting = try f.meeting(t.store, on: "2026-03-12")
        let stub = SendmailStub()
        let dispatch = try t.store.kallelseDispatch(planId: f.plan.id!)
        #expect(dispatch.pending.map(\.address) == ["elin@skola.example", "bo@bup.example"])
        #expect(dispatch.replyBy == day("2026-03-07"))  // five days before, the local default
        let (sent, outcomes) = try t.store.sendKallelse(
            planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.accept))
        #expect(sent.meetingId == meeting.id && outcomes.allSatisfy { $0.failure == nil } && outcomes.count == 2)
        #expect(stub.messages.count == 2)
        #expect(try t.store.plan(f.plan.id!).status == .invited)
        // Again: everyone has this revision, nothing goes out.
        let again = try t.store.sendKallelse(planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.accept))
        #expect(again.outcomes.isEmpty && again.dispatch.sent.count == 2)
        #expect(stub.messages.count == 2)
        // No child's name or number, no family member's name, no frågeställning in any mail.
        for message in stub.messages {
            let decoded = Self.decodedText(message)
            for word in ["Åsa", "Öberg", "20150312", "0312-0006", "Märta", "Örjan", "tillbaka till skolan"] {
                #expect(!decoded.contains(word), "\(word) in the mail")
            }
            #expect(decoded.contains("Plan: \(f.plan.id!)") && decoded.contains("Svara senast: 2026-03-07"))
        }
    }

    @Test("the sendmail command failing or hanging marks nothing sent; the next send tries again")
    func failures() throws {
        let w = try World()
        let (t, f) = (w.t, w.f)
        let stub = SendmailStub()
        let failed = try t.store.sendKallelse(planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.fail))
        #expect(failed.outcomes.count == 2)
        #expect(failed.outcomes.allSatisfy { $0.failure?.contains("kod 75") == true })
        #expect(failed.outcomes.allSatisfy { $0.failure?.contains("451 try again later") == true })
        let hung = try t.store.sendKallelse(
            planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.hang, timeout: 0.5))
        #expect(hung.outcomes.allSatisfy { $0.failure?.contains("svarade inte") == true })
        // Nothing was accepted: both still pending, the plan still a draft.
        #expect(try t.store.kallelseDispatch(planId: f.plan.id!).pending.count == 2)
        #expect(try t.store.plan(f.plan.id!).status == .draft)
        let accepted = try t.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mailSent WHERE accepted = 1")
        }
        #expect(accepted == 0)
        let retry = try t.store.sendKallelse(planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.accept))
        #expect(retry.outcomes.count == 2 && retry.outcomes.allSatisfy { $0.failure == nil })
        #expect(stub.messages.count == 2)
    }

    @Test("answers are per meeting: an answer to the first meeting says nothing about the next")
    func answersPerMeeting() throws {
        let clock = TestClock(day("2026-03-02"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        let (school, bup) = try f.inviteProfessionals(t.store)
        let first = try f.meeting(t.store, on: "2026-03-12")
        let second = try f.meeting(t.store, on: "2026-03-26")
        let stub = SendmailStub()
        _ = try t.store.sendKallelse(
            planId: f.plan.id!, meetingId: first.id!, catalog: c, mailer: try stub.mailer(.accept))
        _ = try t.store.sendKallelse(
            planId: f.plan.id!, meetingId: second.id!, replyBy: day("2026-03-20"), catalog: c,
            mailer: try stub.mailer(.accept))
        try t.store.setAnswer(meetingId: first.id!, participantId: school.id!, .accepted)
        try t.store.setAnswer(meetingId: first.id!, participantId: bup.id!, .declined)
        let firstAnswers = Dictionary(
            uniqueKeysWithValues: try t.store.invitees(meetingId: first.id!).map {
                ($0.participantId, $0.answer)
            })
        let secondAnswers = Dictionary(
            uniqueKeysWithValues: try t.store.invitees(meetingId: second.id!).map {
                ($0.participantId, $0.answer)
            })
        #expect(firstAnswers[school.id!] == .accepted && firstAnswers[bup.id!] == .declined)
        #expect(secondAnswers[school.id!] == .noAnswer && secondAnswers[bup.id!] == .noAnswer)
        // Past both reply-by dates: only the second meeting is unanswered.
        clock.set(day("2026-03-21"))
        let past = try t.store.invitationsPastReplyBy()
        #expect(past.map(\.meetingId) == [second.id!])
        #expect(past.first?.unanswered == 2)
    }

    @Test("a reply-by date that passed offers the 'kallelse ej besvarad' deviation; only a person registers it")
    func replyByOffersDeviation() throws {
        let w = try World()
        let (clock, t, f, school, meeting) = (w.clock, w.t, w.f, w.school, w.meeting)
        let stub = SendmailStub()
        _ = try t.store.sendKallelse(
            planId: f.plan.id!, replyBy: day("2026-03-05"), catalog: c, mailer: try stub.mailer(.accept))
        try t.store.setAnswer(meetingId: meeting.id!, participantId: school.id!, .accepted)
        clock.set(day("2026-03-05"))  // the reply-by day itself: still in time
        #expect(try t.store.offeredDeviations(planId: f.plan.id!).isEmpty)
        #expect(try t.store.invitationsPastReplyBy().isEmpty)
        clock.set(day("2026-03-06"))
        let offers = try t.store.offeredDeviations(planId: f.plan.id!)
        #expect(offers.count == 1)
        #expect(offers.first?.concernedAgencyId == f.bup.id && offers.first?.kind == "kallelse_ej_besvarad")
        #expect(offers.first?.occurredOn == day("2026-03-06"))
        #expect(try t.store.invitationsPastReplyBy().map(\.planId) == [f.plan.id!])
        // Offered, not filed.
        #expect(try t.store.deviationSummaries(planId: f.plan.id!).isEmpty)
        try t.store.registerDeviation(offers[0])
        #expect(try t.store.deviationSummaries(planId: f.plan.id!).count == 1)
        #expect(try t.store.offeredDeviations(planId: f.plan.id!).isEmpty)
        // A held meeting offers nothing more.
        clock.set(day("2026-03-12"))
        try t.store.finishMeeting(meeting.id!, minutes: "")
        #expect(try t.store.invitationsPastReplyBy().isEmpty)
    }

    @Test("the unanswered invitations follow the user's access: consent is the access rule")
    func unansweredRespectsAccess() throws {
        let clock = TestClock(day("2026-03-02"))
        // Set up unscoped (the library used directly), the plan coordinated by anna.
        let t = try TestStore(clock: clock, user: "admin")
        let setup = t.store
        let f = try Fixture(setup)
        try setup.addUser(login: "anna", name: "Anna", role: .coordinator, agencyId: f.social.id!)
        try setup.addUser(login: "kim", name: "Kim", role: .coordinator, agencyId: f.insurance.id!)
        try setup.addUser(login: "bo", name: "Bo", role: .coordinator, agencyId: f.bup.id!)
        // The coordinator changes only by hand-over; the fixture's plan is simply given to anna.
        try setup.write { db in
            try db.execute(sql: "UPDATE \"plan\" SET coordinatorLogin = 'anna' WHERE id = ?", arguments: [f.plan.id!])
        }
        try f.consentBoth(setup)
        _ = try f.inviteProfessionals(setup)
        _ = try f.meeting(setup, on: "2026-03-12")
        _ = try setup.sendKallelse(
            planId: f.plan.id!, replyBy: day("2026-03-05"), catalog: c, mailer: try SendmailStub().mailer(.accept))
        clock.set(day("2026-03-06"))
        func past(_ login: String) throws -> [Int64] {
            let s = try Store(
                path: t.dir.path("sip.sqlite"), context: SessionContext(user: login, now: { [clock] in clock.now }))
            try s.signIn()
            return try s.invitationsPastReplyBy().map(\.planId)
        }
        #expect(try past("anna") == [f.plan.id!])  // coordinates it
        #expect(try past("bo") == [f.plan.id!])  // BUP is covered by the consent
        #expect(try past("kim") == [])  // no consent covers Försäkringskassan
        // The consent withdrawn: BUP no longer sees the plan, nor its kallelse.
        for consent in try setup.planDocument(f.plan.id!).consents {
            try setup.withdrawConsent(consent.id, on: day("2026-03-06"))
        }
        #expect(try past("bo") == [])
        #expect(try past("anna") == [f.plan.id!])
    }

    @Test(
        "a moved meeting keeps its UID with a higher SEQUENCE and fresh answers; a cancellation goes to those sent it")
    func rescheduleAndCancel() throws {
        let w = try World()
        let (t, f, school, meeting) = (w.t, w.f, w.school, w.meeting)
        let stub = SendmailStub()
        _ = try t.store.sendKallelse(planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.accept))
        try t.store.setAnswer(meetingId: meeting.id!, participantId: school.id!, .accepted)
        try t.store.rescheduleMeeting(meeting.id!, startsAt: day("2026-03-13").date(hour: 13, in: .stockholm))
        #expect(try t.store.kallelse(meetingId: meeting.id!)?.sequence == 1)
        #expect(try t.store.invitees(meetingId: meeting.id!).allSatisfy { $0.answer == .noAnswer })
        let moved = try t.store.sendKallelse(planId: f.plan.id!, catalog: c, mailer: try stub.mailer(.accept))
        #expect(moved.dispatch.sequence == 1 && moved.outcomes.count == 2)
        // A person added now was never sent the meeting: the cancellation does not go to them.
        _ = try t.store.addContact(agencyId: f.social.id!, name: "Sara Soc", email: "sara@soc.example")
        _ = try t.store.addParticipant(planId: f.plan.id!, agencyId: f.social.id!, person: "Sara Soc", role: "")
        try t.store.cancelMeeting(meeting.id!)
        #expect(throws: SIPError.meetingCancelled(meeting.id!)) {
            try t.store.setAnswer(meetingId: meeting.id!, participantId: school.id!, .accepted)
        }
        let cancelled = try t.store.sendKallelse(
            planId: f.plan.id!, meetingId: meeting.id!, catalog: c, mailer: try stub.mailer(.accept))
        #expect(cancelled.dispatch.method == .cancel && cancelled.dispatch.sequence == 2)
        #expect(cancelled.outcomes.map(\.recipient) == ["elin@skola.example", "bo@bup.example"])
        let last = stub.messages.map(Self.decodedText).filter { $0.contains("METHOD:CANCEL") }
        #expect(last.count == 2 && last.allSatisfy { $0.contains("SEQUENCE:2") && $0.contains("STATUS:CANCELLED") })
    }

    @Test("a closed plan refuses new meetings and kallelser; reopened with a reason (audited) it takes them again")
    func closedPlan() throws {
        let t = try TestStore(clock: TestClock(day("2026-03-02")))
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        _ = try f.inviteProfessionals(t.store)
        let meeting = try f.meeting(t.store, on: "2026-03-12")
        try t.store.changeStatus(planId: f.plan.id!, to: .invited)
        try t.store.changeStatus(planId: f.plan.id!, to: .closed, note: "Familjen flyttade")
        let id = f.plan.id!
        #expect(throws: SIPError.planClosed(id)) { try f.meeting(t.store, on: "2026-03-20") }
        #expect(throws: SIPError.planClosed(id)) { try t.store.kallelseDispatch(planId: id) }
        #expect(throws: SIPError.planClosed(id)) {
            try t.store.sendKallelse(planId: id, catalog: c, mailer: try SendmailStub().mailer(.accept))
        }
        #expect(throws: SIPError.planClosed(id)) {
            try t.store.rescheduleMeeting(meeting.id!, startsAt: day("2026-03-13").date(hour: 9, in: .stockholm))
        }
        #expect(c.message(.planClosed(id)).contains("avslutad"))
        #expect(throws: SIPError.required(field: .note)) { try t.store.reopenPlan(id, reason: "  ") }
        let reopened = try t.store.reopenPlan(id, reason: "Familjen kom tillbaka")
        #expect(reopened.status == .invited && reopened.closedReason == nil)
        #expect(throws: SIPError.planNotClosed(id)) { try t.store.reopenPlan(id, reason: "igen") }
        let trail = try t.store.auditTrail(planId: id)
        #expect(trail.contains { $0.action == "reopen" })
        _ = try f.meeting(t.store, on: "2026-03-20")
        #expect(try t.store.kallelseDispatch(planId: id).pending.count == 2)
    }

    @Test("closing warns about interventions still owed")
    func owedInterventions() throws {
        let t = try TestStore(clock: TestClock(day("2026-03-02")))
        let f = try Fixture(t.store)
        #expect(try t.store.owedInterventions(planId: f.plan.id!).isEmpty)
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Anpassad studiegång", agencyId: f.school.id!, startDate: day("2026-03-02"),
            dueDate: day("2026-06-01"))
        #expect(try t.store.owedInterventions(planId: f.plan.id!).count == 1)
    }

    /// The message with its base64 parts decoded, as a reader would see it.
    static func decodedText(_ message: String) -> String {
        var out = message
        for block in message.components(separatedBy: "\r\n\r\n").dropFirst() {
            let lines = block.components(separatedBy: "\r\n").prefix { !$0.hasPrefix("--") }
            if let data = Data(base64Encoded: lines.joined(), options: .ignoreUnknownCharacters),
                let text = String(data: data, encoding: .utf8)
            {
                out += "\n" + text
            }
        }
        return out
    }
}
