import Foundation
import SIPModel
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Meeting mode's exits in the real program, in a real (tmux) terminal: typing after Esc, Ctrl-C and
/// Ctrl-Z. The screen is shared with the family: neither the next screen nor the shell may show.
@Suite("Meeting mode's exits in a terminal", .enabled(if: Tmux.isAvailable, "needs tmux"), .serialized)
struct MeetingExitEndToEndTests {
    struct Session {
        let tmux: Tmux
        let db: String
        let plan: PlanSummary
        let pid: Int32
    }

    /// The prompt of the shell the program runs in: on screen only when the shell is.
    static let prompt = "skal$"

    /// The program started from an interactive shell with job control, as a user starts it: Ctrl-Z
    /// gives the screen back to that shell, and `fg` brings the program back.
    func start(_ db: String) throws -> (Tmux, Int32) {
        let tmux = Tmux("env PS1='\(Self.prompt) ' HISTFILE=/dev/null bash --norc --noprofile -i")
        #expect(tmux.waitFor(Self.prompt))
        tmux.type("'\(Binary.url.path)' --db '\(db)'")
        tmux.keys("Enter")
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        let pid = try #require(Tmux.pids(commandPrefix: "\(Binary.url.path) --db \(db)").first)
        return (tmux, pid)
    }

    /// The program's exit status, as the shell reports it once the program is gone (after `fg`, the
    /// status of `fg` is the program's).
    func exitStatus(_ tmux: Tmux, _ pid: Int32) -> Int? {
        guard tmux.wait(until: { kill(pid, 0) != 0 }) else { return nil }
        tmux.type("echo \"status=$?\"")
        tmux.keys("Enter")
        var status: Int?
        tmux.wait {
            let screen = tmux.screen()
            guard let range = screen.range(of: #"status=[0-9]+"#, options: .regularExpression) else { return false }
            status = Int(screen[range].dropFirst("status=".count))
            return true
        }
        return status
    }

    /// The real program on a demo database, with an invited plan open in meeting mode.
    func meetingMode(_ dir: TempDir) throws -> Session {
        let db = dir.path("e2e.sqlite")
        let result = try Binary.run(["--db", db, "demo", "--plans", "12", "--seed", "3"])
        #expect(result.status == 0, "\(result.err)")
        let store = try Store(path: db, context: .current())
        let all = try store.planSummaries()
        // A name that matches one plan only, so that the filter leaves exactly that row.
        let plan = try #require(
            all.first { p in
                p.status == .invited
                    && all.filter { $0.childName.lowercased().contains(p.childName.lowercased()) }.count == 1
            })
        let (tmux, pid) = try start(db)
        tmux.keys("/")
        tmux.type(plan.childName.lowercased())
        #expect(tmux.waitFor("Filter: \(plan.childName.lowercased())"))
        #expect(tmux.wait { tmux.screen().contains(plan.childName) && !tmux.screen().contains("12 planer") })
        tmux.keys("Enter")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan \(plan.id): \(plan.childName)"))
        tmux.keys("m")
        #expect(tmux.waitFor("Mötesläge"))
        return Session(tmux: tmux, db: db, plan: plan, pid: pid)
    }

    /// The process's state letter from /proc: "T" when stopped.
    func state(_ pid: Int32) -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return "" }
        return String(stat[stat.index(close, offsetBy: 2)])
    }

    @Test("letters typed after Esc in meeting mode neither leave nor reach the next screen")
    func lettersAfterEscape() throws {
        let dir = TempDir()
        let s = try meetingMode(dir)
        let tmux = s.tmux
        tmux.keys("Tab")
        #expect(tmux.waitFor("1. Inledning"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Lämna mötesläget?"))
        tmux.type("jag vill ångra 123 ")
        // The question is still there and still answers nothing: Enter takes its default, stay.
        tmux.keys("Enter")
        #expect(tmux.wait { !tmux.screen().contains("Lämna mötesläget?") })
        #expect(tmux.screen().contains("Mötesläge"), "typing after Esc left meeting mode")
        #expect(!tmux.screen().contains("jag vill"), "letters typed into the question reached a screen")
        // Leaving on purpose, with the rest of the burst typed on: the keys after Enter reach no screen.
        tmux.keys("Escape")
        #expect(tmux.waitFor("Lämna mötesläget?"))
        tmux.keys("Down", "Enter", "u", "j", "a", "g")  // one write: one burst
        #expect(tmux.waitFor("Plan \(s.plan.id): \(s.plan.childName)"))
        #expect(!tmux.screen().contains("Ångrat") && !tmux.screen().contains("Inget att ångra"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("q")
        #expect(exitStatus(tmux, s.pid) == 0)
    }

    @Test("Ctrl-Z in meeting mode asks; the program stays and no shell shows; choosing to suspend suspends")
    func suspendInMeetingMode() throws {
        let dir = TempDir()
        let s = try meetingMode(dir)
        let tmux = s.tmux
        tmux.keys("C-z")
        #expect(tmux.waitFor("Pausa programmet?"), "Ctrl-Z did not ask")
        #expect(state(s.pid) != "T", "Ctrl-Z suspended meeting mode without asking")
        #expect(tmux.screen().contains("Mötesläge") && !tmux.screen().contains(Self.prompt), "the shell shows")
        tmux.type("jag ")
        tmux.keys("Enter")
        #expect(tmux.wait { !tmux.screen().contains("Pausa programmet?") })
        #expect(tmux.screen().contains("Mötesläge") && state(s.pid) != "T")
        // Suspending on purpose works, and fg (SIGCONT) brings meeting mode back.
        tmux.keys("C-z")
        #expect(tmux.waitFor("Pausa programmet?"))
        tmux.keys("Down", "Enter")
        #expect(tmux.wait { state(s.pid) == "T" }, "choosing to suspend did not suspend")
        #expect(tmux.waitFor("Stopped"))
        tmux.type("fg")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Mötesläge"))
        #expect(state(s.pid) != "T")
        tmux.keys("C-c")
        #expect(tmux.waitFor("Avsluta programmet?"))
        tmux.keys("Down", "Enter")
        #expect(exitStatus(tmux, s.pid) == 130)
    }

    @Test("Ctrl-C in meeting mode asks; the program stays; choosing to quit quits and keeps the notes")
    func interruptInMeetingMode() throws {
        let dir = TempDir()
        let s = try meetingMode(dir)
        let tmux = s.tmux
        tmux.keys("Tab")
        #expect(tmux.waitFor("1. Inledning"))
        tmux.type("Osparad anteckning")
        #expect(tmux.waitFor("Osparad anteckning"))
        tmux.keys("C-c")
        #expect(tmux.waitFor("Avsluta programmet?"), "Ctrl-C did not ask")
        tmux.type("nej")
        tmux.keys("Escape")
        #expect(tmux.wait { !tmux.screen().contains("Avsluta programmet?") })
        #expect(tmux.screen().contains("Mötesläge") && !tmux.screen().contains("status="))
        tmux.keys("C-c")
        #expect(tmux.waitFor("Avsluta programmet?"))
        tmux.keys("Right", "Enter")
        #expect(exitStatus(tmux, s.pid) == 130)
        let store = try Store(path: s.db, context: .current())
        let meeting = try #require(try store.meetings(planId: s.plan.id).first { !$0.held })
        #expect(try store.agenda(meetingId: meeting.id!)[0].notes.hasSuffix("Osparad anteckning"))
    }

    @Test("the plan form on top of meeting mode (F3): Ctrl-C and Ctrl-Z ask there too")
    func planFormOverMeetingMode() throws {
        let dir = TempDir()
        let s = try meetingMode(dir)
        let tmux = s.tmux
        tmux.keys("F3")
        #expect(tmux.waitFor("Redigera plan \(s.plan.id)"))
        tmux.type(" Osparat i formuläret.")
        #expect(tmux.waitFor("Osparat i formuläret."))
        tmux.keys("C-z")
        #expect(tmux.waitFor("Pausa programmet?"), "Ctrl-Z over meeting mode did not ask")
        #expect(state(s.pid) != "T" && !tmux.screen().contains(Self.prompt))
        tmux.keys("Escape")
        #expect(tmux.wait { !tmux.screen().contains("Pausa programmet?") })
        #expect(tmux.screen().contains("Redigera plan \(s.plan.id)"))
        tmux.keys("C-c")
        #expect(tmux.waitFor("Avsluta programmet?"), "Ctrl-C over meeting mode did not ask")
        tmux.type("jag")
        tmux.keys("Enter")
        #expect(tmux.wait { !tmux.screen().contains("Avsluta programmet?") })
        #expect(tmux.screen().contains("Redigera plan \(s.plan.id)") && !tmux.screen().contains("status="))
        tmux.keys("C-c")
        #expect(tmux.waitFor("Avsluta programmet?"))
        tmux.keys("Tab", "Enter")
        #expect(exitStatus(tmux, s.pid) == 130)
        let store = try Store(path: s.db, context: .current())
        #expect(try store.draft(planId: s.plan.id)?.fields["reason"]?.hasSuffix(" Osparat i formuläret.") == true)
    }

    @Test("outside meeting mode Ctrl-Z suspends and Ctrl-C quits at once, as before")
    func outsideMeetingMode() throws {
        let dir = TempDir()
        let db = dir.path("e2e.sqlite")
        _ = try Binary.run(["--db", db, "demo", "--plans", "3", "--seed", "3"])
        let (tmux, pid) = try start(db)
        tmux.keys("C-z")
        #expect(tmux.wait { state(pid) == "T" })
        #expect(tmux.waitFor("Stopped"))
        tmux.type("fg")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Nr    Barn"))
        #expect(state(pid) != "T")
        tmux.keys("C-c")
        #expect(exitStatus(tmux, pid) == 130)
    }
}
