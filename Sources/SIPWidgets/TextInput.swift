import SIPDomain
import SIPText

/// The editing state of one text field: characters (grapheme clusters, so the cursor moves by
/// character, never by byte) and a cursor index. Emacs keys as in readline.
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public let multiline: Bool
    /// At most this many characters are taken (a field's `maxLength`): a paste beyond it is refused
    /// key by key, in constant time, instead of growing a text that could never be saved.
    public var limit: Int?

    public init(_ text: String = "", multiline: Bool = false, limit: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.multiline = multiline
        self.limit = limit
    }

    public var text: String { String(characters) }

    /// How many characters around the cursor `layout` looks at: far more than any screen shows,
    /// so that a huge value costs a bounded amount of work per frame.
    public static let layoutWindow = 16_384

    /// Counts the characters layout passes visit, when a test asks (work must stay bounded).
    public final class WorkCounter: @unchecked Sendable {
        public var count = 0
        public init() {}
    }
    @TaskLocal public static var workCounter: WorkCounter?

    public enum Outcome: Equatable { case edited, moved, refused, unhandled }

    /// The editing keys of every text field (readline's, as calcurse and tig have them): the one
    /// source for editing, help and keys.conf.
    public static let keys = KeyTable<TextAction>(
        "text", typing: true,
        [
            KeyBinding([.left, .control("b")], .left, .cursorLeft),
            KeyBinding([.right, .control("f")], .right, .cursorRight),
            KeyBinding([.home, .control("a")], .lineStart, .lineStart),
            KeyBinding([.end, .control("e")], .lineEnd, .lineEnd),
            KeyBinding([.backspace], .deleteBackward, .deleteBackward),
            KeyBinding([.delete, .control("d")], .deleteForward, .deleteForward),
            KeyBinding([.control("k")], .deleteToEnd, .deleteToEnd),
            KeyBinding([.control("u")], .deleteToStart, .deleteToStart),
            KeyBinding([.control("w")], .deleteWord, .deleteWord),
        ])

    /// Applies an editing key. Keys it does not know are `.unhandled`, for the form to use.
    public mutating func handle(_ key: Key) -> Outcome {
        if case .character(let c) = key { return insert(c) ? .edited : .refused }
        if key == .enter && multiline { return insert("\n") ? .edited : .refused }
        guard let action = Self.keys.action(for: key) else { return .unhandled }
        switch action {
        case .left:
            cursor = max(0, cursor - 1)
            return .moved
        case .right:
            cursor = min(characters.count, cursor + 1)
            return .moved
        case .lineStart:
            cursor = lineStart(of: cursor)
            return .moved
        case .lineEnd:
            cursor = lineEnd(of: cursor)
            return .moved
        case .deleteBackward:
            guard cursor > 0 else { return .moved }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .deleteForward:
            guard cursor < characters.count else { return .moved }
            characters.remove(at: cursor)
            return .edited
        case .deleteToEnd:
            let end = lineEnd(of: cursor)
            let removeNewline = end == cursor && end < characters.count
            characters.removeSubrange(cursor..<(removeNewline ? end + 1 : end))
            return .edited
        case .deleteToStart:
            let start = lineStart(of: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        }
    }

    /// Inserts a typed character; false when it is refused (the field is full). A character that
    /// extends the one before the cursor (a combining mark, a Hangul vowel jamo, a ZWJ sequence, the
    /// second half of a flag) joins it, so that the cursor moves by extended grapheme cluster
    /// however the terminal delivered the code points.
    @discardableResult
    public mutating func insert(_ typed: Character) -> Bool {
        insert(contentsOf: String(typed))
    }

    /// Inserts typed or pasted text at the cursor in one step (linear in its length, wherever the
    /// cursor is), each character cleaned and joined as `insert(_:)` does; false when the field's
    /// limit cut it short.
    @discardableResult
    public mutating func insert(contentsOf typed: String) -> Bool {
        let room = limit.map { max(0, $0 + 1 - characters.count) } ?? Int.max
        var added: [Character] = []
        for raw in typed {
            // Pasted text keeps its word and line breaks: a tab is a space, CR LF and CR are a line
            // end (a space on one line); every other control character is dropped.
            var c = raw
            if c == "\t" { c = " " }
            if c == "\r\n" || c == "\r" { c = "\n" }
            if c == "\n" && !multiline { c = " " }
            if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
                continue
            }
            // Only the first can extend what stands before the cursor: the string joined the rest.
            if added.isEmpty, cursor > 0, c != "\n", c.unicodeScalars.first!.value >= 0x300 {
                let joined = String(characters[cursor - 1]) + String(c)
                if joined.count == 1 {
                    characters[cursor - 1] = Character(joined)
                    continue
                }
            }
            guard added.count < room else {
                characters.insert(contentsOf: added, at: cursor)
                cursor += added.count
                return false
            }
            added.append(c)
        }
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
        return true
    }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    private func lineStart(of index: Int) -> Int {
        var i = index
        while i > 0 && characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd(of index: Int) -> Int {
        var i = index
        while i < characters.count && characters[i] != "\n" { i += 1 }
        return i
    }

    /// Lays the text out in lines of at most `width` columns (hard breaks at newlines, soft breaks
    /// by width), returning each visual line's character range and the cursor's (line, column).
    /// Only `layoutWindow` characters either side of the cursor are laid out (from a line start
    /// when there is one that near), so the cost of a frame does not grow with the text.
    public func layout(width: Int) -> (lines: [Range<Int>], cursorLine: Int, cursorColumn: Int) {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var windowStart = cursor
        while windowStart > 0 && cursor - windowStart < Self.layoutWindow && characters[windowStart - 1] != "\n" {
            windowStart -= 1
        }
        if windowStart > 0 && characters[windowStart - 1] != "\n" {
            // No line start within reach: begin at a whole screen's worth of characters before the cursor.
            windowStart = max(0, cursor - Self.layoutWindow / 4)
        }
        let windowEnd = min(characters.count, cursor + Self.layoutWindow)
        Self.workCounter?.count += 1 + (windowEnd - windowStart)
        var start = windowStart
        var used = 0
        var lastSpace: Int?
        var i = windowStart
        while i < windowEnd {
            let c = characters[i]
            if c == "\n" {
                lines.append(start..<i)
                start = i + 1
                used = 0
                lastSpace = nil
            } else {
                let w = DisplayWidth.of(c)
                if used + w > width {
                    // Break after the last space on the line when there is one, else mid-word.
                    var breakAt = lastSpace.map { $0 + 1 } ?? i
                    // What moves down must itself fit with this character, or break here instead.
                    if characters[breakAt..<i].reduce(0, { $0 + DisplayWidth.of($1) }) + w > width { breakAt = i }
                    lines.append(start..<breakAt)
                    start = breakAt
                    used = characters[breakAt..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                    lastSpace = nil
                }
                if c == " " { lastSpace = i }
                used += w
            }
            i += 1
        }
        lines.append(start..<windowEnd)
        var cursorLine = lines.count - 1
        for (n, range) in lines.enumerated() where cursor >= range.lowerBound && cursor <= range.upperBound {
            // The cursor at a soft break belongs to the next line.
            if cursor == range.upperBound && n + 1 < lines.count && lines[n + 1].lowerBound == cursor { continue }
            cursorLine = n
            break
        }
        let range = lines[cursorLine]
        let column = characters[range.lowerBound..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        // A full line puts the cursor past the edge: at the end of the text, show it at the start
        // of a fresh line; before a hard line break, on the line's last column.
        if column >= width {
            if cursorLine == lines.count - 1 && windowEnd == characters.count {
                lines.append(characters.count..<characters.count)
                return (lines, cursorLine + 1, 0)
            }
            return (lines, cursorLine, width - 1)
        }
        return (lines, cursorLine, column)
    }

    /// Moves the cursor one visual line up or down in a multi-line field. False at the first/last line.
    public mutating func moveLine(_ delta: Int, width: Int) -> Bool {
        let l = layout(width: width)
        let target = l.cursorLine + delta
        guard target >= 0, target < l.lines.count else { return false }
        let range = l.lines[target]
        var column = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let w = DisplayWidth.of(characters[index])
            if column + w > l.cursorColumn { break }
            column += w
            index += 1
        }
        // The end of a soft-wrapped line is the start of the next: stay on the line asked for.
        if index == range.upperBound && index > range.lowerBound && target + 1 < l.lines.count
            && l.lines[target + 1].lowerBound == index
        {
            index -= 1
        }
        cursor = index
        return true
    }
}

/// What the editing keys of a text field do.
public enum TextAction: Hashable, Sendable {
    case left, right, lineStart, lineEnd, deleteBackward, deleteForward, deleteToEnd, deleteToStart, deleteWord
}
