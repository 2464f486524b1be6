import Foundation
import GRDB
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// `meeting.interpreterNeeded` (migration v27) stands for a question the day screen used to ask
/// of every meeting of the fortnight: does a family member taking part in its plan need an
/// interpreter? These tests hold the mark to that question through every kind of change.
@Suite("The meeting's interpreter mark: kept by triggers, what the family's rows say")
struct InterpreterMarkTests {
    /// Meetings not held whose mark disagrees with the participants and family members.
    static func wrongMarks(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT m.id FROM meeting m WHERE m.held = 0 AND m.interpreterNeeded IS NOT EXISTS (
                    SELECT 1 FROM participant pa JOIN familyMember f ON f.id = pa.familyMemberId
                    WHERE pa.planId = m.planId AND f.interpreterLanguage <> '')
                ORDER BY m.id
                """)
    }

    @Test("300 random changes to meetings, participants and family members: the mark is what the rows say")
    func randomChanges() throws {
        let t = try TestStore(clock: TestClock(day("2026-06-15")))
        _ = try DemoGenerator.run(store: t.store, plans: 30, seed: 5)
        var rng = SeededRandom(seed: 27)
        var seen: Set<Int> = []
        var marked = 0
        for step in 0..<300 {
            let choice = step < 20 ? step % 10 : rng.int(0...9)
            let changed = try t.store.write { [rng] db -> (SeededRandom, Bool) in
                var local = rng
                return (local, try Self.change(db, choice, &local))
            }
            rng = changed.0
            if changed.1 { seen.insert(choice) }
            let wrong = try t.store.read(Self.wrongMarks)
            #expect(wrong.isEmpty, "change \(choice) at step \(step): meetings \(wrong)")
            guard wrong.isEmpty else { return }
            marked = max(
                marked,
                try t.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM meeting WHERE interpreterNeeded = 1") } ?? 0)
        }
        // Every kind of change was made, and the mark was set, not zero throughout.
        #expect(seen == Set(0...9))
        #expect(marked > 3)
    }

    /// One change of kind `choice`, made in SQL as any code path would make it; false when there
    /// was nothing to change.
    static func change(_ db: Database, _ choice: Int, _ rng: inout SeededRandom) throws -> Bool {
        func any(_ sql: String) throws -> Int64? {
            let ids = try Int64.fetchAll(db, sql: sql)
            return ids.isEmpty ? nil : ids[rng.int(0...(ids.count - 1))]
        }
        let languages = ["", "", "arabiska", "somaliska", "tigrinja"]
        switch choice {
        case 0:  // a family member's need for an interpreter set or taken away
            guard let member = try any("SELECT id FROM familyMember") else { return false }
            try db.execute(
                sql: "UPDATE familyMember SET interpreterLanguage = ? WHERE id = ?",
                arguments: [rng.pick(languages), member])
        case 1:  // a family member of the plan's child takes part
            guard let plan = try any("SELECT id FROM \"plan\""),
                let member = try any(
                    "SELECT f.id FROM familyMember f JOIN \"plan\" p ON p.childId = f.childId WHERE p.id = \(plan)")
            else { return false }
            try db.execute(
                sql: """
                    INSERT INTO participant (planId, familyMemberId, person, invitationKind)
                    VALUES (?, ?, 'Förälder', 'kallelse')
                    """, arguments: [plan, member])
        case 2:  // a participant leaves
            guard let participant = try any("SELECT id FROM participant WHERE familyMemberId IS NOT NULL")
            else { return false }
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [participant])
        case 3:  // a participant is no longer tied to the family member (or is, again)
            guard let participant = try any("SELECT id FROM participant") else { return false }
            let member = try any("SELECT id FROM familyMember")
            try db.execute(
                sql: "UPDATE participant SET familyMemberId = ? WHERE id = ?",
                arguments: [rng.int(0...1) == 0 ? nil : member, participant])
        case 4:  // a family member removed (their participants kept, untied: ON DELETE SET NULL)
            guard
                let member = try any(
                    """
                    SELECT familyMemberId FROM participant WHERE familyMemberId IS NOT NULL
                      AND familyMemberId NOT IN (SELECT givenByMemberId FROM consent WHERE givenByMemberId IS NOT NULL)
                    """)
            else { return false }
            try db.execute(sql: "DELETE FROM familyMember WHERE id = ?", arguments: [member])
        case 5:  // a meeting booked
            guard let plan = try any("SELECT id FROM \"plan\"") else { return false }
            try db.execute(
                sql: """
                    INSERT INTO meeting (planId, kind, startsAt, durationMinutes) VALUES (?, 'follow_up', ?, 60)
                    """, arguments: [plan, "2026-06-\(10 + rng.int(0...15)) 09:00:00.000"])
        case 6:  // a meeting held, or the mark of holding it taken back
            guard let meeting = try any("SELECT id FROM meeting") else { return false }
            try db.execute(sql: "UPDATE meeting SET held = 1 - held WHERE id = ?", arguments: [meeting])
        case 7:  // a meeting moved to another plan (a correction)
            guard let meeting = try any("SELECT id FROM meeting"), let plan = try any("SELECT id FROM \"plan\"")
            else { return false }
            try db.execute(sql: "UPDATE meeting SET planId = ? WHERE id = ?", arguments: [plan, meeting])
        case 8:  // a participant moved to another plan
            guard let participant = try any("SELECT id FROM participant WHERE familyMemberId IS NOT NULL"),
                let plan = try any("SELECT id FROM \"plan\"")
            else { return false }
            try db.execute(sql: "UPDATE participant SET planId = ? WHERE id = ?", arguments: [plan, participant])
        default:  // a plan deleted, its meetings and participants with it
            guard
                let plan = try any(
                    """
                    SELECT id FROM "plan" WHERE status = 'draft'
                      AND id NOT IN (SELECT planId FROM deviation WHERE planId IS NOT NULL)
                      AND id NOT IN (SELECT planId FROM planRequest WHERE planId IS NOT NULL)
                    """)
            else { return false }
            try db.execute(sql: "DELETE FROM \"plan\" WHERE id = ?", arguments: [plan])
        }
        return true
    }

    @Test("a file from before the mark gets it set for the meetings ahead when it is opened")
    func migration() throws {
        let dir = TempDir()
        let path = dir.path("old.sqlite")
        let config = oldFileConfiguration()
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue, upTo: "v26-review-snapshot")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO busGroup (id, name) VALUES (1, 'G');
                        INSERT INTO child (id, name, birthDate, sex) VALUES (1, 'Åsa', '2015-03-12', 'flicka');
                        INSERT INTO familyMember (id, childId, role, name, interpreterLanguage)
                        VALUES (1, 1, 'guardian', 'Mor', 'arabiska'), (2, 1, 'guardian', 'Far', '');
                        INSERT INTO "plan" (id, childId, busGroupId, initiatorKind, requestDate, status, createdAt, updatedAt)
                        VALUES (1, 1, 1, 'guardian', '2026-01-10', 'invited', '2026-01-10 10:00:00.000', '2026-01-10 10:00:00.000'),
                               (2, 1, 1, 'guardian', '2026-01-10', 'invited', '2026-01-10 10:00:00.000', '2026-01-10 10:00:00.000');
                        INSERT INTO participant (planId, familyMemberId, person, invitationKind)
                        VALUES (1, 1, 'Mor', 'kallelse'), (2, 2, 'Far', 'kallelse');
                        INSERT INTO meeting (id, planId, kind, startsAt, durationMinutes, held)
                        VALUES (1, 1, 'first', '2026-09-01 09:00:00.000', 60, 0),
                               (2, 2, 'first', '2026-09-01 09:00:00.000', 60, 0),
                               (3, 1, 'first', '2026-02-01 09:00:00.000', 60, 1);
                        """)
            }
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(queue)
        // Plan 1's mother needs one; plan 2's father does not; a held meeting is not asked.
        #expect(try queue.read { try Int64.fetchAll($0, sql: "SELECT id FROM meeting WHERE interpreterNeeded = 1") } == [1])
        #expect(try queue.read(Self.wrongMarks).isEmpty)
    }
}
