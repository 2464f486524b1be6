import SIPDomain

extension Catalog {
    /// Corrections from the plan screen: the child, family members and participants (edited or
    /// removed, always with a reason), the plan handed over to another coordinator, and people
    /// chosen from the register (users and contact persons) or written for someone outside it.
    public enum CorrectionsText: CatalogText {
        case correctChild, correctionReason, corrected
        case editFamilyMember, editParticipant, whichRecord, whatToDo, editChoice, removeChoice, removeQuestion
        case removed, notRemoved
        case handOverPlan, handOverTo, planHandedOver
        case outsideRegister, outsideName, responsiblePerson, personOrName, retiredMark, userRetiredDone

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
            case .outsideRegister: return pick("(inte i registret)", "(not in the register)")
            case .outsideName: return pick("  eller namn", "  or a name")
            case .responsiblePerson: return pick("Ansvarig person", "Responsible person")
            case .personOrName:
                return pick(
                    "Välj en person i registret eller skriv ett namn, inte båda.",
                    "Choose a person from the register or write a name, not both.")
            case .retiredMark: return pick("avslutad", "retired")
            case .userRetiredDone: return pick("avslutad; historiken finns kvar.", "retired; the history stays.")
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
    public static var outsideRegister: Self { Self(.corrections(.outsideRegister)) }
    public static var outsideName: Self { Self(.corrections(.outsideName)) }
    public static var responsiblePerson: Self { Self(.corrections(.responsiblePerson)) }
    public static var personOrName: Self { Self(.corrections(.personOrName)) }
    public static var retiredMark: Self { Self(.corrections(.retiredMark)) }
    public static var userRetiredDone: Self { Self(.corrections(.userRetiredDone)) }
}
