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

        static func before(today figure: ReviewTally.Figure) -> TallySum {
            .init(figure: figure, bucket: "bucket < ?") { [$0.today] }
        }
    }

    /// A figure that is one count and the ids behind it.
    struct Single {
        var figure: ReviewFigure
        var value: WritableKeyPath<GroupReview, GroupReview.Figure>
        var lists: ReviewIds
        var section: ReviewLabel
        var item: ReviewLabel
        /// Selects the ids the figure counts.
        var rows: (ReviewQuery) -> String
        /// nil: counted from the rows even when the rest is summed from the tallies.
        var tally: TallySum?
    }

    /// A figure with a count, and ids, per key: a status, a kind, an organisation.
    struct Keyed {
        var figure: (String) -> ReviewFigure
        var value: WritableKeyPath<GroupReview, [String: GroupReview.Figure]>
        var lists: ReviewIds
        var section: ReviewLabel
        var source: Source
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
        /// A value without a list behind it; the closure gets a formatter for decimals.
        case value(ReviewLabel, ReviewLabel, (GroupReview, (Double) -> String) -> String)
        case bySexAndAge
    }

    /// The review table, in its order: every figure of the review.
    static var table: [Part] {
        [
            .keyed(openPlans), .single(started), .single(unassignedNeeds), .single(lateFirstMeeting),
            .single(lateFollowUp), .single(lateInterventions), .single(lateDischargeMeeting), .keyed(byKind),
            .keyed(byConcerned), .keyed(byStatus),
            .value(.responseTime, .answered) { r, _ in String(r.responseTimes.answered) },
            .value(.responseTime, .medianDays) { r, decimal in r.responseTimes.medianDays.map(decimal) ?? "–" },
            .value(.responseTime, .longestDays) { r, _ in r.responseTimes.maxDays.map(String.init) ?? "–" },
            .single(lateAnswers), .bySexAndAge,
        ]
    }

    static var singles: [Single] { table.compactMap { if case .single(let s) = $0 { s } else { nil } } }
    static var keyed: [Keyed] { table.compactMap { if case .keyed(let k) = $0 { k } else { nil } } }

    static let openPlan = "p.status <> 'closed'"

    static var openPlans: Keyed {
        .init(
            figure: { .openPlans(status: $0) }, value: \.openPlansByStatus, lists: .plans,
            section: .openPlansByStatus,
            source: .rows(
                { "SELECT p.status AS item, p.id FROM \"plan\" p WHERE \(openPlan) AND \($0.inGroup)" },
                tally: .open),
            order: { _ in PlanStatus.allCases.filter(\.isOpen).map(\.rawValue) },
            name: { _, c in { PlanStatus(rawValue: $0).map(c.status) ?? $0 } })
    }

    static var started: Single {
        .init(
            figure: .started, value: \.plansStarted, lists: .plans, section: .plans, item: .startedInPeriod,
            rows: { "SELECT p.id FROM \"plan\" p WHERE p.requestDate BETWEEN :from AND :to AND \($0.inGroup)" },
            tally: .init(figure: .started, bucket: "bucket BETWEEN ? AND ?") { [$0.from, $0.to] })
    }

    /// No tally: whether a plan is met depends on its consents and meetings. The plans not yet met
    /// are few, and their consents and meetings are read by index.
    static var lateFirstMeeting: Single {
        .init(
            figure: .lateFirstMeeting, value: \.overdueFirstMeeting, lists: .plans, section: .overdue,
            item: .firstMeeting,
            rows: {
                """
                SELECT p.id FROM "plan" p WHERE p.status IN ('draft','invited') AND \($0.inGroup)
                  AND EXISTS (SELECT 1 FROM consent c WHERE c.planId = p.id AND c.withdrawnOn IS NULL
                              AND c.validFrom < :consentBefore)
                  AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.planId = p.id AND m.held = 1)
                """
            }, tally: nil)
    }

    static var lateFollowUp: Single {
        .init(
            figure: .lateFollowUp, value: \.overdueFollowUp, lists: .plans, section: .overdue, item: .followUp,
            rows: { "SELECT p.id FROM \"plan\" p WHERE \(openPlan) AND p.followUpDate < :today AND \($0.inGroup)" },
            tally: .before(today: .followUp))
    }

    /// The open plans as a set from the review index, then the overdue interventions among them:
    /// a join would read a plan row for each of a county's interventions.
    static var lateInterventions: Single {
        .init(
            figure: .lateInterventions, value: \.overdueInterventions, lists: .interventions, section: .overdue,
            item: .interventions,
            rows: {
                """
                SELECT i.id FROM intervention i
                WHERE i.status \(ReviewTally.owedStatus) AND i.dueDate < :today
                  AND i.planId IN (SELECT p.id FROM "plan" p WHERE \(openPlan) AND \($0.inGroup))
                """
            }, tally: .before(today: .owed))
    }

    /// Open plans with a need nobody has taken on (issue 17): a state of today, counted from the rows.
    static var unassignedNeeds: Single {
        .init(
            figure: .unassignedNeeds, value: \.plansWithUnassignedNeeds, lists: .plans, section: .plans,
            item: .unassignedNeeds,
            rows: {
                """
                SELECT p.id FROM "plan" p WHERE \(openPlan) AND \($0.inGroup)
                  AND EXISTS (SELECT 1 FROM need n WHERE n.planId = p.id AND n.agencyId IS NULL)
                """
            }, tally: nil)
    }

    /// Discharge plans past their first-meeting deadline (issue 17, lag 2017:612): the overdue rule's
    /// own clause, counted from the rows (discharge plans are few, and found by their index).
    static var lateDischargeMeeting: Single {
        .init(
            figure: .lateDischargeMeeting, value: \.overdueDischargeMeeting, lists: .plans, section: .overdue,
            item: .dischargeMeeting,
            rows: {
                "SELECT p.id FROM \"plan\" p WHERE \(openPlan) AND \($0.inGroup) AND \(OverdueRule.dischargeSQL)"
            }, tally: nil)
    }

    /// A state of today, whenever the deviation happened.
    static var lateAnswers: Single {
        .init(
            figure: .lateAnswers, value: \.responseTimes.overdue, lists: .deviations, section: .responseTime,
            item: .overdueAnswers,
            rows: { "SELECT d.id FROM deviation d WHERE \($0.deviationInGroup) AND \(OverdueRule.deviationSQL)" },
            tally: .before(today: .unanswered))
    }

    static var byKind: Keyed {
        .init(
            figure: ReviewFigure.deviationsByKind, value: \.deviationsByKind, lists: .deviations,
            section: .deviationsByKind, source: .deviations(column: "d.kind", .kind),
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
            section: .deviationsByConcerned,
            source: .deviations(column: "CAST(d.concernedAgencyId AS TEXT)", .concerned),
            relabel: { try $0.byConcernedName($1) }, order: { _ in nil }, name: { _, _ in { $0 } })
    }

    static var byStatus: Keyed {
        .init(
            figure: ReviewFigure.deviationsByStatus, value: \.deviationsByStatus, lists: .deviations,
            section: .deviationsByStatus, source: .deviations(column: "d.status", .status),
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
        case .unassignedNeeds: (.single(unassignedNeeds), nil)
        case .lateDischargeMeeting: (.single(lateDischargeMeeting), nil)
        case .deviationsByKind(let key): (.keyed(byKind), key)
        case .deviationsByConcerned(let key): (.keyed(byConcerned), key)
        case .deviationsByStatus(let key): (.keyed(byStatus), key)
        }
    }
}
