import Foundation
import SIPDomain
import SIPText

/// SQL a migration runs, frozen in `Resources/sql` when the migration was written. A migration must
/// do on every database what it did when it shipped, whatever the program's types, rules and data
/// files have become since (GRDB: migrations must not depend on application code). The generators
/// below wrote the files; tests check that today's generators and data files still agree with them.
enum FrozenSQL {
    /// The migration script `name` (e.g. "v11-review-tally.sql").
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "sql/" + name, withExtension: nil) else {
            throw SIPError.storage("missing migration script \(name)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A value as an SQL string literal.
    static func literal(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }

    /// One INSERT per row, in order (a table's rowid order is the order its rows are shown in).
    static func inserts(into table: String, columns: [String], rows: [[String]]) -> String {
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
        return rows.map { head + $0.joined(separator: ", ") + ");\n" }.joined()
    }
}

/// Reference data read from the `data/` files bundled with the program: the readable source the
/// frozen reference rows of the migrations were written from (`v1-reference-data.sql`,
/// `v5-spider-dimensions.sql`), and what tests compare a new database with.
struct ReferenceData {
    var agencyKinds: [AgencyKind]
    var deviationKinds: [DeviationKind]
    var agenda: [AgendaTemplateItem]
    var spiderDimensions: [SpiderDimensionRow]

    struct SpiderDimensionRow: Equatable {
        var position: Int
        var code: String
        var nameSv: String
        var nameEn: String
    }

    static func bundled() throws -> ReferenceData {
        let agencyKinds = try DataFile.rows("agency-kinds.tsv", columns: 4).map {
            AgencyKind(
                code: $0[0], nameSv: $0[1], nameEn: $0[2],
                defaultPrincipal: PrincipalType(rawValue: $0[3]) ?? .other)
        }
        let deviationKinds = try DataFile.rows("deviation-kinds.tsv", columns: 3).map {
            DeviationKind(code: $0[0], nameSv: $0[1], nameEn: $0[2])
        }
        let agenda = try DataFile.rows("agenda.tsv", columns: 4).enumerated().map { index, row in
            AgendaTemplateItem(position: index + 1, code: row[0], titleSv: row[1], titleEn: row[2], guidanceSv: row[3])
        }
        let dimensions = try DataFile.rows("spider-dimensions.tsv", columns: 3).enumerated().map { index, row in
            SpiderDimensionRow(position: index + 1, code: row[0], nameSv: row[1], nameEn: row[2])
        }
        return ReferenceData(
            agencyKinds: agencyKinds, deviationKinds: deviationKinds, agenda: agenda,
            spiderDimensions: dimensions)
    }

    /// What migration v1-reference-data inserts.
    var v1SQL: String {
        let q = FrozenSQL.literal
        let kinds = agencyKinds.map { [q($0.code), q($0.nameSv), q($0.nameEn), q($0.defaultPrincipal.rawValue)] }
        let agendaRows = agenda.map {
            [String($0.position), q($0.code), q($0.titleSv), q($0.titleEn), q($0.guidanceSv)]
        }
        return "-- Reference rows from data/*.tsv, frozen for migration v1-reference-data: never edit.\n"
            + FrozenSQL.inserts(
                into: "agencyKind", columns: ["code", "nameSv", "nameEn", "defaultPrincipal"],
                rows: kinds)
            + FrozenSQL.inserts(
                into: "deviationKind", columns: ["code", "nameSv", "nameEn"],
                rows: deviationKinds.map { [q($0.code), q($0.nameSv), q($0.nameEn)] })
            + FrozenSQL.inserts(
                into: "agendaTemplate",
                columns: ["position", "code", "titleSv", "titleEn", "guidanceSv"], rows: agendaRows)
    }

    /// What migration v5-self-assessment inserts.
    var v5SQL: String {
        let q = FrozenSQL.literal
        let rows = spiderDimensions.map { [String($0.position), q($0.code), q($0.nameSv), q($0.nameEn)] }
        return "-- Reference rows from data/spider-dimensions.tsv, frozen for migration v5: never edit.\n"
            + FrozenSQL.inserts(into: "spiderDimension", columns: ["position", "code", "nameSv", "nameEn"], rows: rows)
    }
}
