import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

@Suite("Grid and display width")
struct GridTests {
    @Test("wide characters take two columns, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("Åsa") == 3)
        #expect(DisplayWidth.of("A\u{30A}sa") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        // Latin text is counted without Unicode look-ups; what is not plain Latin still is.
        #expect(DisplayWidth.of("Grön ÿ Œ ǅ ɏ") == 12)
        #expect(DisplayWidth.of("soft\u{AD}hyphen") == 10)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Åsa 漢") == 6)
    }

    @Test("wrapping: a line that fits stays as it is; a longer one breaks at words and keeps its indent")
    func wrapping() {
        for line in ["  Plan 12 · Aktiv", "a  b ", "", "   ", "Åsa Öberg · 漢字"] {
            #expect(DisplayWidth.wrap(line, width: 20) == [line])
        }
        #expect(DisplayWidth.wrap("  ett två tre fyra fem", width: 12) == ["  ett två", "  tre fyra", "  fem"])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("rad ett\nrad två", width: 20) == ["rad ett", "rad två"])
    }
}

@Suite("Clusters drawn alike on every terminal")
struct DisplayFormTests {
    @Test(
        "a ZWJ sequence shows its first emoji, a skin tone and a selector go, a flag is its letters: widths agree",
        arguments: [
            ("👨\u{200D}👩\u{200D}👧", "👨", 2), ("👋\u{1F3FD}", "👋", 2), ("🇸🇪", "SE", 2), ("❤\u{FE0F}", "❤", 1),
            ("1\u{FE0F}\u{20E3}", "1\u{20E3}", 1), ("\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}\u{11A8}", 2),
            ("å", "å", 1),
        ])
    func displayForm(_ typed: String, _ drawn: String, _ width: Int) {
        let cluster = Character(typed)
        #expect(TerminalText.displayForm(cluster) == drawn)
        #expect(DisplayWidth.of(cluster) == width)
        // What is drawn takes, scalar by scalar as a terminal lays it out, the columns measured.
        #expect(drawn.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } == width)
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put(typed + "x", row: 0, column: 0) == width + 1)
        #expect(grid[0, 0].text == drawn && grid[0, width].text == "x")
    }
}
