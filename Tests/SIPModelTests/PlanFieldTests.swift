import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("The table of plan fields")
struct PlanFieldTests {
    @Test("the plan form's fields, in its order")
    func editable() {
        #expect(
            Plan.editableFields == [
                .reason, .questions, .currentSituation, .childView, .familyOwnActions, .leadPerson, .followUpDate, .followUpCaller,
            ])
    }

    @Test("every text column of the plan is in the table, or a code or date the program writes")
    func everyColumn() throws {
        let t = try TestStore()
        let columns = try t.store.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\"plan\")")
                .filter { ($0["type"] as String).uppercased() == "TEXT" }.map { $0["name"] as String }
        }
        // Written by status changes and the purge, never typed in; references to users (v15);
        // the plan's kind and the discharge notice (v19) are set by their own form, as the lead is;
        // the day its consent began is kept by triggers from its consents (v28).
        let codes: Set = [
            "initiatorKind", "status", "closedKind", "purgedOn", "coordinatorLogin", "leadLogin", "kind", "notifiedOn",
            "consentSince",
        ]
        let listed = Set(PlanField.all.map(\.column.rawValue))
        #expect(Set(columns).subtracting(codes) == listed)
    }

    @Test("a text field's limit is the schema's: its longest value is stored, one more is refused")
    func limits() throws {
        let t = try TestStore()
        let f = try Fixture(t.store)
        try t.store.write { db in
            for spec in PlanField.all {
                guard case .text = spec.value else { continue }
                let longest = String(repeating: "å", count: spec.maxLength)
                try Plan.filter(key: f.plan.id!).updateAll(db, [spec.column.set(to: longest)])
                #expect(throws: DatabaseError.self, "\(spec.field)") {
                    try Plan.filter(key: f.plan.id!).updateAll(db, [spec.column.set(to: longest + "å")])
                }
            }
        }
    }

    @Test("a text field set through the table reads back, cleaned as its kind of line says")
    func setAndRead() throws {
        let t = try TestStore()
        var plan = try Fixture(t.store).plan
        for spec in PlanField.all {
            guard case .text = spec.value else { continue }
            try plan.set(spec.field, to: " rad ett\nrad två ")
            #expect(plan.text(of: spec.field) == (spec.isMultiline ? "rad ett\nrad två" : "rad ett rad två"))
        }
        #expect(throws: SIPError.invalidValue(field: .closedReason, value: "x")) {
            try plan.set(.closedReason, to: "x")
        }
    }

    @Test("every text field is saved and reaches the document; the plan's own words the text report and the export")
    func reachesDocument() throws {
        let t = try TestStore()
        var plan = try Fixture(t.store).plan
        let texts = PlanField.all.filter { if case .text = $0.value { true } else { false } }
        for spec in texts { try plan.set(spec.field, to: "märke \(spec.field.rawValue)") }
        try t.store.updatePlan(plan)
        let saved = try t.store.plan(plan.id!)
        let document = try t.store.planDocument(plan.id!)
        let json = String(decoding: try PlanDocument.encoder().encode(document), as: UTF8.self)
        let report = TextReports.planText(document, catalog: Catalog(.sv))
        let export = PlanExport(document).render(.text)
        for spec in texts {
            let marker = "märke \(spec.field.rawValue)"
            #expect(saved.text(of: spec.field) == marker)
            #expect(json.contains(marker), "\(spec.field) not in the document")
            if spec.isNarrative {
                #expect(report.contains(marker), "\(spec.field) not in the text report")
                #expect(export.contains(marker), "\(spec.field) not in the written plan")
            }
        }
    }
}
