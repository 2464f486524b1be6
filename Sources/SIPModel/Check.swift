import Foundation
import GRDB

/// The result of `sip-tui check`: each problem found, empty when all is well.
public struct CheckReport: Sendable, Equatable {
    public var problems: [SIPError] = []
    public var isHealthy: Bool { problems.isEmpty }
}

extension Store {
    /// Runs SQLite's integrity and foreign-key checks and verifies that the database files are
    /// readable by their owner only.
    public func check() throws -> CheckReport {
        var report = CheckReport()
        report.problems += Store.permissionProblems(path: path)
        let (integrity, violations) = try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            return (integrity, violations)
        }
        if integrity != ["ok"] { report.problems.append(.integrityFailed(integrity.prefix(3).joined(separator: "; "))) }
        if violations > 0 { report.problems.append(.foreignKeyViolations(violations)) }
        return report
    }

    /// Files of the database that group or others may access.
    static func permissionProblems(path: String) -> [SIPError] {
        ["", "-wal", "-shm"].compactMap { suffix -> SIPError? in
            let file = path + suffix
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                  let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else { return nil }
            return mode & 0o077 != 0 ? .permissionsTooOpen(path: file, mode: String(mode, radix: 8)) : nil
        }
    }
}
