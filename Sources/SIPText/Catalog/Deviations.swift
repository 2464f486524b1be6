import SIPDomain

extension Catalog {
    /// The register of BUS deviations.
    public enum DeviationsText: CatalogText {
        case deviationRegister, newDeviation, sendDeviation, answerDeviation, closeDeviation, escalate
        case showDeviation, reportingAgency, concernedAgency, planNumberOptional, deviationKind, escalationLevel
        case noDeviationsYet, closeDeviationQuestion, responseDate, identityWarning
        // The register's filter, search and export.
        case searchDeviations, filterByStatus, filterByKind, filterByConcerned, filterOverdue, exportDeviations
        case noDeviationsMatch, exportedDeviations, printDeviation

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .deviationRegister: return pick("BUS-avvikelser", "BUS deviations")
            case .newDeviation: return pick("Ny avvikelse", "New deviation")
            case .sendDeviation: return pick("Skickad", "Sent")
            case .answerDeviation: return pick("Registrera svar", "Record the answer")
            case .closeDeviation: return pick("Avsluta", "Close")
            case .escalate: return pick("Eskalera", "Escalate")
            case .showDeviation: return pick("Visa med historik", "Show with history")
            case .reportingAgency: return pick("Rapporterande verksamhet", "Reporting organisation")
            case .concernedAgency: return pick("Berörd verksamhet", "Concerned organisation")
            case .planNumberOptional: return pick("Plannummer (valfritt)", "Plan number (optional)")
            case .deviationKind: return pick("Typ av avvikelse", "Kind of deviation")
            case .escalationLevel: return pick("Eskalering", "Escalation")
            case .noDeviationsYet:
                return pick(
                    "Inga avvikelser. Tryck n för en ny.",
                    "No deviations. Press n for a new one.")
            case .closeDeviationQuestion:
                return pick(
                    "Avsluta avvikelsen? Den kan inte öppnas igen.",
                    "Close the deviation? It cannot be reopened.")
            case .responseDate: return pick("Svarsdatum", "Response date")
            case .searchDeviations: return pick("Sök", "Search")
            case .filterByStatus: return pick("Status", "Status")
            case .filterByKind: return pick("Typ", "Kind")
            case .filterByConcerned: return pick("Berörd verksamhet", "Concerned organisation")
            case .filterOverdue: return pick("Försenade", "Overdue")
            case .exportDeviations: return pick("Exportera CSV", "Export CSV")
            case .noDeviationsMatch: return pick("Ingen avvikelse passar filtret.", "No deviation matches the filter.")
            case .exportedDeviations: return pick("Avvikelserna exporterade till", "The deviations exported to")
            case .printDeviation: return pick("Avvikelseblankett", "Deviation form")
            case .identityWarning:
                return pick(
                    "Texten verkar innehålla ett personnummer eller ett namn ur planen. BUS-ordförande ser det "
                        + "maskerat. Skriv om det, eller spara igen för att spara ändå.",
                    "The text seems to hold a personal identity number or a name from the plan. BUS chairs see it "
                        + "masked. Rewrite it, or save again to save it as it is.")
            }
        }
    }
}

extension Catalog.Text {
    public static var deviationRegister: Self { Self(.deviations(.deviationRegister)) }
    public static var identityWarning: Self { Self(.deviations(.identityWarning)) }
    public static var newDeviation: Self { Self(.deviations(.newDeviation)) }
    public static var sendDeviation: Self { Self(.deviations(.sendDeviation)) }
    public static var answerDeviation: Self { Self(.deviations(.answerDeviation)) }
    public static var closeDeviation: Self { Self(.deviations(.closeDeviation)) }
    public static var escalate: Self { Self(.deviations(.escalate)) }
    public static var showDeviation: Self { Self(.deviations(.showDeviation)) }
    public static var reportingAgency: Self { Self(.deviations(.reportingAgency)) }
    public static var concernedAgency: Self { Self(.deviations(.concernedAgency)) }
    public static var planNumberOptional: Self { Self(.deviations(.planNumberOptional)) }
    public static var deviationKind: Self { Self(.deviations(.deviationKind)) }
    public static var escalationLevel: Self { Self(.deviations(.escalationLevel)) }
    public static var noDeviationsYet: Self { Self(.deviations(.noDeviationsYet)) }
    public static var closeDeviationQuestion: Self { Self(.deviations(.closeDeviationQuestion)) }
    public static var responseDate: Self { Self(.deviations(.responseDate)) }
    public static var searchDeviations: Self { Self(.deviations(.searchDeviations)) }
    public static var filterByStatus: Self { Self(.deviations(.filterByStatus)) }
    public static var filterByKind: Self { Self(.deviations(.filterByKind)) }
    public static var filterByConcerned: Self { Self(.deviations(.filterByConcerned)) }
    public static var filterOverdue: Self { Self(.deviations(.filterOverdue)) }
    public static var exportDeviations: Self { Self(.deviations(.exportDeviations)) }
    public static var noDeviationsMatch: Self { Self(.deviations(.noDeviationsMatch)) }
    public static var exportedDeviations: Self { Self(.deviations(.exportedDeviations)) }
    public static var printDeviation: Self { Self(.deviations(.printDeviation)) }
}
