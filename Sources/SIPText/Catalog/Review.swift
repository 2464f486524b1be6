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

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .review: return pick("BUS-granskning", "BUS review")
            case .period: return pick("Period", "Period")
            case .allGroups: return pick("Alla BUS-grupper", "All BUS groups")
            case .periodLast12: return pick("senaste 12 månaderna", "last 12 months")
            case .periodThisYear: return pick("i år", "this year")
            case .periodLastYear: return pick("förra året", "last year")
            case .trends: return pick("Trender, 12 månader", "Trends, 12 months")
            case .selfAssessment: return pick("Spindelmätning", "Self-assessment")
            case .newMeasurement: return pick("Ny mätning", "New measurement")
            case .olderMeasurement: return pick("Äldre mätning", "Older measurement")
            case .newerMeasurement: return pick("Nyare mätning", "Newer measurement")
            case .noMeasurements:
                return pick(
                    "Ingen mätning än. Tryck n för en ny.",
                    "No measurement yet. Press n for a new one.")
            case .chooseGroupFirst: return pick("Välj en BUS-grupp först (g).", "Choose a BUS group first (g).")
            case .measuredOn: return pick("Mätdatum", "Date of measurement")
            case .csvGroup: return pick("Grupp", "Group")
            case .csvFrom: return pick("Från", "From")
            case .csvTo: return pick("Till", "To")
            case .csvSection: return pick("Avsnitt", "Section")
            case .csvItem: return pick("Post", "Item")
            case .csvCount: return pick("Antal", "Count")
            case .csvAllGroups: return pick("Alla", "All")
            case .plansStartedPerMonth: return pick("Planer som startade, per månad", "Plans started, per month")
            case .meetingsHeldPerMonth: return pick("Möten som hölls, per månad", "Meetings held, per month")
            case .deviationsPerMonth: return pick("BUS-avvikelser, per månad", "BUS deviations, per month")
            case .deviationsByKindAndMonth:
                return pick("BUS-avvikelser per typ och månad", "BUS deviations by kind and month")
            case .measurement: return pick("Mätning", "Measurement")
            case .comparedWith: return pick("jämfört med", "compared with")
            case .reviewAsOf: return pick("per", "as of")
            case .duringThePeriod: return pick("under perioden", "during the period")
            case .csvBasis: return pick("Avser", "Basis")
            case .periodYear: return pick("år", "year")
            case .periodQuarter: return pick("kvartal", "quarter")
            case .periodMonth: return pick("månad", "month")
            case .periodCustom: return pick("egen period", "custom period")
            case .previousPeriod: return pick("Föregående period", "Previous period")
            case .nextPeriod: return pick("Nästa period", "Next period")
            case .customPeriod: return pick("Egen period", "Custom period")
            case .annualReport: return pick("Årsrapport", "Annual report")
            case .keyFigures: return pick("Nyckeltal", "Key figures")
            case .byReportingOrganisation:
                return pick("Avvikelser per rapporterande verksamhet", "Deviations by reporting organisation")
            case .byPrincipal:
                return pick(
                    "Avvikelser per berörd kommun och region", "Deviations by concerned municipality and region")
            case .byEscalation: return pick("Avvikelser per eskalering", "Deviations by escalation")
            case .responseFromSending:
                return pick("Svarstid från det att avvikelsen skickades", "Response time from sending")
            case .monthNames:
                return pick(
                    "jan feb mar apr maj jun jul aug sep okt nov dec", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
                )
            case .smallCountsShownAs: return pick("Små antal visas som", "Small counts are shown as")
            case .hiddenForTotals:
                return pick(
                    ".. döljer ett antal så att ingen summa röjer ett litet.",
                    ".. hides a count so that no total gives a small one away.")
            case .change: return pick("förändring", "change")
            case .noSelfAssessment: return pick("Ingen spindelmätning.", "No self-assessment.")
            case .groupsSideBySide: return pick("Alla grupper sida vid sida", "All groups side by side")
            case .sideBySideColumns:
                return pick(
                    "Öppna|Start|Möte|Uppf|Insat|Avv|Öavv|Sent|Med",
                    "Open|Start|Meet|Foll|Intv|Dev|Odev|Late|Med")
            case .nextColumn: return pick("Nästa kolumn", "Next column")
            case .previousColumn: return pick("Föregående kolumn", "Previous column")
            case .kindColumn: return pick("Typ", "Kind")
            case .totalColumn: return pick("Summa", "Total")
            case .whatWasDone: return pick("Vad gjordes", "What was done")
            case .whatTheGroupDid: return pick("Vad gruppen gjorde", "What the group did")
            case .noAnnualNote:
                return pick(
                    "Gruppen har inte skrivit något om vad den gjorde.", "The group has written nothing on what it did."
                )
            case .annualNoteHint:
                return pick(
                    "Alla som läser årsrapporten ser texten. Skriv om gruppens arbete, inte om ett barn: "
                        + "en text med personnummer eller samordningsnummer sparas inte.",
                    "Every reader of the annual report sees this text. Write about the group's work, not about a "
                        + "child: a text with a personal identity or coordination number is not saved.")
            case .deviationNotesLeftOut:
                return pick(
                    "Anteckningar vid avslut och eskalering av enskilda avvikelser tas inte med: de kan nämna ett barn.",
                    "Notes made when single deviations were closed or escalated are left out: they may name a child.")
            case .customPeriodPrompt:
                return pick("Från och till (ÅÅÅÅ-MM-DD ÅÅÅÅ-MM-DD): ", "From and to (YYYY-MM-DD YYYY-MM-DD): ")
            }
        }
    }
}

extension Catalog {
    /// The review table's sections and items (`ReviewFigures` says which figure shows which).
    package func review(_ label: ReviewLabel) -> String {
        switch label {
        case .openPlansByStatus: return pick("Öppna planer per status", "Open plans by status")
        case .plans: return pick("Planer", "Plans")
        case .startedInPeriod: return pick("startade under perioden", "started in the period")
        case .overdue: return pick("Försenat", "Overdue")
        case .firstMeeting: return pick("första möte", "first meeting")
        case .followUp: return pick("uppföljning", "follow-up")
        case .interventions: return pick("insatser", "interventions")
        case .deviationsByKind: return pick("Avvikelser per typ", "Deviations by kind")
        case .deviationsByConcerned:
            return pick("Avvikelser per berörd verksamhet", "Deviations by concerned organisation")
        case .deviationsByStatus: return pick("Avvikelser per status", "Deviations by status")
        case .responseTime: return pick("Svarstid", "Response time")
        case .answered: return pick("besvarade", "answered")
        case .medianDays: return pick("median, dagar", "median, days")
        case .longestDays: return pick("längsta, dagar", "longest, days")
        case .overdueAnswers: return pick("försenade svar", "overdue answers")
        case .openPlansBySexAndAge: return pick("Öppna planer per kön och ålder", "Open plans by sex and age")
        case .deviations: return pick("Avvikelser", "Deviations")
        case .openAtEnd: return pick("öppna (ej avslutade)", "open (not closed)")
        case .requests: return pick("Begäran om SIP", "Requests for a SIP")
        case .requestsReceived: return pick("inkomna under perioden", "received in the period")
        case .requestsAccepted: return pick("av dem accepterade", "of them accepted")
        case .requestsDeclined: return pick("av dem avböjda", "of them declined")
        case .requestToFirstMeeting: return pick("Från begäran till första möte", "From request to first meeting")
        case .firstMeetings: return pick("med första möte", "with a first meeting")
        case .unassignedNeeds:
            return pick("med behov som ingen verksamhet tagit på sig", "with a need no organisation has taken on")
        case .dischargeMeeting: return pick("första möte efter utskrivning", "first meeting after discharge")
        }
    }
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
