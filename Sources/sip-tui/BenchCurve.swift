import ArgumentParser
import Foundation
import SIPDomain
import SIPModel

#if canImport(Glibc)
    import Glibc
#endif

/// `sip-tui bench --curve 10000,100000,1000000`: how the bench's figures grow with the database. For
/// each size, a demo database (`demo --plans N`, run as a process of its own) in a directory of the
/// user's, mode 0700, reused when it already holds exactly N plans; then the bench as a process of its
/// own on it (so each size's peak memory and caches are its own); then one table, the sizes side by
/// side with each median's ratio to the smallest size's.
extension BenchCommand {
    func runCurve(_ list: String) throws {
        do { try curve(list) } catch let error as SIPError { global.fail(error) }
    }

    private func curve(_ list: String) throws {
        let sizes = try Self.curveSizes(list)
        let dir = try curveDirectory()
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var columns: [CurveColumn] = []
        for size in sizes {
            let path = dir + "/plans-\(size).sqlite"
            var column = CurveColumn(plans: size)
            column.demo = try demoDatabase(path: path, plans: size, executable: executable)
            column.results = try benchRows(executable: executable, path: path)
            let bytes = [path, path + "-wal"].compactMap {
                (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.intValue
            }
            column.bytesPerPlan = Double(bytes.reduce(0, +)) / Double(max(1, size))
            columns.append(column)
        }
        print(
            "sip-tui bench --curve: \(sizes.map(String.init).joined(separator: ",")) plans, \(iterations) repetitions, "
                + "\(starts) starts, TERM=\(term), 80x24, in \(dir)")
        print(Self.curveTable(columns))
    }

    /// The sizes, smallest first: positive whole numbers separated by commas.
    static func curveSizes(_ list: String) throws -> [Int] {
        let sizes = list.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--curve wants sizes in plans separated by commas, e.g. 10000,100000")
        }
        return Array(Set(sizes.compactMap { $0 })).sorted()
    }

    /// `--curve-dir`, or `sip-tui-curve` in the user's cache directory; created mode 0700 and
    /// refused when it is someone else's or open to others (the demo databases are the user's to read).
    func curveDirectory() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory()
        let dir = curveDir ?? (cache + "/sip-tui-curve")
        if !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(
                atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var info = stat()
        guard lstat(dir, &info) == 0 else { throw SIPError.directoryMissing(dir) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw SIPError.notAPlainFile(path: dir, kind: .other) }
        guard info.st_uid == getuid() else {
            throw SIPError.notOwned(path: dir, owner: String(info.st_uid))
        }
        guard info.st_mode & 0o077 == 0 else {
            throw SIPError.permissionsTooOpen(path: dir, mode: String(info.st_mode & 0o777, radix: 8))
        }
        return dir
    }

    /// The demo database of `plans` plans at `path`: reused when it holds exactly that many, built
    /// when absent (its build's time and peak memory), refused when it holds another number.
    func demoDatabase(path: String, plans: Int, executable: String) throws -> (seconds: Double, megabytes: Double)? {
        guard FileManager.default.fileExists(atPath: path) else {
            return try buildDemo(executable: executable, path: path, plans: plans)
        }
        let store = try Store(path: path, context: .current(), sharedGroup: nil)
        let count = try store.planCount()
        try store.close()
        // A file of ours by name but of another size: not ours to remove.
        guard count == plans else { throw SIPError.databaseNotEmpty }
        return nil
    }

    /// `demo --plans N` into a file of its own, renamed to its place only when the demo has finished,
    /// so an interrupted build is never taken for a database of that size. Its time and peak memory.
    private func buildDemo(executable: String, path: String, plans: Int) throws -> (seconds: Double, megabytes: Double)
    {
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let started = DispatchTime.now().uptimeNanoseconds
        let arguments = [
            executable, "--db", building, "--lang", global.lang.rawValue, "demo", "--plans", String(plans),
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else { throw SIPError.storage("spawn") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000
        // The demo has said why on stderr.
        guard status == 0 else { throw ExitCode.failure }
        for suffix in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: building + suffix) {
            try FileManager.default.moveItem(atPath: building + suffix, toPath: path + suffix)
        }
        return (seconds, Double(usage.ru_maxrss) / 1024)
    }

    /// Today's bench on one database, as a process of its own, read back one figure a line.
    private func benchRows(executable: String, path: String) throws -> [CurveRow] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--db", path, "--lang", global.lang.rawValue, "bench", "--iterations", String(iterations),
            "--starts", String(starts), "--term", term, "--tabular",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExitCode.failure }
        return output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let median = Double(fields[2]), let p95 = Double(fields[3]) else { return nil }
            return CurveRow(name: fields[0], unit: fields[1], median: median, p95: p95)
        }
    }

    static func curveTable(_ columns: [CurveColumn]) -> String {
        func number(_ value: Double) -> String {
            value.isNaN ? "-" : value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
        }
        guard let smallest = columns.first else { return "" }
        let width = 17
        var header = "figure".padding(toLength: 38, withPad: " ", startingAt: 0) + " unit"
        for column in columns { header += ("\(column.plans) med/p95").leftPad(width) }
        // A ratio's heading can fill its column ("1000000/10000"): a space always goes before it.
        for column in columns.dropFirst() { header += " " + "\(column.plans)/\(smallest.plans)".leftPad(width - 5) }
        var lines = [header]
        func line(_ name: String, _ unit: String, _ values: [(Double, Double?)]) {
            var text =
                name.padding(toLength: 38, withPad: " ", startingAt: 0) + " "
                + unit.padding(toLength: 4, withPad: " ", startingAt: 0)
            for (median, p95) in values {
                text += (number(median) + (p95.map { " / " + number($0) } ?? "")).leftPad(width)
            }
            for (median, _) in values.dropFirst() {
                let ratio = values[0].0 > 0 ? median / values[0].0 : .nan
                text += " " + (ratio.isNaN ? "-" : String(format: "%.2fx", ratio)).leftPad(width - 5)
            }
            lines.append(text)
        }
        for row in smallest.results {
            let values = columns.map { column -> (Double, Double?) in
                let match = column.results.first { $0.name == row.name }
                return (match?.median ?? .nan, (match?.p95).flatMap { $0 == match?.median ? nil : $0 })
            }
            line(row.name, row.unit, values)
        }
        line("database file, bytes per plan", "B", columns.map { ($0.bytesPerPlan, nil) })
        lines.append("ratio: the median at a size over the median at \(smallest.plans) plans")
        for column in columns {
            lines.append(
                "\(column.plans) plans: "
                    + (column.demo.map {
                        "demo --plans \(column.plans) built in \(number($0.seconds)) s, peak \(number($0.megabytes)) MB"
                    } ?? "database reused"))
        }
        return lines.joined(separator: "\n")
    }
}

/// One figure of one size, as the bench's `--tabular` line gives it.
struct CurveRow {
    var name, unit: String
    var median, p95: Double
}

/// One size of the curve: its figures, its file, and the demo that made it (nil when reused).
struct CurveColumn {
    var plans: Int
    var results: [CurveRow] = []
    var bytesPerPlan = Double.nan
    var demo: (seconds: Double, megabytes: Double)?
}

extension Bench {
    /// One figure a line: name, unit, median, p95 (tab-separated).
    static func tabular(_ results: [Result]) -> String {
        results.map { "\($0.name)\t\($0.unit)\t\($0.median)\t\($0.p95)" }.joined(separator: "\n")
    }
}
