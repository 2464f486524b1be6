import Foundation
import SIPModel
import Testing

@testable import SIPDomain
@testable import SIPUI

/// What the register offers in a form: never a retired group; an organisation with all its groups.
@Suite("The register in the forms' choices")
struct RegisterChoiceTests {
    func registerStore(_ dir: TempDir) throws -> Store {
        let store = try makeStore(dir)
        _ = try store.importRegister(path: exampleRegister, dryRun: false)
        return store
    }

    func choices(_ content: FormContent, _ key: String) -> [FormField.Choice] {
        guard let field = content.fields.first(where: { $0.key == key }), case .choice(let choices, _) = field.kind
        else { return [] }
        return choices
    }

    @Test("a retired BUS group is offered to no new plan, and the model refuses it; its plans stay")
    func retiredGroup() throws {
        let dir = TempDir()
        let store = try registerStore(dir)
        let app = App(store: store, catalog: Catalog(.sv))
        let asen = try store.busGroup(matching: "Lokal BUS Åsen")
        let kept = try store.createPlan(
            childName: "Alva Ek", personalNumber: nil, birthDate: "2015-03-01", sex: .girl, busGroupId: asen.id,
            initiatorKind: .guardian, requestDate: app.session.today, reason: "", questions: "")
        try store.retireBusGroup(asen.id!)

        let content = try PlanCreateForm().open(app.session)
        #expect(choices(content, "busGroupId").map(\.label) == ["Lokal BUS Norrvik", "Lokal BUS Söderby"])
        #expect(throws: SIPError.register(.retiredGroup("Lokal BUS Åsen"))) {
            try store.createPlan(
                childName: "Ebba Ek", personalNumber: nil, birthDate: "2016-03-01", sex: .girl,
                busGroupId: asen.id, initiatorKind: .guardian, requestDate: app.session.today, reason: "",
                questions: "")
        }
        #expect(try store.plan(kept.id!).busGroupId == asen.id)
        // History keeps it: the review still cycles through the retired group's past.
        #expect(try store.busGroups().map(\.name).contains("Lokal BUS Åsen"))
    }

    @Test("an organisation serving several BUS groups names them all in the picker")
    func severalGroups() throws {
        let dir = TempDir()
        let store = try registerStore(dir)
        let app = App(store: store, catalog: Catalog(.sv))
        let norrvik = try store.busGroup(matching: "Lokal BUS Norrvik")
        let plan = try store.createPlan(
            childName: "Alva Ek", personalNumber: nil, birthDate: "2015-03-01", sex: .girl,
            busGroupId: norrvik.id, initiatorKind: .guardian, requestDate: app.session.today, reason: "",
            questions: "")
        let offered = choices(try ParticipantForm(planId: plan.id!).open(app.session), "agencyId")
        let detail = Dictionary(
            offered.map { ($0.label, $0.detail) }, uniquingKeysWith: { (first: String, _: String) in first })
        #expect(detail["Norrvikskolan"] == "Norrviks kommun · Lokal BUS Norrvik")
        #expect(
            detail["BUP Storstad Norr"]
                == "Region Storstad · Lokal BUS Norrvik, Lokal BUS Söderby, Lokal BUS Åsen")
        #expect(detail["Försäkringskassan"] == "Försäkringskassan · alla BUS-grupper")
        #expect(detail["Elevhälsan Söderby"] == nil)
    }
}
