import SIPDomain

extension Catalog {
    /// Corrections from the plan screen: the child, family members and participants (edited or
    /// removed, always with a reason), and the plan handed over to another coordinator.
    public enum CorrectionsText: CatalogText {
        case correctChild, correctionReason, corrected

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .correctChild: return pick("Rätta barnets uppgifter", "Correct the child")
            case .correctionReason: return pick("Skäl till rättelsen", "Reason for the correction")
            case .corrected: return pick("Rättat.", "Corrected.")
            }
        }
    }
}

extension Catalog.Text {
    public static var correctChild: Self { Self(.corrections(.correctChild)) }
    public static var correctionReason: Self { Self(.corrections(.correctionReason)) }
    public static var corrected: Self { Self(.corrections(.corrected)) }
}
