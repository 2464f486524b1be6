import Foundation
import SIPModel
import Testing

@testable import SIPUI

@Suite("The interface's export is in the trail")
struct ExportTrailTests {
    @Test("exporting a plan from its screen writes one export line with the format and the file")
    func exportLine() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv), width: 80, height: 24)
        app.exportDirectory = dir.path("exports")
        try FileManager.default.createDirectory(atPath: dir.path("exports"), withIntermediateDirectories: true)
        app.open(plan: 1)
        let before = try store.auditTrail().count
        app.press(.character("x"))
        app.press(.control("s"))
        let file = dir.path("exports") + "/sip-plan-1.html"
        #expect(FileManager.default.fileExists(atPath: file))
        let lines = Array(try store.auditTrail().dropFirst(before))
        // The export, then the plan's screen shown again after the form (as after any form): its own view.
        #expect(lines.map(\.action) == ["export", "view"])
        #expect(lines.first?.entity == "plan" && lines.first?.entityId == 1)
        #expect(lines.first?.detail == "plan html -> \(file)")
    }
}
