import Foundation
import SIPTestSupport
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Mail through the sendmail interface to a real SMTP server", .serialized)
struct MailDeliveryTests {
    /// The child's and family's details the fixture holds: none may appear in any mail.
    static let forbidden = [
        "Åsa", "Öberg", "20150312", "150312", "0312-0006", "Märta", "Örjan", "Sven", "familj.example", "Storgatan",
        "tillbaka till skolan",
    ]

    /// A database made by this OS user (the binary's user), the plan coordinated by "anna" (who gets
    /// the digest) and seen by this user as a central team; two meetings.
    struct Setup {
        let dir = TempDir()
        var db: String { dir.path("sip.sqlite") }
        let plan: Int64
        let first: Int64
        let second: Int64
        let me: String

        init() throws {
            let store = try Store(path: dir.path("sip.sqlite"), context: .current())
            me = store.context.user
            let f = try Fixture(store)
            try store.addUser(
                login: me, name: "Central SIP", role: .coordinator, agencyId: f.social.id!, allPlans: true)
            try store.addUser(login: "anna", name: "Anna", role: .coordinator, agencyId: f.social.id!)
            try store.setEmail(login: "anna", "anna@soc.example")
            // A grandfather invited with the family, with an address and e-mail: he gets no mail (the
            // family's kallelse is a letter), and a meeting at his address does not say where.
            _ = try store.addFamilyMember(
                childId: f.child.id!, role: .relative, name: "Sven Öberg", relation: "morfar",
                email: "sven@familj.example", address: "Storgatan 4, Testby", inviteTo: f.plan.id!)
            try f.consentBoth(store)
            _ = try f.inviteProfessionals(store)
            let today = store.context.today
            let start = today.adding(days: 10).date(hour: 10, in: .stockholm)
            first = try store.addMeeting(
                planId: f.plan.id!, kind: .first, startsAt: start, durationMinutes: 60, place: "Familjecentralen"
            ).id!
            second = try store.addMeeting(
                planId: f.plan.id!, kind: .first, startsAt: today.adding(days: 20).date(hour: 9, in: .stockholm),
                durationMinutes: 60, place: "Storgatan 4, Testby"
            ).id!
            // The coordinator changes only by hand-over; the fixture's plan is simply given to anna.
            try store.write { db in
                try db.execute(
                    sql: "UPDATE \"plan\" SET coordinatorLogin = 'anna' WHERE id = ?", arguments: [f.plan.id!])
            }
            var plan = try store.plan(f.plan.id!)
            plan.followUpDate = today.adding(days: -1)  // something due for anna's digest
            _ = try store.updatePlan(plan)
            self.plan = f.plan.id!
            try store.close()
        }

        func run(_ arguments: [String], sendmail: String, timeout: String? = nil) throws -> Binary.Result {
            var environment = ["SIP_TUI_SENDMAIL": sendmail]
            if let timeout { environment["SIP_TUI_SENDMAIL_TIMEOUT"] = timeout }
            return try Binary.run(["--db", db] + arguments, environment: environment)
        }

        func setRole(_ role: Role) throws {
            let store = try Store(path: db, context: .current())
            defer { try? store.close() }
            _ = try store.setRole(login: me, role: role, allPlans: role == .coordinator)
        }

        func acceptedMails() throws -> Int {
            let store = try Store(path: db, context: .current())
            defer { try? store.close() }
            return try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mailSent WHERE accepted = 1")!
            }
        }
    }

    /// A sendmail command that exits 75 after saying why, or one that never answers.
    static func stub(_ dir: TempDir, _ name: String, _ body: String) throws -> String {
        let path = dir.path(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o700)
        return path
    }

    /// A listening server and a fresh database; nil (an issue recorded) without msmtp and aiosmtpd.
    static func started() throws -> (SMTPServer, Setup)? {
        guard SMTPServer.isAvailable else {
            Issue.record("msmtp and python3-aiosmtpd are needed (.ci/run installs them)")
            return nil
        }
        let server = try SMTPServer()
        #expect(server.waitUntilListening())
        return (server, try Setup())
    }

    @Test("invitations, a reschedule, a cancellation and a digest reach the server as they should")
    func throughTheRealBinary() throws {
        guard let (server, s) = try Self.started() else { return }
        let plan = String(s.plan)
        let send = try s.run(
            ["plan", "invitation", plan, "--send", "--meeting", String(s.first)], sendmail: server.sendmailCommand)
        #expect(send.status == 0, "\(send.err)")
        #expect(
            send.out.contains("Skickat till elin@skola.example") && send.out.contains("Skickat till bo@bup.example"))
        var mails = try server.received(forbidden: Self.forbidden)
        #expect(mails.count == 2)
        #expect(Set(mails.map(\.to)) == ["elin@skola.example", "bo@bup.example"])
        #expect(mails.allSatisfy { $0.rcpt == [$0.to] })

        // Moved: the same UID, a higher SEQUENCE, the new local time.
        let moved = s.first
        let when = Day(Date(), in: .stockholm).adding(days: 11).iso
        let reschedule = try s.run(
            ["plan", "reschedule", plan, "--meeting", String(moved), "--at", "\(when) 14:30"],
            sendmail: server.sendmailCommand)
        #expect(reschedule.status == 0, "\(reschedule.err)")
        #expect(
            try s.run(
                ["plan", "invitation", plan, "--send", "--meeting", String(moved)], sendmail: server.sendmailCommand
            )
            .status == 0)
        // Called off: METHOD:CANCEL, higher again.
        #expect(
            try s.run(["plan", "cancel-meeting", plan, "--meeting", String(moved)], sendmail: server.sendmailCommand)
                .status == 0)
        #expect(
            try s.run(
                ["plan", "invitation", plan, "--send", "--meeting", String(moved)], sendmail: server.sendmailCommand
            )
            .status == 0)
        // The digest: the administrator's daily run.
        try s.setRole(.administrator)
        let remind = try s.run(["remind"], sendmail: server.sendmailCommand)
        #expect(remind.status == 0, "\(remind.err)")
        #expect(remind.out.contains("Skickat till anna@soc.example"))

        mails = try server.received(forbidden: Self.forbidden)
        #expect(mails.count == 7)
        for mail in mails { #expect(mail.leaks.isEmpty, "\(mail.file): \(mail.leaks)") }
        let invitations = mails.filter { !$0.calendars.isEmpty }
        #expect(invitations.count == 6)
        let uid = "sip-\(s.plan)-meeting-\(moved)@sip-tui"
        for mail in invitations {
            #expect(mail.calendars.count == 1)
            let ics = mail.calendars[0]
            #expect(ics.events == 1 && ics.uid == uid)
            #expect(ics.tzid == "Europe/Stockholm" && ics.timezones == ["Europe/Stockholm"])
            #expect(ics.part_method == ics.method)
        }
        for recipient in ["elin@skola.example", "bo@bup.example"] {
            let theirs = invitations.filter { $0.to == recipient }.map { $0.calendars[0] }
            #expect(theirs.map(\.sequence) == [0, 1, 2])
            #expect(theirs.map(\.method) == ["REQUEST", "REQUEST", "CANCEL"])
            #expect(theirs.last?.status == "CANCELLED")
            #expect(theirs[1].start == "\(when) 14:30")
        }
        let digest = mails.filter { $0.calendars.isEmpty }
        #expect(digest.map(\.to) == ["anna@soc.example"])
        #expect(digest.first?.subject == "sip-tui: att göra")
    }

    @Test("under --lang en the kallelse mail is in English, its calendar event too (parsed by icalendar)")
    func inEnglish() throws {
        guard let (server, s) = try Self.started() else { return }
        let send = try s.run(
            ["--lang", "en", "plan", "invitation", String(s.plan), "--send", "--meeting", String(s.first)],
            sendmail: server.sendmailCommand)
        #expect(send.status == 0, "\(send.err)")
        #expect(send.out.contains("Sent to elin@skola.example"), "\(send.out)")
        let mails = try server.received(forbidden: Self.forbidden)
        #expect(mails.count == 2)
        let sv = Catalog(.sv), en = Catalog(.en)
        let swedish =
            Catalog.MailText.allCases.filter { "\($0)".hasPrefix("mail") }.map { ($0.text(in: sv), $0.text(in: en)) }
            .filter { $0.0 != $0.1 }.map(\.0) + Catalog.KallelseText.allCases.map { sv.kallelse($0) }
        for mail in mails {
            #expect(mail.leaks.isEmpty, "\(mail.file): \(mail.leaks)")
            #expect(mail.subject == "Invitation to a SIP meeting, plan \(s.plan)", "\(mail.subject)")
            let body = try #require(mail.body)
            #expect(body.contains("Reply by: ") && body.contains("The calendar invitation is attached."))
            let event = try #require(mail.calendars.first)
            #expect(event.summary == "SIP meeting, plan \(s.plan)")
            #expect(event.description?.hasPrefix("Coordinated individual plan (SIP).") == true)
            for text in [body, event.summary ?? "", event.description ?? ""] {
                for word in swedish where word.count > 3 { #expect(!text.contains(word), "\(mail.file): \(word)") }
            }
            // The day in English, by the English calendar.
            #expect(
                ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].contains {
                    body.contains("Time: \($0) ")
                }, "\(body)")
        }
    }

    @Test("a sendmail command that exits 75 or hangs: a clear message, nothing marked sent, the next run retries")
    func failingCommands() throws {
        guard let (server, s) = try Self.started() else { return }
        let stubs = TempDir()
        let tempFail = try Self.stub(
            stubs, "tempfail", "cat >/dev/null\necho 'relay: 451 4.3.0 try later' >&2\nexit 75")
        let hang = try Self.stub(stubs, "hang", "sleep 600")
        let arguments = ["plan", "invitation", String(s.plan), "--send", "--meeting", String(s.second)]

        let failed = try s.run(arguments, sendmail: tempFail)
        #expect(failed.status == 1)
        #expect(failed.out.contains("Inte skickat till elin@skola.example: sendmail-kommandot avslutades med kod 75"))
        #expect(failed.out.contains("451 4.3.0 try later") && failed.out.contains("Försöks igen nästa gång"))
        #expect(try s.acceptedMails() == 0)

        let hung = try s.run(arguments, sendmail: hang, timeout: "1")
        #expect(hung.status == 1)
        #expect(hung.out.contains("sendmail-kommandot svarade inte på 1 sekunder och stoppades"))
        #expect(try s.acceptedMails() == 0)
        #expect(try server.received(forbidden: []).isEmpty)

        let retried = try s.run(arguments, sendmail: server.sendmailCommand)
        #expect(retried.status == 0, "\(retried.out)\(retried.err)")
        #expect(try server.received(forbidden: Self.forbidden).count == 2)
        #expect(try s.acceptedMails() == 2)
        // A place that is the family's address is not written in the mail.
        #expect(try server.received(forbidden: Self.forbidden).allSatisfy { $0.leaks.isEmpty })

        // The digest: failed, then sent on the next run, then not again the same day.
        try s.setRole(.administrator)
        let dry = try s.run(["remind", "--dry-run"], sendmail: tempFail)
        #expect(dry.status == 0 && dry.out.contains("anna@soc.example") && dry.out.contains("plan \(s.plan)"))
        #expect(!Self.forbidden.contains { dry.out.contains($0) })
        let remindFailed = try s.run(["remind"], sendmail: tempFail)
        #expect(remindFailed.status == 1 && remindFailed.out.contains("Inte skickat till anna@soc.example"))
        let remindSent = try s.run(["remind"], sendmail: server.sendmailCommand)
        #expect(remindSent.status == 0 && remindSent.out.contains("Skickat till anna@soc.example"))
        let remindAgain = try s.run(["remind"], sendmail: server.sendmailCommand)
        #expect(remindAgain.status == 0 && remindAgain.out.isEmpty)
        #expect(try server.received(forbidden: []).count == 3)
    }
}
