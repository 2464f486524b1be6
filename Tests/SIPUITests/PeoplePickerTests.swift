import Foundation
import SIPModel
import Testing

@testable import SIPDomain
@testable import SIPUI
@testable import SIPWidgets

/// Issue 15, build 3 in the interface: people are chosen from the register with a picker that finds
/// (users and contact persons, their function and organisation beside the name), or written for
/// someone outside it; retired users are offered nowhere.
@Suite("People pickers: users and contact persons, or a name")
struct PeoplePickerTests {
    /// A school with three contact persons and two coordinators; Cora's plan, signed in as Cora.
    struct World {
        let dir = TempDir()
        let admin: Store
        let cora: Store
        let school: Agency
        let orjan: ContactPerson
        let asa: ContactPerson
        let planId: Int64

        init() throws {
            admin = try makeStore(dir, user: "ada")
            try admin.signIn()
            let group = try admin.addBusGroup(name: "Lokal BUS Ängby")
            school = try admin.addAgency(
                kind: "skola", principalName: "Ängby kommun", name: "Ängsskolan", busGroupId: group.id)
            let other = try admin.addAgency(
                kind: "socialtjanst", principalName: "Ängby kommun", name: "Socialtjänsten Ängby",
                busGroupId: group.id)
            orjan = try admin.addContact(
                agencyId: school.id!, name: "Örjan Åkesson", function: "kurator", phone: "", email: "", deputyId: nil)
            asa = try admin.addContact(
                agencyId: school.id!, name: "Åsa Berg", function: "rektor", phone: "", email: "", deputyId: nil)
            _ = try admin.addContact(
                agencyId: school.id!, name: "Olle Ek", function: "lärare", phone: "", email: "", deputyId: nil)
            try admin.addUser(login: "cora", name: "Cora Lind", role: .coordinator, agencyId: school.id)
            try admin.addUser(login: "cole", name: "Cole Ström", role: .coordinator, agencyId: school.id)
            try admin.addUser(login: "sofia", name: "Sofia Sund", role: .coordinator, agencyId: other.id)
            cora = try Store(
                path: admin.path, context: SessionContext(user: "cora", now: { fixedNow }), busyTimeout: 0.05,
                stateDirectory: dir.path("state"))
            try cora.signIn()
            planId = try cora.createPlan(
                childName: "Åke Öst", personalNumber: nil, birthDate: "2016-05-05", sex: .boy,
                busGroupId: group.id, initiatorKind: .guardian, requestDate: Day(year: 2026, month: 11, day: 20)!,
                reason: "Frånvaro",
                questions: ""
            ).id!
        }

        func app() -> App {
            let app = App(store: cora, catalog: Catalog(.sv))
            app.open(plan: planId)
            return app
        }
    }

    func form(_ app: App) -> FormScreen? { app.top as? FormScreen }
    func field(_ app: App, _ key: String) -> FormField? { form(app)?.fields.first { $0.key == key } }

    func found(_ app: App, _ key: String) -> [String] {
        guard let field = field(app, key), case .choice(let choices, _) = field.kind else { return [] }
        return field.matches.map { choices[$0].label }
    }

    /// Tabs forward to `key`.
    func focus(_ app: App, on key: String) throws {
        let index = try #require(form(app)?.fields.firstIndex { $0.key == key })
        for _ in 0..<20 where form(app)?.focus != index { app.press(.tab) }
        #expect(form(app)?.focus == index)
    }

    @Test("the lead person is found by typing, Swedish letters folded; function and organisation beside the name")
    func leadFromPicker() throws {
        let w = try World()
        let app = w.app()
        app.press(.character("e"))
        #expect(form(app)?.record is PlanEditForm)
        try focus(app, on: "leadRef")
        app.type("orj")
        #expect(found(app, "leadRef") == ["Örjan Åkesson"])
        #expect(app.screenText.contains("kurator · Ängsskolan"))
        app.press(.backspace, .backspace, .backspace)
        // A letter with a diacritic finds only itself: ö finds Örjan and Ström, not Olle.
        app.type("ö")
        #expect(found(app, "leadRef") == ["Cole Ström", "Örjan Åkesson"])
        app.press(.down)
        #expect(field(app, "leadRef")?.value == "contact:\(w.orjan.id!)")
        // The arrows still cycle once the search is closed.
        app.press(.enter, .right, .left)
        #expect(field(app, "leadRef")?.value == "contact:\(w.orjan.id!)")
        app.press(.control("s"))
        #expect(app.top is PlanDetailScreen)
        let plan = try w.cora.plan(w.planId)
        #expect(plan.leadContactId == w.orjan.id && plan.leadPerson == "")
        #expect(try w.cora.planDocument(w.planId).plan.leadPerson == "Örjan Åkesson, kurator, Ängsskolan")
    }

    @Test("someone outside the register is written; a person and a name at once is refused beside the field")
    func leadWrittenOrBoth() throws {
        let w = try World()
        let app = w.app()
        app.press(.character("e"))
        try focus(app, on: "leadRef")
        #expect(field(app, "leadRef")?.value == "")
        app.press(.tab)
        app.type("Extern Rektor")
        // Choosing a person after writing a name empties the name.
        app.press(.backTab)
        app.type("åsa")
        #expect(found(app, "leadRef") == ["Åsa Berg"])
        #expect(field(app, "leadPerson")?.value == "")
        app.press(.enter, .tab)
        app.type("Extern Rektor")
        let before = try w.cora.plan(w.planId)
        app.press(.control("s"))
        #expect(field(app, "leadPerson")?.error == "Välj en person i registret eller skriv ett namn, inte båda.")
        #expect(try w.cora.plan(w.planId) == before)
        // Back to nobody from the register: the name is saved as written.
        app.press(.backTab)
        app.type("inte i")
        #expect(found(app, "leadRef") == ["(inte i registret)"])
        app.press(.enter, .control("s"))
        #expect(app.top is PlanDetailScreen)
        let plan = try w.cora.plan(w.planId)
        #expect(plan.leadPerson == "Extern Rektor" && plan.leadContactId == nil && plan.leadLogin == nil)
        _ = w.asa
    }

    @Test("an intervention's responsible person is picked among users and contacts, or written")
    func responsible() throws {
        let w = try World()
        let app = w.app()
        app.press(.character("i"), .character("n"))
        #expect(form(app)?.record is InterventionForm)
        app.type("Läxhjälp")
        app.press(.tab, .tab)
        #expect(form(app)?.fields[form(app)!.focus].key == "responsible")
        app.type("ole")
        #expect(found(app, "responsible") == ["Cole Ström"])
        #expect(app.screenText.contains("samordnare · Ängsskolan"))
        try focus(app, on: "dueDate")
        app.type("2026-12-31")
        app.press(.control("s"))
        let item = try #require(try w.cora.interventions(planId: w.planId).first)
        #expect(item.personLogin == "cole" && item.person == "")
        // The intervention is the first organisation's (Socialtjänsten): Cole's school is named beside him.
        #expect(try w.cora.planDocument(w.planId).interventions.first?.person == "Cole Ström, Ängsskolan")
    }

    @Test("a retired user is offered in no picker: not the lead, not the hand-over, not a new plan's coordinator")
    func retiredNowhere() throws {
        let w = try World()
        let app = w.app()
        app.press(.character("e"))
        #expect(found(app, "leadRef").isEmpty)
        guard case .choice(let before, _) = field(app, "leadRef")?.kind else { throw Failure() }
        #expect(before.contains { $0.label == "Cole Ström" })
        app.press(.escape)
        try w.admin.retireUser(login: "cole", reason: "Slutat")
        app.press(.character("e"))
        guard case .choice(let people, _) = field(app, "leadRef")?.kind else { throw Failure() }
        #expect(!people.contains { $0.label == "Cole Ström" } && people.contains { $0.label == "Örjan Åkesson" })
        app.press(.escape, .character("H"))
        guard case .choice(let coordinators, _) = field(app, "coordinator")?.kind else { throw Failure() }
        #expect(coordinators.map(\.id) == ["sofia"])
    }

    @Test("a new plan's coordinator: the one opening it first, colleagues of their organisation to choose")
    func createCoordinator() throws {
        let w = try World()
        let app = App(store: w.cora, catalog: Catalog(.sv))
        app.press(.character("n"))
        #expect(form(app)?.record is PlanCreateForm)
        let picker = try #require(field(app, "coordinator"))
        guard case .choice(let choices, _) = picker.kind else { throw Failure() }
        #expect(picker.value == "cora" && Set(choices.map(\.id)) == ["cora", "cole"])
    }

    struct Failure: Error {}
}
