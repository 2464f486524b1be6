import SIPDomain

extension Catalog {
    /// The list of plans: filter, sort, columns.
    public enum PlanListText: CatalogText {
        case statusFilter, overdueFilter, sort, newPlan, clearFilter, applyFilter, noMatch, filterPrompt
        case allStatuses, overdueOnly, sortedBy, sortNumber, sortChild, sortNextDate, sortStatus, columnNumber
        case columnChild, columnNumberPN, columnStatus, columnLead, columnNext, tuiEmpty

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
