import Foundation
import GRDB

/// What `sip-tui bench --sessions` needs of the store: how often a write met another session's lock,
/// and plans a session can find by its number alone.
extension Store {
    /// How many times, in this process, a statement met SQLITE_BUSY (another connection's lock) and
    /// waited to try again: one count per wait of the busy handler (see `busyHandler`).
    public static var busyRetries: Int { BusyCount.shared.value }

    /// The busy handler every connection gets: SQLite's own back-off of its busy timeout (1, 2, 5, 10,
    /// 15, 20, 25, 25, 25, 50, 50, then 100 ms a try, until `timeout` is spent), counting each wait.
    static func busyHandler(timeout: TimeInterval) -> Database.BusyMode {
        let limit = Int(timeout * 1000)
        return .callback { tries in
            let delays = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]
            let totals = [0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228]
            let index = min(tries, delays.count - 1)
            let waited = tries < delays.count ? totals[index] : totals.last! + (tries - delays.count + 1) * 100
            let delay = min(delays[index], limit - waited)
            guard delay > 0 else { return false }
            BusyCount.shared.increment()
            usleep(useconds_t(delay * 1000))
            return true
        }
    }

    /// Up to `count` open plans (not closed, not purged, room left in their reason) that a filter of
    /// their number finds first: no plan with a lower number holds that number in its search text
    /// (a child's personal number, say). Picked from the highest numbers down.
    public func sessionBenchPlans(count: Int) throws -> [Int64] {
        try read { db in
            let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM plan") ?? 0
            let step = max(1, highest / Int64(max(1, count * 20)))
            // Spread over the numbers first; then, on a small database, every number left.
            var candidates: [Int64] = Array(Swift.stride(from: highest, to: Int64(0), by: -Int(step)))
            if step > 1 {
                candidates += Swift.stride(from: highest, to: Int64(0), by: -1).filter { (highest - $0) % step != 0 }
            }
            var found: [Int64] = []
            for id in candidates {
                if found.count == count { break }
                let open = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT status <> 'closed' AND purgedOn IS NULL AND length(reason) < 3000
                        FROM plan WHERE id = ?
                        """, arguments: [id])
                guard open == true else { continue }
                let first = try Int64.fetchOne(
                    db, sql: "SELECT min(rowid) FROM planSearch WHERE text GLOB ?", arguments: ["*\(id)*"])
                if first == id { found.append(id) }
            }
            return found
        }
    }
}

/// The process's count of busy waits.
final class BusyCount: @unchecked Sendable {
    static let shared = BusyCount()
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
