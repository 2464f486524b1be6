import Testing
import SIPModel
@testable import SIPUI

@Suite("Grid and display width")
struct GridTests {
    @Test("wide characters take two columns, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("Åsa") == 3)
        #expect(DisplayWidth.of("A\u{30A}sa") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }
}
