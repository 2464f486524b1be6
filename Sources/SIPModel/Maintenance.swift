import Foundation
import GRDB

/// One line of `sip-tui audit`.
public struct AuditLine: Codable, Equatable, Sendable {
    public var at: String
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: String
}

extension Store {
    /// The audit trail, oldest first: who saw or changed what, and when. With `planId`, everything
    /// about that plan, so the family can be told who has seen it.
    public func auditTrail(planId: Int64? = nil, user: String? = nil, from: Day? = nil, to: Day? = nil) throws -> [AuditLine] {
        let zone = context.timeZone
        return try read { db in
            var request = AuditEntry.order(Column("id"))
            if let planId { request = request.filter(Column("entity") == "plan" && Column("entityId") == planId) }
            if let user { request = request.filter(Column("user") == user) }
            if let from { request = request.filter(Column("at") >= from.date(hour: 0, in: zone)) }
            if let to { request = request.filter(Column("at") < to.adding(days: 1).date(hour: 0, in: zone)) }
            return try request.fetchAll(db).map {
                AuditLine(at: LocalTime.iso($0.at, zone), user: $0.user, entity: $0.entity, entityId: $0.entityId,
                          action: $0.action)
            }
        }
    }

    /// Copies the live database to `destination` with SQLite's online backup (readers and writers
    /// may go on meanwhile). The copy is created owner-only and checked before this returns.
    public func backup(to destination: String) throws {
        let directory = (destination as NSString).deletingLastPathComponent
        guard directory.isEmpty || FileManager.default.fileExists(atPath: directory) else {
            throw SIPError.directoryMissing(directory)
        }
        guard !FileManager.default.fileExists(atPath: destination) else { throw SIPError.invalidValue(field: .place, value: destination) }
        umask(0o077)
        do {
            let target = try DatabaseQueue(path: destination)
            try writer.backup(to: target)
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw SIPError.from(error, path: destination)
        }
        chmod(destination, 0o600)
        let copy = try Store(path: destination, context: context)
        defer { try? copy.close() }
        let report = try copy.check()
        guard report.isHealthy else { throw report.problems[0] }
    }

    /// Replaces this database's contents with `source`, after checking the source is a sound
    /// sip-tui database; a bad source changes nothing.
    public func restore(from source: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw SIPError.cannotOpen(source) }
        let incoming = try Store(path: source, context: context)
        let report = try incoming.check()
        guard report.problems.allSatisfy({ if case .permissionsTooOpen = $0 { return true } else { return false } }) else {
            try? incoming.close()
            throw report.problems.first { if case .permissionsTooOpen = $0 { return false } else { return true } }!
        }
        do {
            try incoming.writer.backup(to: writer)
        } catch {
            try? incoming.close()
            throw SIPError.from(error, path: path)
        }
        try incoming.close()
        try write { db in try self.audit(db, entity: .plan, id: nil, action: "restore", detail: (source as NSString).lastPathComponent) }
    }
}
