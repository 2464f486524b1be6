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
