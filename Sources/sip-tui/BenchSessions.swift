import ArgumentParser
import CNcurses
import Foundation
import SIPModel

#if canImport(Glibc)
    import Glibc
#endif

/// `sip-tui bench --sessions N`: N real sessions (this binary, each on a pseudo-terminal of its own,
/// TERM=xterm, 80x24) on one demo database, each working at a coordinator's pace: moving in the plan
/// list, typing a filter, opening a plan, adding a word to its reason and saving, over and over for
/// `--session-seconds`. A key's time runs from its write to the end of the frame it caused, which the
/// session marks only because the bench asked it to (`BenchSessionHook`). Then: every save looked for
/// in the database, the sessions' busy waits and error frames, and their private memory.
extension BenchCommand {
    func runSessions(_ count: Int) throws {
        do { try sessionBench(count) } catch let error as SIPError { global.fail(error) }
    }

    private func sessionBench(_ count: Int) throws {
        guard count > 0, sessionSeconds > 0, plans > 0 else {
            throw ValidationError("--sessions, --session-seconds and --plans want positive numbers")
        }
        let dir = try curveDirectory()
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let path = dir + "/plans-\(plans).sqlite"
        let demo = try demoDatabase(path: path, plans: plans, executable: executable)
        let store = try Store(path: path, context: .current(), sharedGroup: nil)
        let targets = try store.sessionBenchPlans(count: count)
        try store.close()
        guard targets.count == count else {
            throw ValidationError("only \(targets.count) plans of \(plans) can be found by number: fewer sessions")
        }
        let work = NSTemporaryDirectory() + "sip-sessions-\(getpid())"
        try FileManager.default.createDirectory(
            atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: work) }
        let before = SessionBench.loadAverage()
        var bench = SessionBench(
            executable: executable,
            arguments: ["--db", path, "--lang", global.lang.rawValue, "--theme", "light"],
            work: work, targets: targets, seconds: Double(sessionSeconds), seed: seed, pace: sessionPace)
        try bench.run()
        let after = SessionBench.loadAverage()
        // Every save the bench made, looked for where it went: the plan's reason holds its token.
        let check = try Store(path: path, context: .current(), sharedGroup: nil)
        defer { try? check.close() }
        _ = try check.signIn()
        // A save whose frame showed an error was refused in the user's sight; one that showed none must be there.
        var tally = SessionBench.SaveTally()
        for session in bench.sessions {
            let plan = try check.plan(session.target)
            // Every text of the plan: after a refused save the form stays open (the user's typing kept),
            // and the keys the bench then sends for the list go into the form and are saved with it.
            let texts = Mirror(reflecting: plan).children.compactMap { $0.value as? String }.joined(separator: "\n")
            let refusedFrames = SessionBench.errorFrames(session.stats)
            for saved in session.savedTokens {
                let stored = texts.contains(saved.token)
                if stored { tally.found += 1 }
                if stored && !plan.reason.contains(saved.token) { tally.foundElsewhere += 1 }
                if refusedFrames.contains(saved.frame) {
                    tally.refused += 1
                } else if !stored {
                    // An error earlier in the round (the open or the edit refused): the form never
                    // opened, the token went to no field, and the user saw why.
                    if refusedFrames.contains(where: { (saved.roundStart..<saved.frame).contains($0) }) {
                        tally.refusedEarlier += 1
                    } else {
                        tally.lost += 1
                        tally.lostSaves.append("session \(session.index), plan \(session.target), \(saved.token)")
                    }
                }
            }
        }
        let report = bench.report(tally)
        if tabular {
            print(report.tabular)
            return
        }
        print(
            "sip-tui bench --sessions: \(count) sessions on \(plans) plans, \(sessionSeconds) s each, seed \(seed), "
                + "TERM=xterm, 80x24, \(path)"
                + (demo.map { " (built by demo in \(String(format: "%.1f", $0.seconds)) s)" } ?? ""))
        print("load average before: \(before); after: \(after)")
        print(report.table)
    }
}

/// The sessions, driven from one thread by `poll` over their terminals.
struct SessionBench {
    /// What a key is measured as.
    enum Figure: String, CaseIterable {
        case start = "start to first screen (process)"
        case move = "list: move (Down/Up)"
        case filter = "filter: type a key"
        case open = "open a plan (Enter)"
        case save = "save the plan form (Ctrl-S)"
    }

    /// One key to send: its bytes, what it is measured as, and the pause before it (seconds).
    struct Step {
        var bytes: [UInt8]
        var figure: Figure?
        var pause: ClosedRange<Double>
        /// The save's token, for the save key.
        var token: String?
    }

    final class Session {
        let index: Int
        let target: Int64
        let pid: pid_t
        let master: Int32
        let stats: String
        var random: SplitMix
        var steps: [Step] = []
        var next = 0
        /// When the next key goes (uptime ns), or nil while a frame is awaited.
        var sendAt: UInt64?
        /// The key in flight: its figure and when it was written.
        var sent: (figure: Figure?, at: UInt64, token: String?)?
        var started: UInt64
        var firstFrame: UInt64?
        var deadline: UInt64 = .max
        var tail: [UInt8] = []
        var saves = 0
        /// Keys written, the final `q` included: each is one key to the session.
        var keysSent = 0
        /// Frames seen, the first screen included (as the session counts them).
        var frames = 0
        /// Each save whose frame came: its token, its frame, and the first frame of its round.
        var savedTokens: [(token: String, frame: Int, roundStart: Int)] = []
        /// The current round's first frame: the one that answers its first key.
        var roundStart = 0
        var saveTimes: [UInt64] = []
        var keyTimes: [UInt64] = []
        var quitting = false
        var exited: Int32?
        var privateKB: Int?
        /// The same, read again as `q` goes, after its half-second pause: what the session holds while
        /// its user pauses (once the heap's free pages went back), which is most of a session's time.
        var pausedKB: Int?
        var failure: String?

        init(index: Int, target: Int64, pid: pid_t, master: Int32, stats: String, seed: UInt64, started: UInt64) {
            self.index = index
            self.target = target
            self.pid = pid
            self.master = master
            self.stats = stats
            self.started = started
            random = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        }
    }

    let executable: String
    let arguments: [String]
    let work: String
    let targets: [Int64]
    let seconds: Double
    let seed: UInt64
    /// The pauses' factor (1: a coordinator's pace).
    let pace: Double
    /// A run's mark in every token, so that an earlier run's words in the same plans never count.
    let mark: String
    private(set) var sessions: [Session] = []
    private(set) var samples: [Figure: [Double]] = [:]
    private(set) var finished: UInt64 = 0
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(
        executable: String, arguments: [String], work: String, targets: [Int64], seconds: Double, seed: UInt64,
        pace: Double
    ) {
        self.pace = pace
        self.executable = executable
        self.arguments = arguments
        self.work = work
        self.targets = targets
        self.seconds = seconds
        self.seed = seed
        mark = String(DispatchTime.now().uptimeNanoseconds % 100_000)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
            .split(separator: " ").prefix(3).joined(separator: ", ")
    }

    /// Starts the sessions, at most four at a time (the next once one has drawn its first screen), runs them all, and ends them when each has worked its time: at the end of a round, its private
    /// memory read, then `q`.
    mutating func run() throws {
        let ending = Self.now() + UInt64((Double(targets.count) * 2 + seconds + 120) * 1e9)
        while Self.now() < ending {
            // A few start at once, as people arrive in the morning; a new one once one has its first screen.
            let starting = sessions.filter { $0.firstFrame == nil && $0.exited == nil }.count
            if starting < 4, sessions.count < targets.count { sessions.append(try spawn(sessions.count)) }
            if sessions.count == targets.count && sessions.allSatisfy({ $0.exited != nil }) { break }
            pump()
        }
        for session in sessions where session.exited == nil {
            session.failure = session.failure ?? "did not end"
            kill(session.pid, SIGKILL)
            var status: Int32 = 0
            waitpid(session.pid, &status, 0)
            session.exited = status
        }
        finished = Self.now()
        for session in sessions { close(session.master) }
    }

    /// One poll over every terminal: output read (a frame's end ends the key in flight), due keys sent.
    private mutating func pump() {
        let now = Self.now()
        var wait = 50
        for session in sessions where session.exited == nil {
            if let at = session.sendAt { wait = min(wait, Int(at > now ? (at - now) / 1_000_000 : 0)) }
        }
        var fds = sessions.map { pollfd(fd: $0.exited == nil ? $0.master : -1, events: Int16(POLLIN), revents: 0) }
        _ = poll(&fds, nfds_t(fds.count), Int32(wait))
        // The sessions that ended, in one call a pump: a `waitpid` for each session each pump was, at
        // 200 sessions, a sixth of a core taken from the sessions being measured.
        var ended: [pid_t: Int32] = [:]
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { break }
            ended[pid] = status
        }
        for (i, session) in sessions.enumerated() where session.exited == nil {
            if fds[i].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                while true {
                    let n = read(session.master, &buffer, buffer.count)
                    if n <= 0 { break }
                    let ends = frameEnds(in: buffer[0..<n], session: session)
                    for _ in 0..<ends { frameEnded(session) }
                }
            }
            if let status = ended[session.pid] {
                session.exited = status
                if !session.quitting || status != 0 { session.failure = session.failure ?? "died (status \(status))" }
                continue
            }
            let now = Self.now()
            if let sent = session.sent, now - sent.at > 30_000_000_000 {
                session.failure = "no frame in 30 s"
                kill(session.pid, SIGKILL)
            }
            if let at = session.sendAt, at <= now { send(session) }
        }
    }

    /// Counts `CSI ? 2026 l` in the output, across reads.
    private func frameEnds(in bytes: ArraySlice<UInt8>, session: Session) -> Int {
        let mark = Array(BenchSessionHook.frameEnd.utf8)
        let text = session.tail + bytes
        var count = 0
        var i = 0
        while i + mark.count <= text.count {
            if text[i] == mark[0] && Array(text[i..<(i + mark.count)]) == mark {
                count += 1
                i += mark.count
            } else {
                i += 1
            }
        }
        session.tail = Array(text.suffix(min(text.count - min(i, text.count), mark.count - 1)))
        return count
    }

    private mutating func frameEnded(_ session: Session) {
        let now = Self.now()
        session.frames += 1
        if session.firstFrame == nil {
            session.firstFrame = now
            samples[.start, default: []].append(Double(now - session.started) / 1e6)
            session.deadline = now + UInt64(seconds * 1e9)
            // The day screen is the start: the plan list is a key away.
            session.steps = [Step(bytes: Array("l".utf8), figure: nil, pause: 0.5...2)]
            schedule(session)
            return
        }
        // A frame nobody waits for: an Esc's own frame, handled after the escape delay.
        guard let sent = session.sent else { return }
        session.sent = nil
        if let figure = sent.figure { samples[figure, default: []].append(Double(now - sent.at) / 1e6) }
        if let token = sent.token {
            session.savedTokens.append((token, session.frames, session.roundStart))
            session.saveTimes.append(now)
        }
        session.keyTimes.append(now)
        schedule(session)
    }

    /// The next key's time; at the end of a round, a new round, or the end when the session's time is up.
    private func schedule(_ session: Session) {
        if session.next >= session.steps.count {
            if Self.now() >= session.deadline {
                session.privateKB = Self.privateMemory(session.pid)
                session.quitting = true
                session.steps = [Step(bytes: Array("q".utf8), figure: nil, pause: 0.5...0.5)]
            } else {
                session.steps = round(session)
                session.roundStart = session.frames + 1
            }
            session.next = 0
        }
        let pause = session.steps[session.next].pause
        let seconds = pause.lowerBound + session.random.unit() * (pause.upperBound - pause.lowerBound)
        session.sendAt = Self.now() + UInt64(max(0, seconds * pace) * 1e9)
    }

    private func send(_ session: Session) {
        let step = session.steps[session.next]
        session.next += 1
        session.sendAt = nil
        if session.quitting { session.pausedKB = Self.privateMemory(session.pid) }
        let written = step.bytes.withUnsafeBytes { write(session.master, $0.baseAddress, $0.count) }
        guard written == step.bytes.count else {
            session.failure = "write to the terminal failed"
            return
        }
        session.keysSent += 1
        // `q` ends the session: no frame follows.
        session.sent = session.quitting ? nil : (step.figure, Self.now(), step.token)
        if step.token != nil { session.saves += 1 }
    }

    /// A round of a coordinator's work, from the plan list: a few moves, a filter typed and erased, the
    /// session's plan found by its number and opened, a word added to its reason and saved, back to the list.
    private func round(_ session: Session) -> [Step] {
        let think: ClosedRange<Double> = 0.5...2
        let typing: ClosedRange<Double> = 0.15...0.4
        var steps: [Step] = []
        let down: [UInt8] = [27, 79, 66]
        let up: [UInt8] = [27, 79, 65]
        for _ in 0..<(1 + session.random.below(4)) { steps.append(Step(bytes: down, figure: .move, pause: think)) }
        steps.append(Step(bytes: up, figure: .move, pause: think))
        steps.append(Step(bytes: Array("/".utf8), figure: nil, pause: think))
        let words = ["berg", "lind", "son", "ek", "ma"]
        let word = Array(words[session.random.below(words.count)].utf8.prefix(2))
        for letter in word { steps.append(Step(bytes: [letter], figure: .filter, pause: typing)) }
        for _ in word { steps.append(Step(bytes: [127], figure: .filter, pause: think)) }
        for digit in String(session.target).utf8 { steps.append(Step(bytes: [digit], figure: .filter, pause: typing)) }
        // The filter applied, the selection to the top (the session's plan is the first match), opened.
        steps.append(Step(bytes: [13], figure: nil, pause: think))
        steps.append(Step(bytes: [27, 79, 72], figure: nil, pause: think))
        steps.append(Step(bytes: [13], figure: .open, pause: think))
        steps.append(Step(bytes: Array("e".utf8), figure: nil, pause: think))
        steps.append(Step(bytes: [5], figure: nil, pause: think))
        // Digits, `-` and `~` only: no screen takes them as a command, should the form not have opened.
        let token = "~\(mark)-\(session.index)-\(session.saves)~"
        for byte in token.utf8 { steps.append(Step(bytes: [byte], figure: nil, pause: typing)) }
        steps.append(Step(bytes: [19], figure: .save, pause: think, token: token))
        // Back to the plan, to the list, and the filter cleared.
        steps.append(Step(bytes: [27], figure: nil, pause: think))
        steps.append(Step(bytes: [27], figure: nil, pause: think))
        return steps
    }

    /// A session: the binary on a new pseudo-terminal, 80x24, as the leader of a session of its own.
    private func spawn(_ index: Int) throws -> Session {
        var name = [CChar](repeating: 0, count: 64)
        let master = sip_open_pty(&name, Int32(name.count), 24, 80)
        guard master >= 0 else { throw SIPError.storage("/dev/ptmx") }
        let slave = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let stats = work + "/session-\(index).stats"
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment[BenchSessionHook.variable] = stats
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        if environment["LANG"] == nil && environment["LC_ALL"] == nil { environment["LANG"] = "C.UTF-8" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid: the terminal becomes the session's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, sip_spawn_setsid())
        let started = Self.now()
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else {
            throw SIPError.storage("spawn")
        }
        return Session(
            index: index, target: targets[index], pid: pid, master: master, stats: stats, seed: seed, started: started)
    }

    /// Private_Clean + Private_Dirty of a process, in kB.
    static func privateMemory(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        var total = 0
        for line in text.split(separator: "\n")
        where line.hasPrefix("Private_Clean:") || line.hasPrefix("Private_Dirty:") {
            total += Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return total
    }

    /// What a session wrote at its end: `name value` lines.
    static func sessionStats(_ path: String) -> [String: Int] {
        var values: [String: Int] = [:]
        for line in ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }

    /// The saves, as the database and the sessions' frames tell.
    struct SaveTally {
        var found = 0
        /// Found, but in another of the plan's fields than the reason (see the check).
        var foundElsewhere = 0
        /// Their frame showed an error (the save did not happen, and the user saw so).
        var refused = 0
        /// Not stored, their frame showed none, but an earlier frame of their round did: the plan's
        /// open or its edit was refused, so the form the save was meant for never opened.
        var refusedEarlier = 0
        /// Their frame showed no error, and the database does not hold them.
        var lost = 0
        /// Which they were (session, plan, token), to look for in the plan afterwards.
        var lostSaves: [String] = []
    }

    /// The frames a session counted as showing an error.
    static func errorFrames(_ path: String) -> Set<Int> {
        Set(
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
                .compactMap { $0.hasPrefix("error-frame ") ? Int($0.dropFirst(12)) : nil })
    }

    struct Report {
        var table: String
        var tabular: String
    }

    func report(_ tally: SaveTally) -> Report {
        func number(_ value: Double) -> String {
            value.isNaN ? "-" : value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
        }
        let p = Bench.Result.percentile
        var lines = ["figure                                 unit    count   median      p95      p99"]
        var rows: [String] = []
        for figure in Figure.allCases {
            let values = samples[figure] ?? []
            let (median, p95, p99) = (p(values, 0.5), p(values, 0.95), p(values, 0.99))
            lines.append(
                figure.rawValue.padding(toLength: 38, withPad: " ", startingAt: 0) + " ms  "
                    + String(values.count).leftPad(8) + " " + number(median).leftPad(8) + " " + number(p95).leftPad(8)
                    + " " + number(p99).leftPad(8))
            rows.append("\(figure.rawValue)\tms\t\(values.count)\t\(median)\t\(p95)\t\(p99)")
        }
        let stats = sessions.map { Self.sessionStats($0.stats) }
        let busy = stats.reduce(0) { $0 + ($1["busy"] ?? 0) }
        let errorFrames = stats.reduce(0) { $0 + ($1["errors"] ?? 0) }
        let failed = sessions.filter { $0.failure != nil || $0.exited != 0 }
        let missingStats = zip(sessions, stats).filter { $0.0.failure == nil && $0.1["frames"] == nil }.count
        // A session that received fewer keys than were sent read two as one: its frames no longer
        // answer the keys the bench ties them to.
        let outOfStep = zip(sessions, stats).filter { session, stats in
            session.failure == nil && stats["keys"].map { $0 != session.keysSent } ?? false
        }
        let errorTexts = sessions.flatMap { session in
            ((try? String(contentsOfFile: session.stats, encoding: .utf8)) ?? "").split(separator: "\n")
                .filter { $0.hasPrefix("error ") }.map { String($0.dropFirst(6)) }
        }
        let saves = sessions.reduce(0) { $0 + $1.saves }
        let confirmed = sessions.reduce(0) { $0 + $1.savedTokens.count }
        let memory = sessions.compactMap(\.privateKB).map { Double($0) / 1024 }
        let memoryMedian = p(memory, 0.5)
        let memoryMax = memory.max() ?? .nan
        let paused = sessions.compactMap(\.pausedKB).map { Double($0) / 1024 }
        let pausedMedian = p(paused, 0.5)
        let pausedMax = paused.max() ?? .nan
        // The window in which every session was at work: from the last first screen to the first end.
        let windowStart = sessions.compactMap(\.firstFrame).max() ?? 0
        let windowEnd = sessions.map { $0.deadline == .max ? finished : min($0.deadline, finished) }.min() ?? 0
        let window = windowEnd > windowStart ? Double(windowEnd - windowStart) / 1e9 : .nan
        let windowSaves = sessions.flatMap(\.saveTimes).filter { $0 >= windowStart && $0 <= windowEnd }.count
        let windowKeys = sessions.flatMap(\.keyTimes).filter { $0 >= windowStart && $0 <= windowEnd }.count
        let savesPerSecond = Double(windowSaves) / window
        let perGB = 1024 / memoryMedian
        let lost = tally.lost
        let saveP99 = p(samples[.save] ?? [], 0.99)
        lines.append(
            "saves: \(saves) made, \(confirmed) with their frame, \(tally.found) found in the database "
                + "(\(tally.foundElsewhere) of them in another field than the reason), "
                + "\(tally.refused) refused with an error shown, \(tally.refusedEarlier) not made (the plan's open "
                + "or edit refused with an error shown earlier in the round), \(lost) lost")
        for text in tally.lostSaves.prefix(5) { lines.append("  lost: \(text)") }
        lines.append("busy retries (a write met SQLITE_BUSY and waited): \(busy)")
        lines.append(
            "errors: \(errorFrames) error frames, \(failed.count) sessions failed"
                + (missingStats > 0 ? ", \(missingStats) without their counts" : "")
                + ", \(outOfStep.count) out of step (keys received differ from keys sent)")
        for (session, stats) in outOfStep.prefix(5) {
            lines.append("  session \(session.index): \(session.keysSent) keys sent, \(stats["keys"] ?? 0) received")
        }
        for text in Set(errorTexts).sorted().prefix(5) { lines.append("  error shown: \(text)") }
        for session in failed.prefix(5) {
            lines.append("  session \(session.index): \(session.failure ?? "exit status \(session.exited ?? -1)")")
        }
        lines.append(
            "private memory per session (Private_Clean + Private_Dirty): median \(number(memoryMedian)) MB, "
                + "max \(number(memoryMax)) MB, of \(memory.count) sessions, at the end of their last round; "
                + "median \(number(pausedMedian)) MB, max \(number(pausedMax)) MB after the pause before `q`"
        )
        lines.append(
            "all \(sessions.count) at work for \(number(window)) s: \(windowSaves) saves (\(number(savesPerSecond))/s), "
                + "\(windowKeys) keys (\(number(Double(windowKeys) / window))/s)")
        lines.append(
            "sizing: \(number(perGB)) sessions per GB of private memory; \(number(savesPerSecond)) saves per second "
                + "at \(sessions.count) sessions")
        let met =
            sessions.count >= 200 && saveP99 < 100 && errorFrames == 0 && failed.isEmpty && lost == 0
            && outOfStep.isEmpty
            && memoryMax <= 6
        lines.append(
            "goal (issue 20: 200 sessions, save p99 < 100 ms, no error, no lost write, <= 6 MB private): "
                + (met ? "met" : "not met"))
        rows += [
            "saves\t\(saves)", "confirmed\t\(confirmed)", "found\t\(tally.found)",
            "found in another field\t\(tally.foundElsewhere)", "refused\t\(tally.refused)",
            "refused earlier in the round\t\(tally.refusedEarlier)",
            "lost\t\(lost)", "busy retries\t\(busy)", "out of step\t\(outOfStep.count)",
            "error frames\t\(errorFrames)", "failed sessions\t\(failed.count)",
            "private memory median\tMB\t\(memoryMedian)", "private memory max\tMB\t\(memoryMax)",
            "private memory paused median\tMB\t\(pausedMedian)", "private memory paused max\tMB\t\(pausedMax)",
            "saves per second\t\(savesPerSecond)", "sessions per GB\t\(perGB)",
        ]
        return Report(table: lines.joined(separator: "\n"), tabular: rows.joined(separator: "\n"))
    }
}

/// A small seeded generator (SplitMix64): the same seed, the same pauses and words.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
