import SIPDomain

/// The register: organisations, contact persons and BUS groups, their import and export.
extension Catalog {
    public func registerProblem(_ problem: RegisterProblem) -> String {
        switch problem {
        case .unknownKind(let kind):
            return pick(
                "Okänd verksamhetstyp \"\(kind)\".", "Unknown kind of organisation \"\(kind)\".")
        case .unknownPrincipal(let text):
            return pick(
                "Okänd huvudman \"\(text)\". Välj: kommun, region, private, state.",
                "Unknown principal \"\(text)\". Choose: kommun, region, private, state.")
        case .duplicateName(let principal, let name):
            return pick(
                "\(principal) har redan en verksamhet som heter \"\(name)\".",
                "\(principal) already has an organisation called \"\(name)\".")
        case .unknownGroup(let name):
            return pick("Ingen BUS-grupp heter \"\(name)\".", "No BUS group is called \"\(name)\".")
        case .retiredGroup(let name):
            return pick(
                "BUS-gruppen \"\(name)\" är avslutad och tar inte emot nya planer.",
                "The BUS group \"\(name)\" is retired and takes no new plans.")
        case .unknownOrganisation(let name):
            return pick("Ingen verksamhet heter \"\(name)\".", "No organisation is called \"\(name)\".")
        case .unknownContact(let name):
            return pick(
                "Ingen kontaktperson i verksamheten heter \"\(name)\".",
                "No contact person of the organisation is called \"\(name)\".")
        case .deputyIsSelf:
            return pick("En kontaktperson kan inte vara sin egen ersättare.", "A contact cannot be their own deputy.")
        case .unknownStatus(let text):
            return pick(
                "Okänd status \"\(text)\". Välj: active, retired.",
                "Unknown status \"\(text)\". Choose: active, retired.")
        case .duplicateLine(let first):
            return pick("Samma post står redan på rad \(first).", "The same record is already on line \(first).")
        case .notUTF8(let encoding):
            return pick(
                "Filen är inte UTF-8 (den ser ut att vara \(encoding)). Spara den som UTF-8 och försök igen.",
                "The file is not UTF-8 (it looks like \(encoding)). Save it as UTF-8 and try again.")
        case .missingColumn(let column):
            return pick("Kolumnen \(column) saknas.", "The column \(column) is missing.")
        case .lineTooLong(let limit):
            return pick(
                "Raden är längre än \(limit) byte och har inte lästs.",
                "The line is longer than \(limit) bytes and was not read.")
        case .unknownHeader:
            return pick(
                "Första raden ska vara en rubrikrad för groups, organisations eller contacts (se data/register).",
                "The first line must be a header of groups, organisations or contacts (see data/register).")
        case .unreadable(let path):
            return pick("Kan inte läsa \(path).", "Cannot read \(path).")
        case .invalid(let error):
            return message(error)
        }
    }

    /// One line for an issue: where, then what.
    public func registerIssue(_ issue: RegisterIssue) -> String {
        let place = pick("rad", "line")
        let column = issue.column.map { pick(", kolumn \($0)", ", column \($0)") } ?? ""
        return "\(issue.file) \(place) \(issue.line)\(column): \(registerProblem(issue.problem))"
    }

    /// Every issue on its own line, then one saying nothing was written.
    public func registerInvalid(_ issues: [RegisterIssue]) -> String {
        let lines = issues.map(registerIssue)
        let last = pick(
            "\(issues.count) fel; ingenting har skrivits.", "\(issues.count) errors; nothing was written.")
        return (lines + [last]).joined(separator: "\n")
    }

    public func registerSummary(_ summary: RegisterImportSummary) -> String {
        let counts = pick(
            "\(summary.added) nya, \(summary.changed) ändrade, \(summary.unchanged) oförändrade",
            "\(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged")
        return summary.dryRun
            ? pick("Provkörning: \(counts). Ingenting har skrivits.", "Dry run: \(counts). Nothing was written.")
            : pick("Registret är inläst: \(counts).", "The register is imported: \(counts).")
    }

    public func registerStatus(retired: Bool) -> String {
        retired ? pick("avslutad", "retired") : pick("aktiv", "active")
    }

    public var registerAllGroups: String { pick("alla grupper", "every group") }

    public func registerExported(_ files: [String]) -> String {
        pick("Skrev ", "Wrote ") + files.joined(separator: ", ")
    }
}
