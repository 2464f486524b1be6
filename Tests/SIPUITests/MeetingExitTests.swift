import Foundation
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

/// Meeting mode is on a screen the family sees: it is left only by a choice made on purpose,
/// never by what someone goes on typing.
@Suite("Meeting mode cannot be left by typing")
struct MeetingExitTests {
    /// An app on a demo database, with an invited plan open in meeting mode, in its first agenda item
    /// (where letters are notes).
    func meetingApp(_ dir: TempDir) throws -> (App, Store, Int64) {
        let store = try makeStore(dir, demoPlans: 20)
        let id = try #require(try store.planSummaries(PlanFilter(status: .invited)).first?.id)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: id)
        app.press(.character("m"), .tab)
        return (app, store, id)
    }

    func notes(_ app: App) -> String? {
        (app.stack.last { $0 is MeetingScreen } as? MeetingScreen)?.notes.first?.text
    }

    @Test("letters, digits and Space typed after Esc do nothing: the question stays, meeting mode stays")
    func lettersAfterEscape() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        #expect(app.top is MeetingScreen)
        app.type("Vi ")
        app.press(.escape)
        #expect(app.overlay == .confirm(.leaveMeeting))
        app.type("jag vill ångra det, ja 1 2 3 yjJY n")
        #expect(app.top is MeetingScreen, "typing after Esc left meeting mode")
        #expect(app.overlay == .confirm(.leaveMeeting), "typing after Esc answered the question")
        #expect(notes(app) == "Vi ", "letters typed into the question reached the notes")
        // Enter takes the default: stay.
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.top is MeetingScreen)
        app.type("kvar")
        #expect(notes(app) == "Vi kvar")
    }

    @Test("the question's default is to stay; leaving is chosen with an arrow and Enter")
    func leavingIsChosen() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        app.press(.escape)
        #expect(app.screenText.contains("Stanna i mötesläget"))
        #expect(app.dialogChoice == 0)
        app.press(.escape)
        #expect(app.overlay == nil && app.top is MeetingScreen, "Esc at the question stays")
        app.press(.escape, .down, .up, .enter)
        #expect(app.overlay == nil && app.top is MeetingScreen, "back to stay, Enter stays")
        app.press(.escape, .tab)
        #expect(app.dialogChoice == 1)
        app.type("n")
        #expect(app.dialogChoice == 1 && app.top is MeetingScreen, "a letter neither answers nor moves")
        app.press(.enter)
        #expect(app.top is PlanDetailScreen)
    }

    @Test("keys typed in the same burst after the question closes reach no screen (u would undo a save)")
    func burstAfterLeaving() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        // A save to undo: the plan's fields edited from meeting mode.
        app.press(.function(3), .control("a"), .control("k"))
        app.type("Ändrat i mötet")
        app.press(.control("s"))
        if app.top is FormScreen { app.press(.escape) }  // a save may close the form itself
        #expect(app.top is MeetingScreen)
        #expect(try store.plan(id).reason == "Ändrat i mötet")
        app.press(.escape)
        #expect(app.overlay == .confirm(.leaveMeeting))
        app.handle(burst: [.right, .enter] + "ujag vill".map { Key.character($0) })
        #expect(app.top is PlanDetailScreen)
        #expect(try store.plan(id).reason == "Ändrat i mötet", "a key typed after the question undid the save")
        #expect(!app.screenText.contains("Ångrat"))
        // The next burst is the user's again.
        app.handle(burst: [.character("u")])
        #expect(try store.plan(id).reason != "Ändrat i mötet")
    }

    @Test("Ctrl-C and Ctrl-Z in meeting mode ask, with the same kind of question; outside they act at once")
    func interruptAndSuspend() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        app.type("Osparat")
        app.press(.control("z"))
        #expect(app.overlay == .confirm(.suspendInMeeting))
        #expect(app.takeTerminalRequest() == nil)
        app.type("jag fortsätter")
        app.press(.enter)
        #expect(app.overlay == nil && app.takeTerminalRequest() == nil && app.top is MeetingScreen)
        app.press(.control("z"), .down, .enter)
        #expect(app.takeTerminalRequest() == .suspend)
        #expect(app.top is MeetingScreen)

        app.press(.control("c"))
        #expect(app.overlay == .confirm(.quitInMeeting))
        app.type("ja")
        app.press(.escape)
        #expect(!app.isFinished && app.overlay == nil)
        app.press(.control("c"), .right, .enter)
        #expect(app.isFinished && app.takeTerminalRequest() == .interrupt)

        // Outside meeting mode: as before, at once.
        let other = App(store: app.store, catalog: Catalog(.sv))
        other.press(.control("z"))
        #expect(other.overlay == nil && other.takeTerminalRequest() == .suspend)
        other.press(.control("c"))
        #expect(other.isFinished && other.takeTerminalRequest() == .interrupt)
    }

    @Test("a screen covering meeting mode asks too: the plan form (F3) and interventions (F4)")
    func coveringScreens() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        for cover in [Key.function(3), .function(4)] {
            app.press(cover)
            #expect(!(app.top is MeetingScreen))
            let covering = String(describing: type(of: app.top))
            app.press(.control("c"))
            #expect(app.overlay == .confirm(.quitInMeeting), "\(covering)")
            app.type("q jag")
            app.press(.enter)
            #expect(!app.isFinished && String(describing: type(of: app.top)) == covering)
            app.press(.control("z"))
            #expect(app.overlay == .confirm(.suspendInMeeting), "\(covering)")
            app.press(.escape)
            #expect(app.takeTerminalRequest() == nil)
            app.press(.escape)
            if app.overlay != nil { app.press(.character("n")) }  // a form left unsaved
            #expect(app.top is MeetingScreen)
        }
    }

    @Test("help and the hint bar tell the truth: Ctrl-C and Ctrl-Z in help, the question's own keys under it")
    func helpAndHints() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        let help = app.helpEntries.map { "\($0.keys) \($0.text)" }
        #expect(help.contains { $0.hasPrefix("^C ") })
        #expect(help.contains { $0.hasPrefix("^Z ") })
        app.press(.escape)
        let bar = app.screenText.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("Enter"))
        #expect(!bar.contains("Tab Nästa punkt"), "the meeting's keys do not work under the question")
        for language in [Language.sv, .en] {
            let english = App(store: app.store, catalog: Catalog(language))
            #expect(!english.helpEntries.contains { $0.text.isEmpty })
        }
    }

    @Test("a terminal too small for meeting mode offers no quit: q does not end it in front of the family")
    func tooSmallInMeetingMode() throws {
        let dir = TempDir()
        let (app, _, _) = try meetingApp(dir)
        app.resize(width: 30, height: 8)
        #expect(!app.screenText.contains("q Avsluta"))
        app.press(.character("q"))
        #expect(!app.isFinished)
        app.resize(width: 80, height: 24)
        #expect(app.top is MeetingScreen)
    }

    @Test("a yes/no question over meeting mode (unsaved plan edit, F3) is answered by choosing, not by typing")
    func questionOverMeetingMode() throws {
        let dir = TempDir()
        let (app, store, id) = try meetingApp(dir)
        let version = try store.plan(id).version
        app.press(.function(3))
        guard app.top is FormScreen else { Issue.record("no plan form"); return }
        app.type("x")
        app.press(.escape)
        #expect(app.overlay == .confirmLeave)
        // Typed one key at a time (not a burst): still nothing answers, nothing is saved.
        for key in "jyna ".map({ Key.character($0) }) { app.handle(key) }
        #expect(app.overlay == .confirmLeave && app.top is FormScreen)
        #expect(try store.plan(id).version == version, "a letter saved the plan")
        // The default keeps editing; choosing "save" with the arrows saves.
        app.press(.enter)
        #expect(app.overlay == nil && app.top is FormScreen)
        app.press(.escape, .down, .enter)
        #expect(try store.plan(id).version == version + 1)
        #expect(app.stack.contains { $0 is MeetingScreen })
    }
}
