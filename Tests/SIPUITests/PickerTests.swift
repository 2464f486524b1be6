import Foundation
import SIPModel
import Testing

@testable import SIPDomain
@testable import SIPUI
@testable import SIPWidgets

/// Pickers that find: a choice among organisations, people or groups filters as it is typed.
@Suite("Pickers that find, with Swedish letters")
struct PickerTests {
    let env = ScreenEnvironment(
        catalog: Catalog(.sv), today: ScreenLoopTests.today, viewport: Viewport(width: 80, height: 21, top: 1),
        width: 80)

    static let agencies: [FormField.Choice] = [
        .init(id: "1", label: "Norrvikskolan", detail: "Norrviks kommun · Lokal BUS Norrvik"),
        .init(id: "2", label: "Sjöstadsskolan", detail: "Sjöstads kommun · Lokal BUS Sjöstad"),
        .init(id: "3", label: "BUP Norrvik", detail: "Region Storstad · Lokal BUS Norrvik"),
        .init(id: "4", label: "BUP Ängby", detail: "Region Storstad · Lokal BUS Ängby"),
        .init(id: "5", label: "Öbergs förskola", detail: "Ängby kommun · Lokal BUS Ängby"),
        .init(id: "6", label: "Obergs gård", detail: "Friskolan Oberg AB · Lokal BUS Ängby"),
        .init(id: "7", label: "Försäkringskassan", detail: "Försäkringskassan · alla BUS-grupper"),
    ]

    /// A participant form as its query would open it: a picker, a text field, a short fixed choice.
    func form() -> FormScreen {
        var form = FormScreen(ParticipantForm(planId: 7))
        _ = form.load(env)
        let fields = [
            FormField(key: "agencyId", label: "Verksamhet", choices: Self.agencies, selected: "1", finds: true),
            FormField(key: "person", label: "Person", text: ""),
            FormField(
                key: "status", label: "Status",
                choices: [.init(id: "a", label: "aktiv"), .init(id: "b", label: "bokad")],
                selected: "a"),
        ]
        _ = form.update(.loaded(.opened(FormContent(title: "Bjud in", fields: fields), draft: nil)), env)
        return form
    }

    func draw(_ form: inout FormScreen) -> Grid {
        var grid = Grid(width: 80, height: 24)
        form.render(into: &grid, env)
        return grid
    }

    func found(_ form: FormScreen) -> [String] {
        guard case .choice(let choices, _) = form.fields[0].kind else { return [] }
        return form.fields[0].matches.map { choices[$0].label }
    }

    // MARK: Folding

    @Test("the fold: case and canonical form never matter; a bare letter finds å ä ö, å ä ö find only themselves")
    func folding() {
        #expect(TextMatch("sjö").finds("Sjöstadsskolan"))
        #expect(TextMatch("SJÖ").finds("Sjöstadsskolan"))
        #expect(TextMatch("sjo\u{308}").finds("Sjöstadsskolan"))  // typed decomposed
        #expect(TextMatch("sjö").finds("Sjo\u{308}stadsskolan"))  // stored decomposed
        #expect(TextMatch("öberg").finds("Öbergs förskola"))
        #expect(TextMatch("oberg").finds("Öbergs förskola"))
        #expect(TextMatch("oberg").finds("Obergs gård"))
        #expect(!TextMatch("öberg").finds("Obergs gård"))
        #expect(TextMatch("bup ängby").finds("BUP Ängby"))
        #expect(TextMatch("angby").finds("BUP Ängby"))
        #expect(!TextMatch("åsa").finds("Asa"))
        #expect(TextMatch("helene").finds("Hélène"))
        #expect(!TextMatch("norrx").finds("Norrvikskolan"))
        #expect(TextMatch("").finds("anything"))
    }

    // MARK: On the form, through canned messages

    @Test("typing in a picker filters as it is typed and chooses the first match; the list shows principal and group")
    func typing() {
        var form = form()
        _ = form.update(.text("sjö"), env)
        #expect(form.fields[0].search == "sjö")
        #expect(found(form) == ["Sjöstadsskolan"])
        #expect(form.fields[0].value == "2")
        let grid = draw(&form)
        #expect(grid.line(1).contains("sjö") && !grid.line(1).contains("‹"))
        #expect(grid.line(2).contains("Sjöstadsskolan  Sjöstads kommun · Lokal BUS Sjöstad"))
        #expect(grid.cursor == Position(row: 1, column: 27 + 3))
        // The fields below move down to make room for the list.
        #expect(grid.line(3).hasPrefix("Person"))

        // Upper case, and key by key, and decomposed: the same.
        for typed in ["SJÖ", "sjo\u{308}"] {
            var other = self.form()
            for character in typed { _ = other.update(.key(.character(character)), env) }
            #expect(found(other) == ["Sjöstadsskolan"])
            #expect(other.fields[0].value == "2")
        }
    }

    @Test("BUP finds both clinics, the first chosen; the arrows move among the matches only")
    func arrows() {
        var form = form()
        _ = form.update(.text("BUP"), env)
        #expect(found(form) == ["BUP Norrvik", "BUP Ängby"])
        #expect(form.fields[0].value == "3")
        _ = form.update(.key(.down), env)
        #expect(form.fields[0].value == "4")
        #expect(form.focus == 0)  // Down moves in the list, not to the next field
        _ = form.update(.key(.down), env)
        #expect(form.fields[0].value == "4")  // not past the last match
        _ = form.update(.key(.left), env)
        #expect(form.fields[0].value == "3")
        _ = form.update(.key(.right), env)
        let grid = draw(&form)
        #expect(grid.line(2).contains("BUP Norrvik") && grid.line(3).contains("BUP Ängby"))
        #expect(grid[3, 28].role == .selected && grid[2, 28].role != .selected)

        // A space belongs to the search once it is open: "bup ä" is the Ängby clinic only.
        var narrower = self.form()
        _ = narrower.update(.text("bup ä"), env)
        #expect(found(narrower) == ["BUP Ängby"] && narrower.fields[0].value == "4")
        // "oberg" finds both spellings, "öberg" only the one with ö.
        var bare = self.form()
        _ = bare.update(.text("oberg"), env)
        #expect(found(bare) == ["Öbergs förskola", "Obergs gård"])
        var exact = self.form()
        _ = exact.update(.text("öberg"), env)
        #expect(found(exact) == ["Öbergs förskola"])
    }

    @Test("Backspace edits the search; nothing found keeps the choice and says so")
    func backspace() {
        var form = form()
        _ = form.update(.text("bupx"), env)
        #expect(found(form).isEmpty)
        #expect(form.fields[0].value == "3")  // what "bup" chose stays
        var grid = draw(&form)
        #expect(grid.line(2).contains("Ingen träff. Valt: BUP Norrvik"))
        _ = form.update(.key(.backspace), env)
        #expect(form.fields[0].search == "bup" && found(form).count == 2)
        for _ in 0..<3 { _ = form.update(.key(.backspace), env) }
        #expect(form.fields[0].search == nil)
        grid = draw(&form)
        #expect(grid.line(1).contains("‹ BUP Norrvik ›"))
        #expect(grid.line(2).hasPrefix("Person"))
    }

    @Test("Esc closes the search first, keeping the choice; the next Esc leaves the form")
    func escape() {
        var form = form()
        _ = form.update(.text("sjö"), env)
        let first = form.update(.key(.escape), env)
        #expect(first.isEmpty)
        #expect(form.fields[0].search == nil && form.fields[0].value == "2")
        let second = form.update(.key(.escape), env)
        #expect(second.first?.confirmation == .unsavedChanges)

        // Nothing changed: the second Esc leaves at once.
        var unchanged = self.form()
        _ = unchanged.update(.text("norr"), env)
        #expect(unchanged.update(.key(.escape), env).isEmpty)
        #expect(unchanged.update(.key(.escape), env).first?.isPop == true)
    }

    @Test("the keys shown are the keys that work: the search's own table while it is open")
    func keyTables() {
        var form = form()
        #expect(form.keys.action(for: .right) == .nextChoice)
        _ = form.update(.text("b"), env)
        #expect(form.keys.action(for: .down) == .nextMatch && form.keys.action(for: .escape) == .closeSearch)
        #expect(FormScreen.searchKeys.duplicateKeys.isEmpty && FormScreen.choiceKeys.duplicateKeys.isEmpty)
        let help = form.keys.help(env.catalog).map(\.text)
        for text in ["Nästa träff", "Föregående träff", "Stäng sökningen", "Radera i sökningen"] {
            #expect(help.contains(text))
        }
        // Tab leaves the field with its match chosen and the search closed.
        _ = form.update(.key(.tab), env)
        #expect(form.focus == 1 && form.fields[0].search == nil && form.fields[0].value == "3")
        #expect(form.keys.action(for: .down) == .next)
    }

    @Test("a short fixed choice still only cycles: letters do nothing, Space and the arrows cycle")
    func fixedChoice() {
        var form = form()
        form.focus(on: "status")
        _ = form.update(.text("bok"), env)
        #expect(form.fields[2].search == nil && form.fields[2].value == "a")
        _ = form.update(.key(.character(" ")), env)
        #expect(form.fields[2].value == "b")
        _ = form.update(.key(.right), env)
        #expect(form.fields[2].value == "a")
        _ = form.update(.key(.left), env)
        #expect(form.fields[2].value == "b")
        // In a picker without a search, Space and the arrows cycle as before.
        form.focus(on: "agencyId")
        _ = form.update(.key(.right), env)
        #expect(form.fields[0].value == "2")
    }

    @Test("saving sends the chosen organisation's id")
    func savesId() {
        var form = form()
        _ = form.update(.text("ängby"), env)
        #expect(form.fields[0].value == "4")
        let commands = form.update(.key(.function(2)), env)
        #expect(commands.first?.isMutation == true)
        #expect(form.values["agencyId"] == "4" && form.fields[0].search == nil)
    }

    // MARK: Through the App, on a demo database

    @Test("in the app: invite an organisation by typing part of its name, and the one found is saved")
    func app() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        let app = App(store: store, catalog: Catalog(.sv))
        let plans = (app.stack[0] as? PlanListScreen)?.rows ?? []
        let plan = try #require(plans.first { $0.busGroup == "Lokal BUS Ängby" })
        let group = try #require(try store.busGroups().first { $0.name == "Lokal BUS Ängby" })
        let clinic = try #require(try store.agencies(forGroup: group.id!).first { $0.name == "BUP Ängby" })
        let before = try store.participants(planId: plan.id).count
        app.open(plan: plan.id)
        app.press(.character("d"))
        app.handle(text: "bup a\u{308}")  // a burst, decomposed
        var screen = app.screenText
        #expect(screen.contains("BUP Ängby  Region Storstad · Lokal BUS Ängby"))
        #expect(screen.contains("Nästa träff"))
        app.press(.escape)  // closes the search, stays in the form
        screen = app.screenText
        #expect(screen.contains("‹ BUP Ängby ›"))
        app.press(.tab)
        app.type("Karin Lind")
        app.press(.function(2))
        let added = try store.participants(planId: plan.id)
        #expect(added.count == before + 1)
        #expect(added.last?.agencyId == clinic.id && added.last?.person == "Karin Lind")
    }
}
