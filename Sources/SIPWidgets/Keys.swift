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

/// Turns "Esc then a digit" into F1..F10, for terminals whose F-keys do not arrive (mc's
/// convention). A lone Esc is delivered when the next key is not a digit, or on `timeout()`.
public struct KeyDecoder: Sendable {
    public private(set) var pendingEscape = false

    public init() {}

    public mutating func feed(_ key: Key) -> [Key] {
        if pendingEscape {
            pendingEscape = false
            if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII {
                return [.function(digit == 0 ? 10 : digit)]
            }
            if key == .escape { return [.escape] }
            return [.escape, key]
        }
        if key == .escape {
            pendingEscape = true
            return []
        }
        return [key]
    }

    /// No second key came in time: the Esc was meant on its own.
    public mutating func timeout() -> [Key] {
        guard pendingEscape else { return [] }
        pendingEscape = false
        return [.escape]
    }
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
}

/// A screen's keys: the one source for dispatch, the hint bar and the help overlay.
public struct KeyTable<Action: Hashable & Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

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
        bindings.map { ($0.keyText, catalog.ui($0.label)) }
    }

    public func hints(_ catalog: Catalog) -> [(keys: String, text: String)] {
        bindings.filter(\.hint).map { ($0.keys.first!.label, catalog.ui($0.label)) }
    }
}
