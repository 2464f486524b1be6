import SIPDomain

extension Catalog {
    /// Interventions: the list and its actions.
    public enum InterventionsText: CatalogText {
        case interventions, newIntervention, markDone, markNotDelivered, interventionStatus, noInterventions

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
