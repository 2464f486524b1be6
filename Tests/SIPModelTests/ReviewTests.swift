import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// A small county whose every figure is counted by hand below.
struct ReviewFixture {
    let t: TestStore
    let north: BusGroup, south: BusGroup
    let plans: [String: Int64]
    let overdueIntervention: Int64
    let names: [String]

    init() throws {
        t = try TestStore(clock: TestClock(day("2026-06-15")))
        let s = t.store
        north = try s.addBusGroup(name: "Lokal BUS Norr")
        south = try s.addBusGroup(name: "Lokal BUS Syd")
        let schoolN = try s.addAgency(
            kind: "skola", principalName: "Norrby kommun", name: "Norrskolan", busGroupId: north.id)
        let socialN = try s.addAgency(
            kind: "socialtjanst", principalName: "Norrby kommun", name: "Soc Norr", busGroupId: north.id)
        let bupN = try s.addAgency(kind: "bup", principalName: "Region Test", name: "BUP Norr", busGroupId: north.id)
        let socialS = try s.addAgency(
            kind: "socialtjanst", principalName: "Söderby kommun", name: "Soc Syd", busGroupId: south.id)
        let c1 = try s.addChild(
            name: "Flicka Ett", personalNumber: PersonalNumber.make(born: day("2015-01-10"), serial: 1).formatted,
            sex: .girl)
        let c2 = try s.addChild(
            name: "Pojke Två", personalNumber: PersonalNumber.make(born: day("2010-03-01"), serial: 2).formatted,
            sex: .boy)
        let c3 = try s.addChild(name: "Flicka Tre", personalNumber: nil, birthDate: "2022-01-01", sex: .girl)
        let c4 = try s.addChild(name: "Barn Fyra", personalNumber: nil, birthDate: "2012-07-01", sex: .unknown)
        names = [
            "Flicka Ett", "Pojke Två", "Flicka Tre", "Barn Fyra", c1.personalNumber!, c2.personalNumber!,
            String(c1.personalNumber!.suffix(4)), "20150110", "20100301",
        ]
        func plan(_ child: Child, _ group: BusGroup, _ requested: String) throws -> Int64 {
            try s.createPlan(
                NewPlan(
                    childId: child.id!, busGroupId: group.id!, initiatorKind: .child,
                    requestDate: day(requested))
            ).id!
        }
        let p1 = try plan(c1, north, "2026-02-01")
        let p2 = try plan(c2, north, "2026-05-01")
        let p3 = try plan(c3, north, "2025-01-10")
        let p4 = try plan(c4, south, "2026-03-01")
        plans = ["p1": p1, "p2": p2, "p3": p3, "p4": p4]
        // p1 active, follow-up passed. p2 draft, child's consent 2026-05-01: first meeting due by 2026-05-22.
        try s.addConsent(
            planId: p1, givenBy: .child, information: "Allt", validFrom: day("2026-02-01"), agencyIds: [schoolN.id!])
        // Flicka Ett is 11: her own consent counts with a maturity assessment (issue 14).
        try s.recordMaturityAssessment(planId: p1, reason: "Förstår vad samtycket gäller")
        try s.changeStatus(planId: p1, to: .invited)
        try s.changeStatus(planId: p1, to: .active)
        var edited = try s.plan(p1)
        edited.followUpDate = day("2026-06-01")
        try s.updatePlan(edited)
        try s.addConsent(
            planId: p2, givenBy: .child, information: "Allt", validFrom: day("2026-05-01"), agencyIds: [schoolN.id!])
        try s.changeStatus(planId: p3, to: .closed, note: "Klar")
        try s.changeStatus(planId: p4, to: .invited)
        overdueIntervention = try s.addIntervention(
            planId: p1, what: "A", agencyId: schoolN.id!, startDate: day("2026-02-10"),
            dueDate: day("2026-05-01")
        ).id!
        try s.addIntervention(
            planId: p1, what: "B", agencyId: bupN.id!, startDate: day("2026-02-10"), dueDate: day("2026-07-01"),
            status: .ongoing)
        try s.addIntervention(
            planId: p1, what: "C", agencyId: socialN.id!, startDate: day("2026-02-10"), dueDate: day("2026-04-01"),
            status: .done)
        let d1 = try s.addDeviation(
            reportingAgencyId: socialN.id!, concernedAgencyId: bupN.id!, planId: p1,
            occurredOn: day("2026-03-01"), kind: "uteblev", description: "x")
        try s.answerDeviation(d1.id!, response: "Ny rutin", on: day("2026-03-11"))
        let d2 = try s.addDeviation(
            reportingAgencyId: socialN.id!, concernedAgencyId: schoolN.id!, planId: p1,
            occurredOn: day("2026-04-01"), kind: "avbojde", description: "x")
        try s.answerDeviation(d2.id!, response: "Vi kommer", on: day("2026-04-21"))
        let d3 = try s.addDeviation(
            reportingAgencyId: socialN.id!, concernedAgencyId: bupN.id!, planId: p1,
            occurredOn: day("2026-05-20"), kind: "uteblev", description: "x")
        try s.write { db in
            try db.execute(sql: "UPDATE deviation SET responseDue = '2026-06-01' WHERE id = ?", arguments: [d3.id!])
        }
        try s.addDeviation(
            reportingAgencyId: socialN.id!, concernedAgencyId: bupN.id!, planId: p1,
            occurredOn: day("2025-12-01"), kind: "ovrigt", description: "before the period")
        try s.addDeviation(
            reportingAgencyId: socialS.id!, concernedAgencyId: socialS.id!, planId: p4,
            occurredOn: day("2026-03-05"), kind: "vantetid", description: "x")
    }
}

@Suite("The BUS review, counted by hand")
struct ReviewTests {
    let from = day("2026-01-01"), to = day("2026-06-30")

    @Test("one group: every figure and the plans behind it")
    func oneGroup() throws {
        let f = try ReviewFixture()
        let r = try f.t.store.review(groupId: f.north.id, from: from, to: to)
        let p = f.plans
        #expect(r.group == "Lokal BUS Norr")
        #expect(r.openPlansByStatus.mapValues(\.ids) == ["active": [p["p1"]!], "draft": [p["p2"]!]])
        #expect(r.plansStarted.ids == [p["p1"]!, p["p2"]!])
        #expect(r.overdueFirstMeeting.ids == [p["p2"]!])
        #expect(r.overdueFollowUp.ids == [p["p1"]!])
        #expect(r.overdueInterventions.ids == [f.overdueIntervention])
        #expect(r.deviationsByKind.mapValues(\.count) == ["uteblev": 2, "avbojde": 1])
        #expect(r.deviationsByConcerned.mapValues(\.count) == ["BUP Norr": 2, "Norrskolan": 1])
        #expect(r.deviationsByStatus.mapValues(\.count) == ["answered": 2, "registered": 1])
        #expect(r.responseTimes.answered == 2 && r.responseTimes.medianDays == 15 && r.responseTimes.maxDays == 20)
        #expect(r.responseTimes.overdue.count == 1)
        // Ages on 2026-06-30: 11 and 16.
        #expect(r.openPlansBySexAndAge == ["flicka": ["6-12": 1], "pojke": ["16-17": 1]])
    }

    @Test("all groups add the other group's plans and deviations")
    func allGroups() throws {
        let f = try ReviewFixture()
        let r = try f.t.store.review(groupId: nil, from: from, to: to)
        #expect(r.group == nil)
        #expect(r.plansStarted.count == 3)
        #expect(r.openPlansByStatus.mapValues(\.count) == ["active": 1, "draft": 1, "invited": 1])
        #expect(r.deviationsByKind.mapValues(\.count) == ["uteblev": 2, "avbojde": 1, "vantetid": 1])
        #expect(r.openPlansBySexAndAge["okant"] == ["13-15": 1])
    }

    @Test(
        "the age bands the seeds ask for",
        arguments: [
            (0, "0-5"), (5, "0-5"), (6, "6-12"), (12, "6-12"), (13, "13-15"),
            (15, "13-15"), (16, "16-17"), (17, "16-17"), (18, "18+"),
        ])
    func bands(_ age: Int, _ band: String) {
        #expect(GroupReview.ageBand(age) == band)
    }

    @Test("no name or personal number in any rendering of the review")
    func deidentified() throws {
        let f = try ReviewFixture()
        let r = try f.t.store.review(groupId: nil, from: from, to: to)
        let outputs = [
            ReviewTable.text(r, catalog: Catalog(.sv)), ReviewTable.csv(r, catalog: Catalog(.en)),
            String(decoding: try PlanDocument.encoder().encode(r), as: UTF8.self),
        ]
        for output in outputs {
            for name in f.names { #expect(!output.contains(name), "\(name) leaked") }
        }
    }

    @Test("the CSV opens in a Swedish spreadsheet and parses back to the same table")
    func csvRoundTrip() throws {
        let f = try ReviewFixture()
        let r = try f.t.store.review(groupId: f.north.id, from: from, to: to)
        let csv = ReviewTable.csv(r, catalog: Catalog(.sv))
        #expect(csv.hasPrefix("\u{FEFF}Grupp;Från;Till;Avsnitt;Post;Antal;Avser\r\n"))
        #expect(csv.contains(";median, dagar;15,0;under perioden\r\n"), "decimal comma")
        let dir = TempDir()
        let file = dir.path("review.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let parsed = shell([
            "/usr/bin/python3", "-c",
            """
            import csv, sys, json
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, file,
        ])
        #expect(parsed.status == 0)
        let rows = try JSONDecoder().decode([[String]].self, from: Data(parsed.out.utf8))
        let expected = ReviewTable.rows(r, catalog: Catalog(.sv)).map {
            [
                "Lokal BUS Norr", "2026-01-01", "2026-06-30", $0.section, $0.item, $0.count,
                $0.basis == .endOfPeriod ? "per 2026-06-30" : "under perioden",
            ]
        }
        #expect(rows.count == expected.count + 1)
        #expect(Array(rows.dropFirst()) == expected)
        // With commas between fields the decimal is a point; with semicolons a comma, in any language.
        let comma = ReviewTable.csv(r, catalog: Catalog(.sv), separator: ",")
        #expect(comma.contains(",\"median, dagar\",15.0,under perioden\r\n"))
        #expect(ReviewTable.csv(r, catalog: Catalog(.en)).contains(";median, days;15,0;during the period\r\n"))
    }

    @Test("the counted review (the screen's) has the same figures as the one with ids (the report's)")
    func countedEqualsCollected() throws {
        let t = try TestStore(clock: TestClock(Day(year: 2026, month: 11, day: 20)!))
        _ = try DemoGenerator.run(store: t.store, plans: 80, seed: 5)
        let from = Day(year: 2025, month: 11, day: 21)!, to = t.store.context.today
        for group in [nil] + (try t.store.busGroups().map(\.id)) {
            let full = try t.store.review(groupId: group, from: from, to: to)
            let counted = try t.store.review(groupId: group, from: from, to: to, withIds: false)
            let rows = { (r: GroupReview) in
                ReviewTable.rows(r, catalog: Catalog(.sv)).map { "\($0.section)|\($0.item)|\($0.count)" }
            }
            #expect(rows(counted) == rows(full))
            // Not a comparison of two empty reviews: a group with plans has rows with ids. (The register's
            // groups the demo spreads no plans over, Lokal BUS Söderby and Åsen, have none.)
            let plans = try t.store.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \"plan\" WHERE ? IS NULL OR busGroupId = ?",
                    arguments: [group, group])!
            }
            guard plans > 0 else { continue }
            #expect(ReviewTable.rows(full, catalog: Catalog(.sv)).contains { !$0.ids.isEmpty })
        }
    }

    @Test("the report command: text, csv and json, for a group or all, with a clear error for a bad date")
    func command() throws {
        let dir = TempDir()
        let db = dir.path("r.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "20"]).status == 0)
        #expect(
            try Binary.run(["--db", db, "user", "set-role", SessionContext.current().user, "bus-chair", "--all-groups"])
                .status == 0)
        let text = try Binary.run(["--db", db, "report"])
        #expect(text.status == 0 && text.out.contains("Avvikelser per typ"))
        let csv = try Binary.run([
            "--db", db, "report", "--group", "Lokal BUS Norrvik", "--format", "csv", "--from", "2025-01-01",
        ])
        #expect(csv.status == 0 && csv.out.hasPrefix("\u{FEFF}Grupp;"))
        let json = try Binary.run(["--db", db, "report", "--format", "json"])
        #expect(try JSONDecoder().decode(GroupReview.self, from: Data(json.out.utf8)).plansStarted.count > 0)
        let bad = try Binary.run(["--db", db, "report", "--from", "2026-02-30"])
        #expect(bad.status == 1 && bad.err.contains("inget giltigt datum"))
    }
}

@Suite("The deviation register")
struct DeviationRegisterTests {
    func deviation() throws -> (TestStore, Deviation) {
        let t = try TestStore()
        let f = try Fixture(t.store)
        let d = try t.store.addDeviation(
            reportingAgencyId: f.social.id!, concernedAgencyId: f.bup.id!, planId: f.plan.id,
            occurredOn: t.store.context.today, kind: "vantetid", description: "Lång väntan på BUP.")
        return (t, d)
    }

    @Test("registered, sent, answered, closed: every step and only those", arguments: DeviationStatus.allCases)
    func transitions(_ to: DeviationStatus) throws {
        let (t, d) = try deviation()
        switch to {
        case .sent:
            #expect(try t.store.changeDeviationStatus(d.id!, to: to).status == to)
        case .closed:
            // Closed without an answer: the note saying why is required (issue 18).
            #expect(throws: SIPError.required(field: .note)) { try t.store.changeDeviationStatus(d.id!, to: .closed) }
            #expect(try t.store.deviation(d.id!).status == .registered, "nothing written")
            #expect(try t.store.changeDeviationStatus(d.id!, to: to, note: "Dubblett av 12").status == to)
        case .answered:
            // An answer needs its text: answering is its own step.
            #expect(throws: SIPError.required(field: .response)) {
                try t.store.changeDeviationStatus(d.id!, to: .answered)
            }
            #expect(
                try t.store.answerDeviation(d.id!, response: "Tid bokad", on: t.store.context.today).status == .answered
            )
        case .registered:
            #expect(throws: SIPError.self) { try t.store.changeDeviationStatus(d.id!, to: .registered) }
        }
    }

    @Test("a closed deviation stays closed; an answered one cannot be answered again")
    func finality() throws {
        let (t, d) = try deviation()
        try t.store.answerDeviation(d.id!, response: "Svar", on: t.store.context.today)
        #expect(throws: SIPError.self) {
            try t.store.answerDeviation(d.id!, response: "Igen", on: t.store.context.today)
        }
        try t.store.changeDeviationStatus(d.id!, to: .closed)
        #expect(throws: SIPError.self) { try t.store.changeDeviationStatus(d.id!, to: .sent) }
    }

    @Test("every change is in the history, with who and when; escalation is recorded")
    func history() throws {
        let (t, d) = try deviation()
        try t.store.changeDeviationStatus(d.id!, to: .sent, note: "Till BUP:s enhetschef")
        try t.store.escalateDeviation(d.id!, to: .busGroup, note: "Upprepat")
        // Escalating takes a note (issue 18): without one nothing is written.
        #expect(throws: SIPError.required(field: .note)) {
            try t.store.escalateDeviation(d.id!, to: .bussam, note: " ")
        }
        try t.store.escalateDeviation(d.id!, to: .bussam, note: "Kvarstår efter BUS-mötet")
        let history = try t.store.deviationHistory(d.id!)
        #expect(history.map(\.what) == ["registered", "status sent", "escalation bus_group", "escalation bussam"])
        #expect(history.allSatisfy { $0.changedBy == "testare" })
        #expect(history[1].note == "Till BUP:s enhetschef")
        #expect(try t.store.read { db in try Deviation.fetchOne(db, key: d.id!)!.escalation } == .bussam)
    }
}

@Suite("Trends over twelve months")
struct TrendTests {
    @Test("counts per month match the fixture; months outside the window are left out")
    func counts() throws {
        let f = try ReviewFixture()
        let trends = try f.t.store.trends(groupId: f.north.id, to: day("2026-06-30"))
        #expect(trends.months.first == "2025-07" && trends.months.last == "2026-06" && trends.months.count == 12)
        func at(_ month: String, _ values: [Int]) -> Int { values[trends.months.firstIndex(of: month)!] }
        #expect(at("2026-02", trends.plansStarted) == 1 && at("2026-05", trends.plansStarted) == 1)
        #expect(trends.plansStarted.reduce(0, +) == 2, "the 2025-01 request is outside the window")
        #expect(at("2026-03", trends.deviationsByKind["uteblev"]!) == 1)
        #expect(at("2026-05", trends.deviationsByKind["uteblev"]!) == 1)
        #expect(at("2026-04", trends.deviationsByKind["avbojde"]!) == 1)
        #expect(at("2025-12", trends.deviationsByKind["ovrigt"]!) == 1)
        #expect(trends.deviationsTotal.reduce(0, +) == 4)
        let all = try f.t.store.trends(groupId: nil, to: day("2026-06-30"))
        #expect(all.deviationsTotal.reduce(0, +) == 5)
    }

    @Test("the charts fit the width, in plain ASCII, and name no child")
    func rendering() throws {
        let f = try ReviewFixture()
        let text = try f.t.store.trends(groupId: nil, to: day("2026-06-30")).text(catalog: Catalog(.sv), width: 76)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
        // The busiest month's bar fills the room left after label and number: 76 - 7 - 1 - 3 = 65.
        #expect(text.contains("2026-03 2 " + String(repeating: "#", count: 65) + "\n"))
        for name in f.names { #expect(!text.contains(name)) }
        #expect(
            TextChart.bars(labels: ["a", "b"], values: [0, 10], width: 20) == [
                "a  0 ", "b 10 " + String(repeating: "#", count: 14),
            ])
    }
}

@Suite("Spindelmätning")
struct SelfAssessmentTests {
    @Test(
        "a measurement needs every dimension scored 1 to 5; the newest comes first; a second one the same day replaces it"
    )
    func record() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let dimensions = try s.spiderDimensions()
        #expect(dimensions.count == 7 && dimensions[0].code == "mandat")
        var scores = Dictionary(uniqueKeysWithValues: dimensions.map { ($0.code, 3) })
        try s.recordSelfAssessment(groupId: f.north.id!, on: day("2026-01-15"), scores: scores)
        scores["sip"] = 5
        try s.recordSelfAssessment(groupId: f.north.id!, on: day("2026-06-15"), scores: scores)
        scores["sip"] = 4
        try s.recordSelfAssessment(groupId: f.north.id!, on: day("2026-06-15"), scores: scores)
        let all = try s.selfAssessments(groupId: f.north.id!)
        #expect(all.map(\.measuredOn) == [day("2026-06-15"), day("2026-01-15")])
        #expect(all[0].scores["sip"] == 4)
        scores["sip"] = 6
        #expect(throws: SIPError.self) {
            try s.recordSelfAssessment(groupId: f.north.id!, on: day("2026-06-16"), scores: scores)
        }
        scores.removeValue(forKey: "sip")
        #expect(throws: SIPError.self) {
            try s.recordSelfAssessment(groupId: f.north.id!, on: day("2026-06-16"), scores: scores)
        }
        #expect(try s.selfAssessments(groupId: f.north.id!).count == 2)
        #expect(try s.selfAssessments(groupId: f.south.id!).isEmpty)
    }

    @Test("the chart shows each score as a bar and the change since the previous measurement")
    func chart() throws {
        let f = try ReviewFixture()
        let dimensions = try f.t.store.spiderDimensions()
        let before = SelfAssessment(
            measuredOn: day("2026-01-15"), scores: Dictionary(uniqueKeysWithValues: dimensions.map { ($0.code, 3) }))
        var after = before
        after.measuredOn = day("2026-06-15")
        after.scores["sip"] = 5
        after.scores["mandat"] = 1
        let lines = SpiderChart.lines(
            dimensions: dimensions, current: after, previous: before, catalog: Catalog(.sv), width: 80)
        #expect(lines[0] == "Mätning 2026-06-15, jämfört med 2026-01-15")
        #expect(lines[1].hasSuffix("##........ 1  (3, -2)"))
        #expect(lines.first { $0.hasPrefix("Användning av SIP") }!.hasSuffix("########## 5  (3, +2)"))
        #expect(lines.first { $0.hasPrefix("Gemensamma mål") }!.hasSuffix("######.... 3  (3, =)"))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}

@Suite("Review edges")
struct ReviewEdgeTests {
    @Test(
        "overdue answers count whenever the deviation happened; a plan-less one about a county-wide body counts for the reporter's group"
    )
    func overdueAndPlanless() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let police = try s.addAgency(kind: "polis", principalName: "Polismyndigheten", name: "Polisen", busGroupId: nil)
        let reporter = try s.read { db in try Agency.filter(Column("name") == "Soc Norr").fetchOne(db)! }
        let old = try s.addDeviation(
            reportingAgencyId: reporter.id!, concernedAgencyId: police.id!, planId: nil,
            occurredOn: day("2025-10-01"), kind: "ovrigt", description: "x")
        try s.write { db in
            try db.execute(sql: "UPDATE deviation SET responseDue = '2025-10-31' WHERE id = ?", arguments: [old.id!])
        }
        let r = try s.review(groupId: f.north.id, from: day("2026-01-01"), to: day("2026-06-30"))
        #expect(r.responseTimes.overdue.ids.contains(old.id!))
        let autumn = try s.review(groupId: f.north.id, from: day("2025-09-01"), to: day("2025-12-31"))
        #expect(autumn.deviationsByConcerned["Polisen"]?.count == 1)
        let south = try s.review(groupId: f.south.id, from: day("2025-09-01"), to: day("2025-12-31"))
        #expect(south.deviationsByConcerned["Polisen"] == nil)
    }

    @Test("two organisations with one name are told apart by their principal")
    func sameName() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let a = try s.addAgency(
            kind: "elevhalsa", principalName: "Norrby kommun", name: "Elevhälsan", busGroupId: f.north.id)
        let b = try s.addAgency(
            kind: "elevhalsa", principalName: "Söderby kommun", name: "Elevhälsan", busGroupId: f.south.id)
        for agency in [a, b] {
            try s.addDeviation(
                reportingAgencyId: agency.id!, concernedAgencyId: agency.id!, planId: nil,
                occurredOn: day("2026-02-02"), kind: "ovrigt", description: "x")
        }
        let r = try s.review(groupId: nil, from: day("2026-01-01"), to: day("2026-06-30"))
        #expect(r.deviationsByConcerned["Elevhälsan (Norrby kommun)"]?.count == 1)
        #expect(r.deviationsByConcerned["Elevhälsan (Söderby kommun)"]?.count == 1)
    }

    @Test("a year ends where it began, across a leap day")
    func yearWindow() {
        #expect(day("2028-03-01").startOfYearEndingHere == day("2027-03-02"))
        #expect(day("2028-02-29").startOfYearEndingHere == day("2027-03-01"))
        #expect(day("2026-11-20").startOfYearEndingHere == day("2025-11-21"))
    }

    @Test("an answer cannot predate the event or come from the future; nor can a deviation")
    func dates() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let agency = try s.read { db in try Agency.fetchOne(db)! }
        let d = try s.addDeviation(
            reportingAgencyId: agency.id!, concernedAgencyId: agency.id!, planId: nil,
            occurredOn: day("2026-03-01"), kind: "ovrigt", description: "x")
        #expect(throws: SIPError.self) { try s.answerDeviation(d.id!, response: "Svar", on: day("2026-02-28")) }
        #expect(throws: SIPError.self) { try s.answerDeviation(d.id!, response: "Svar", on: day("2026-06-16")) }
        #expect(throws: SIPError.invalidDate("2062-01-01")) {
            try s.addDeviation(
                reportingAgencyId: agency.id!, concernedAgencyId: agency.id!, planId: nil,
                occurredOn: day("2062-01-01"), kind: "ovrigt", description: "x")
        }
    }

    @Test("a value a spreadsheet would run as a formula is written as text")
    func formula() throws {
        let f = try ReviewFixture()
        let s = f.t.store
        let evil = try s.addAgency(
            kind: "annan", principalName: "X", name: "=HYPERLINK(\"http://x\")", busGroupId: f.north.id)
        try s.addDeviation(
            reportingAgencyId: evil.id!, concernedAgencyId: evil.id!, planId: nil,
            occurredOn: day("2026-02-02"), kind: "ovrigt", description: "x")
        let csv = ReviewTable.csv(
            try s.review(groupId: f.north.id, from: day("2026-01-01"), to: day("2026-06-30")), catalog: Catalog(.sv))
        #expect(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"))
        #expect(!csv.contains(";=HYPERLINK"))
    }
}
