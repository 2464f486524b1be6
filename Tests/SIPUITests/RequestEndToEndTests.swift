import Foundation
import GRDB
import SIPModel
import Testing

/// A request for a SIP through the real program in a real (tmux) terminal. One OS user plays both
/// sides: first a coordinator at the school, then (moved by the file's owner, as an administrator
/// would) at social services, who books the meeting and sends the kallelse through msmtp to a
/// real SMTP server.
@Suite(
    "End to end: a request for a SIP from a school to social services", .enabled(if: Tmux.isAvailable, "needs tmux"),
    .serialized)
struct RequestEndToEndTests {
    func command(_ db: String, sendmail: String = "") -> String {
        let environment = sendmail.isEmpty ? "" : "SIP_TUI_SENDMAIL='\(sendmail)' "
        return "env \(environment)'\(Binary.url.path)' --db '\(db)'"
    }

    /// The child's name and number as the school gave them: neither may be in any mail.
    static let forbidden = ["Alva", "20150312", "150312", "0312-0006"]

    func run(_ db: String, _ arguments: [String]) throws {
        let result = try Binary.run(["--db", db] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.err)")
    }

    @Test(
        "a school registers a request; social services' coordinator sees it on the day, accepts it, books a meeting, sends the kallelse"
    )
    func schoolToSocialServices() throws {
        guard SMTPServer.isAvailable else {
            Issue.record("msmtp and python3-aiosmtpd are needed (.ci/run installs them)")
            return
        }
        let server = try SMTPServer()
        #expect(server.waitUntilListening())
        let dir = TempDir()
        let db = dir.path("request.sqlite")
        let me = SessionContext.current().user
        let social = "Socialtjänsten Norrvik, barn och unga"
        try run(db, ["register", "import", exampleRegister])
        try run(db, ["user", "set-role", me, "coordinator", "--org", "Norrvikskolan"])

        // The school: a new request from the day screen.
        let school = Tmux(command(db))
        #expect(school.waitFor("Inget att göra just nu."))
        school.keys("b")
        #expect(school.waitFor("Ny begäran om SIP"))
        school.type("Socialtjänsten Norrvik")
        // Tab takes the match and goes on to who asks (the user's own name, kept).
        school.keys("Tab")
        #expect(school.waitFor("‹ \(social) ›"))
        school.keys("Tab")
        school.type("Rektor")
        school.keys("Tab")
        school.type("Alva Ek")
        school.keys("Tab")
        school.type("20150312-0006")
        school.keys("Tab")
        school.type("Hög frånvaro sedan hösten.")
        school.keys("Tab")
        school.type("Mamma samtycker muntligt.")
        school.keys("F2")
        #expect(school.waitFor("Begäran registrerad."))
        school.keys("m")
        #expect(school.waitFor("Mina begäran om SIP"))
        #expect(school.waitFor("Alva Ek"))
        school.keys("Escape")
        #expect(school.waitFor("Att göra"))
        school.keys("q")
        #expect(school.waitForExit() == 0)

        // Social services: the request on the day screen, accepted into a plan, a meeting booked, the
        // kallelse sent through msmtp to the server.
        try run(db, ["user", "set-role", me, "coordinator", "--org", social])
        let tmux = Tmux(command(db, sendmail: server.sendmailCommand))
        #expect(tmux.waitFor("Nya begäran om SIP (1)"))
        #expect(tmux.waitFor("från Norrvikskolan"))
        #expect(tmux.screen().contains("Alva Ek"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("Begäran om SIP: inkorg"))
        tmux.keys("a")
        #expect(tmux.waitFor("Acceptera begäran: ny plan"))
        #expect(tmux.waitFor("Hög frånvaro sedan hösten."))
        tmux.keys("F2")
        #expect(tmux.waitFor("Plan 1: Alva Ek"))
        // The mother's consent recorded, the school's rector and a BUP doctor invited; the register
        // imported gives both a contact e-mail.
        try invite(db, [("Norrvikskolan", "Eva Holm", "rektor"), ("BUP Storstad Norr", "Oskar Dahl", "överläkare")])
        tmux.keys("b")
        #expect(tmux.waitFor("Boka möte och kalla – Plan 1"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Socialkontoret, rum 2")
        tmux.keys("F2")
        #expect(tmux.waitFor("Mötet är inbokat."))
        #expect(tmux.waitFor("Plan 1: Alva Ek"))
        tmux.keys("s")
        #expect(tmux.waitFor("Skicka kallelsen med e-post till:"))
        #expect(tmux.screen().contains("eva.holm@example.org"))
        tmux.keys("j")
        // The confirmation: two of two accepted by the sendmail command (a loaded machine may be slow).
        #expect(tmux.waitFor("2/2. Skickat till", seconds: 120), "\(tmux.screen())")
        var mails: [SMTPServer.Received] = []
        // Each file appears whole; waiting for both covers a server slower than msmtp's answer.
        #expect(
            tmux.wait(seconds: 60) {
                mails = (try? server.received(forbidden: Self.forbidden)) ?? []
                return mails.count >= 2
            })
        #expect(mails.count == 2)
        #expect(Set(mails.map(\.to)) == ["eva.holm@example.org", "oskar.dahl@example.org"])
        for mail in mails {
            #expect(mail.rcpt == [mail.to])
            #expect(mail.leaks.isEmpty, "\(mail.file): \(mail.leaks)")
            #expect(mail.calendars.count == 1)
            let ics = try #require(mail.calendars.first)
            #expect(ics.method == "REQUEST" && ics.events == 1 && ics.uid == "sip-1-meeting-1@sip-tui")
        }
        // Back through the inbox, where the request is answered, to the day.
        tmux.keys("Escape")
        #expect(tmux.waitFor("accepterad"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("Att göra"))
        #expect(tmux.wait { !tmux.screen().contains("Nya begäran om SIP") })
        tmux.keys("q")
        #expect(tmux.waitForExit() == 0)

        let store = try Store(path: db, context: .current())
        let request = try #require(try store.requests(.inbox).first)
        #expect(request.status == .accepted && request.planId == 1)
        #expect(request.fromAgency == "Norrvikskolan" && request.askerFunction == "Rektor")
        let plan = try store.plan(1)
        #expect(plan.coordinatorLogin == me && plan.initiatorKind == .agency)
        #expect(plan.questions == "Hög frånvaro sedan hösten.")
        #expect(plan.reason == "Samtycke enligt begäran: Mamma samtycker muntligt.")
        #expect(try store.meetings(planId: 1).first?.place == "Socialkontoret, rum 2")
        let trail = try store.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE entity = 'request' ORDER BY id")
        }
        #expect(trail == ["create", "accept"])
        let sent = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mailSent WHERE accepted = 1 AND kind = 'request'")
        }
        #expect(sent == 2)
    }

    /// Records the guardian's consent to plan 1 and invites each organisation's named person, as the
    /// signed-in coordinator would: through the model, while the program shows the plan.
    func invite(_ db: String, _ people: [(organisation: String, person: String, role: String)]) throws {
        let store = try Store(path: db, context: .current())
        defer { try? store.close() }
        // A kallelse needs valid consent: the only guardian's, covering the organisations invited.
        let plan = try store.plan(1)
        let mother = try store.addFamilyMember(childId: plan.childId, role: .guardian, name: "Mamma", relation: "mamma")
        let agencies = try people.map { try store.agency(matching: $0.organisation).id! }
        try store.addConsent(
            planId: 1, givenBy: .guardian(mother.id!), information: "Skolgång och hälsa",
            validFrom: store.context.today, validTo: store.context.today.adding(days: 365), agencyIds: agencies)
        for invited in people {
            let agency = try store.agency(matching: invited.organisation)
            _ = try store.addParticipant(
                planId: 1, agencyId: agency.id!, person: invited.person, role: invited.role)
        }
    }
}
