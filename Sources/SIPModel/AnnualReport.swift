import Foundation
import GRDB
import SIPDomain
import SIPText

/// The annual report a BUS group sends (by 1 March): the year's review beside the year before, the
/// months, who reported and who was concerned, escalations and response times, and the latest
/// self-assessment beside the one before. De-identified like the review: counts only.
public struct AnnualReport: Codable, Equatable, Sendable {
    /// Counts by a key, as shown: hidden ones are in `suppressed`, not in `counts`.
    public struct Counts: Codable, Equatable, Sendable {
        public var counts: [String: Int] = [:]
        public var suppressed: [String: Suppression] = [:]
    }

    /// A series per month of the year, January first; hidden months are null.
    public struct Monthly: Codable, Equatable, Sendable {
        public var values: [Int?]
        public var suppressed: [Suppression?]
    }

    public var year: Int
    public var group: String?
    /// The year's review and the one before (`to` is today while the year runs).
    public var review: GroupReview
    public var previous: GroupReview
    public var plansStartedPerMonth: Monthly
    public var deviationsPerMonth: Monthly
    public var previousDeviationsPerMonth: Monthly
    /// The year's deviations by the reporting organisation, and by the concerned organisation's
    /// principal where that is a kommun or a region.
    public var byReportingOrganisation: Counts
    public var byPrincipal: Counts
    /// The year's deviations by how far they went (escalation code).
    public var byEscalation: Counts
    /// Days from sending the deviation to the concerned organisation to its answer.
    public var answeredAfterSending: Int
    public var medianDaysFromSending: Double?
    public var selfAssessment: SelfAssessment?
    public var previousSelfAssessment: SelfAssessment?
    public var spiderDimensions: [SpiderDimension]
    /// The year's deviations by kind and month, the year before's total per kind beside them.
    public var deviationsByKindAndMonth: KindByMonth
    /// What the group did, in its own words (the county's report: every group's that wrote one).
    public var notes: [AnnualNote]
}

extension Store {
    /// The annual report of `year` for one group (nil: the county), small counts hidden as the
    /// chair's views hide them.
    public func annualReport(groupId requested: Int64?, year: Int) throws -> AnnualReport {
        let today = context.today
        let threshold = try suppressBelow()
        func period(_ year: Int) -> (Day, Day) {
            let from = Day(year: year, month: 1, day: 1)!
            return (from, min(Day(year: year, month: 12, day: 31)!, max(from, today)))
        }
        let (from, to) = period(year), (lastFrom, lastTo) = period(year - 1)
        let review = try self.review(groupId: requested, from: from, to: to, withIds: false)
        let previous = try self.review(groupId: requested, from: lastFrom, to: lastTo, withIds: false)
        let trends = try self.trends(groupId: requested, to: Day(year: year, month: 12, day: 31)!)
        let lastTrends = try self.trends(groupId: requested, to: Day(year: year - 1, month: 12, day: 31)!)
        func monthly(_ values: [Int]) -> AnnualReport.Monthly {
            let state = CellSuppression.solve(values, dimensions: [], threshold: threshold)
            return .init(values: zip(values, state).map { $1 == nil ? $0 : nil }, suppressed: state)
        }
        func counts(_ raw: [String: Int]) -> AnnualReport.Counts {
            let keys = raw.keys.sorted()
            let state = CellSuppression.solve(
                keys.map { raw[$0]! }, dimensions: [Array(keys.indices)], threshold: threshold)
            var out = AnnualReport.Counts()
            for (key, mark) in zip(keys, state) {
                if let mark { out.suppressed[key] = mark } else { out.counts[key] = raw[key] }
            }
            return out
        }
        let parts = try read { db -> ([String: Int], [String: Int], [String: Int], [Int]) in
            let groupId = try self.reviewGroup(db, requested)
            // The year's deviations in the group their plans were in at its end, as the review counts them.
            let query = try ReviewQuery(
                db: db, groupId: groupId, today: today, from: from, to: to, withIds: false, timeZone: self.context.timeZone)
            let arguments = query.arguments
            let inGroup = query.deviationInGroup
            func byKey(_ sql: String) throws -> [String: Int] {
                Dictionary(
                    try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                        ($0[0] as String, $0[1] as Int)
                    }, uniquingKeysWith: +)
            }
            let period = "d.occurredOn BETWEEN :from AND :to AND \(inGroup)"
            let reporting = try Dictionary(
                Row.fetchAll(
                    db, sql: "SELECT d.reportingAgencyId, COUNT(*) FROM deviation d WHERE \(period) GROUP BY 1",
                    arguments: StatementArguments(arguments)
                ).map { ($0[0] as Int64, $0[1] as Int) }, uniquingKeysWith: +)
            let labels = try ReviewSQL.agencyLabels(db, ids: Array(reporting.keys))
            let principal = try byKey(
                """
                SELECT a.principalName, COUNT(*) FROM deviation d JOIN agency a ON a.id = d.concernedAgencyId
                WHERE \(period) AND a.principalType IN ('kommun', 'region') GROUP BY 1
                """)
            let escalation = try byKey("SELECT d.escalation, COUNT(*) FROM deviation d WHERE \(period) GROUP BY 1")
            let days = try Int.fetchAll(
                db,
                sql: """
                    SELECT CAST(julianday(d.responseDate) - julianday(substr(MIN(h.changedAt), 1, 10)) AS INTEGER)
                    FROM deviation d JOIN deviationChange h ON h.deviationId = d.id AND h.what = 'status sent'
                    WHERE \(period) AND d.responseDate IS NOT NULL GROUP BY d.id
                    """, arguments: StatementArguments(arguments)
            ).map { max(0, $0) }
            return (
                Dictionary(reporting.map { (labels[$0.key] ?? String($0.key), $0.value) }, uniquingKeysWith: +),
                principal, escalation, days
            )
        }
        var histogram = DayHistogram()
        for days in parts.3 { histogram.add(days) }
        let shownDays = CellSuppression.solve([histogram.count], dimensions: [], threshold: threshold)[0] == nil
        let deviationsPerMonth = monthly(trends.deviationsTotal)
        let kinds = trends.deviationKinds.map(\.code)
        let byKind = KindByMonth(
            kinds: kinds, cells: kinds.map { trends.deviationsByKind[$0] ?? Array(repeating: 0, count: 12) },
            previous: kinds.map { (lastTrends.deviationsByKind[$0] ?? []).reduce(0, +) },
            monthTotals: deviationsPerMonth, threshold: threshold)
        // What the table had to hide of the totals, the report hides where else it shows them: the
        // chart's months and the key figures' deviations by kind.
        var shownReview = review.suppressed(below: threshold)
        for row in byKind.rows where row.totalSuppressed != nil {
            shownReview.deviationsByKind[row.kind, default: .init(count: 0, ids: [])].suppressed = row.totalSuppressed
        }
        let notes = try read { db in try self.annualNotes(db, groupId: try self.reviewGroup(db, requested), year: year)
        }
        var assessments: [SelfAssessment] = []
        if let requested { assessments = try selfAssessments(groupId: requested).filter { $0.measuredOn <= to } }
        return AnnualReport(
            year: year, group: review.group, review: shownReview,
            previous: previous.suppressed(below: threshold),
            plansStartedPerMonth: monthly(trends.plansStarted), deviationsPerMonth: byKind.monthTotals,
            previousDeviationsPerMonth: monthly(lastTrends.deviationsTotal),
            byReportingOrganisation: counts(parts.0), byPrincipal: counts(parts.1), byEscalation: counts(parts.2),
            answeredAfterSending: shownDays ? histogram.count : 0,
            medianDaysFromSending: shownDays ? histogram.median : nil,
            selfAssessment: assessments.first, previousSelfAssessment: assessments.dropFirst().first,
            spiderDimensions: try spiderDimensions(), deviationsByKindAndMonth: byKind, notes: notes)
    }
}
