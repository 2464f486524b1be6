import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Running a SIP: invitation, meeting, follow-up")
struct MeetingTests {
    func meetingAt(_ store: Store, _ f: Fixture, day: String, hour: Int = 10) throws -> Meeting {
        try store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: Day(iso: day)!.date(hour: hour, in: .stockholm),
            durationMinutes: 90, place: "Familjecentralen, rum 2", videoLink: "")
    }

    @Test("a plan is overdue once the first meeting has not been held within the configured days of consent")
    func firstMeetingDeadline() throws {
        let clock = TestClock(day("2026-03-02"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)  // valid from 2026-03-02
        clock.set(day("2026-03-23"))  // day 21: still in time
        #expect(try !t.store.planSummaries()[0].overdue)
        clock.set(day("2026-03-24"))
        #expect(try t.store.planSummaries()[0].overdue)
        try t.store.setDeadline("first-meeting-days", days: 30)
        #expect(try !t.store.planSummaries()[0].overdue)
        #expect(try t.store.deadlines().firstMeetingDays == 30)
        // A held meeting ends the wait.
        try t.store.setDeadline("first-meeting-days", days: 7)
        let meeting = try meetingAt(t.store, f, day: "2026-03-20")
        #expect(try t.store.planSummaries()[0].overdue)
        try t.store.finishMeeting(meeting.id!, minutes: "Planen upprättades.")
        #expect(try !t.store.planSummaries()[0].overdue)
        #expect(throws: SIPError.self) { try t.store.setDeadline("first-meeting-days", days: 0) }
        #expect(throws: SIPError.self) { try t.store.setDeadline("lunch-days", days: 3) }
    }

    @Test("holding the meeting activates the plan and proposes the follow-up date from the local interval")
    func finishing() throws {
        let clock = TestClock(day("2026-03-02"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        let meeting = try meetingAt(t.store, f, day: "2026-03-10")
        // Without consent the meeting is recorded but the plan cannot become active.
        #expect(throws: SIPError.consentRequired) { try t.store.finishMeeting(meeting.id!, minutes: "") }
        try f.consentBoth(t.store)
        let plan = try t.store.finishMeeting(meeting.id!, minutes: "Genomfört.")
        #expect(plan.status == .active)
        #expect(plan.followUpDate == day("2026-06-08"))  // 90 days after 2026-03-10
        #expect(try t.store.meetings(planId: f.plan.id!)[0].held)
    }

    @Test("refusing a request needs a documented reason and is only for requests not yet under way")
    func refusal() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        #expect(throws: SIPError.closingReasonRequired) { try t.store.refuseRequest(planId: f.plan.id!, reason: "  ") }
        #expect(try t.store.plan(f.plan.id!).status == .draft)
        let refused = try t.store.refuseRequest(planId: f.plan.id!, reason: "Behovet tillgodoses redan i elevhälsan.")
        #expect(refused.status == .closed && refused.closedKind == .refused)
        #expect(refused.closedReason == "Behovet tillgodoses redan i elevhälsan.")
        let other = try t.store.createPlan(
            NewPlan(
                childId: f.child.id!, busGroupId: f.group.id!, initiatorKind: .child,
                requestDate: t.store.context.today))
        try t.store.changeStatus(planId: other.id!, to: .invited)
        #expect(throws: SIPError.transitionNotAllowed(from: .invited, to: .closed)) {
            try t.store.refuseRequest(planId: other.id!, reason: "För sent")
        }
    }

    @Test("an absence without notice prefills a de-identified BUS deviation with plan, party and date")
    func deviationPrefill() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.leadAgencyId = f.social.id
        try t.store.updatePlan(plan)
        let bup = try t.store.addParticipant(
            planId: f.plan.id!, agencyId: f.bup.id!, person: "Stina Ström", role: "Psykolog")
        let school = try t.store.addParticipant(
            planId: f.plan.id!, agencyId: f.school.id!, person: "Åke Lund", role: "Rektor")
        let meeting = try meetingAt(t.store, f, day: "2026-03-10")
        try t.store.recordAttendance(meetingId: meeting.id!, participantId: bup.id!, status: .present)
        try t.store.recordAttendance(meetingId: meeting.id!, participantId: bup.id!, status: .absentWithoutNotice)
        #expect(
            try t.store.attendance(meetingId: meeting.id!)[bup.id!] == .absentWithoutNotice,
            "a second mark replaces the first")
        try t.store.recordAttendance(meetingId: meeting.id!, participantId: school.id!, status: .declined)

        let draft = try t.store.deviationDraft(meetingId: meeting.id!, participantId: bup.id!)
        #expect(
            draft.planId == f.plan.id && draft.concernedAgencyId == f.bup.id && draft.reportingAgencyId == f.social.id)
        #expect(draft.occurredOn == day("2026-03-10") && draft.kind == "uteblev")
        #expect(!draft.description.contains("Åsa") && !draft.description.contains("20150312"))
        #expect(draft.description.contains("BUP Testby"))
        #expect(try t.store.deviationDraft(meetingId: meeting.id!, participantId: school.id!).kind == "avbojde")

        let deviation = try t.store.registerDeviation(draft)
        #expect(deviation.status == .registered)
        #expect(deviation.responseDue == t.store.context.today.adding(days: 30))
        #expect(try t.store.deviationSummaries(planId: f.plan.id!).map(\.id) == [deviation.id!])
    }

    @Test("an intervention not delivered needs a comment; marking done is recorded")
    func interventionStatus() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var i = try t.store.addIntervention(
            planId: f.plan.id!, what: "Samtal", agencyId: f.bup.id!,
            startDate: day("2026-03-16"), dueDate: day("2026-05-01"))
        i.status = .notDelivered
        #expect(throws: SIPError.required(field: .comment)) { try t.store.updateIntervention(i) }
        i.comment = "Personalbrist hela våren."
        #expect(try t.store.updateIntervention(i).status == .notDelivered)
        i.dueDate = day("2026-01-01")
        #expect(throws: SIPError.dateOrder(field: .dueDate)) { try t.store.updateIntervention(i) }
        #expect(try t.store.interventions(planId: f.plan.id!)[0].dueDate == day("2026-05-01"))
    }

    @Test("undo puts the plan back as it was, unless someone changed it since")
    func undo() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let before = try t.store.plan(f.plan.id!)
        var edited = before
        edited.childView = "Ny text"
        let after = try t.store.updatePlan(edited)
        let restored = try t.store.undoPlanChange(before: before, afterVersion: after.version)
        #expect(restored.childView == "" && restored.version == after.version + 1)

        var again = restored
        again.childView = "Min text"
        let mine = try t.store.updatePlan(again)
        var theirs = mine
        theirs.reason = "Kollegans ändring"
        try t.store.updatePlan(theirs)
        #expect(throws: SIPError.self) { try t.store.undoPlanChange(before: restored, afterVersion: mine.version) }
        #expect(try t.store.plan(f.plan.id!).reason == "Kollegans ändring")
    }

    @Test("the invitation: text from the template; iCalendar with organiser, attendees, Stockholm times")
    func invitation() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        // Försäkringskassan is invited too: covered by consents that name it, the kallelse names the child.
        for guardian in [f.mother, f.father] {
            try t.store.addConsent(
                planId: f.plan.id!, givenBy: .guardian(guardian.id!), information: "Ersättning",
                validFrom: t.store.context.today, agencyIds: [f.insurance.id!])
        }
        try t.store.addContact(agencyId: f.bup.id!, name: "Stina Ström", role: "Psykolog", email: "stina@example.org")
        try t.store.addParticipant(planId: f.plan.id!, agencyId: f.bup.id!, person: "Stina Ström", role: "Psykolog")
        try t.store.addParticipant(
            planId: f.plan.id!, agencyId: f.insurance.id!, person: "Åke; Lund, \"FK\"", role: "Handläggare")
        _ = try meetingAt(t.store, f, day: "2026-07-01", hour: 13)  // summer time: +02:00
        let invitation = try Invitation(document: try t.store.planDocument(f.plan.id!))
        let text = try invitation.text()
        #expect(text.contains("Kallelse till SIP-möte"))
        #expect(text.contains("onsdag 1 juli 2026"))
        #expect(text.contains("13:00–14:30 (90 minuter)"))
        #expect(text.contains("Hur kommer Åsa tillbaka till skolan?"))
        #expect(text.contains("Stina Ström, Psykolog, BUP Testby (kallelse)"))
        #expect(text.contains("(inbjudan)"))
        #expect(!text.contains("{{"))

        let ics = invitation.ics(organizer: "mailto:samordnare@example.org", now: t.clock.now)
        #expect(ics.contains("DTSTART;TZID=Europe/Stockholm:20260701T130000\r\n"))
        #expect(ics.contains("DTEND;TZID=Europe/Stockholm:20260701T143000\r\n"))
        #expect(ics.contains("mailto:stina@example.org"))
        #expect(!ics.contains("Åsa") && !ics.contains("Öberg"), "calendars never name the child")
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        try withKnownIssue("needs python3-icalendar", isIntermittent: true) {
            try ICalendarCheck.parse(
                ics,
                expect: [
                    "2026-07-01 13:00:00+02:00", "2026-07-01 14:30:00+02:00",
                    "Europe/Stockholm", "mailto:stina@example.org", "attendees=2",
                ])
        } when: {
            !ICalendarCheck.isAvailable
        }
    }

    @Test("no invitation goes out without valid consent")
    func invitationNeedsConsent() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        _ = try meetingAt(t.store, f, day: "2026-04-01")
        #expect(throws: SIPError.consentRequired) { try Invitation(document: try t.store.planDocument(f.plan.id!)) }
    }

    @Test(
        "the written plan holds every template section and marks the four legal points",
        arguments: PlanExport.Format.allCases)
    func export(_ format: PlanExport.Format) throws {
        let t = try TestStore(clock: TestClock(day("2026-11-20")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 2)
        let id = try #require(try t.store.planSummaries(PlanFilter(status: .active)).first?.id)
        let output = PlanExport(try t.store.planDocument(id)).render(format)
        for title in PlanExport.templateTitles() {
            #expect(output.contains(title) || output.contains(title.uppercased()), "\(title)")
        }
        for n in 1...4 { #expect(output.contains("Lagkrav \(n) av 4")) }
        let document = try t.store.planDocument(id)
        #expect(output.contains(document.guardians[0].name))
        #expect(output.contains(document.interventions[0].what))
        #expect(output.contains(document.plan.followUpDate!.iso))
        #expect(output.contains("Kopia till"))
        if format == .html {
            #expect(output.contains("@media print") && output.contains("size: A4"))
            #expect(!output.contains("<script"))
        }
    }

    @Test("HTML export escapes what it prints")
    func htmlEscapes() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = "<script>alert(1)</script> & \"citat\""
        try t.store.updatePlan(plan)
        let html = PlanExport(try t.store.planDocument(f.plan.id!)).render(.html)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;"))
    }
}

/// Parses an iCalendar text with Python's icalendar (Debian: python3-icalendar), a standard parser
/// independent of ours.
enum ICalendarCheck {
    static let python = "/usr/bin/python3"
    static var isAvailable: Bool { shell([python, "-c", "import icalendar"]).status == 0 }

    static func parse(_ ics: String, expect: [String]) throws {
        let dir = TempDir()
        let file = dir.path("invite.ics")
        try ics.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = list(cal.walk('VEVENT'))
            assert len(events) == 1, len(events)
            e = events[0]
            print(e['DTSTART'].dt, e['DTEND'].dt, e['DTSTART'].dt.tzinfo, e['ORGANIZER'])
            attendees = e.get('ATTENDEE')
            print('attendees=%d' % len(attendees))
            for a in attendees: print(a)
            """
        let result = shell([python, "-c", script, file])
        #expect(result.status == 0, "icalendar could not parse the file")
        for text in expect { #expect(result.out.contains(text), "\(text) not in: \(result.out)") }
    }
}
