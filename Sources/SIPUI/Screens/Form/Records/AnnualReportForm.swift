import Foundation
import SIPModel
import SIPWidgets

/// The annual report of the review's group (or the county) to a file: HTML to print, CSV for a
/// spreadsheet or JSON; readable by its owner only. De-identified like the review.
public struct AnnualReportForm: RecordForm {
    public enum Key: String, Sendable { case year, format, file }

    public let groupId: Int64?
    public let year: Int
    public init(groupId: Int64?, year: Int) { (self.groupId, self.year) = (groupId, year) }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.annualReport),
            fields: [
                text(.year, c.ui(.periodYear), String(year)),
                choice(
                    .format, c.ui(.exportFormat), ["html", "csv", "json"].map { .init(id: $0, label: $0) },
                    selected: "html"),
                text(.file, c.ui(.exportFile), session.exportDirectory + "/sip-arsrapport"),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let year = Int(input.line(.year)), (1900...9999).contains(year) else {
            throw input.refuse(.year, input.catalog.message(.invalidDate(input.line(.year))))
        }
        let format = input[.format]
        var path = input.line(.file)
        if path.isEmpty { throw input.refuse(.file, input.catalog.ui(.fieldRequired)) }
        if !path.hasPrefix("/") { path = session.exportDirectory + "/" + path }
        if !path.hasSuffix("." + format) { path += "." + format }
        let report = try session.store.annualReport(groupId: groupId, year: year)
        let document = AnnualReportDocument(report, catalog: input.catalog)
        let output =
            switch format {
            case "csv": document.csv()
            case "json": String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            default: document.html()
            }
        let file = path
        let written = UserFiles.write {
            FileManager.default.createFile(
                atPath: file, contents: Data(output.utf8), attributes: [.posixPermissions: 0o600])
        }
        if !written { throw input.refuse(.file, input.catalog.message(.directoryNotWritable(path))) }
        return .saved("\(input.catalog.ui(.exported)) \(path)")
    }
}
