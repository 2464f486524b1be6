import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPDemo
@testable import SIPText

/// Issue 14, build 5: what a chair reads names no child, and small counts identify nobody.
@Suite("De-identified means de-identified")
struct DeidentificationTests {
    /// Åsa Öberg's number (fixture) in every way people write it, and a samordningsnummer.
    static let numbers = ["20150312-0006", "201503120006", "150312-0006", "1503120006", "150312+0006"]
    static let coordination = PersonalNumber.make(born: Day(iso: "2015-03-12")!, serial: 123, coordination: true)

    @Test("identity numbers in every format and the family's names are masked for a chair, shown to the coordinator")
    func masked() throws {
        let w = try RoleWorld()
        let store = w.t.store
        let text = "Åsa Öberg (\(Self.numbers.joined(separator: ", ")), \(Self.coordination.digits)) och Märta."
        let d = try store.addDeviation(
            reportingAgencyId: w.f.school.id!, concernedAgencyId: w.f.bup.id!, planId: w.f.plan.id,
            occurredOn: store.context.today, kind: "uteblev", description: text,
            localAction: "Ringde Örjan Öberg, ärende 123456, tel 08-123 45 67, den 2025-05-01.")
        try store.changeDeviationStatus(d.id!, to: .sent, note: "Gäller åsa öberg 1503120006")
        try store.answerDeviation(d.id!, response: "Åsas mamma Märta Öberg fick tid.", on: store.context.today)
        let chad = try w.session("chad")
        let seen = try chad.deviation(d.id!)
        let notes = try chad.deviationHistory(d.id!).map(\.note).joined(separator: "\n")
        let all = [seen.description, seen.localAction, seen.response ?? "", notes].joined(separator: "\n")
        for identity in Self.numbers + [Self.coordination.digits, "Åsa", "Öberg", "Märta", "Örjan", "åsa"] {
            #expect(!all.contains(identity), "a chair reads \(identity)")
        }
        #expect(seen.description.contains("[personnummer]") && seen.description.contains("[namn]"))
        // Ordinary numbers are not identities.
        #expect(seen.localAction.contains("123456") && seen.localAction.contains("08-123 45 67"))
        #expect(seen.localAction.contains("2025-05-01"))
        // The plan's coordinator reads what was written.
        let cora = try w.session("cora")
        #expect(try cora.deviation(d.id!).description == text)
    }

    @Test("the masking finds numbers by pattern and plausible date, names as words")
    func screening() {
        let screen = IdentityScreen(names: ["Åsa Öberg"])
        #expect(screen.mask("pnr 150312-0006.") == "pnr [personnummer].")
        #expect(screen.mask("\(Self.coordination.digits)") == "[personnummer]")
        #expect(screen.mask("ärende 1234567890") == "ärende 1234567890")  // no date: month 56
        #expect(screen.mask("Åsas skola, ÅSA och Öbergs") == "[namn] skola, [namn] och [namn]")
        #expect(screen.mask("Åsanäs") == "Åsanäs")
        #expect(screen.findings("hej Åsa 1503120006") == [.personalNumber, .name])
    }

    static func review(
        byKind: [String: Int], sexAge: [String: [String: Int]] = [:], open: [String: Int] = [:]
    ) -> GroupReview {
        func figures(_ counts: [String: Int]) -> [String: GroupReview.Figure] {
            counts.mapValues { .init(count: $0, ids: Array(0..<Int64($0))) }
        }
        let none = GroupReview.Figure(count: 0, ids: [])
        return GroupReview(
            group: "G", from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!,
            openPlansByStatus: figures(open), plansStarted: .init(count: 2, ids: [1, 2]),
            overdueFirstMeeting: none, overdueFollowUp: .init(count: 4, ids: [1, 2, 3, 4]),
            overdueInterventions: none, deviationsByKind: figures(byKind), deviationsByConcerned: figures(byKind),
            deviationsByStatus: figures(byKind),
            responseTimes: .init(answered: 1, medianDays: 12, maxDays: 12, overdue: none),
            openPlansBySexAndAge: sexAge,
            deviationKinds: byKind.keys.sorted().map { DeviationKind(code: $0, nameSv: $0, nameEn: $0) })
    }

    @Test("counts under the threshold show as <3, with a second cell hidden so no total gives them away")
    func suppression() throws {
        let c = Catalog(.en)
        let r = Self.review(
            byKind: ["a": 1, "b": 5, "c": 7, "d": 0],
            sexAge: ["flicka": ["16-17": 1, "6-12": 9], "pojke": ["6-12": 8, "13-15": 4]],
            open: ["active": 20, "invited": 2])
        let s = r.suppressed(below: 3)
        let rows = ReviewTable.rows(s, catalog: c)
        func row(_ section: ReviewLabel, _ item: String) -> ReviewTable.Row? {
            rows.first { $0.section == c.review(section) && $0.item == item }
        }
        #expect(row(.deviationsByKind, "a")?.count == "<3")
        #expect(row(.deviationsByKind, "a")?.figure == nil && row(.deviationsByKind, "a")?.ids == [])
        #expect(row(.deviationsByKind, "d")?.count == "0")
        // The one small cell is not alone: another of the same list is hidden too (the smallest).
        #expect(row(.deviationsByKind, "b")?.count == "..")
        #expect(row(.deviationsByKind, "c")?.count == "7")
        #expect(row(.plans, c.review(.startedInPeriod))?.count == "<3")
        #expect(row(.overdue, c.review(.followUp))?.count == "4")
        #expect(row(.responseTime, c.review(.answered))?.count == "<3")
        #expect(row(.responseTime, c.review(.medianDays))?.count == "–")
        // Sex by age: the 1 and one more cell hidden.
        let sexAge = rows.filter { $0.section == c.review(.openPlansBySexAndAge) }
        #expect(sexAge.filter { $0.count == "<3" }.count == 1)
        #expect(sexAge.filter { $0.count == ".." }.count == 1)
        #expect(sexAge.first { $0.item == "\(c.sex(.boy)) 13-15" }?.count == "..")
        // No list with a known total has exactly one hidden cell.
        for section in [ReviewLabel.deviationsByKind, .openPlansByStatus, .openPlansBySexAndAge] {
            let hidden = rows.filter { $0.section == c.review(section) && ($0.count == "<3" || $0.count == "..") }
            #expect(hidden.count != 1, "\(section)")
        }
        // Text, CSV and JSON say the same.
        let text = ReviewTable.text(s, catalog: c)
        #expect(text.contains("<3") && !text.contains("  1\n"))
        let csv = ReviewTable.csv(s, catalog: c)
        #expect(csv.contains(";<3;"))
        let json = String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
        #expect(json.contains("\"suppressed\":\"small\"") && json.contains("\"count\":null"))
        #expect(!json.contains("\"16-17\":1"))
        // The exact review is unchanged.
        #expect(r.deviationsByKind["a"]?.count == 1)
    }

    @Test("the threshold is a local setting, default 3")
    func setting() throws {
        let t = try TestStore()
        #expect(try t.store.suppressBelow() == 3)
        try t.store.setDeadlines([("suppress-below", 5)])
        #expect(try t.store.suppressBelow() == 5)
    }

    @Test("a chair's probe of a plan number outside the group gets the answer of a missing one")
    func probe() throws {
        let w = try RoleWorld()
        let chad = try w.session("chad")
        #expect(try chad.planLinkable(w.f.plan.id!))
        #expect(try !chad.planLinkable(w.otherPlan.id!))
        #expect(try !chad.planLinkable(99_999))
        func attempt(_ plan: Int64) -> SIPError? {
            do {
                try chad.addDeviation(
                    reportingAgencyId: w.f.school.id!, concernedAgencyId: w.f.bup.id!, planId: plan,
                    occurredOn: chad.context.today, kind: "uteblev", description: "Ingen kom.")
                return nil
            } catch { return error as? SIPError }
        }
        #expect(attempt(w.otherPlan.id!) == .notFound(.plan, w.otherPlan.id!))
        #expect(attempt(99_999) == .notFound(.plan, 99_999))
        let c = Catalog(.sv)
        #expect(
            c.message(.notFound(.plan, w.otherPlan.id!)).replacingOccurrences(of: String(w.otherPlan.id!), with: "N")
                == c.message(.notFound(.plan, 99_999)).replacingOccurrences(of: "99999", with: "N"))
    }

    @Test("where small counts are hidden, the list behind a figure gives none back: plan numbers and groups only")
    func listsGiveBackNoHiddenCell() throws {
        let t = try TestStore()
        _ = try DemoGenerator.run(store: t.store, plans: 30, seed: 5)
        let ids = try t.store.planSummaries().map(\.id)
        let day = t.store.context.today
        let words = ["flicka", "pojke", "Utkast", "Kallad", "Aktiv", "0-5", "6-12", "13-15", "16-17"]
        let hidden = try t.store.reviewList(.plans, ids: ids, on: day, catalog: Catalog(.sv))
        #expect(hidden.count == ids.count)
        #expect(hidden.allSatisfy { line in !words.contains { line.contains($0) } })
        // With suppression off (1 hides nothing), the list says status, sex and age band again.
        try t.store.setDeadline("suppress-below", days: 1)
        let shown = try t.store.reviewList(.plans, ids: ids, on: day, catalog: Catalog(.sv))
        #expect(shown.contains { $0.contains("flicka") || $0.contains("pojke") })
    }

    @Test("a chair cannot test guessed names: no warning says which is the child's, and their own words come back as written")
    func noNameOracle() throws {
        let w = try RoleWorld()
        let chad = try w.session("chad")
        let guesses = "Ingen kom: Anna Erik Åsa Lars"
        #expect(try chad.identityFindings(guesses, planId: w.f.plan.id) == [])
        #expect(try chad.identityFindings("pnr 1503120006", planId: w.f.plan.id) == [.personalNumber])
        let d = try chad.addDeviation(
            reportingAgencyId: w.f.school.id!, concernedAgencyId: w.f.bup.id!, planId: w.f.plan.id,
            occurredOn: chad.context.today, kind: "uteblev", description: guesses + ", pnr 1503120006",
            localAction: "")
        let back = try chad.deviation(d.id!).description
        #expect(back.contains("Åsa") && !back.contains("[namn]"), "masking the guess would confirm it")
        #expect(back.contains("[personnummer]"))
        // Someone else's words are still masked for the chair.
        #expect(try w.session("cora").identityFindings(guesses, planId: w.f.plan.id) == [.name])
    }
}
