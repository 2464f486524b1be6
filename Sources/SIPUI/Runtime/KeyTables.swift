import SIPModel
import SIPWidgets

/// Every key table of the program, for keys.conf (checked against them at start), the default
/// keys.conf and `sip-tui --print-keys` (the README's key table is checked against it).
/// A new screen adds its table (named: `KeyTable("name", [...])`) to `screens`.
public enum KeyTables {
    public static var screens: [KeyTableDescription] {
        [
            PlanListScreen.browseKeys, PlanListScreen.filterKeys,
        ].map(\.description)
            + [PlanDetailScreen.keys.description, InterventionsScreen.keys.description]
            + [FormScreen.keys, FormScreen.choiceKeys, FormScreen.searchKeys].map(\.description)
            + [MeetingScreen.attendanceKeys, MeetingScreen.notesKeys].map(\.description)
            + [
                ReviewScreen.keys.description, chairReview, DeviationsScreen.keys.description,
                SpiderScreen.keys.description, TextViewScreen.keys.description, ChoiceKeys.table.description,
            ] + laterScreens
    }

    /// The day, the requests, the register, the review's period and side-by-side tables.
    static var laterScreens: [KeyTableDescription] {
        let day: [KeyTableDescription] = [
            DayScreen.keys.description, RequestsScreen.inboxKeys.description, RequestsScreen.mineKeys.description,
        ]
        let register: [KeyTableDescription] = [
            AdministrationScreen().keys.description, RegisterListScreen.browseKeys.description,
            RegisterListScreen.filterKeys.description,
        ]
        let review: [KeyTableDescription] = [
            ReviewScreen.periodKeys.description, GroupsSideBySideScreen.keys.description,
            DeviationsScreen.searchKeys.description,
        ]
        return day + register + review
    }

    /// The review's table as a chair's start screen has it (a and q besides).
    static var chairReview: KeyTableDescription {
        ReviewScreen(today: Day(year: 2026, month: 1, day: 1)!, chairStart: true).keys.description
    }

    /// Keys every screen has: the global ones, and where letters are text, the editing keys.
    public static var everywhere: [KeyTableDescription] {
        [GlobalKeys.table(typing: false).description, GlobalKeys.table(typing: true).description]
            + [TextInput.keys.description]
    }

    /// The tables to print: each screen's, then the editing keys, then the global ones.
    public static var all: [KeyTableDescription] {
        var seen = Set<String>()
        var tables: [KeyTableDescription] = []
        for table in screens + everywhere {
            let key = table.name + "|" + table.actions.map(\.name).joined(separator: ",")
            if seen.insert(key).inserted { tables.append(table) }
        }
        return tables
    }

    /// The key tables as one Markdown table: screen, keys, what they do, the name keys.conf uses.
    public static func markdown(_ catalog: Catalog) -> String {
        var lines = ["| screen | keys | action | keys.conf |", "|---|---|---|---|"]
        var printed = Set<String>()
        for table in all {
            for action in table.actions {
                // The keys in force: keys.conf's where it changed them.
                let inForce = KeyConfig.installed.keys(for: action, table: table.name, typing: table.typing)
                let name = table.name + "." + action.name
                guard !inForce.isEmpty, printed.insert(name + inForce.map(\.label).joined()).inserted else { continue }
                let keys = inForce.map { $0.label == "|" ? "\\|" : $0.label }.joined(separator: " ")
                lines.append("| \(table.name) | \(keys) | \(catalog.ui(action.label)) | `\(name)` |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads keys.conf's text, checks it against every table and puts what can be used in force.
    /// Returns what could not be used, in the user's words.
    @discardableResult
    public static func install(keysConf text: String, file: String, catalog: Catalog) -> [String] {
        let (parsed, parseProblems) = KeyConfig.parse(text)
        let (accepted, problems) = parsed.validated(against: screens, global: everywhere)
        KeyConfig.install(accepted)
        return (parseProblems + problems).sorted { $0.line < $1.line }.map { catalog.configProblem($0, file: file) }
    }
}
