import Foundation
import GRDB
import SIPDomain
import SIPText

/// The orders the plan list offers. Each is a total order (ties by plan number), so pages of it
/// never overlap or skip.
public enum PlanSort: String, CaseIterable, Sendable {
    case number, child, nextDate, status
}

/// What the plan list shows and filters by.
public struct PlanFilter: Sendable, Equatable {
    /// A search's count stops here (shown as "at least").
    public static let countCap = 1000

    public var sort: PlanSort = .number
    public var status: PlanStatus?

    /// The search as planSearch holds text: NFC, control characters gone, lower case.
    var needle: String { TextRules.clean(search, multiline: false).lowercased() }
    /// From three characters the trigram index answers a search; shorter ones are scanned.
    var searchIsIndexed: Bool { needle.count >= 3 }
    public var busGroupId: Int64?
    public var overdueOnly: Bool
    /// Matches child name, personal number digits, plan number and lead agency, case-insensitively.
    public var search: String
    public var limit: Int?
    public var offset: Int

    public init(
        status: PlanStatus? = nil, busGroupId: Int64? = nil, overdueOnly: Bool = false,
        search: String = "", sort: PlanSort = .number, limit: Int? = nil, offset: Int = 0
    ) {
        self.sort = sort
        self.status = status
        self.busGroupId = busGroupId
        self.overdueOnly = overdueOnly
        self.search = search
        self.limit = limit
        self.offset = offset
    }
}

/// One row of the plan list.
public struct PlanSummary: Codable, Equatable, Sendable, FetchableRecord {
    public var id: Int64
    public var childName: String
    /// Masked (YYYYMMDD-****); lists never show the full number.
    public var personalNumberMasked: String?
    public var status: PlanStatus
    public var busGroup: String
    public var leadAgency: String?
    public var leadPerson: String
    /// The nearest of: the follow-up date, the next meeting, the next intervention due date.
    public var nextDate: Day?
    public var followUpDate: Day?
    public var overdue: Bool
    /// A consent was withdrawn while the plan is open: marked in every list.
    public var consentWithdrawn: Bool

    public init(row: Row) throws {
        id = row["id"]
        childName = row["childName"]
        personalNumberMasked = (row["personalNumber"] as String?).map { PersonalNumber(trusted: $0).masked }
        status = row["status"]
        busGroup = row["busGroup"]
        leadAgency = row["leadAgency"]
        leadPerson = row["leadPerson"]
        followUpDate = row["followUpDate"]
        let dates = [followUpDate, row["nextMeeting"] as Day?, row["nextDue"] as Day?].compactMap { $0 }
        nextDate = status == .closed ? nil : dates.min()
        overdue = row["overdue"]
        consentWithdrawn = (row["consentWithdrawn"] as Bool?) ?? false
    }
}

/// One row of the deviation list.
public struct DeviationSummary: Codable, Equatable, Sendable, FetchableRecord {
    public var id: Int64
    public var occurredOn: Day
    public var kind: String
    public var kindName: String
    public var reportingAgency: String
    public var concernedAgency: String
    public var planId: Int64?
    public var status: DeviationStatus
    public var responseDue: Day
    public var overdue: Bool
    public var escalation: Escalation

    public init(row: Row) throws {
        id = row["id"]
        escalation = row["escalation"]
        occurredOn = row["occurredOn"]
        kind = row["kind"]
        kindName = row["kindName"]
        reportingAgency = row["reportingAgency"]
        concernedAgency = row["concernedAgency"]
        planId = row["planId"]
        status = row["status"]
        responseDue = row["responseDue"]
        overdue = row["overdue"]
    }
}

/// The one definition of "overdue", in SQL, so lists, filters and reports agree.
enum OverdueRule {
    /// A plan is overdue when it is open and
    /// - its follow-up date has passed, or
    /// - one of its interventions is still owed after its due date, or
    /// - consent was given more than the first-meeting deadline ago (before `:consentBefore`)
    ///   and no meeting has been held.
    /// - it is a discharge plan (utskrivning, lag 2017:612) notified more than the discharge
    ///   deadline ago (before `:dischargeBefore`) and no meeting has been held.
    /// `:today` is today's date. The value is 0 or 1, never NULL.
    static let planSQL = """
        (p.status <> 'closed' AND (IFNULL(p.followUpDate < :today, 0) OR EXISTS (
            SELECT 1 FROM intervention i WHERE i.planId = p.id AND i.status IN ('planned','ongoing') AND i.dueDate < :today)
         OR (p.status IN ('draft','invited')
            AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held = 1)
            AND EXISTS (SELECT 1 FROM consent c WHERE c.planId = p.id AND c.withdrawnOn IS NULL
                        AND c.validFrom < :consentBefore))
         OR \(dischargeSQL)))
        """

    /// A discharge plan whose first meeting is late: notified before `:dischargeBefore` and no
    /// meeting held. The value is 0 or 1, never NULL.
    static let dischargeSQL = """
        (p.kind = 'discharge' AND IFNULL(p.notifiedOn < :dischargeBefore, 0)
            AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held = 1))
        """

    /// The arguments `planSQL` needs.
    static func arguments(today: Day, deadlines: Deadlines) -> [String: (any DatabaseValueConvertible)?] {
        [
            "today": today, "consentBefore": today.adding(days: -deadlines.firstMeetingDays),
            "dischargeBefore": today.adding(days: -deadlines.dischargeMeetingDays),
        ]
    }
    static let unansweredStatus = "IN ('registered','sent')"
    static let deviationSQL = "(d.status \(unansweredStatus) AND d.responseDue < :today)"
}

extension Store {
    /// One page of the plans `filter` asks for, in its order, and how many there are in all.
    public func planPage(_ filter: PlanFilter) throws -> (rows: [PlanSummary], total: Int) {
        let today = context.today
        return try read { db in
            let access = try self.currentAccess(db)
            try access?.require(.plans)
            return (
                try Store.planSummaries(db, filter: filter, today: today, access: access),
                try Store.planCount(db, filter: filter, today: today, access: access)
            )
        }
    }

    /// The plans the signed-in user may see (every plan when not signed in), purged ones left out.
    public func planSummaries(_ filter: PlanFilter = PlanFilter()) throws -> [PlanSummary] {
        let today = context.today
        return try read { db in
            let access = try self.currentAccess(db)
            try access?.require(.plans)
            return try Store.planSummaries(db, filter: filter, today: today, access: access)
        }
    }

    static func planSummaries(_ db: Database, filter: PlanFilter, today: Day, access: Access? = nil) throws
        -> [PlanSummary]
    {
        // A page of a search alone, in number order, is cut in the index (see planConditions).
        let searchPage = filter.limit.flatMap { limit -> (limit: Int, offset: Int)? in
            searchIsWholeFilter(filter, access) && filter.sort == .number
                && filter.searchIsIndexed ? (max(0, limit), max(0, filter.offset)) : nil
        }
        let (whereClause, arguments) = try planConditions(
            db, filter: filter, today: today, access: access,
            searchPage: searchPage)
        var sql = """
            SELECT p.id, c.name AS childName, c.personalNumber, p.status, g.name AS busGroup, a.name AS leadAgency,
                   p.leadPerson, p.followUpDate,
                   (SELECT MIN(date(m.startsAt)) FROM meeting m WHERE m.planId = p.id AND m.held = 0
                        AND m.cancelledAt IS NULL) AS nextMeeting,
                   (SELECT MIN(i.dueDate) FROM intervention i
                     WHERE i.planId = p.id AND i.status IN ('planned','ongoing')) AS nextDue,
                   \(OverdueRule.planSQL) AS overdue,
                   \(ConsentRule.withdrawn(today: ":today")) AS consentWithdrawn
            FROM "plan" p
            JOIN child c ON c.id = p.childId
            JOIN busGroup g ON g.id = p.busGroupId
            LEFT JOIN agency a ON a.id = p.leadAgencyId
            \(whereClause)
            ORDER BY \(orderBy(filter.sort))
            """
        if let limit = filter.limit, searchPage == nil {
            sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, filter.offset))"
        }
        return try PlanSummary.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }

    /// How many plans match `filter` (its limit and offset aside).
    static func planCount(_ db: Database, filter: PlanFilter, today: Day, access: Access?) throws -> Int {
        let (whereClause, arguments) = try planConditions(
            db, filter: filter, today: today, access: access, forCount: true)
        // A search alone (no status, no scope) is counted in the index, up to a cap: a letter or two
        // matches most of a county, and the exact number then tells nobody anything.
        var searchArguments: [String: (any DatabaseValueConvertible)?] = [:]
        if let search = searchSQL(filter.needle, &searchArguments), searchIsWholeFilter(filter, access) {
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(search) LIMIT \(PlanFilter.countCap))",
                arguments: StatementArguments(searchArguments)) ?? 0
        }
        return try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \"plan\" p \(whereClause)",
            arguments: StatementArguments(arguments)) ?? 0
    }

    /// The search is all that narrows the list: no status, group or overdue filter, and a user who
    /// sees every plan (the search table holds exactly the unpurged plans).
    static func searchIsWholeFilter(_ filter: PlanFilter, _ access: Access?) -> Bool {
        filter.status == nil && filter.busGroupId == nil && !filter.overdueOnly
            && (access == nil || (access?.user?.role == .coordinator && access?.user?.allPlans == true))
    }

    static func orderBy(_ sort: PlanSort) -> String {
        switch sort {
        case .number: return "p.id"
        case .child: return "c.name, p.id"
        case .nextDate:
            // The nearest open date; closed plans and plans with none last.
            return """
                CASE WHEN p.status = 'closed' THEN '9999-12-31' ELSE min(IFNULL(p.followUpDate, '9999-12-31'),
                    IFNULL(nextMeeting, '9999-12-31'), IFNULL(nextDue, '9999-12-31')) END, p.id
                """
        case .status:
            let order = PlanStatus.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(
                separator: " ")
            return "CASE p.status \(order) END, p.id"
        }
    }

    /// Plan numbers whose search text holds `text`: a GLOB the trigram index answers (from three
    /// characters; shorter needles scan, and match so many that a page fills at once). A number
    /// typed with its dash is also looked for as the digits it is stored as.
    static func searchSQL(_ needle: String, _ arguments: inout [String: (any DatabaseValueConvertible)?]) -> String? {
        guard !needle.isEmpty else { return nil }
        func glob(_ text: String) -> String {
            "*" + text.map { "*?[".contains($0) ? "[\($0)]" : String($0) }.joined() + "*"
        }
        arguments["pattern"] = glob(needle)
        let digits = needle.filter { $0 != "-" }
        guard digits != needle, !digits.isEmpty else {
            return "SELECT rowid AS id FROM planSearch WHERE text GLOB :pattern"
        }
        arguments["digits"] = glob(digits)
        return """
            SELECT rowid AS id FROM planSearch WHERE text GLOB :pattern
            UNION SELECT rowid AS id FROM planSearch WHERE text GLOB :digits
            """
    }

    /// The WHERE clause for `filter` and who is asking, with its arguments.
    static func planConditions(
        _ db: Database, filter: PlanFilter, today: Day, access: Access?, forCount: Bool = false,
        searchPage: (limit: Int, offset: Int)? = nil
    ) throws
        -> (String, [String: (any DatabaseValueConvertible)?])
    {
        var arguments = OverdueRule.arguments(today: today, deadlines: try Store.deadlines(db))
        // A coordinator at one organisation: the list starts from their candidate plans, found from
        // their side (`planCandidates`), instead of testing the consent rule on every plan in the file.
        let candidates = access?.planCandidates(&arguments)
        // For a page, "+" keeps SQLite off the count's index: walking plans in number order stops
        // after a page, where the index would find every match and sort them all first. From the
        // candidates, it keeps SQLite on them for the count too.
        let noIndex = forCount && candidates == nil ? "" : "+"
        var conditions: [String] = ["\(noIndex)p.purgedOn IS NULL"]
        if let candidates { conditions.append("p.id IN (\(candidates))") }
        if let access { conditions.append(access.planCondition(&arguments, today: today)) }
        if let status = filter.status {
            conditions.append("\(noIndex)p.status = :status")
            arguments["status"] = status
        }
        if let group = filter.busGroupId {
            conditions.append("\(noIndex)p.busGroupId = :group")
            arguments["group"] = group
        }
        if filter.overdueOnly { conditions.append(OverdueRule.planSQL) }
        // Folded as planSearch is (NFC, lower case), so "öberg" finds "Öberg" however it was stored.
        if let search = searchSQL(filter.needle, &arguments) {
            // From three characters the trigram index finds the few plans at once. A letter or two
            // matches most plans and no index helps: then each plan walked is checked, and a page
            // fills after a few hundred.
            if !filter.searchIsIndexed {
                conditions.append("EXISTS (SELECT 1 FROM (\(search)) s WHERE s.id = p.id)")
            } else if let page = searchPage {
                // The search is the whole filter: the index hands over the page's plans in number
                // order and stops, instead of collecting every match first.
                conditions.append("p.id IN (\(search) ORDER BY id LIMIT \(page.limit) OFFSET \(page.offset))")
            } else {
                conditions.append("p.id IN (\(search))")
            }
        }
        return ("WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// Deviations, newest first; only one plan's, or only one deviation, when asked.
    /// Scoped to the signed-in user: a coordinator's organisation, a chair's group.
    public func deviationSummaries(planId: Int64? = nil, id: Int64? = nil) throws -> [DeviationSummary] {
        let today = context.today
        return try read { db in
            let access = try self.currentAccess(db)
            try access?.require(.deviations)
            var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today]
            var conditions: [String] = []
            if let access {
                conditions.append(access.deviationCondition(&arguments, today: today, fromCandidates: true))
            }
            if let planId {
                conditions.append("d.planId = :plan")
                arguments["plan"] = planId
            }
            if let id {
                conditions.append("d.id = :id")
                arguments["id"] = id
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try DeviationSummary.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.occurredOn, d.kind, k.nameSv AS kindName, r.name AS reportingAgency,
                           c.name AS concernedAgency, d.planId, d.status, d.responseDue, d.escalation,
                           \(OverdueRule.deviationSQL) AS overdue
                    FROM deviation d
                    JOIN deviationKind k ON k.code = d.kind
                    JOIN agency r ON r.id = d.reportingAgencyId
                    JOIN agency c ON c.id = d.concernedAgencyId
                    \(whereClause)
                    ORDER BY d.occurredOn DESC, d.id DESC
                    """, arguments: StatementArguments(arguments))
        }
    }

    public func busGroups() throws -> [BusGroup] {
        try read { db in try BusGroup.order(BusGroup.Columns.name).fetchAll(db) }
    }

    /// Finds a BUS group by id or by name (case-insensitive).
    public func busGroup(matching text: String) throws -> BusGroup {
        let groups = try busGroups()
        if let id = Int64(text), let group = groups.first(where: { $0.id == id }) { return group }
        let wanted = TextRules.clean(text, multiline: false).lowercased()
        if let group = groups.first(where: { $0.name.lowercased() == wanted }) { return group }
        throw SIPError.unknownGroup(text)
    }

    /// Finds an organisation by number or by name (case-insensitive).
    public func agency(matching text: String) throws -> Agency {
        let agencies = try allAgencies()
        if let id = Int64(text), let agency = agencies.first(where: { $0.id == id }) { return agency }
        let wanted = TextRules.clean(text, multiline: false).lowercased()
        let matches = agencies.filter { $0.name.lowercased() == wanted }
        // Every municipality has its "Socialtjänsten": a name that fits several is not a choice.
        guard matches.count <= 1 else { throw SIPError.ambiguousAgency(text, matches.compactMap(\.id)) }
        guard let agency = matches.first else { throw SIPError.invalidValue(field: .agencyName, value: text) }
        return agency
    }

    /// Whether plan `id` exists, whoever asks: a chair links a deviation to a plan by its number
    /// without seeing the plan.
    public func planExists(_ id: Int64) throws -> Bool {
        try read { db in try Plan.exists(db, key: id) }
    }

    public func planCount() throws -> Int {
        try read { db in try Plan.fetchCount(db) }
    }

    static func requireNotPurged(_ db: Database, planId: Int64) throws {
        if try Bool.fetchOne(db.constant("SELECT purgedOn IS NOT NULL FROM \"plan\" WHERE id = ?"), arguments: [planId])
            == true
        {
            throw SIPError.planPurged(planId)
        }
    }
}
