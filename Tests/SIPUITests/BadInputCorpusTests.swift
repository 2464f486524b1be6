import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

/// One hostile or awkward input, and what must come of it.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Saved, as exactly this text (cleaned: NFC, no control characters).
        case stored(String)
        /// Refused with a message containing this, next to the field; nothing saved.
        case refused(String)
    }

    let name: String
    let input: String
    let outcome: Outcome
    var testDescription: String { name }
}

/// The bad-input corpus: every case goes through the model and through a form typed key by key,
/// and whatever is saved is then shown on screen, where it must be harmless.
enum Corpus {
    static let longText = String(repeating: "å", count: 4001)
    /// 4000 characters typed decomposed (8000 code points) are 4000 once normalised: accepted.
    static let limitDecomposed = String(repeating: "a\u{30A}", count: 4000)

    /// Free text (the child's own view: multi-line, at most 4000).
    static let freeText: [CorpusCase] = [
        .init(
            name: "escape sequences (clear screen, set title, bell)",
            input: "Åsa\u{1B}[2J\u{1B}]0;titel\u{07} vill", outcome: .stored("Åsa[2J]0;titel vill")),
        .init(name: "C1 control (8-bit CSI)", input: "röd\u{9B}31mtext", outcome: .stored("röd31mtext")),
        .init(name: "NUL, DEL and backspace", input: "a\u{0}b\u{7F}c\u{8}d", outcome: .stored("abcd")),
        .init(
            name: "Windows line ends and trailing spaces", input: "rad ett  \r\nrad två",
            outcome: .stored("rad ett\nrad två")),
        .init(
            name: "decomposed Swedish letters", input: "A\u{30A}sa o\u{308}ver a\u{308}ngen",
            outcome: .stored("Åsa över ängen")),
        .init(name: "right-to-left override", input: "fil\u{202E}gpj.exe", outcome: .stored("filgpj.exe")),
        .init(name: "right-to-left script", input: "שלום مرحبا Åsa", outcome: .stored("שלום مرحبا Åsa")),
        .init(
            name: "zero-width space and joiner", input: "Å\u{200B}sa\u{200D}", outcome: .stored("Å\u{200B}sa\u{200D}")),
        .init(name: "emoji: skin tone, family, flag", input: "👍🏽 👨‍👩‍👧 🇸🇪 klar", outcome: .stored("👍🏽 👨‍👩‍👧 🇸🇪 klar")),
        .init(name: "wide (CJK) characters", input: "漢字テスト", outcome: .stored("漢字テスト")),
        .init(name: "one character too long", input: longText, outcome: .refused("för lång (högst 4000 tecken)")),
        .init(
            name: "at the limit once normalised", input: limitDecomposed,
            outcome: .stored(String(repeating: "å", count: 4000))),
    ]

    /// The new-plan form: personal numbers, dates and a one-line name.
    static let newPlan: [(field: String, case: CorpusCase)] = [
        (
            "personalNumber",
            .init(name: "personnummer, wrong check digit", input: "20150312-0007", outcome: .refused("kontrollsiffra"))
        ),
        (
            "personalNumber",
            .init(name: "personnummer, 30 February", input: "20150230-0002", outcome: .refused("datum som inte finns"))
        ),
        (
            "personalNumber",
            .init(name: "personnummer, letters", input: "2015O312-0006", outcome: .refused("ÅÅÅÅMMDD-NNNN"))
        ),
        (
            "personalNumber",
            .init(name: "personnummer, in the future", input: "20990101-0000", outcome: .refused("framtiden"))
        ),
        (
            "personalNumber",
            .init(name: "personnummer, full-width digits", input: "２０１５０３１２-０００６", outcome: .refused("ÅÅÅÅMMDD-NNNN"))
        ),
        (
            "requestDate",
            .init(name: "date that does not exist", input: "2026-02-30", outcome: .refused("inget giltigt datum"))
        ),
        ("requestDate", .init(name: "month 13", input: "2026-13-01", outcome: .refused("inget giltigt datum"))),
        ("requestDate", .init(name: "a date in words", input: "i morgon", outcome: .refused("inget giltigt datum"))),
        (
            "childName",
            .init(
                name: "name one character too long", input: String(repeating: "x", count: 121),
                outcome: .refused("för lång (högst 120 tecken)"))
        ),
        (
            "childName",
            .init(
                name: "name with tab, newline and escape", input: "Åsa\t\u{1B}[31mÖberg\nSvensson",
                outcome: .stored("Åsa [31mÖberg Svensson"))
        ),
        (
            "childName",
            .init(name: "name typed decomposed, with emoji", input: "Jo\u{308}rgen 🌟", outcome: .stored("Jörgen 🌟"))
        ),
    ]
}

@Suite("The bad-input corpus, through the model and the forms")
struct BadInputCorpusTests {
    /// Nothing that reaches the terminal may be a control character, and no row may be wider than the screen.
    static func expectHarmless(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = grid.text
        let controls = text.unicodeScalars.filter {
            $0 != "\n" && ($0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value))
        }
        #expect(controls.isEmpty, "\(name): control characters on screen", sourceLocation: sourceLocation)
        for line in text.split(separator: "\n") {
            #expect(
                DisplayWidth.of(String(line)) <= grid.width, "\(name): a row wider than the screen",
                sourceLocation: sourceLocation)
        }
    }

    @Test(
        "free text through the model: stored clean, or refused with a clear message and nothing changed",
        arguments: Corpus.freeText)
    func modelFreeText(_ item: CorpusCase) throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 2)
        var plan = try store.plan(1)
        plan.childView = item.input
        switch item.outcome {
        case .stored(let expected):
            #expect(try store.updatePlan(plan).childView == expected)
            #expect(try store.plan(1).childView == expected)
        case .refused(let fragment):
            do {
                _ = try store.updatePlan(plan)
                Issue.record("saved: \(item.name)")
            } catch let error as SIPError {
                #expect(Catalog(.sv).message(error).contains(fragment))
            }
            #expect(try store.plan(1).version == plan.version)
        }
    }

    @Test("free text typed key by key into the plan form, saved, and shown", arguments: Corpus.freeText)
    func formFreeText(_ item: CorpusCase) throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 2)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("e"))
        guard var form = app.top as? FormScreen else {
            Issue.record("no form")
            return
        }
        form.focus(on: "childView")
        app.replaceTop(form)
        app.press(.control("a"), .control("k"))
        app.type(item.input)
        Self.expectHarmless(app.render(), item.name + " (typing)")
        app.press(.control("s"))
        switch item.outcome {
        case .stored(let expected):
            #expect(try store.plan(1).childView == expected)
            guard app.top is PlanDetailScreen else {
                Issue.record("\(item.name): not saved")
                return
            }
            // Scroll through the whole plan: every frame harmless.
            for _ in 0..<40 {
                Self.expectHarmless(app.render(), item.name + " (shown)")
                app.press(.pageDown)
            }
        case .refused(let fragment):
            guard app.top is FormScreen else {
                Issue.record("\(item.name): the form closed")
                return
            }
            #expect(app.screenText.contains(String(fragment.prefix(20))))
            #expect(try store.plan(1).version == 1)
            Self.expectHarmless(app.render(), item.name + " (refused)")
        }
    }

    @Test(
        "personal numbers, dates and names typed into the new-plan form",
        arguments: zip(Corpus.newPlan.map(\.field), Corpus.newPlan.map(\.case)))
    func newPlanForm(_ field: String, _ item: CorpusCase) throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 1)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("n"))
        guard var form = app.top as? FormScreen else {
            Issue.record("no form")
            return
        }
        // A sound plan apart from the field under test.
        for (key, value) in [("childName", "Test Testsson"), ("birthDate", "2015-03-12"), ("reason", "Oro")]
        where key != field {
            form.focus(on: key)
            app.replaceTop(form)
            app.type(value)
            guard let typed = app.top as? FormScreen else { return }
            form = typed
        }
        form.focus(on: field)
        app.replaceTop(form)
        app.press(.control("a"), .control("k"))
        app.type(item.input)
        let plans = try store.planCount()
        app.press(.control("s"))
        Self.expectHarmless(app.render(), item.name)
        switch item.outcome {
        case .stored(let expected):
            #expect(try store.planCount() == plans + 1)
            let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM child") }
            #expect(names.contains(expected))
            #expect(app.screenText.contains(TerminalText.safe(expected)))
        case .refused(let fragment):
            #expect(try store.planCount() == plans)
            guard let shown = app.top as? FormScreen else {
                Issue.record("\(item.name): the form closed")
                return
            }
            #expect(
                shown.fields.first { $0.key == field }?.error?.contains(fragment) == true,
                "\(item.name): \(shown.fields.map { "\($0.key): \($0.error ?? "-")" })")
        }
    }
}
