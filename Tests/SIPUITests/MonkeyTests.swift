import Foundation
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

@Suite("A monkey at the keyboard")
struct MonkeyTests {
    @Test("thousands of random keys, resizes and too-small screens: no crash, cursor on screen, database intact")
    func monkey() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 15)
        // Random keys reach the export form: whatever it writes goes to the test's own folder.
        func fresh() -> App {
            let app = App(store: store, catalog: Catalog(.sv), width: 80, height: 24)
            app.exportDirectory = dir.path("")
            return app
        }
        var app = fresh()
        var keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
            .backspace, .delete, .resize,
        ]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyzåäöABCGNQ0123456789 ?/!-:.".map { Key.character($0) }
        keys += "abdefghklnoprstuvwx".map { Key.control($0) }
        keys += [.character("\u{1B}"), .character("A\u{30A}"), .character("漢"), .character("👍")]
        var rng = SeededRandom(seed: ProcessInfo.processInfo.environment["SIP_TUI_STRESS"] == "1" ? 2024 : 5)
        let count = ProcessInfo.processInfo.environment["SIP_TUI_STRESS"] == "1" ? 60_000 : 8_000
        var restarts = 0
        for step in 0..<count {
            if step % 700 == 350 { app.resize(width: Int(rng.next() % 50), height: Int(rng.next() % 14)) }
            if step % 700 == 360 { app.resize(width: 40 + Int(rng.next() % 100), height: 10 + Int(rng.next() % 40)) }
            app.handle(keys[Int(rng.next() % UInt64(keys.count))])
            if app.isFinished {
                restarts += 1
                app = fresh()
                continue
            }
            let grid = app.render()
            if grid.width > 0 && grid.height > 0 {
                #expect(
                    grid.cursor.row >= 0 && grid.cursor.row < grid.height && grid.cursor.column >= 0
                        && grid.cursor.column < grid.width, "step \(step): cursor off screen")
            }
        }
        #expect(try store.check().isHealthy)
        #expect(try store.planCount() >= 15)
    }
}
