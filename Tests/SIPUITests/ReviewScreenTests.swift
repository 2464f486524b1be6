import Foundation
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

@Suite("The BUS review on screen")
struct ReviewScreenTests {
    @Test("no name or personal number on any review screen or list behind a figure, whatever the keys")
    func deidentified() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        var needles: [String] = []
        for row in try store.planSummaries() {
            needles.append(row.childName)
            if let masked = row.personalNumberMasked { needles.append(String(masked.prefix(8))) }
        }
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"))
        guard app.top is ReviewScreen else {
            Issue.record("no review")
            return
        }
        let depth = app.stack.count
        let keys: [Key] = [
            .up, .down, .down, .down, .enter, .escape, .character("g"), .character("p"), .pageDown,
            .character("j"), .character("k"), .function(1), .character("?"),
        ]
        var rng = SeededRandom(seed: 7)
        for step in 0..<1500 {
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            app.handle(key)
            if app.stack.count < depth { app.press(.character("r")) }  // Esc left it: come back in
            let text = app.render().text
            if let leak = needles.first(where: { text.contains($0) }) {
                Issue.record("step \(step) after \(key): \(leak) on the review screen")
                return
            }
        }
    }

    @Test(
        "the title keeps the group's whole name and the dates as the terminal narrows; the period's name and the screen's go first"
    )
    func narrowTitle() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"), .character("g"))
        guard let screen = app.top as? ReviewScreen else {
            Issue.record("no review")
            return
        }
        let group = screen.groupName, dates = "\(screen.dates.from.iso)–\(screen.dates.to.iso)"
        func title(_ width: Int) -> String {
            app.resize(width: width, height: 24)
            return String(app.render().text.split(separator: "\n", omittingEmptySubsequences: false)[0])
        }
        #expect(title(80).contains("BUS-granskning · \(group)") && title(80).contains("senaste 12 månaderna \(dates)"))
        #expect(
            title(60).contains("BUS-granskning · \(group)") && !title(60).contains("senaste")
                && title(60).contains(dates))
        #expect(!title(45).contains("BUS-granskning") && title(45).contains(group) && title(45).contains(dates))
    }

    @Test("a figure opens the plans behind it; group and period switch the figures")
    func drillDown() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 20)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"))
        guard let screen = app.top as? ReviewScreen else { return }
        let first = try #require(screen.rows.first)
        // The screen counts; the plans behind a figure are collected when it is opened.
        let full = try store.review(groupId: nil, from: screen.dates.from, to: screen.dates.to)
        let ids = try #require(ReviewTable.rows(full, catalog: Catalog(.sv)).first).ids
        #expect(first.count == String(ids.count) && !ids.isEmpty)
        app.press(.enter)
        guard let viewer = app.top as? TextViewScreen else {
            Issue.record("no list")
            return
        }
        #expect(viewer.lines.count == ids.count)
        #expect(zip(viewer.lines, ids).allSatisfy { $0.hasPrefix("Plan \($1) · ") })
        app.press(.escape, .character("g"))
        guard let group = app.top as? ReviewScreen else { return }
        #expect(group.review?.group == (try store.busGroups()[0].name))
        app.press(.character("p"))
        guard let year = app.top as? ReviewScreen else { return }
        #expect(year.dates.from == Day(year: 2026, month: 1, day: 1))
    }
}

@Suite("The review's periods")
struct ReviewPeriodScreenTests {
    @Test("p steps through 12 months, year, quarter, month; [ and ] go back and forth; d takes typed dates")
    func periods() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 10)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"))
        func dates() -> String {
            guard let screen = app.top as? ReviewScreen else { return "gone" }
            return "\(screen.dates.from.iso) \(screen.dates.to.iso)"
        }
        let today = store.context.today.iso
        #expect(try #require(app.top as? ReviewScreen).today.iso == "2026-11-20")
        app.press(.character("p"))
        #expect(dates() == "2026-01-01 \(today)")
        app.press(.character("["))
        #expect(dates() == "2025-01-01 2025-12-31")
        app.press(.character("]"), .character("]"))
        #expect(dates() == "2026-01-01 \(today)", "not past the current year")
        app.press(.character("p"))
        #expect(dates() == "2026-10-01 \(today)")
        app.press(.character("["))
        #expect(dates() == "2026-07-01 2026-09-30")
        #expect(app.screenText.contains("kvartal 2026 K3"))
        app.press(.character("p"), .character("["))
        #expect(dates() == "2026-10-01 2026-10-31")
        // Typed dates: a bad one is refused with the reason, the dates stay to be mended.
        app.press(.character("d"))
        app.type("2025-02-30 2025-04-15")
        app.press(.enter)
        #expect(app.screenText.contains("2025-02-30"))
        #expect((app.top as? ReviewScreen)?.isTyping == true)
        app.press(.control("u"))
        app.type("2025-03-01 2025-04-15")
        app.press(.enter)
        #expect(dates() == "2025-03-01 2025-04-15")
        let screen = try #require(app.top as? ReviewScreen)
        #expect(screen.period == .custom && !screen.isTyping)
        // The screen's figures for a past period are the review's for those dates.
        let expected = try store.review(
            groupId: nil, from: Day(iso: "2025-03-01")!, to: Day(iso: "2025-04-15")!, withIds: false
        )
        .suppressed(below: try store.suppressBelow())
        #expect(screen.review == expected)
    }
}

@Suite("The annual report from the review")
struct AnnualReportScreenTests {
    @Test("y writes the annual report of the period's year, owner-only, the same figures as report --annual")
    func fromTheReview() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 20)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"), .character("p"), .character("["), .character("y"))
        #expect(app.top is FormScreen)
        let file = dir.path("rapport")
        app.press(.tab, .tab, .control("u"))
        app.type(file)
        app.press(.function(2))
        #expect(app.top is ReviewScreen)
        let html = try String(contentsOfFile: file + ".html", encoding: .utf8)
        #expect(html.contains("Årsrapport 2025") && html.contains("<svg"))
        let expected = AnnualReportDocument(try store.annualReport(groupId: nil, year: 2025), catalog: Catalog(.sv))
            .html()
        #expect(html == expected)
        let mode = try FileManager.default.attributesOfItem(atPath: file + ".html")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite("All groups side by side on screen")
struct GroupsSideBySideScreenTests {
    @Test("b lists every group and the county's total last; s sorts by the chosen column, again the other way")
    func sorted() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 60)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"), .character("b"))
        let screen = try #require(app.top as? GroupsSideBySideScreen)
        let groups = try store.busGroups()
        #expect(screen.rows.count == groups.count + 1)
        #expect(screen.rows.last?.first == "Alla")
        #expect(screen.rows.dropLast().map { $0[0] } == groups.map(\.name).sorted())
        // Column 2 (started in the period), largest first, then smallest first; the county stays last.
        app.press(.right, .character("s"))
        let descending = try #require(app.top as? GroupsSideBySideScreen).rows
        let keys = descending.dropLast().map { GroupsSideBySideScreen.key($0[2]) }
        #expect(keys == keys.sorted(by: >) && descending.last?.first == "Alla")
        app.press(.character("s"))
        let ascending = try #require(app.top as? GroupsSideBySideScreen).rows
        #expect(ascending.dropLast().map { GroupsSideBySideScreen.key($0[2]) } == keys.sorted())
        #expect(app.screenText.contains("Star↑") && app.screenText.contains("startade under perioden ·"))
        app.press(.escape)
        #expect(app.top is ReviewScreen)
    }
}

@Suite("All groups side by side: paging")
struct GroupsSideBySidePagingTests {
    @Test("PgDn/PgUp turn a page of the rows shown, Home/End and g/G go to either end; the cursor is on the row")
    func paging() throws {
        let dir = TempDir()
        // The demo makes a group for every ten plans or so, as the county's 33 and more.
        let store = try makeStore(dir, demoPlans: 340)
        let app = App(store: store, catalog: Catalog(.sv))
        #expect(app.width == 80 && app.height == 24)
        app.press(.character("r"), .character("b"))
        var screen = try #require(app.top as? GroupsSideBySideScreen)
        let count = screen.rows.count
        #expect(count >= 34, "33 groups or more and the county")
        // 24 rows: the title, the headings, the hint bar; 21 rows of the table.
        func state() throws -> (selected: Int, cursor: Position, text: [Substring]) {
            let grid = app.render()
            screen = try #require(app.top as? GroupsSideBySideScreen)
            return (screen.selected, grid.cursor, grid.text.split(separator: "\n", omittingEmptySubsequences: false))
        }
        var now = try state()
        #expect(now.selected == 0 && now.cursor.row == 2)
        app.press(.pageDown)
        now = try state()
        let page = 21
        #expect(now.selected == page)
        // The cursor is on the selected row, whose group's name is on that line.
        #expect(now.text[now.cursor.row].hasPrefix(screen.rows[page][0].prefix(20)))
        app.press(.end)
        now = try state()
        #expect(now.selected == count - 1 && now.text[now.cursor.row].hasPrefix("Alla"))
        #expect(now.cursor.row == 22, "the last row of the table, above the hint bar")
        app.press(.pageUp)
        #expect(try state().selected == count - 1 - page)
        app.press(.home)
        #expect(try state().selected == 0)
        app.press(.character("G"))
        #expect(try state().selected == count - 1)
        app.press(.character("g"), .character("j"), .down)
        #expect(try state().selected == 2)
        app.press(.character("k"))
        #expect(try state().selected == 1)
        // The cursor stands in the chosen column (the first number column at first, two to the right now).
        app.press(.right, .right)
        now = try state()
        #expect(now.cursor.column == 26 + 6 * 2 && now.text[now.cursor.row].hasPrefix(screen.rows[1][0].prefix(20)))
    }
}

@Suite("What the group did, from the review")
struct AnnualNoteScreenTests {
    @Test(
        "n on the review asks for a group first, then opens the form that says who reads it; a personnummer is refused")
    func fromTheReview() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"), .character("n"))
        #expect(app.screenText.contains("Välj en BUS-grupp först (g)."))
        app.press(.character("g"), .character("n"))
        let form = try #require(app.top as? FormScreen)
        #expect(form.intro.contains("Alla som läser årsrapporten ser texten"))
        #expect(app.screenText.contains("personnummer eller samordningsnummer sparas inte"))
        let review = try #require(app.stack.first { $0 is ReviewScreen } as? ReviewScreen)
        let groupId = try #require(review.groupId), year = review.dates.to.year
        app.type("Vi följde upp 20120601-1234.")
        app.press(.function(2))
        #expect(app.top is FormScreen, "refused: the form stays")
        #expect(app.screenText.contains("liknar ett personnummer"))
        #expect(try store.annualNote(groupId: groupId, year: year) == "")
        app.press(.control("u"))
        app.type("Vi höll fyra möten om väntetider.")
        app.press(.function(2))
        #expect(app.top is ReviewScreen)
        #expect(try store.annualNote(groupId: groupId, year: year) == "Vi höll fyra möten om väntetider.")
        // Opened again, the form starts from what was written.
        app.press(.character("n"))
        #expect(app.screenText.contains("Vi höll fyra möten om väntetider."))
    }
}

@Suite("The deviation register on screen")
struct DeviationRegisterScreenTests {
    @Test("register one on its own, send it, answer it, escalate it, close it; the history shows each step")
    func lifecycle() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"))
        guard let before = app.top as? DeviationsScreen else {
            Issue.record("no register")
            return
        }
        app.press(.character("n"), .tab, .tab, .tab, .tab)
        app.type("9999")  // no such plan
        app.press(.tab)
        app.type("Väntetiden till utredning är över ett år.")
        app.press(.function(2))
        #expect(app.screenText.contains("Plan 9999 finns inte."))
        app.press(.control("u"), .function(2))
        guard let after = app.top as? DeviationsScreen else {
            Issue.record("not back on the register")
            return
        }
        #expect(after.rows.count == before.rows.count + 1)
        let id = after.rows.map(\.id).max()!
        guard let index = after.rows.firstIndex(where: { $0.id == id }) else { return }
        // The selection stayed on the row chosen before: move from there to the new one.
        for _ in 0..<abs(index - after.selected) { app.press(index > after.selected ? .down : .up) }
        app.press(.character("s"))
        #expect(try store.deviation(id).status == .sent)
        // Escalating asks why (issue 18): an empty note is refused, nothing is written.
        app.press(.character("e"), .function(2))
        #expect(try store.deviation(id).escalation == .local)
        app.type("Upprepas i flera planer.")
        app.press(.function(2))
        #expect(try store.deviation(id).escalation == .busGroup)
        app.press(.character("e"))
        app.type("Behöver lösas i BUSSAM.")
        app.press(.function(2))
        #expect(try store.deviation(id).escalation == .bussam)
        app.press(.character("a"))
        app.type("Vi har anställt en psykolog till.")
        app.press(.function(2))
        #expect(try store.deviation(id).status == .answered)
        app.press(.character("c"))
        #expect(app.screenText.contains("Avsluta avvikelsen?"))
        app.press(.character("n"))
        #expect(try store.deviation(id).status == .answered, "no means no")
        app.press(.character("c"), .character("j"))
        #expect(try store.deviation(id).status == .closed)
        app.resize(width: 140, height: 50)
        app.press(.enter)
        let text = app.screenText
        // The history in the reader's language, not the stored codes (issue 18).
        let c = Catalog(.sv)
        for step in [
            "registrerad", "Status: skickad", "Eskalering: \(c.escalation(.busGroup))",
            "Eskalering: \(c.escalation(.bussam))", "besvarad", "Status: avslutad", "Upprepas i flera planer.",
        ] {
            #expect(text.contains(step), "\(step) missing from the history")
        }
        #expect(!text.contains("escalation bus_group") && !text.contains("status sent"))
        app.press(.escape, .character("s"))
        #expect(app.screenText.contains("Ogiltigt värde"), "a closed deviation cannot be sent again")
    }
}

@Suite("The deviation register: filter, search, export, notes, marks")
struct DeviationRegisterTests {
    @Test("status, kind, organisation and overdue filter the list; search finds by organisation; Esc clears it")
    func filters() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"))
        let all = try #require(app.top as? DeviationsScreen).all
        #expect(all.count > 3)
        func shown() -> [DeviationSummary] { (app.top as? DeviationsScreen)?.rows ?? [] }
        app.press(.character("f"))
        #expect(shown() == all.filter { $0.status == .registered })
        app.press(.character("f"), .character("f"), .character("f"), .character("f"))
        #expect(shown() == all, "the status filter comes round to every status")
        app.press(.character("o"))
        #expect(shown() == all.filter(\.overdue) && !shown().isEmpty)
        app.press(.character("o"), .character("t"))
        let kind = try #require(shown().first?.kind)
        #expect(shown() == all.filter { $0.kind == kind })
        app.press(.character("t"))
        while (app.top as? DeviationsScreen)?.filter.kind != nil { app.press(.character("t")) }
        app.press(.character("v"))
        let organisation = try #require(shown().first?.concernedAgency)
        #expect(shown() == all.filter { $0.concernedAgency == organisation })
        while (app.top as? DeviationsScreen)?.filter.concerned != nil { app.press(.character("v")) }
        // Search: letters are text while it is open ("q" does not leave), any case.
        app.press(.character("/"))
        app.type(String(organisation.prefix(6)).uppercased())
        #expect(app.top is DeviationsScreen)
        let match = TextMatch(String(organisation.prefix(6)))
        #expect(shown().contains { $0.concernedAgency == organisation })
        #expect(
            shown().allSatisfy { [$0.concernedAgency, $0.reportingAgency, $0.kindName].contains(where: match.finds) })
        #expect(app.screenText.contains("Sök: \(String(organisation.prefix(6)).uppercased())"))
        app.press(.escape)
        #expect(shown() == all && app.top is DeviationsScreen)
    }

    @Test("x writes the filtered list as CSV, owner-only, a line per deviation and no free text")
    func export() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"), .character("o"))
        let overdue = try #require(app.top as? DeviationsScreen).rows
        let file = dir.path("avvikelser.csv")
        app.press(.character("x"), .control("u"))
        app.type(file)
        app.press(.function(2))
        #expect(app.top is DeviationsScreen)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a byte-order mark for the spreadsheet")
        let csv = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = csv.split(separator: "\r\n")
        #expect(csv.hasPrefix("Avvikelse;"))
        #expect(lines.count == overdue.count + 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(";FÖRSENAD") })
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for deviation in try store.deviationSummaries() {
            #expect(!csv.contains(try store.deviation(deviation.id).description))
        }
    }

    @Test("w writes the selected deviation as a printable A4 form, with its history, owner-only")
    func printable() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 20)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"))
        let row = try #require((app.top as? DeviationsScreen)?.current)
        let file = dir.path("blankett.html")
        app.press(.character("w"), .control("u"))
        app.type(file)
        app.press(.function(2))
        #expect(app.top is DeviationsScreen)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("size: A4") && html.contains("Avvikelse \(row.id)") && html.contains("Historik:"))
        #expect(html.contains(HTMLText.escape(row.concernedAgency)))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("the two escalation levels have marks of their own; closing an unanswered one asks why")
    func marksAndClosing() throws {
        #expect(DeviationsScreen.mark(.local) == "")
        #expect(DeviationsScreen.mark(.busGroup) != DeviationsScreen.mark(.bussam))
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 30)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("a"), .character("f"))
        let row = try #require((app.top as? DeviationsScreen)?.current)
        #expect(row.status == .registered)
        app.press(.character("c"))
        #expect(app.top is FormScreen, "a note, not only a question")
        app.press(.function(2))
        #expect(try store.deviation(row.id).status == .registered)
        app.type("Dubblett")
        app.press(.function(2))
        #expect(try store.deviation(row.id).status == .closed)
        #expect(try store.deviationHistory(row.id).first { $0.what == "status closed" }?.note == "Dubblett")
    }
}

@Suite("Spindelmätning on screen")
struct SpiderScreenTests {
    @Test("from the review: choose a group, record a measurement, see it compared with the last")
    func recordAndCompare() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"), .character("m"))
        #expect(app.screenText.contains("Välj en BUS-grupp först (g)."))
        app.press(.character("g"), .character("m"))
        guard let spider = app.top as? SpiderScreen else {
            Issue.record("no spider")
            return
        }
        let before = spider.measurements.count
        #expect(before == 2, "the demo measures twice")
        app.press(.character("n"), .tab, .right)  // the first dimension one step up from the latest score
        app.press(.function(2))
        guard let after = app.top as? SpiderScreen else {
            Issue.record("not back")
            return
        }
        #expect(after.measurements.count == before + 1)
        let previous = spider.measurements[0].scores["mandat"]!
        #expect(after.measurements[0].scores["mandat"] == previous % 5 + 1)
        #expect(app.screenText.contains("jämfört med \(spider.measurements[0].measuredOn.iso)"))
        app.press(.left)
        #expect(app.screenText.contains("Mätning \(spider.measurements[0].measuredOn.iso)"))
    }
}

@Suite("A deviation from the plan")
struct DeviationFromPlanTests {
    @Test("r on a plan opens the deviation form with the plan filled in; it is registered for that plan")
    func fromPlan() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 6)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 3)
        let before = try store.deviationSummaries(planId: 3).count
        app.press(.character("r"))
        guard let form = app.top as? FormScreen else {
            Issue.record("no form")
            return
        }
        #expect(form.values["planId"] == "3")
        app.press(.tab, .tab, .tab, .tab, .tab)
        app.type("Kallad part kom inte, andra gången.")
        app.press(.function(2))
        #expect(try store.deviationSummaries(planId: 3).count == before + 1)
    }

    @Test("shown again, the review has what another session changed meanwhile")
    func liveAfterAnotherSession() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 20)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("r"))
        let before = try #require((app.top as? ReviewScreen)?.review)
        // Another session (a second store on the same file) registers a deviation today.
        let other = try Store(
            path: dir.path("sip.sqlite"), context: SessionContext(user: "annan", now: { fixedNow }),
            busyTimeout: 1, stateDirectory: dir.path("state-other"))
        let agency = try #require(try other.allAgencies().first)
        try other.addDeviation(
            reportingAgencyId: agency.id!, concernedAgencyId: agency.id!, planId: nil,
            occurredOn: other.context.today, kind: "ovrigt", description: "y")
        // The list behind a figure, and back: the review is read again.
        app.press(.enter, .escape)
        let after = try #require((app.top as? ReviewScreen)?.review)
        let total = { (r: GroupReview) in r.deviationsByKind.values.reduce(0) { $0 + $1.count } }
        #expect(total(after) == total(before) + 1)
    }
}
