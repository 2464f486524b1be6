import Foundation
import GRDB
import SIPDomain

/// The figures of a review period that has ended, kept once counted: a county's last year is
/// counted from its history in about a second at 100 000 plans, and is then read in a
/// millisecond, by every session, until a change reaches back into it.
///
/// What happened before a period's end can still change afterwards only through what carries a
/// day of its own: a deviation registered for an earlier day, a consent dated back, a meeting
/// recorded as held, a request received. Triggers (migration v26) drop every kept period that ends
/// on or after the earliest day a change touches; what no day bounds (a child's birth date, a plan
/// deleted, the register's names and groups, the deadlines) drops them all. Changes as of today
/// reach no ended period: the plans' and interventions' history keeps what they were.
///
/// Kept without the ids behind the figures, and unsuppressed (suppression is applied when shown);
/// the figures counted as things stand today (`ReviewFigures.Single.ofToday`) are counted afresh.
enum ReviewSnapshot {
    /// Kept periods beyond this many are dropped, the least recently counted first.
    static let limit = 2000

    private static func group(_ groupId: Int64?) -> Int64 { groupId ?? ReviewTally.wholeCounty }

    /// The kept figures of `from`...`to` for the group (nil: the county), if there are any.
    static func kept(_ db: Database, group groupId: Int64?, _ from: Day, _ to: Day) throws -> GroupReview? {
        guard
            let data = try Data.fetchOne(
                db,
                sql: """
                    SELECT figures FROM reviewSnapshot
                    WHERE busGroupId = ? AND fromDay = ? AND toDay = ? AND figures IS NOT NULL
                    """, arguments: [group(groupId), from, to])
        else { return nil }
        // Figures written by another version of the program that this one cannot read: counted afresh.
        return try? JSONDecoder().decode(GroupReview.self, from: data)
    }

    /// Marks the period as being counted, before counting starts; returns the claim to keep the
    /// figures under. A change that reaches back into the period meanwhile deletes the claim, so
    /// figures counted before it are not kept.
    static func claim(_ db: Database, group groupId: Int64?, _ from: Day, _ to: Day) throws -> Int64 {
        let claim = Int64.random(in: 1...Int64.max)
        try db.execute(
            sql: """
                INSERT INTO reviewSnapshot (busGroupId, fromDay, toDay, claim) VALUES (?, ?, ?, ?)
                ON CONFLICT (busGroupId, fromDay, toDay) DO UPDATE SET claim = excluded.claim, figures = NULL
                """, arguments: [group(groupId), from, to, claim])
        return claim
    }

    /// Keeps the figures counted under `claim`, if it still stands.
    static func keep(_ db: Database, _ review: GroupReview, claim: Int64) throws {
        try db.execute(
            sql: "UPDATE reviewSnapshot SET figures = ?, countedAt = sip_now() WHERE claim = ? AND figures IS NULL",
            arguments: [try JSONEncoder().encode(review), claim])
        guard db.changesCount > 0 else { return }
        try db.execute(
            sql: """
                DELETE FROM reviewSnapshot WHERE id NOT IN (
                    SELECT id FROM reviewSnapshot ORDER BY countedAt IS NULL, countedAt DESC LIMIT ?)
                """, arguments: [limit])
    }
}

extension Store {
    /// Drops every kept period's figures: the next look at a past period counts it afresh (the
    /// bench measures that; nothing else needs it, the triggers drop what a change reaches).
    public func forgetKeptReviews() throws {
        try write { db in try db.execute(sql: "DELETE FROM reviewSnapshot") }
    }
}
