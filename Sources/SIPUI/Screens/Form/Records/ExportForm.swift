import Foundation
import SIPModel
import SIPWidgets

/// The written plan to a file (text, Markdown, or HTML for print), readable by its owner only.
public struct ExportForm: RecordForm {
    public enum Key: String, Sendable { case format, audience, file }

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
                // Issue 17: the full plan, the family's one page, or the child's version.
                choice(
                    .audience, c(.docFor),
                    [
                        .init(id: PlanExport.Audience.professionals.rawValue, label: c(.docForProfessionals)),
                        .init(id: PlanExport.Audience.family.rawValue, label: c(.docForFamily)),
                        .init(id: PlanExport.Audience.child.rawValue, label: c(.docForChild)),
                    ], selected: PlanExport.Audience.professionals.rawValue),
                text(.file, c.ui(.exportFile), session.exportDirectory + "/sip-plan-\(plan)"),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let format = PlanExport.Format(rawValue: input[.format]) ?? .html
        let audience = PlanExport.Audience(rawValue: input[.audience]) ?? .professionals
        var path = input.line(.file)
        if path.isEmpty { throw input.refuse(.file, input.catalog.ui(.fieldRequired)) }
        if !path.hasSuffix("." + format.rawValue) { path += "." + format.rawValue }
        let catalog = input.catalog
        let file = path
        // One export line (format, file) in place of the view, written with the file: a file that
        // cannot be written leaves no line, as nothing left the program.
        do {
            let what = audience == .professionals ? "plan" : "plan for \(audience.rawValue)"
            try session.store.exportPlan(plan, what: what, format: format.rawValue, to: file) { document in
                let output = PlanExport(document, for: audience, catalog: catalog).render(format)
                // The user's own file, with the user's own group (in shared mode: not the service group).
                let written = UserFiles.write {
                    FileManager.default.createFile(
                        atPath: file, contents: Data(output.utf8), attributes: [.posixPermissions: 0o600])
                }
                if !written { throw SIPError.directoryNotWritable(file) }
            }
        } catch SIPError.directoryNotWritable(file) {
            throw input.refuse(.file, input.catalog.message(.directoryNotWritable(path)))
        }
        return .saved("\(input.catalog.ui(.exported)) \(path)")
    }
}
