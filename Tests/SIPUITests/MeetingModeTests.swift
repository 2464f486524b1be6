import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

@Suite("Meeting mode and running the plan")
struct MeetingModeTests {
    /// An app on a demo database, with plan `id` open in meeting mode.
    func meetingApp(
        _ dir: TempDir, status: PlanStatus = .invited, language: Language = .sv
    ) throws -> (App, Store, Int64) {
        let store = try makeStore(dir, demoPlans: 20)
        let id = try #require(try store.planSummaries(PlanFilter(status: status)).first?.id)
        let app = App(store: store, catalog: Catalog(language))
        app.open(plan: id)
        app.press(.character("m"))
        return (app, store, id)
    }

    /// Every other child's name and number, in every form the screen could show them.
    func otherChildren(_ store: Store, except id: Int64) throws -> [String] {
        let rows = try store.planSummaries().filter { $0.id != id }
        let mine = try store.planDocument(id).child
        var needles: [String] = []
        for row in rows where row.childName != mine.name {
            needles.append(row.childName)
            if let masked = row.personalNumberMasked, masked != mine.personalNumber?.masked {
                needles.append(String(masked.prefix(8)))
            }
        }
        return needles
    }

    @Test("no other child's name or number appears in any state reachable by keys from meeting mode")
    func privacyWalk() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        guard app.top is MeetingScreen else {
            Issue.record("not in meeting mode")
            return
        }
        let needles = try otherChildren(store, except: id)
        #expect(needles.count > 10)
        let depth = app.stack.count
        var keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
            .backspace, .delete, .resize, .character(" "), .character("?"), .character("/"),
            .character("q"), .character("n"), .character("j"), .character("y"), .character("a"),
        ]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyzåäö0123456789".map { Key.character($0) }
        keys += "abcdefghklnoprstuvwxz".map { Key.control($0) }
        var rng = SeededRandom(seed: 42)
        var frames = 0
        for step in 0..<3000 {
            var key = keys[Int(rng.next() % UInt64(keys.count))]
            // The one deliberate way out: choosing "leave" at "leave meeting mode?" (or at Ctrl-C's and
            // Ctrl-Z's questions) and Enter. Everything else is fair.
            if app.dialogChoice == 1, key == .enter { key = .escape }
            if step % 500 == 250 { app.resize(width: 30, height: 8) }
            if step % 500 == 260 { app.resize(width: 80, height: 24) }
            app.handle(key)
            #expect(!app.isFinished && app.takeTerminalRequest() == nil, "meeting mode ended or suspended (\(key))")
            if app.isFinished { break }
            #expect(app.stack.count >= depth, "left meeting mode without confirming (step \(step), \(key))")
            let text = app.render().text
            frames += 1
            for needle in needles where text.contains(needle) {
                Issue.record("step \(step) after \(key): another child's \(needle) on screen")
                return
            }
        }
        #expect(frames > 1000)
    }

    @Test("meeting mode under en: the agenda by its English titles, with the English guidance")
    func englishAgenda() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir, language: .en)
        #expect(app.top is MeetingScreen)
        var text = app.render().text
        for title in [
            "1. Introduction", "2. Current situation", "3. Needs and goals", "4. Interventions", "5. Summary",
        ] {
            #expect(text.contains(title), "\(title)")
        }
        #expect(!text.contains("Inledning") && !text.contains("Sammanfattning"))
        app.press(.tab)
        text = app.render().text
        #expect(text.contains("The chair introduces themselves"), "\(text)")
        #expect(!text.contains("Mötesledaren"))
    }

    @Test("a plan with no meeting yet says to book one")
    func noMeetingYet() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let id = try #require(try store.planSummaries(PlanFilter(status: .draft)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: id)
        app.press(.character("m"))
        guard app.top is PlanDetailScreen else {
            Issue.record("left the plan")
            return
        }
        #expect(app.screenText.contains("Planen har inget möte. Boka ett möte först (b)."))
    }

    @Test("leaving meeting mode takes Esc and choosing to leave; q does nothing there")
    func leaving() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        app.press(.character("q"))
        guard app.top is MeetingScreen else {
            Issue.record("q left meeting mode")
            return
        }
        #expect(!app.isFinished)
        app.press(.escape)
        #expect(app.overlay == .confirm(.leaveMeeting))
        app.press(.character("n"))
        guard app.top is MeetingScreen else {
            Issue.record("n left meeting mode")
            return
        }
        app.press(.character("j"))
        #expect(app.overlay == .confirm(.leaveMeeting), "a letter answers nothing")
        guard app.top is MeetingScreen else {
            Issue.record("j left meeting mode")
            return
        }
        app.press(.down, .enter)
        guard app.top is PlanDetailScreen else {
            Issue.record("did not return to the plan")
            return
        }
    }

    @Test("attendance, notes, a deviation in one key, and finishing the meeting")
    func runMeeting() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        guard let meeting = app.top as? MeetingScreen else { return }
        let agencyRow = try #require(meeting.parties.firstIndex { $0.participant.agencyId != nil })
        for _ in 0..<agencyRow { app.press(.down) }
        // present, absent with notice, absent without notice
        app.press(.character(" "), .character(" "), .character(" "))
        let partyId = meeting.parties[agencyRow].participant.id!
        #expect(try store.attendance(meetingId: meeting.meeting!.id!)[partyId] == .absentWithoutNotice)
        app.press(.character("a"))
        #expect(app.screenText.contains("BUS-avvikelse registrerad"))
        let deviations = try store.deviationSummaries(planId: id)
        let noted = min(Day(meeting.meeting!.startsAt, in: .stockholm), store.context.today)
        #expect(deviations.contains { $0.kind == "uteblev" && $0.occurredOn == noted })
        app.press(.tab)
        app.type("Alla presenterade sig.")
        app.press(.tab)  // moving on saves the notes
        #expect(try store.agenda(meetingId: meeting.meeting!.id!)[0].notes == "Alla presenterade sig.")
        app.press(.function(10), .down, .enter)  // in meeting mode a question is answered by choosing
        #expect(try store.plan(id).status == .active)
        #expect(try store.meetings(planId: id).first { $0.id == meeting.meeting!.id }?.held == true)
    }

    @Test("each party's answer to the invitation is recorded: accepted, declined, no answer")
    func answers() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        guard let meeting = app.top as? MeetingScreen else { return }
        let party = meeting.parties[0].participant
        let all = InvitationAnswer.allCases
        let expected = all[(all.firstIndex(of: party.answer)! + 1) % all.count]
        app.press(.character("r"))
        #expect(try store.participants(planId: id)[0].answer == expected)
        #expect(app.screenText.contains(Catalog(.sv).answer(expected)))
    }

    @Test("a deviation is offered only for an absence without notice or a refusal")
    func deviationOnlyForAbsence() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        let before = try store.deviationSummaries(planId: id).count
        app.press(.character("a"))
        #expect(app.screenText.contains("Avvikelse gäller den som uteblev"))
        #expect(try store.deviationSummaries(planId: id).count == before)
    }

    @Test("interventions: add, mark done, not delivered needs a comment; overdue is flagged")
    func interventions() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 10)
        let id = try #require(try store.planSummaries(PlanFilter(status: .active)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: id)
        app.press(.character("i"))
        let count = try store.interventions(planId: id).count
        app.press(.character("n"))
        app.type("Läxhjälp i skolan")
        app.press(.tab, .tab, .tab, .tab, .tab, .control("u"))
        app.type("2026-01-01")
        app.press(.tab)
        app.type("2026-01-15")  // due date already past
        app.press(.function(2))
        #expect(try store.interventions(planId: id).count == count + 1)
        guard let screen = app.top as? InterventionsScreen else {
            Issue.record("not back on the list")
            return
        }
        let added = try #require(screen.rows.firstIndex { $0.what == "Läxhjälp i skolan" })
        #expect(app.screenText.contains("!"))
        for _ in 0..<added { app.press(.down) }
        app.press(.character("x"))
        app.press(.function(2))
        #expect(app.screenText.contains("Kommentar måste fyllas i."))
        app.type("Ingen personal under våren.")
        app.press(.function(2))
        #expect(try store.interventions(planId: id).first { $0.what == "Läxhjälp i skolan" }?.status == .notDelivered)
        app.press(.character("d"))
        #expect(try store.interventions(planId: id).first { $0.what == "Läxhjälp i skolan" }?.status == .done)
        // Undo from the plan takes back the last change: done -> not delivered.
        app.press(.escape, .character("u"))
        #expect(try store.interventions(planId: id).first { $0.what == "Läxhjälp i skolan" }?.status == .notDelivered)
        #expect(app.screenText.contains("Ångrat."))
    }

    @Test("undo takes back the last edit of the plan's fields")
    func undoEdit() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.enter, .character("u"))
        #expect(app.screenText.contains("Inget att ångra."))
        let before = try store.plan(1).reason
        app.press(.character("e"), .control("a"), .control("k"))
        app.type("Ny anledning")
        app.press(.control("s"))
        #expect(try store.plan(1).reason.hasPrefix("Ny anledning"))
        app.press(.character("u"))
        #expect(try store.plan(1).reason == before)
    }

    @Test("a request is refused only with a documented reason")
    func refuse() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 5)
        let id = try #require(try store.planSummaries(PlanFilter(status: .draft)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: id)
        app.press(.character("a"), .function(2))
        #expect(app.screenText.contains("Ange skäl för att avsluta planen."))
        #expect(try store.plan(id).status == .draft)
        // The error put the focus on the reason: type it there.
        app.type("Behovet tillgodoses inom elevhälsan.")
        app.press(.function(2))
        let plan = try store.plan(id)
        #expect(plan.status == .closed && plan.closedKind == .refused)
    }

    @Test("withdrawn consent shows prominently in meeting mode and blocks the invitation")
    func withdrawn() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        app.press(.escape, .down, .enter, .character("w"), .function(2))
        #expect(try store.planDocument(id).consents.contains { $0.withdrawnOn != nil })
        app.press(.character("v"))
        #expect(app.screenText.contains("Planen kan inte bli aktiv utan giltigt samtycke"))
        app.press(.character("m"))
        let document = try store.planDocument(id)
        if !document.consentValid {
            #expect(app.screenText.contains("SAMTYCKE ÅTERKALLAT"))
        }
    }
}

@Suite("A new plan made ready for its meeting from the keyboard")
struct NewPlanFlowTests {
    @Test("create, add a guardian, invite an organisation, consent, schedule: the invitation lists them")
    func readyForMeeting() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv))
        app.press(.character("n"))
        app.type("Nova Ek")
        app.press(.tab, .tab)
        app.type("2016-04-01")
        app.press(.control("s"))
        guard let detail = app.top as? PlanDetailScreen else {
            Issue.record("no plan")
            return
        }
        let id = detail.planId
        app.press(.character("f"), .tab)
        app.type("Saga Ek")
        app.press(.tab)
        app.type("mamma")
        app.press(.function(2))
        app.press(.character("d"), .tab)
        app.type("Stina Ström")
        app.press(.tab)
        app.type("Kurator")
        app.press(.function(2))
        app.press(.character("c"), .tab)
        app.type("Skolgång och hälsa")
        app.press(.function(2))
        #expect(try store.consentIsValid(planId: id))
        app.press(.character("b"), .tab, .tab, .tab)
        app.type("Familjecentralen")
        app.press(.function(2))
        #expect(try store.plan(id).status == .invited)
        app.press(.character("v"))
        let text = app.screenText
        #expect(text.contains("Saga Ek, Vårdnadshavare (inbjudan)"))
        #expect(text.contains("Stina Ström, Kurator"))
        #expect(text.contains("Familjecentralen"))
    }
}

@Suite("Nothing typed is lost, nothing saved is reverted")
struct UISafetyTests {
    @Test("a conflict keeps the other session's changes in fields this user did not touch")
    func mergeUntouched() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("e"), .tab)  // questions
        app.type(" Och hemma?")
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(1)
        theirs.reason = "Kollegans anledning"
        try other.updatePlan(theirs)
        app.press(.control("s"))
        // Only their field differed and mine was untouched: it is taken, and the save can go ahead.
        app.press(.control("s"))
        let saved = try store.plan(1)
        #expect(saved.reason == "Kollegans anledning")
        #expect(saved.questions.hasSuffix(" Och hemma?"))
    }

    @Test("a draft typed against an older version opens as a conflict, never reverting the newer save")
    func staleDraft() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("e"), .tab)
        app.type(" (utkast)")
        app.preserveUnsavedWork()
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(1)
        theirs.familyOwnActions = "Kollegans mål"
        try other.updatePlan(theirs)

        let next = App(store: store, catalog: Catalog(.sv))
        next.open(plan: 1)
        next.press(.character("e"))
        guard let form = next.top as? FormScreen else {
            Issue.record("no form")
            return
        }
        #expect(form.values["questions"]!.hasSuffix(" (utkast)"), "the typed text is back")
        #expect(form.values["familyOwnActions"] == "Kollegans mål", "the untouched field shows the newer save")
        next.press(.control("s"))
        #expect(try store.plan(1).familyOwnActions == "Kollegans mål")
        #expect(try store.plan(1).questions.hasSuffix(" (utkast)"))
    }

    @Test(
        "a draft restored into a conflict and interrupted again keeps its conflict; own edits are not marked as theirs")
    func draftTwice() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 3)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("e"))
        app.type(" (min)")  // reason
        app.preserveUnsavedWork()
        let other = try Store(path: store.path, context: SessionContext(user: "kollega", now: { fixedNow }))
        var theirs = try other.plan(1)
        theirs.reason = "Kollegans anledning"
        theirs.questions = "Kollegans fråga"
        try other.updatePlan(theirs)
        // Reopened: a conflict on reason only; questions simply shows their value.
        let second = App(store: store, catalog: Catalog(.sv))
        second.open(plan: 1)
        second.press(.character("e"))
        guard let form = second.top as? FormScreen else { return }
        #expect(form.fields.first { $0.key == "reason" }?.theirs == "Kollegans anledning")
        #expect(form.fields.first { $0.key == "questions" }?.theirs == nil)
        #expect(form.values["questions"] == "Kollegans fråga")
        second.preserveUnsavedWork()  // the terminal drops again
        let third = App(store: store, catalog: Catalog(.sv))
        third.open(plan: 1)
        third.press(.character("e"))
        guard let again = third.top as? FormScreen else { return }
        #expect(again.conflict != nil, "still a conflict: the draft was typed against the old version")
        #expect(again.fields.first { $0.key == "reason" }?.theirs == "Kollegans anledning")
    }

    @Test("meeting notes typed when the terminal goes away are kept")
    func notesOnDisconnect() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 8)
        let id = try #require(try store.planSummaries(PlanFilter(status: .invited)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: id)
        app.press(.character("m"), .tab)
        app.type("Viktigt som inte får försvinna.")
        app.preserveUnsavedWork()
        let meeting = try #require(try store.meetings(planId: id).first { !$0.held })
        #expect(try store.agenda(meetingId: meeting.id!)[0].notes == "Viktigt som inte får försvinna.")
    }

    @Test("a full line in the middle of multi-line text keeps the cursor on screen")
    func cursorInsideBox() {
        var input = TextInput("12345678\nabc", multiline: true)
        _ = input.handle(.control("a"))  // start of "abc"
        _ = input.handle(.left)  // end of the full first line, before the line break
        #expect(input.cursor == 8)
        let layout = input.layout(width: 8)
        #expect(layout.cursorLine == 0 && layout.cursorColumn == 7)
        // A wide character after a space break still fits its line.
        let wide = TextInput(" abc中", multiline: true)
        let lines = wide.layout(width: 4).lines
        #expect(lines.allSatisfy { r in wide.characters[r].reduce(0) { $0 + DisplayWidth.of($1) } <= 4 })
    }
}

@Suite("Choices keep what is saved")
struct ChoiceTests {
    @Test("a lead agency from another group survives an edit of the plan")
    func leadFromOtherGroup() throws {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 10)
        let plan = try store.plan(1)
        let foreign = try #require(
            try store.read { db in
                try Agency.filter(Column("busGroupId") != plan.busGroupId).fetchOne(db)
            })
        var edited = plan
        edited.leadAgencyId = foreign.id
        try store.updatePlan(edited)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: 1)
        app.press(.character("e"))
        app.type(".")
        app.press(.control("s"))
        #expect(try store.plan(1).leadAgencyId == foreign.id)
    }
}
