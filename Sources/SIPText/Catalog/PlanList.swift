import SIPDomain

extension Catalog {
    /// The list of plans: filter, sort, columns.
    public enum PlanListText: CatalogText {
        case statusFilter, overdueFilter, sort, newPlan, clearFilter, applyFilter, noMatch, filterPrompt
        case allStatuses, overdueOnly, sortedBy, sortNumber, sortChild, sortNextDate, sortStatus, columnNumber
        case columnChild, columnNumberPN, columnStatus, columnLead, columnNext, tuiEmpty

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .statusFilter: return pick("Status", "Status")
            case .overdueFilter: return pick("Försenade", "Overdue")
            case .sort: return pick("Sortera", "Sort")
            case .newPlan: return pick("Ny plan", "New plan")
            case .clearFilter: return pick("Töm filtret", "Clear the filter")
            case .applyFilter: return pick("Klar", "Done")
            case .noMatch: return pick("Inga planer matchar filtret.", "No plans match the filter.")
            case .filterPrompt: return pick("Filter", "Filter")
            case .allStatuses: return pick("alla", "all")
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
            case .tuiEmpty:
                return pick(
                    "Databasen har inga planer än. Tryck n för att skapa en plan, eller avsluta med q och "
                        + "skapa demodata med: sip-tui demo",
                    "The database has no plans yet. Press n to create a plan, or quit with q and create demo "
                        + "data with: sip-tui demo")
            }
        }
    }
}

extension Catalog.Text {
    public static var statusFilter: Self { Self(.planList(.statusFilter)) }
    public static var overdueFilter: Self { Self(.planList(.overdueFilter)) }
    public static var sort: Self { Self(.planList(.sort)) }
    public static var newPlan: Self { Self(.planList(.newPlan)) }
    public static var clearFilter: Self { Self(.planList(.clearFilter)) }
    public static var applyFilter: Self { Self(.planList(.applyFilter)) }
    public static var noMatch: Self { Self(.planList(.noMatch)) }
    public static var filterPrompt: Self { Self(.planList(.filterPrompt)) }
    public static var allStatuses: Self { Self(.planList(.allStatuses)) }
    public static var overdueOnly: Self { Self(.planList(.overdueOnly)) }
    public static var sortedBy: Self { Self(.planList(.sortedBy)) }
    public static var sortNumber: Self { Self(.planList(.sortNumber)) }
    public static var sortChild: Self { Self(.planList(.sortChild)) }
    public static var sortNextDate: Self { Self(.planList(.sortNextDate)) }
    public static var sortStatus: Self { Self(.planList(.sortStatus)) }
    public static var columnNumber: Self { Self(.planList(.columnNumber)) }
    public static var columnChild: Self { Self(.planList(.columnChild)) }
    public static var columnNumberPN: Self { Self(.planList(.columnNumberPN)) }
    public static var columnStatus: Self { Self(.planList(.columnStatus)) }
    public static var columnLead: Self { Self(.planList(.columnLead)) }
    public static var columnNext: Self { Self(.planList(.columnNext)) }
    public static var tuiEmpty: Self { Self(.planList(.tuiEmpty)) }
}
