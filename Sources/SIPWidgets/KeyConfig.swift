import Foundation
import SIPDomain
import SIPText

/// Keys by name, as keys.conf writes them: a letter, `Enter`, `Esc`, `Tab`, `S-Tab`, `Space`, `Bksp`,
/// `Del`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `F1`-`F12`, `^X` (Ctrl-X).
public enum KeyNames {
    static let named: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("Space", .character(" ")),
        ("Bksp", .backspace), ("Del", .delete), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
    ]
    static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "shift-tab": .backTab, "backspace": .backspace,
        "delete": .delete, "pageup": .pageUp, "pagedown": .pageDown,
    ]

    /// The key a name stands for, or nil.
    public static func key(_ text: String) -> Key? {
        if let (_, key) = named.first(where: { $0.0.lowercased() == text.lowercased() }) { return key }
        if let key = aliases[text.lowercased()] { return key }
        if text.count == 1, let c = text.first, !c.isWhitespace, c != "^" || text == "^" { return .character(c) }
        let lower = text.lowercased()
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        for prefix in ["^", "c-", "ctrl-", "ctrl+"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .control(c) }
        }
        return nil
    }

    /// How keys.conf writes a key (ASCII, whatever the terminal).
    public static func name(_ key: Key) -> String {
        if let (name, _) = named.first(where: { $0.1 == key }) { return name }
        return key.label
    }

    static func actionName<Action>(_ action: Action) -> String {
        let text = String(describing: action)
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return text }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return String(inner.split(separator: ".").last ?? inner)
    }
}

/// The user's keys: `$XDG_CONFIG_HOME/sip-tui/keys.conf`, plain `action = key` lines. An action is
/// a screen's (`plans.open = o`) or, named alone, every screen's that has it (`down = Down j`).
/// Several keys are separated by spaces. Lines that cannot be used are told at start and the
/// default kept for that action.
public struct KeyConfig: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var line: Int
        /// "plans.open", or "open" for every screen.
        public var action: String
        public var keys: [Key]
    }

    public private(set) var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Ctrl-C, Ctrl-Z (never rebound: ux guide) and Ctrl-\ (Ctrl-C's twin in raw mode).
    static let reserved: Set<Key> = [.control("c"), .control("z"), .control("\\"), .resize]

    /// Reads the file's lines; what cannot be read is a problem with its line number.
    public static func parse(_ text: String) -> (KeyConfig, [Catalog.ConfigProblem]) {
        var config = KeyConfig()
        var problems: [Catalog.ConfigProblem] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                problems.append(.syntax(line: line))
                continue
            }
            let action = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let words = trimmed[trimmed.index(after: equals)...].split(separator: " ").map(String.init)
            guard !action.isEmpty, !words.isEmpty else {
                problems.append(.syntax(line: line))
                continue
            }
            var keys: [Key] = []
            for word in words {
                guard let key = KeyNames.key(word) else {
                    problems.append(.unknownKey(line: line, key: word))
                    keys = []
                    break
                }
                keys.append(key)
            }
            if !keys.isEmpty { config.entries.append(Entry(line: line, action: action, keys: keys)) }
        }
        return (config, problems)
    }

    /// The entries that can be used with these tables, in the file's order: an unknown action, a
    /// reserved key, a letter where letters are text, or a key another action of the same screen
    /// (or a key every screen has) already has, is a problem, and that action keeps its default.
    public func validated(against tables: [KeyTableDescription], global: [KeyTableDescription])
        -> (KeyConfig, [Catalog.ConfigProblem])
    {
        var accepted = KeyConfig()
        var problems: [Catalog.ConfigProblem] = []
        let all = tables + global
        for entry in entries {
            let affected = all.filter { t in
                t.actions.contains { Self.matches(entry.action, table: t.name, action: $0.name) }
            }
            guard !affected.isEmpty else {
                problems.append(.unknownAction(line: entry.line, name: entry.action))
                continue
            }
            let leavesTerminal = ["interrupt", "suspend"].contains {
                Self.matches(entry.action, table: "global", action: $0)
            }
            if let key = entry.keys.first(where: Self.reserved.contains) ?? (leavesTerminal ? entry.keys.first : nil) {
                problems.append(.reserved(line: entry.line, key: KeyNames.name(key)))
                continue
            }
            var trial = accepted
            trial.entries.append(entry)
            if let problem = trial.problem(with: entry, tables: tables, global: global) {
                problems.append(problem)
            } else {
                accepted = trial
            }
        }
        return (accepted, problems)
    }

    /// A clash or a letter where letters are text, that `entry` brings into some screen's keys.
    private func problem(with entry: Entry, tables: [KeyTableDescription], global: [KeyTableDescription])
        -> Catalog.ConfigProblem?
    {
        // Every screen's table is checked together with the keys every screen has.
        for table in tables {
            let bindings = ([table] + global.filter { $0.typing == table.typing }).flatMap { t in
                t.actions.map {
                    (
                        table: t.name, action: $0.name, keys: keys(for: $0, table: t.name, typing: t.typing),
                        defaults: $0.keys
                    )
                }
            }
            let defaults =
                table.actions.first { Self.matches(entry.action, table: table.name, action: $0.name) }?.keys ?? []
            for key in Self.usable(entry, typing: table.typing, defaults: defaults) {
                let holders = bindings.filter { $0.keys.contains(key) }
                let mine = holders.filter { Self.matches(entry.action, table: $0.table, action: $0.action) }
                guard !mine.isEmpty else { continue }
                // Keys the program itself gives both (a text key a form uses for its choices) are no clash.
                let mineByDefault = mine.contains { $0.defaults.contains(key) }
                if let other = holders.first(where: {
                    !Self.matches(entry.action, table: $0.table, action: $0.action)
                        && !(mineByDefault && $0.defaults.contains(key))
                }) {
                    return .clash(line: entry.line, key: KeyNames.name(key), other: other.action, table: table.name)
                }
            }
            // A letter given to a screen where letters are text, by the screen's own name.
            if table.typing, entry.action.hasPrefix(table.name + "."),
                let key = entry.keys.first(where: { $0.isText && !defaults.contains($0) })
            {
                return .textKey(line: entry.line, key: KeyNames.name(key), table: table.name)
            }
        }
        return nil
    }

    private static func matches(_ name: String, table: String, action: String) -> Bool {
        name == action || name == table + "." + action
    }

    /// The keys an action has under this configuration (the last line naming it wins).
    public func keys(for action: KeyTableDescription.Action, table: String, typing: Bool) -> [Key] {
        keys(named: action.name, table: table, typing: typing, defaults: action.keys) ?? action.keys
    }

    private func keys(named action: String, table: String, typing: Bool, defaults: [Key]) -> [Key]? {
        guard let entry = entries.last(where: { Self.matches($0.action, table: table, action: action) }) else {
            return nil
        }
        let keys = Self.usable(entry, typing: typing, defaults: defaults)
        return keys.isEmpty ? nil : keys
    }

    /// An entry's keys on a screen: letters only where letters are not text ("down = Down j" moves
    /// with j in a list and only with Down in a form; a form's own action given a letter is refused).
    /// (A letter the program itself gives the action there, Space on a choice, stays.)
    private static func usable(_ entry: Entry, typing: Bool, defaults: [Key]) -> [Key] {
        typing ? entry.keys.filter { !$0.isText || defaults.contains($0) } : entry.keys
    }

    /// A table's bindings with this configuration's keys.
    public func apply<Action>(_ bindings: [KeyBinding<Action>], table: String, typing: Bool = false)
        -> [KeyBinding<Action>]
    {
        guard !entries.isEmpty, !table.isEmpty else { return bindings }
        return bindings.map { binding in
            var binding = binding
            if let keys = keys(named: binding.actionName, table: table, typing: typing, defaults: binding.keys) {
                binding.keys = keys
            }
            return binding
        }
    }

    /// The configuration in force: set once at start, before the first screen.
    nonisolated(unsafe) public private(set) static var installed = KeyConfig()

    public static func install(_ config: KeyConfig) { installed = config }

    /// A keys.conf that changes nothing: every action with its default keys, commented out.
    public static func defaultFile(_ tables: [KeyTableDescription], catalog: Catalog) -> String {
        var lines = [
            "# sip-tui keys: one \"action = key\" line each; several keys separated by spaces.",
            "# A screen's action (plans.open = o), or an action on every screen that has it (down = Down j).",
            "# Keys: a letter or sign, Enter Esc Tab S-Tab Space Bksp Del Up Down Left Right PgUp PgDn Home End,",
            "# F1-F12, ^X for Ctrl-X. Ctrl-C and Ctrl-Z cannot be changed. Remove the # to change a line.",
        ]
        for table in tables where !table.name.isEmpty {
            lines += ["", "# [\(table.name)]"]
            for action in table.actions where !action.keys.isEmpty && !action.keys.allSatisfy(reserved.contains) {
                let keys = action.keys.map(KeyNames.name).joined(separator: " ")
                lines.append("# \(table.name).\(action.name) = \(keys)    # \(catalog.ui(action.label))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
