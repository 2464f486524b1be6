import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// The review's figures without the ids behind them: what the tallies can answer.
extension GroupReview {
    var counted: GroupReview {
        func strip(_ figure: Figure) -> Figure { .init(count: figure.count, ids: []) }
        var copy = self
        copy.openPlansByStatus = openPlansByStatus.mapValues(strip)
        copy.plansStarted = strip(plansStarted)
        copy.overdueFirstMeeting = strip(overdueFirstMeeting)
        copy.overdueFollowUp = strip(overdueFollowUp)
        copy.overdueInterventions = strip(overdueInterventions)
        copy.deviationsByKind = deviationsByKind.mapValues(strip)
        copy.deviationsByConcerned = deviationsByConcerned.mapValues(strip)
        copy.deviationsByStatus = deviationsByStatus.mapValues(strip)
        copy.responseTimes.overdue = strip(responseTimes.overdue)
        copy.deviationsOpen = strip(deviationsOpen)
        copy.requestsReceived = strip(requestsReceived)
        copy.requestsAccepted = strip(requestsAccepted)
        copy.requestsDeclined = strip(requestsDeclined)
        return copy
    }
}

/// Every change the database allows, at random: the tallies the triggers keep must stay what
/// counting the rows afresh gives, and the review summed from them what the rows say.
@Suite("The review's tallies stay true to the rows")
struct ReviewTallyTests {
    /// The tallies as counted rows (zero counts left out: a tally that went up and down again).
    static func tallies(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT busGroupId || '|' || figure || '|' || bucket || '|' || item || '|' || n
                FROM \(ReviewTally.table) WHERE n <> 0 ORDER BY 1
                """)
    }

    /// The tallies as they are, and as counting every row afresh makes them.
    static func keptAndRecounted(_ store: Store) throws -> (kept: [String], recounted: [String]) {
        try store.write { db in
            let kept = try tallies(db)
            var recounted: [String] = []
            try db.inSavepoint {
                try ReviewTally.fill(db)
                recounted = try tallies(db)
                return .rollback
            }
            return (kept, recounted)
        }
    }

    /// One random change of the kind `choice` picks, made in SQL as any program could make it.
    static func change(_ db: Database, _ choice: Int, _ rng: inout SeededRandom, edges: [String]) throws {
        func any(_ sql: String) throws -> Int64? {
            let ids = try Int64.fetchAll(db, sql: sql)
            return ids.isEmpty ? nil : rng.pick(ids)
        }
        let plan = try any("SELECT id FROM \"plan\"")
        let groups = try Int64.fetchAll(db, sql: "SELECT id FROM busGroup")
        // Half the time a day at a period's edge, where counting switches between tallies and rows.
        let date =
            rng.chance(50) ? rng.pick(edges) : Day(year: 2026, month: 1, day: 1)!.adding(days: rng.int(-400...330)).iso
        switch choice {
        case 0:
            let status = rng.pick(["draft", "invited", "active", "follow_up_due", "closed"])
            try db.execute(
                sql: "UPDATE \"plan\" SET status = ?, closedReason = 'Klar' WHERE id = ?", arguments: [status, plan])
        case 1:
            try db.execute(sql: "UPDATE \"plan\" SET busGroupId = ? WHERE id = ?", arguments: [rng.pick(groups), plan])
        case 2:
            try db.execute(
                sql: "UPDATE \"plan\" SET followUpDate = ? WHERE id = ?",
                arguments: [rng.chance(20) ? nil : date, plan])
        case 3:
            try db.execute(sql: "UPDATE \"plan\" SET requestDate = ? WHERE id = ?", arguments: [date, plan])
        case 4:
            try db.execute(
                sql: "UPDATE \"plan\" SET childId = ? WHERE id = ?", arguments: [try any("SELECT id FROM child"), plan])
        case 5:
            let born = Day(year: 2008 + rng.int(0...17), month: rng.int(1...12), day: rng.int(1...28))!.iso
            let sex = rng.pick(["flicka", "pojke", "annat", "okant"])
            // One or the other or both: each must move the child's plans.
            let set = rng.pick(["sex = :sex", "birthDate = :born", "sex = :sex, birthDate = :born"])
            try db.execute(
                sql: "UPDATE child SET \(set) WHERE id = :id",
                arguments: ["sex": sex, "born": born, "id": try any("SELECT id FROM child")])
        case 6:
            let set = rng.pick([
                "status = :status", "dueDate = max(startDate, :due)",
                "status = :status, dueDate = max(startDate, :due)",
            ])
            try db.execute(
                sql: "UPDATE intervention SET \(set) WHERE id = :id",
                arguments: [
                    "status": rng.pick(["planned", "ongoing", "done", "not_delivered"]), "due": date,
                    "id": try any("SELECT id FROM intervention"),
                ])
        case 7:
            try db.execute(
                sql: """
                    INSERT INTO intervention (planId, what, agencyId, startDate, dueDate, status)
                    SELECT ?, what, agencyId, startDate, max(startDate, ?), 'planned' FROM intervention WHERE id = ?
                    """, arguments: [plan, date, try any("SELECT id FROM intervention")])
        case 8:
            try db.execute(
                sql: "DELETE FROM intervention WHERE id = ?", arguments: [try any("SELECT id FROM intervention")])
        case 9:
            try db.execute(
                sql: """
                    INSERT INTO deviation (reportingAgencyId, concernedAgencyId, planId, occurredOn, kind, description,
                                           status, responseDue, createdAt)
                    SELECT reportingAgencyId, ?, ?, ?, kind, 'x', 'registered', responseDue, createdAt FROM deviation WHERE id = ?
                    """,
                arguments: [
                    try any("SELECT id FROM agency"), rng.chance(30) ? nil : plan, date,
                    try any("SELECT id FROM deviation"),
                ])
        case 10:
            let answered = rng.chance(50)
            try db.execute(
                sql: """
                    UPDATE deviation SET status = ?, response = ?, responseDate = ?, kind = ? WHERE id = ?
                    """,
                arguments: [
                    answered ? "answered" : rng.pick(["registered", "sent"]), answered ? "Svar" : nil,
                    answered ? date : nil, rng.pick(try String.fetchAll(db, sql: "SELECT code FROM deviationKind")),
                    try any("SELECT id FROM deviation"),
                ])
        case 11:
            try db.execute(
                sql: """
                    UPDATE deviation SET occurredOn = ?, responseDue = ?, concernedAgencyId = ?, planId = ? WHERE id = ?
                    """,
                arguments: [
                    date, rng.pick(edges), try any("SELECT id FROM agency"), rng.chance(30) ? nil : plan,
                    try any("SELECT id FROM deviation"),
                ])
        case 12:
            try db.execute(sql: "DELETE FROM deviation WHERE id = ?", arguments: [try any("SELECT id FROM deviation")])
        case 13:
            try db.execute(
                sql: """
                    INSERT INTO consent (planId, givenByMemberId, givenByChild, information, form, validFrom, recordedAt, recordedBy)
                    SELECT ?, givenByMemberId, givenByChild, information, form, ?, recordedAt, recordedBy FROM consent WHERE id = ?
                    """, arguments: [plan, date, try any("SELECT id FROM consent")])
        case 14:
            let set = rng.pick([
                "withdrawnOn = :date", "withdrawnOn = NULL", "validFrom = :date, validTo = NULL", "planId = :plan",
            ])
            try db.execute(
                sql: "UPDATE consent SET \(set) WHERE id = :id",
                arguments: ["date": date, "plan": plan, "id": try any("SELECT id FROM consent")])
        case 15:
            try db.execute(sql: "DELETE FROM consent WHERE id = ?", arguments: [try any("SELECT id FROM consent")])
        case 16:
            let set = rng.pick(["held = 1", "held = 0", "planId = :plan"])
            try db.execute(
                sql: "UPDATE meeting SET \(set) WHERE id = :id",
                arguments: ["plan": plan, "id": try any("SELECT id FROM meeting")])
        case 17:
            try db.execute(
                sql: """
                    INSERT INTO meeting (planId, kind, startsAt, durationMinutes, held) SELECT ?, kind, startsAt, durationMinutes, ?
                    FROM meeting WHERE id = ?
                    """, arguments: [plan, rng.int(0...1), try any("SELECT id FROM meeting")])
        case 18:
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [try any("SELECT id FROM meeting")])
        case 19:
            // A REPLACE deletes the row it replaces (seen with recursive triggers on, as the store has them).
            try db.execute(
                sql: """
                    REPLACE INTO deviation SELECT id, reportingAgencyId, concernedAgencyId, planId, ?, kind, description,
                        localAction, status, response, responseDate, responseDue, createdAt, escalation, busGroupId
                    FROM deviation WHERE id = ?
                    """, arguments: [date, try any("SELECT id FROM deviation")])
        case 20:
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO intervention (id, planId, what, agencyId, startDate, dueDate, status)
                    SELECT id, ?, what, agencyId, startDate, max(startDate, ?), 'ongoing' FROM intervention WHERE id = ?
                    """, arguments: [plan, date, try any("SELECT id FROM intervention")])
        case 21:
            // Skipped rows: a CHECK that fails under OR IGNORE changes nothing, tallies included.
            try db.execute(sql: "UPDATE OR IGNORE intervention SET dueDate = 'x' WHERE planId = ?", arguments: [plan])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO deviation (reportingAgencyId, concernedAgencyId, occurredOn, kind, description,
                                                     status, responseDue, createdAt)
                    SELECT reportingAgencyId, concernedAgencyId, 'x', kind, 'x', 'sent', responseDue, createdAt FROM deviation LIMIT 1
                    """)
        case 22:
            // Renumbering a plan and what refers to it, in one transaction.
            let number = try Int64.fetchOne(db, sql: "SELECT MAX(id) + 1 FROM \"plan\"")!
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "UPDATE \"plan\" SET id = ? WHERE id = ?", arguments: [number, plan])
            for table in [
                "intervention", "meeting", "consent", "participant", "planStatusChange", "planCopy", "deviation",
                "goal", "need",
            ] {
                try db.execute(sql: "UPDATE \(table) SET planId = ? WHERE planId = ?", arguments: [number, plan])
            }
        case 23:
            let child = try any("SELECT id FROM child")
            let number = try Int64.fetchOne(db, sql: "SELECT MAX(id) + 1 FROM child")!
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "UPDATE child SET id = ? WHERE id = ?", arguments: [number, child])
            try db.execute(sql: "UPDATE \"plan\" SET childId = ? WHERE childId = ?", arguments: [number, child])
            try db.execute(sql: "UPDATE familyMember SET childId = ? WHERE childId = ?", arguments: [number, child])
        default:
            // A plan and all that hangs on it; its deviations stay, without a plan.
            try db.execute(sql: "DELETE FROM \"plan\" WHERE id = ?", arguments: [plan])
        }
    }

    @Test(
        "after each of 200 random changes the kept tallies equal a fresh count, and the review from them equals the review from the rows"
    )
    func randomChanges() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 40, seed: 8)
        let groups: [Int64?] = [nil] + (try t.store.busGroups().map(\.id))
        // Whole months, parts of months at either end, one day, within one month, over a new year.
        let periods = [
            ("2025-06-16", "2026-06-15"), ("2026-01-01", "2026-06-30"), ("2026-03-10", "2026-03-20"),
            ("2025-12-31", "2026-02-01"), ("2026-02-28", "2026-02-28"), ("2024-01-01", "2027-12-31"),
        ]
        .map { (day($0.0), day($0.1)) }
        let edges = periods.flatMap { [$0.0.adding(days: -1), $0.0, $0.1, $0.1.adding(days: 1)] }.map(\.iso)
        var rng = SeededRandom(seed: 42)
        let kinds = 25
        try #require(try Self.keptAndRecounted(t.store).kept.count > 100)
        var seen: Set<String> = []
        var keptRead = 0
        for step in 0..<200 {
            let choice = step < kinds * 2 ? step % kinds : rng.int(0...(kinds - 1))
            rng = try t.store.write { [rng, edges] db in
                var local = rng
                try Self.change(db, choice, &local, edges: edges)
                return local
            }
            let (kept, recounted) = try Self.keptAndRecounted(t.store)
            #expect(
                kept == recounted,
                """
                change \(choice) at step \(step): kept but not counted \(Set(kept).subtracting(recounted).sorted()), \
                counted but not kept \(Set(recounted).subtracting(kept).sorted())
                """)
            guard kept == recounted else { return }
            // The tallies count from the plans' first-meeting marks: those must be true to the rows too.
            let wrongMarks = try t.store.read { db in try Int.fetchOne(db, sql: FirstMeetingMarks.wrong) }
            #expect(wrongMarks == 0, "change \(choice) at step \(step): plans with wrong first-meeting marks")
            if step % 2 == 1 {
                // The periods that ended, for the county, after every other change: kept figures
                // are read unless the change reached back into their period.
                for (from, to) in periods where to < day("2026-06-15") {
                    if try t.store.read({ db in try ReviewSnapshot.kept(db, group: nil, from, to) }) != nil {
                        keptRead += 1
                    }
                    let counted = try t.store.review(groupId: nil, from: from, to: to, withIds: false)
                    let listed = try t.store.review(groupId: nil, from: from, to: to, withIds: true)
                    #expect(counted == listed.counted, "county, \(from)–\(to), step \(step), kept")
                }
            }
            if step % 2 == 0 {
                let (from, to) = periods[step / 2 % periods.count]
                for group in groups {
                    // A past period's figures kept since they were last counted are what is read.
                    if try t.store.read({ db in try ReviewSnapshot.kept(db, group: group, from, to) }) != nil {
                        keptRead += 1
                    }
                    let counted = try t.store.review(groupId: group, from: from, to: to, withIds: false)
                    let listed = try t.store.review(groupId: group, from: from, to: to, withIds: true)
                    #expect(
                        counted == listed.counted, "group \(String(describing: group)), \(from)–\(to), step \(step)")
                    if group == nil {
                        for (name, count) in [
                            ("first meeting", counted.overdueFirstMeeting.count),
                            ("follow-up", counted.overdueFollowUp.count),
                            ("interventions", counted.overdueInterventions.count),
                            ("answers", counted.responseTimes.overdue.count),
                            ("answered", counted.responseTimes.answered),
                        ] where count > 0 {
                            seen.insert(name)
                        }
                    }
                }
            }
        }
        // Every figure that depends on today was there to compare, not zero on both sides throughout.
        #expect(seen == ["first meeting", "follow-up", "interventions", "answers", "answered"])
        // Kept figures were compared with the rows, not only figures counted afresh.
        #expect(keptRead > 10, "\(keptRead) kept reviews read")
    }

    @Test("a database from before the tallies gets them counted when it is opened")
    func migration() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 3)
        let before = try Self.keptAndRecounted(t.store).kept
        // Back to the schema before the tallies, as a database written by the previous version.
        try t.store.write { db in
            try ReviewTally.dropTriggers(db)
            try db.execute(sql: "DROP TABLE \(ReviewTally.table)")
            try db.execute(sql: "DROP TRIGGER busGroup_notZero_insert; DROP TRIGGER busGroup_notZero_update")
            try db.execute(
                sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v11-review-tally', 'v29-review-tally')")
        }
        let reopened = try Store(
            path: t.dir.path("sip.sqlite"),
            context: SessionContext(user: "testare", now: { [clock = t.clock] in clock.now }))
        let (kept, recounted) = try Self.keptAndRecounted(reopened)
        #expect(kept.count > 50)
        #expect(kept == before)
        #expect(kept == recounted)
        let from = day("2025-06-16"), to = day("2026-06-15")
        #expect(
            try reopened.review(groupId: nil, from: from, to: to, withIds: false)
                == reopened.review(groupId: nil, from: from, to: to).counted)
    }

    @Test("with a deviation on every day, any period counts each once, whole months and odd days alike")
    func everyDay() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 4)
        let start = day("2025-10-01")
        try t.store.write { db in
            for offset in 0..<300 {
                let occurred = start.adding(days: offset)
                let answered = offset % 3 == 0
                try db.execute(
                    sql: """
                        INSERT INTO deviation (reportingAgencyId, concernedAgencyId, planId, occurredOn, kind, description,
                                               status, response, responseDate, responseDue, createdAt)
                        SELECT reportingAgencyId, concernedAgencyId, planId, ?, kind, 'x', ?, ?, ?, ?, createdAt
                        FROM deviation ORDER BY id LIMIT 1 OFFSET ?
                        """,
                    arguments: [
                        occurred, answered ? "answered" : "sent", answered ? "Svar" : nil,
                        answered ? occurred.adding(days: offset % 17) : nil, occurred.adding(days: 14), offset % 5,
                    ])
            }
        }
        let group = try t.store.busGroups().first!.id
        // Starts and ends on the first, second, middle, next to last and last day of a month, in
        // the same month and months apart; then periods at random.
        let starts = ["2025-11-01", "2025-11-02", "2025-11-15", "2025-11-29", "2025-11-30"].map(day)
        let ends = ["2025-11-30", "2026-01-01", "2026-01-02", "2026-01-15", "2026-01-30", "2026-01-31"].map(day)
        var periods = starts.flatMap { from in ends.map { (from, $0) } }
        var rng = SeededRandom(seed: 9)
        for _ in 0..<20 {
            let from = start.adding(days: rng.int(0...300))
            periods.append((from, from.adding(days: rng.int(0...200))))
        }
        for (from, to) in periods {
            for g in [nil, group] {
                let listed = try t.store.review(groupId: g, from: from, to: to)
                #expect(
                    try t.store.review(groupId: g, from: from, to: to, withIds: false) == listed.counted,
                    "\(from)–\(to)")
            }
        }
    }

    @Test("the ids behind each figure, fetched for it alone, are the ones the whole review lists")
    func figureIds() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 40, seed: 6)
        let groups: [Int64?] = [nil] + (try t.store.busGroups().map(\.id))
        var listed = 0
        for group in groups {
            for (from, to) in [(day("2025-06-16"), day("2026-06-15")), (day("2026-02-10"), day("2026-04-20"))] {
                let full = try t.store.review(groupId: group, from: from, to: to)
                for row in ReviewTable.rows(full, catalog: Catalog(.sv)) {
                    guard let figure = row.figure else { continue }
                    #expect(try t.store.reviewIds(figure, groupId: group, from: from, to: to) == row.ids, "\(figure)")
                    listed += row.ids.count
                }
            }
        }
        #expect(listed > 500)
    }

    @Test("no BUS group can take number 0, the whole county's")
    func groupZero() throws {
        let t = try TestStore()
        let group = try t.store.addBusGroup(name: "Lokal BUS Noll")
        #expect(throws: (any Error).self) {
            try t.store.write { db in try db.execute(sql: "INSERT INTO busGroup (id, name) VALUES (0, 'Fel')") }
        }
        #expect(throws: (any Error).self) {
            try t.store.write { db in
                try db.execute(sql: "UPDATE busGroup SET id = 0 WHERE id = ?", arguments: [group.id])
            }
        }
        #expect(try t.store.busGroups().map(\.id) == [group.id])
    }

    @Test("a period at the end of the calendar a date can hold")
    func lastMonths() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 3, seed: 2)
        for (from, to) in [("2199-12-15", "2199-12-31"), ("2199-11-02", "2199-12-31"), ("2199-12-01", "2199-12-31")] {
            #expect(
                try t.store.review(groupId: nil, from: day(from), to: day(to), withIds: false)
                    == t.store.review(groupId: nil, from: day(from), to: day(to)).counted)
        }
    }

    @Test("check finds tallies that differ from the rows, and a recount mends them")
    func checkAndRepair() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 3)
        #expect(try t.store.check().isHealthy)
        // Another program writing without the triggers.
        try t.store.write { db in
            try ReviewTally.dropTriggers(db)
            try db.execute(sql: "UPDATE \"plan\" SET status = 'closed', closedReason = 'Klar' WHERE status <> 'closed'")
            try ReviewTally.createTriggers(db)
        }
        let report = try t.store.check()
        guard case .reviewTalliesStale(let count)? = report.problems.first, report.problems.count == 1 else {
            Issue.record("not found: \(report.problems)")
            return
        }
        #expect(count > 0)
        try t.store.recountReviewTallies()
        #expect(try t.store.check().isHealthy)
        #expect(
            try t.store.review(groupId: nil, from: day("2026-01-01"), to: day("2026-06-15"), withIds: false)
                .openPlansByStatus.isEmpty)
    }

    @Test("a plan's first-meeting marks written wrong are found by check and mended by a recount")
    func firstMeetingMarks() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 3)
        let (from, to) = (day("2026-01-01"), day("2026-06-15"))
        func late() throws -> (counted: Int, rows: Int) {
            (
                try t.store.review(groupId: nil, from: from, to: to, withIds: false).overdueFirstMeeting.count,
                try t.store.review(groupId: nil, from: from, to: to).overdueFirstMeeting.count
            )
        }
        // A plan still waiting for its first meeting, its consent given long ago.
        let plan = try t.store.write { db in
            let plan = try #require(
                try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT p.id FROM "plan" p WHERE p.status IN ('draft','invited')
                          AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held)
                        ORDER BY p.id LIMIT 1
                        """))
            try db.execute(
                sql: """
                    INSERT INTO consent (planId, givenByMemberId, givenByChild, information, form, validFrom, recordedAt, recordedBy)
                    SELECT ?, givenByMemberId, givenByChild, information, form, '2026-01-02', recordedAt, recordedBy
                    FROM consent LIMIT 1
                    """, arguments: [plan])
            return plan
        }
        let before = try late()
        #expect(before.counted == before.rows && before.rows > 0)
        // Another program writing the plan's mark without its consents and meetings.
        try t.store.write { db in
            try db.execute(sql: "UPDATE \"plan\" SET meetingHeld = 1 WHERE id = ?", arguments: [plan])
        }
        #expect(try late() == (before.counted - 1, before.rows))
        guard case .reviewTalliesStale? = try t.store.check().problems.first else {
            Issue.record("a wrong mark not found")
            return
        }
        try t.store.recountReviewTallies()
        #expect(try t.store.check().isHealthy)
        #expect(try late() == before)
    }

    @Test("a plan's first-meeting marks follow every change to its consents and meetings")
    func firstMeetingMarksFollowChanges() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 12, seed: 3)
        try t.store.write { db in
            // Every consent a day of its own, so that moving the earliest one changes both plans.
            try db.execute(
                sql: "UPDATE consent SET validFrom = date('2025-01-01', '+' || id || ' days'), validTo = NULL")
            let plans = try Int64.fetchAll(db, sql: "SELECT DISTINCT planId FROM consent ORDER BY planId LIMIT 2")
            try #require(plans.count == 2)
            let (a, b) = (plans[0], plans[1])
            let earliest = "(SELECT id FROM consent WHERE planId = :p ORDER BY validFrom LIMIT 1)"
            let meeting = "(SELECT id FROM meeting WHERE planId = :p ORDER BY id LIMIT 1)"
            for (what, sql, plan) in [
                ("consent moved", "UPDATE consent SET planId = :b WHERE id = \(earliest)", a),
                ("consent withdrawn", "UPDATE consent SET withdrawnOn = '2026-06-01' WHERE id = \(earliest)", b),
                ("withdrawal undone", "UPDATE consent SET withdrawnOn = NULL WHERE planId = :p", b),
                ("consent later", "UPDATE consent SET validFrom = '2026-06-10' WHERE id = \(earliest)", b),
                ("consent removed", "DELETE FROM consent WHERE id = \(earliest)", b),
                (
                    "consent given",
                    """
                    INSERT INTO consent (planId, givenByMemberId, givenByChild, information, form, validFrom, recordedAt, recordedBy)
                    SELECT :p, givenByMemberId, givenByChild, information, form, '2024-01-01', recordedAt, recordedBy
                    FROM consent LIMIT 1
                    """, a
                ),
                ("meeting held", "UPDATE meeting SET held = 1 WHERE id = \(meeting)", a),
                ("meeting not held", "UPDATE meeting SET held = 0 WHERE planId = :p", a),
                (
                    "held meeting added",
                    "INSERT INTO meeting (planId, kind, startsAt, durationMinutes, held) SELECT :p, kind, startsAt, durationMinutes, 1 FROM meeting LIMIT 1",
                    b
                ),
                ("held meeting moved", "UPDATE meeting SET planId = :b WHERE planId = :p AND held", b),
                ("meeting removed", "DELETE FROM meeting WHERE planId = :p AND held", a),
            ] {
                try db.execute(sql: sql, arguments: ["p": plan, "b": plan == a ? b : a])
                #expect(db.changesCount > 0, "\(what): nothing changed")
                #expect(try Int.fetchOne(db, sql: FirstMeetingMarks.wrong) == 0, "\(what)")
            }
        }
        #expect(try t.store.check().isHealthy)
    }

    @Test("whole months inside a period")
    func wholeMonths() {
        func months(_ from: String, _ to: String) -> String? {
            ReviewQuery.wholeMonths(from: day(from), to: day(to)).map { "\($0.first.iso) \($0.last.iso)" }
        }
        #expect(months("2025-11-24", "2026-11-23") == "2025-12-01 2026-10-31")
        #expect(months("2026-01-01", "2026-12-31") == "2026-01-01 2026-12-31")
        #expect(months("2025-12-02", "2026-01-31") == "2026-01-01 2026-01-31")
        #expect(months("2026-02-01", "2026-02-28") == "2026-02-01 2026-02-28")
        #expect(months("2024-02-01", "2024-02-28") == nil)
        #expect(months("2026-03-02", "2026-04-30") == "2026-04-01 2026-04-30")
        #expect(months("2026-03-02", "2026-04-29") == nil)
        #expect(months("2199-12-02", "2199-12-31") == nil)
        #expect(months("2199-11-30", "2199-12-31") == "2199-12-01 2199-12-31")
    }
}
