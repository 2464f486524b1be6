import Foundation
import GRDB
import SIPDomain

/// One line of the day: the plan it opens (or the request), its date, and what it is about.
public struct DayLine: Codable, Equatable, Sendable {
    public var section: DaySection
    /// The plan Enter opens; nil for a request not yet accepted.
    public var planId: Int64?
    /// The request Enter opens (`newRequests`).
    public var requestId: Int64?
    /// The day the line is about: the meeting's, the due date, the withdrawal, the request's, the last meeting.
    public var day: Day?
    /// A meeting's time.
    public var startsAt: Date?
    public var childName: String
    /// What the line is about, from the database (a place, an intervention, an organisation): free text.
    public var detail: String
    /// Past its date (an overdue follow-up or intervention).
    public var overdue: Bool

    public init(
        section: DaySection, planId: Int64? = nil, requestId: Int64? = nil, day: Day? = nil, startsAt: Date? = nil,
        childName: String, detail: String = "", overdue: Bool = false
    ) {
        self.section = section
        self.planId = planId
        self.requestId = requestId
        self.day = day
        self.startsAt = startsAt
        self.childName = childName
        self.detail = detail
        self.overdue = overdue
    }
}

/// The coordinator's day: every section's lines for `today`, for the plans the user may see.
public struct DaySchedule: Codable, Equatable, Sendable {
    /// "This week": today and the seven days after it (due in 7 days is within, in 8 is not).
    public static let weekDays = 7
    /// Meetings lacking an interpreter are flagged this many days ahead (today included):
    /// interpreting services are booked a week or two in advance.
    public static let interpreterDays = 14
    /// Lines a section lists at most (its count goes on to `countCap`).
    public static let sectionLimit = 200
    /// Counts stop here; a section at the cap shows "1000+" (`DaySchedule.countText`).
    public static let countCap = 1000

    /// A count as shown: exact below the cap, "1000+" at it.
    public static func countText(_ count: Int) -> String {
        count >= countCap ? "\(countCap)+" : String(count)
    }

    public var today: Day
    public var quietDays: Int
    /// Every section, in `DaySection` order, with its lines and how many there are.
    public var sections: [Part]

    public struct Part: Codable, Equatable, Sendable {
        public var section: DaySection
        public var lines: [DayLine]
        public var count: Int
    }

    public init(today: Day, quietDays: Int, sections: [Part]) {
        self.today = today
        self.quietDays = quietDays
        self.sections = sections
    }

    public var total: Int { sections.reduce(0) { $0 + $1.count } }
    /// The total as shown: with "+" when a section's count stopped at the cap.
    public var totalText: String {
        sections.contains { $0.count >= Self.countCap } ? "\(total)+" : String(total)
    }
    public func count(_ section: DaySection) -> Int { sections.first { $0.section == section }?.count ?? 0 }
    public func lines(_ section: DaySection) -> [DayLine] { sections.first { $0.section == section }?.lines ?? [] }
}

extension Store {
    /// The day for the signed-in coordinator (the library used directly: every plan), by the
    /// session's clock.
    public func daySchedule() throws -> DaySchedule {
        let today = context.today, zone = context.timeZone
        return try read { db in
            let access = try self.currentAccess(db)
            try access?.require(.plans)
            let quiet = try Store.deadlines(db).dayQuietDays
            var query = DayQuery(db: db, access: access, today: today, zone: zone, quietDays: quiet)
            try query.findVisiblePlans()
            let parts = try DaySection.allCases.map { section in
                let (lines, count) = try query.lines(section)
                return DaySchedule.Part(section: section, lines: lines, count: count)
            }
            return DaySchedule(today: today, quietDays: quiet, sections: parts)
        }
    }
}

/// The day's queries for one user and day.
struct DayQuery {
    let db: Database
    let access: Access?
    let today: Day
    let zone: TimeZone
    let quietDays: Int
    /// For a coordinator who does not see every plan: the numbers of their open plans, found once for
    /// the whole day (in its one read), as JSON for `json_each`; nil for anyone else.
    var visibleIds: String?

    /// Tests the user's plan condition once on their candidate plans (`planCandidates`), instead of
    /// once in each section's query.
    mutating func findVisiblePlans() throws {
        visibleIds = try access?.visibleOpenPlans(db, today: today)
    }

    /// The start of `day` in the user's time zone (meeting times are stored as instants).
    func start(of day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The plans the user may see, open and not purged, as a condition on `p`. For a coordinator
    /// who does not see every plan, one of the plans found by `findVisiblePlans`, and "+" keeps SQLite
    /// off the status and purge indexes: the query starts from those few plans, not from every open
    /// plan in the file with the consent rule tested on each.
    func visiblePlans(_ arguments: inout [String: (any DatabaseValueConvertible)?]) -> String {
        if let visibleIds {
            arguments["visibleIds"] = visibleIds
            return "(+p.status <> 'closed' AND +p.purgedOn IS NULL AND \(Access.inVisiblePlans))"
        }
        let condition = access.map { $0.planCondition(&arguments, today: today) } ?? "1"
        return "(p.status <> 'closed' AND p.purgedOn IS NULL AND COALESCE((\(condition)), 0))"
    }

    /// Whether the user sees every plan (a central SIP team, the library used directly): then the
    /// sections walk their date index and stop after a page, instead of starting from the plans.
    /// For a coordinator of a few dozen plans, starting from the plans stays the better way.
    var seesEveryPlan: Bool { access?.seesEveryPlan ?? true }

    /// The join that starts from `table` (by its date `index` when the user sees every plan).
    func walk(_ table: String, _ alias: String, index: String) -> String {
        seesEveryPlan ? "\(table) \(alias) INDEXED BY \(index) CROSS JOIN" : "\(table) \(alias) JOIN"
    }

    /// A section's query in parts, so that its count can leave out what only its lines show.
    struct SectionSQL {
        /// The line's columns.
        var columns: String
        /// The rows the section counts: the table it walks and the plan the user's condition tests.
        var rows: String
        /// Joins that only fetch what a line shows (the child's name, an organisation's): each
        /// finds exactly one row (a NOT NULL reference) or is a LEFT JOIN, so the count needs none.
        var shown: String
        var condition: String
        var order: String
        /// The rows that follow `condition`'s in the order, when the section's rows are two ranges of
        /// its index (`order` then names result columns): one condition with OR walks every index
        /// row between the two ranges; two are each a seek, merged in order.
        var then: String? = nil

        /// `select` (ending in WHERE) with `condition`, and again with `then` when there is one.
        private func matching(_ select: String) -> String {
            "\(select) \(condition)\(then.map { " UNION ALL \(select) \($0)" } ?? "")"
        }
        var lines: String { "\(matching("SELECT \(columns) FROM \(rows) \(shown) WHERE")) ORDER BY \(order)" }
        /// How many rows, to the cap: the walk stops there, in whatever order it finds them.
        var count: String {
            "SELECT COUNT(*) FROM (\(matching("SELECT 1 FROM \(rows) WHERE")) LIMIT \(DaySchedule.countCap))"
        }
    }

    /// A section's lines (at most `sectionLimit`) and their count, counted up to `countCap`.
    func lines(_ section: DaySection) throws -> ([DayLine], Int) {
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "today": today, "weekEnd": today.adding(days: DaySchedule.weekDays),
            "limit": DaySchedule.sectionLimit,
        ]
        let plans = visiblePlans(&arguments)
        let child = "JOIN child c ON c.id = p.childId"
        let query: SectionSQL
        switch section {
        case .meetingsToday, .meetingsThisWeek:
            let (from, to) =
                section == .meetingsToday
                ? (today, today.adding(days: 1)) : (today.adding(days: 1), today.adding(days: DaySchedule.weekDays + 1))
            arguments["from"] = start(of: from)
            arguments["to"] = start(of: to)
            query = SectionSQL(
                columns: """
                    m.planId, NULL AS requestId, NULL AS day, m.startsAt, c.name AS childName,
                    CASE WHEN m.place <> '' THEN m.place ELSE m.videoLink END AS detail, 0 AS overdue
                    """,
                rows: "\(walk("meeting", "m", index: "meeting_ahead")) \"plan\" p ON p.id = m.planId", shown: child,
                condition:
                    "m.held = 0 AND m.cancelledAt IS NULL AND m.startsAt >= :from AND m.startsAt < :to AND \(plans)",
                order: "m.startsAt, m.id")
        case .interpretersMissing:
            arguments["from"] = start(of: today)
            arguments["to"] = start(of: today.adding(days: DaySchedule.interpreterDays + 1))
            // Only the meetings marked as needing one (`meeting.interpreterNeeded`, kept by triggers),
            // in time order by their own index: the walk no longer grows with the fortnight's
            // meetings. The same meetings and languages as `Store.lackingInterpreter`.
            query = SectionSQL(
                columns: """
                    m.planId, m.startsAt, c.name AS childName,
                    (SELECT GROUP_CONCAT(DISTINCT f.interpreterLanguage)
                     FROM participant pa JOIN familyMember f ON f.id = pa.familyMemberId AND f.interpreterLanguage <> ''
                     WHERE pa.planId = m.planId AND pa.familyMemberId IS NOT NULL) AS detail
                    """,
                rows: "\(walk("meeting", "m", index: "meeting_interpreter_ahead")) \"plan\" p ON p.id = m.planId",
                shown: child,
                condition: """
                    m.held = 0 AND m.interpreterNeeded = 1 AND m.interpreterBooked = '' AND m.cancelledAt IS NULL
                      AND m.startsAt >= :from AND m.startsAt < :to AND \(plans)
                    """,
                order: "m.startsAt, m.id")
        case .unansweredInvitations:
            return try unansweredInvitations()
        case .followUps:
            query = SectionSQL(
                columns: """
                    p.id AS planId, NULL AS requestId, p.followUpDate AS day, NULL AS startsAt,
                    c.name AS childName, p.followUpCaller AS detail, p.followUpDate < :today AS overdue
                    """,
                rows: "\"plan\" p \(seesEveryPlan ? "INDEXED BY plan_followUp" : "")", shown: child,
                condition: "p.followUpDate <= :weekEnd AND \(plans)", order: "p.followUpDate, p.id")
        case .interventions:
            query = SectionSQL(
                columns: """
                    i.planId, NULL AS requestId, i.dueDate AS day, NULL AS startsAt, c.name AS childName,
                    a.name || ': ' || i.what AS detail, i.dueDate < :today AS overdue
                    """,
                rows: "\(walk("intervention", "i", index: "intervention_open_by_due")) \"plan\" p ON p.id = i.planId",
                shown: "\(child) JOIN agency a ON a.id = i.agencyId",
                condition: "i.status IN ('planned','ongoing') AND i.dueDate <= :weekEnd AND \(plans)",
                order: "i.dueDate, i.id")
        case .withdrawnConsents:
            arguments["since"] = today.adding(days: -DaySchedule.weekDays)
            query = SectionSQL(
                columns: """
                    k.planId, NULL AS requestId, k.withdrawnOn AS day, NULL AS startsAt, c.name AS childName,
                    COALESCE(f.name, c.name) AS detail, 0 AS overdue
                    """,
                rows: "\(walk("consent", "k", index: "consent_withdrawn")) \"plan\" p ON p.id = k.planId",
                shown: "\(child) LEFT JOIN familyMember f ON f.id = k.givenByMemberId",
                // Newest first within a day too: the index's own order (its rowid), so no sort of a week's withdrawals.
                condition: "k.withdrawnOn BETWEEN :since AND :today AND \(plans)",
                order: "k.withdrawnOn DESC, k.id DESC")
        case .newRequests:
            let condition =
                access.map { $0.requestCondition(.inbox, &arguments) } ?? "1"
            query = SectionSQL(
                columns: """
                    NULL AS planId, r.id AS requestId, r.receivedOn AS day, NULL AS startsAt, r.childName,
                    a.name AS detail, 0 AS overdue
                    """,
                rows: "planRequest r", shown: "JOIN agency a ON a.id = r.fromAgencyId",
                condition: "r.status = 'new' AND \(condition)", order: "r.receivedOn, r.id")
        case .quietPlans:
            // Quiet: no meeting (held, booked or ahead) on or after the day `quietDays` ago, and the
            // request itself older than that; those with no meeting at all first, then by the last.
            let since = today.adding(days: -quietDays + 1)
            arguments["quietSince"] = since
            arguments["quietStart"] = start(of: since)
            query = SectionSQL(
                columns: """
                    p.id AS planId, NULL AS requestId, p.lastMeetingAt AS startsAt,
                    p.requestDate AS day, c.name AS childName, '' AS detail, 0 AS overdue
                    """,
                rows: "\"plan\" p \(seesEveryPlan ? "INDEXED BY plan_quiet" : "")", shown: child,
                // Never met and asked long ago, then met long ago: at 1 000 000 plans one condition
                // walked the 125 471 open plans never met to find none asked long ago (35 ms).
                condition: "p.lastMeetingAt IS NULL AND p.requestDate < :quietSince AND \(plans)",
                order: "startsAt, day, planId",
                then: "p.lastMeetingAt < :quietStart AND p.requestDate < :quietSince AND \(plans)")
        }
        let statement = StatementArguments(arguments)
        // A quiet plan's time is its last meeting's (nil: none since the request, its day).
        func line(_ row: Row) -> DayLine {
            DayLine(
                section: section, planId: row["planId"], requestId: row["requestId"], day: row["day"],
                startsAt: row["startsAt"], childName: row["childName"],
                detail: section == .interpretersMissing
                    ? Store.languages(row["detail"]).joined(separator: ", ") : row["detail"] ?? "",
                overdue: row["overdue"] ?? false)
        }
        if !seesEveryPlan {
            // From the user's plans every match is found and sorted before the first line comes out,
            // so the lines and the count (to the cap) come from one pass, not the same work twice.
            let rows = try Row.fetchCursor(
                db, sql: query.lines + " LIMIT \(DaySchedule.countCap)", arguments: statement)
            var lines: [DayLine] = [], count = 0
            while let row = try rows.next() {
                if count < DaySchedule.sectionLimit { lines.append(line(row)) }
                count += 1
            }
            return (lines, count)
        }
        let lines = try Row.fetchAll(db, sql: query.lines + " LIMIT :limit", arguments: statement).map(line)
        // Counted again only when the lines were cut: a section is most often short.
        guard lines.count == DaySchedule.sectionLimit else { return (lines, lines.count) }
        // Counted no further than the cap: a figure of thousands says "more than a day's work" as
        // well as the exact one, which costs a walk over every match.
        return (lines, try Int.fetchOne(db, sql: query.count, arguments: statement) ?? 0)
    }

    /// Kallelser with no answer past their reply-by date (the mail's own query, one line a meeting),
    /// with the child's name the other sections show.
    func unansweredInvitations() throws -> ([DayLine], Int) {
        let all = try Store.invitationsPastReplyBy(db, access: access, today: today, visibleIds: visibleIds)
        let shown = all.prefix(DaySchedule.sectionLimit)
        let names = try Dictionary(
            Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, c.name FROM "plan" p JOIN child c ON c.id = p.childId
                    WHERE p.id IN (SELECT value FROM json_each(?))
                    """, arguments: [String(describing: Array(Set(shown.map(\.planId))))]
            ).map { (row: Row) -> (Int64, String) in (row[0], row[1]) }, uniquingKeysWith: { a, _ in a })
        let lines = shown.map {
            DayLine(
                section: .unansweredInvitations, planId: $0.planId, requestId: nil, day: $0.replyBy,
                startsAt: $0.startsAt, childName: names[$0.planId] ?? "", detail: "\($0.unanswered)", overdue: true)
        }
        return (lines, all.count)
    }
}
