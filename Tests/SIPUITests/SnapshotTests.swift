import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// Compares rendered screens with golden files in Snapshots/. Run with SNAPSHOT_RECORD=1 to
/// rewrite them after an intended change, then read the diff before committing.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    /// The frame as text, the cursor, and its styling in both themes.
    static func describe(_ grid: Grid) -> String {
        let ruler = String(repeating: "-", count: grid.width)
        return ruler + "\n" + grid.text + "\n" + ruler + "\n"
            + "cursor: row \(grid.cursor.row), column \(grid.cursor.column)\n"
            + "[monochrome]\n" + Theme.monochrome.describe(grid) + "\n"
            + "[color]\n" + Theme.color.describe(grid) + "\n"
    }

    static func check(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = describe(grid)
        let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !recording { Issue.record("no snapshot \(name) existed; recorded it", sourceLocation: sourceLocation) }
            return
        }
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}

@Suite("Screens, as a user sees them")
struct SnapshotTests {
    /// A small fixed world: three plans, one child's name stored decomposed (NFD) behind the
    /// model's back, as text from another system might arrive.
    func world() throws -> (TempDir, Store) {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 12)
        try store.write { db in
            try db.execute(
                sql: "UPDATE child SET name = ? WHERE id = 2",
                arguments: ["A\u{30A}sa O\u{308}berg-La\u{308}ngstro\u{308}m"])
        }
        return (dir, store)
    }

    static let sizes = [(80, 24), (60, 20), (44, 12)]

    @Test("plan list", arguments: sizes.indices)
    func list(_ size: Int) throws {
        let (dir, store) = try world()
        _ = dir
        let (w, h) = Self.sizes[size]
        let app = App(store: store, catalog: Catalog(.sv), width: w, height: h)
        app.press(.down)
        Snapshot.check(app.render(), "list-\(w)x\(h)")
    }

    @Test("plan list filtered, with decomposed input")
    func filtered() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("/"))
        app.type("o\u{308}berg")
        Snapshot.check(app.render(), "list-filter-80x24")
    }

    @Test("plan list in English, overdue only")
    func english() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.en))
        app.press(.character("f"))
        Snapshot.check(app.render(), "list-overdue-en-80x24")
    }

    @Test("plan detail", arguments: sizes.indices)
    func detail(_ size: Int) throws {
        let (dir, store) = try world()
        _ = dir
        let (w, h) = Self.sizes[size]
        let app = App(store: store, catalog: Catalog(.sv), width: w, height: h)
        app.press(.down, .enter, .pageDown, .down)
        Snapshot.check(app.render(), "detail-\(w)x\(h)")
    }

    @Test("plan form", arguments: sizes.indices)
    func form(_ size: Int) throws {
        let (dir, store) = try world()
        _ = dir
        let (w, h) = Self.sizes[size]
        let app = App(store: store, catalog: Catalog(.sv), width: w, height: h)
        app.press(.down, .enter, .character("e"), .tab, .tab, .control("a"), .right, .right)
        Snapshot.check(app.render(), "form-\(w)x\(h)")
    }

    @Test("plan form with a validation error and a conflict")
    func formProblems() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.enter, .character("e"))
        app.type(" (uppdaterad)")
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(1)
        theirs.reason = "Kollegan skrev om anledningen."
        try other.updatePlan(theirs)
        app.press(.control("s"))
        Snapshot.check(app.render(), "form-conflict-80x24")

        let second = App(store: store, catalog: Catalog(.sv))
        second.press(.enter, .character("e"), .backTab, .backTab, .control("u"))
        second.type("2026-13-01")
        second.press(.function(2))
        Snapshot.check(second.render(), "form-invalid-80x24")
    }

    @Test("new plan form")
    func newPlan() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("n"))
        app.type("Ylva Öst")
        Snapshot.check(app.render(), "new-plan-80x24")
    }

    @Test("a picker's open search: the typed letters in the field, the matches with principal and group under it")
    func pickerSearch() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("d"))
        app.type("sk")
        Snapshot.check(app.render(), "picker-80x24")
    }

    @Test("the child's correction, a reason being typed")
    func childCorrection() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("K"), .tab, .tab, .tab)
        app.type("Felskrivet namn")
        Snapshot.check(app.render(), "child-correction-80x24")
    }

    @Test("meeting mode: attendance and an agenda item; interventions", arguments: [(80, 24), (50, 14)].indices)
    func meetingMode(_ size: Int) throws {
        let (dir, store) = try world()
        _ = dir
        let (w, h) = [(80, 24), (50, 14)][size]
        let id = try #require(try store.planSummaries(PlanFilter(status: .active)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv), width: w, height: h)
        app.open(plan: id)
        app.press(.character("m"), .down, .character(" "))
        Snapshot.check(app.render(), "meeting-attendance-\(w)x\(h)")
        app.press(.tab, .tab, .tab, .tab)
        app.type("Skolan ordnar en lugn plats på rasterna.")
        Snapshot.check(app.render(), "meeting-agenda-\(w)x\(h)")
        app.press(.function(4))
        Snapshot.check(app.render(), "interventions-\(w)x\(h)")
    }

    @Test("the BUS review and the list behind a figure")
    func review() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"))
        Snapshot.check(app.render(), "review-80x24")
        app.press(.down, .down, .down, .down, .enter)
        Snapshot.check(app.render(), "review-list-80x24")
        app.press(.escape, .character("t"))
        Snapshot.check(app.render(), "trends-80x24")
        app.press(.escape, .escape, .character("a"))
        Snapshot.check(app.render(), "deviations-80x24")
        app.press(.escape, .character("r"), .character("g"), .character("m"))
        Snapshot.check(app.render(), "spider-80x24")
    }

    @Test("help, the unsaved-changes question, too small, first run")
    func overlays() throws {
        let (dir, store) = try world()
        _ = dir
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("?"))
        Snapshot.check(app.render(), "help-list-80x24")
        app.press(.escape, .enter, .character("e"))
        app.type("x")
        app.press(.escape)
        Snapshot.check(app.render(), "confirm-leave-80x24")
        app.resize(width: 30, height: 8)
        Snapshot.check(app.render(), "too-small-30x8")

        let empty = TempDir()
        let first = App(store: try makeStore(empty), catalog: Catalog(.sv))
        Snapshot.check(first.render(), "first-run-80x24")
    }
}
