extension Catalog {
    /// Words of the terminal interface. Part of the one catalog: every case has both languages.
    public enum UIText: Sendable, CaseIterable {
        // Actions (key table labels)
        case help, back, quit, open, filter, edit, save, nextField, previousField, redraw, up, down, pageUp
        case pageDown, first, last, statusFilter, overdueFilter, sort, newPlan, keepEditing, discard
        case takeTheirs, saveMine, changeChoice, closeHelp, clearFilter, applyFilter, cancel
        // Screens and messages
        case appTitle, tooSmall, saved, created, conflictBanner, unsavedQuestion, draftRestored, noMatch
        case filterPrompt, allStatuses, helpTitle, overdueOnly, sortedBy, sortNumber, sortChild, sortNextDate
        case sortStatus, columnNumber, columnChild, columnNumberPN, columnStatus, columnLead, columnNext
        case newPlanTitle, editPlanTitle, theirValue, noneChoice, childName, childNumber, sex, busGroup
        case initiator, requestDate, mustFixFields, nothingToSave, quitQuestion, yesKeys
    }

    /// "1 plan", "12 planer".
    public func plans(_ count: Int) -> String {
        language == .sv ? "\(count) \(count == 1 ? "plan" : "planer")" : "\(count) \(count == 1 ? "plan" : "plans")"
    }

    public func ui(_ key: UIText) -> String {
        func pick(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }
        switch key {
        case .help: return pick("Hjälp", "Help")
        case .back: return pick("Tillbaka", "Back")
        case .quit: return pick("Avsluta", "Quit")
        case .open: return pick("Öppna", "Open")
        case .filter: return pick("Filtrera", "Filter")
        case .edit: return pick("Redigera", "Edit")
        case .save: return pick("Spara", "Save")
        case .nextField: return pick("Nästa fält", "Next field")
        case .previousField: return pick("Föregående fält", "Previous field")
        case .redraw: return pick("Rita om skärmen", "Redraw the screen")
        case .up: return pick("Upp", "Up")
        case .down: return pick("Ned", "Down")
        case .pageUp: return pick("Sida upp", "Page up")
        case .pageDown: return pick("Sida ned", "Page down")
        case .first: return pick("Första", "First")
        case .last: return pick("Sista", "Last")
        case .statusFilter: return pick("Status", "Status")
        case .overdueFilter: return pick("Försenade", "Overdue")
        case .sort: return pick("Sortera", "Sort")
        case .newPlan: return pick("Ny plan", "New plan")
        case .keepEditing: return pick("Fortsätt redigera", "Keep editing")
        case .discard: return pick("Släng ändringarna", "Discard the changes")
        case .takeTheirs: return pick("Ta deras värden", "Take their values")
        case .saveMine: return pick("Spara mina värden", "Save my values")
        case .changeChoice: return pick("Byt val", "Change choice")
        case .closeHelp: return pick("Stäng hjälpen", "Close help")
        case .clearFilter: return pick("Töm filtret", "Clear the filter")
        case .applyFilter: return pick("Klar", "Done")
        case .cancel: return pick("Avbryt", "Cancel")
        case .appTitle: return pick("SIP", "SIP")
        case .tooSmall: return pick("Terminalen är för liten", "The terminal is too small")
        case .saved: return pick("Sparat.", "Saved.")
        case .created: return pick("Planen är skapad.", "The plan is created.")
        case .conflictBanner:
            return pick("Någon annan har sparat planen. Dina ändringar finns kvar; deras värden visas under fälten.",
                        "Someone else saved the plan. Your changes are kept; their values show under the fields.")
        case .unsavedQuestion: return pick("Osparade ändringar. Spara innan du lämnar?", "Unsaved changes. Save before leaving?")
        case .draftRestored: return pick("Osparat utkast återställt från", "Unsaved draft restored from")
        case .noMatch: return pick("Inga planer matchar filtret.", "No plans match the filter.")
        case .filterPrompt: return pick("Filter", "Filter")
        case .allStatuses: return pick("alla", "all")
        case .helpTitle: return pick("Tangenter", "Keys")
        case .overdueOnly: return pick("bara försenade", "overdue only")
        case .sortedBy: return pick("sorterat på", "sorted by")
        case .sortNumber: return pick("nummer", "number")
        case .sortChild: return pick("barn", "child")
        case .sortNextDate: return pick("nästa datum", "next date")
        case .sortStatus: return pick("status", "status")
        case .columnNumber: return pick("Nr", "No")
        case .columnChild: return pick("Barn", "Child")
        case .columnNumberPN: return pick("Personnr", "ID number")
        case .columnStatus: return pick("Status", "Status")
        case .columnLead: return pick("Huvudansvar", "Lead")
        case .columnNext: return pick("Nästa", "Next")
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
        case .quitQuestion: return pick("Avsluta sip-tui?", "Quit sip-tui?")
        case .yesKeys: return pick("j", "y")
        }
    }
}
