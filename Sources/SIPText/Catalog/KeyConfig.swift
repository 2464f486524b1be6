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
        func at(_ line: Int) -> String { pick("\(file), rad \(line): ", "\(file), line \(line): ") }
        switch problem {
        case .syntax(let line):
            return at(line) + pick("skriv \"åtgärd = tangent\"", "write \"action = key\"")
        case .unknownAction(let line, let name):
            return at(line)
                + pick(
                    "okänd åtgärd \"\(name)\" (sip-tui --print-keys visar namnen)",
                    "unknown action \"\(name)\" (sip-tui --print-keys shows the names)")
        case .unknownKey(let line, let key):
            return at(line) + pick("okänd tangent \"\(key)\"", "unknown key \"\(key)\"")
        case .clash(let line, let key, let other, let table):
            return at(line)
                + pick(
                    "\(key) gör redan \"\(other)\" i \(table); standard behålls",
                    "\(key) already does \"\(other)\" in \(table); the default is kept")
        case .reserved(let line, let key):
            return at(line) + pick("\(key) kan inte ändras", "\(key) cannot be changed")
        case .textKey(let line, let key, let table):
            return at(line)
                + pick(
                    "\(key) är text i \(table); standard behålls", "\(key) is text in \(table); the default is kept")
        case .unknownTheme(let line, let name):
            return at(line)
                + pick(
                    "okänt tema \"\(name)\" (light, dark eller mono)", "unknown theme \"\(name)\" (light, dark or mono)"
                )
        case .unknownSetting(let line, let name):
            return at(line) + pick("okänd inställning \"\(name)\"", "unknown setting \"\(name)\"")
        }
    }
}
