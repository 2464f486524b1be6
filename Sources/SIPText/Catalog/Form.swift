import SIPDomain

extension Catalog {
    /// Forms: editing, saving, conflicts, unsaved work, what is wrong with a field.
    public enum FormText: CatalogText {
        case keepEditing, discard, takeTheirs, saved, created, conflictBanner, unsavedQuestion, draftRestored
        case newPlanTitle, editPlanTitle, theirValue, noneChoice, childName, childNumber, sex, busGroup, initiator
        case requestDate, mustFixFields, nothingToSave, fieldRequired, fieldInvalid
        case typeToFind, nothingFound, servesAllGroups

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .keepEditing: return pick("Fortsätt redigera", "Keep editing")
            case .discard: return pick("Släng ändringarna", "Discard the changes")
            case .takeTheirs: return pick("Ta deras värden", "Take their values")
            case .saved: return pick("Sparat.", "Saved.")
            case .created: return pick("Planen är skapad.", "The plan is created.")
            case .conflictBanner:
                return pick(
                    "Någon annan har sparat planen. Dina ändringar finns kvar; "
                        + "deras värden visas under fälten.",
                    "Someone else saved the plan. Your changes are kept; their values show under the fields.")
            case .unsavedQuestion:
                return pick(
                    "Osparade ändringar. Spara innan du lämnar?",
                    "Unsaved changes. Save before leaving?")
            case .draftRestored: return pick("Osparat utkast återställt från", "Unsaved draft restored from")
            case .newPlanTitle: return pick("Ny plan", "New plan")
            case .editPlanTitle: return pick("Redigera plan", "Edit plan")
            case .theirValue: return pick("Sparat av annan", "Saved by someone else")
            case .noneChoice: return pick("(ingen)", "(none)")
            case .childName: return pick("Barnets namn", "Child's name")
            case .childNumber: return pick("Personnummer", "Personal number")
            case .sex: return pick("Kön", "Sex")
            case .busGroup: return pick("BUS-grupp", "BUS group")
            case .initiator: return pick("Begärd av", "Requested by")
            case .requestDate: return pick("Begäran inkom", "Request date")
            case .mustFixFields: return pick("Rätta de markerade fälten först.", "Correct the marked fields first.")
            case .nothingToSave: return pick("Inget att spara.", "Nothing to save.")
            case .fieldRequired: return pick("Måste fyllas i.", "Required.")
            case .fieldInvalid: return pick("Ogiltigt värde.", "Invalid value.")
            case .typeToFind: return pick("skriv för att söka", "type to find")
            case .nothingFound: return pick("Ingen träff. Valt:", "No match. Chosen:")
            case .servesAllGroups: return pick("alla BUS-grupper", "all BUS groups")
            }
        }
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
