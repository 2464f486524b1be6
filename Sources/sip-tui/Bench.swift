import ArgumentParser
import Foundation
import SIPModel
import SIPUI

#if canImport(Glibc)
    import Glibc
#endif

/// `sip-tui bench`: the figures and budgets of docs/PERFORMANCE.md, measured on a database (for
/// the budgets: `sip-tui demo --plans 100000`, release build). Benchmarks are not tests: nothing
/// here fails a build; it prints numbers with their budgets beside them.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure start-up, per-key time and bytes, and memory on this database (see docs/PERFORMANCE.md).",
        discussion: "It saves forms and meeting notes as a user would: run it on a demo database.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Repetitions of each measured key.") var iterations = 100
    @Option(help: "Start-ups to time.") var starts = 20
    @Option(help: "The terminal type ncurses writes for.") var term = "xterm-256color"
    @Flag(help: .hidden) var firstScreenOnly = false
    @Option(help: "Sizes in plans, e.g. 10000,100000: build or reuse a demo database of each and compare.")
    var curve: String?
    @Option(help: "The directory (yours, mode 0700) for the curve's databases.") var curveDir: String?
    /// One figure a line, tab-separated: what `--curve` reads from the bench it runs per size.
    @Flag(help: .hidden) var tabular = false
    @Option(
        help: "Run this many real sessions on pseudo-terminals at once, on one demo database (see docs/PERFORMANCE.md)."
    )
    var sessions: Int?
    @Option(help: "How long each session works, in seconds (with --sessions).") var sessionSeconds = 60
    @Option(help: "The demo database's size in plans (with --sessions; built in --curve-dir when absent).")
    var plans = 100_000
    @Option(help: "Seed of the sessions' pauses and words (with --sessions).") var seed: UInt64 = 1
    /// The pauses between keys times this: below 1 only for the CI's smoke run.
    @Option(help: .hidden) var sessionPace = 1.0

    func run() throws {
        // The benchmark opens the database by path, with no role: never with a service group's rights.
        if (try? SharedMode.detect()) != nil || getegid() != getgid() { global.fail(.notInSharedMode) }
        if firstScreenOnly { return try firstScreen() }
        if let curve { return try runCurve(curve) }
        if let sessions { return try runSessions(sessions) }
        let location = DatabaseLocation.resolve(option: global.db)
        let bench = try global.withStore { store -> Bench in
            // Measuring reads every plan and every group: for the file's owner or an administrator.
            guard let access = store.access, access.isFileOwner || access.can(.maintenance) else {
                throw SIPError.notPermitted(store.access?.role ?? .coordinator)
            }
            return try Bench(path: location.path, sharedGroup: global.sharedGroup, term: term, catalog: global.catalog)
        }
        var results: [Bench.Result] = []
        results.append(try bench.startUp(runs: starts, arguments: startArguments(location.path)))
        results.append(bench.firstScreen)
        results += try bench.keys(iterations: iterations)
        results += try bench.dayAndInbox(iterations: iterations)
        results.append(bench.meetingSession())
        results.append(Bench.Result.memory())
        if tabular {
            print(Bench.tabular(results))
        } else {
            print("sip-tui bench: \(try bench.planCount()) plans, \(iterations) repetitions, TERM=\(term), 80x24")
            print(Bench.table(results))
        }
        try? FileManager.default.removeItem(atPath: bench.output)
    }

    private func startArguments(_ path: String) -> [String] {
        ["--db", path, "--lang", global.lang.rawValue] + (global.sharedGroup.map { ["--shared-group", $0] } ?? [])
            + ["bench", "--first-screen-only", "--term", term]
    }

    /// What a session does before its first frame: open, sign in, query, draw; then stop.
    private func firstScreen() throws {
        try global.withStore { store in
            let app = App(store: store, catalog: global.catalog, width: 80, height: 24)
            guard
                let terminal = RecordingTerminal(
                    path: "/dev/null", term: term, width: 80, height: 24,
                    theme: .color)
            else { throw SIPError.storage(term) }
            _ = terminal.draw(app.render())
        }
    }
}

/// The measurements, on an App and a real ncurses screen writing to a file.
struct Bench {
    struct Result {
        var name: String
        var unit: String
        var samples: [Double]
        var budget: Double?
        var bytes: [Int] = []
        var byteBudget: Int?
        /// The budget for the median of the bytes (the p95's is `byteBudget`).
        var byteMedianBudget: Int?

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }

        var median: Double { Self.percentile(samples, 0.5) }
        var p95: Double { Self.percentile(samples, 0.95) }
        var bytesMedian: Double { Self.percentile(bytes.map(Double.init), 0.5) }
        var bytesP95: Double { Self.percentile(bytes.map(Double.init), 0.95) }
        var withinBudget: Bool {
            (budget.map { p95 <= $0 } ?? true) && (byteBudget.map { bytesP95 <= Double($0) } ?? true)
                && (byteMedianBudget.map { bytesMedian <= Double($0) } ?? true)
        }

        static func memory() -> Result {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Result(
                name: "peak memory (whole bench)", unit: "MB", samples: [Double(usage.ru_maxrss) / 1024], budget: 50)
        }
    }

    let store: Store
    let path: String
    let sharedGroup: String?
    let catalog: Catalog
    let app: App
    let terminal: RecordingTerminal
    let output: String
    /// The bytes of the first frame (after ncurses' own start-up sequences).
    let firstScreenBytes: Int

    init(path: String, sharedGroup: String?, term: String, catalog: Catalog) throws {
        // Not signed in: the bench walks every screen, the chair's and the coordinator's alike.
        store = try Store(path: path, context: .current(), sharedGroup: sharedGroup)
        (self.path, self.sharedGroup, self.catalog) = (path, sharedGroup, catalog)
        app = App(store: store, catalog: catalog, width: 80, height: 24)
        output = NSTemporaryDirectory() + "sip-bench-\(getpid()).out"
        guard let terminal = RecordingTerminal(path: output, term: term, width: 80, height: 24, theme: .color) else {
            throw SIPError.storage("ncurses: \(term)")
        }
        self.terminal = terminal
        firstScreenBytes = terminal.draw(app.render())
    }

    /// The first screen's bytes, against its budget.
    var firstScreen: Result {
        Result(name: "first screen, bytes", unit: "B", samples: [Double(firstScreenBytes)], budget: 2_500)
    }

    func planCount() throws -> Int { try store.planCount() }

    /// Keys in, one frame out: the time from the key to the finished screen update, and its bytes.
    private func press(_ keys: [Key], in app: App? = nil) -> (ms: Double, bytes: Int) {
        let app = app ?? self.app
        let started = DispatchTime.now().uptimeNanoseconds
        for key in keys { app.handle(key) }
        let bytes = terminal.draw(app.render())
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000, bytes)
    }

    private func measure(
        _ name: String, budget: Double?, byteBudget: Int? = nil, iterations: Int, in app: App? = nil,
        setUp: () -> Void = {}, keys: (Int) -> [Key], tearDown: () -> Void = {}
    ) -> Result {
        var result = Result(name: name, unit: "ms", samples: [], budget: budget, byteBudget: byteBudget)
        for n in 0..<iterations {
            setUp()
            let (ms, bytes) = press(keys(n), in: app)
            result.samples.append(ms)
            result.bytes.append(bytes)
            tearDown()
        }
        return result
    }

    func startUp(runs: Int, arguments: [String]) throws -> Result {
        var samples: [Double] = []
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for _ in 0..<max(1, runs) {
            let started = DispatchTime.now().uptimeNanoseconds
            var pid: pid_t = 0
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else { throw SIPError.storage("spawn") }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        }
        return Result(name: "start to first screen (process)", unit: "ms", samples: samples, budget: 50)
    }

    func keys(iterations: Int) throws -> [Result] {
        var results: [Result] = []
        let home = [Key.home]
        _ = press(home)
        // The whole selected row is redrawn on each move (issue 19): median 260 bytes, p95 320.
        var down = measure("list: next plan (Down)", budget: 2, byteBudget: 320, iterations: iterations) { _ in [.down]
        }
        down.byteMedianBudget = 260
        results.append(down)
        var up = measure("list: previous plan (Up)", budget: 2, byteBudget: 320, iterations: iterations) { _ in [.up] }
        up.byteMedianBudget = 260
        results.append(up)
        // Typing a filter: a surname, letter by letter, then erased letter by letter.
        let word = Array("berg")
        _ = press([.character("/")])
        results.append(
            measure(
                "filter: type a letter", budget: 16, iterations: iterations,
                keys: { n in
                    let step = n % (word.count * 2)
                    return step < word.count ? [.character(word[step])] : [.backspace]
                }))
        _ = press([.escape, .escape])
        results.append(
            measure(
                "open a plan (Enter)", budget: 10, iterations: iterations,
                setUp: {
                    _ = press([.down])
                }, keys: { _ in [.enter] }, tearDown: { _ = press([.escape]) }))
        results.append(
            measure(
                "save the plan form (Ctrl-S)", budget: 16, iterations: max(1, iterations / 4),
                setUp: {
                    _ = press([.enter, .character("e"), .control("e"), .character(".")])
                }, keys: { _ in [.control("s")] }, tearDown: { _ = press([.escape]) }))
        // A megabyte pasted into the child's own view (its limit is 4 000 characters: the rest is refused),
        // as the terminal hands it over: bursts of 64 kB (a whole megabyte of keys would be the bench's peak memory).
        let burst = [Key](repeating: .character("a"), count: 65_536)
        var pasted = Result(name: "paste 1 MB into a plan field", unit: "ms", samples: [], budget: 1000)
        for _ in 0..<3 {
            _ = press([.enter, .character("e"), .tab, .tab, .tab])
            let started = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<16 { app.handle(burst: burst) }
            _ = terminal.draw(app.render())
            pasted.samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            _ = press([.escape, .character("n"), .escape])
        }
        results.append(pasted)
        results.append(
            measure(
                "BUS review, whole county", budget: 100, iterations: max(1, iterations / 4),
                keys: { _ in [.character("r")] }, tearDown: { _ = press([.escape]) }))
        _ = press([.character("r")])
        results.append(
            measure("BUS review, next group (g)", budget: 100, iterations: max(1, iterations / 4)) { _ in
                [.character("g")]
            })
        _ = press([.escape])
        // The county's year before (p for the year, [ for the one before): plans as they stood on its
        // last day, from the changes since.
        _ = press([.character("r"), .character("p")])
        // Counted from the history each time (the kept figures dropped first, as a change reaching
        // back into the year drops them), then as every later look reads them: kept.
        let forget = { [store] in try? store.forgetKeptReviews() }
        results.append(
            measure(
                "BUS review, county, last year, counted ([)", budget: nil, iterations: max(1, iterations / 4),
                setUp: { _ = forget() }, keys: { _ in [.character("[")] },
                tearDown: { _ = press([.character("]")]) }))
        results.append(
            measure(
                "BUS review, county, last year ([)", budget: 100, iterations: max(1, iterations / 4),
                keys: { _ in [.character("[")] }, tearDown: { _ = press([.character("]")]) }))
        _ = press([.escape])
        // The county's annual report of last year, as `report --annual` makes it (no budget yet):
        // counted afresh, then with the two years' review figures kept.
        let year = store.context.today.year - 1
        for (name, forgets) in [
            ("report --annual, county, last year, counted", true), ("report --annual, county, last year", false),
        ] {
            var annual = Result(name: name, unit: "ms", samples: [], budget: nil)
            for _ in 0..<max(1, iterations / 8) {
                if forgets { _ = forget() }
                let started = DispatchTime.now().uptimeNanoseconds
                _ = AnnualReportDocument(try store.annualReport(groupId: nil, year: year), catalog: Catalog(.sv)).html()
                annual.samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            }
            results.append(annual)
        }
        return results
    }

    /// The two users the day screen and the inbox are measured for, added to the file once (by its
    /// owner, as an administrator would): a coordinator who sees every plan (a central SIP team, as
    /// the demo's own user is) and a coordinator at one organisation, who sees the plans it
    /// coordinates or a consent covers and the requests sent to it.
    static let everyPlanLogin = "sip-bench-central", coordinatorLogin = "sip-bench-coordinator"
    /// A coordinator of a fixed caseload, whatever the file's size (as a real one's is): at an
    /// organisation of their own that no consent names, with `caseloadPlans` open plans handed over
    /// to them, spread over the file.
    static let caseloadLogin = "sip-bench-caseload", caseloadPlans = 40

    private func benchUsers() throws {
        let owner = try Store(path: path, context: .current(), sharedGroup: sharedGroup)
        defer { try? owner.close() }
        _ = try owner.signIn()
        let existing = Set(try owner.users().map(\.login))
        if !existing.contains(Self.everyPlanLogin) {
            try owner.addUser(
                login: Self.everyPlanLogin, name: "Bench, central SIP team", role: .coordinator, agencyId: nil,
                allPlans: true)
        }
        if !existing.contains(Self.coordinatorLogin) {
            // The social services of the first group: the organisation that most often leads a plan.
            guard let group = try owner.busGroups().first,
                let agency = try owner.agencies(forGroup: group.id!).first(where: { $0.kind == "socialtjanst" })
                    ?? owner.agencies(forGroup: group.id!).first
            else { throw SIPError.storage("bench: no organisation for its coordinator") }
            try owner.addUser(
                login: Self.coordinatorLogin, name: "Bench, coordinator", role: .coordinator, agencyId: agency.id)
        }
        if !existing.contains(Self.caseloadLogin) {
            guard let group = try owner.busGroups().first else { throw SIPError.storage("bench: no group") }
            let unit = try owner.addAgency(
                kind: "socialtjanst", principalName: "Bench", name: "Bench, egen enhet", busGroupId: group.id)
            try owner.addUser(
                login: Self.caseloadLogin, name: "Bench, caseload", role: .coordinator, agencyId: unit.id)
            let open = try owner.planPage(PlanFilter(status: .active, limit: 1)).total
            let step = max(1, open / Self.caseloadPlans)
            for n in 0..<min(open, Self.caseloadPlans) {
                guard let row = try owner.planPage(PlanFilter(status: .active, limit: 1, offset: n * step)).rows.first
                else { continue }
                let plan = try owner.plan(row.id)
                try owner.handOver(
                    from: plan.coordinatorLogin ?? plan.outsideCoordinator, to: Self.caseloadLogin, planId: row.id)
            }
        }
    }

    /// The day screen (a coordinator's start screen) and the inbox of requests, for each of the two
    /// users: the first draw (the session's App made, the day read, drawn), the day read again when
    /// it is back on top (t from the plan list), the inbox opened (i) and a move in it.
    func dayAndInbox(iterations: Int) throws -> [Result] {
        try benchUsers()
        var results: [Result] = []
        for (login, who) in [
            (Self.everyPlanLogin, "every plan"), (Self.coordinatorLogin, "coordinator"),
            (Self.caseloadLogin, "caseload"),
        ] {
            let user = try Store(
                path: path, context: SessionContext(user: login, now: { Date() }), sharedGroup: sharedGroup)
            defer { try? user.close() }
            _ = try user.signIn()
            var first = Result(name: "day: first draw (\(who))", unit: "ms", samples: [], budget: 30)
            var app: App?
            for _ in 0..<max(1, iterations / 4) {
                let started = DispatchTime.now().uptimeNanoseconds
                let made = App(store: user, catalog: catalog, width: 80, height: 24)
                first.bytes.append(terminal.draw(made.render()))
                first.samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
                app = made
            }
            results.append(first)
            guard let app else { continue }
            results.append(
                measure(
                    "day: back from the list (\(who))", budget: 10, iterations: max(1, iterations / 4),
                    in: app, setUp: { _ = press([.character("l")], in: app) }, keys: { _ in [.character("t")] }))
            // The plan list from the day (its first page and its count of the user's plans).
            results.append(
                measure(
                    "list: open from the day (\(who))", budget: 10, iterations: max(1, iterations / 4), in: app,
                    keys: { _ in [.character("l")] }, tearDown: { _ = press([.character("t")], in: app) }))
            results.append(
                measure(
                    "inbox: open (\(who))", budget: 10, iterations: max(1, iterations / 4), in: app,
                    keys: { _ in [.character("i")] }, tearDown: { _ = press([.escape], in: app) }))
            _ = press([.character("i")], in: app)
            results.append(
                measure("inbox: Down or Up (\(who))", budget: 2, iterations: iterations, in: app) { n in
                    [n % 2 == 0 ? .down : .up]
                })
            _ = press([.escape], in: app)
        }
        return results
    }

    /// A typical meeting, scripted: find the plan, open it, meeting mode, notes at each agenda
    /// point, attendance, save, leave. The bytes sent in all.
    func meetingSession() -> Result {
        let before = terminal.bytesWritten
        var keys: [Key] = [.home, .character("/")] + "1".map { .character($0) } + [.enter, .enter, .character("m")]
        for point in 0..<6 {
            keys += "Punkt \(point): överenskommet, ansvarig utsedd.".map { .character($0) }
            keys.append(.down)
        }
        // Leaving meeting mode is a deliberate choice: Esc, the "leave" choice, Enter.
        keys += [.function(2), .escape, .down, .enter, .escape, .escape]
        for key in keys { _ = press([key]) }
        return Result(
            name: "meeting session (\(keys.count) keys), bytes", unit: "B",
            samples: [Double(terminal.bytesWritten - before)], budget: 30_000)
    }

    static func table(_ results: [Result]) -> String {
        func number(_ value: Double) -> String {
            value.isNaN ? "-" : value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
        }
        var lines = ["figure                                 median      p95   budget   bytes med/p95  ok"]
        for r in results {
            let name = r.name.padding(toLength: 38, withPad: " ", startingAt: 0)
            let budget = r.budget.map { "<" + number($0) } ?? "-"
            let bytes =
                r.bytes.isEmpty
                ? ""
                : "\(Int(r.bytesMedian))/\(Int(r.bytesP95))"
                    + (r.byteBudget.map { " <" + (r.byteMedianBudget.map { "\($0)/" } ?? "") + "\($0)" } ?? "")
            lines.append(
                name + " " + number(r.median).leftPad(8) + " " + number(r.p95).leftPad(8) + " " + budget.leftPad(8)
                    + " " + r.unit.padding(toLength: 2, withPad: " ", startingAt: 0) + " " + bytes.leftPad(13)
                    + "  " + (r.withinBudget ? "yes" : "NO"))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
