import SIPDomain

extension Catalog {
    /// Corrections from the plan screen: the child, family members and participants (edited or
    /// removed, always with a reason), and the plan handed over to another coordinator.
    public enum CorrectionsText: CatalogText {
        case correctChild, correctionReason, corrected
        case editFamilyMember, editParticipant, whichRecord, whatToDo, editChoice, removeChoice, removeQuestion
        case removed, notRemoved
        case handOverPlan, handOverTo, planHandedOver

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .correctChild: return pick("Rätta barnets uppgifter", "Correct the child")
            case .correctionReason: return pick("Skäl till rättelsen", "Reason for the correction")
            case .corrected: return pick("Rättat.", "Corrected.")
            case .editFamilyMember: return pick("Ändra familjemedlem", "Edit a family member")
            case .editParticipant: return pick("Ändra deltagare", "Edit a participant")
            case .whichRecord: return pick("Vem", "Who")
            case .whatToDo: return pick("Gör", "Do")
            case .editChoice: return pick("rätta uppgifterna", "correct the details")
            case .removeChoice: return pick("ta bort ur planen", "remove from the plan")
            case .removeQuestion: return pick("Ta bort ur planen:", "Remove from the plan:")
            case .removed: return pick("Borttaget.", "Removed.")
            case .notRemoved: return pick("Inget togs bort.", "Nothing was removed.")
            case .handOverPlan: return pick("Lämna över planen", "Hand over the plan")
            case .handOverTo: return pick("Till samordnare", "To coordinator")
            case .planHandedOver: return pick("Överlämnad.", "Handed over.")
            }
        }
    }
}

extension Catalog.Text {
    public static var correctChild: Self { Self(.corrections(.correctChild)) }
    public static var correctionReason: Self { Self(.corrections(.correctionReason)) }
    public static var corrected: Self { Self(.corrections(.corrected)) }
    public static var editFamilyMember: Self { Self(.corrections(.editFamilyMember)) }
    public static var editParticipant: Self { Self(.corrections(.editParticipant)) }
    public static var whichRecord: Self { Self(.corrections(.whichRecord)) }
    public static var whatToDo: Self { Self(.corrections(.whatToDo)) }
    public static var editChoice: Self { Self(.corrections(.editChoice)) }
    public static var removeChoice: Self { Self(.corrections(.removeChoice)) }
    public static var removeQuestion: Self { Self(.corrections(.removeQuestion)) }
    public static var removed: Self { Self(.corrections(.removed)) }
    public static var notRemoved: Self { Self(.corrections(.notRemoved)) }
    public static var handOverPlan: Self { Self(.corrections(.handOverPlan)) }
    public static var handOverTo: Self { Self(.corrections(.handOverTo)) }
    public static var planHandedOver: Self { Self(.corrections(.planHandedOver)) }
}
