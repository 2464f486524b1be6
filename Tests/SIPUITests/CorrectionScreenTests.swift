import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Issue 15, builds 3 and 4 in the interface: corrections and hand-over from the plan screen, each
/// saved through the model and audited, each refusal beside its field.
@Suite("Corrections and hand-over from the plan screen")
struct CorrectionScreenTests {
    /// A demo world, and the first plan whose child has a personnummer (and one other such child).
    func world(plans: Int = 8) throws -> (TempDir, Store, App, planId: Int64, other: String) {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: plans)
        let numbered = try store.planSummaries().map(\.id).filter {
            try store.planDocument($0).child.personalNumber != nil
        }
        let planId = try #require(numbered.first)
        let other = try #require(try store.planDocument(numbered[1]).child.personalNumber?.formatted)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        return (dir, store, app, planId, other)
    }

    func form(_ app: App) -> FormScreen? { app.top as? FormScreen }

    func field(_ app: App, _ key: String) -> FormField? { form(app)?.fields.first { $0.key == key } }

    /// Moves the focus to the field `key`.
    func go(_ app: App, to key: String) {
        guard let form = form(app), let index = form.fields.firstIndex(where: { $0.key == key }) else { return }
        for _ in 0..<((index - form.focus + form.fields.count) % form.fields.count) { app.press(.tab) }
    }

    func replace(_ app: App, _ key: String, with text: String) {
        go(app, to: key)
        app.press(.control("a"), .control("k"))
        app.type(text)
    }

    @Test("K corrects the child: name, number and sex saved through the model, audited with the reason")
    func correctChild() throws {
        let (dir, store, app, planId, _) = try world()
        _ = dir
        let before = try store.planDocument(planId).child
        app.press(.character("K"))
        #expect(form(app)?.record is ChildCorrectionForm)
        #expect(field(app, "name")?.value == before.name)
        replace(app, "name", with: "Åsa Öhberg")
        replace(app, "personalNumber", with: "20160505-0028")
        go(app, to: "sex")
        app.press(.right)
        // Without a reason nothing is saved: the field says so.
        app.press(.control("s"))
        #expect(field(app, "reason")?.error != nil)
        #expect(try store.planDocument(planId).child == before)
        go(app, to: "reason")
        app.type("Felskrivet vid registreringen")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        #expect(app.screenText.contains("Rättat."))
        let after = try store.planDocument(planId).child
        #expect(after.name == "Åsa Öhberg" && after.personalNumber?.digits == "201605050028")
        #expect(after.sex != before.sex && after.birthDate == Day(iso: "2016-05-05"))
        let line = try #require(try store.auditTrail(planId: planId).last { $0.action == "correct child" })
        #expect(line.detail.contains("name: \"\(before.name)\" -> \"Åsa Öhberg\""))
        #expect(line.detail.contains("reason: \"Felskrivet vid registreringen\""))
    }

    @Test("a personnummer in use is refused beside the field with the neutral line; nothing is written")
    func numberInUse() throws {
        let (dir, store, app, planId, other) = try world()
        _ = dir
        let before = try store.planDocument(planId).child
        app.press(.character("K"))
        replace(app, "personalNumber", with: other)
        go(app, to: "reason")
        app.type("Fel nummer")
        app.press(.control("s"))
        let neutral = Catalog(.sv).message(.personalNumberInUse)
        #expect(field(app, "personalNumber")?.error == neutral)
        #expect(form(app)?.fields[form(app)!.focus].key == "personalNumber")
        #expect(app.screenText.contains("Rätta de markerade fälten först."))
        #expect(try store.planDocument(planId).child == before)
        #expect(try !store.auditTrail(planId: planId).contains { $0.action == "correct child" })
        // An invalid number is refused beside the field too.
        replace(app, "personalNumber", with: "20160505-0029")
        app.press(.control("s"))
        #expect(field(app, "personalNumber")?.error != nil && field(app, "personalNumber")?.error != neutral)
    }

    @Test("F edits a family member chosen in the picker, and removes one after a yes; both audited")
    func familyMember() throws {
        let (dir, store, app, planId, _) = try world()
        _ = dir
        _ = try store.addFamilyMember(
            childId: try store.plan(planId).childId, role: .relative, name: "Greta Lind", relation: "mormor")
        let members = try store.planDocument(planId).guardians + store.planDocument(planId).relatives
        try #require(members.count >= 2)
        app.press(.character("F"))
        #expect(form(app)?.record is FamilyMemberEditForm)
        #expect(field(app, "name")?.value == members[0].name)
        // Choosing the second member brings their details into the fields.
        app.press(.right)
        #expect(field(app, "name")?.value == members[1].name)
        replace(app, "phone", with: "070-1740699")
        go(app, to: "reason")
        app.type("Fel nummer")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        let edited = try #require(
            try store.planDocument(planId).guardians.first { $0.id == members[1].id }
                ?? store.planDocument(planId).relatives.first { $0.id == members[1].id })
        #expect(edited.phone == "070-1740699")
        let edit = try #require(try store.auditTrail(planId: planId).last { $0.action == "edit family member" })
        #expect(edit.detail.contains("reason: \"Fel nummer\""))
        // Removal: without a reason refused beside the field; then asked; "no" removes nothing.
        app.press(.character("F"), .right, .tab, .right)
        app.press(.control("s"))
        #expect(field(app, "reason")?.error != nil)
        go(app, to: "reason")
        app.type("Registrerad av misstag")
        app.press(.control("s"))
        #expect(app.overlay == .confirm(.removeRecord(question: "Ta bort ur planen: \(members[1].name)")))
        app.press(.character("n"))
        #expect(app.screenText.contains("Inget togs bort."))
        app.press(.control("s"), .character("j"))
        #expect(app.top is PlanDetailScreen)
        let all = try store.planDocument(planId).guardians + store.planDocument(planId).relatives
        #expect(!all.contains { $0.id == members[1].id })
        #expect(try store.auditTrail(planId: planId).contains { $0.action == "remove family member" })
    }

    @Test("D edits a participant and removes one after a yes; both audited")
    func participant() throws {
        let (dir, store, app, planId, _) = try world()
        _ = dir
        let participants = try store.planDocument(planId).participants
        try #require(!participants.isEmpty)
        app.press(.character("D"))
        #expect(field(app, "person")?.value == participants[0].person)
        replace(app, "person", with: "Karin Ek")
        go(app, to: "reason")
        app.type("Fel namn")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        #expect(try store.planDocument(planId).participants.first { $0.id == participants[0].id }?.person == "Karin Ek")
        #expect(try store.auditTrail(planId: planId).contains { $0.action == "edit participant" })
        app.press(.character("D"), .tab, .right)
        go(app, to: "reason")
        app.type("Inbjuden av misstag")
        app.press(.control("s"), .character("j"))
        #expect(app.top is PlanDetailScreen)
        #expect(try !store.planDocument(planId).participants.contains { $0.id == participants[0].id })
        #expect(try store.auditTrail(planId: planId).contains { $0.action == "remove participant" })
    }
}
