import Foundation
import SIPModel
@_exported import SIPTestSupport

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

/// The example register (`data/register`), found from this file as other tests find data files.
let exampleRegister = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../data/register").standardizedFileURL.path

/// Fixed moment for every UI test: screens show dates, and "overdue" depends on today.
let fixedNow = Day(year: 2026, month: 11, day: 20)!.date(hour: 10, in: .stockholm)

func makeStore(_ dir: TempDir, demoPlans: Int = 0, user: String = "samordnare") throws -> Store {
    let store = try Store(
        path: dir.path("sip.sqlite"),
        context: SessionContext(user: user, now: { fixedNow }), busyTimeout: 0.05, stateDirectory: dir.path("state"))
    if demoPlans > 0 { _ = try DemoGenerator.run(store: store, plans: demoPlans, seed: 11) }
    return store
}

extension App {
    /// Types text and named keys the way a user would.
    func type(_ text: String) {
        for character in text { handle(.character(character)) }
    }

    func press(_ keys: Key...) {
        for key in keys { handle(key) }
    }

    var screenText: String { render().text }

    /// Selects plan `id` in the list and opens it (from a coordinator's day, the list is l away).
    func open(plan id: Int64) {
        if top is DayScreen { press(.character("l")) }
        guard let index = stack.lastIndex(where: { $0 is PlanListScreen }), var list = stack[index] as? PlanListScreen
        else { return }
        list.select(id)
        stack[index] = list
        press(.enter)
    }
}
