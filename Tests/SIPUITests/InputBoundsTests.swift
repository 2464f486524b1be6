import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Bounded work per key and per frame, and editing by grapheme cluster (issue 13, build item 6).
@Suite("Bounded input and graphemes")
struct InputBoundsTests {
    /// Types `text` one code point at a time, as a terminal delivers it.
    func typedByScalar(_ text: String, multiline: Bool = false) -> TextInput {
        var input = TextInput(multiline: multiline)
        for scalar in text.unicodeScalars { input.insert(Character(scalar)) }
        return input
    }

    @Test(
        "the cursor moves by extended grapheme cluster, however the code points arrive",
        arguments: [
            ("Hangul jamo", "\u{1112}\u{1161}\u{11AB}"), ("Hangul syllable", "\u{D55C}"),
            ("ZWJ family", "👨\u{200D}👩\u{200D}👧"), ("skin tone", "👍🏽"), ("flag", "🇸🇪"),
            ("combining marks", "e\u{301}\u{323}"), ("decomposed å", "a\u{30A}"),
        ])
    func graphemeCursor(name: String, cluster: String) {
        var input = typedByScalar("a" + cluster + "b")
        #expect(input.characters.count == 3, "\(name): \(input.characters.count) characters")
        #expect(input.text == "a" + cluster + "b")
        _ = input.handle(.left)
        _ = input.handle(.left)
        #expect(input.cursor == 1)
        _ = input.handle(.right)
        #expect(input.cursor == 2)
        _ = input.handle(.backspace)
        #expect(input.text == "ab", "\(name): backspace removes the whole cluster")
    }

    @Test("Hangul, emoji and flags take two columns; the cursor column after them agrees")
    func graphemeWidths() {
        let clusters = ["\u{1112}\u{1161}\u{11AB}", "\u{D55C}", "👨\u{200D}👩\u{200D}👧", "👍🏽", "🇸🇪", "😀"]
        for cluster in clusters {
            let input = typedByScalar(cluster + "x")
            #expect(DisplayWidth.of(input.characters[0]) == 2, "\(cluster)")
            #expect(input.layout(width: 40).cursorColumn == 3, "\(cluster)")
        }
    }

    @Test("a 1 MB paste into a field with a limit: refused beyond it, in constant work per key")
    func megabytePasteIsRefused() {
        var input = TextInput(multiline: true, limit: 4000)
        let paste = String(repeating: "abcdefghi ", count: 100_000)  // 1 MB
        var refused = 0
        for character in paste where input.handle(.character(character)) == .refused { refused += 1 }
        #expect(input.characters.count == 4001)
        #expect(refused == paste.count - 4001)
    }

    @Test("a 1 MB paste into a plan form: the form says too long, and drawing it stays bounded")
    func megabytePasteInForm() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 2)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.enter, .character("e"))
        #expect(app.top is FormScreen)
        app.press(.tab, .tab, .tab)  // the child's own view: multi-line, at most 4000
        let counter = TextInput.WorkCounter()
        TextInput.$workCounter.withValue(counter) {
            // Drawn once per batch of 1000 keys, as the terminal loop does for a paste.
            let chunk = String(repeating: "abcdefghi ", count: 100)
            for _ in 0..<1000 {
                app.type(chunk)
                _ = app.render()
            }
        }
        let form = try #require(app.top as? FormScreen)
        #expect(form.fields[form.focus].value.count == 4001)
        #expect(app.screenText.contains("för lång (högst 4000 tecken)"))
        // Each frame lays out at most the window around the cursor, not a growing text.
        #expect(counter.count <= 1000 * (2 * TextInput.layoutWindow + 1) / 4)
        #expect(counter.count <= 1000 * 5000)
    }

    @Test("a 10 MB value: a frame lays out a bounded window, twice the text costs no more")
    func hugeValueFrame() {
        func work(_ length: Int) -> Int {
            let counter = TextInput.WorkCounter()
            let input = TextInput(String(repeating: "ord ", count: length / 4), multiline: true)
            TextInput.$workCounter.withValue(counter) { _ = input.layout(width: 50) }
            return counter.count
        }
        let small = work(5_000_000), large = work(10_000_000)
        #expect(large == small)
        #expect(large <= 2 * TextInput.layoutWindow + 1)
        var grid = Grid(width: 80, height: 24)
        grid.put(String(repeating: "x", count: 10_000_000), row: 0, column: 0)
        #expect(grid.line(0).hasSuffix("x…"))
    }

    @Test("typing is linear: each key's layout and work do not grow with the text")
    func linearTyping() {
        func work(_ count: Int) -> Int {
            let counter = TextInput.WorkCounter()
            var input = TextInput(multiline: true)
            TextInput.$workCounter.withValue(counter) {
                for i in 0..<count {
                    input.insert(i % 10 == 9 ? " " : "a")
                    if i % 1000 == 999 { _ = input.layout(width: 50) }
                }
            }
            return counter.count
        }
        let once = work(40_000), twice = work(80_000)
        #expect(twice <= 2 * once + 2 * TextInput.layoutWindow, "\(once) then \(twice)")
    }
}
