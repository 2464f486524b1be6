import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

/// Issue 15, build 1 in the interface: the register's screens for administrators.
@Suite("The register's screens")
struct RegisterScreenTests {
    /// The example register, an administrator (ada), a coordinator (cora) and a chair (chad).
    struct World {
        let dir = TempDir()
        let owner: Store

        init() throws {
            owner = try makeStore(dir)
            _ = try owner.importRegister(path: exampleRegister, dryRun: false)
            let school = try owner.agency(matching: "Norrvikskolan")
            let group = try owner.busGroup(matching: "Lokal BUS Norrvik")
            try owner.addUser(login: "ada", name: "Ada Admin", role: .administrator, agencyId: nil)
            let admin = try session("ada")
            try admin.addUser(login: "cora", name: "Cora Lind", role: .coordinator, agencyId: school.id)
            try admin.addUser(login: "chad", name: "Chad Ordf", role: .busChair, agencyId: nil, busGroupId: group.id)
        }

        func session(_ login: String) throws -> Store {
            let store = try Store(path: owner.path, context: SessionContext(user: login, now: { fixedNow }))
            try store.signIn()
            return store
        }

        func app(_ login: String = "ada", _ language: Language = .sv) throws -> App {
            App(store: try session(login), catalog: Catalog(language))
        }

        func auditActions(_ entity: String) throws -> [String] {
            try owner.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM auditLog WHERE entity = ? ORDER BY id", arguments: [entity])
            }
        }
    }

    func list(_ app: App) -> RegisterListScreen? { app.top as? RegisterListScreen }
    func form(_ app: App) -> FormScreen? { app.top as? FormScreen }
    func field(_ app: App, _ key: String) -> FormField? { form(app)?.fields.first { $0.key == key } }

    /// Moves the focused form to the field `key`.
    func focus(_ app: App, _ key: String) {
        for _ in 0..<10 where form(app).map({ $0.fields[$0.focus].key != key }) ?? false { app.press(.tab) }
    }

    /// Replaces the focused text field's value.
    func retype(_ app: App, _ key: String, _ text: String) {
        focus(app, key)
        app.press(.control("u"))
        app.handle(text: text)
    }

    @Test("o, g and c open the lists: principal and groups beside a name, filtered with Swedish letters folded")
    func lists() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("o"))
        #expect(list(app)?.kind == .organisations)
        let text = app.screenText
        #expect(text.contains("Verksamheter") && text.contains("Huvudman") && text.contains("BUS-grupper"))
        let bup = try #require(text.split(separator: "\n").first { $0.contains("BUP Storstad Norr") })
        #expect(bup.contains("Region Storstad") && bup.contains("Lokal BUS Norrvik"))
        let kassan = try #require(text.split(separator: "\n").first { $0.contains("Försäkringskassan") })
        #expect(kassan.contains("alla BUS-grupper"))
        // "asensk" finds Åsenskolan (a bare letter finds it with a diacritic); every column is looked in:
        // "SÖDER" finds the organisations serving Lokal BUS Söderby too.
        app.press(.character("/"))
        app.type("asensk")
        #expect(list(app)?.rows.map { $0.cells[0] } == ["Åsenskolan"])
        app.press(.escape)
        app.press(.character("/"))
        app.type("SÖDER")
        #expect(
            list(app)?.rows.map { $0.cells[0] } == ["BUP Storstad Norr", "Elevhälsan Söderby", "Friskolan Ekdalen"])
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        app.type("å")
        #expect(
            list(app)?.rows.map { $0.cells[0] } == [
                "BUP Storstad Norr", "Socialtjänsten Norrvik, barn och unga", "Åsenskolan",
            ])
        app.press(.enter)
        #expect(list(app)?.filtering == false)
        app.press(.character("q"))
        #expect(app.top is AdministrationScreen)
        app.press(.character("g"))
        #expect(app.screenText.contains("Karin Lindqvist") && app.screenText.contains("Ordförande"))
        app.press(.escape)
        app.press(.character("c"))
        let contacts = app.screenText
        let eva = try #require(contacts.split(separator: "\n").first { $0.contains("Eva Holm") })
        #expect(eva.contains("rektor") && eva.contains("Norrvikskolan") && eva.contains("Jonas Berg"))
        // Home, End and the pages move the selection within the list.
        let count = try #require(list(app)?.rows.count)
        app.press(.end)
        #expect(list(app)?.selected == list(app)?.rows.last)
        app.press(.home)
        #expect(list(app)?.selected == list(app)?.rows.first)
        app.press(.pageDown)
        #expect(list(app)?.selected == list(app)?.rows[min(count - 1, 24 - 5)])
        app.press(.pageUp)
        #expect(list(app)?.selected == list(app)?.rows.first)
    }

    @Test("an organisation's contacts: c from its row, and n adds one to it")
    func organisationContacts() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("o"))
        app.press(.character("/"))
        app.type("norrviksk")
        app.press(.enter)
        app.press(.character("c"))
        #expect(list(app)?.rows.map { $0.cells[0] } == ["Eva Holm", "Jonas Berg"])
        #expect(app.screenText.contains("Kontaktpersoner – Norrvikskolan"))
        app.press(.character("n"))
        #expect(field(app, "organisation") == nil)
        // The deputy is chosen among this organisation's contacts only.
        guard case .choice(let choices, _)? = field(app, "deputy")?.kind else {
            Issue.record("no deputy choice")
            return
        }
        #expect(choices.map(\.label) == ["(ingen)", "Eva Holm", "Jonas Berg"])
        retype(app, "name", "Ulla Ek")
        retype(app, "function", "kurator")
        focus(app, "deputy")
        app.type("jon")
        app.press(.enter)
        app.press(.control("s"))
        #expect(app.screenText.contains("Tillagt."))
        let ulla = try #require(try w.owner.contacts().first { $0.name == "Ulla Ek" })
        #expect(try w.owner.contact(ulla.deputyId!).name == "Jonas Berg")
        #expect(list(app)?.rows.map { $0.cells[0] } == ["Eva Holm", "Jonas Berg", "Ulla Ek"])
        #expect(try w.auditActions("agency").last == "contact")
    }

    @Test("a new contact's deputy choices follow the organisation chosen")
    func deputyFollowsOrganisation() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("c"))
        app.press(.character("n"))
        #expect(field(app, "organisation") != nil)
        app.type("bup")
        app.press(.enter)
        guard case .choice(let choices, _)? = field(app, "deputy")?.kind else {
            Issue.record("no deputy choice")
            return
        }
        #expect(choices.map(\.label) == ["(ingen)", "Ingrid Falk", "Oskar Dahl"])
        focus(app, "organisation")
        app.type("försäkr")
        app.press(.enter)
        guard case .choice(let after, _)? = field(app, "deputy")?.kind else { return }
        #expect(after.map(\.label) == ["(ingen)", "Johan Öberg"])
    }

    @Test("the forms refuse what the command line refuses, with the same words, beside the field")
    func validation() throws {
        let w = try World()
        let app = try w.app("ada", .en)
        app.press(.character("o"))
        app.press(.character("n"))
        #expect(form(app)?.record is OrganisationForm)
        retype(app, "name", "ÅSENSKOLAN")
        retype(app, "principalName", "Norrviks kommun")
        retype(app, "groups", "Lokal BUS Norrvik; Finns inte")
        let before = try w.owner.registerOrganisations().count
        app.press(.control("s"))
        #expect(field(app, "groups")?.error == "No BUS group is called \"Finns inte\".")
        retype(app, "groups", "lokal bus norrvik")
        app.press(.control("s"))
        #expect(field(app, "name")?.error == "Norrviks kommun already has an organisation called \"ÅSENSKOLAN\".")
        #expect(try w.owner.registerOrganisations().count == before)
        // The command line's words (RegisterCommandLineTests.commands sees them there).
        #expect(field(app, "groups")?.error == nil)
        #expect(Catalog(.en).message(SIPError.unknownGroup("Nej")) == "No BUS group is called \"Nej\".")
        retype(app, "name", "Nya skolan")
        app.press(.control("s"))
        #expect(list(app) != nil && app.screenText.contains("Added."))
        let added = try #require(try w.owner.registerOrganisations().first { $0.agency.name == "Nya skolan" })
        #expect(added.groupIds == [try w.owner.busGroup(matching: "Lokal BUS Norrvik").id!])
        #expect(try w.auditActions("agency").last == "create")
        // A retired group is no group to serve.
        try w.session("ada").retireBusGroup(try w.owner.busGroup(matching: "Lokal BUS Åsen").id!)
        app.press(.character("n"))
        retype(app, "name", "Tredje")
        retype(app, "principalName", "K")
        retype(app, "groups", "Lokal BUS Åsen")
        app.press(.control("s"))
        #expect(field(app, "groups")?.error == "No BUS group is called \"Lokal BUS Åsen\".")
    }

    @Test("editing an organisation: its kind found by typing brings nothing else; the change is audited")
    func editOrganisation() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("o"))
        app.press(.character("/"))
        app.type("habil")
        app.press(.enter, .enter)
        #expect(field(app, "name")?.value == "Habiliteringen Storstad")
        #expect(field(app, "groups")?.value == "")
        retype(app, "groups", "Lokal BUS Söderby;Lokal BUS Åsen")
        app.press(.control("s"))
        #expect(app.screenText.contains("Sparat."))
        let habil = try #require(try w.owner.registerOrganisations().first { $0.agency.name.hasPrefix("Habil") })
        #expect(habil.groupIds.count == 2)
        #expect(try w.auditActions("agency").last == "update")
        // Saving it unchanged changes nothing.
        app.press(.enter)
        app.press(.control("s"))
        #expect(app.screenText.contains("Ingenting ändrades."))
    }

    @Test("a BUS group's chair is chosen among the users, chairs first")
    func groupChair() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("g"))
        app.press(.enter)
        #expect(form(app)?.record is BusGroupForm)
        guard case .choice(let choices, let chosen)? = field(app, "chair")?.kind else {
            Issue.record("no chair choice")
            return
        }
        // The imported chair is no user: kept as a choice, after "none" and before the users.
        #expect(choices.map(\.label) == ["(ingen)", "Karin Lindqvist", "Chad Ordf", "Ada Admin", "Cora Lind"])
        #expect(choices[chosen].label == "Karin Lindqvist")
        focus(app, "chair")
        app.type("chad")
        app.press(.enter)
        app.press(.control("s"))
        #expect(try w.owner.busGroup(matching: "Lokal BUS Norrvik").chair == "Chad Ordf")
        #expect(try w.auditActions("busGroup").last == "update")
        app.press(.character("n"))
        retype(app, "name", "lokal bus söderby")
        app.press(.control("s"))
        #expect(field(app, "name")?.error?.contains("lokal bus söderby") == true)
    }

    @Test("retiring asks first; a retired record is marked, hidden until shown, and keeps its history")
    func retire() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("o"))
        app.press(.character("/"))
        app.type("friskolan")
        app.press(.enter)
        app.press(.character("r"))
        guard case .confirm(.removeRecord(let question))? = app.overlay else {
            Issue.record("no question: \(String(describing: app.overlay))")
            return
        }
        #expect(question.contains("Friskolan Ekdalen") && question.contains("historik"))
        app.press(.character("n"))
        #expect(app.screenText.contains("Ingenting avslutades."))
        #expect(try w.owner.agency(matching: "Friskolan Ekdalen").retiredOn == nil)
        app.press(.character("r"))
        app.press(.character("j"))
        #expect(try w.owner.agency(matching: "Friskolan Ekdalen").retiredOn != nil)
        #expect(try w.auditActions("agency").last == "retire")
        #expect(list(app)?.rows.isEmpty == true)
        app.press(.character("v"))
        #expect(list(app)?.rows.map(\.retired) == [true])
        #expect(app.screenText.contains("(avslutad) Friskolan Ekdalen"))
        app.press(.character("r"))
        #expect(app.overlay == nil && app.screenText.contains("Redan avslutad."))
        // Retired: offered to no one, its contacts still listed.
        #expect(try !w.owner.offeredAgencies().contains { $0.name == "Friskolan Ekdalen" })
        #expect(try w.owner.contacts().contains { $0.name == "Mikael Strand" })
    }

    @Test("the lists fit narrow terminals, in English too: the name first, the hints that fit")
    func narrow() throws {
        let w = try World()
        let app = try w.app("ada", .en)
        app.press(.character("c"))
        for (width, height) in [(80, 24), (60, 20), (44, 12), (40, 10)] {
            app.resize(width: width, height: height)
            let lines = app.screenText.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == height && lines.allSatisfy { DisplayWidth.of(String($0)) <= width })
            #expect(lines[0].contains("Contact persons") && lines[3].hasPrefix("Anders"), "\(lines)")
            #expect(lines[height - 1].contains("Esc Back") || width < 60)
        }
    }

    /// Every key a user could press, but those that leave the terminal.
    static let everyKey: [Key] =
        [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
            .delete,
        ]
        + (1...10).map { Key.function($0) }
        + "abcdefghilmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?!., åäö".map { Key.character($0) }
        + "adefklrsuw".map { Key.control($0) }

    /// Whether a screen is one of the register's.
    static func isRegister(_ screen: any AppScreen) -> Bool {
        if screen is RegisterListScreen || screen is AdministrationScreen { return true }
        guard let form = screen as? FormScreen else { return false }
        return form.record is OrganisationForm || form.record is BusGroupForm || form.record is ContactForm
    }

    @Test("a coordinator, a chair and someone who is no user reach no register screen by any key")
    func noOtherRole() throws {
        let w = try RoleScreenTests.World()
        var rng = SeededRandom(seed: 15)
        for login in ["cora", "chad", "nobody"] {
            let store = try Store(path: w.demo.path, context: SessionContext(user: login, now: { fixedNow }))
            _ = try? store.signIn()
            // Random keys type file names into export forms: those files go to a folder of the test's.
            let exports = TempDir()
            func start() -> App {
                let app = App(store: store, catalog: Catalog(.sv))
                app.exportDirectory = exports.path("")
                return app
            }
            var app = start()
            for step in 0..<3_000 {
                if app.isFinished { app = start() }
                app.handle(rng.pick(Self.everyKey))
                if let screen = app.stack.first(where: Self.isRegister) {
                    Issue.record("\(login) reached \(type(of: screen)) at step \(step)")
                    break
                }
            }
            // And the model, asked directly, says no.
            if login != "nobody" {
                #expect(throws: SIPError.self) { try store.registerListing() }
                #expect(throws: SIPError.self) { try store.retireAgency(1) }
            }
        }
    }

    @Test("an administrator no longer one: the list's next read is refused, and nothing is changed")
    func roleTakenAway() throws {
        let w = try World()
        let app = try w.app()
        app.press(.character("o"))
        #expect(list(app) != nil)
        try w.session("ada").addUser(login: "eve", name: "Eve", role: .administrator, agencyId: nil)
        try w.session("eve").setRole(login: "ada", role: .coordinator, agencyId: nil, allPlans: true)
        app.press(.character("r"))
        app.press(.character("j"))
        #expect(app.message?.isError == true)
        #expect(try w.owner.registerOrganisations().allSatisfy { $0.agency.retiredOn == nil })
        app.press(.character("n"))
        #expect(!(app.top is FormScreen))
    }
}
