import SIPDomain

extension Catalog {
    /// What can be wrong in keys.conf or the config file: said at start, and the default is kept.
    public enum ConfigProblem: Equatable, Sendable {
        /// A line that is not `action = key`.
        case syntax(line: Int)
        case unknownAction(line: Int, name: String)
        case unknownKey(line: Int, key: String)
        /// The key already does `other` on the screen `table`.
        case clash(line: Int, key: String, other: String, table: String)
        /// Ctrl-C, Ctrl-Z and Ctrl-\ are never rebound.
        case reserved(line: Int, key: String)
        /// A letter where letters are text (a form, the filter).
        case textKey(line: Int, key: String, table: String)
        case unknownTheme(line: Int, name: String)
        case unknownSetting(line: Int, name: String)

        public var line: Int {
            switch self {
            case .syntax(let line), .unknownAction(let line, _), .unknownKey(let line, _), .clash(let line, _, _, _),
                .reserved(let line, _), .textKey(let line, _, _), .unknownTheme(let line, _),
                .unknownSetting(let line, _):
                return line
            }
        }
    }

    public func configProblem(_ problem: ConfigProblem, file: String) -> String {
        language.words.configProblem(problem, file: file, in: self)
    }
}
