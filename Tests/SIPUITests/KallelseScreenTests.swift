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
