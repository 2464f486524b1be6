import Foundation
import GRDB
import SIPModel
import Testing

/// A request for a SIP through the real program in a real (tmux) terminal. One OS user plays both
/// sides: first a coordinator at the school, then (moved by the file's owner, as an administrator
/// would) at social services. The kallelse's sending step follows the booking once the mail
/// branch is merged.
@Suite(
    "End to end: a request for a SIP from a school to social services", .enabled(if: Tmux.isAvailable, "needs tmux"),
    .serialized)
struct RequestEndToEndTests {
    func command(_ db: String) -> String { "env '\(Binary.url.path)' --db '\(db)'" }

    func run(_ db: String, _ arguments: [String]) throws {
        let result = try Binary.run(["--db", db] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.err)")
    }

    @Test("a school registers a request; social services' coordinator sees it on the day, accepts it, books a meeting")
    func schoolToSocialServices() throws {
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

        // Social services: the request on the day screen, accepted into a plan, a meeting booked.
        try run(db, ["user", "set-role", me, "coordinator", "--org", social])
        let tmux = Tmux(command(db))
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
        tmux.keys("b")
        #expect(tmux.waitFor("Boka möte och kalla – Plan 1"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Socialkontoret, rum 2")
        tmux.keys("F2")
        #expect(tmux.waitFor("Mötet är inbokat."))
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
    }
}
