import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Demo data and the plan document")
struct DemoAndDocumentTests {
    func demoStore(plans: Int = 40, seed: UInt64 = 7) throws -> TestStore {
        let t = try TestStore(clock: TestClock(day("2026-11-20")))
        _ = try DemoGenerator.run(store: t.store, plans: plans, seed: seed)
        return t
    }

    @Test("the demo covers every status, every deviation kind, overdue items and absences")
    func coverage() throws {
        let t = try demoStore()
        let rows = try t.store.planSummaries()
        #expect(rows.count == 40)
        #expect(Set(rows.map(\.status)) == Set(PlanStatus.allCases))
        #expect(rows.contains { $0.overdue && $0.followUpDate.map { $0 < t.store.context.today } == true })
        let facts = try t.store.read { db in
            (
                try String.fetchSet(db, sql: "SELECT DISTINCT kind FROM deviation"),
                try String.fetchSet(db, sql: "SELECT code FROM deviationKind"),
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM intervention WHERE status IN ('planned','ongoing') AND dueDate < ?
                        """, arguments: [t.store.context.today])!,
                try String.fetchSet(db, sql: "SELECT DISTINCT status FROM attendance"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM busGroup")!,
                try String.fetchAll(db, sql: "SELECT name FROM child")
            )
        }
        #expect(facts.0 == facts.1, "every deviation kind appears")
        #expect(facts.2 > 0, "some interventions are overdue")
        #expect(facts.3.isSuperset(of: ["present", "absent_without_notice"]))
        #expect(facts.4 >= 2)
        #expect(facts.5.contains { $0.contains(where: { "åäöÅÄÖ".contains($0) }) })
        #expect(try t.store.check().isHealthy)
    }

    @Test("active plans in the demo have valid consent, as the rules demand")
    func demoFollowsRules() throws {
        let t = try demoStore()
        for row in try t.store.planSummaries(PlanFilter(status: .invited)) {
            #expect(try t.store.planDocument(row.id).consents.isEmpty == false)
        }
        let closed = try t.store.planSummaries(PlanFilter(status: .closed))
        #expect(closed.allSatisfy { !$0.overdue && $0.nextDate == nil })
    }

    @Test("the same seed gives the same data; another seed does not")
    func deterministic() throws {
        let a = try demoStore(seed: 3), b = try demoStore(seed: 3), c = try demoStore(seed: 4)
        let encoder = PlanDocument.encoder()
        func fingerprint(_ t: TestStore) throws -> Data {
            try encoder.encode(try t.store.planSummaries())
                + encoder.encode(try t.store.deviationSummaries())
        }
        #expect(try fingerprint(a) == fingerprint(b))
        #expect(try fingerprint(a) != fingerprint(c))
    }

    @Test("a demo committed in batches is the same demo as one written at once, review tallies included")
    func batched() throws {
        let whole = try demoStore(seed: 3)
        let batched = try TestStore(clock: TestClock(day("2026-11-20")))
        _ = try DemoGenerator.run(store: batched.store, plans: 40, seed: 3, batch: 7)
        func rows(_ t: TestStore) throws -> [String] {
            try t.store.read { db in
                try ["plan", "child", "meeting", "intervention", "deviation", "participant", "reviewTally"].flatMap {
                    table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3").map { "\(table) \($0)" }
                }
            }
        }
        let expected = try rows(whole)
        #expect(expected.count > 400)
        #expect(try rows(batched) == expected)
    }

    @Test("demo data goes only into an empty database")
    func demoRefusesNonEmpty() throws {
        let t = try demoStore(plans: 3)
        #expect(throws: SIPError.databaseNotEmpty) { try DemoGenerator.run(store: t.store, plans: 3, seed: 1) }
        #expect(try t.store.planCount() == 3)
    }

    @Test("a full plan survives a JSON round trip unchanged")
    func jsonRoundTrip() throws {
        let t = try demoStore()
        let active = try #require(try t.store.planSummaries(PlanFilter(status: .active)).first)
        let document = try t.store.planDocument(active.id)
        #expect(!document.meetings.isEmpty && !document.interventions.isEmpty && !document.consents.isEmpty)
        let data = try PlanDocument.encoder().encode(document)
        let decoded = try JSONDecoder().decode(PlanDocument.self, from: data)
        #expect(decoded == document)
        #expect(try PlanDocument.encoder().encode(decoded) == data)
    }

    @Test("the document carries the law's four points, consent, guardians and participants")
    func legalPoints() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try f.consentBoth(t.store)
        let today = t.store.context.today
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Anpassad studiegång", agencyId: f.school.id!,
            startDate: today, dueDate: today.adding(days: 60))
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Samtalsbehandling", agencyId: f.bup.id!,
            startDate: today, dueDate: today.adding(days: 90))
        try t.store.addIntervention(
            planId: f.plan.id!, what: "Utredning av omvårdnadsbidrag",
            agencyId: f.insurance.id!, startDate: today, dueDate: today.adding(days: 30))
        try t.store.addParticipant(planId: f.plan.id!, agencyId: f.bup.id!, person: "Stina Ström", role: "Psykolog")
        try t.store.addParticipant(
            planId: f.plan.id!, agencyId: f.insurance.id!, person: "Åke Lund", role: "Handläggare")
        var plan = try t.store.plan(f.plan.id!)
        plan.leadAgencyId = f.social.id
        plan.leadPerson = "Signe Sjöberg"
        try t.store.updatePlan(plan)

        let d = try t.store.planDocument(f.plan.id!)
        #expect(d.legal.needs.count == 3)
        #expect(d.legal.interventionsByPrincipal.map(\.principal) == ["Testby kommun", "Region Test"])
        #expect(d.legal.measuresByOthers.map(\.principal) == ["Försäkringskassan"])
        #expect(
            d.legal.overallResponsibility
                == .init(
                    principal: "Testby kommun", principalType: .municipality,
                    agency: "Socialtjänsten Testby", person: "Signe Sjöberg"))
        #expect(d.consentValid && d.consents.count == 2)
        #expect(d.guardians.map(\.name) == ["Märta Öberg", "Örjan Öberg"])
        #expect(d.participants.map(\.invitationKind) == [.summons, .invitation])
        #expect(d.child.personalNumber?.formatted == "20150312-0006")
        let json = String(decoding: try PlanDocument.encoder().encode(d), as: UTF8.self)
        for key in [
            "\"needs\"", "\"interventionsByPrincipal\"", "\"measuresByOthers\"", "\"overallResponsibility\"",
            "\"consents\"", "\"guardians\"", "\"participants\"",
        ] {
            #expect(json.contains(key))
        }
    }

    @Test("the text rendering of a plan neutralises escape sequences stored in the database")
    func textIsSafe() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try t.store.write { db in
            try db.execute(
                sql: "UPDATE child SET name = 'Evil\u{1B}[2J\u{1B}]0;x\u{7}Name' WHERE id = ?",
                arguments: [f.child.id!])
        }
        let text = TextReports.planText(try t.store.planDocument(f.plan.id!), catalog: Catalog(.sv))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.contains("Evil\u{241B}[2J"))
        let table = TextReports.planTable(try t.store.planSummaries(), catalog: Catalog(.en))
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B })
    }
}
