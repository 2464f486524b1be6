import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Issue 19: whole-row selection, every locale, keys however the terminal sends them, help that
/// is the whole truth, keys.conf, and palettes readable on every background.
@Suite("Terminal craft")
struct TerminalCraftTests {
    // MARK: Whole-row selection

    @Test("the selected plan is marked across the whole width and holds the cursor, after every move")
    func wholeRow() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 40), catalog: Catalog(.sv))
        for key in [Key.down, .down, .pageDown, .up, .end, .home, .down] {
            app.press(key)
            let grid = app.render()
            let row = grid.cursor.row
            #expect(grid.cursor.column == 0)
            #expect((0..<grid.width).allSatisfy { grid[row, $0].role == .selected }, "row \(row) after \(key)")
            let others = (2..<(grid.height - 1)).filter { $0 != row && grid[$0, 0].role == .selected }
            #expect(others.isEmpty, "only one row is selected")
        }
    }

    @Test("every list pages with PgUp, PgDn, Home and End: the review and the deviation register too")
    func paging() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 40)
        let app = App(store: store, catalog: Catalog(.sv), width: 80, height: 12)
        app.press(.character("r"))
        let review = try #require(app.top as? ReviewScreen)
        #expect(review.rows.count > 10)
        app.press(.pageDown)
        let paged = try #require(app.top as? ReviewScreen).selected
        #expect(paged > 1)
        app.press(.end)
        #expect((app.top as? ReviewScreen)?.selected == review.rows.count - 1)
        app.press(.pageUp)
        #expect(((app.top as? ReviewScreen)?.selected ?? 0) < review.rows.count - 1)
        app.press(.home)
        #expect((app.top as? ReviewScreen)?.selected == 0)
        app.press(.escape, .character("a"))
        let register = try #require(app.top as? DeviationsScreen)
        guard register.rows.count > 2 else { return }
        app.press(.end)
        #expect((app.top as? DeviationsScreen)?.selected == register.rows.count - 1)
        app.press(.home)
        #expect((app.top as? DeviationsScreen)?.selected == 0)
        app.press(.pageDown)
        #expect(((app.top as? DeviationsScreen)?.selected ?? 0) > 0)
    }

    @Test("a list screen built with ListKeys has every move, and no key twice")
    func listKeys() {
        enum Action: Hashable, Sendable { case list(ListMove), group }
        let table = KeyTable<Action>(
            "test",
            [KeyBinding([.character("g")], .group, .busGroup)]
                + ListKeys.bindings(Action.list, without: [.character("g")]))
        #expect(table.duplicateKeys.isEmpty)
        for move in ListMove.allCases { #expect(table.bindings.contains { $0.action == .list(move) }) }
        #expect(table.action(for: .home) == .list(.first) && table.action(for: .character("g")) == .group)
        #expect(table.bindings.map(\.actionName).contains("pageDown"))
        let typing = ListKeys.bindings(Action.list, typing: true)
        #expect(!typing.flatMap(\.keys).contains { $0.isText })
    }

    // MARK: Keys however the terminal sends them

    /// Sequences as xterm, rxvt, the linux console, PuTTY, vt220 and tmux send them.
    static let sequences: [(String, Key)] = [
        ("[H", .home), ("OH", .home), ("[1~", .home), ("[7~", .home), ("[F", .end), ("OF", .end), ("[4~", .end),
        ("[8~", .end), ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[Z", .backTab),
        ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
        ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
        ("[[A", .function(1)), ("[[B", .function(2)), ("[[E", .function(5)), ("[15~", .function(5)),
        ("[17~", .function(6)), ("[21~", .function(10)), ("[24~", .function(12)), ("[1;2P", .function(1)),
        ("[A", .up), ("OB", .down), ("[1;5C", .right), ("[7$", .home), ("[8^", .end), ("[5^", .pageUp),
    ]

    @Test("each encoding of Home, End, PgUp, PgDn, Delete, F1-F12 and Shift-Tab is that key, never Esc")
    func sequencesDecode() {
        for (sequence, expected) in Self.sequences {
            var decoder = KeyDecoder()
            var keys = decoder.feed(.escape, at: 1_000)
            for c in sequence { keys += decoder.feed(.character(c), at: 2_000) }
            keys += decoder.timeout()
            #expect(keys == [expected], "Esc \(sequence)")
        }
        // An unknown sequence is dropped, not read as Esc and letters.
        var decoder = KeyDecoder()
        var keys = decoder.feed(.escape)
        for c in "[99~" { keys += decoder.feed(.character(c)) }
        #expect(keys.isEmpty && decoder.timeout().isEmpty)
    }

    @Test("a lone Esc is told from a sequence by timing: [ typed after the escape delay is a key")
    func escapeTiming() {
        var decoder = KeyDecoder(escapeDelayMilliseconds: 25)
        #expect(decoder.feed(.escape, at: 0).isEmpty)
        #expect(decoder.feed(.character("["), at: 100_000_000) == [.escape, .character("[")])
        #expect(decoder.feed(.escape, at: 200_000_000).isEmpty)
        #expect(decoder.feed(.character("["), at: 210_000_000).isEmpty)
        #expect(decoder.feed(.character("6"), at: 210_000_000).isEmpty)
        #expect(decoder.feed(.character("~"), at: 210_000_000) == [.pageDown])
        // Esc then a digit stays F1..F10 at a person's pace.
        #expect(decoder.feed(.escape, at: 300_000_000).isEmpty)
        #expect(decoder.feed(.character("2"), at: 450_000_000) == [.function(2)])
        #expect(KeyDecoder.escapeDelayMilliseconds(environment: ["ESCDELAY": "80"]) == 80)
        #expect(KeyDecoder.escapeDelayMilliseconds(environment: ["ESCDELAY": "x"]) == 25)
    }

    // MARK: Every locale

    @Test("without UTF-8 Swedish letters are transliterated or kept, chrome falls back to ASCII, nothing dropped")
    func transliteration() {
        #expect(TerminalCharset.from(codeset: "UTF-8") == .unicode)
        #expect(TerminalCharset.from(codeset: "ISO-8859-1") == .latin1)
        #expect(TerminalCharset.from(codeset: "ANSI_X3.4-1968") == .ascii)
        let ascii = TerminalCharset.ascii, latin1 = TerminalCharset.latin1
        #expect(ascii.transliterate("Åsa Öberg, Jönköping, café") == "Asa Oberg, Jonkoping, cafe")
        #expect(latin1.transliterate("Åsa Öberg, café") == "Åsa Öberg, café")
        #expect(latin1.transliterate("‹ › … – ↑ ↓ ← →") == "< > ... - ^ v < >")
        #expect(ascii.transliterate("Sœur Ægir × ß 北") == "Soeur AEgir x ss ??")
        // Decomposed input (NFD) is composed first, then simplified: no mark is left behind.
        #expect(ascii.transliterate("O\u{308}berg") == "Oberg")
        #expect(ascii.fit(ascii.transliterate("Ängelholmsvägen"), to: 8) == "Angel...")
    }

    @Test("under LANG=C the plan list shows names transliterated, aligned, and says once how to fix it")
    func asciiScreen() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 12)
        let app = App(store: store, catalog: Catalog(.sv))
        app.charset = .ascii
        let grid = app.render()
        #expect(grid.text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "\(grid.text)")
        #expect(grid.line(grid.height - 2).contains("UTF-8"))
        // The columns stand where they stand in UTF-8: each starts at the same column, and the ones
        // that are never cut short read the same.
        let unicode = App(store: store, catalog: Catalog(.sv)).render()
        let c = PlanListScreen.columns(width: 80)
        let personal = c.number + 1 + c.child + 1, status = personal + c.personalNumber + 1
        let next = status + c.status + 1 + c.lead + 1
        for row in 3..<(grid.height - 2) where unicode.line(row).first?.isNumber == true {
            let ascii = Array(grid.line(row)), utf8 = Array(unicode.line(row))
            func plain(_ range: Range<Int>) -> [Character] {
                Array(TerminalCharset.ascii.transliterate(String(utf8[range])))
            }
            #expect(ascii.count == 80)
            for start in [0, personal, status, next] {
                #expect(start == 0 || ascii[start - 1] == " ", "row \(row) column \(start)")
            }
            #expect(Array(ascii[personal..<(status + c.status)]) == plain(personal..<(status + c.status)), "row \(row)")
            #expect(Array(ascii[next...]) == plain(next..<utf8.count), "row \(row)")
            #expect(Array(ascii[0..<c.number]) == plain(0..<c.number))
        }
        app.press(.down)
        #expect(!app.render().text.contains("UTF-8"), "said once")
    }

    // MARK: Readable on every background

    @Test("every style role is at least 4.5:1 against its background, in both palettes (xterm 256 colours)")
    func contrast() {
        for theme in [Theme.light, Theme.dark, Theme.safe] {
            for role in StyleRole.allCases {
                let (fg, bg) = theme.colors(role)
                let ratio = TerminalColor.contrast(fg, bg)
                #expect(ratio >= 4.5, "\(theme.name) \(role): \(fg) on \(bg) is \(ratio)")
                // xterm (boldColors) shows a bold basic colour as its bright twin: that must read too.
                let a = theme.attributes(role)
                if a.bold, let basic = a.foreground, basic.rawValue < 8 {
                    let bright = TerminalColor(basic.rawValue + 8)
                    let shown = a.reverse ? TerminalColor.contrast(bg, bright) : TerminalColor.contrast(bright, bg)
                    #expect(shown >= 4.5, "\(theme.name) \(role) bold: \(bright) on \(bg) is \(shown)")
                }
            }
        }
        // The safe palette reads on the other background too.
        let onWhite = Theme.safe
        for role in StyleRole.allCases {
            let a = onWhite.attributes(role)
            let fg = a.foreground ?? .black, bg = a.background ?? TerminalColor(15)
            #expect(TerminalColor.contrast(fg, bg) >= 4.5, "safe on white: \(role)")
        }
        // The old dark palette's blue and red on black were below the bar: the reason for the change.
        #expect(TerminalColor.contrast(.blue, .black) < 4.5 && TerminalColor.contrast(.red, .black) < 4.5)
        #expect(abs(TerminalColor.contrast(.black, TerminalColor(15)) - 21) < 0.01)
    }

    @Test("the palette follows the background found, --theme and the config override, NO_COLOR is mono")
    func themeSelection() {
        let env = ["TERM": "xterm-256color"]
        #expect(Theme.background(osc11: "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\") == .light)
        #expect(Theme.background(osc11: "\u{1B}]11;rgb:0000/0000/0000\u{07}") == .dark)
        #expect(Theme.background(osc11: "\u{1B}[?62;22c") == nil)
        #expect(Theme.background(colorFgBg: "0;15") == .light && Theme.background(colorFgBg: "15;default;0") == .dark)
        #expect(Theme.select(environment: env, terminalColors: 256, answered: .light) == .light)
        #expect(Theme.select(environment: env, terminalColors: 256, answered: .dark) == .dark)
        #expect(Theme.select(environment: env.merging(["COLORFGBG": "0;15"]) { $1 }, terminalColors: 256) == .light)
        #expect(Theme.select(environment: env, terminalColors: 256) == .safe)
        #expect(Theme.select(environment: env, terminalColors: 256, asked: .dark, answered: .light) == .dark)
        #expect(Theme.select(environment: env, terminalColors: 8, asked: .light) == .monochrome)
        #expect(Theme.select(environment: ["NO_COLOR": "1"], terminalColors: 256, asked: .light) == .monochrome)
        #expect(Theme.named("mono") == .monochrome && Theme.named("light") == .light)
    }

    // MARK: Help and keys.conf

    @Test("help lists Ctrl-C, Ctrl-Z, Ctrl-L and, in a form, the text-editing keys")
    func helpIsWhole() throws {
        let dir = TempDir()
        let app = App(store: try makeStore(dir, demoPlans: 3), catalog: Catalog(.en))
        let list = app.helpEntries.map(\.keys)
        for key in ["^C", "^Z", "^L", "PgUp", "Home g"] { #expect(list.contains(key), "\(key) in \(list)") }
        app.press(.character("n"))
        #expect(app.top is FormScreen)
        let form = app.helpEntries.map(\.keys)
        for key in ["^C", "^Z", "F2 ^S", "Home ^A", "End ^E", "^K", "^U", "^W", "Del ^D"] {
            #expect(form.contains(key), "\(key) in \(form)")
        }
        app.press(.function(1))
        #expect(app.render().text.contains("Delete the word before"))
    }

    @Test("every text key the help lists does what it says in a field")
    func textKeysDrive() {
        var input = TextInput("Åsa Öberg")
        #expect(input.handle(.control("a")) == .moved && input.cursor == 0)
        #expect(input.handle(.control("e")) == .moved && input.cursor == 9)
        #expect(input.handle(.control("w")) == .edited && input.text == "Åsa ")
        #expect(input.handle(.control("u")) == .edited && input.text.isEmpty)
        for binding in TextInput.keys.bindings { #expect(!binding.keys.isEmpty) }
    }

    @Test("keys.conf: a remap is used, a clash and an unknown action are told with their line, defaults kept")
    func keysConf() {
        let text = """
            # my keys
            plans.newPlan = N
            plans.quit = /
            plans.nothing = x
            down = Down J
            plan.edit = ^Y
            plans.open = ^C
            form.save = s
            plans.sort = Bogus
            just words
            """
        let (parsed, parseProblems) = KeyConfig.parse(text)
        #expect(parseProblems == [.unknownKey(line: 9, key: "Bogus"), .syntax(line: 10)])
        let (accepted, problems) = parsed.validated(against: KeyTables.screens, global: KeyTables.everywhere)
        #expect(problems.contains(.clash(line: 3, key: "/", other: "filter", table: "plans")))
        #expect(problems.contains(.unknownAction(line: 4, name: "plans.nothing")))
        #expect(problems.contains(.reserved(line: 7, key: "^C")))
        #expect(problems.contains(.textKey(line: 8, key: "s", table: "form")))
        let table = accepted.apply(PlanListScreen.browseKeys.defaultBindings, table: "plans")
        let remapped = KeyTable("", table)
        #expect(remapped.action(for: .character("N")) == .newPlan && remapped.action(for: .character("n")) == nil)
        #expect(remapped.action(for: .character("q")) == .quit, "the clash keeps the default")
        #expect(remapped.action(for: .character("J")) == .list(.down))
        // Back to the day from the list is a key of the list's table like any other.
        let (toDay, _) = KeyConfig.parse("plans.day = T").0.validated(
            against: KeyTables.screens, global: KeyTables.everywhere)
        let list = KeyTable("", toDay.apply(PlanListScreen.browseKeys.defaultBindings, table: "plans"))
        #expect(list.action(for: .character("T")) == .day && list.action(for: .character("t")) == nil)
        let detail = KeyTable("", accepted.apply(PlanDetailScreen.keys.defaultBindings, table: "plan"))
        #expect(detail.action(for: .control("y")) == .edit && detail.action(for: .character("J")) == .down)
        let words = problems.map { Catalog(.en).configProblem($0, file: "keys.conf") }
        #expect(words.contains("keys.conf, line 3: / already does \"filter\" in plans; the default is kept"))
        // The default file changes nothing and names every action.
        let file = KeyConfig.defaultFile(KeyTables.all, catalog: Catalog(.en))
        let (defaults, none) = KeyConfig.parse(file)
        #expect(defaults.entries.isEmpty && none.isEmpty)
        #expect(file.contains("# plans.newPlan = n") && file.contains("# text.deleteWord = ^W"))
        let uncommented = file.split(separator: "\n")
            .filter { $0.range(of: #"^# [a-z-]+\.[A-Za-z]+ = "#, options: .regularExpression) != nil }
            .map { String($0.dropFirst(2).components(separatedBy: "    #").first!) }.joined(separator: "\n")
        let (all, unreadable) = KeyConfig.parse(uncommented)
        #expect(unreadable.isEmpty)
        let (_, clashes) = all.validated(against: KeyTables.screens, global: KeyTables.everywhere)
        #expect(clashes.isEmpty, "the defaults as a file are accepted: \(clashes)")
    }

    @Test("every key table has a name and no key twice; the global keys clash with no screen's")
    func tables() {
        for table in KeyTables.all {
            #expect(!table.name.isEmpty)
            let keys = table.actions.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(table.name)")
        }
    }
}
