import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
    import SIPDomain
    import SIPText
#endif

/// The result of `sip-tui check`: each problem found, empty when all is well.
public struct CheckReport: Sendable, Equatable {
    public var problems: [SIPError] = []
    public var isHealthy: Bool { problems.isEmpty }
}

extension Store {
    /// Runs SQLite's integrity and foreign-key checks, recounts the review's tallies and compares,
    /// verifies the audit log's hash chain, and that the database files are readable by their owner only.
    public func check() throws -> CheckReport {
        var report = CheckReport()
        report.problems += Store.permissionProblems(path: path, sharedGroup: sharedGroup)
        let (integrity, violations, stale, broken) = try readOnReadOnlyConnection { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let sound = integrity == ["ok"]
            return (
                integrity, violations, sound ? try ReviewTally.differences(db) : 0,
                sound ? try AuditChain.firstBrokenRow(db) : nil
            )
        }
        if integrity != ["ok"] { report.problems.append(.integrityFailed(integrity.prefix(3).joined(separator: "; "))) }
        if violations > 0 { report.problems.append(.foreignKeyViolations(violations)) }
        if stale > 0 { report.problems.append(.reviewTalliesStale(stale)) }
        if let broken { report.problems.append(.auditChainBroken(row: broken)) }
        return report
    }

    /// Reads on a connection of its own, opened read-only: SQLite refuses it every write to the
    /// database but takes its temporary tables (the tallies' recount), which the session's reads
    /// (`query_only` on its one connection) refuse.
    func readOnReadOnlyConnection<T>(_ body: (Database) throws -> T) throws -> T {
        var config = Store.configuration(busyTimeout: busyTimeout, now: context.now)
        config.readonly = true
        return try mappingErrors {
            let connection = try DatabaseQueue(path: path, configuration: config)
            defer { try? connection.close() }
            return try connection.read(body)
        }
    }

    /// Counts the review's tallies afresh from the rows: after another program wrote the database
    /// without them (REPLACE without recursive triggers, triggers dropped).
    public func recountReviewTallies() throws {
        try write { db in
            try self.currentAccess(db)?.require(.maintenance)
            // The plans' first-meeting marks first: the tallies are counted from them.
            try db.execute(sql: FirstMeetingMarks.mend)
            try ReviewTally.fill(db)
        }
    }

    /// Files of the database that others may access: group members too, unless the files are
    /// shared with `sharedGroup` on purpose.
    static func permissionProblems(path: String, sharedGroup: String? = nil) -> [SIPError] {
        let sharedId = sharedGroup.flatMap { getgrnam($0)?.pointee.gr_gid }
        return ["", "-wal", "-shm"].compactMap { suffix -> SIPError? in
            let file = path + suffix
            var info = stat()
            guard stat(file, &info) == 0 else { return nil }
            let mode = Int(info.st_mode & 0o777)
            let groupMayRead = mode & 0o070 != 0 && (sharedId == nil || info.st_gid != sharedId)
            return mode & 0o007 != 0 || groupMayRead
                ? .permissionsTooOpen(path: file, mode: String(mode, radix: 8)) : nil
        }
    }
}
