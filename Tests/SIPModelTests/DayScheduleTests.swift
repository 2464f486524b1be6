import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// The coordinator's day ("Att göra") by an injected clock: what falls within the week and what does not.
@Suite("The coordinator's day: sections by the session's clock")
struct DayScheduleTests {
    /// The fixture's plan on 2026-03-16 (a Monday), with the clock movable.
    static func world() throws -> (TestStore, Fixture) {
        let t = try TestStore(user: "fixture")
        let f = try Fixture(t.store)
        return (t, f)
    }

    func planIds(_ schedule: DaySchedule, _ section: DaySection) -> [Int64?] { schedule.lines(section).map(\.planId) }

    @Test("follow-ups: overdue and due today to in 7 days are listed; in 8 days is not")
    func followUpBoundaries() throws {
        let (t, f) = try Self.world()
        let today = t.store.context.today
        for (offset, listed, overdue) in [(-1, true, true), (0, true, false), (7, true, false), (8, false, false)] {
            var plan = try t.store.plan(f.plan.id!)
            plan.followUpDate = today.adding(days: offset)
            try t.store.updatePlan(plan)
            let lines = try t.store.daySchedule().lines(.followUps)
            #expect(lines.count == (listed ? 1 : 0), "follow-up in \(offset) days")
            if listed {
                #expect(lines[0].planId == f.plan.id)
                #expect(lines[0].overdue == overdue, "follow-up in \(offset) days")
                #expect(lines[0].day == today.adding(days: offset))
            }
        }
    }

    @Test("interventions owed: overdue, today and in 7 days listed, in 8 days and done ones not")
    func interventionBoundaries() throws {
        let (t, f) = try Self.world()
        let today = t.store.context.today
        let start = today.adding(days: -30)
        var ids: [Int: Int64] = [:]
        for offset in [-2, 0, 7, 8] {
            ids[offset] = try t.store.addIntervention(
                planId: f.plan.id!, what: "Stöd \(offset)", agencyId: f.school.id!, startDate: start,
                dueDate: today.adding(days: offset)
            ).id
        }
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Klart", agencyId: f.school.id!, startDate: start, dueDate: today, status: .done)
        let lines = try t.store.daySchedule().lines(.interventions)
        #expect(lines.map(\.day) == [-2, 0, 7].map { today.adding(days: $0) })
        #expect(lines.map(\.overdue) == [true, false, false])
        #expect(lines.allSatisfy { $0.planId == f.plan.id })
        #expect(lines[0].detail.contains("Stöd -2"))
    }

    @Test("a section lists a page and counts to the cap: 1 001 owed interventions show 200 lines and \"1000+\"")
    func countStopsAtTheCap() throws {
        let (t, f) = try Self.world()
        let today = t.store.context.today
        for n in 0...DaySchedule.countCap {
            try t.store.addIntervention(
                planId: f.plan.id!, what: "Stöd \(n)", agencyId: f.school.id!, startDate: today.adding(days: -30),
                dueDate: today.adding(days: -(n % 20)))
        }
        let schedule = try t.store.daySchedule()
        let lines = schedule.lines(.interventions)
        #expect(lines.count == DaySchedule.sectionLimit)
        // The page is the earliest owed, in date order.
        #expect(lines.first?.day == today.adding(days: -19))
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.day! <= $1.day! })
        #expect(schedule.count(.interventions) == DaySchedule.countCap)
        #expect(DaySchedule.countText(schedule.count(.interventions)) == "1000+")
        #expect(schedule.totalText.hasSuffix("+"))
        #expect(DaySchedule.countText(999) == "999")

        // A coordinator at one organisation (her day is read from her plans, lines and count in one
        // pass) gets the same page and the same capped count; one who sees no plan, nothing.
        try t.store.addUser(login: "cora", name: "Cora Samordnare", role: .coordinator, agencyId: f.school.id)
        try t.store.addUser(login: "bea", name: "Bea Bup", role: .coordinator, agencyId: f.bup.id)
        try t.store.write { db in
            try db.execute(sql: "UPDATE \"plan\" SET coordinatorLogin = 'cora' WHERE id = ?", arguments: [f.plan.id!])
        }
        let hers = try t.session("cora").daySchedule()
        #expect(hers.lines(.interventions).map(\.day) == lines.map(\.day))
        #expect(hers.lines(.interventions).map(\.detail) == lines.map(\.detail))
        #expect(hers.count(.interventions) == DaySchedule.countCap)
        #expect(try t.session("bea").daySchedule().count(.interventions) == 0)
    }

    @Test("meetings: today's, the coming week's (to 7 days ahead), not held ones only, in Swedish days")
    func meetings() throws {
        let (t, f) = try Self.world()
        let today = t.store.context.today
        func book(_ offset: Int, hour: Int) throws -> Meeting {
            try t.store.addMeeting(
                planId: f.plan.id!, kind: .first, startsAt: today.adding(days: offset).date(hour: hour, in: .stockholm),
                durationMinutes: 60, place: "Rum \(offset)")
        }
        // 00:30 today in Stockholm is the day before in UTC: still today's.
        let early = try book(0, hour: 0)
        _ = try book(1, hour: 9)
        _ = try book(7, hour: 23)
        _ = try book(8, hour: 9)
        _ = try book(-1, hour: 9)
        let schedule = try t.store.daySchedule()
        #expect(schedule.lines(.meetingsToday).map(\.detail) == ["Rum 0"])
        #expect(schedule.lines(.meetingsToday).first?.startsAt == early.startsAt)
        #expect(schedule.lines(.meetingsThisWeek).map(\.detail) == ["Rum 1", "Rum 7"])
        // A new day: yesterday's meeting of today is no longer today's.
        t.clock.set(today.adding(days: 1))
        #expect(try t.store.daySchedule().lines(.meetingsToday).map(\.detail) == ["Rum 1"])
    }

    @Test("quiet plans: no meeting for day-quiet-days days (the setting), counted from the request without one")
    func quietPlans() throws {
        let (t, f) = try Self.world()
        let requested = t.store.context.today
        // Requested today: not quiet for 89 days, quiet on the 90th.
        t.clock.set(requested.adding(days: 89))
        #expect(try t.store.daySchedule().count(.quietPlans) == 0)
        t.clock.set(requested.adding(days: 90))
        let quiet = try t.store.daySchedule()
        #expect(quiet.quietDays == 90)
        #expect(planIds(quiet, .quietPlans) == [f.plan.id])
        // A meeting booked ahead: not quiet.
        let ahead = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: requested.adding(days: 100).date(hour: 10, in: .stockholm),
            durationMinutes: 60, place: "Skolan")
        #expect(try t.store.daySchedule().count(.quietPlans) == 0)
        // The setting is the count of days: that meeting was 30 days ago.
        t.clock.set(requested.adding(days: 130))
        try t.store.setDeadline("day-quiet-days", days: 31)
        #expect(try t.store.daySchedule().count(.quietPlans) == 0)
        try t.store.setDeadline("day-quiet-days", days: 30)
        let last = try t.store.daySchedule().lines(.quietPlans)
        #expect(last.map(\.planId) == [f.plan.id])
        #expect(last.first?.startsAt == ahead.startsAt)
        // Moved to a day ahead of the quiet window's start: no longer quiet; moved back: quiet from
        // its new time.
        let later = requested.adding(days: 101).date(hour: 9, in: .stockholm)
        try t.store.rescheduleMeeting(ahead.id!, startsAt: later)
        #expect(try t.store.daySchedule().count(.quietPlans) == 0)
        let earlier = requested.adding(days: 95).date(hour: 9, in: .stockholm)
        try t.store.rescheduleMeeting(ahead.id!, startsAt: earlier)
        #expect(try t.store.daySchedule().lines(.quietPlans).map(\.startsAt) == [earlier])
        #expect(throws: SIPError.self) { try t.store.setDeadline("day-quiet-days", days: 0) }
    }

    @Test("quiet plans in order: those never met first, by request, then by their last meeting; recent ones left out")
    func quietOrder() throws {
        let (t, f) = try Self.world()
        let start = t.store.context.today
        /// A plan requested `offset` days after the start, with a meeting on day `met` when given.
        func plan(requested offset: Int, met: Int?) throws -> Int64 {
            t.clock.set(start.adding(days: offset))
            let plan =
                offset == 0
                ? f.plan
                : try t.store.createPlan(
                    NewPlan(
                        childId: f.child.id!, busGroupId: f.group.id!, initiatorKind: .guardian,
                        initiatorPerson: "Märta Öberg", requestDate: t.store.context.today, reason: "Frånvaro",
                        questions: "Hur går det i skolan?"))
            if let met {
                _ = try t.store.addMeeting(
                    planId: plan.id!, kind: .first, startsAt: start.adding(days: met).date(hour: 10, in: .stockholm),
                    durationMinutes: 60, place: "Skolan")
            }
            return plan.id!
        }
        let metLater = try plan(requested: 0, met: 5)
        let metFirst = try plan(requested: 1, met: 2)
        let askedFirst = try plan(requested: 3, met: nil)
        let askedLater = try plan(requested: 4, met: nil)
        _ = try plan(requested: 150, met: nil)  // asked recently, never met: not quiet
        _ = try plan(requested: 6, met: 190)  // met recently: not quiet
        t.clock.set(start.adding(days: 200))
        let schedule = try t.store.daySchedule()
        #expect(planIds(schedule, .quietPlans) == [askedFirst, askedLater, metFirst, metLater])
        #expect(try t.store.daySchedule().count(.quietPlans) == 4)
    }

    @Test("a meeting called off is not ahead: not this week, not the next date, not held, and the plan can be quiet")
    func cancelledMeeting() throws {
        let (t, f) = try Self.world()
        let requested = t.store.context.today
        t.clock.set(requested.adding(days: 120))
        let today = t.store.context.today
        #expect(planIds(try t.store.daySchedule(), .quietPlans) == [f.plan.id])
        let meeting = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: today.adding(days: 2).date(hour: 10, in: .stockholm),
            durationMinutes: 60, place: "Skolan")
        let booked = try t.store.daySchedule()
        #expect(planIds(booked, .meetingsThisWeek) == [f.plan.id] && booked.count(.quietPlans) == 0)
        #expect(try t.store.planSummaries().first { $0.id == f.plan.id }?.nextDate == today.adding(days: 2))

        try t.store.cancelMeeting(meeting.id!)
        let after = try t.store.daySchedule()
        #expect(after.count(.meetingsThisWeek) == 0)
        #expect(planIds(after, .quietPlans) == [f.plan.id], "its only meeting was called off")
        #expect(try t.store.planSummaries().first { $0.id == f.plan.id }?.nextDate != today.adding(days: 2))
        #expect(throws: SIPError.meetingCancelled(meeting.id!)) { try t.store.finishMeeting(meeting.id!, minutes: "x") }
        #expect(try t.store.meetings(planId: f.plan.id!).first?.held == false)
        // It stays in the plan's history, marked.
        let text = TextReports.planText(try t.store.planDocument(f.plan.id!), catalog: Catalog(.sv))
        #expect(text.contains("60 min, Skolan (inställt)"))
        // A new meeting booked in its place is the next one again.
        _ = try t.store.addMeeting(
            planId: f.plan.id!, kind: .first, startsAt: today.adding(days: 3).date(hour: 10, in: .stockholm),
            durationMinutes: 60, place: "Skolan")
        #expect(planIds(try t.store.daySchedule(), .meetingsThisWeek) == [f.plan.id])
        #expect(try t.store.planSummaries().first { $0.id == f.plan.id }?.nextDate == today.adding(days: 3))
    }

    @Test("an older file: a meeting its kallelse called off is called off once migrated, and its plan is quiet")
    func cancelledMeetingMigration() throws {
        let dir = TempDir()
        let path = dir.path("old.sqlite")
        let config = oldFileConfiguration()
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue, upTo: "v23-review-history")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO busGroup (id, name) VALUES (1, 'G');
                        INSERT INTO child (id, name, birthDate, sex) VALUES (1, 'Åsa', '2015-03-12', 'flicka');
                        INSERT INTO "plan" (id, childId, busGroupId, initiatorKind, requestDate, status, createdAt, updatedAt)
                        VALUES (1, 1, 1, 'guardian', '2026-01-10', 'invited', '2026-01-10 10:00:00.000', '2026-01-10 10:00:00.000');
                        INSERT INTO meeting (id, planId, kind, startsAt, durationMinutes, place, videoLink, minutes, held)
                        VALUES (1, 1, 'first', '2026-02-01 09:00:00.000', 60, 'Skolan', '', '', 0),
                               (2, 1, 'first', '2026-09-01 09:00:00.000', 60, 'Skolan', '', '', 0);
                        INSERT INTO kallelse (meetingId, replyBy, sequence, cancelledAt, createdAt, createdBy)
                        VALUES (2, '2026-08-25', 1, '2026-08-20 10:00:00.000', '2026-08-01 10:00:00.000', 'anna');
                        """)
            }
            #expect(
                try queue.read { try String.fetchOne($0, sql: "SELECT lastMeetingAt FROM \"plan\"") }?.hasPrefix(
                    "2026-09-01") == true)
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(queue)
        let (cancelled, last) = try queue.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT id FROM meeting WHERE cancelledAt IS NOT NULL"),
                try String.fetchOne(db, sql: "SELECT lastMeetingAt FROM \"plan\"")
            )
        }
        #expect(cancelled == [2])
        #expect(last?.hasPrefix("2026-02-01") == true, "the meeting held on to, not the one called off")
    }

    @Test("withdrawn consents: the last week's, on open plans")
    func withdrawnConsents() throws {
        let (t, f) = try Self.world()
        let today = t.store.context.today
        let consent = try t.store.addConsent(
            planId: f.plan.id!, givenBy: .guardian(f.mother.id!), information: "Skolgång",
            validFrom: today.adding(days: -10), validTo: nil, agencyIds: [f.school.id!])
        try t.store.withdrawConsent(consent.id!, on: today)
        let lines = try t.store.daySchedule().lines(.withdrawnConsents)
        #expect(lines.map(\.planId) == [f.plan.id])
        #expect(lines.first?.detail == "Märta Öberg")
        // Newest first: by day, and the one registered last first within a day.
        for day in [today.adding(days: -2), today] {
            let next = try t.store.addConsent(
                planId: f.plan.id!, givenBy: .guardian(f.father.id!), information: "Hälsa",
                validFrom: today.adding(days: -10), validTo: nil, agencyIds: [f.school.id!])
            try t.store.withdrawConsent(next.id!, on: day)
        }
        let ordered = try t.store.daySchedule().lines(.withdrawnConsents)
        #expect(ordered.map(\.detail) == ["Örjan Öberg", "Märta Öberg", "Örjan Öberg"])
        #expect(ordered.map(\.day) == [today, today, today.adding(days: -2)])
        t.clock.set(today.adding(days: 8))
        #expect(try t.store.daySchedule().count(.withdrawnConsents) == 0)
    }

    @Test(
        "quiet plans another organisation's coordinator may not see stay hidden in both ranges: never met, met long ago"
    )
    func quietVisibility() throws {
        let w = try RoleWorld()
        let start = w.t.store.context.today
        let cora = try w.session("cora")
        func quiet(_ store: Store) throws -> [Int64?] { try planIds(store.daySchedule(), .quietPlans) }
        w.t.clock.set(start.adding(days: 200))
        #expect(try quiet(cora) == [w.f.plan.id])
        #expect(try quiet(w.t.store).contains(w.otherPlan.id))
        // Both met long ago: the second range, where the same rule must hold.
        w.t.clock.set(start)
        for plan in [w.f.plan, w.otherPlan] {
            _ = try w.t.store.addMeeting(
                planId: plan.id!, kind: .first, startsAt: start.adding(days: 10).date(hour: 10, in: .stockholm),
                durationMinutes: 60, place: "Skolan")
        }
        w.t.clock.set(start.adding(days: 200))
        #expect(try quiet(cora) == [w.f.plan.id])
        #expect(try cora.daySchedule().count(.quietPlans) == 1)
        #expect(try quiet(w.t.store).contains(w.otherPlan.id))
    }

    @Test("the day lists only plans the user may see; a closed plan drops out; the placeholder section is empty")
    func visibility() throws {
        let w = try RoleWorld()
        let today = w.t.store.context.today
        for plan in [w.f.plan, w.otherPlan] {
            var edited = try w.t.store.plan(plan.id!)
            edited.followUpDate = today
            try w.t.store.updatePlan(edited)
        }
        #expect(try w.t.store.daySchedule().count(.followUps) == 2)
        let cora = try w.session("cora")
        #expect(try planIds(cora.daySchedule(), .followUps) == [w.f.plan.id])
        let central = try w.session("central")
        #expect(try central.daySchedule().count(.followUps) == 2)
        #expect(try central.daySchedule().count(.unansweredInvitations) == 0)
        // A chair has no day: plans are not theirs.
        #expect(throws: SIPError.self) { try w.session("chad").daySchedule() }
        try drive(w.t.store, plan: w.otherPlan.id!, to: .closed)
        #expect(try central.daySchedule().count(.followUps) == 1)
    }
}
