import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

@Suite("Keys: tables, decoding, text editing")
struct KeyTests {
    /// Every key table a user can meet, combined with the global keys active on that screen.
    static let tables: [(name: String, keys: [[Key]], globalTyping: Bool)] = [
        ("list", PlanListScreen.browseKeys.bindings.map(\.keys), false),
        ("list filter", PlanListScreen.filterKeys.bindings.map(\.keys), true),
        ("detail", PlanDetailScreen.keys.bindings.map(\.keys), false),
        ("form", FormScreen.keys.bindings.map(\.keys), true),
        ("meeting attendance", MeetingScreen.attendanceKeys.bindings.map(\.keys), false),
        ("meeting notes", MeetingScreen.notesKeys.bindings.map(\.keys), true),
        ("interventions", InterventionsScreen.keys.bindings.map(\.keys), false),
        ("review", ReviewScreen.keys.bindings.map(\.keys), false),
        ("deviations", DeviationsScreen.keys.bindings.map(\.keys), false),
        ("spider", SpiderScreen.keys.bindings.map(\.keys), false),
        ("text view", TextViewScreen.keys.bindings.map(\.keys), false),
        ("administration", AdministrationScreen().keys.bindings.map(\.keys), false),
        ("register list", RegisterListScreen.browseKeys.bindings.map(\.keys), false),
        ("register filter", RegisterListScreen.filterKeys.bindings.map(\.keys), true),
        ("day", DayScreen.keys.bindings.map(\.keys), false),
        ("list from the day", PlanListScreen.browseKeys.bindings.map(\.keys), false),
        ("requests inbox", RequestsScreen.inboxKeys.bindings.map(\.keys), false),
        ("own requests", RequestsScreen.mineKeys.bindings.map(\.keys), false),
    ]

    @Test("no key is bound twice on any screen, counting the global keys", arguments: tables.map(\.name))
    func noDuplicates(_ name: String) {
        let table = Self.tables.first { $0.name == name }!
        let all = table.keys.flatMap { $0 } + GlobalKeys.table(typing: table.globalTyping).bindings.flatMap(\.keys)
        var seen = Set<Key>()
        let duplicates = all.filter { !seen.insert($0).inserted }
        #expect(duplicates.isEmpty, "\(name): \(duplicates)")
    }

    @Test("every action of every screen is listed in its help, with words in both languages")
    func helpListsEverything() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        for language in Language.allCases {
            let app = App(store: store, catalog: Catalog(language))
            func check(_ actions: Int, _ screen: String) {
                let help = app.helpEntries
                let global = GlobalKeys.table(typing: false).bindings.count
                #expect(help.count == actions + global, "\(screen) lists \(help.count) lines")
                #expect(help.allSatisfy { !$0.keys.isEmpty && !$0.text.isEmpty })
                app.press(.function(1))
                let shown = app.screenText
                for entry in help { #expect(shown.contains(entry.text), "\(screen): \(entry.text) missing") }
                app.press(.escape)
            }
            // Opened first, not from the day: no key back to it.
            check(PlanListScreen.browseKeys.bindings.filter { $0.action != .day }.count, "list")
            #expect(
                Set(PlanListScreen.browseKeys.bindings.map(\.action)).count == PlanListScreen.browseKeys.bindings.count)
            app.press(.enter)
            check(PlanDetailScreen.keys.bindings.count, "detail")
            app.press(.character("e"))
            // A form lists the text-editing keys besides its own.
            check(FormScreen.keys.bindings.count + TextInput.keys.bindings.count, "form")
        }
    }

    @Test("Esc then a digit is a function key; Esc alone arrives on the next key or the timeout")
    func escapeDigit() {
        var decoder = KeyDecoder()
        let sequence: [Key] = [.escape, .character("2"), .escape, .character("0"), .escape, .character("j"), .escape]
        let decoded = sequence.map { decoder.feed($0) }
        #expect(decoded == [[], [.function(2)], [], [.function(10)], [], [.escape, .character("j")], []])
        let first = decoder.timeout(), second = decoder.timeout()
        #expect(first == [.escape] && second.isEmpty)
        let plain = decoder.feed(.character("q"))
        #expect(plain == [.character("q")])
    }

    @Test("terminal codes map to keys: Ctrl letters, Tab, Enter, Backspace, Esc")
    func codes() {
        #expect(Key.fromCharacter(19) == .control("s"))
        #expect(Key.fromCharacter(9) == .tab)
        #expect(Key.fromCharacter(13) == .enter)
        #expect(Key.fromCharacter(127) == .backspace)
        #expect(Key.fromCharacter(27) == .escape)
        #expect(Key.fromCharacter(0xE5) == .character("å"))
    }

    @Test("editing moves by character, not byte, with Emacs keys")
    func editing() {
        var input = TextInput("Åsa Öberg")
        let outcome = input.handle(.control("a"))
        #expect(outcome == .moved && input.cursor == 0)
        _ = input.handle(.control("f"))
        _ = input.handle(.control("d"))
        #expect(input.text == "Åa Öberg")
        _ = input.handle(.control("e"))
        _ = input.handle(.backspace)
        #expect(input.text == "Åa Öber")
        _ = input.handle(.control("w"))
        #expect(input.text == "Åa ")
        _ = input.handle(.character("ä"))
        _ = input.handle(.control("b"))
        _ = input.handle(.control("k"))
        #expect(input.text == "Åa ")
        _ = input.handle(.control("u"))
        #expect(input.text.isEmpty)
        // Decomposed input is one character to the cursor.
        var nfd = TextInput("A\u{30A}")
        _ = nfd.handle(.backspace)
        #expect(nfd.text.isEmpty)
        // Control characters never enter a field; Enter does only in multi-line fields.
        var single = TextInput("")
        single.insert("\u{1B}")
        _ = single.handle(.enter)
        #expect(single.text.isEmpty)
        var multi = TextInput("a", multiline: true)
        _ = multi.handle(.enter)
        _ = multi.handle(.character("b"))
        #expect(multi.text == "a\nb")
    }

    @Test("multi-line layout wraps at spaces and tracks the cursor across lines")
    func layout() {
        var input = TextInput("ett två tre fyra", multiline: true)
        let l = input.layout(width: 8)
        // The cursor after a full line sits at the start of a fresh one, never past the edge.
        #expect(l.lines.map { String(input.characters[$0]) } == ["ett två ", "tre fyra", ""])
        #expect(l.cursorLine == 2 && l.cursorColumn == 0)
        let up = input.moveLine(-1, width: 8)
        #expect(up && input.cursor == 8)
        _ = input.handle(.end)
        let mid = input.layout(width: 8)
        #expect(mid.cursorLine == 2, "End goes to the end of the text")
        input = TextInput("ett två tre", multiline: true)
        _ = input.handle(.home)
        let first = input.layout(width: 8)
        #expect(first.lines.map { String(input.characters[$0]) } == ["ett två ", "tre"])
        #expect(first.cursorLine == 0 && first.cursorColumn == 0)
        let down = input.moveLine(1, width: 8)
        #expect(down && input.cursor == 8)
        let beyond = input.moveLine(1, width: 8)
        #expect(!beyond)
    }
}
