import Foundation
import SIPDomain
import SIPText

/// The command line's tables of the plan list and the deviation register.
extension TextReports {
    public static func planTable(_ rows: [PlanSummary], catalog c: Catalog) -> String {
        guard !rows.isEmpty else { return c(.noPlans) + "\n" }
        var out =
            cell(c(.planNumber), 6) + " " + cell(c(.child), 22) + " " + cell(c.field(.personalNumber), 13) + " "
            + cell(c.field(.status), 12) + " " + cell(c(.lead), 26) + " " + cell(c(.nextDate), 11) + "\n"
        for row in rows {
            out +=
                cell(String(row.id), 6) + " " + cell(row.childName, 22) + " "
                + cell(row.personalNumberMasked ?? "-", 13) + " " + cell(c.status(row.status), 12) + " "
                + cell(row.leadAgency ?? "-", 26) + " " + cell(row.nextDate?.iso ?? "-", 10)
                + (row.overdue ? "  " + c(.overdue) : "") + "\n"
        }
        return out
    }

    public static func deviationTable(_ rows: [DeviationSummary], catalog c: Catalog) -> String {
        guard !rows.isEmpty else { return c(.noDeviations) + "\n" }
        var out =
            cell("#", 5) + " " + cell(c.field(.occurredOn), 10) + " " + cell(c(.kind), 28) + " "
            + cell(c(.concerning), 24) + " " + cell(c.field(.status), 11) + " " + cell(c(.responseDue), 11) + "\n"
        for row in rows {
            out +=
                cell(String(row.id), 5) + " " + cell(row.occurredOn.iso, 10) + " " + cell(row.kindName, 28) + " "
                + cell(row.concernedAgency, 24) + " " + cell(c.deviationStatus(row.status), 11) + " "
                + cell(row.responseDue.iso, 10) + (row.overdue ? "  " + c(.overdue) : "") + "\n"
        }
        return out
    }
}

extension TextReports {
    /// Requests for a SIP, one a line: the number masked, the answer and its reason.
    public static func requestTable(_ rows: [RequestSummary], catalog c: Catalog) -> String {
        guard !rows.isEmpty else { return c(.noRequests) + "\n" }
        var out =
            cell("#", 5) + " " + cell(c(.columnReceived), 10) + " " + cell(c(.child), 22) + " "
            + cell(c.field(.personalNumber), 13) + " " + cell(c(.columnFrom), 22) + " " + cell(c(.columnTo), 22)
            + " " + cell(c.field(.status), 11) + " " + c(.requestPlan) + "\n"
        for row in rows {
            out +=
                cell(String(row.id), 5) + " " + cell(row.receivedOn.iso, 10) + " " + cell(row.childName, 22) + " "
                + cell(row.personalNumberMasked, 13) + " " + cell(row.fromAgency, 22) + " " + cell(row.toAgency, 22)
                + " " + cell(c.requestStatus(row.status), 11) + " " + (row.planId.map(String.init) ?? "-")
                + (row.declineReason.map { "\n      " + c.field(.reason) + ": " + TerminalText.safe($0) } ?? "") + "\n"
        }
        return out
    }
}
