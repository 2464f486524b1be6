import Foundation
import GRDB
import SIPModel
import Testing

/// The real binary in a real (tmux) terminal: what a coordinator does, checked in the database.
@Suite("End to end in a terminal", .enabled(if: Tmux.isAvailable, "needs tmux"), .serialized)
struct EndToEndTests {
    func demo(_ dir: TempDir, plans: Int = 12) throws -> String {
        let path = dir.path("e2e.sqlite")
        let result = try Binary.run(["--db", path, "demo", "--plans", String(plans), "--seed", "3"])
        #expect(result.status == 0, "\(result.err)")
        return path
    }

    func command(_ db: String, env: String = "", extra: String = "") -> String {
        "env \(env) '\(Binary.url.path)' --db '\(db)' \(extra)"
    }

    @Test("filter, open a plan, edit a field, save, quit: the change is in the database")
    func meetingRoundTrip() throws {
        let dir = TempDir()
        let db = try demo(dir)
        let store = try Store(path: db, context: .current())
        let target = try store.planSummaries().first { $0.status == .active }!
        let surname = String(target.childName.split(separator: " ").last!)

        let tmux = Tmux(command(db))
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("/")
        tmux.type(surname.lowercased())
        #expect(tmux.waitFor("Filter: \(surname.lowercased())"))
        #expect(tmux.wait { tmux.screen().contains(target.childName) && !tmux.screen().contains("12 planer") })
        tmux.keys("Enter")
        // Move to the target row if the filter matched more than one.
        for _ in 0..<10 where !tmux.screen().split(separator: "\n")[tmux.cursor.row].contains(target.childName) {
            tmux.keys("Down")
        }
        #expect(
            tmux.screen().split(separator: "\n")[tmux.cursor.row].hasPrefix(String(target.id)),
            "the cursor is on the selected row")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan \(target.id): \(target.childName)"))
        tmux.keys("e")
        #expect(tmux.waitFor("Redigera plan \(target.id)"))
        tmux.keys("C-a", "C-k")
        tmux.type("Ändrat under mötet, åäö.")
        #expect(tmux.waitFor("Ändrat under mötet, åäö."))
        tmux.keys("C-s")
        #expect(tmux.waitFor("Sparat."))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)
        #expect(try store.plan(target.id).reason.hasPrefix("Ändrat under mötet, åäö."))
    }

    @Test("a whole SIP from the keyboard: consent, invitation, meeting mode, held meeting, active plan")
    func wholeMeeting() throws {
        let dir = TempDir()
        let db = try demo(dir)
        let store = try Store(path: db, context: .current())
        let draft = try #require(try store.planSummaries(PlanFilter(status: .draft)).first)
        #expect(draft.id == 1)
        let tmux = Tmux(command(db))
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan 1:"))
        // The child is 8: her own consent counts with a maturity assessment (issue 14), recorded first.
        tmux.keys("M")
        #expect(tmux.waitFor("Mognadsbedömning"))
        tmux.type("Förstår vad som delas och med vem.")
        tmux.keys("F2")
        #expect(tmux.waitFor("Mognadsbedömningen är registrerad."))
        // Consent: the child's own (the last choice), with what may be shared.
        tmux.keys("c")
        #expect(tmux.waitFor("Registrera samtycke"))
        tmux.keys("Left", "Tab")
        tmux.type("Skolgång och hälsa")
        tmux.keys("F2")
        #expect(tmux.waitFor("Samtycket är registrerat."))
        // Invitation: a meeting in two weeks, at the family centre.
        tmux.keys("b")
        #expect(tmux.waitFor("Boka möte och kalla"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Familjecentralen")
        tmux.keys("F2")
        #expect(tmux.waitFor("Mötet är inbokat."))
        tmux.keys("v")
        #expect(tmux.waitFor("Kallelse till SIP-möte"))
        #expect(tmux.screen().contains("Familjecentralen"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Plan 1:"))
        // The meeting.
        tmux.keys("m")
        #expect(tmux.waitFor("Mötesläge"))
        tmux.keys("Space", "Tab")
        #expect(tmux.waitFor("1. Inledning"))
        tmux.type("Vi gick igenom samtycket och sekretessen.")
        #expect(tmux.waitFor("sekretessen."))
        tmux.keys("F10")
        #expect(tmux.waitFor("Markera mötet som genomfört?"))
        // In meeting mode a question is answered by choosing: a letter does nothing.
        tmux.keys("j")
        tmux.keys("Down")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Mötet är genomfört och planen aktiv."))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Lämna mötesläget?"))
        tmux.keys("Down", "Enter")
        #expect(tmux.waitFor("[Aktiv]"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)

        let plan = try store.plan(1)
        #expect(plan.status == .active)
        #expect(plan.followUpDate != nil)
        let meeting = try #require(try store.meetings(planId: 1).last)
        #expect(meeting.held && meeting.place == "Familjecentralen")
        #expect(try store.agenda(meetingId: meeting.id!)[0].notes == "Vi gick igenom samtycket och sekretessen.")
        #expect(try store.attendance(meetingId: meeting.id!).values.contains(.present))
    }

    @Test("a new area with no demo: import the example register, add a coordinator, create and invite a plan")
    func ownArea() throws {
        let dir = TempDir()
        let db = dir.path("area.sqlite")
        let me = SessionContext.current().user
        // The README's path: the register (its importer is the first user, the administrator), a
        // colleague, then oneself as a coordinator of a school to open the first plan.
        for arguments in [
            ["register", "import", exampleRegister],
            ["user", "add", "cora", "--name", "Cora Lind", "--role", "coordinator", "--org", "Norrvikskolan"],
            ["user", "set-role", me, "coordinator", "--org", "Norrvikskolan"],
        ] {
            let result = try Binary.run(["--db", db] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.err)")
        }

        let tmux = Tmux(command(db))
        #expect(tmux.waitFor("Inget att göra just nu."))
        // A new plan: the group found by typing among the register's groups.
        tmux.keys("n")
        #expect(tmux.waitFor("Barnets namn"))
        #expect(tmux.waitFor("‹ Lokal BUS Norrvik ›"))
        tmux.type("Alva Ek")
        tmux.keys("Tab", "Tab")
        tmux.type("2010-03-01")
        tmux.keys("Tab", "Right", "Tab")
        tmux.type("söder")
        #expect(tmux.waitFor("  Lokal BUS Söderby"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Hög frånvaro från skolan.")
        tmux.keys("F2")
        #expect(tmux.waitFor("Planen är skapad."))
        #expect(tmux.waitFor("Plan 1: Alva Ek  [Utkast]"))
        #expect(tmux.waitFor("BUS-grupp: Lokal BUS Söderby"))
        // Invite a clinic serving three groups, found by typing; no consent covers it yet: confirmed.
        tmux.keys("d")
        #expect(tmux.waitFor("Bjud in en verksamhet – Plan 1"))
        tmux.type("bup")
        #expect(tmux.waitFor("BUP Storstad Norr  Region Storstad · Lokal BUS Norrvik, Lokal BUS Söderby"))
        tmux.keys("Tab")
        tmux.type("Ingrid Falk")
        tmux.keys("Tab")
        tmux.type("verksamhetschef")
        tmux.keys("F2")
        #expect(tmux.waitFor("BUP Storstad Norr omfattas inte av något samtycke."))
        tmux.keys("j")
        #expect(tmux.waitFor("Sparat."))
        #expect(tmux.waitFor("Ingrid Falk, verksamhetschef, BUP Storstad Norr"))
        // The child (16) consents on her own; the consent names the invited clinic.
        tmux.keys("c")
        #expect(tmux.waitFor("Registrera samtycke – "))
        #expect(tmux.waitFor("‹ barnet självt ›"))
        tmux.keys("Tab")
        tmux.type("Skolgång och hälsa")
        tmux.keys("F2")
        #expect(tmux.waitFor("Samtycket är registrerat."))
        #expect(tmux.waitFor("omfattar: BUP Storstad Norr, Norrvikskolan"))
        // The meeting, and with it the invitation.
        tmux.keys("b")
        #expect(tmux.waitFor("Boka möte och kalla – Plan 1"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Norrvikskolan, rum 3")
        tmux.keys("F2")
        #expect(tmux.waitFor("Mötet är inbokat."))
        #expect(tmux.waitFor("Plan 1: Alva Ek  [Kallad]"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        // The list: the plan's row says it is invited.
        #expect(
            tmux.wait {
                tmux.screen().contains("Nr    Barn")
                    && tmux.screen().split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains("Kallad") }
            })
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)

        let store = try Store(path: db, context: .current())
        #expect(try store.planCount() == 1 && store.plan(1).status == .invited)
        #expect(try store.meetings(planId: 1).first?.place == "Norrvikskolan, rum 3")
        let clinic = try store.agency(matching: "BUP Storstad Norr")
        #expect(try store.participants(planId: 1).contains { $0.agencyId == clinic.id && $0.person == "Ingrid Falk" })
        // Nothing but the register: its three groups and eight organisations, no demo.
        #expect(try store.busGroups().count == 3 && store.registerOrganisations().count == 8)
        #expect(try store.users().map(\.login).sorted() == ["cora", me].sorted())
    }

    @Test("resizing to too small and back; Ctrl-L; monochrome under NO_COLOR and TERM=vt100")
    func resizeAndMonochrome() throws {
        let dir = TempDir()
        let db = try demo(dir)
        let tmux = Tmux(command(db, env: "NO_COLOR=1 TERM=vt100"), width: 80, height: 24)
        #expect(tmux.waitFor("Att göra"))
        tmux.resize(width: 30, height: 8)
        #expect(tmux.waitFor("Terminalen är för liten"))
        tmux.resize(width: 60, height: 20)
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("C-l")
        #expect(tmux.waitFor("? Hjälp"))
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)
    }

    /// The real program on a demo database, plan 1's form open with an unsaved sentence typed in.
    func editingPlanOne(_ dir: TempDir) throws -> (tmux: Tmux, db: String, pid: Int32) {
        let db = try demo(dir)
        let tmux = Tmux(command(db))
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("Plan 1:"))
        tmux.keys("e")
        #expect(tmux.waitFor("Redigera plan 1"))
        tmux.type(" Osparad mening.")
        #expect(tmux.waitFor("Osparad mening."))
        return (tmux, db, try #require(Tmux.pids(commandPrefix: "\(Binary.url.path) --db \(db)").first))
    }

    @Test("closing the terminal mid-edit: the program exits at once and the typed text is kept as a draft")
    func terminalClosed() throws {
        let dir = TempDir()
        let (tmux, db, pid) = try editingPlanOne(dir)
        tmux.killSession()  // the terminal goes away: SIGHUP
        let gone = tmux.wait(seconds: 3) { kill(pid, 0) != 0 }
        #expect(gone, "sip-tui still running after its terminal closed")
        let store = try Store(path: db, context: .current())
        let draft = try store.draft(planId: 1)
        #expect(draft?.fields["reason"]?.hasSuffix(" Osparad mening.") == true)
        #expect(try store.check().isHealthy)
    }

    @Test("a hang-up while output is stalled and a paste is waiting: the program exits and keeps the draft")
    func hangUpWhileStalled() throws {
        let dir = TempDir()
        let (tmux, db, pid) = try editingPlanOne(dir)
        // The terminal stops reading: flow control on the pane's tty, then XOFF. Every write blocks.
        let tty = tmux.query("#{pane_tty}")
        #expect(shell(["stty", "-F", tty, "ixon"]).status == 0)
        tmux.keys("C-s")
        tmux.type(String(repeating: "lång text ", count: 500))  // a paste, whose frame cannot be written
        let started = Date()
        kill(pid, SIGHUP)
        // Waiting on the exit (the timeout is only a safety net): before, it never came.
        let gone = tmux.wait(seconds: 5) { kill(pid, 0) != 0 }
        #expect(gone, "sip-tui still running after SIGHUP with output stalled")
        print("hang-up with output stalled: exit after \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        if !gone { kill(pid, SIGKILL) }
        let store = try Store(path: db, context: .current())
        let draft = try store.draft(planId: 1)
        #expect(draft?.fields["reason"]?.contains(" Osparad mening.") == true)
    }

    @Test("a crash restores the terminal settings")
    func crashRestoresTerminal() throws {
        let dir = TempDir()
        let db = try demo(dir)
        let before = dir.path("before"), after = dir.path("after")
        let tmux = Tmux("sh -c \"stty -g > '\(before)'; \(command(db)); stty -g > '\(after)'; sleep 30\"")
        // A coordinator starts in their day; the plan list is l away.
        #expect(tmux.waitFor("Att göra"))
        tmux.keys("l")
        #expect(tmux.waitFor("Nr    Barn"))
        let pid = try #require(Tmux.pids(commandPrefix: "\(Binary.url.path) --db \(db)").first)
        kill(pid, SIGSEGV)
        #expect(
            tmux.wait {
                FileManager.default.fileExists(atPath: after)
                    && ((try? String(contentsOfFile: after, encoding: .utf8)) ?? "").count > 10
            })
        #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: after, encoding: .utf8))
    }
}
