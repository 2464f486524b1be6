import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

@Suite("The terminal app, driven by keys")
struct AppTests {
    func listRows(_ app: App) -> [PlanSummary] {
        guard let list = app.stack[0] as? PlanListScreen else { return [] }
        return list.rows
    }

    func selected(_ app: App) -> Int64? {
        guard let list = app.stack[0] as? PlanListScreen else { return nil }
        return list.selectedId
    }

    @Test("a new database says what to do instead of showing nothing")
    func firstRun() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir), catalog: Catalog(.sv))
        #expect(app.screenText.contains("Databasen har inga planer än"))
        #expect(app.screenText.contains("sip-tui demo"))
        let english = App(store: try makeStore(dir), catalog: Catalog(.en))
        #expect(english.screenText.contains("The database has no plans yet"))
    }

    @Test("typing a filter narrows the list at once, across name, number and agency, ignoring case and form")
    func filterAsYouType() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        let app = App(store: store, catalog: Catalog(.sv))
        let all = listRows(app)
        let target = all.first {
            $0.childName.contains("Ö") || $0.childName.contains("Å") || $0.childName.contains("Ä")
        }!
        let surname = String(target.childName.split(separator: " ").last!)
        app.press(.character("/"))
        // Typed lower-case and decomposed: still matches.
        app.type(surname.lowercased().decomposedStringWithCanonicalMapping)
        let shown = listRows(app)
        #expect(!shown.isEmpty && shown.count < all.count)
        #expect(
            shown.allSatisfy {
                $0.childName.lowercased().contains(surname.lowercased())
                    || ($0.leadAgency ?? "").lowercased().contains(surname.lowercased())
            })
        // q is text while filtering, not quit.
        app.type("q")
        #expect(!app.isFinished)
        #expect(listRows(app).isEmpty)
        #expect(app.screenText.contains("Inga planer matchar filtret."))
        app.press(.backspace, .enter)
        #expect(listRows(app) == shown)
        app.press(.escape)
        #expect(listRows(app).count == all.count)
    }

    @Test("a long list is paged: every plan is reached in order, a window at a time, by keys and by End")
    func paging() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 450)
        let all = try store.planSummaries().map(\.id)
        let app = App(store: store, catalog: Catalog(.sv))
        #expect(app.screenText.contains("\(all.count) planer"))
        var seen = [selected(app)!]
        for _ in 1..<all.count {
            app.press(.down)
            seen.append(selected(app)!)
            guard let list = app.stack[0] as? PlanListScreen else { return }
            #expect(list.rows.count <= PlanListScreen.pageSize)
        }
        #expect(seen == all)
        app.press(.home)
        #expect(selected(app) == all.first)
        app.press(.end)
        #expect(selected(app) == all.last)
        #expect(app.screenText.contains(" \(all.last!) "))
        app.press(.pageUp, .pageUp)
        let shown = app.screenText
        // A full screen of rows above the selection: nothing blank where plans should be.
        #expect(shown.split(separator: "\n").filter { $0.first?.isNumber == true }.count == 20)
        // Sorting by child is done by the database, across windows.
        app.press(.character("o"), .home)
        let byChild = try store.planSummaries(PlanFilter(sort: .child)).map(\.id)
        var sorted = [selected(app)!]
        for _ in 1..<byChild.count {
            app.press(.down)
            sorted.append(selected(app)!)
        }
        #expect(sorted == byChild)
        // A search's pages come from the index, window by window, the same plans in the same order.
        app.press(.character("o"), .character("o"), .character("o"), .character("/"))
        app.type("son")
        app.press(.enter, .home)
        let matching = try store.planSummaries(PlanFilter(search: "son")).map(\.id)
        #expect(matching.count > PlanListScreen.pageSize)
        var walked = [selected(app)!]
        for _ in 1..<matching.count {
            app.press(.down)
            walked.append(selected(app)!)
        }
        #expect(walked == matching)
    }

    @Test("status and overdue toggles filter; sort reorders; the selection stays on its plan")
    func togglesAndSelection() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 30), catalog: Catalog(.sv))
        app.press(.down, .down, .down)
        let chosen = selected(app)!
        app.press(.character("o"))  // sort by child
        #expect(selected(app) == chosen)
        let names = listRows(app).map { $0.childName.lowercased() }
        #expect(names == names.sorted())
        app.press(.character("s"))  // draft only
        #expect(listRows(app).allSatisfy { $0.status == .draft })
        app.press(.character("s"), .character("s"), .character("s"), .character("s"), .character("s"))
        #expect(listRows(app).count == 30)
        app.press(.character("f"))
        #expect(!listRows(app).isEmpty && listRows(app).allSatisfy(\.overdue))
        app.press(.character("f"))
        #expect(selected(app) == chosen, "the selection returns to the chosen plan once it is listed again")
    }

    @Test("the cursor sits on the selected row")
    func cursorOnRow() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 10), catalog: Catalog(.sv))
        app.press(.down, .down)
        let grid = app.render()
        #expect(grid.cursor.row == 5)  // title, filter line, header, then rows 0, 1, 2
        #expect(grid.line(grid.cursor.row).hasPrefix(String(selected(app)!)))
    }

    @Test("open a plan, edit a field, save: the change is in the database and on screen")
    func editAndSave() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 10)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        let before = try store.plan(id)
        app.press(.enter, .character("e"))
        guard app.top is FormScreen else {
            Issue.record("no form")
            return
        }
        app.press(.tab, .tab, .tab)  // to the child's own view
        app.press(.control("a"), .control("k"))
        app.type("Jag vill vara med på rasterna.")
        app.press(.control("s"))
        guard let detail = app.top as? PlanDetailScreen else {
            Issue.record("did not return to the plan")
            return
        }
        #expect(app.screenText.contains("Sparat."))
        #expect(
            detail.lines.contains { $0.text.contains("Jag vill vara med på rasterna.") },
            "the plan shown is the saved one")
        let after = try store.plan(id)
        #expect(after.childView.hasSuffix("Jag vill vara med på rasterna."))
        #expect(after.version == before.version + 1)
    }

    @Test("a bad date is shown next to its field and nothing is saved")
    func validation() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        app.press(.enter, .character("e"))
        guard let form = app.top as? FormScreen else { return }
        let dateIndex = form.fields.firstIndex { $0.key == "followUpDate" }!
        for _ in 0..<dateIndex { app.press(.tab) }
        app.press(.control("u"))
        app.type("2026-02-30")
        app.press(.function(2))
        let text = app.screenText
        #expect(text.contains("\"2026-02-30\" är inget giltigt datum (skriv"))
        #expect(text.contains("Rätta de markerade fälten först."))
        guard app.top is FormScreen else {
            Issue.record("left the form")
            return
        }
        #expect(try store.plan(id).followUpDate != Day(iso: "2026-03-02"))
        #expect(try store.plan(id).version == 1)
    }

    @Test("a conflicting save shows both values, loses nothing, and lets the user choose")
    func conflict() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        app.press(.enter, .character("e"))
        app.press(.control("a"), .control("k"))
        app.type("Min anledning")
        // Another session saves the same plan meanwhile.
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(id)
        theirs.reason = "Kollegans anledning"
        try other.updatePlan(theirs)

        app.press(.control("s"))
        let text = app.screenText
        #expect(text.contains("Min anledning"))
        #expect(text.contains("Kollegans anledning"))
        #expect(text.contains("Någon annan har sparat planen"))
        #expect(try store.plan(id).reason == "Kollegans anledning")
        // Saving again keeps mine, knowingly, over theirs.
        app.press(.function(2))
        #expect(try store.plan(id).reason == "Min anledning")
        #expect(try store.plan(id).version == 3)
    }

    @Test("taking their values after a conflict discards mine and leaves nothing unsaved")
    func takeTheirs() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        app.press(.enter, .character("e"))
        app.type(" tillägg")
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(id)
        theirs.reason = "Kollegans anledning"
        try other.updatePlan(theirs)
        app.press(.control("s"), .control("r"))
        guard let form = app.top as? FormScreen else {
            Issue.record("left the form")
            return
        }
        #expect(form.values["reason"] == "Kollegans anledning")
        #expect(!form.isDirty && form.conflict == nil)
        app.press(.escape)
        guard app.top is PlanDetailScreen else {
            Issue.record("Esc did not leave a clean form")
            return
        }
    }

    @Test("leaving a form with unsaved changes asks first: keep editing, save, or discard")
    func unsavedChanges() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        app.press(.enter, .character("e"))
        app.type("!")
        app.press(.escape)
        #expect(app.overlay == .confirmLeave)
        #expect(app.screenText.contains("Osparade ändringar"))
        app.press(.escape)
        #expect(app.overlay == nil)
        guard app.top is FormScreen else {
            Issue.record("left the form")
            return
        }
        app.press(.escape, .character("n"))
        guard app.top is PlanDetailScreen else {
            Issue.record("discard did not leave")
            return
        }
        #expect(try store.plan(id).version == 1)
        app.press(.character("e"))
        app.type("?")
        app.press(.escape, .character("j"))
        #expect(try store.plan(id).reason.hasSuffix("?"))
    }

    @Test("unsaved input survives the end of a session as a draft and comes back")
    func drafts() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        let id = selected(app)!
        app.press(.enter, .character("e"))
        app.type(" och mer text")
        app.preserveUnsavedWork()  // what a signal or a lost terminal triggers
        let next = App(store: store, catalog: Catalog(.sv))
        next.press(.enter, .character("e"))
        guard let form = next.top as? FormScreen else { return }
        #expect(form.values["reason"]!.hasSuffix(" och mer text"))
        #expect(next.screenText.contains("Osparat utkast återställt"))
        next.press(.control("s"))
        #expect(try store.plan(id).reason.hasSuffix(" och mer text"))
        #expect(try store.draft(planId: id) == nil)
    }

    @Test("a new plan from the list: child, group, request; errors beside their fields")
    func createPlan() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("n"))
        app.type("Märta Åberg")
        app.press(.tab)
        app.type("20150312-0007")
        app.press(.control("s"))
        #expect(app.screenText.contains("kontrollsiffra"))
        #expect(try store.planCount() == 3)
        app.press(.backspace)
        app.type("6")
        app.press(.control("s"))
        guard let detail = app.top as? PlanDetailScreen else {
            Issue.record("no plan opened")
            return
        }
        #expect(detail.document?.child.name == "Märta Åberg")
        #expect(try store.planCount() == 4)
        app.press(.escape)
        #expect(selected(app) == detail.planId)
    }

    @Test("on an empty database a plan can be created with a new BUS group")
    func createFirstPlan() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("n"))
        app.type("Första Barnet")
        app.press(.tab, .tab)
        app.type("2019-05-05")
        app.press(.tab, .tab)
        app.type("Lokal BUS Nystad")
        app.press(.control("s"))
        #expect(try store.planCount() == 1)
        #expect(try store.busGroups().map(\.name) == ["Lokal BUS Nystad"])
    }

    @Test("too small: a clear screen where q still quits; the layout returns when it grows")
    func tooSmall() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 3), catalog: Catalog(.sv), width: 30, height: 8)
        #expect(app.screenText.contains("Terminalen är för liten"))
        app.press(.character("j"))
        #expect(!app.isFinished)
        app.resize(width: 80, height: 24)
        #expect(app.screenText.contains("Nr"))
        app.resize(width: 1, height: 1)
        _ = app.render()
        app.resize(width: 0, height: 0)
        _ = app.render()
        app.resize(width: 39, height: 30)
        app.press(.character("q"))
        #expect(app.isFinished)
    }

    @Test("every size from tiny to wide renders without a crash, every screen")
    func allSizes() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 4), catalog: Catalog(.sv))
        let sizes = [(40, 10), (41, 11), (55, 12), (60, 20), (79, 23), (80, 24), (132, 50), (200, 60)]
        for step in [[], [Key.enter], [Key.character("e")], [Key.function(1)]] {
            app.press(step.isEmpty ? .resize : step[0])
            for (w, h) in sizes {
                app.resize(width: w, height: h)
                let grid = app.render()
                #expect(grid.cursor.row < h && grid.cursor.column < w, "cursor off screen at \(w)x\(h)")
            }
        }
    }

    @Test("a name holding escape sequences changes nothing outside its own cell")
    func escapeInName() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        try store.write { db in
            try db.execute(
                sql: "UPDATE child SET name = ? WHERE id = 1",
                arguments: ["Ond\u{1B}[2J\u{1B}[H\u{1B}]0;titel\u{7}Namn\u{9B}31m"])
        }
        let app = App(store: store, catalog: Catalog(.sv))
        let grid = app.render()
        for cell in grid.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
        let row = grid.line(3)
        #expect(row.hasPrefix("1     Ond␛[2J␛[H␛]0;…"))
        // The columns after the name are where they belong.
        #expect(row.dropFirst(22).hasPrefix(listRows(app)[0].personalNumberMasked ?? "–"))
        app.press(.enter)
        #expect(!app.screenText.unicodeScalars.contains { $0.value == 0x1B })
    }
}
