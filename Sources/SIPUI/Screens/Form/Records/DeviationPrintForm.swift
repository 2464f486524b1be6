import Foundation
import SIPModel
import SIPWidgets

/// One deviation as a printable A4 document for the concerned organisation and the BUS secretariat:
/// everything the register's Enter shows, as the reader may see it (names masked where they are).
public struct DeviationPrintForm: RecordForm {
    public enum Key: String, Sendable { case file }

    public let deviationId: Int64
    public init(deviationId: Int64) { self.deviationId = deviationId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.printDeviation) + " – \(c.entityName(.deviation)) \(deviationId)",
            fields: [text(.file, c.ui(.exportFile), session.exportDirectory + "/sip-avvikelse-\(deviationId).html")])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        var path = input.line(.file)
        if path.isEmpty { throw input.refuse(.file, input.catalog.ui(.fieldRequired)) }
        if !path.hasPrefix("/") { path = session.exportDirectory + "/" + path }
        let c = input.catalog, h = HTMLText.escape
        let title = "\(c.entityName(.deviation)) \(deviationId)"
        let body = try DeviationsScreen.deviationText(deviationId, session)
        let html = """
            <!DOCTYPE html>
            <html lang="\(c.language == .sv ? "sv" : "en")"><head><meta charset="utf-8"><title>\(h(title))</title>
            <style>@page { size: A4; margin: 20mm; } body { font-family: "DejaVu Sans", Arial, sans-serif;
            font-size: 10.5pt; color: #000; max-width: 170mm; } p { margin: 0 0 3pt; white-space: pre-wrap; }</style>
            </head><body><h1>\(h(c.ui(.deviationRegister))): \(h(title))</h1>
            \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "<p>\(h(String($0)))</p>" }.joined(separator: "\n"))
            </body></html>

            """
        let file = path
        let written = UserFiles.write {
            FileManager.default.createFile(
                atPath: file, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600])
        }
        if !written { throw input.refuse(.file, input.catalog.message(.directoryNotWritable(path))) }
        return .saved("\(c.ui(.exported)) \(path)")
    }
}
