import SIPDomain

/// The register: organisations, contact persons and BUS groups, their import and export.
extension Catalog {
    public func registerProblem(_ problem: RegisterProblem) -> String {
        language.words.registerProblem(problem, in: self)
    }

    /// One line for an issue: where, then what.
    public func registerIssue(_ issue: RegisterIssue) -> String { language.words.registerIssue(issue, in: self) }

    /// Every issue on its own line, then one saying nothing was written.
    public func registerInvalid(_ issues: [RegisterIssue]) -> String {
        language.words.registerInvalid(issues, in: self)
    }

    public func registerSummary(_ summary: RegisterImportSummary) -> String {
        language.words.registerSummary(summary, in: self)
    }

    public func registerStatus(retired: Bool) -> String { language.words.registerStatus(retired: retired, in: self) }

    public var registerAllGroups: String { language.words.registerAllGroups(in: self) }

    public func registerExported(_ files: [String]) -> String { language.words.registerExported(files, in: self) }
}
