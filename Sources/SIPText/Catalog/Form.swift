import SIPDomain

extension Catalog {
    /// Forms: editing, saving, conflicts, unsaved work, what is wrong with a field.
    public enum FormText: CatalogText {
        case keepEditing, discard, takeTheirs, saved, created, conflictBanner, unsavedQuestion, draftRestored
        case newPlanTitle, editPlanTitle, theirValue, noneChoice, childName, childNumber, sex, busGroup, initiator
        case requestDate, mustFixFields, nothingToSave, fieldRequired, fieldInvalid
        case typeToFind, nothingFound, servesAllGroups

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var keepEditing: Self { Self(.form(.keepEditing)) }
    public static var discard: Self { Self(.form(.discard)) }
    public static var takeTheirs: Self { Self(.form(.takeTheirs)) }
    public static var saved: Self { Self(.form(.saved)) }
    public static var created: Self { Self(.form(.created)) }
    public static var conflictBanner: Self { Self(.form(.conflictBanner)) }
    public static var unsavedQuestion: Self { Self(.form(.unsavedQuestion)) }
    public static var draftRestored: Self { Self(.form(.draftRestored)) }
    public static var newPlanTitle: Self { Self(.form(.newPlanTitle)) }
    public static var editPlanTitle: Self { Self(.form(.editPlanTitle)) }
    public static var theirValue: Self { Self(.form(.theirValue)) }
    public static var noneChoice: Self { Self(.form(.noneChoice)) }
    public static var childName: Self { Self(.form(.childName)) }
    public static var childNumber: Self { Self(.form(.childNumber)) }
    public static var sex: Self { Self(.form(.sex)) }
    public static var busGroup: Self { Self(.form(.busGroup)) }
    public static var initiator: Self { Self(.form(.initiator)) }
    public static var requestDate: Self { Self(.form(.requestDate)) }
    public static var mustFixFields: Self { Self(.form(.mustFixFields)) }
    public static var nothingToSave: Self { Self(.form(.nothingToSave)) }
    public static var fieldRequired: Self { Self(.form(.fieldRequired)) }
    public static var fieldInvalid: Self { Self(.form(.fieldInvalid)) }
    public static var typeToFind: Self { Self(.form(.typeToFind)) }
    public static var nothingFound: Self { Self(.form(.nothingFound)) }
    public static var servesAllGroups: Self { Self(.form(.servesAllGroups)) }
}
