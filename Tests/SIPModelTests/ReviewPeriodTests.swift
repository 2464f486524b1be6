import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// A county whose history is written day by day (the clock set before each step), so a past
/// period's figures can be counted by hand: what the review would have said on the period's last day.
struct PastPeriodFixture {
    let t: TestStore
    let north: BusGroup, south: BusGroup
    /// A: active since 2025-04-01. B: invited 2025-06-01, closed 2026-02-01. C: requested 2026-03-01.
    /// D: closed 2025-06-01. E (south): a draft since 2025-01-15.
    let a: Int64, b: Int64, c: Int64, d: Int64, e: Int64
    /// d1: overdue at 2025-12-31, answered 2026-01-10. d2: closed 2025-11-15. d3: 2025-12-20, not yet due.
    let d1: Int64, d2: Int64, d3: Int64
    let elevhalsanNorth: Agency, elevhalsanSouth: Agency

    init() throws {
        t = try TestStore(clock: TestClock(day("2024-10-01")))
        let s = t.store, clock = t.clock
        north = try s.addBusGroup(name: "Lokal BUS Norr")
        south = try s.addBusGroup(name: "Lokal BUS Syd")
        let school = try s.addAgency(
            kind: "skola", principalName: "Norrby kommun", name: "Norrskolan", busGroupId: north.id)
        // The same name and principal in two groups: two organisations, two lines.
        elevhalsanNorth = try s.addAgency(
            kind: "skola", principalName: "Region Test", name: "Elevhälsan", busGroupId: north.id)
        // The register now refuses a second one; databases from before it (and the demo's) have them.
        let southGroup = south.id!
        let southId = try s.write { db in
            try db.execute(
                sql: """
                    INSERT INTO agency (kind, principalType, principalName, name, busGroupId)
                    VALUES ('skola', 'region', 'Region Test', 'Elevhälsan', ?)
                    """, arguments: [southGroup])
            return db.lastInsertedRowID
        }
        elevhalsanSouth = try #require(try s.allAgencies().first { $0.id == southId })
        // X turns 13 in the period (6-12 on its first day, 13-15 on its last); Y is 15 on its last
        // day and 16 today; V 17 then and 18 today.
        let x = try s.addChild(name: "Flicka X", personalNumber: nil, birthDate: "2012-06-01", sex: .girl)
        let y = try s.addChild(name: "Pojke Y", personalNumber: nil, birthDate: "2010-03-01", sex: .boy)
        let z = try s.addChild(name: "Flicka Z", personalNumber: nil, birthDate: "2020-01-01", sex: .girl)
        let w = try s.addChild(name: "Pojke W", personalNumber: nil, birthDate: "2015-05-05", sex: .boy)
        let v = try s.addChild(name: "Flicka V", personalNumber: nil, birthDate: "2008-01-01", sex: .girl)
        func plan(_ child: Child, _ group: BusGroup, on requested: String) throws -> Int64 {
            clock.set(day(requested))
            return try s.createPlan(
                NewPlan(childId: child.id!, busGroupId: group.id!, initiatorKind: .child, requestDate: day(requested))
            ).id!
        }
        func status(_ plan: Int64, _ status: PlanStatus, on changed: String) throws {
            clock.set(day(changed))
            try s.changeStatus(planId: plan, to: status, note: status == .closed ? "Klar" : "")
        }
        d = try plan(w, north, on: "2024-10-01")
        e = try plan(v, south, on: "2025-01-15")
        a = try plan(x, north, on: "2025-02-01")
        clock.set(day("2025-02-01"))
        for p in [a, d] {
            try s.addConsent(
                planId: p, givenBy: .child, information: "Allt", validFrom: day("2025-02-01"), agencyIds: [school.id!])
        }
        try s.recordMaturityAssessment(planId: a, reason: "Förstår vad samtycket gäller")
        try status(a, .invited, on: "2025-03-01")
        try status(a, .active, on: "2025-04-01")
        b = try plan(y, north, on: "2025-05-10")
        try status(b, .invited, on: "2025-06-01")
        try status(d, .closed, on: "2025-06-01")
        clock.set(day("2025-06-02"))
        var edited = try s.plan(a)
        edited.followUpDate = day("2025-11-01")
        try s.updatePlan(edited)
        edited = try s.plan(b)
        edited.followUpDate = day("2025-12-01")
        try s.updatePlan(edited)
        try s.addIntervention(
            planId: a, what: "Stöd", agencyId: school.id!, startDate: day("2025-04-01"), dueDate: day("2025-10-01"))
        func deviation(_ on: String, _ kind: String, _ concerned: Agency, plan: Int64) throws -> Int64 {
            clock.set(day(on))
            return try s.addDeviation(
                reportingAgencyId: school.id!, concernedAgencyId: concerned.id!, planId: plan, occurredOn: day(on),
                kind: kind, description: "x"
            ).id!
        }
        d1 = try deviation("2025-09-01", "uteblev", elevhalsanNorth, plan: a)
        d2 = try deviation("2025-10-01", "avbojde", elevhalsanNorth, plan: a)
        clock.set(day("2025-10-02"))
        try s.changeDeviationStatus(d2, to: .sent)
        clock.set(day("2025-11-15"))
        try s.changeDeviationStatus(d2, to: .closed, note: "Löst i samtal")
        d3 = try deviation("2025-12-20", "uteblev", elevhalsanSouth, plan: e)
        try status(b, .closed, on: "2026-02-01")
        clock.set(day("2026-01-10"))
        try s.answerDeviation(d1, response: "Ny rutin", on: day("2026-01-10"))
        c = try plan(z, north, on: "2026-03-01")
        clock.set(day("2026-11-20"))
    }
}

/// A group whose plans change after the period in what the review has no status for: an
/// intervention delivered after the period's end (and one added after it, due within it), follow-up
/// dates moved, a plan moved to another group. History written day by day, as in `PastPeriodFixture`.
struct HistoryFixture {
    let t: TestStore
    let north: BusGroup, south: BusGroup
    /// P (north): follow-up 2025-10-01, moved 2026-01-15 to 2026-12-31; i1 due 2025-06-01, done
    /// 2026-02-01; i2 added 2026-03-01, due 2025-11-01. Q (north, to south 2026-04-01): follow-up
    /// 2026-06-01, moved 2026-02-01 to 2025-12-15.
    let p: Int64, q: Int64, i1: Int64, i2: Int64

    init() throws {
        t = try TestStore(clock: TestClock(day("2025-01-10")))
        let s = t.store, clock = t.clock
        north = try s.addBusGroup(name: "Lokal BUS Norr")
        south = try s.addBusGroup(name: "Lokal BUS Syd")
        let school = try s.addAgency(
            kind: "skola", principalName: "Norrby kommun", name: "Norrskolan", busGroupId: north.id)
        let boy = try s.addChild(name: "Pojke P", personalNumber: nil, birthDate: "2015-01-01", sex: .boy)
        let girl = try s.addChild(name: "Flicka Q", personalNumber: nil, birthDate: "2012-06-01", sex: .girl)
        p = try s.createPlan(
            NewPlan(childId: boy.id!, busGroupId: north.id!, initiatorKind: .child, requestDate: day("2025-01-10"))
        ).id!
        clock.set(day("2025-03-01"))
        q = try s.createPlan(
            NewPlan(childId: girl.id!, busGroupId: north.id!, initiatorKind: .child, requestDate: day("2025-03-01"))
        ).id!
        clock.set(day("2025-02-01"))
        let first = try s.addIntervention(
            planId: p, what: "Stöd", agencyId: school.id!, startDate: day("2025-02-01"), dueDate: day("2025-06-01"))
        i1 = first.id!
        func edit(_ plan: Int64, on changed: String, _ change: (inout Plan) -> Void) throws {
            clock.set(day(changed))
            var edited = try s.plan(plan)
            change(&edited)
            try s.updatePlan(edited)
        }
        try edit(p, on: "2025-06-02") { $0.followUpDate = day("2025-10-01") }
        try edit(q, on: "2025-06-02") { $0.followUpDate = day("2026-06-01") }
        try edit(p, on: "2026-01-15") { $0.followUpDate = day("2026-12-31") }
        try edit(q, on: "2026-02-01") { $0.followUpDate = day("2025-12-15") }
        clock.set(day("2026-02-01"))
        var delivered = first
        delivered.status = .done
        try s.updateIntervention(delivered)
        clock.set(day("2026-03-01"))
        i2 = try s.addIntervention(
            planId: p, what: "Samtal", agencyId: school.id!, startDate: day("2025-10-01"), dueDate: day("2025-11-01")
        ).id!
        try edit(q, on: "2026-04-01") { $0.busGroupId = south.id! }
        clock.set(day("2026-11-20"))
    }
}

@Suite("A past period's review: the figures its last day would have given, counted by hand")
struct ReviewPeriodTests {
    let year2025 = (from: day("2025-01-01"), to: day("2025-12-31"))

    /// The review with ids and the one summed from the tallies, which must agree.
    func both(_ f: PastPeriodFixture, _ group: Int64?, _ from: Day, _ to: Day) throws -> GroupReview {
        try both(f.t, group, from, to)
    }

    func both(_ t: TestStore, _ group: Int64?, _ from: Day, _ to: Day) throws -> GroupReview {
        let full = try t.store.review(groupId: group, from: from, to: to)
        #expect(try t.store.review(groupId: group, from: from, to: to, withIds: false) == full.counted)
        return full
    }

    @Test("last year: plans by the status they had on 2025-12-31, children by their age that day")
    func lastYear() throws {
        let f = try PastPeriodFixture()
        let r = try both(f, f.north.id, year2025.from, year2025.to)
        // B was still invited on 2025-12-31 (closed 2026-02-01); C did not exist; D was closed.
        #expect(r.openPlansByStatus.mapValues(\.ids) == ["active": [f.a], "invited": [f.b]])
        #expect(r.plansStarted.ids == [f.a, f.b])
        // X is 13 on 2025-12-31 (12 on 2025-01-01), Y 15 (16 today).
        #expect(r.openPlansBySexAndAge == ["flicka": ["13-15": 1], "pojke": ["13-15": 1]])
        // Follow-ups passed by then: A's 2025-11-01 and B's 2025-12-01.
        #expect(r.overdueFollowUp.ids == [f.a, f.b])
        // The intervention due 2025-10-01, in A: ids are plan numbers, the intervention's own beside them.
        #expect(r.overdueInterventions.count == 1 && r.overdueInterventions.ids == [f.a])
        #expect(r.overdueInterventions.interventionIds?.count == 1)
        // d1 was unanswered and overdue on 2025-12-31 (answered 2026-01-10); d2 closed 2025-11-15.
        #expect(r.responseTimes.overdue.ids == [f.d1])
        #expect(r.deviationsOpen.ids == [f.d1])
        #expect(r.deviationsByKind.mapValues(\.count) == ["uteblev": 1, "avbojde": 1])

        // Today the same group looks different: B closed, C a draft, Y 16, d1 answered.
        let now = try both(f, f.north.id, day("2025-11-21"), day("2026-11-20"))
        #expect(now.openPlansByStatus.mapValues(\.ids) == ["active": [f.a], "draft": [f.c]])
        #expect(now.openPlansBySexAndAge == ["flicka": ["6-12": 1, "13-15": 1]])
        #expect(now.overdueFollowUp.ids == [f.a])
        #expect(now.responseTimes.overdue.ids == [])
    }

    @Test(
        "a period that ends before an intervention was delivered, before follow-up dates moved, before a plan moved group"
    )
    func historySince() throws {
        let f = try HistoryFixture()
        let north = try both(f.t, f.north.id, year2025.from, year2025.to)
        // On 2025-12-31 Q was still in the north; both were drafts. P is 10 that day, Q 13.
        #expect(north.openPlansByStatus.mapValues(\.ids) == ["draft": [f.p, f.q]])
        #expect(north.openPlansBySexAndAge == ["pojke": ["6-12": 1], "flicka": ["13-15": 1]])
        // P's follow-up date then was 2025-10-01 (passed); Q's 2026-06-01 (not yet).
        #expect(north.overdueFollowUp.ids == [f.p])
        // i1 was due 2025-06-01 and not delivered until 2026-02-01; i2 did not exist yet.
        #expect(north.overdueInterventions.count == 1 && north.overdueInterventions.ids == [f.p])
        #expect(north.overdueInterventions.interventionIds == [f.i1])
        #expect(
            try f.t.store.reviewIds(.lateFollowUp, groupId: f.north.id, from: year2025.from, to: year2025.to) == [f.p])
        #expect(
            try f.t.store.reviewIds(
                .openPlans(status: "draft"), groupId: f.south.id, from: year2025.from, to: year2025.to)
                == [])
        let south = try both(f.t, f.south.id, year2025.from, year2025.to)
        #expect(south.openPlansByStatus.isEmpty && south.openPlansBySexAndAge.isEmpty)
        #expect(south.overdueFollowUp.count == 0)
        let county = try both(f.t, nil, year2025.from, year2025.to)
        #expect(county.openPlansByStatus.mapValues(\.ids) == ["draft": [f.p, f.q]])
        #expect(county.overdueFollowUp.ids == [f.p] && county.overdueInterventions.interventionIds == [f.i1])

        // Before i1 was even added (2025-01-31): nothing owed; P's follow-up not yet set.
        let january = try both(f.t, f.north.id, day("2025-01-01"), day("2025-01-31"))
        #expect(january.openPlansByStatus.mapValues(\.ids) == ["draft": [f.p]])
        #expect(january.overdueInterventions.count == 0 && january.overdueFollowUp.count == 0)

        // Today: Q in the south, overdue by its moved date; P owes i2 (added since, due 2025-11-01).
        let period = (from: day("2025-11-21"), to: day("2026-11-20"))
        let now = try both(f.t, f.north.id, period.from, period.to)
        #expect(now.openPlansByStatus.mapValues(\.ids) == ["draft": [f.p]])
        #expect(now.overdueFollowUp.count == 0)
        #expect(now.overdueInterventions.interventionIds == [f.i2])
        let southNow = try both(f.t, f.south.id, period.from, period.to)
        #expect(
            southNow.openPlansByStatus.mapValues(\.ids) == ["draft": [f.q]] && southNow.overdueFollowUp.ids == [f.q])
    }

    @Test("a deviation of a plan that moved group since counts for the group the plan had at the period's end")
    func deviationOfMovedPlan() throws {
        let f = try HistoryFixture()
        let s = f.t.store
        let school = try #require(try s.allAgencies().first)
        // Q moved north to south on 2026-04-01; these are registered today, about then.
        let before = try s.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.q, occurredOn: day("2025-09-01"),
            kind: "uteblev", description: "x")
        let since = try s.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.q, occurredOn: day("2026-05-01"),
            kind: "avbojde", description: "x")
        // 2025: Q was in the north, so is its deviation, on every path (rows, tallies, kept, a figure's list).
        for _ in 0..<2 {
            let north = try both(f.t, f.north.id, year2025.from, year2025.to)
            #expect(north.deviationsByKind.mapValues(\.ids) == ["uteblev": [before.id!]])
            #expect(north.deviationsOpen.ids == [before.id!] && north.deviationsByConcerned.count == 1)
            let south = try both(f.t, f.south.id, year2025.from, year2025.to)
            #expect(south.deviationsByKind.isEmpty && south.deviationsOpen.count == 0)
        }
        #expect(
            try s.reviewIds(.deviationsByKind("uteblev"), groupId: f.north.id, from: year2025.from, to: year2025.to)
                == [before.id!])
        #expect(try s.reviewIds(.openDeviations, groupId: f.south.id, from: year2025.from, to: year2025.to) == [])
        #expect(try both(f.t, nil, year2025.from, year2025.to).deviationsByKind.mapValues(\.count) == ["uteblev": 1])
        // The annual report and the trends say the same.
        try s.setDeadline("suppress-below", days: 1)
        #expect(try s.annualReport(groupId: f.north.id, year: 2025).deviationsPerMonth.values[8] == 1)
        #expect(try s.annualReport(groupId: f.north.id, year: 2025).byReportingOrganisation.counts == ["Norrskolan": 1])
        #expect(try s.annualReport(groupId: f.south.id, year: 2025).deviationsPerMonth.values.allSatisfy { $0 == 0 })
        #expect(try s.trends(groupId: f.south.id, to: day("2025-12-31")).deviationsTotal.allSatisfy { $0 == 0 })
        // The current period counts as of today: both in the south, where Q is now.
        let period = (from: day("2025-08-01"), to: day("2026-11-20"))
        #expect(
            try both(f.t, f.south.id, period.from, period.to).deviationsByKind.mapValues(\.ids)
                == ["uteblev": [before.id!], "avbojde": [since.id!]])
        #expect(try both(f.t, f.north.id, period.from, period.to).deviationsByKind.isEmpty)
    }

    @Test("the history is written by triggers on the session's clock, one line per real change")
    func historyLines() throws {
        let f = try HistoryFixture()
        let lines = try f.t.store.read { db in
            try Row.fetchAll(db, sql: "SELECT planId, changedAt, busGroupId FROM planHistory ORDER BY id").map {
                ($0[0] as Int64, $0[1] as Date, $0[2] as Int64)
            }
        }
        #expect(lines.map(\.0) == [f.p, f.q, f.p, f.q, f.q])
        // The group move of 2026-04-01, with the group it left.
        #expect(lines.last.map { Day($0.1, in: .stockholm) } == day("2026-04-01") && lines.last?.2 == f.north.id)
        let interventions = try f.t.store.read { db in
            try Row.fetchAll(db, sql: "SELECT interventionId, status FROM interventionHistory ORDER BY id").map {
                ($0[0] as Int64, $0[1] as String?)
            }
        }
        #expect(interventions.map(\.0) == [f.i1, f.i1, f.i2])
        #expect(interventions.map(\.1) == [nil, "planned", nil])
        // Saving unchanged writes no line.
        try f.t.store.updatePlan(try f.t.store.plan(f.p))
        #expect(try f.t.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM planHistory") } == 5)
    }

    @Test("a period that ends before a plan's status changed counts the status before the change")
    func beforeAChange() throws {
        let f = try PastPeriodFixture()
        // On 2025-03-15: A invited (active from 2025-04-01), D a draft (closed 2025-06-01), B not yet asked for.
        let r = try both(f, f.north.id, day("2025-01-01"), day("2025-03-15"))
        #expect(r.openPlansByStatus.mapValues(\.ids) == ["draft": [f.d], "invited": [f.a]])
        // X is 12 on 2025-03-15, W 9.
        #expect(r.openPlansBySexAndAge == ["flicka": ["6-12": 1], "pojke": ["6-12": 1]])
        #expect(r.overdueFollowUp.count == 0 && r.overdueInterventions.count == 0)
        // The county adds E, a draft in the south, V 17 that day.
        let county = try both(f, nil, day("2025-01-01"), day("2025-03-15"))
        #expect(county.openPlansByStatus.mapValues(\.ids) == ["draft": [f.d, f.e], "invited": [f.a]])
        #expect(county.openPlansBySexAndAge["flicka"] == ["6-12": 1, "16-17": 1])
        // The day A became active it counts as active: the period's last day is the whole day.
        let april = try both(f, f.north.id, day("2025-04-01"), day("2025-04-01"))
        #expect(april.openPlansByStatus.mapValues(\.ids) == ["active": [f.a], "draft": [f.d]])
    }

    @Test("the screen and the report say which figures are of the last day and which of the period")
    func basisSaid() throws {
        let f = try PastPeriodFixture()
        let r = try f.t.store.review(groupId: f.north.id, from: year2025.from, to: year2025.to)
        let c = Catalog(.sv)
        let rows = ReviewTable.rows(r, catalog: c)
        #expect(rows.first { $0.section == c.review(.openPlansByStatus) }?.basis == .endOfPeriod)
        #expect(rows.first { $0.item == c.review(.startedInPeriod) }?.basis == .duringPeriod)
        let text = ReviewTable.text(r, catalog: c)
        #expect(text.contains("Öppna planer per status (per 2025-12-31)"))
        #expect(text.contains("Planer (under perioden)"))
        #expect(ReviewTable.csv(r, catalog: c).contains(";Aktiv;1;per 2025-12-31\r\n"))
    }

    @Test("two organisations with the same name and principal in two groups are two lines of the county")
    func sameNamedOrganisations() throws {
        let f = try PastPeriodFixture()
        let r = try both(f, nil, year2025.from, year2025.to)
        #expect(
            r.deviationsByConcerned.mapValues(\.count) == [
                "Elevhälsan (Region Test; Lokal BUS Norr)": 2, "Elevhälsan (Region Test; Lokal BUS Syd)": 1,
            ])
        // Each line lists its own organisation's deviations.
        let south = try f.t.store.reviewIds(
            .deviationsByConcerned("Elevhälsan (Region Test; Lokal BUS Syd)"), groupId: nil, from: year2025.from,
            to: year2025.to)
        #expect(south == [f.d3])
        // Named alike in every way: still apart, by number.
        try f.t.store.write { db in
            try db.execute(
                sql: "DELETE FROM agencyGroup WHERE agencyId IN (?, ?)",
                arguments: [f.elevhalsanNorth.id!, f.elevhalsanSouth.id!])
        }
        let alike = try f.t.store.review(groupId: nil, from: year2025.from, to: year2025.to)
        #expect(alike.deviationsByConcerned.count == 2)
        #expect(alike.deviationsByConcerned.values.map(\.count).sorted() == [1, 2])
    }

    @Test("a change made in another session is in the review the next time it is read")
    func anotherSession() throws {
        let f = try PastPeriodFixture()
        let other = try Store(
            path: f.t.dir.path("sip.sqlite"),
            context: SessionContext(user: "annan", now: { [clock = f.t.clock] in clock.now }), busyTimeout: 1)
        let from = day("2025-11-21"), to = day("2026-11-20")
        let before = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
        let school = try #require(try other.allAgencies().first { $0.name == "Norrskolan" })
        try other.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.a, occurredOn: day("2026-11-19"),
            kind: "vantetid", description: "y")
        try other.changeStatus(planId: f.c, to: .invited)
        let after = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
        #expect(after.deviationsByKind["vantetid"]?.count == (before.deviationsByKind["vantetid"]?.count ?? 0) + 1)
        #expect(after.openPlansByStatus["invited"]?.count == 1 && after.openPlansByStatus["draft"] == nil)
        #expect(after.deviationsOpen.count == before.deviationsOpen.count + 1)
    }

    /// Whether the figures of `from`...`to` for the group are kept (read without counting).
    func isKept(_ f: PastPeriodFixture, _ group: Int64?, _ from: Day, _ to: Day) throws -> Bool {
        try f.t.store.read { db in try ReviewSnapshot.kept(db, group: group, from, to) } != nil
    }

    @Test("a past year's figures are kept once counted; today's work keeps them, a change reaching back drops them")
    func keptFigures() throws {
        let f = try PastPeriodFixture()
        let (from, to) = year2025
        let first = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
        #expect(try isKept(f, f.north.id, from, to))
        // The current period is never kept: it changes with every save.
        _ = try f.t.store.review(groupId: f.north.id, from: day("2025-11-21"), to: day("2026-11-20"), withIds: false)
        #expect(try !isKept(f, f.north.id, day("2025-11-21"), day("2026-11-20")))
        // Today's work: a status change, a follow-up moved, a deviation of today, an intervention.
        try f.t.store.changeStatus(planId: f.a, to: .followUpDue)
        var edited = try f.t.store.plan(f.a)
        edited.followUpDate = day("2027-01-15")
        try f.t.store.updatePlan(edited)
        let school = try #require(try f.t.store.allAgencies().first { $0.name == "Norrskolan" })
        try f.t.store.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.a, occurredOn: day("2026-11-20"),
            kind: "vantetid", description: "i dag")
        try f.t.store.addIntervention(
            planId: f.a, what: "Samtal", agencyId: school.id!, startDate: day("2026-11-20"), dueDate: day("2026-12-20"))
        #expect(try isKept(f, f.north.id, from, to))
        #expect(try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false) == first)
        #expect(try f.t.store.review(groupId: f.north.id, from: from, to: to).counted == first)
        // A deviation registered today for a day of last year reaches back: counted afresh, with it.
        try f.t.store.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.a, occurredOn: day("2025-12-30"),
            kind: "vantetid", description: "sent anmäld")
        #expect(try !isKept(f, f.north.id, from, to))
        let after = try both(f, f.north.id, from, to)
        #expect(after.deviationsByKind["vantetid"]?.count == 1)
        #expect(after.deviationsOpen.count == first.deviationsOpen.count + 1)
        #expect(try isKept(f, f.north.id, from, to))
        // A child's birth date moves its age band in every period: every kept period is dropped.
        try f.t.store.write { db in
            try db.execute(sql: "UPDATE child SET birthDate = '2012-01-01' WHERE name = 'Pojke Y'")
        }
        #expect(try !isKept(f, f.north.id, from, to))
        #expect(try both(f, f.north.id, from, to).openPlansBySexAndAge["pojke"] == ["13-15": 1])
    }

    @Test("figures counted while another session changed the period are not kept")
    func claimDropped() throws {
        let f = try PastPeriodFixture()
        let (from, to) = year2025
        let school = try #require(try f.t.store.allAgencies().first { $0.name == "Norrskolan" })
        // Counting starts (the claim), another session registers a deviation of last year, counting ends.
        let claim = try f.t.store.write { db in try ReviewSnapshot.claim(db, group: f.north.id, from, to) }
        let counted = try f.t.store.review(groupId: f.north.id, from: day("2025-01-02"), to: to, withIds: false)
        let other = try Store(
            path: f.t.dir.path("sip.sqlite"),
            context: SessionContext(user: "annan", now: { [clock = f.t.clock] in clock.now }), busyTimeout: 1)
        try other.addDeviation(
            reportingAgencyId: school.id!, concernedAgencyId: school.id!, planId: f.a, occurredOn: day("2025-06-30"),
            kind: "vantetid", description: "under räkningen")
        try f.t.store.write { db in try ReviewSnapshot.keep(db, counted, claim: claim) }
        #expect(try !isKept(f, f.north.id, from, to))
        #expect(try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false).deviationsByKind["vantetid"]?.count == 1)
    }

    @Test("the kept figures of today's kind are counted afresh: a need nobody took on, shown as of now")
    func keptOfToday() throws {
        let f = try PastPeriodFixture()
        let (from, to) = year2025
        let before = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
        try f.t.store.write { db in
            try db.execute(sql: "INSERT INTO need (planId, what, recordedOn) VALUES (?, 'Stöd i skolan', '2026-11-20')", arguments: [f.a])
        }
        #expect(try isKept(f, f.north.id, from, to))
        let after = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
        #expect(after.plansWithUnassignedNeeds.count == before.plansWithUnassignedNeeds.count + 1)
        #expect(try f.t.store.review(groupId: f.north.id, from: from, to: to).plansWithUnassignedNeeds.ids == [f.a])
    }

    @Test("a consent dated back, a meeting recorded as held, a withdrawal: each reaches the kept year")
    func keptConsentsAndMeetings() throws {
        let f = try PastPeriodFixture()
        let (from, to) = year2025
        func late() throws -> Int {
            _ = try f.t.store.review(groupId: f.north.id, from: from, to: to, withIds: false)
            #expect(try isKept(f, f.north.id, from, to))
            return try both(f, f.north.id, from, to).overdueFirstMeeting.count
        }
        #expect(try late() == 0)
        // B (invited all autumn) gets a consent given 2025-06-01, recorded today: its first meeting was late.
        try f.t.store.write { [b = f.b] db in
            try db.execute(
                sql: """
                    INSERT INTO consent (planId, givenByMemberId, givenByChild, information, form, validFrom, recordedAt, recordedBy)
                    SELECT ?, givenByMemberId, givenByChild, information, form, '2025-06-01', recordedAt, recordedBy
                    FROM consent LIMIT 1
                    """, arguments: [b])
        }
        #expect(try late() == 1)
        // Withdrawn as of 2025-07-01: not late on 2025-12-31 after all.
        try f.t.store.write { [b = f.b] db in
            try db.execute(sql: "UPDATE consent SET withdrawnOn = '2025-07-01' WHERE planId = ?", arguments: [b])
        }
        #expect(try late() == 0)
        try f.t.store.write { [b = f.b] db in
            try db.execute(sql: "UPDATE consent SET withdrawnOn = NULL WHERE planId = ?", arguments: [b])
        }
        #expect(try late() == 1)
        // A meeting held 2025-12-10, recorded today.
        try f.t.store.write { [b = f.b] db in
            try db.execute(
                sql: """
                    INSERT INTO meeting (planId, kind, startsAt, durationMinutes, held)
                    VALUES (?, 'first', '2025-12-10 09:00:00.000', 60, 0)
                    """, arguments: [b])
        }
        #expect(try late() == 1)
        try f.t.store.write { [b = f.b] db in
            try db.execute(sql: "UPDATE meeting SET held = 1 WHERE planId = ?", arguments: [b])
        }
        #expect(try late() == 0)
    }
}
