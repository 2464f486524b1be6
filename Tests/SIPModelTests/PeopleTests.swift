import Foundation
import GRDB
import SIPTestSupport
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Issue 15, build 3: people are users, not strings. A plan's coordinator is a user, changed only by
/// the audited hand-over; its lead person and an intervention's responsible person are users or
/// contact persons where they exist; documents name people, never a login; a user can be retired.
@Suite("People are users, not strings")
struct PeopleTests {
    func plans(_ w: ConsentWorld) throws -> Int { try w.t.store.read { db in try Plan.fetchCount(db) } }

    func auditCount(_ w: ConsentWorld) throws -> Int {
        try w.t.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") ?? 0 }
    }

    func newPlan(_ store: Store, _ w: ConsentWorld, coordinator: String? = nil) throws -> Plan {
        try store.createPlan(
            childName: "Ny Elev", personalNumber: nil, birthDate: "2016-05-05", sex: .girl,
            busGroupId: w.f.group.id, newBusGroupName: nil, initiatorKind: .guardian,
            requestDate: w.t.store.context.today, reason: "Frånvaro", questions: "", coordinator: coordinator)
    }

    @Test("a new plan's coordinator is the coordinator who opens it, or a colleague they keep seeing it with")
    func coordinatorOnCreate() throws {
        let w = try ConsentWorld()
        try w.session("ada").addUser(login: "cole", name: "Cole Kollega", role: .coordinator, agencyId: w.f.school.id)
        let cora = try w.session("cora")
        let mine = try newPlan(cora, w)
        #expect(mine.coordinatorLogin == "cora" && mine.outsideCoordinator == "")
        let created = try #require(try cora.auditTrail(planId: mine.id!).first { $0.action == "create" })
        #expect(created.detail == "coordinator cora")
        #expect(try cora.planDocument(mine.id!).plan.coordinator == "Cora Samordnare, Ängsskolan")
        // A colleague of her organisation may be chosen: she still sees the plan.
        let colleague = try newPlan(cora, w, coordinator: "cole")
        #expect(colleague.coordinatorLogin == "cole")
        #expect(try cora.planSummaries().contains { $0.id == colleague.id })
        // Nobody else: not a coordinator elsewhere, an administrator, an unknown login. Nothing is created.
        let before = try plans(w)
        #expect(throws: SIPError.invalidValue(field: .coordinator, value: "sofia")) {
            try newPlan(cora, w, coordinator: "sofia")
        }
        #expect(throws: SIPError.invalidValue(field: .coordinator, value: "ada")) {
            try newPlan(cora, w, coordinator: "ada")
        }
        #expect(throws: SIPError.unknownUser("nobody")) { try newPlan(cora, w, coordinator: "nobody") }
        #expect(try plans(w) == before)
    }

    @Test("a save never changes the coordinator; the hand-over does, audited, and visibility follows")
    func coordinatorAfterHandOver() throws {
        let w = try ConsentWorld()
        let cora = try w.session("cora")
        let planId = w.f.plan.id!
        var edited = try cora.plan(planId)
        edited.coordinatorLogin = "sofia"
        edited.outsideCoordinator = "Någon Annan"
        edited.childView = "Vill gå i skolan"
        let saved = try cora.updatePlan(edited)
        #expect(saved.coordinatorLogin == "cora" && saved.outsideCoordinator == "")
        #expect(try cora.plan(planId).coordinatorLogin == "cora")
        let update = try #require(try cora.auditTrail(planId: planId).last { $0.action == "update" })
        #expect(!update.detail.contains("sofia") && !update.detail.contains("oordinator"))
        #expect(try cora.handOver(from: "cora", to: "sofia", planId: planId) == [planId])
        let line = try #require(try w.session("ada").auditTrail().last { $0.action == "hand-over" })
        #expect(line.user == "cora" && line.detail == "cora -> sofia")
        #expect(try w.sees("sofia") && !w.sees("cora"))
        #expect(try w.session("sofia").planDocument(planId).plan.coordinator == "Sofia Social, Socialtjänsten Testby")
    }

    @Test("migration v15: a free-text coordinator becomes the user it names, by login or name; else an outside name")
    func migration() throws {
        let dir = TempDir()
        let path = dir.path("v14.sqlite")
        let config = oldFileConfiguration()
        let old = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(old, upTo: "v14-register")
        let coordinators = [
            "cora", " Cora Lind ", "CORA LIND", "Extern Samordnare", "", "Dubbel Namn", "Östen Åberg", "östen åberg",
        ]
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO busGroup (name) VALUES ('Lokal BUS');
                    INSERT INTO child (name, birthDate, sex) VALUES ('Barn', '2015-01-01', 'okant');
                    INSERT INTO appUser (login, name, role, allPlans, addedAt, addedBy) VALUES
                        ('cora', 'Cora Lind', 'coordinator', 1, '2025-01-01 00:00:00.000', 'x'),
                        ('dub1', 'Dubbel Namn', 'coordinator', 1, '2025-01-01 00:00:00.000', 'x'),
                        ('dub2', 'Dubbel Namn', 'coordinator', 1, '2025-01-01 00:00:00.000', 'x'),
                        ('osten', 'Östen Åberg', 'coordinator', 1, '2025-01-01 00:00:00.000', 'x');
                    """)
            for text in coordinators {
                try db.execute(
                    sql: """
                        INSERT INTO "plan" (childId, busGroupId, initiatorKind, requestDate, status, coordinator,
                            createdAt, updatedAt)
                        VALUES (1, 1, 'guardian', '2025-01-01', 'draft', ?, '2025-01-01 00:00:00.000',
                            '2025-01-01 00:00:00.000')
                        """, arguments: [text])
            }
        }
        try old.close()
        for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
        let store = try Store(path: path, context: SessionContext(user: "tester", now: { Date() }))
        defer { try? store.close() }
        let migrated = try store.read { db in try Plan.order(Plan.Columns.id).fetchAll(db) }
        #expect(migrated.map(\.coordinatorLogin) == ["cora", "cora", "cora", nil, nil, nil, "osten", nil])
        // Kept as written where no one user matches: someone outside, two users of one name, a
        // case SQLite does not fold (ö, å).
        #expect(
            migrated.map(\.outsideCoordinator) == [
                "", "", "", "Extern Samordnare", "", "Dubbel Namn", "", "östen åberg",
            ])
        #expect(try store.planDocument(migrated[0].id!).plan.coordinator == "Cora Lind")
        #expect(try store.planDocument(migrated[3].id!).plan.coordinator == "Extern Samordnare")
        // A migrated outside name is handed over to a user like a login.
        #expect(try store.handOver(from: "Extern Samordnare", to: "cora") == [migrated[3].id!])
        #expect(try store.plan(migrated[3].id!).coordinator == .user(login: "cora"))
        #expect(try store.check().isHealthy)
    }

    @Test("the lead person and the responsible person: a user or contact person chosen, or a name written")
    func leadAndResponsible() throws {
        let w = try ConsentWorld()
        let kurator = try w.t.store.addContact(
            agencyId: w.f.school.id!, name: "Örjan Åkesson", function: "kurator", phone: "", email: "", deputyId: nil)
        let cora = try w.session("cora")
        let planId = w.f.plan.id!
        var plan = try cora.plan(planId)
        plan.leadAgencyId = w.f.school.id
        plan.lead = .contact(id: kurator.id!)
        plan = try cora.updatePlan(plan)
        #expect(plan.leadContactId == kurator.id && plan.leadPerson == "" && plan.leadLogin == nil)
        var document = try cora.planDocument(planId)
        #expect(document.plan.leadPerson == "Örjan Åkesson, kurator, Ängsskolan")
        #expect(document.legal.overallResponsibility?.person == "Örjan Åkesson, kurator, Ängsskolan")
        let line = try #require(try cora.auditTrail(planId: planId).last { $0.action == "update" })
        #expect(line.detail.contains("lead: \"\" -> contact \(kurator.id!)"))
        plan.lead = .user(login: "sofia")
        plan = try cora.updatePlan(plan)
        #expect(try cora.planDocument(planId).plan.leadPerson == "Sofia Social, Socialtjänsten Testby")
        plan.lead = .outside("Extern Rektor")
        plan = try cora.updatePlan(plan)
        #expect(plan.leadLogin == nil && plan.leadContactId == nil && plan.leadPerson == "Extern Rektor")
        #expect(try cora.planDocument(planId).plan.leadPerson == "Extern Rektor")

        // An intervention: the organisation is beside it already, so the person is named with their function.
        let item = try cora.addIntervention(
            planId: planId, what: "Samtalsstöd", agencyId: w.f.school.id!, responsible: .contact(id: kurator.id!),
            startDate: w.t.store.context.today, dueDate: w.t.store.context.today.adding(days: 30))
        #expect(item.personContactId == kurator.id && item.person == "")
        document = try cora.planDocument(planId)
        #expect(document.interventions.first { $0.id == item.id }?.person == "Örjan Åkesson, kurator")
        var changed = item
        changed.responsible = .outside("  Extern Coach ")
        let saved = try cora.updateIntervention(changed, expecting: item)
        #expect(saved.personContactId == nil && saved.person == "Extern Coach")
        let itemLine = try #require(try cora.auditTrail(planId: planId).last { $0.entity == "intervention" })
        #expect(itemLine.detail.contains("responsible: contact \(kurator.id!) -> \"Extern Coach\""))

        // Chosen people are real ones: an unknown login or contact is refused, nothing changed.
        plan.lead = .user(login: "nobody")
        #expect(throws: SIPError.unknownUser("nobody")) { try cora.updatePlan(plan) }
        plan.lead = .contact(id: 999)
        #expect(throws: SIPError.register(.unknownContact("999"))) { try cora.updatePlan(plan) }
        #expect(try cora.plan(planId).leadPerson == "Extern Rektor")
    }

    @Test("documents never show a login: every rendering of a plan a user with another name worked on")
    func documentsNeverShowALogin() throws {
        let w = try ConsentWorld()
        let ada = try w.session("ada")
        try ada.addUser(login: "kx42q", name: "Karin Lund", role: .coordinator, agencyId: w.f.school.id)
        // A user whose system gave no full name: their name is their login, and no document shows it.
        try ada.addUser(login: "zz9bare", name: "zz9bare", role: .coordinator, agencyId: w.f.school.id)
        let karin = try w.session("kx42q")
        let planId = w.f.plan.id!
        try w.session("cora").handOver(from: "cora", to: "kx42q", planId: planId)
        try w.f.consentBoth(karin)
        try karin.changeStatus(planId: planId, to: .invited)
        var plan = try karin.plan(planId)
        plan.leadAgencyId = w.f.school.id
        plan.lead = .user(login: "kx42q")
        try karin.updatePlan(plan)
        try karin.addIntervention(
            planId: planId, what: "Stöd", agencyId: w.f.school.id!, responsible: .user(login: "kx42q"),
            startDate: w.t.store.context.today, dueDate: w.t.store.context.today.adding(days: 30))
        try karin.addMeeting(
            planId: planId, kind: .first,
            startsAt: w.t.store.context.today.adding(days: 7).date(hour: 10, in: .stockholm),
            durationMinutes: 60, place: "Skolan", videoLink: "")
        try w.session("zz9bare").changeStatus(planId: planId, to: .active)
        // A plan Karin opened: her school takes part by her name.
        let opened = try newPlan(karin, w)
        for id in [planId, opened.id!] {
            let document = try karin.planDocument(id)
            var texts = PlanExport.Format.allCases.map { PlanExport(document, catalog: Catalog(.sv)).render($0) }
            texts += Language.allCases.map { TextReports.planText(document, catalog: Catalog($0)) }
            texts.append(String(decoding: try PlanDocument.encoder().encode(document), as: UTF8.self))
            if id == planId {
                let invitation = try Invitation(document: document)
                texts += [try invitation.text(), invitation.ics(organizer: "mailto:k@example.org", now: Date())]
            }
            for text in texts {
                #expect(!text.contains("kx42q") && !text.contains("zz9bare"), "\(text)")
            }
            #expect(texts.allSatisfy { $0.contains("Karin Lund") })
        }
    }

    @Test("a retired user cannot sign in, is offered nowhere, keeps their history; their plans are handed over")
    func retire() throws {
        let w = try ConsentWorld()
        let ada = try w.session("ada")
        let planId = w.f.plan.id!
        let open = try w.session("cora")
        // Bad input: an unknown login, and a coordinator may not retire anyone. Nothing changes.
        let lines = try auditCount(w)
        #expect(throws: SIPError.unknownUser("nobody")) { try ada.retireUser(login: "nobody") }
        #expect(throws: SIPError.notPermitted(.coordinator)) { try open.retireUser(login: "sofia") }
        #expect(try auditCount(w) == lines + 1)  // the refusal, logged
        try ada.retireUser(login: "cora", reason: "Slutat")
        let line = try #require(try ada.auditTrail().last)
        #expect(line.action == "retire" && line.entity == "user" && line.detail == "cora: Slutat")
        #expect(try ada.users().first { $0.login == "cora" }?.retiredOn == w.t.store.context.today)
        // Twice is refused, nothing written.
        let after = try auditCount(w)
        #expect(throws: SIPError.userRetired("cora")) { try ada.retireUser(login: "cora") }
        #expect(try auditCount(w) == after)
        // No sign-in, and a session open before is refused at its next act.
        #expect(throws: SIPError.retiredCannotSignIn("cora")) { try w.session("cora") }
        #expect(throws: SIPError.retiredCannotSignIn("cora")) { try open.planSummaries() }
        #expect(w.t.store.catalogMessage(.retiredCannotSignIn("cora")).contains("kan inte logga in"))
        // Offered in no picker; a role cannot be given to them.
        #expect(try !ada.handOverCandidates().contains { $0.login == "cora" })
        let sofia = try w.session("sofia")
        #expect(try !sofia.personChoices().contains { $0.person == .user(login: "cora") })
        #expect(throws: SIPError.userRetired("cora")) { try ada.setRole(login: "cora", role: .coordinator) }
        // Chosen nowhere new; where they were chosen they stay until someone else is.
        var plan = try w.t.store.plan(planId)
        plan.lead = .user(login: "cora")
        #expect(throws: SIPError.personRetired("Cora Samordnare")) { try w.t.store.updatePlan(plan) }
        #expect(throws: SIPError.userRetired("cora")) { try ada.handOver(from: "sofia", to: "cora") }
        #expect(throws: SIPError.unknownUser("ghost")) { try ada.handOver(from: "ghost", to: "sofia") }
        #expect(try w.t.store.plan(planId).coordinatorLogin == "cora")
        // History kept: the plan still names her, her audit lines stay.
        #expect(try w.t.store.planDocument(planId).plan.coordinator == "Cora Samordnare, Ängsskolan")
        #expect(try ada.auditTrail().contains { $0.user == "cora" })
        // Her plans are handed over from her.
        #expect(try ada.handOver(from: "cora", to: "sofia") == [planId])
        #expect(try w.t.store.plan(planId).coordinatorLogin == "sofia")
    }

    @Test("the last administrator cannot be retired; with another, they can")
    func lastAdministrator() throws {
        let w = try ConsentWorld()
        let ada = try w.session("ada")
        #expect(throws: SIPError.lastAdministrator) { try ada.retireUser(login: "ada") }
        #expect(try ada.users().allSatisfy { !$0.isRetired })
        try ada.addUser(login: "adam", name: "Adam Admin", role: .administrator, agencyId: nil)
        try w.session("adam").retireUser(login: "ada", reason: "Ny tjänst")
        // The one left keeps the role: retired administrators do not count.
        #expect(throws: SIPError.lastAdministrator) {
            try w.session("adam").setRole(login: "adam", role: .coordinator, agencyId: w.f.school.id)
        }
    }
}

extension PeopleTests {
    @Test("user retire and user list on the command line: retired users marked, in JSON too; refusals in one line")
    func retireCommand() throws {
        let dir = TempDir()
        let path = dir.path("r.sqlite")
        let me = SessionContext.current().user
        let add = try CLI.run([
            "--db", path, "user", "add", "kim", "--name", "Kim Kollega", "--role", "coordinator", "--all-plans",
        ])
        #expect(add.status == 0, "\(add.err)")
        let retired = try CLI.run(["--db", path, "user", "retire", "kim", "--reason", "Slutat"])
        #expect(retired.status == 0 && retired.out == "kim: avslutad; historiken finns kvar.\n", "\(retired.err)")
        for (arguments, words) in [
            (["user", "retire", "kim"], "\"kim\" har avslutats"),
            (["user", "retire", "nobody"], "\"nobody\" finns inte"),
            (["plan", "hand-over", "--from", me, "--to", "kim"], "\"kim\" har avslutats"),
        ] {
            let refused = try CLI.run(["--db", path] + arguments)
            #expect(refused.status == 1 && refused.out.isEmpty, "\(arguments)")
            #expect(refused.err.hasPrefix("sip-tui: ") && refused.err.contains(words), "\(refused.err)")
        }
        let list = try CLI.run(["--db", path, "user", "list"])
        #expect(
            list.out.split(separator: "\n").contains { $0.hasPrefix("kim ") && $0.contains("samordnare (avslutad)") })
        let english = try CLI.run(["--db", path, "--lang", "en", "user", "list"])
        #expect(english.out.contains("coordinator (retired)"))
        let json = try CLI.run(["--db", path, "user", "list", "--json"])
        let users = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(users.first { $0["login"] as? String == "kim" }?["retiredOn"] is String)
        #expect(users.first { $0["login"] as? String == me }?["retiredOn"] == nil)
        let store = try Store(path: path, context: SessionContext(user: "tester", now: { Date() }))
        #expect(try store.auditTrail().filter { $0.action == "retire" }.map(\.detail) == ["kim: Slutat"])
        // The file's owner, retired (as they may give up the last administrator's role): they still
        // manage users, as an owner who is no user may, and do nothing else.
        #expect(try CLI.run(["--db", path, "user", "retire", me]).status == 0)
        #expect(try CLI.run(["--db", path, "user", "list"]).status == 0)
        let audit = try CLI.run(["--db", path, "audit"])
        #expect(audit.status == 1 && audit.err.contains("har avslutats och kan inte logga in"), "\(audit.err)")
    }
}

extension Store {
    /// The Swedish message for an error, as a user would read it.
    func catalogMessage(_ error: SIPError) -> String { Catalog(.sv).message(error) }
}
