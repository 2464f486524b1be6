import SIPDomain
import SIPText

/// A key press as the screens see it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)  // ^A is .control("a")
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case resize

    /// A character typed as text where letters are text (a form, the filter): not a command there.
    public var isText: Bool {
        if case .character = self { return true }
        return false
    }

    /// How help and the hint bar write the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "^" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        }
    }

    /// Maps a code from the terminal's input (wide-character value) to a key.
    public static func fromCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// Turns what the terminal sent into keys, whatever TERM says: the escape sequences of Home, End,
/// PgUp, PgDn, Delete, the arrows, F1-F12 and Shift-Tab as xterm, rxvt, the linux console, PuTTY,
/// vt220 and tmux send them (ncurses decodes only those its terminfo entry names, and hands the
/// others over as Esc and characters), and "Esc then a digit" as F1..F10 for terminals whose
/// F-keys do not arrive (mc's convention).
///
/// A lone Esc is told from the start of a sequence by timing: `[` or `O` that follows Esc within
/// the escape delay (ESCDELAY, 25 ms by default) starts a sequence; later, they are keys of their
/// own. A lone Esc is delivered when the next key is not a digit, or on `timeout()`. A sequence
/// that is not known is dropped: it is never read as Esc.
public struct KeyDecoder: Sendable {
    private enum State: Sendable, Equatable {
        case idle
        case escape(at: UInt64)
        case sequence(introducer: Character, body: String)
    }

    private var state = State.idle
    /// How long after Esc a `[` or `O` still belongs to it, in nanoseconds.
    public let escapeDelay: UInt64

    public var pendingEscape: Bool { state != .idle }

    /// The escape delay a session uses: `ESCDELAY` (milliseconds, as ncurses reads it) when set
    /// to a sane value, else 25 ms.
    public static func escapeDelayMilliseconds(environment: [String: String]) -> Int {
        guard let text = environment["ESCDELAY"], let value = Int(text), (1...2000).contains(value) else { return 25 }
        return value
    }

    public init(escapeDelayMilliseconds: Int = 25) {
        escapeDelay = UInt64(max(1, escapeDelayMilliseconds)) * 1_000_000
    }

    /// One key from the terminal, with when it arrived (nanoseconds, any monotonic clock; keys fed
    /// without a time count as arriving together).
    public mutating func feed(_ key: Key, at time: UInt64 = 0) -> [Key] {
        switch state {
        case .idle:
            if key == .escape {
                state = .escape(at: time)
                return []
            }
            return [key]
        case .escape(let escapedAt):
            state = .idle
            if case .character(let c) = key {
                if (c == "[" || c == "O") && time &- escapedAt <= escapeDelay {
                    state = .sequence(introducer: c, body: "")
                    return []
                }
                if let digit = c.wholeNumberValue, c.isASCII { return [.function(digit == 0 ? 10 : digit)] }
            }
            if key == .escape { return [.escape] }
            return [.escape, key]
        case .sequence(let introducer, var body):
            guard case .character(let c) = key, c.isASCII, let byte = c.asciiValue else {
                // Something else broke the sequence off: what came before it is dropped, this key counts.
                state = .idle
                return feed(key, at: time)
            }
            let isFinal: Bool
            if introducer == "O" {
                isFinal = (0x40...0x7E).contains(byte)
            } else if body == "" && c == "[" {
                isFinal = false  // the linux console's F1-F5: Esc [ [ A..E
            } else if body == "[" {
                isFinal = true
            } else {
                isFinal = (0x40...0x7E).contains(byte) || c == "$" || c == "^" || c == "@"
            }
            body.append(c)
            guard isFinal else {
                // Parameters are digits and semicolons; anything longer than any real key is noise.
                state = body.count > 12 ? .idle : .sequence(introducer: introducer, body: body)
                return []
            }
            state = .idle
            return Self.key(introducer: introducer, body: body).map { [$0] } ?? []
        }
    }

    /// No key came in time: an Esc was meant on its own; a sequence broken off is dropped.
    public mutating func timeout() -> [Key] {
        defer { state = .idle }
        if case .escape = state { return [.escape] }
        return []
    }

    /// The key an escape sequence (after Esc and its introducer) stands for, or nil.
    static func key(introducer: Character, body: String) -> Key? {
        guard let final = body.last else { return nil }
        // Modifiers (";2" Shift, ";5" Ctrl) change nothing here: the first parameter names the key.
        let parameters = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        let first = parameters.first.flatMap { Int($0) }
        if introducer == "[" && body.hasPrefix("[") && body.count == 2 {
            // The linux console: Esc [ [ A..E are F1..F5.
            guard let index = "ABCDE".firstIndex(of: final) else { return nil }
            return .function("ABCDE".distance(from: "ABCDE".startIndex, to: index) + 1)
        }
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "M": return introducer == "O" ? .enter : nil
        case "P", "Q", "R", "S":
            // SS3 P..S (xterm, vt220), or CSI 1 ; mod P..S (xterm with a modifier).
            guard introducer == "O" || first == nil || first == 1 else { return nil }
            return .function(Int(final.asciiValue! - Character("P").asciiValue!) + 1)
        case "~", "$", "^", "@":
            guard introducer == "[", let first else { return nil }
            return tildeKeys[first]
        default:
            return nil
        }
    }

    /// Esc [ n ~ (vt220, xterm, rxvt, PuTTY, the linux console, tmux): rxvt ends with $ ^ @ when
    /// Shift or Ctrl is held.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}

/// One line of a screen's key table: the keys, what they do, and the words for it.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var label: Catalog.UIText
    /// Shown in the hint bar (the most useful keys); every binding is shown in help.
    public var hint: Bool

    public init(_ keys: [Key], _ action: Action, _ label: Catalog.UIText, hint: Bool = false) {
        self.keys = keys
        self.action = action
        self.label = label
        self.hint = hint
    }

    public var keyText: String {
        // Arrow pairs read better together: "↑↓ j k".
        keys.map(\.label).joined(separator: " ")
    }

    /// The action's name in keys.conf and `--print-keys`: the case's name ("open", "newPlan"); a
    /// case with a payload is named by its payload ("list(up)" is "up").
    public var actionName: String { KeyNames.actionName(action) }
}

/// A screen's keys: the one source for dispatch, the hint bar and the help overlay. Its `name`
/// ("plans", "plan") is how keys.conf names its actions ("plans.open = o"); the keys are the
/// defaults with keys.conf's changes applied.
public struct KeyTable<Action: Hashable & Sendable>: Sendable {
    /// The screen's name in keys.conf; empty for a table no one configures.
    public let name: String
    /// Letters are text where this table is used: keys.conf may not give a letter to it.
    public let typing: Bool
    /// The keys as the program ships them.
    public let defaultBindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.init("", bindings)
    }

    public init(_ name: String, typing: Bool = false, _ bindings: [KeyBinding<Action>]) {
        self.name = name
        self.typing = typing
        defaultBindings = bindings
    }

    /// The keys in force: the defaults with keys.conf's changes applied.
    public var bindings: [KeyBinding<Action>] {
        KeyConfig.installed.apply(defaultBindings, table: name, typing: typing)
    }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Keys bound more than once: must be empty for every table (a test checks).
    public var duplicateKeys: [Key] {
        var seen = Set<Key>()
        var duplicates: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted { duplicates.append(key) }
        return duplicates
    }

    public func help(_ catalog: Catalog) -> [(keys: String, text: String)] {
        bindings.filter { !$0.keys.isEmpty }.map { ($0.keyText, catalog.ui($0.label)) }
    }

    public func hints(_ catalog: Catalog) -> [(keys: String, text: String)] {
        bindings.filter { $0.hint && !$0.keys.isEmpty }.map { ($0.keys.first!.label, catalog.ui($0.label)) }
    }

    /// The table as keys.conf and `--print-keys` see it.
    public var description: KeyTableDescription {
        KeyTableDescription(
            name: name, typing: typing,
            actions: defaultBindings.map { .init(name: $0.actionName, keys: $0.keys, label: $0.label) })
    }
}

/// A key table without its action type: what keys.conf is checked against and `--print-keys` prints.
public struct KeyTableDescription: Sendable {
    public struct Action: Sendable {
        public var name: String
        public var keys: [Key]
        public var label: Catalog.UIText
    }

    public var name: String
    public var typing: Bool
    public var actions: [Action]

    public init(name: String, typing: Bool, actions: [Action]) {
        self.name = name
        self.typing = typing
        self.actions = actions
    }
}
