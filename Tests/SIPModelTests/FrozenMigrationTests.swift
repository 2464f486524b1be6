import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Migrations run frozen SQL (`Sources/SIPModel/Resources/sql`), never today's generators or data
/// files: these tests check that the generators and data files still agree with the newest frozen files.
@Suite("Migrations run frozen SQL that today's definitions still produce")
struct FrozenMigrationTests {
    static let sqlDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/SIPModel/Resources/sql").standardizedFileURL

    /// Trailing blanks of lines and of the file do not count.
    static func normalised(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// With SIP_FREEZE=1, writes `generated` as the frozen file `name` when there is none yet: a
    /// file that exists belongs to a migration that may have shipped, and is never rewritten.
    static func freezeIfAsked(_ name: String, _ generated: String) throws -> Bool {
        guard ProcessInfo.processInfo.environment["SIP_FREEZE"] == "1" else { return false }
        let url = sqlDirectory.appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: url.path) else { return false }
        try generated.write(to: url, atomically: true, encoding: .utf8)
        return true
    }

    static let howToRegenerate = """
        A change to a review figure's tally changes its triggers. Never edit a frozen file: add a migration \
        (vN-review-tally) that drops the old reviewTally triggers and table and runs a new file, set \
        ReviewTally.frozenInstall to "vN-review-tally.sql", then write the file with \
        `SIP_FREEZE=1 swift test --filter FrozenMigrationTests` (it writes only a file that does not exist yet) \
        and rebuild.
        """

    @Test("the trigger script generated from the figure definitions is the newest frozen one")
    func tallyScriptIsFrozen() throws {
        let generated = ReviewTally.installSQL
        if try Self.freezeIfAsked(ReviewTally.frozenInstall, generated) { return }
        let frozen = try FrozenSQL.text(ReviewTally.frozenInstall)
        #expect(
            Self.normalised(generated) == Self.normalised(frozen),
            "installSQL differs from Resources/sql/\(ReviewTally.frozenInstall). \(Self.howToRegenerate)")
    }

    @Test("a new database has the triggers the definitions generate, and true counts")
    func migratedTriggersAreTheGenerated() throws {
        let t = try TestStore()
        try t.store.read { db in
            for trigger in ReviewTally.triggers {
                let stored = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE name = ?",
                    arguments: [trigger.name])
                #expect(stored == trigger.sql, "\(trigger.name): \(Self.howToRegenerate)")
            }
        }
        // The recount goes to a temporary table, which the session's read-only reads refuse.
        let stale = try t.store.readOnReadOnlyConnection { db in try ReviewTally.differences(db) }
        #expect(stale == 0)
    }

    @Test("the reference rows the migrations insert are the data files' rows")
    func referenceRowsAreTheDataFiles() throws {
        let data = try ReferenceData.bundled()
        for (name, generated) in [("v1-reference-data.sql", data.v1SQL), ("v5-spider-dimensions.sql", data.v5SQL)] {
            _ = try Self.freezeIfAsked(name, generated)
        }
        let t = try TestStore()
        try t.store.read { db in
            let hint =
                "data/ no longer matches what the migrations insert: add a migration that inserts or changes "
                + "the rows (as literal SQL), never edit a frozen file"
            let agencyKinds = try AgencyKind.fetchAll(db, sql: "SELECT * FROM agencyKind ORDER BY rowid")
            let deviationKinds = try DeviationKind.fetchAll(db, sql: "SELECT * FROM deviationKind ORDER BY rowid")
            let agenda = try AgendaTemplateItem.fetchAll(db, sql: "SELECT * FROM agendaTemplate ORDER BY position")
            #expect(agencyKinds == data.agencyKinds, "\(hint)")
            #expect(deviationKinds == data.deviationKinds, "\(hint)")
            #expect(agenda == data.agenda, "\(hint)")
            let dimensions = try Row.fetchAll(db, sql: "SELECT * FROM spiderDimension ORDER BY position").map {
                ReferenceData.SpiderDimensionRow(
                    position: $0["position"], code: $0["code"], nameSv: $0["nameSv"],
                    nameEn: $0["nameEn"])
            }
            #expect(dimensions == data.spiderDimensions, "\(hint)")
        }
    }
}
