import Crypto
import Foundation
import GRDB
import SIPDomain

/// The audit log's hash chain: each row's `hash` is SHA-256 over the previous row's hash and the
/// row's own fields, so a row changed, inserted or removed behind the program's back (triggers
/// dropped, the file edited) breaks the chain from there on, and `check` names the first such row.
/// Migration v12-audit-chain filled it for the rows before it, with the same rule written out.
enum AuditChain {
    /// `sip_sha256(text)`: lower-case hex SHA-256 of the text's UTF-8; NULL for NULL.
    static let function = DatabaseFunction("sip_sha256", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(hash)
    }

    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The row's fields as the chain hashes them, each as SQLite's quote() writes it (NULL, 12
    /// and '12' differ), for a row aliased `alias`.
    static func fields(_ alias: String) -> String {
        ["id", "at", "user", "entity", "entityId", "action", "detail"].map { "quote(\(alias).\($0))" }
            .joined(separator: " || ',' || ")
    }

    /// Appends one row at the end of the log, with the next id and the chain's next hash; the
    /// triggers refuse any other insert. Returns the new row's id.
    static func append(
        _ db: Database, at: Date, user: String, entity: String, entityId: Int64?, action: String
    ) throws -> Int64 {
        try db.execute(
            sql: """
                WITH n(id, at, user, entity, entityId, action, detail) AS (
                    VALUES (IFNULL((SELECT MAX(id) FROM auditLog), 0) + 1, ?, ?, ?, ?, ?, ''))
                INSERT INTO auditLog (id, at, user, entity, entityId, action, detail, hash)
                SELECT n.id, n.at, n.user, n.entity, n.entityId, n.action, n.detail,
                       sip_sha256(IFNULL((SELECT hash FROM auditLog ORDER BY id DESC LIMIT 1), '') || ':'
                                  || \(fields("n")))
                FROM n
                """, arguments: [at, user, entity, entityId, action])
        return db.lastInsertedRowID
    }

    /// The id of the first row whose hash does not continue the chain; nil when every row does.
    static func firstBrokenRow(_ db: Database) throws -> Int64? {
        var previous = ""
        let rows = try Row.fetchCursor(
            db, sql: "SELECT l.id, l.hash, \(fields("l")) AS fields FROM auditLog l ORDER BY l.id")
        while let row = try rows.next() {
            let stored: String? = row["hash"]
            let expected = hash(previous + ":" + (row["fields"] as String? ?? ""))
            guard stored == expected else { return row["id"] }
            previous = expected
        }
        return nil
    }
}
