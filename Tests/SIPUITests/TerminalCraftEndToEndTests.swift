import Foundation
import SIPModel
import Testing

/// Issue 19 through the real binary in tmux: the selection row and the cursor, keys as other
/// terminals send them, locales without UTF-8, keys.conf, and `--print-keys` against the README.
@Suite("Terminal craft in a real terminal", .enabled(if: Tmux.isAvailable, "needs tmux"), .serialized)
struct TerminalCraftEndToEndTests {
    func demo(_ dir: TempDir, plans: Int = 40) throws -> String { try EndToEndTests().demo(dir, plans: plans) }

    /// A demo database and a plan whose child's name has å, ä or ö.
    func swedishNamed(_ dir: TempDir) throws -> (db: String, plan: PlanSummary) {
        let db = try demo(dir)
        let store = try Store(path: db, context: .current())
        let plan = try #require(try store.planSummaries().first { $0.childName.contains { "åäöÅÄÖ".contains($0) } })
        return (db, plan)
    }

    /// The program in tmux with TERM as the terminal says, not as tmux is: PuTTY's and tmux's
    /// Home (Esc [ 1 ~) is not in xterm's terminfo entry.
    func start(_ db: String, env: String = "TERM=xterm-256color", config: String? = nil) -> Tmux {
        let home = config.map { "XDG_CONFIG_HOME='\($0)' " } ?? "XDG_CONFIG_HOME=/nonexistent "
        return Tmux("env \(home)\(env) '\(Binary.url.path)' --db '\(db)'")
    }

    var readme: String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The row the cursor is on, with its SGR sequences.
    func styledRow(_ tmux: Tmux) -> (plain: String, styled: String) {
        let row = tmux.cursor.row
        let styled = tmux.styledScreen().split(separator: "\n", omittingEmptySubsequences: false)
        let plain = tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
        guard row >= 0, row < styled.count, row < plain.count else { return ("", "") }
        return (String(plain[row]), String(styled[row]))
    }

    @Test("the highlighted row spans the list's width and holds the cursor after moves")
    func wholeRow() throws {
        let dir = TempDir()
        let tmux = start(try demo(dir))
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        /// The cursor's row: at its start, a plan's row, reverse video from the first column to the
        /// last in one run (no change of attributes inside it).
        func wholeRowHoldsCursor() -> String? {
            let (plain, styled) = styledRow(tmux)
            guard tmux.cursor.column == 0 else { return "cursor at column \(tmux.cursor.column)" }
            guard plain.first?.isNumber == true else { return "cursor not on a plan: \(plain)" }
            guard let lead = styled.range(of: #"^(\x1B\[[0-9;]*m)+"#, options: .regularExpression) else {
                return "no attributes: \(styled.debugDescription)"
            }
            let attributes = styled[lead].split(separator: "\u{1B}").map { $0.dropFirst().dropLast() }
            guard attributes.contains(where: { $0.split(separator: ";").contains("7") }) else {
                return "not reverse: \(styled.debugDescription)"
            }
            let visible = styled[lead.upperBound...]
            guard !visible.contains("\u{1B}") else { return "more than one run: \(styled.debugDescription)" }
            return visible.count == 80 ? nil : "the run covers \(visible.count) columns"
        }
        var previous = tmux.cursor.row
        for keys in [["Down"], ["Down", "Down"], ["NPage"], ["Up"], ["End"], ["Home"]] {
            for key in keys { tmux.keys(key) }
            // Waiting on what the screen shows: the cursor moved and its row is drawn.
            tmux.wait { tmux.cursor.row != previous && wholeRowHoldsCursor() == nil }
            #expect(wholeRowHoldsCursor() == nil, "after \(keys): \(wholeRowHoldsCursor() ?? "")")
            previous = tmux.cursor.row
        }
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)
    }

    @Test("Home, End, PgUp, PgDn and F1 as xterm, rxvt, the linux console, PuTTY and tmux send them, TERM mismatched")
    func mismatchedTerm() throws {
        let dir = TempDir()
        let db = try demo(dir)
        let store = try Store(path: db, context: .current())
        let plans = try store.planSummaries()
        let first = try #require(plans.first).id, last = try #require(plans.last).id
        let tmux = start(db)
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        func selected() -> String { styledRow(tmux).plain }
        func selectedId() -> Int64? { Int64(selected().prefix { $0.isNumber }) }
        // End, then Home, in each of their encodings: the list stays (Esc would clear the filter, not
        // close it: the plan screen below is where Esc leaves).
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan \(first):"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        let ends = [["1b", "5b", "34", "7e"], ["1b", "5b", "38", "7e"], ["1b", "5b", "46"], ["1b", "4f", "46"]]
        let homes = [["1b", "5b", "31", "7e"], ["1b", "5b", "37", "7e"], ["1b", "5b", "48"], ["1b", "4f", "48"]]
        for (end, home) in zip(ends, homes) {
            tmux.bytes(end)
            #expect(tmux.wait { selectedId() == last }, "End as \(end): \(selected())")
            tmux.bytes(home)
            #expect(tmux.wait { selectedId() == first }, "Home as \(home): \(selected())")
        }
        // PgDn and PgUp (vt220, xterm, PuTTY, the linux console all send Esc [ 6 ~ and Esc [ 5 ~).
        tmux.bytes(["1b", "5b", "36", "7e"])
        #expect(tmux.wait { (selectedId() ?? first) != first }, "PgDn")
        tmux.bytes(["1b", "5b", "35", "7e"])
        #expect(tmux.wait { selectedId() == first }, "PgUp")
        // On the plan screen Esc leaves: none of these may.
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan \(first):"))
        for sequence in ends + homes + [
            ["1b", "5b", "36", "7e"], ["1b", "5b", "35", "7e"], ["1b", "5b", "32", "7e"],
        ] {
            tmux.bytes(sequence)
        }
        tmux.keys("j")
        #expect(tmux.waitFor("Plan \(first):"), "still on the plan")
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        // F1 as xterm (SS3 P), rxvt and PuTTY (Esc [ 11 ~) and the linux console (Esc [ [ A): help.
        for f1 in [["1b", "4f", "50"], ["1b", "5b", "31", "31", "7e"], ["1b", "5b", "5b", "41"]] {
            tmux.bytes(f1)
            #expect(tmux.waitFor("Tangenter (Esc)"), "F1 as \(f1)")
            tmux.keys("Escape")
            #expect(tmux.wait { !tmux.screen().contains("Tangenter (Esc)") })
        }
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)
    }

    @Test("LANG=C: Swedish names transliterated, never dropped, columns aligned, and one notice")
    func asciiLocale() throws {
        let dir = TempDir()
        let (db, named) = try swedishNamed(dir)
        let tmux = start(db, env: "TERM=xterm-256color LANG=C LC_ALL=C")
        // The notice is said on the first screen (the day), once.
        #expect(tmux.waitFor("Att gora"))
        let first = tmux.screen()
        #expect(first.contains("Terminalen ar inte i UTF-8"), "\(first)")
        #expect(first.unicodeScalars.allSatisfy { $0.value < 0x80 }, "only ASCII reaches a C terminal")
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        let screen = tmux.screen()
        #expect(screen.unicodeScalars.allSatisfy { $0.value < 0x80 }, "only ASCII reaches a C terminal")
        let plain = String(
            named.childName.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.value < 0x80 })
        let lines = screen.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.hasPrefix(String(named.id) + " ") }, "\(screen)")
        #expect(row.contains(String(plain.prefix(10))), "\(plain) in \(row)")
        // Every plan row has its status column at the same place as the header's.
        let header = try #require(lines.first { $0.hasPrefix("Nr ") })
        let statusColumn = try #require(header.range(of: "Status")).lowerBound.utf16Offset(in: header)
        for line in lines where line.first?.isNumber == true {
            #expect(line.count <= 80)
            let before = line.prefix(statusColumn)
            #expect(before.last == " ", "the column before Status is a space: \(line)")
        }
        #expect(!screen.contains("UTF-8"), "said once")
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)
    }

    static var hasLatin1Locale: Bool {
        shell(["locale", "-a"]).out.lowercased().split(separator: "\n").contains("sv_se.iso88591")
    }

    @Test(
        "ISO-8859-1: the Swedish letters arrive intact, ‹ › … – and the arrows as ASCII",
        .enabled(if: hasLatin1Locale, "needs the sv_SE.ISO-8859-1 locale (.ci/run generates it)"))
    func latin1Locale() throws {
        let dir = TempDir()
        let (db, named) = try swedishNamed(dir)
        // A terminal in Latin-1 (what luit does): its bytes shown as the letters they are.
        let relay = dir.path("latin1-terminal.py")
        try """
        import os, pty, sys
        pty.spawn(sys.argv[1:], lambda fd: os.read(fd, 4096).decode('latin-1').encode('utf-8'))
        """.write(toFile: relay, atomically: true, encoding: .utf8)
        let tmux = Tmux(
            "env XDG_CONFIG_HOME=/nonexistent TERM=xterm-256color LANG=sv_SE.ISO-8859-1 LC_ALL=sv_SE.ISO-8859-1 "
                + "LINES=24 COLUMNS=80 python3 '\(relay)' '\(Binary.url.path)' --db '\(db)'")
        #expect(tmux.waitFor("Att göra"))
        #expect(tmux.screen().contains("UTF-8"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        let screen = tmux.screen()
        #expect(screen.contains(named.childName.precomposedStringWithCanonicalMapping.prefix(12)), "\(screen)")
        #expect(!screen.contains("–") && !screen.contains("…"))
        tmux.keys("?")
        #expect(tmux.waitFor("v j"))
        let help = tmux.screen()
        #expect(help.contains("^ k") && help.contains("v j") && !help.contains("↑"), "\(help)")
        #expect(help.contains("Hjälp") || help.contains("Öppna"), "Latin-1 letters intact")
        tmux.keys("Escape", "q")
        #expect(tmux.waitForExit() == 0)
    }

    @Test("keys.conf: a remap works and shows in the hint bar, a clash and an unknown action are told at start")
    func keysConf() throws {
        let dir = TempDir()
        let db = try demo(dir, plans: 5)
        let config = dir.path("config")
        try FileManager.default.createDirectory(atPath: config + "/sip-tui", withIntermediateDirectories: true)
        try """
        plans.newPlan = N
        plans.quit = /
        plans.frobnicate = x
        """.write(toFile: config + "/sip-tui/keys.conf", atomically: true, encoding: .utf8)
        let tmux = start(db, config: config)
        #expect(tmux.waitFor("Att göra"))
        let first = tmux.screen()
        #expect(first.contains("keys.conf, rad 2"), "\(first)")
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        let screen = tmux.screen()
        #expect(screen.contains("N Ny plan"), "the hint bar shows the configured key")
        tmux.keys("n")
        tmux.keys("N")
        #expect(tmux.waitFor("Ny plan"))
        #expect(tmux.waitFor("Spara"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0, "the clash kept q")
        // Told in full on the command line too, where --print-keys shows the keys in force.
        let printed = try Binary.run(["--print-keys"], environment: ["XDG_CONFIG_HOME": config])
        #expect(printed.err.contains("rad 3") && printed.err.contains("frobnicate"))
        #expect(printed.out.contains("| plans | N | Ny plan | `plans.newPlan` |"))
        // The default file: written once, never over the user's own.
        let fresh = dir.path("fresh")
        let written = try Binary.run(["--write-default-keys"], environment: ["XDG_CONFIG_HOME": fresh])
        #expect(written.status == 0 && written.out.contains("keys.conf"))
        let again = try Binary.run(["--write-default-keys"], environment: ["XDG_CONFIG_HOME": fresh])
        #expect(again.status == 1)
    }

    @Test("sip-tui --print-keys equals the README's key table")
    func printKeysMatchesReadme() throws {
        let printed = try Binary.run(
            ["--lang", "en", "--print-keys"], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(printed.status == 0)
        let readme = readme
        let begin = "<!-- keys: sip-tui --lang en --print-keys -->\n", end = "<!-- /keys -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == printed.out)
    }
}
