import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Ways data could be lost or overwritten without anyone noticing, each closed.
@Suite("No silent loss or overwrite")
struct DataSafetyTests {
    func held(_ t: TestStore, _ f: Fixture, minutes: String = "Genomfört.") throws -> Meeting {
        try f.consentBoth(t.store)
        let meeting = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: t.clock.now,
            durationMinutes: 60, place: "Rum 1")
        try t.store.finishMeeting(meeting.id!, minutes: minutes)
        return meeting
    }

    @Test("a meeting is held once: finishing it again is refused and its minutes stay")
    func finishTwice() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let meeting = try held(t, f)
        try t.store.changeStatus(planId: f.plan.id!, to: .followUpDue)
        #expect(throws: SIPError.meetingAlreadyHeld) { try t.store.finishMeeting(meeting.id!, minutes: "") }
        #expect(try t.store.meetings(planId: f.plan.id!)[0].minutes == "Genomfört.")
        #expect(try t.store.plan(f.plan.id!).status == .followUpDue)
    }

    @Test("finishing a meeting without consent writes nothing at all")
    func finishAtomic() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let meeting = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: t.clock.now,
            durationMinutes: 60, place: "Rum 1")
        let before = try t.store.plan(f.plan.id!)
        #expect(throws: SIPError.consentRequired) { try t.store.finishMeeting(meeting.id!, minutes: "x") }
        #expect(try t.store.plan(f.plan.id!) == before)
        #expect(try !t.store.meetings(planId: f.plan.id!)[0].held)
    }

    @Test("a follow-up meeting proposes a new follow-up date when the old one has passed")
    func followUpDate() throws {
        let clock = TestClock(day("2026-03-02"))
        let t = try TestStore(clock: clock)
        let f = try Fixture(t.store)
        _ = try held(t, f)
        #expect(try t.store.plan(f.plan.id!).followUpDate == day("2026-05-31"))
        clock.set(day("2026-06-10"))
        try t.store.changeStatus(planId: f.plan.id!, to: .followUpDue)
        let followUp = try t.store.addMeeting(
            planId: f.plan.id!, kind: .followUp, startsAt: clock.now,
            durationMinutes: 60, place: "Rum 1")
        let plan = try t.store.finishMeeting(followUp.id!, minutes: "")
        #expect(plan.status == .active && plan.followUpDate == day("2026-09-08"))
        #expect(try !t.store.planSummaries()[0].overdue)
    }

    @Test("a child already known by number gets the new plan; no duplicate child, no database error")
    func knownChild() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let again = try t.store.createPlan(
            childName: "Åsa Öberg", personalNumber: "20150312-0006", birthDate: nil,
            sex: .girl, busGroupId: f.group.id, initiatorKind: .guardian,
            requestDate: t.store.context.today, reason: "Ny begäran", questions: "")
        #expect(again.childId == f.child.id)
        #expect(try t.store.read { db in try Child.fetchCount(db) } == 1)
    }

    @Test("the same deviation is registered once")
    func duplicateDeviation() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let party = try t.store.addParticipant(
            planId: f.plan.id!, agencyId: f.bup.id!, person: "Stina", role: "Psykolog")
        try t.store.addParticipant(planId: f.plan.id!, agencyId: f.school.id!, person: "Åke", role: "Rektor")
        let meeting = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: t.clock.now, durationMinutes: 60,
            place: "")
        try t.store.recordAttendance(meetingId: meeting.id!, participantId: party.id!, status: .absentWithoutNotice)
        let draft = try t.store.deviationDraft(meetingId: meeting.id!, participantId: party.id!)
        let first = try t.store.registerDeviation(draft)
        #expect(throws: SIPError.alreadyRegistered(first.id!)) { try t.store.registerDeviation(draft) }
        #expect(try t.store.deviationSummaries(planId: f.plan.id!).count == 1)
    }

    @Test("an intervention changed by someone else is not overwritten by an older edit or an undo")
    func interventionChangedElsewhere() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let shown = try t.store.addIntervention(
            planId: f.plan.id!, what: "Samtal", agencyId: f.bup.id!,
            startDate: day("2026-03-16"), dueDate: day("2026-05-01"))
        var theirs = shown
        theirs.status = .done
        let after = try t.store.updateIntervention(theirs, expecting: shown)
        var mine = shown
        mine.comment = "Min kommentar"
        #expect(throws: SIPError.changedElsewhere(.intervention)) {
            try t.store.updateIntervention(mine, expecting: shown)
        }
        var third = after
        third.comment = "Kollegans kommentar"
        try t.store.updateIntervention(third, expecting: after)
        #expect(throws: SIPError.changedElsewhere(.intervention)) {
            try t.store.undoInterventionChange(before: shown, after: after)
        }
        #expect(try t.store.interventions(planId: f.plan.id!)[0] == third)
    }

    @Test("length limits count what the database counts; direction overrides are dropped")
    func units() throws {
        let emoji = String(repeating: "👍🏽", count: 61)  // 61 graphemes, 122 code points
        #expect(throws: SIPError.tooLong(field: .name, max: 120)) { try TextRules.validated(emoji, for: .name) }
        #expect(try TextRules.validated("abc\u{202E}fed\u{2066}x", for: .name) == "abcfedx")
        let t = try TestStore()
        let f = try Fixture(t.store)
        var plan = try t.store.plan(f.plan.id!)
        plan.childView = String(repeating: "👍🏽", count: 1999)  // 3998 code points: fits
        #expect(try t.store.updatePlan(plan).childView.unicodeScalars.count == 3998)
    }

    @Test("guardian and invitation are one write: both or neither")
    func guardianInvited() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let member = try t.store.addFamilyMember(
            childId: f.child.id!, role: .guardian, name: "Ny Vårdnadshavare",
            inviteTo: f.plan.id!, participantRole: "Vårdnadshavare")
        #expect(try t.store.participants(planId: f.plan.id!).contains { $0.familyMemberId == member.id })
        #expect(throws: SIPError.self) {
            try t.store.addFamilyMember(childId: f.child.id!, role: .guardian, name: "Utan Plan", inviteTo: 999)
        }
        #expect(try t.store.read { db in try FamilyMember.filter(Column("name") == "Utan Plan").fetchCount(db) } == 0)
    }
}
