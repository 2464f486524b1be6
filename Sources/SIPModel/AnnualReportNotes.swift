import Foundation
import GRDB
import SIPDomain

/// What a BUS group did in a year, in its own words (the annual report's "Vad gjordes"): written by
/// the group's chair or an administrator, one text per group and year, shown to every reader of
/// the report. So it may hold nothing that identifies a child: a text with anything shaped like a
/// personnummer or samordningsnummer is refused, not masked (a masked number would still say that
/// one was there, and the writer should choose their words).
///
/// The deviations' own notes (when closed unanswered, when escalated) are not in the report: they
/// are free text about one deviation and may name the child. The report counts escalations by
/// level (`byEscalation`) instead; the deviations have no kind of measure to count notes by.
public struct AnnualNote: Codable, Equatable, Sendable {
    /// The group's name as the report shows it.
    public var group: String
    public var text: String
}

extension Store {
    /// The longest note, in code points (as `Field.note`, the other long texts).
    public static var annualNoteLimit: Int { Field.note.maxLength }

    /// Writes group `groupId`'s note on `year`; an empty text removes it. Refused, with nothing
    /// saved: a control character (other than newline and tab), a text over the limit, anything
    /// shaped like an identity number, and a writer who is neither an administrator nor the chair of
    /// this group.
    public func writeAnnualNote(groupId: Int64, year: Int, text raw: String) throws {
        guard (1900...9999).contains(year) else { throw SIPError.invalidDate(String(year)) }
        let allowed: Set<Unicode.Scalar> = ["\n", "\t", "\r"]
        if let bad = raw.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control && !allowed.contains($0)
        }) {
            throw SIPError.invalidValue(field: .note, value: String(format: "U+%04X", bad.value))
        }
        let text = try TextRules.validated(raw, for: .note)
        if IdentityScreen().findings(text).contains(.personalNumber) { throw SIPError.identityInSharedText }
        try write { db in
            guard try BusGroup.exists(db, key: groupId) else { throw SIPError.notFound(.busGroup, groupId) }
            if text.isEmpty {
                try db.execute(
                    sql: "DELETE FROM annualNote WHERE busGroupId = ? AND year = ?", arguments: [groupId, year])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO annualNote (busGroupId, year, text, writtenAt, writtenBy) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (busGroupId, year) DO UPDATE SET
                            text = excluded.text, writtenAt = excluded.writtenAt, writtenBy = excluded.writtenBy
                        """, arguments: [groupId, year, text, self.context.now(), self.context.user])
            }
            // The year, and whether it was removed: never the text itself.
            try self.audit(db, .writeAnnualNote(group: groupId), detail: text.isEmpty ? "\(year) removed" : "\(year)")
        }
    }

    /// Group `groupId`'s note on `year`, for the form that edits it: to its writers (an
    /// administrator, the group's chair) and to whoever may read the group's annual report.
    public func annualNote(groupId: Int64, year: Int) throws -> String {
        try read { db in
            if let access = try self.currentAccess(db), !access.can(.settings) { _ = try self.reviewGroup(db, groupId) }
            return try String.fetchOne(
                db, sql: "SELECT text FROM annualNote WHERE busGroupId = ? AND year = ?", arguments: [groupId, year])
                ?? ""
        }
    }

    /// The notes of `year` the annual report of `groupId` (nil: the county, every group's) shows.
    /// Read inside the report's own checks (`reviewGroup`).
    func annualNotes(_ db: Database, groupId: Int64?, year: Int) throws -> [AnnualNote] {
        var sql = """
            SELECT g.name, n.text FROM annualNote n JOIN busGroup g ON g.id = n.busGroupId WHERE n.year = ?
            """
        var arguments: StatementArguments = [year]
        if let groupId {
            sql += " AND n.busGroupId = ?"
            arguments += [groupId]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY g.name", arguments: arguments).map {
            AnnualNote(group: $0[0], text: $0[1])
        }
    }
}
