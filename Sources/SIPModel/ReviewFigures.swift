import GRDB
import SIPDomain
import SIPText

/// The review's figures, each defined once: where `GroupReview` holds it, the rows it counts (and
/// so the ids behind it), how it is summed from the tallies, what its ids are, and its words in the
/// catalog. The review from rows, the review from tallies, the ids behind one figure and the table
/// are walks over `table`. How a tally is kept (what its triggers are generated from) is
/// `ReviewTally.Figure.contributions`.
enum ReviewFigures {
    /// How a figure is summed from its tallies: the condition on their bucket and its values.
    struct TallySum {
        var figure: ReviewTally.Figure
        var bucket: String
        var values: (ReviewQuery) -> [any DatabaseValueConvertible]
        /// Sums added to this one: a figure summed from month and day tallies.
        var more: [TallySum] = []

        static func before(today figure: ReviewTally.Figure) -> TallySum {
            .init(figure: figure, bucket: "bucket < ?") { [$0.today] }
        }

        /// The deviations of `dimension` that had happened by the period's end, with `item` on their
        /// key: whole months before its last month from the month tallies, that month's days from the
        /// day tallies.
        static func deviationsBy(_ dimension: ReviewTally.DeviationDimension, item: String) -> TallySum {
            func month(_ q: ReviewQuery) -> String { String(q.to.iso.prefix(7)) }
            return .init(
                figure: .deviations(dimension, .month), bucket: "bucket < ? AND \(item)", values: { [month($0)] },
                more: [
                    .init(
                        figure: .deviations(dimension, .day), bucket: "bucket BETWEEN ? AND ? AND \(item)",
                        values: { [month($0) + "-01", $0.to.iso] })
                ])
        }
    }

    /// A plan as the tallies count it: as it is now, or as it was at the end of a period that
    /// ended before today (its status, follow-up date and interventions from their history).
    struct PlanState {
        var status: String
        /// Its follow-up date is before the query's `today`.
        var followUpPassed: Bool
        /// Interventions still owed after their due date (before the query's `today`).
        var owed: Int
        /// Its request came in during the period (counted for the group it had at the period's end).
        var started = false
        var isOpen: Bool { status != "closed" && status != "none" }
    }

    /// How a figure summed from the tallies (which hold today's state) is counted for a period that
    /// ended before today.
    enum Past {
        /// The same sum: the figure is of what happened during the period.
        case same
        /// Today's sum, less what the plans whose status changed since contribute now, plus what
        /// they contributed at the period's end.
        case plans((PlanState) -> Int)
        /// Counted from the rows.
        case rows
    }

    /// A figure that is one count and the ids behind it.
    struct Single {
        var figure: ReviewFigure
        var value: WritableKeyPath<GroupReview, GroupReview.Figure>
        var lists: ReviewIds
        var section: ReviewLabel
        var item: ReviewLabel
        var basis: ReviewBasis
        /// Selects the ids the figure counts.
        var rows: (ReviewQuery) -> String
        /// nil: counted from the rows even when the rest is summed from the tallies.
        var tally: TallySum?
        var past: Past = .same
        /// Counted as things stand today even for a period that ended (it has no history), so
        /// counted afresh whenever the review is shown, never kept with a past period's figures.
        var ofToday = false
    }

    /// A figure with a count, and ids, per key: a status, a kind, an organisation.
    struct Keyed {
        var figure: (String) -> ReviewFigure
        var value: WritableKeyPath<GroupReview, [String: GroupReview.Figure]>
        var lists: ReviewIds
        var section: ReviewLabel
        var basis: ReviewBasis
        var source: Source
        /// For a period that ended before today, the key a plan counts under (nil: none); see
        /// `Past.plans`. nil: the same sum.
        var past: ((PlanState) -> String?)? = nil
        /// The keys as gathered turned into the keys the review shows.
        var relabel: ((ReviewQuery, [String: GroupReview.Figure]) throws -> [String: GroupReview.Figure])?
        /// The keys in the table's order (nil: the keys there are, sorted), and each key's name.
        var order: (GroupReview) -> [String]?
        var name: (GroupReview, Catalog) -> (String) -> String

        enum Source {
            /// The rows select (item, id); the tally's items are the keys.
            case rows((ReviewQuery) -> String, tally: ReviewTally.Figure)
            /// A column of the period's deviations `d`, read in one pass for every such figure,
            /// summed from the dimension's tallies by month and by day.
            case deviations(column: String, ReviewTally.DeviationDimension)
        }
    }

    /// One row, or rows, of the review table.
    enum Part {
        case single(Single)
        case keyed(Keyed)
        /// A value without a list behind it, hidden with the count it belongs to (`hiddenBy`); the
        /// closure gets a formatter for decimals.
        case value(
            ReviewLabel, ReviewLabel, hiddenBy: KeyPath<GroupReview, Suppression?>,
            (GroupReview, (Double) -> String) -> String)
        case bySexAndAge
    }

    /// The review table, in its order: every figure of the review.
    static var table: [Part] {
        [
            .keyed(openPlans), .single(started), .single(unassignedNeeds), .single(lateFirstMeeting),
            .single(lateFollowUp), .single(lateInterventions), .single(lateDischargeMeeting), .keyed(byKind),
            .keyed(byConcerned), .keyed(byStatus),
            .value(.responseTime, .answered, hiddenBy: answers) { r, _ in String(r.responseTimes.answered) },
            .value(.responseTime, .medianDays, hiddenBy: answers) { r, decimal in
                r.responseTimes.medianDays.map(decimal) ?? "–"
            },
            .value(.responseTime, .longestDays, hiddenBy: answers) { r, _ in
                r.responseTimes.maxDays.map(String.init) ?? "–"
            },
            .single(lateAnswers), .single(openDeviations), .bySexAndAge,
            .single(requestsReceived), .single(requestsAccepted), .single(requestsDeclined),
            .value(.requestToFirstMeeting, .firstMeetings, hiddenBy: toMeeting) { r, _ in
                String(r.requestToFirstMeeting.measured)
            },
            .value(.requestToFirstMeeting, .medianDays, hiddenBy: toMeeting) { r, decimal in
                r.requestToFirstMeeting.medianDays.map(decimal) ?? "–"
            },
            .value(.requestToFirstMeeting, .longestDays, hiddenBy: toMeeting) { r, _ in
                r.requestToFirstMeeting.maxDays.map(String.init) ?? "–"
            },
        ]
    }

    static var answers: KeyPath<GroupReview, Suppression?> { \.responseTimes.suppressed }
    static var toMeeting: KeyPath<GroupReview, Suppression?> { \.requestToFirstMeeting.suppressed }

    /// Requests for a SIP received in the period, with `condition` on them (`r`). No tally: requests
    /// are few, and read by the review index.
    static func requests(
        _ figure: ReviewFigure, _ value: WritableKeyPath<GroupReview, GroupReview.Figure>, _ item: ReviewLabel,
        _ condition: String
    ) -> Single {
        .init(
            figure: figure, value: value, lists: .requests, section: .requests, item: item, basis: .duringPeriod,
            rows: {
                """
                SELECT r.id FROM planRequest r WHERE r.receivedOn BETWEEN :from AND :to AND \($0.requestInGroup)
                  AND \(condition)
                """
            }, tally: nil)
    }

    static var requestsReceived: Single { requests(.requestsReceived, \.requestsReceived, .requestsReceived, "1") }
    static var requestsAccepted: Single {
        requests(.requestsAccepted, \.requestsAccepted, .requestsAccepted, "r.status = 'accepted'")
    }
    static var requestsDeclined: Single {
        requests(.requestsDeclined, \.requestsDeclined, .requestsDeclined, "r.status = 'declined'")
    }

    static var singles: [Single] { table.compactMap { if case .single(let s) = $0 { s } else { nil } } }
    static var keyed: [Keyed] { table.compactMap { if case .keyed(let k) = $0 { k } else { nil } } }

    static let openPlan = "p.status <> 'closed'"

    static var openPlans: Keyed {
        .init(
            figure: { .openPlans(status: $0) }, value: \.openPlansByStatus, lists: .plans,
            section: .openPlansByStatus, basis: .endOfPeriod,
            source: .rows(
                { "SELECT \($0.planStatus) AS item, p.id FROM \"plan\" p WHERE \($0.openPlan) AND \($0.inGroup)" },
                tally: .open),
            past: { $0.isOpen ? $0.status : nil },
            order: { _ in PlanStatus.allCases.filter(\.isOpen).map(\.rawValue) },
            name: { _, c in { PlanStatus(rawValue: $0).map(c.status) ?? $0 } })
    }

    static var started: Single {
        .init(
            figure: .started, value: \.plansStarted, lists: .plans, section: .plans, item: .startedInPeriod,
            basis: .duringPeriod,
            rows: { "SELECT p.id FROM \"plan\" p WHERE p.requestDate BETWEEN :from AND :to AND \($0.inGroup)" },
            tally: .init(figure: .started, bucket: "bucket BETWEEN ? AND ?") { [$0.from, $0.to] },
            past: .plans { $0.started ? 1 : 0 })
    }

    /// Summed from the plans waiting for a first meeting by the day their consent began (the marks
    /// of migration v28); a past period's from the rows, as its consents and meetings stood then.
    static var lateFirstMeeting: Single {
        .init(
            figure: .lateFirstMeeting, value: \.overdueFirstMeeting, lists: .plans, section: .overdue,
            item: .firstMeeting, basis: .endOfPeriod,
            rows: {
                $0.ended
                    ? """
                    SELECT p.id FROM "plan" p WHERE \($0.inGroup)
                      AND EXISTS (SELECT 1 FROM consent c WHERE c.planId = p.id
                                  AND (c.withdrawnOn IS NULL OR c.withdrawnOn > :today) AND c.validFrom < :consentBefore)
                      AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held = 1 AND m.startsAt < :end)
                      AND \($0.planStatus) IN ('draft','invited')
                    """
                    : """
                    SELECT p.id FROM "plan" p WHERE p.status IN ('draft','invited') AND \($0.inGroup)
                      AND EXISTS (SELECT 1 FROM consent c WHERE c.planId = p.id AND c.withdrawnOn IS NULL
                                  AND c.validFrom < :consentBefore)
                      AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held = 1)
                    """
            },
            tally: .init(figure: .firstMeetingDue, bucket: "bucket < ?") {
                [($0.arguments["consentBefore"] ?? nil) ?? DatabaseValue.null]
            },
            past: .rows)
    }

    static var lateFollowUp: Single {
        .init(
            figure: .lateFollowUp, value: \.overdueFollowUp, lists: .plans, section: .overdue, item: .followUp,
            basis: .endOfPeriod,
            rows: {
                "SELECT p.id FROM \"plan\" p WHERE \($0.openPlan) AND \($0.planFollowUp) < :today AND \($0.inGroup)"
            },
            tally: .before(today: .followUp),
            past: .plans { $0.isOpen && $0.followUpPassed ? 1 : 0 })
    }

    /// The open plans as a set from the review index, then the overdue interventions among them:
    /// a join would read a plan row for each of a county's interventions.
    static var lateInterventions: Single {
        .init(
            figure: .lateInterventions, value: \.overdueInterventions, lists: .interventions, section: .overdue,
            item: .interventions, basis: .endOfPeriod,
            rows: {
                // For a period that ended: those owed now, or changed since, as they were then.
                """
                SELECT i.id FROM intervention i
                WHERE \($0.ended
                    ? "(i.status \(ReviewTally.owedStatus) OR i.id IN (SELECT h.interventionId FROM interventionHistory h WHERE h.changedAt >= :end)) AND "
                    : "")\($0.interventionStatus) \(ReviewTally.owedStatus) AND \($0.interventionDue) < :today
                  AND i.planId IN (SELECT p.id FROM "plan" p WHERE \($0.openPlan) AND \($0.inGroup))
                """
            }, tally: .before(today: .owed), past: .plans { $0.isOpen ? $0.owed : 0 })
    }

    /// Open plans with a need nobody has taken on (issue 17): a state of today, counted from the rows.
    /// From the needs nobody has taken on to their plans: testing every open plan for one cost a
    /// county's review 24 ms at 100 000 plans (and grew with them).
    static var unassignedNeeds: Single {
        .init(
            figure: .unassignedNeeds, value: \.plansWithUnassignedNeeds, lists: .plans, section: .plans,
            item: .unassignedNeeds, basis: .endOfPeriod,
            rows: {
                """
                SELECT p.id FROM "plan" p
                WHERE p.id IN (SELECT n.planId FROM need n WHERE n.agencyId IS NULL) AND \(openPlan) AND \($0.inGroup)
                """
            }, tally: nil, ofToday: true)
    }

    /// Discharge plans past their first-meeting deadline (issue 17, lag 2017:612): the overdue rule's
    /// own clause, counted from the rows (discharge plans are few, and found by their index).
    static var lateDischargeMeeting: Single {
        .init(
            figure: .lateDischargeMeeting, value: \.overdueDischargeMeeting, lists: .plans, section: .overdue,
            item: .dischargeMeeting, basis: .endOfPeriod,
            rows: {
                "SELECT p.id FROM \"plan\" p WHERE \(openPlan) AND \($0.inGroup) AND \(OverdueRule.dischargeSQL)"
            }, tally: nil, ofToday: true)
    }

    /// A state of the period's end (today's, for a period that has not ended), whenever the deviation happened.
    static var lateAnswers: Single {
        .init(
            figure: .lateAnswers, value: \.responseTimes.overdue, lists: .deviations, section: .responseTime,
            item: .overdueAnswers, basis: .endOfPeriod,
            rows: {
                $0.ended
                    ? """
                    SELECT d.id FROM deviation d WHERE \($0.deviationInGroup) AND d.occurredOn <= :to
                      AND d.responseDue < :today AND (d.responseDate IS NULL OR d.responseDate > :to)
                      AND NOT \($0.deviationClosed)
                    """
                    : "SELECT d.id FROM deviation d WHERE \($0.deviationInGroup) AND \(OverdueRule.deviationSQL)"
            },
            tally: .before(today: .unanswered), past: .rows)
    }

    /// Deviations that had happened and were not closed at the end of the period. Summed from the
    /// tallies by status (flat): counting the rows read every deviation in the county or group.
    static var openDeviations: Single {
        .init(
            figure: .openDeviations, value: \.deviationsOpen, lists: .deviations, section: .deviations,
            item: .openAtEnd, basis: .endOfPeriod,
            rows: {
                """
                SELECT d.id FROM deviation d WHERE \($0.deviationInGroup) AND d.occurredOn <= :to
                  AND NOT \($0.deviationClosed)
                """
            }, tally: .deviationsBy(.status, item: "item <> 'closed'"), past: .rows)
    }

    static var byKind: Keyed {
        .init(
            figure: ReviewFigure.deviationsByKind, value: \.deviationsByKind, lists: .deviations,
            section: .deviationsByKind, basis: .duringPeriod, source: .deviations(column: "d.kind", .kind),
            order: { $0.deviationKinds.map(\.code) },
            name: { r, c in
                let names = Dictionary(
                    uniqueKeysWithValues: r.deviationKinds.map {
                        ($0.code, c.name(of: $0))
                    })
                return { names[$0] ?? $0 }
            })
    }

    /// Gathered by organisation, not by name (every municipality has its "Socialtjänsten"), shown by
    /// name, with the principal where two share a name.
    static var byConcerned: Keyed {
        .init(
            figure: ReviewFigure.deviationsByConcerned, value: \.deviationsByConcerned, lists: .deviations,
            section: .deviationsByConcerned, basis: .duringPeriod,
            source: .deviations(column: "CAST(d.concernedAgencyId AS TEXT)", .concerned),
            relabel: { try $0.byConcernedName($1) }, order: { _ in nil }, name: { _, _ in { $0 } })
    }

    static var byStatus: Keyed {
        .init(
            figure: ReviewFigure.deviationsByStatus, value: \.deviationsByStatus, lists: .deviations,
            section: .deviationsByStatus, basis: .duringPeriod, source: .deviations(column: "d.status", .status),
            order: { _ in DeviationStatus.allCases.map(\.rawValue) },
            name: { _, c in { DeviationStatus(rawValue: $0).map(c.deviationStatus) ?? $0 } })
    }

    /// Where a figure is defined, and its key when it has one.
    static func definition(of figure: ReviewFigure) -> (part: Part, key: String?) {
        switch figure {
        case .openPlans(let status): (.keyed(openPlans), status)
        case .started: (.single(started), nil)
        case .lateFirstMeeting: (.single(lateFirstMeeting), nil)
        case .lateFollowUp: (.single(lateFollowUp), nil)
        case .lateInterventions: (.single(lateInterventions), nil)
        case .lateAnswers: (.single(lateAnswers), nil)
        case .openDeviations: (.single(openDeviations), nil)
        case .unassignedNeeds: (.single(unassignedNeeds), nil)
        case .lateDischargeMeeting: (.single(lateDischargeMeeting), nil)
        case .deviationsByKind(let key): (.keyed(byKind), key)
        case .deviationsByConcerned(let key): (.keyed(byConcerned), key)
        case .deviationsByStatus(let key): (.keyed(byStatus), key)
        case .requestsReceived: (.single(requestsReceived), nil)
        case .requestsAccepted: (.single(requestsAccepted), nil)
        case .requestsDeclined: (.single(requestsDeclined), nil)
        }
    }
}
