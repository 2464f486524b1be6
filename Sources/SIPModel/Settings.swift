import Foundation
import GRDB
import SIPDomain
import SIPText

/// Local deadlines. They differ between municipalities, so they live in the database and are set
/// with `sip-tui settings`; the defaults follow the most common local routines.
public struct Deadlines: Equatable, Sendable, Codable {
    /// Days from consent to the first meeting (one local BUS routine: three weeks).
    public var firstMeetingDays = 21
    /// Days from a meeting to the follow-up it proposes.
    public var followUpDays = 90
    /// Days a concerned organisation has to answer a BUS deviation.
    public var deviationResponseDays = 30
    /// Counts below this are shown to chairs as "<N" (1: none hidden). Not days, but a local setting
    /// kept and set the same way.
    public var suppressBelow = 3
    /// The age from which a child's own consent counts (younger: with a recorded maturity assessment).
    public var childConsentAge = 15
    /// Days without a meeting after which an open plan is listed as quiet on the coordinator's day.
    public var dayQuietDays = 90
    /// Days before a meeting its kallelse asks for an answer (the reply-by date).
    public var replyByDays = 5
    /// Days from the notice of a discharge from in-patient care to the first meeting (lag 2017:612;
    /// the common local routine: three).
    public var dischargeMeetingDays = 3

    public init() {}

    /// The names the settings are stored and set by.
    public static let names = [
        "first-meeting-days", "follow-up-days", "deviation-response-days", "suppress-below", "child-consent-age",
        "day-quiet-days",
        "reply-by-days",
        "discharge-meeting-days",
    ]

    /// The values a setting may take: days, or for `child-consent-age` years.
    public static func range(of name: String) -> ClosedRange<Int> {
        name == "child-consent-age" ? 0...18 : 1...365
    }

    public subscript(name: String) -> Int? {
        get {
            switch name {
            case "first-meeting-days": return firstMeetingDays
            case "follow-up-days": return followUpDays
            case "deviation-response-days": return deviationResponseDays
            case "suppress-below": return suppressBelow
            case "child-consent-age": return childConsentAge
            case "day-quiet-days": return dayQuietDays
            case "reply-by-days": return replyByDays
            case "discharge-meeting-days": return dischargeMeetingDays
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch name {
            case "first-meeting-days": firstMeetingDays = newValue
            case "follow-up-days": followUpDays = newValue
            case "deviation-response-days": deviationResponseDays = newValue
            case "suppress-below": suppressBelow = newValue
            case "child-consent-age": childConsentAge = newValue
            case "day-quiet-days": dayQuietDays = newValue
            case "reply-by-days": replyByDays = newValue
            case "discharge-meeting-days": dischargeMeetingDays = newValue
            default: break
            }
        }
    }
}

extension Store {
    /// The threshold under which chairs see a count as "<N".
    public func suppressBelow() throws -> Int { try deadlines().suppressBelow }

    public func deadlines() throws -> Deadlines {
        try read { db in try Store.deadlines(db) }
    }

    static func deadlines(_ db: Database) throws -> Deadlines {
        var deadlines = Deadlines()
        let stored = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db.constant("SELECT key, value FROM setting"))
                .map { ($0["key"] as String, $0["value"] as String) })
        for name in Deadlines.names {
            if let value = stored[name].flatMap(Int.init) { deadlines[name] = value }
        }
        return deadlines
    }

    /// Sets a deadline by its name (`first-meeting-days`...). Days must be 1 to 365.
    public func setDeadline(_ key: String, days: Int) throws {
        try setDeadlines([(key, days)])
    }

    /// Sets several deadlines at once: every name and value is checked first, then all are written
    /// in one transaction, so a bad one changes nothing.
    public func setDeadlines(_ assignments: [(name: String, days: Int)]) throws {
        for (key, days) in assignments {
            guard Deadlines.names.contains(key) else { throw SIPError.invalidValue(field: .note, value: key) }
            guard Deadlines.range(of: key).contains(days) else {
                throw SIPError.invalidValue(field: .note, value: String(days))
            }
        }
        try write { db in
            for (key, days) in assignments {
                try db.execute(
                    sql: """
                        INSERT INTO setting (key, value) VALUES (?, ?)
                        ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """,
                    arguments: [key, String(days)])
                try self.audit(db, .setting, detail: "\(key)=\(days)")
            }
        }
    }
}
