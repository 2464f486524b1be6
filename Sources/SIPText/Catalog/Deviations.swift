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

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
