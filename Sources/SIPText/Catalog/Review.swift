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
    case unassignedNeeds, dischargeMeeting
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
}
