import Foundation
import GRDB
import SIPModel
import Testing

@testable import SIPDemo
@testable import SIPUI
@testable import SIPWidgets

/// Issue 14, build 5: a demo database with every child's name and number typed into every free
/// text a chair can reach; thousands of keys over the chair's and the administrator's screens.
@Suite("A walk on identities hidden in free text")
struct DeidentWalkTests {
    /// Every way a number is written, for each child.
    static func forms(_ digits: String) -> [String] {
        let ten = String(digits.dropFirst(2))
        return [
            digits, String(digits.prefix(8)) + "-" + digits.suffix(4), ten,
            String(ten.prefix(6)) + "-" + ten.suffix(4),
        ]
    }

    @Test("no frame of a chair's or an administrator's screens, and no report, holds a child's name or number")
    func walk() throws {
        let w = try RoleScreenTests.World()
        // (name, number) of every child; each deviation gets its plan's child, or any child's number.
        let children = try w.demo.read { db in
            try Row.fetchAll(db, sql: "SELECT name, personalNumber FROM child WHERE personalNumber IS NOT NULL")
                .map { ($0[0] as String, $0[1] as String) }
        }
        #expect(children.count > 10)
        try w.demo.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, c.name, c.personalNumber,
                           (SELECT name FROM familyMember f WHERE f.childId = c.id LIMIT 1) AS parent
                    FROM deviation d LEFT JOIN "plan" p ON p.id = d.planId LEFT JOIN child c ON c.id = p.childId
                    """)
            for (index, row) in rows.enumerated() {
                let (name, number): (String, String) =
                    (row[1] as String?).map { ($0, row[2] ?? children[index % children.count].1) }
                    ?? ("", children[index % children.count].1)
                let parent: String = row["parent"] ?? ""
                let f = Self.forms(number)
                let id: Int64 = row[0]
                try db.execute(
                    sql: """
                        UPDATE deviation SET description = ?, localAction = ?, response = ?,
                          responseDate = COALESCE(responseDate, occurredOn) WHERE id = ?
                        """,
                    arguments: [
                        "Gäller \(name) \(f[0]), kallad.", "\(parent) ringde om \(f[1]).",
                        "Svar om \(name.uppercased()), \(f[2]); förälder \(parent)", id,
                    ])
                try db.execute(
                    sql: "UPDATE deviationChange SET note = ? WHERE deviationId = ?",
                    arguments: ["\(name) \(f[3])", id])
            }
        }
        let forbidden = children.flatMap { [$0.0] + Self.forms($0.1) }
        var frames = 0
        func check(_ text: String, _ context: String) {
            frames += 1
            for identity in forbidden where text.contains(identity) {
                Issue.record("\(context): \(identity)")
            }
        }
        var rng = SeededRandom(seed: 14)
        let chairKeys: [Key] =
            [.up, .down, .enter, .escape, .pageUp, .pageDown, .home, .end, .left, .right, .tab]
            + "gptmanseacq?kj12".map { Key.character($0) }
        for (login, keys, count) in [
            ("chad", chairKeys, 3_000),
            (
                "ada",
                [.up, .down, .enter, .escape, .tab, .left, .right, .pageDown] + "auqbs?".map { Key.character($0) },
                1_000
            ),
        ] {
            // Exports a walk saves go to a folder of the test's, not where the tests run.
            let exports = TempDir()
            func start() throws -> App {
                let app = App(store: try w.session(login), catalog: Catalog(.sv))
                app.exportDirectory = exports.path("")
                return app
            }
            var app = try start()
            // Systematically: every deviation in the register, in full.
            if login == "chad" {
                app.press(.character("a"))
                let count = (app.top as? DeviationsScreen)?.rows.count ?? 0
                #expect(count > 0)
                for _ in 0..<count {
                    app.press(.enter)
                    check(app.screenText, "\(login) deviation")
                    for _ in 0..<6 {
                        app.press(.pageDown)
                        check(app.screenText, "\(login) deviation")
                    }
                    app.press(.escape, .down)
                }
                app.press(.escape)
            }
            for step in 0..<count {
                let key = keys[Int(rng.next() % UInt64(keys.count))]
                // Quitting ends nothing here: the walk goes on in a fresh session.
                if key == .character("q") { continue }
                app.handle(key)
                if app.isFinished { app = try start() }
                check(app.screenText, "\(login) step \(step) \(key)")
            }
        }
        #expect(frames > 3_500)
        // The report, in every format.
        let chad = try w.session("chad")
        let review = try chad.review(groupId: nil, from: chad.context.today.adding(days: -365), to: chad.context.today)
        let c = Catalog(.sv)
        check(ReviewTable.text(review, catalog: c), "report text")
        check(ReviewTable.csv(review, catalog: c), "report csv")
        check(String(decoding: try JSONEncoder().encode(review), as: UTF8.self), "report json")
    }
}
