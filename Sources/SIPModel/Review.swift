import Foundation
import GRDB
import SIPDomain
import SIPText

/// The BUS group review: what a chair sees for a group (or the whole county) and a period.
/// De-identified by construction: plan numbers, sex and age band, never names or numbers.
public struct GroupReview: Codable, Equatable, Sendable {
    /// A count and the plans (or deviations) behind it, so every figure can open its list.
    public struct Figure: Codable, Equatable, Sendable {
        public var count: Int
        public var ids: [Int64]
        /// Hidden from a chair (then the count is not written out): see `suppressed(below:)`.
        public var suppressed: Suppression? = nil
        /// The interventions behind a figure of interventions, whose `ids` are their plans' numbers.
        public var interventionIds: [Int64]? = nil

        public init(count: Int, ids: [Int64], suppressed: Suppression? = nil, interventionIds: [Int64]? = nil) {
            (self.count, self.ids, self.suppressed, self.interventionIds) = (count, ids, suppressed, interventionIds)
        }
    }

    public struct ResponseTimes: Codable, Equatable, Sendable {
        /// Answered deviations that occurred in the period.
        public var answered: Int
        public var medianDays: Double?
        public var maxDays: Int?
        /// Registered or sent, and past the response date.
        public var overdue: Figure
        /// Too few answers to show their number and days.
        public var suppressed: Suppression? = nil
    }

    /// How many days something took, over the cases measured: their number, median and longest.
    public struct DaySpan: Codable, Equatable, Sendable {
        public var measured = 0
        public var medianDays: Double? = nil
        public var maxDays: Int? = nil
        /// Too few cases to show their number and days.
        public var suppressed: Suppression? = nil

        public init() {}
    }

    public static let ageBands = ["0-5", "6-12", "13-15", "16-17", "18+"]

    public var group: String?
    public var from: Day
    public var to: Day
    /// Open plans at the end of the period (now, when it has not ended), by status code.
    public var openPlansByStatus: [String: Figure]
    /// Plans whose request came in during the period.
    public var plansStarted: Figure
    /// Consent older than the first-meeting deadline and no meeting held.
    public var overdueFirstMeeting: Figure
    /// Open, follow-up date passed.
    public var overdueFollowUp: Figure
    /// Interventions still owed after their due date: the count is of interventions, `ids` are the
    /// numbers of their plans and `interventionIds` the interventions'.
    public var overdueInterventions: Figure
    /// Open plans with a need the meeting identified that no organisation has taken on.
    public var plansWithUnassignedNeeds = Figure(count: 0, ids: [])
    /// Discharge plans (lag 2017:612) past their first-meeting deadline with no meeting held.
    public var overdueDischargeMeeting = Figure(count: 0, ids: [])
    /// Deviations that occurred in the period, by kind code, concerned organisation and status.
    public var deviationsByKind: [String: Figure]
    public var deviationsByConcerned: [String: Figure]
    public var deviationsByStatus: [String: Figure]
    public var responseTimes: ResponseTimes
    /// Open plans at the end of the period by the child's sex and age band (age on the last day of the period).
    public var openPlansBySexAndAge: [String: [String: Int]]
    /// Every deviation kind (code, Swedish, English), in the order of `data/deviation-kinds.tsv`.
    public var deviationKinds: [DeviationKind]
    /// Requests for a SIP received in the period (ids: request ids), and of them those accepted and declined.
    public var requestsReceived = Figure(count: 0, ids: [])
    public var requestsAccepted = Figure(count: 0, ids: [])
    public var requestsDeclined = Figure(count: 0, ids: [])
    /// Days from each accepted request received in the period to its plan's first meeting held.
    public var requestToFirstMeeting = DaySpan()
    /// Set when small counts are hidden: the threshold, and the sex-by-age cells hidden.
    public var suppressBelow: Int? = nil
    public var openPlansBySexAndAgeSuppressed: [String: [String: Suppression]] = [:]
    /// Deviations that had happened and were not closed at the end of the period.
    public var deviationsOpen = Figure(count: 0, ids: [])

    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<6: return "0-5"
        case 6...12: return "6-12"
        case 13...15: return "13-15"
        case 16...17: return "16-17"
        default: return "18+"
        }
    }
}

extension Store {
    /// The review for one BUS group (nil: every group) over `from`...`to`, both days included.
    /// - Parameter withIds: also the ids behind each figure (what the report prints, and what the
    ///   screen lists on Enter), counted from the rows. Without them the figures are summed from
    ///   the tallies triggers keep (`ReviewTally`): what the screen shows, in milliseconds for a county.
    public func review(groupId requested: Int64?, from: Day, to: Day, withIds: Bool = true) throws -> GroupReview {
        let today = context.today, zone = context.timeZone
        // A period that has ended: its figures once counted are kept (`ReviewSnapshot`) until a
        // change reaches back into it; only those of today are counted again.
        let keeps = !withIds && to < today
        if keeps, let kept = try read({ db in try self.keptReview(db, requested, from: from, to: to) }) {
            return kept
        }
        // Claimed before counting, so that a change made meanwhile drops the claim (a file this
        // session may not write is counted every time).
        let claim =
            keeps
            ? try? write { db in try ReviewSnapshot.claim(db, group: self.reviewGroup(db, requested), from, to) } : nil
        let review = try read { db in
            let groupId = try self.reviewGroup(db, requested)
            let query = try ReviewQuery(
                db: db, groupId: groupId, today: today, from: from, to: to, withIds: withIds, timeZone: zone)
            var counts = withIds ? try query.fromRows() : try query.fromTallies()
            try query.finish(&counts)
            if withIds { try query.interventionPlans(&counts.review.overdueInterventions) }
            var review = counts.review
            let days = counts.answeredDays
            (review.responseTimes.answered, review.responseTimes.medianDays, review.responseTimes.maxDays) = (
                days.count, days.median, days.maximum
            )
            let toMeeting = try query.requestDaysToFirstMeeting(zone: zone)
            review.requestToFirstMeeting.measured = toMeeting.count
            review.requestToFirstMeeting.medianDays = toMeeting.median
            review.requestToFirstMeeting.maxDays = toMeeting.maximum
            try self.name(&review, groupId, db)
            return review
        }
        if let claim { try? write { db in try ReviewSnapshot.keep(db, review, claim: claim) } }
        return review
    }

    /// A kept past period's figures, with those of today counted afresh; nil when none are kept.
    private func keptReview(_ db: Database, _ requested: Int64?, from: Day, to: Day) throws -> GroupReview? {
        let groupId = try reviewGroup(db, requested)
        guard var review = try ReviewSnapshot.kept(db, group: groupId, from, to) else { return nil }
        let query = try ReviewQuery(
            db: db, groupId: groupId, today: context.today, from: from, to: to, withIds: false,
            timeZone: context.timeZone)
        for single in ReviewFigures.singles where single.ofToday {
            review[keyPath: single.value] = try query.figure(single.rows(query))
        }
        try name(&review, groupId, db)
        return review
    }

    /// The group's name and the deviation kinds, as the register has them now.
    private func name(_ review: inout GroupReview, _ groupId: Int64?, _ db: Database) throws {
        review.group = try groupId.flatMap { try BusGroup.fetchOne(db, key: $0)?.name }
        review.deviationKinds = try DeviationKind.fetchAll(db, sql: "SELECT * FROM deviationKind ORDER BY rowid")
    }

    /// The ids behind one figure of the review (what Enter on it lists), counted from the rows
    /// for that figure alone.
    public func reviewIds(_ figure: ReviewFigure, groupId requested: Int64?, from: Day, to: Day) throws -> [Int64] {
        let today = context.today, zone = context.timeZone
        return try read { db in
            let query = try ReviewQuery(
                db: db, groupId: try self.reviewGroup(db, requested), today: today,
                from: from, to: to, withIds: true, timeZone: zone)
            let (part, key) = ReviewFigures.definition(of: figure)
            switch part {
            case .single(let single): return try query.figure(single.rows(query)).ids
            case .keyed(let keyed):
                guard let key else { return [] }
                switch keyed.source {
                case .rows(let rows, _):
                    return try query.figure("SELECT id FROM (\(rows(query))) WHERE item = :item", ["item": key]).ids
                case .deviations:
                    var counts = ReviewCounts(from: from, to: to)
                    try query.addDeviations(to: &counts)
                    try query.finish(&counts)
                    return counts.review[keyPath: keyed.value][key]?.ids.sorted() ?? []
                }
            case .value, .bySexAndAge: return []
            }
        }
    }
}

/// One figure of the review whose plans, interventions or deviations can be listed.
public enum ReviewFigure: Hashable, Sendable {
    case openPlans(status: String)
    case started, lateFirstMeeting, lateFollowUp, lateInterventions, lateAnswers, openDeviations
    /// Issue 17: open plans with a need nobody has taken on; discharge plans whose first meeting is late.
    case unassignedNeeds, lateDischargeMeeting
    /// By kind code, by the concerned organisation's name as the review shows it, by status code.
    case deviationsByKind(String), deviationsByConcerned(String), deviationsByStatus(String)
    /// Requests for a SIP received in the period; of them, accepted and declined.
    case requestsReceived, requestsAccepted, requestsDeclined

    /// What the figure's ids are.
    public var lists: ReviewIds {
        switch ReviewFigures.definition(of: self).part {
        case .single(let single): single.lists
        case .keyed(let keyed): keyed.lists
        // Not a figure's definition; `definition(of:)` gives none.
        case .value, .bySexAndAge: .plans
        }
    }
}

/// What a figure of the review answers: how things stood at the end of the period (today, when it
/// has not ended), or what happened during it.
public enum ReviewBasis: String, Codable, Sendable, CaseIterable {
    case endOfPeriod, duringPeriod
}

/// How many of each number of days there are: the answer times, without a list of them.
struct DayHistogram {
    private(set) var counts: [Int: Int] = [:]
    private(set) var count = 0

    mutating func add(_ days: Int, times: Int = 1) {
        counts[days, default: 0] += times
        count += times
    }

    var maximum: Int? { counts.filter { $0.value > 0 }.keys.max() }

    /// The middle value; for an even count, the mean of the two middle ones.
    var median: Double? {
        guard count > 0 else { return nil }
        let sorted = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        func value(at index: Int) -> Int {
            var seen = 0
            for (days, times) in sorted {
                seen += times
                if index < seen { return days }
            }
            return sorted.last!.key
        }
        return count % 2 == 1
            ? Double(value(at: count / 2)) : Double(value(at: count / 2 - 1) + value(at: count / 2)) / 2
    }
}

/// The review as it is gathered: organisations still by id, the answer times as days.
struct ReviewCounts {
    var review: GroupReview
    var answeredDays = DayHistogram()

    init(from: Day, to: Day) {
        let none = GroupReview.Figure(count: 0, ids: [])
        review = GroupReview(
            group: nil, from: from, to: to, openPlansByStatus: [:], plansStarted: none, overdueFirstMeeting: none,
            overdueFollowUp: none, overdueInterventions: none, deviationsByKind: [:], deviationsByConcerned: [:],
            deviationsByStatus: [:], responseTimes: .init(answered: 0, medianDays: nil, maxDays: nil, overdue: none),
            openPlansBySexAndAge: [:], deviationKinds: [])
    }

    mutating func addChildren(sex: String, born: Day, on day: Day, count: Int = 1) {
        addChildren(sex: sex, age: born.age(on: day), count: count)
    }

    /// Children of open plans by sex and age band: `age` on the day counted (as `Day.age(on:)`).
    mutating func addChildren(sex: String, age: Int, count: Int) {
        review.openPlansBySexAndAge[sex, default: [:]][GroupReview.ageBand(age), default: 0] += count
    }
}

/// The review's queries for one group (or every group) and period, and their arguments.
struct ReviewQuery {
    let db: Database
    let groupId: Int64?
    /// The day the figures as of the period's end are counted on: today, or the period's last day
    /// when it ended before today.
    let today: Day
    let from: Day
    let to: Day
    /// The period ended before today: plans count with the status they had at its end (from their
    /// history), deviations as they stood then.
    let ended: Bool
    let arguments: [String: (any DatabaseValueConvertible)?]
    let withIds: Bool

    init(
        db: Database, groupId: Int64?, today: Day, from: Day, to: Day, withIds: Bool,
        timeZone: TimeZone = .stockholm
    ) throws {
        let ended = to < today
        (self.db, self.groupId, self.from, self.to, self.withIds, self.ended) = (
            db, groupId, from, to, withIds, ended
        )
        self.today = ended ? to : today
        var args = OverdueRule.arguments(today: self.today, deadlines: try Store.deadlines(db))
        // Assigning nil would remove the key; "all groups" is an explicit SQL NULL.
        args["group"] = groupId.map { $0 as any DatabaseValueConvertible } ?? DatabaseValue.null
        args["from"] = from
        args["to"] = to
        // The end of the period's last day, local time: history written before it had happened by then.
        args["end"] = to.adding(days: 1).date(hour: 0, in: timeZone)
        arguments = args
    }

    /// The status of plan `p` at the end of the period: its current one, unless its status changed
    /// since, then the one it changed from first ('none': the plan did not exist yet).
    var planStatus: String {
        guard ended else { return "p.status" }
        return """
            COALESCE((SELECT IFNULL(s.fromStatus, 'none') FROM planStatusChange s
                      WHERE s.planId = p.id AND s.changedAt >= :end ORDER BY s.changedAt, s.id LIMIT 1), p.status)
            """
    }

    /// A column of plan `p` as it was at the end of the period: from its first history line written
    /// since (migration v21), or as it is when there is none. `NULL` kept apart as ''.
    private func planThen(_ column: String) -> String {
        guard ended else { return "p.\(column)" }
        return """
            NULLIF(IFNULL((SELECT IFNULL(h.\(column), '') FROM planHistory h
                           WHERE h.planId = p.id AND h.changedAt >= :end ORDER BY h.changedAt, h.id LIMIT 1),
                          IFNULL(p.\(column), '')), '')
            """
    }

    /// Plan `p`'s follow-up date, and its group, at the end of the period.
    var planFollowUp: String { planThen("followUpDate") }
    var planGroup: String { planThen("busGroupId") }

    /// A column of intervention `i` as it was at the end of the period (see `planThen`); its status
    /// 'none' when it did not exist yet.
    private func interventionThen(_ column: String, absent: String) -> String {
        guard ended else { return "i.\(column)" }
        return """
            IFNULL((SELECT IFNULL(h.\(column), \(absent)) FROM interventionHistory h
                    WHERE h.interventionId = i.id AND h.changedAt >= :end ORDER BY h.changedAt, h.id LIMIT 1),
                   i.\(column))
            """
    }

    var interventionStatus: String { interventionThen("status", absent: "'none'") }
    var interventionDue: String { interventionThen("dueDate", absent: "i.dueDate") }

    /// Plan `p` was open at the end of the period.
    var openPlan: String { ended ? "\(planStatus) NOT IN ('closed', 'none')" : ReviewFigures.openPlan }

    /// Deviation `d` was closed by the end of the period. Closed without a closing line in its
    /// history (written before there was one): closed as far back as can be told.
    var deviationClosed: String {
        guard ended else { return "d.status = 'closed'" }
        return """
            (EXISTS (SELECT 1 FROM deviationChange h WHERE h.deviationId = d.id AND h.what = 'status closed'
                     AND h.changedAt < :end)
             OR (d.status = 'closed' AND NOT EXISTS (SELECT 1 FROM deviationChange h
                     WHERE h.deviationId = d.id AND h.what = 'status closed')))
            """
    }

    var statementArguments: StatementArguments { StatementArguments(arguments) }
    // Written out per case: "(:group IS NULL OR ...)" would keep SQLite from seeking the group.
    /// A group's plans now, and those that moved since the period's end: only they can have been in it then.
    static let inGroupNowOrMoved =
        "(p.busGroupId = :group OR p.id IN (SELECT h.planId FROM planHistory h WHERE h.changedAt >= :end))"

    /// For a period that ended, the group the plan had then: those in the group now, or moved since.
    var inGroup: String {
        guard groupId != nil else { return "1" }
        guard ended else { return "p.busGroupId = :group" }
        return """
            \(Self.inGroupNowOrMoved) AND \(planGroup) = :group
            """
    }
    var deviationInGroup: String { ReviewSQL.deviationInGroup(groupId, ended: ended) }
    /// A request counts for its group (`PlanRequest.busGroupId`); one without only for every group.
    var requestInGroup: String { groupId == nil ? "1" : "r.busGroupId = :group" }

    /// Days from each accepted request received in the period to the first meeting held in its plan
    /// (the meeting's Swedish day).
    func requestDaysToFirstMeeting(zone: TimeZone) throws -> DayHistogram {
        var days = DayHistogram()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.receivedOn, (SELECT MIN(m.startsAt) FROM meeting m WHERE m.planId = r.planId AND m.held = 1)
                FROM planRequest r WHERE r.status = 'accepted' AND r.receivedOn BETWEEN :from AND :to
                  AND \(requestInGroup)
                """, arguments: statementArguments)
        while let row = try rows.next() {
            guard let received = row[0] as Day?, let first = row[1] as Date? else { continue }
            days.add(max(0, received.days(until: Day(first, in: zone))))
        }
        return days
    }

    /// Deviations by concerned organisation id, as the review shows them: by name, with the
    /// principal where two share a name.
    func byConcernedName(_ byId: [String: GroupReview.Figure]) throws -> [String: GroupReview.Figure] {
        let labels = try ReviewSQL.agencyLabels(db, ids: byId.keys.compactMap { Int64($0) })
        return Dictionary(
            byId.map { (Int64($0.key).flatMap { labels[$0] } ?? $0.key, $0.value) },
            uniquingKeysWith: { a, b in .init(count: a.count + b.count, ids: (a.ids + b.ids).sorted()) })
    }

    /// `sql` selects ids. Ids are sorted here, not in SQL: without ORDER BY, SQLite may answer
    /// from the review index instead of walking the plan rows in number order.
    func figure(_ sql: String, _ more: [String: any DatabaseValueConvertible] = [:]) throws -> GroupReview.Figure {
        let arguments = StatementArguments(self.arguments.merging(more) { $1 })
        guard withIds else {
            return .init(
                count: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(sql))", arguments: arguments) ?? 0, ids: [])
        }
        let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments).sorted()
        return .init(count: ids.count, ids: ids)
    }

    /// What is counted from the rows however the rest was gathered, and the keys as the review shows them.
    func finish(_ counts: inout ReviewCounts) throws {
        for single in ReviewFigures.singles where single.tally == nil {
            counts.review[keyPath: single.value] = try figure(single.rows(self))
        }
        for keyed in ReviewFigures.keyed {
            guard let relabel = keyed.relabel else { continue }
            counts.review[keyPath: keyed.value] = try relabel(self, counts.review[keyPath: keyed.value])
        }
    }

    /// Every figure from the rows, with the ids behind it.
    func fromRows() throws -> ReviewCounts {
        var counts = ReviewCounts(from: from, to: to)
        for keyed in ReviewFigures.keyed {
            guard case .rows(let sql, _) = keyed.source else { continue }
            var figures: [String: GroupReview.Figure] = [:]
            let rows = try Row.fetchCursor(db, sql: sql(self), arguments: statementArguments)
            while let row = try rows.next() {
                figures[row[0] as String, default: .init(count: 0, ids: [])].ids.append(row[1])
            }
            counts.review[keyPath: keyed.value] = figures.mapValues { .init(count: $0.ids.count, ids: $0.ids.sorted()) }
        }
        for single in ReviewFigures.singles where single.tally != nil {
            counts.review[keyPath: single.value] = try figure(single.rows(self))
        }
        try addDeviations(to: &counts)
        // Through a cursor: a county's open plans are tens of thousands of rows, none kept.
        let children = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.sex, c.birthDate FROM "plan" p JOIN child c ON c.id = p.childId
                WHERE \(openPlan) AND \(inGroup)
                """, arguments: statementArguments)
        while let row = try children.next() { counts.addChildren(sex: row[0], born: row[1], on: to) }
        return counts
    }

    /// The period's deviations from their rows, in one pass: each figure by a column of them, and
    /// the days to each answer.
    /// `matching` picks the deviations (by default those of the group), `sign` -1 takes them away.
    func addDeviations(to counts: inout ReviewCounts, matching: String? = nil, sign: Int = 1) throws {
        typealias ByKey = WritableKeyPath<GroupReview, [String: GroupReview.Figure]>
        let figures = ReviewFigures.keyed.compactMap { keyed -> (ByKey, String)? in
            guard case .deviations(let column, _) = keyed.source else { return nil }
            return (keyed.value, column)
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT d.id, d.occurredOn, d.responseDate\(figures.map { ", " + $0.1 }.joined()) FROM deviation d
                WHERE d.occurredOn BETWEEN :from AND :to AND \(matching ?? deviationInGroup) ORDER BY d.id
                """, arguments: statementArguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            for (index, (value, _)) in figures.enumerated() {
                let key: String = row[3 + index]
                if withIds { counts.review[keyPath: value][key, default: .init(count: 0, ids: [])].ids.append(id) }
                counts.review[keyPath: value][key, default: .init(count: 0, ids: [])].count += sign
            }
            if let occurred = row[1] as Day?, let answered = row[2] as Day? {
                counts.answeredDays.add(occurred.days(until: answered), times: sign)
            }
        }
        if sign < 0 {
            for (value, _) in figures {
                counts.review[keyPath: value] = counts.review[keyPath: value].filter { $0.value.count != 0 }
            }
        }
    }

    /// The tallies count a plan's deviations for the plan's group now: for a period that has ended,
    /// those of a plan that moved since count for the group it had then instead.
    func addDeviationsOfPlansMovedSince(to counts: inout ReviewCounts) throws {
        guard ended, groupId != nil else { return }
        let changed = ReviewSQL.deviationPlanChanged, then = ReviewSQL.deviationGroupThen
        try addDeviations(
            to: &counts, matching: "d.busGroupId = :group AND \(changed) AND \(then) IS NOT :group", sign: -1)
        try addDeviations(to: &counts, matching: "d.busGroupId IS NOT :group AND \(changed) AND \(then) = :group")
    }

    /// Every figure summed from the tallies.
    func fromTallies() throws -> ReviewCounts {
        var counts = ReviewCounts(from: from, to: to)
        let group = groupId ?? ReviewTally.wholeCounty
        /// (item, bucket, n) of each of a figure's tallies.
        func items(_ figure: ReviewTally.Figure) throws -> RowCursor {
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT item, bucket, n FROM \(ReviewTally.table) WHERE busGroupId = ? AND figure = ? AND n <> 0
                    """, arguments: [group, figure.name])
        }
        for keyed in ReviewFigures.keyed {
            guard case .rows(_, let tally) = keyed.source else { continue }
            let rows = try items(tally)
            while let row = try rows.next() {
                let (item, n): (String, Int) = (row[0], row[2])
                counts.review[keyPath: keyed.value][item, default: .init(count: 0, ids: [])].count += n
            }
        }
        for single in ReviewFigures.singles {
            guard let tally = single.tally else { continue }
            if ended, case .rows = single.past {
                counts.review[keyPath: single.value] = try figure(single.rows(self))
                continue
            }
            let count = try ([tally] + tally.more).reduce(0) { sum, part in
                sum
                    + (try Int.fetchOne(
                        db,
                        sql: """
                            SELECT IFNULL(SUM(n), 0) FROM \(ReviewTally.table)
                            WHERE busGroupId = ? AND figure = ? AND \(part.bucket)
                            """, arguments: StatementArguments([group, part.figure.name] + part.values(self))) ?? 0)
            }
            counts.review[keyPath: single.value] = .init(count: count, ids: [])
        }
        let children = try items(.child)
        while let row = try children.next() { counts.addChildren(sex: row[0], born: row[1], on: to, count: row[2]) }
        if ended { try addPlansChangedSince(to: &counts) }

        // The period's deviations: whole months from the month tallies, the days before and after
        // them (or a period within one month) from the day tallies.
        var spans: [(ReviewTally.Span, String, String)] = []
        if let months = Self.wholeMonths(from: from, to: to) {
            spans.append((.month, String(months.first.iso.prefix(7)), String(months.last.iso.prefix(7))))
            if from < months.first { spans.append((.day, from.iso, months.first.adding(days: -1).iso)) }
            if months.last < to { spans.append((.day, months.last.adding(days: 1).iso, to.iso)) }
        } else {
            spans.append((.day, from.iso, to.iso))
        }
        var dimensions:
            [(ReviewTally.DeviationDimension, WritableKeyPath<GroupReview, [String: GroupReview.Figure]>?)] =
                ReviewFigures.keyed.compactMap {
                    guard case .deviations(_, let dimension) = $0.source else { return nil }
                    return (dimension, $0.value)
                }
        dimensions.append((.days, nil))
        for (dimension, value) in dimensions {
            for (span, first, last) in spans {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT item, SUM(n) FROM \(ReviewTally.table)
                        WHERE busGroupId = ? AND figure = ? AND bucket BETWEEN ? AND ? GROUP BY item HAVING SUM(n) <> 0
                        """, arguments: [group, ReviewTally.Figure.deviations(dimension, span).name, first, last])
                while let row = try rows.next() {
                    let (item, n): (String, Int) = (row[0], row[1])
                    if let value {
                        counts.review[keyPath: value][item, default: .init(count: 0, ids: [])].count += n
                    } else {
                        counts.answeredDays.add(Int(item) ?? 0, times: n)
                    }
                }
            }
        }
        try addDeviationsOfPlansMovedSince(to: &counts)
        return counts
    }

    /// The tallies hold today's plans: for a period that ended before today, the plans changed since
    /// (status, follow-up date, group, interventions) count as they were at its end instead. Counted
    /// in SQL by what they contribute, now and then: a few hundred kinds of plan, not one row each.
    func addPlansChangedSince(to counts: inout ReviewCounts) throws {
        let owed = ReviewTally.owedStatus
        // What the tallies hold now: the plan's group, status and follow-up date as they are, its
        // interventions owed now and due before the period's end.
        let inGroupNow = groupId == nil ? "1" : "p.busGroupId = :group"
        let inGroupThen = groupId == nil ? "1" : "\(planGroup) = :group"
        let rows = try Row.fetchCursor(
            db,
            sql: """
                WITH changed(id) AS (
                    SELECT planId FROM planStatusChange WHERE changedAt >= :end
                    UNION SELECT planId FROM planHistory WHERE changedAt >= :end
                    UNION SELECT planId FROM interventionHistory WHERE changedAt >= :end),
                owedNow(planId, n) AS MATERIALIZED (
                    SELECT i.planId, COUNT(*) FROM intervention i WHERE i.status \(owed) AND i.dueDate < :today
                    GROUP BY i.planId),
                state AS (
                    SELECT \(inGroupNow) AS inNow, \(inGroupThen) AS inThen,
                           p.status AS statusNow, \(planStatus) AS statusThen,
                           IFNULL(p.followUpDate < :today, 0) AS passedNow, IFNULL(\(planFollowUp) < :today, 0) AS passedThen,
                           c.sex AS sex, c.birthDate AS born, p.requestDate BETWEEN :from AND :to AS started,
                           IFNULL((SELECT n FROM owedNow o WHERE o.planId = p.id), 0) AS owedNow,
                           CASE WHEN EXISTS (SELECT 1 FROM interventionHistory h WHERE h.planId = p.id AND h.changedAt >= :end)
                                THEN (SELECT COUNT(*) FROM intervention i WHERE i.planId = p.id
                                      AND \(interventionStatus) \(owed) AND \(interventionDue) < :today)
                                ELSE IFNULL((SELECT n FROM owedNow o WHERE o.planId = p.id), 0) END AS owedThen
                    FROM changed JOIN "plan" p ON p.id = changed.id JOIN child c ON c.id = p.childId
                    WHERE \(groupId == nil ? "1" : Self.inGroupNowOrMoved))
                SELECT inNow, inThen, statusNow, statusThen, passedNow, passedThen, sex,
                       -- The age on the period's last day, as Day.age(on:) counts it (grouped by).
                       CAST(substr(:to, 1, 4) AS INTEGER) - CAST(substr(born, 1, 4) AS INTEGER)
                           - (substr(:to, 6) < substr(born, 6)) AS age,
                       owedNow, owedThen, started, COUNT(*)
                FROM state WHERE inNow OR inThen GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
                """, arguments: statementArguments)
        while let row = try rows.next() {
            let (inNow, inThen, sex, age, n): (Bool, Bool, String, Int, Int) = (row[0], row[1], row[6], row[7], row[11])
            let current = ReviewFigures.PlanState(
                status: row[2], followUpPassed: row[4], owed: row[8], started: row[10])
            let then = ReviewFigures.PlanState(status: row[3], followUpPassed: row[5], owed: row[9], started: row[10])
            for (state, sign) in [(current, inNow ? -n : 0), (then, inThen ? n : 0)] where sign != 0 {
                for single in ReviewFigures.singles {
                    guard case .plans(let contribution) = single.past else { continue }
                    counts.review[keyPath: single.value].count += sign * contribution(state)
                }
                for keyed in ReviewFigures.keyed {
                    guard let past = keyed.past, let key = past(state) else { continue }
                    counts.review[keyPath: keyed.value][key, default: .init(count: 0, ids: [])].count += sign
                }
                if state.isOpen { counts.addChildren(sex: sex, age: age, count: sign) }
            }
        }
        for keyed in ReviewFigures.keyed where keyed.past != nil {
            counts.review[keyPath: keyed.value] = counts.review[keyPath: keyed.value].filter { $0.value.count != 0 }
        }
        counts.review.openPlansBySexAndAge = counts.review.openPlansBySexAndAge.mapValues {
            $0.filter { $0.value != 0 }
        }
        .filter { !$0.value.isEmpty }
    }

    /// The interventions' figure with its ids: the interventions' numbers kept aside, `ids` their plans'.
    func interventionPlans(_ figure: inout GroupReview.Figure) throws {
        figure.interventionIds = figure.ids
        guard !figure.ids.isEmpty else { return }
        figure.ids = try Int64.fetchAll(
            db,
            sql:
                "SELECT DISTINCT planId FROM intervention WHERE id IN (\(figure.ids.map(String.init).joined(separator: ",")))"
        ).sorted()
    }

    /// The first and last day of the whole months within `from`...`to`; nil when there is none.
    static func wholeMonths(from: Day, to: Day) -> (first: Day, last: Day)? {
        // By days, not by month arithmetic: the month after the last one a Day can hold has no Day.
        let first =
            from.day == 1 ? from : from.adding(days: Day.daysIn(month: from.month, year: from.year) - from.day + 1)
        let endsMonth = to.day == Day.daysIn(month: to.month, year: to.year)
        let last = endsMonth ? to : Day(year: to.year, month: to.month, day: 1)!.adding(days: -1)
        return first <= last ? (first, last) : nil
    }
}

enum ReviewSQL {
    /// A deviation belongs to the group of its plan; without a plan, to the concerned organisation's
    /// group, or the reporting one's when the concerned serves every group. Kept in
    /// `deviation.busGroupId` by triggers; this is the rule they apply to the row `row`.
    static func deviationGroup(_ row: String) -> String {
        """
        COALESCE((SELECT busGroupId FROM "plan" WHERE id = \(row).planId),
                 CASE WHEN \(row).planId IS NULL THEN COALESCE(
                     (SELECT busGroupId FROM agency WHERE id = \(row).concernedAgencyId),
                     (SELECT busGroupId FROM agency WHERE id = \(row).reportingAgencyId)) END)
        """
    }

    /// The deviation `d` counts for the group asked for (`:group`; any, without one). Triggers keep
    /// `d.busGroupId` at its plan's group now: for a period that has ended (by `:end`), a plan's
    /// deviation counts for the group the plan had then.
    static func deviationInGroup(_ groupId: Int64?, ended: Bool = false) -> String {
        guard groupId != nil else { return "1" }
        guard ended else { return "d.busGroupId = :group" }
        return "(d.busGroupId = :group OR \(deviationPlanChanged)) AND \(deviationGroupThen) = :group"
    }

    /// `d`'s plan changed (its group among what may have) since the end of the period.
    static let deviationPlanChanged = "d.planId IN (SELECT h.planId FROM planHistory h WHERE h.changedAt >= :end)"

    /// The group `d` counted for at the end of the period: its plan's then, from the plan's first
    /// history line written since (`ReviewQuery.planGroup`), else the one it has now.
    static let deviationGroupThen = """
        IFNULL((SELECT h.busGroupId FROM planHistory h WHERE h.planId = d.planId AND h.changedAt >= :end
                ORDER BY h.changedAt, h.id LIMIT 1), d.busGroupId)
        """

    /// Organisation names, told apart where they repeat: by the principal where two share a name,
    /// then by the BUS groups they serve, and by their number where even those are the same. Every
    /// organisation gets a label of its own.
    static func agencyLabels(_ db: Database, ids: [Int64]) throws -> [Int64: String] {
        let agencies = try Agency.filter(ids.contains(Agency.Columns.id)).fetchAll(db)
        guard !agencies.isEmpty else { return [:] }
        var groups: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT ag.agencyId, g.name FROM agencyGroup ag JOIN busGroup g ON g.id = ag.busGroupId
                WHERE ag.agencyId IN (\(agencies.map { String($0.id!) }.joined(separator: ",")))
                """)
        {
            groups[row[0], default: []].append(row[1])
        }
        func repeated(_ key: (Agency) -> String) -> Set<String> {
            Set(Dictionary(agencies.map { (key($0), 1) }, uniquingKeysWith: +).filter { $0.value > 1 }.keys)
        }
        let names = repeated(\.name)
        let principals = repeated { "\($0.name)\u{0}\($0.principalName)" }
        func label(_ a: Agency) -> String {
            guard names.contains(a.name) else { return a.name }
            guard principals.contains("\(a.name)\u{0}\(a.principalName)") else {
                return "\(a.name) (\(a.principalName))"
            }
            let served = (groups[a.id!] ?? []).sorted().joined(separator: ", ")
            return served.isEmpty ? "\(a.name) (\(a.principalName))" : "\(a.name) (\(a.principalName); \(served))"
        }
        var labels = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, label($0)) })
        let same = Dictionary(grouping: labels.keys, by: { labels[$0]! }).filter { $0.value.count > 1 }
        for ids in same.values { for id in ids { labels[id] = "\(labels[id]!) #\(id)" } }
        return labels
    }
}

extension Day {
    /// The first day of the year that ends on this day: the same date a year earlier, plus one.
    public var startOfYearEndingHere: Day {
        (Day(year: year - 1, month: month, day: day) ?? Day(year: year - 1, month: month, day: 28)!).adding(days: 1)
    }
}

extension GroupReview {
    /// A figure's count as shown: a mark when it is hidden.
    func text(_ figure: Figure) -> String { figure.suppressed.map(mark) ?? String(figure.count) }
}

/// What the ids behind a figure are.
public enum ReviewIds: Sendable, Equatable { case plans, interventions, deviations, requests }

/// The review as rows of (section, item, count): one table that text, CSV and spreadsheets share,
/// and the screen, which also opens the ids behind a row.
public enum ReviewTable {
    /// `figure`: which figure the row counts, where its plans, interventions or deviations can be listed.
    /// `basis`: whether the count is of the period's end or of what happened during it.
    public typealias Row = (
        section: String, item: String, count: String, ids: [Int64], figure: ReviewFigure?, basis: ReviewBasis
    )

    /// - Parameter decimalComma: write 15,5 rather than 15.5 (Swedish text, and any semicolon CSV).
    public static func rows(_ r: GroupReview, catalog c: Catalog, decimalComma: Bool? = nil) -> [Row] {
        var rows: [Row] = []
        func decimal(_ value: Double) -> String {
            let text = String(format: "%.1f", value)
            return (decimalComma ?? c.usesDecimalComma) ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        for part in ReviewFigures.table {
            switch part {
            case .single(let single):
                let counted = r[keyPath: single.value]
                // The interventions' figure lists interventions; its `ids` are their plans.
                rows.append(
                    (
                        c.review(single.section), c.review(single.item), r.text(counted),
                        counted.interventionIds ?? counted.ids,
                        counted.suppressed == nil ? single.figure : nil, single.basis
                    ))
            case .keyed(let keyed):
                let figures = r[keyPath: keyed.value], name = keyed.name(r, c)
                for key in keyed.order(r) ?? figures.keys.sorted() {
                    let counted = figures[key] ?? .init(count: 0, ids: [])
                    rows.append(
                        (
                            c.review(keyed.section), name(key), r.text(counted), counted.ids,
                            counted.suppressed == nil ? keyed.figure(key) : nil, keyed.basis
                        ))
                }
            case .value(let section, let item, let hiddenBy, let value):
                // The count of what is measured shows its mark; its days show nothing.
                let hidden = r[keyPath: hiddenBy].map { item == .answered || item == .firstMeetings ? r.mark($0) : "–" }
                rows.append((c.review(section), c.review(item), hidden ?? value(r, decimal), [], nil, .duringPeriod))
            case .bySexAndAge:
                for sex in Sex.allCases {
                    for band in GroupReview.ageBands {
                        let count = r.openPlansBySexAndAge[sex.rawValue]?[band] ?? 0
                        let text = r.openPlansBySexAndAgeSuppressed[sex.rawValue]?[band].map(r.mark) ?? String(count)
                        rows.append(
                            (c.review(.openPlansBySexAndAge), "\(c.sex(sex)) \(band)", text, [], nil, .endOfPeriod))
                    }
                }
            }
        }
        return rows
    }

    /// What a figure answers, in words: "per 2025-12-31" (the period's last day) or "under perioden".
    public static func basis(_ basis: ReviewBasis, _ r: GroupReview, catalog c: Catalog) -> String {
        switch basis {
        case .endOfPeriod: c(.reviewAsOf) + " " + r.to.iso
        case .duringPeriod: c(.duringThePeriod)
        }
    }

    public static func text(_ r: GroupReview, catalog c: Catalog) -> String {
        let title = (r.group ?? c(.allGroups)) + ", \(r.from.iso)–\(r.to.iso)"
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
        var section = ""
        for row in rows(r, catalog: c) {
            let heading = row.section + " (" + basis(row.basis, r, catalog: c) + ")"
            if heading != section {
                section = heading
                out += "\n" + section + "\n"
            }
            let item = TerminalText.safe(row.item)
            out += "  " + item + String(repeating: " ", count: max(1, 44 - item.count)) + row.count + "\n"
        }
        return out
    }

    /// CSV a Swedish spreadsheet opens as it is: UTF-8 with a byte-order mark, semicolons, CRLF,
    /// fields quoted when they hold the separator, a quote or a line break (RFC 4180).
    public static func csv(_ r: GroupReview, catalog c: Catalog, separator: Character = ";") -> String {
        let header = [c(.csvGroup), c(.csvFrom), c(.csvTo), c(.csvSection), c(.csvItem), c(.csvCount), c(.csvBasis)]
        let group = r.group ?? c(.csvAllGroups)
        return SpreadsheetCSV.document(
            [header]
                + rows(r, catalog: c, decimalComma: separator == ";").map { row in
                    [group, r.from.iso, r.to.iso, row.section, row.item, row.count, basis(row.basis, r, catalog: c)]
                }, separator: separator)
    }
}

/// CSV a Swedish spreadsheet opens as it is: UTF-8 with a byte-order mark, semicolons, CRLF,
/// fields quoted when they hold the separator, a quote or a line break (RFC 4180).
public enum SpreadsheetCSV {
    public static func document(_ lines: [[String]], separator: Character = ";") -> String {
        func field(_ raw: String) -> String {
            // A value a spreadsheet would take for a formula is marked as text: one that starts with
            // =, +, -, @, a tab or a carriage return, also after leading spaces (spreadsheets skip
            // them). Control characters are then shown as the terminal interface shows them.
            let start = raw.unicodeScalars.first { $0 != " " && $0 != "\n" }
            let formula = start.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
            let text = TerminalText.safe(formula ? "'" + raw : raw, keepNewlines: true)
            let needsQuotes =
                text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: String(separator)) }.joined(separator: "\r\n")
            + "\r\n"
    }

    /// The register's deviations as rows of a spreadsheet: no free text, only what the list shows.
    public static func deviations(_ rows: [DeviationSummary], catalog c: Catalog, separator: Character = ";")
        -> String
    {
        let header = [
            c.entityName(.deviation), c.field(.occurredOn), c(.kind), c.ui(.reportingAgency), c.ui(.concernedAgency),
            c(.planNumber), c.field(.status), c.ui(.escalationLevel), c(.responseDue), c.ui(.filterOverdue),
        ]
        return document(
            [header]
                + rows.map { row in
                    [
                        String(row.id), row.occurredOn.iso, row.kindName, row.reportingAgency, row.concernedAgency,
                        row.planId.map(String.init) ?? "", c.deviationStatus(row.status), c.escalation(row.escalation),
                        row.responseDue.iso, row.overdue ? c(.overdue) : "",
                    ]
                }, separator: separator)
    }
}

extension Store {
    /// The list behind a review figure, de-identified: numbers, statuses, organisations, dates,
    /// sex and age band (only where no small count is hidden); never names, personal numbers or free text.
    public func reviewList(_ kind: ReviewIds, ids: [Int64], on day: Day, catalog c: Catalog) throws -> [String] {
        // A chair's lists hold only their group's plans, whatever ids are asked for.
        return try read { db in
            let group = try self.reviewGroup(db, nil)
            guard !ids.isEmpty else { return [] }
            let list = ids.map(String.init).joined(separator: ",")
            // SQL text for "in the chair's group", by what the list holds; empty for every group.
            func inGroup(_ plan: String) -> String {
                group.map { " AND \(plan) IN (SELECT id FROM \"plan\" WHERE busGroupId = \($0))" } ?? ""
            }
            switch kind {
            case .plans:
                // Through a cursor, the words looked up once: a county's figure can be tens of thousands.
                let plan = c(.planNumber)
                let statuses = Dictionary(uniqueKeysWithValues: PlanStatus.allCases.map { ($0.rawValue, c.status($0)) })
                let sexes = Dictionary(uniqueKeysWithValues: Sex.allCases.map { ($0.rawValue, c.sex($0)) })
                var lines: [String] = []
                lines.reserveCapacity(ids.count)
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT p.id, p.status, c.sex, c.birthDate, g.name FROM "plan" p JOIN child c ON c.id = p.childId
                        JOIN busGroup g ON g.id = p.busGroupId WHERE p.id IN (\(list))\(inGroup("p.id")) ORDER BY p.id
                        """)
                // Where small counts are hidden, a list must not give them back: counting its lines by
                // status, sex or age band would. Then a plan is its number and group only.
                let attributes = try Store.deadlines(db).suppressBelow <= 1
                while let row = try rows.next() {
                    let (id, status, sex, born, group): (Int64, String, String, Day, String) = (
                        row[0], row[1], row[2], row[3], row[4]
                    )
                    lines.append(
                        attributes
                            ? "\(plan) \(id) · \(statuses[status] ?? "") · \(sexes[sex] ?? "") "
                                + "\(GroupReview.ageBand(born.age(on: day))) · \(group)"
                            : "\(plan) \(id) · \(group)")
                }
                return lines
            case .interventions:
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.id, i.planId, i.dueDate, i.status, a.name FROM intervention i JOIN agency a ON a.id = i.agencyId
                        WHERE i.id IN (\(list))\(inGroup("i.planId")) ORDER BY i.dueDate, i.id
                        """
                ).map { row in
                    let status = InterventionStatus(rawValue: row["status"]).map(c.interventionStatus) ?? ""
                    return
                        "\(c(.planNumber)) \(row["planId"] as Int64) · \(row["name"] as String) · \(c.field(.dueDate)) \(row["dueDate"] as String) · \(status)"
                }
            case .requests:
                // Organisations, dates and the answer: never the child or who asked.
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.id, r.receivedOn, r.status, a.name FROM planRequest r JOIN agency a ON a.id = r.toAgencyId
                        WHERE r.id IN (\(list))\(group.map { " AND r.busGroupId = \($0)" } ?? "") ORDER BY r.receivedOn, r.id
                        """
                ).map { row in
                    let status = RequestStatus(rawValue: row["status"]).map(c.requestStatus) ?? ""
                    return
                        "\(c.entityName(.request)) \(row["id"] as Int64) · \(row["receivedOn"] as String) · \(row["name"] as String) · \(status)"
                }
            case .deviations:
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.id, d.occurredOn, d.status, k.nameSv, k.nameEn, a.name FROM deviation d
                        JOIN deviationKind k ON k.code = d.kind JOIN agency a ON a.id = d.concernedAgencyId
                        WHERE d.id IN (\(list))\(group.map { " AND d.busGroupId = \($0)" } ?? "") ORDER BY d.occurredOn, d.id
                        """
                ).map { row in
                    let status = DeviationStatus(rawValue: row["status"]).map(c.deviationStatus) ?? ""
                    let kind = c.name(of: DeviationKind(code: "", nameSv: row["nameSv"], nameEn: row["nameEn"]))
                    return
                        "\(c.entityName(.deviation)) \(row["id"] as Int64) · \(row["occurredOn"] as String) · \(kind) · \(row["name"] as String) · \(status)"
                }
            }
        }
    }
}

/// Counts per calendar month over the twelve months ending with `to`'s month.
public struct Trends: Codable, Equatable, Sendable {
    /// "2026-01"... oldest first, twelve of them.
    public var months: [String]
    public var plansStarted: [Int]
    public var meetingsHeld: [Int]
    /// Deviation kind code to counts per month.
    public var deviationsByKind: [String: [Int]]
    public var deviationKinds: [DeviationKind]

    public var deviationsTotal: [Int] {
        months.indices.map { i in deviationsByKind.values.reduce(0) { $0 + $1[i] } }
    }
}

extension Store {
    public func trends(groupId requested: Int64?, to: Day) throws -> Trends {
        let zone = context.timeZone, today = context.today
        return try read { db in
            let groupId = try self.reviewGroup(db, requested)
            let last = Day(year: to.year, month: to.month, day: 1)!
            var months: [String] = []
            var first = last
            for back in (0..<12).reversed() {
                var year = last.year, month = last.month - back
                while month < 1 {
                    month += 12
                    year -= 1
                }
                let day = Day(year: year, month: month, day: 1)!
                if back == 11 { first = day }
                months.append(String(day.iso.prefix(7)))
            }
            let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
            // The twelve months' plans and deviations in the group they were in at the end (as the review counts them).
            let query = try ReviewQuery(
                db: db, groupId: groupId, today: today, from: first, to: to, withIds: false, timeZone: zone)
            var args = query.arguments
            // The meetings' times bounding the twelve Swedish months, so their index finds them.
            args["startsFrom"] = first.date(hour: 0, in: zone)
            args["startsBefore"] = to.adding(days: 1).date(hour: 0, in: zone)
            let inGroup = query.inGroup, deviationInGroup = query.deviationInGroup
            func perMonth(_ sql: String) throws -> [Int] {
                var counts = Array(repeating: 0, count: 12)
                for month in try String.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                    if let i = index[month] { counts[i] += 1 }
                }
                return counts
            }
            let started = try perMonth(
                """
                SELECT substr(p.requestDate, 1, 7) FROM "plan" p WHERE p.requestDate BETWEEN :from AND :to AND \(inGroup)
                """)
            // Meeting times are stored in UTC; the month is the Swedish one.
            var held = Array(repeating: 0, count: 12)
            for date in try Date.fetchAll(
                db,
                sql: """
                    SELECT m.startsAt FROM meeting m JOIN "plan" p ON p.id = m.planId
                    WHERE m.held = 1 AND m.startsAt >= :startsFrom AND m.startsAt < :startsBefore AND \(inGroup)
                    """, arguments: StatementArguments(args))
            {
                if let i = index[String(Day(date, in: zone).iso.prefix(7))] { held[i] += 1 }
            }
            var byKind: [String: [Int]] = [:]
            let kinds = try DeviationKind.fetchAll(db, sql: "SELECT * FROM deviationKind ORDER BY rowid")
            for kind in kinds { byKind[kind.code] = Array(repeating: 0, count: 12) }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.kind, substr(d.occurredOn, 1, 7) FROM deviation d
                    WHERE d.occurredOn BETWEEN :from AND :to AND \(deviationInGroup)
                    """, arguments: StatementArguments(args))
            {
                let kind: String = row[0]
                if let i = index[row[1] as String] { byKind[kind, default: Array(repeating: 0, count: 12)][i] += 1 }
            }
            return Trends(
                months: months, plansStarted: started, meetingsHeld: held, deviationsByKind: byKind,
                deviationKinds: kinds)
        }
    }
}

/// Text charts: one row per month, a bar of `#` scaled to the widest value, the number beside it.
/// Plain ASCII, so it reads the same in monochrome and on any terminal.
public enum TextChart {
    /// `marks`: a value shown as this text (a hidden count), without a bar.
    public static func bars(labels: [String], values: [Int], width: Int, marks: [String?] = []) -> [String] {
        let labelWidth = labels.map(\.count).max() ?? 0
        let shown = values.enumerated().map { marks.indices.contains($0) && marks[$0] != nil ? 0 : $1 }
        let texts = values.indices.map { i in (marks.indices.contains(i) ? marks[i] : nil) ?? String(values[i]) }
        let maximum = max(1, shown.max() ?? 0)
        let numberWidth = texts.map(\.count).max() ?? 1
        let room = max(1, width - labelWidth - numberWidth - 3)
        return zip(labels, zip(shown, texts)).map { label, value in
            let length = value.0 == 0 ? 0 : max(1, value.0 * room / maximum)
            return label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " "
                + String(repeating: " ", count: numberWidth - value.1.count) + value.1 + " "
                + String(repeating: "#", count: length)
        }
    }
}

extension Trends {
    /// The three charts and the per-kind table, for a screen or a terminal `width` columns wide.
    /// - Parameter suppressBelow: counts from 1 to one under it are shown as "<N"; in the table by
    ///   kind, as many more as it takes so that neither a month's total (the chart above it) nor a
    ///   kind's total over the twelve months (the review's deviations by kind for the same twelve
    ///   months) gives a hidden one away (".."), as the annual report's table does.
    public func text(catalog c: Catalog, width: Int, suppressBelow threshold: Int = 1) -> String {
        let labels = months
        var out: [String] = []
        func marks(_ state: [Suppression?]) -> [String?] {
            state.map { $0.map { $0 == .small ? "<\(threshold)" : ".." } }
        }
        func chart(_ title: String, _ values: [Int], _ state: [Suppression?]) {
            out.append(title)
            out += TextChart.bars(labels: labels, values: values, width: width, marks: marks(state)).map { "  " + $0 }
            out.append("")
        }
        func alone(_ values: [Int]) -> [Suppression?] {
            CellSuppression.solve(values, dimensions: [], threshold: threshold)
        }
        let kinds = deviationKinds.map(\.code)
        let totals = deviationsTotal
        let table = KindByMonth(
            kinds: kinds, cells: kinds.map { deviationsByKind[$0] ?? Array(repeating: 0, count: 12) },
            previous: kinds.map { _ in 0 },
            monthTotals: .init(values: totals.map { $0 }, suppressed: alone(totals)), threshold: threshold)
        chart(c(.plansStartedPerMonth), plansStarted, alone(plansStarted))
        chart(c(.meetingsHeldPerMonth), meetingsHeld, alone(meetingsHeld))
        // A month the table had to hide for its kinds' sake is hidden in the chart too.
        chart(c(.deviationsPerMonth), totals, table.monthTotals.suppressed)
        let kindCounts = kinds.map { deviationsByKind[$0] ?? Array(repeating: 0, count: 12) }
        let cellMarks = table.rows.map { marks($0.months.suppressed) }
        out.append(c(.deviationsByKindAndMonth))
        let nameWidth = max(10, min(24, width - 12 * 3 - 2))
        out.append("  " + String(repeating: " ", count: nameWidth) + months.map { " " + $0.suffix(2) }.joined())
        for (row, kind) in deviationKinds.enumerated() {
            let counts = kindCounts[row].enumerated().map { cellMarks[row][$0] ?? String($1) }
            var name = c.name(of: kind)
            if name.count > nameWidth { name = String(name.prefix(nameWidth - 1)) + "…" }
            out.append(
                "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    + counts.map { String(repeating: " ", count: max(0, 3 - $0.count)) + $0 }.joined())
        }
        return out.joined(separator: "\n")
    }
}
