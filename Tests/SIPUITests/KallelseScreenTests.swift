import Foundation
import SIPModel
import Testing

@testable import SIPUI
@testable import SIPWidgets

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16 on the plan screen: `s` mails the kallelse after a question naming the recipients,
/// an unanswered kallelse offers its deviation (registered only when saved), a closed plan
/// refuses meetings and kallelser, `o` reopens it with a reason.
@Suite("The kallelse, the offered deviation and the plan's life cycle on the plan screen")
struct KallelseScreenTests {
    /// A demo world and an open plan whose next meeting has invited organisations with addresses;
    /// the sendmail command a script that keeps what it reads.
    func world() throws -> (TempDir, Store, App, planId: Int64) {
        let dir = TempDir()
        let store = try makeStore(dir, demoPlans: 12)
        let planId = try #require(
            try store.planSummaries().map(\.id).first {
                (try? store.kallelseDispatch(planId: $0))?.pending.isEmpty == false
            })
        let script = dir.path("sendmail")
        try "#!/bin/sh\ncat > \"\(dir.path("mail"))-$$.eml\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o700)
        try store.setTextSetting("sendmail-command", script)
        let app = App(store: store, catalog: Catalog(.sv))
        app.open(plan: planId)
        return (dir, store, app, planId)
    }

    func mails(_ dir: TempDir) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .count
    }

    @Test("s asks first, naming the recipients; yes sends, no sends nothing")
    func send() throws {
        let (dir, store, app, planId) = try world()
        let pending = try store.kallelseDispatch(planId: planId).pending
        app.press(.character("s"))
        let question = app.screenText
        #expect(question.contains("Skicka kallelsen"))
        #expect(question.contains(pending[0].address.prefix(12)))
        app.press(.character("n"))
        #expect(mails(dir) == 0)
        app.press(.character("s"))
        app.press(.character("j"))
        #expect(mails(dir) == pending.count)
        #expect(app.screenText.contains("\(pending.count)/\(pending.count)."))
        #expect(try store.kallelseDispatch(planId: planId).pending.isEmpty)
        // Again: nothing left to send, said so.
        app.press(.character("s"))
        #expect(app.screenText.contains("redan fått kallelsen"))
    }

    @Test("B moves the next meeting (s sends the new revision) or calls it off (s sends the cancellation to those sent it)")
    func moveAndCallOff() throws {
        let (dir, store, app, planId) = try world()
        app.press(.character("s"), .character("j"))
        let invited = mails(dir)
        let meeting = try #require(try store.meetings(planId: planId).first { !$0.held })
        app.press(.character("B"))
        let form = try #require(app.top as? FormScreen)
        #expect(form.record is ChangeMeetingForm)
        func field(_ key: String) -> FormField? { (app.top as? FormScreen)?.fields.first { $0.key == key } }
        func go(_ key: String) {
            guard let form = app.top as? FormScreen, let index = form.fields.firstIndex(where: { $0.key == key })
            else { return }
            for _ in 0..<((index - form.focus + form.fields.count) % form.fields.count) { app.press(.tab) }
        }
        #expect(field("place")?.value == meeting.place && field("duration")?.value == String(meeting.durationMinutes))
        // An impossible time is refused beside its field; nothing moves.
        go("time")
        app.press(.control("a"), .control("k"))
        app.type("25:00")
        app.press(.control("s"))
        #expect(field("time")?.error != nil)
        #expect(try store.meetings(planId: planId).first { $0.id == meeting.id }?.startsAt == meeting.startsAt)
        app.press(.control("a"), .control("k"))
        app.type("13:30")
        app.press(.control("s"))
        #expect(app.screenText.contains("Mötet är flyttat"))
        let moved = try #require(try store.meetings(planId: planId).first { $0.id == meeting.id })
        #expect(LocalTime.iso(moved.startsAt, .stockholm).contains("T13:30"))
        app.press(.character("s"), .character("j"))
        #expect(mails(dir) == 2 * invited, "the new revision to everyone invited")

        app.press(.character("B"))
        go("change")
        app.press(.right)
        app.press(.control("s"))
        #expect(app.screenText.contains("Mötet är inställt"))
        #expect(try store.meetings(planId: planId).first { $0.id == meeting.id }?.cancelledAt != nil)
        #expect(TextReports.planText(try store.planDocument(planId), catalog: Catalog(.sv)).contains("(inställt)"))
        // s now sends the cancellation (the meeting called off comes first while it is owed).
        app.press(.character("s"), .character("j"))
        #expect(mails(dir) == 3 * invited)
        let cancellation = try store.kallelseDispatch(planId: planId, meetingId: meeting.id!)
        #expect(cancellation.method == .cancel && cancellation.pending.isEmpty && cancellation.sent.count == invited)
        // Nothing ahead any more: B says so and opens no form.
        app.press(.character("B"))
        #expect(!(app.top is FormScreen))
        #expect(app.screenText.contains("inget kommande möte"))
    }

    @Test("a reply-by date that passed shows the offered deviation; r fills it in, saving registers it")
    func offeredDeviation() throws {
        let (dir, store, app, planId) = try world()
        _ = dir
        app.press(.character("s"), .character("j"))
        // The reply-by date moved back: as if the days had passed.
        try store.write { db in
            try db.execute(sql: "UPDATE kallelse SET replyBy = date(replyBy, '-30 days')")
        }
        app.press(.escape)
        app.open(plan: planId)
        #expect(app.screenText.contains("Avvikelse erbjuds"))
        let offers = try store.offeredDeviations(planId: planId)
        #expect(!offers.isEmpty)
        #expect(try store.deviationSummaries(planId: planId).filter { $0.kind == "kallelse_ej_besvarad" }.isEmpty)
        app.press(.character("r"))
        let form = try #require(app.top as? FormScreen)
        #expect(form.record is DeviationForm)
        #expect(form.fields.first { $0.key == "kind" }?.value == "kallelse_ej_besvarad")
        #expect(form.fields.first { $0.key == "description" }?.value == offers[0].description)
        app.press(.control("s"))
        #expect(try store.deviationSummaries(planId: planId).contains { $0.kind == "kallelse_ej_besvarad" })
    }

    @Test("a closed plan refuses b and s with a clear line; o reopens it with a reason")
    func closedPlan() throws {
        let (dir, store, app, planId) = try world()
        _ = dir
        let status = try store.plan(planId).status
        try store.changeStatus(planId: planId, to: .closed, note: "Klar")
        app.press(.escape)
        app.open(plan: planId)
        app.press(.character("b"))
        #expect(app.screenText.contains("avslutad: inga nya möten"))
        #expect(!(app.top is FormScreen))
        app.press(.character("s"))
        #expect(app.screenText.contains("avslutad: inga nya möten"))
        app.press(.character("o"))
        let form = try #require(app.top as? FormScreen)
        #expect(form.record is ReopenForm)
        app.press(.control("s"))
        #expect(try store.plan(planId).status == .closed)  // no reason, nothing done
        app.type("Familjen bad om ny uppföljning")
        app.press(.control("s"))
        #expect(try store.plan(planId).status == status)
        #expect(try store.auditTrail(planId: planId).contains { $0.action == "reopen" })
        // Open now: o says the plan is not closed.
        app.press(.character("o"))
        #expect(!(app.top is FormScreen))
        #expect(app.screenText.contains("inte avslutad"))
    }
}
