import SIPDomain

extension Catalog {
    /// The BUS review, its trends and the self-assessment (spindelmätning).
    public enum ReviewText: CatalogText {
        case review, period, allGroups, periodLast12, periodThisYear, periodLastYear, trends, selfAssessment
        case newMeasurement, olderMeasurement, newerMeasurement, noMeasurements, chooseGroupFirst, measuredOn
        // The review as CSV (`sip-tui report --format csv`): the header and the group column for every group.
        case csvGroup, csvFrom, csvTo, csvSection, csvItem, csvCount, csvAllGroups
        // Trends as text: the charts' titles.
        case plansStartedPerMonth, meetingsHeldPerMonth, deviationsPerMonth, deviationsByKindAndMonth
        // The self-assessment's chart: "Mätning 2026-03-01, jämfört med 2025-09-01".
        case measurement, comparedWith
        // What a figure answers: "per 2025-12-31" (the period's last day) or "under perioden"; the CSV's column for it.
        case reviewAsOf, duringThePeriod, csvBasis
        // The review's periods: a year, quarter or month stepped back and forth, or typed dates.
        case periodYear, periodQuarter, periodMonth, periodCustom, previousPeriod, nextPeriod, customPeriod
        case customPeriodPrompt
        // The annual report (`report --annual YEAR`).
        case annualReport, keyFigures, byReportingOrganisation, byPrincipal, byEscalation, responseFromSending
        case monthNames, smallCountsShownAs, hiddenForTotals, change, noSelfAssessment
        // Every group side by side: the screen, its short column headings (split on |), its keys.
        case groupsSideBySide, sideBySideColumns, nextColumn, previousColumn
        // The annual report's table by kind and month, and the group's own words on what it did.
        case kindColumn, totalColumn, whatWasDone, whatTheGroupDid, noAnnualNote, annualNoteHint
        case deviationNotesLeftOut

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog {
    /// The review table's sections and items (`ReviewFigures` says which figure shows which).
    package func review(_ label: ReviewLabel) -> String { language.words.review(label, in: self) }
}

/// The words of the review table.
package enum ReviewLabel {
    case openPlansByStatus, plans, startedInPeriod, overdue, firstMeeting, followUp, interventions
    case deviationsByKind, deviationsByConcerned, deviationsByStatus
    case responseTime, answered, medianDays, longestDays, overdueAnswers, openPlansBySexAndAge
    case deviations, openAtEnd,
        requests, requestsReceived, requestsAccepted, requestsDeclined, requestToFirstMeeting, firstMeetings,
        unassignedNeeds, dischargeMeeting
}

extension Catalog.Text {
    public static var review: Self { Self(.review(.review)) }
    public static var period: Self { Self(.review(.period)) }
    public static var allGroups: Self { Self(.review(.allGroups)) }
    public static var periodLast12: Self { Self(.review(.periodLast12)) }
    public static var periodThisYear: Self { Self(.review(.periodThisYear)) }
    public static var periodLastYear: Self { Self(.review(.periodLastYear)) }
    public static var trends: Self { Self(.review(.trends)) }
    public static var selfAssessment: Self { Self(.review(.selfAssessment)) }
    public static var newMeasurement: Self { Self(.review(.newMeasurement)) }
    public static var olderMeasurement: Self { Self(.review(.olderMeasurement)) }
    public static var newerMeasurement: Self { Self(.review(.newerMeasurement)) }
    public static var noMeasurements: Self { Self(.review(.noMeasurements)) }
    public static var chooseGroupFirst: Self { Self(.review(.chooseGroupFirst)) }
    public static var measuredOn: Self { Self(.review(.measuredOn)) }
    public static var csvGroup: Self { Self(.review(.csvGroup)) }
    public static var csvFrom: Self { Self(.review(.csvFrom)) }
    public static var csvTo: Self { Self(.review(.csvTo)) }
    public static var csvSection: Self { Self(.review(.csvSection)) }
    public static var csvItem: Self { Self(.review(.csvItem)) }
    public static var csvCount: Self { Self(.review(.csvCount)) }
    public static var csvAllGroups: Self { Self(.review(.csvAllGroups)) }
    public static var plansStartedPerMonth: Self { Self(.review(.plansStartedPerMonth)) }
    public static var meetingsHeldPerMonth: Self { Self(.review(.meetingsHeldPerMonth)) }
    public static var deviationsPerMonth: Self { Self(.review(.deviationsPerMonth)) }
    public static var deviationsByKindAndMonth: Self { Self(.review(.deviationsByKindAndMonth)) }
    public static var measurement: Self { Self(.review(.measurement)) }
    public static var comparedWith: Self { Self(.review(.comparedWith)) }
    public static var reviewAsOf: Self { Self(.review(.reviewAsOf)) }
    public static var duringThePeriod: Self { Self(.review(.duringThePeriod)) }
    public static var csvBasis: Self { Self(.review(.csvBasis)) }
    public static var periodYear: Self { Self(.review(.periodYear)) }
    public static var periodQuarter: Self { Self(.review(.periodQuarter)) }
    public static var periodMonth: Self { Self(.review(.periodMonth)) }
    public static var periodCustom: Self { Self(.review(.periodCustom)) }
    public static var previousPeriod: Self { Self(.review(.previousPeriod)) }
    public static var nextPeriod: Self { Self(.review(.nextPeriod)) }
    public static var customPeriod: Self { Self(.review(.customPeriod)) }
    public static var customPeriodPrompt: Self { Self(.review(.customPeriodPrompt)) }
    public static var annualReport: Self { Self(.review(.annualReport)) }
    public static var keyFigures: Self { Self(.review(.keyFigures)) }
    public static var byReportingOrganisation: Self { Self(.review(.byReportingOrganisation)) }
    public static var byPrincipal: Self { Self(.review(.byPrincipal)) }
    public static var byEscalation: Self { Self(.review(.byEscalation)) }
    public static var responseFromSending: Self { Self(.review(.responseFromSending)) }
    public static var monthNames: Self { Self(.review(.monthNames)) }
    public static var smallCountsShownAs: Self { Self(.review(.smallCountsShownAs)) }
    public static var hiddenForTotals: Self { Self(.review(.hiddenForTotals)) }
    public static var change: Self { Self(.review(.change)) }
    public static var noSelfAssessment: Self { Self(.review(.noSelfAssessment)) }
    public static var groupsSideBySide: Self { Self(.review(.groupsSideBySide)) }
    public static var sideBySideColumns: Self { Self(.review(.sideBySideColumns)) }
    public static var nextColumn: Self { Self(.review(.nextColumn)) }
    public static var previousColumn: Self { Self(.review(.previousColumn)) }
    public static var kindColumn: Self { Self(.review(.kindColumn)) }
    public static var totalColumn: Self { Self(.review(.totalColumn)) }
    public static var whatWasDone: Self { Self(.review(.whatWasDone)) }
    public static var whatTheGroupDid: Self { Self(.review(.whatTheGroupDid)) }
    public static var noAnnualNote: Self { Self(.review(.noAnnualNote)) }
    public static var annualNoteHint: Self { Self(.review(.annualNoteHint)) }
    public static var deviationNotesLeftOut: Self { Self(.review(.deviationNotesLeftOut)) }
}
