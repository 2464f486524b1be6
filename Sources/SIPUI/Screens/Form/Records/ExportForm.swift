import Foundation
import SIPModel
import SIPWidgets

/// The written plan to a file (text, Markdown, or HTML for print), readable by its owner only.
public struct ExportForm: RecordForm {
    public enum Key: String, Sendable { case format, file }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.exportPlan) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .format, c.ui(.exportFormat),
                    PlanExport.Format.allCases.map { .init(id: $0.rawValue, label: $0.rawValue) }, selected: "html"),
                text(.file, c.ui(.exportFile), session.exportDirectory + "/sip-plan-\(plan)"),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let format = PlanExport.Format(rawValue: input[.format]) ?? .html
        var path = input.line(.file)
        if path.isEmpty { throw input.refuse(.file, input.catalog.ui(.fieldRequired)) }
        if !path.hasSuffix("." + format.rawValue) { path += "." + format.rawValue }
        let output = PlanExport(try session.store.planDocument(plan), catalog: input.catalog).render(format)
        // The user's own file, with the user's own group (in shared mode: not the service group).
        let written = UserFiles.write {
            FileManager.default.createFile(
                atPath: path, contents: Data(output.utf8), attributes: [.posixPermissions: 0o600])
        }
        guard written else {
            throw input.refuse(.file, input.catalog.message(.directoryNotWritable(path)))
        }
        return .saved("\(input.catalog.ui(.exported)) \(path)")
    }
}
