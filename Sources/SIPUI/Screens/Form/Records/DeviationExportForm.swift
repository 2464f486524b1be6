import Foundation
import SIPModel
import SIPWidgets

/// The register's deviations, as filtered, to a CSV file a Swedish spreadsheet opens, readable by
/// its owner only.
public struct DeviationExportForm: RecordForm {
    public enum Key: String, Sendable { case file }

    /// The deviations the register showed, in its order.
    public let ids: [Int64]
    public init(ids: [Int64]) { self.ids = ids }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.exportDeviations),
            fields: [text(.file, c.ui(.exportFile), session.exportDirectory + "/sip-avvikelser.csv")])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        var path = input.line(.file)
        if path.isEmpty { throw input.refuse(.file, input.catalog.ui(.fieldRequired)) }
        // A name alone goes in the export folder, not wherever the program was started.
        if !path.hasPrefix("/") { path = session.exportDirectory + "/" + path }
        let wanted = Set(ids)
        let rows = try session.store.deviationSummaries().filter { wanted.contains($0.id) }
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let csv = SpreadsheetCSV.deviations(
            rows.sorted { order[$0.id]! < order[$1.id]! }, catalog: input.catalog)
        let written = UserFiles.write {
            FileManager.default.createFile(
                atPath: path, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600])
        }
        if !written { throw input.refuse(.file, input.catalog.message(.directoryNotWritable(path))) }
        return .saved("\(input.catalog.ui(.exportedDeviations)) \(path)")
    }
}
