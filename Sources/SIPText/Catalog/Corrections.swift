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

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
