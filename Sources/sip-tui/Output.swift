import Foundation
import SIPModel

/// What the command line prints.
enum Output {
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try PlanDocument.encoder().encode(value), as: UTF8.self)
    }

    static func planTable(_ rows: [PlanSummary], catalog: Catalog) -> String {
        TextReports.planTable(rows, catalog: catalog)
    }

    static func deviationTable(_ rows: [DeviationSummary], catalog: Catalog) -> String {
        TextReports.deviationTable(rows, catalog: catalog)
    }

    static func planText(_ document: PlanDocument, catalog: Catalog) -> String {
        TextReports.planText(document, catalog: catalog)
    }
}
