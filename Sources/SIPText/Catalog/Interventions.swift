import SIPDomain

extension Catalog {
    /// Interventions: the list and its actions.
    public enum InterventionsText: CatalogText {
        case interventions, newIntervention, markDone, markNotDelivered, interventionStatus, noInterventions

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .interventions: return pick("Insatser", "Interventions")
            case .newIntervention: return pick("Ny insats", "New intervention")
            case .markDone: return pick("Markera genomförd", "Mark done")
            case .markNotDelivered: return pick("Markera ej genomförd", "Mark not delivered")
            case .interventionStatus: return pick("Status", "Status")
            case .noInterventions:
                return pick(
                    "Inga insatser än. Tryck n för en ny.",
                    "No interventions yet. Press n for a new one.")
            }
        }
    }
}

extension Catalog.Text {
    public static var interventions: Self { Self(.interventions(.interventions)) }
    public static var newIntervention: Self { Self(.interventions(.newIntervention)) }
    public static var markDone: Self { Self(.interventions(.markDone)) }
    public static var markNotDelivered: Self { Self(.interventions(.markNotDelivered)) }
    public static var interventionStatus: Self { Self(.interventions(.interventionStatus)) }
    public static var noInterventions: Self { Self(.interventions(.noInterventions)) }
}
