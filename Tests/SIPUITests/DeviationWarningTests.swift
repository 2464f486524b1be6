import Foundation
import Testing
import SIPModel
@testable import SIPUI
@testable import SIPWidgets

@Suite("The writer of a deviation is told what chairs will not see")
struct DeviationWarningTests {
    @Test("a personnummer in a deviation's text is warned of once; saving again saves it as written")
    func identityWarning() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"), .character("n"))
        guard app.top is FormScreen else { Issue.record("no deviation form"); return }
        let before = try store.deviationSummaries().count
        for _ in 0..<5 { app.press(.tab) }
        app.type("Gäller flickan 20150312-0008, se journal.")
        app.press(.control("s"))
        #expect(app.top is FormScreen, "a warning, not a save")
        #expect(app.screenText.contains("BUS-ordförande ser det"))
        #expect(try store.deviationSummaries().count == before)
        app.press(.control("s"))
        #expect(app.top is DeviationsScreen, "saved the second time, as written")
        #expect(try store.deviationSummaries().count == before + 1)
    }

    @Test("a text without identities is saved at once")
    func noWarning() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"), .character("n"))
        for _ in 0..<5 { app.press(.tab) }
        app.type("Kallelsen kom fram för sent.")
        app.press(.control("s"))
        #expect(app.top is DeviationsScreen)
    }
}
