import Foundation
import SIPDomain
import SIPText

/// Keys every screen understands; listed in every help overlay.
public enum GlobalAction: Hashable, Sendable { case help, redraw, interrupt, suspend }

public enum GlobalKeys {
    /// `?` is a help key only where letters are not text; F1 (or Esc 1) works everywhere.
    public static func table(typing: Bool) -> KeyTable<GlobalAction> {
        KeyTable(
            "global", typing: typing,
            [
                KeyBinding(typing ? [.function(1)] : [.character("?"), .function(1)], .help, .help, hint: true),
                KeyBinding([.control("l")], .redraw, .redraw),
            ] + anywhere.bindings)
    }

    /// Keys that work whatever covers the screen (a question, help, a terminal too small). Outside
    /// meeting mode they act at once; while meeting mode is on the stack they ask first.
    public static let anywhere = KeyTable<GlobalAction>([
        KeyBinding([.control("c")], .interrupt, .interrupt),
        KeyBinding([.control("z")], .suspend, .suspend),
    ])
}

/// The keys of a question whose answer is chosen, not typed: letters, digits and Space do nothing.
public enum ChoiceAction: Hashable, Sendable { case next, previous, choose, close, help }

public enum ChoiceKeys {
    public static let table = KeyTable<ChoiceAction>(
        "question",
        [
            KeyBinding([.down, .right, .tab], .next, .nextChoice, hint: true),
            KeyBinding([.up, .left, .backTab], .previous, .previousChoice),
            KeyBinding([.enter], .choose, .confirmChoice, hint: true),
            KeyBinding([.escape], .close, .closeQuestion, hint: true),
            KeyBinding([.function(1)], .help, .help, hint: true),
        ])
}

/// Lines wrapped to the width last drawn, kept until the width changes: a screen's text is
/// wrapped once, not at every key.
package struct Wrapped<Line: Equatable & Sendable>: Equatable, Sendable {
    package var width = -1
    package var lines: [Line] = []

    package init() {}
    package init(width: Int, lines: [Line]) {
        self.width = width
        self.lines = lines
    }
}

/// Shared drawing: the title bar, the hint bar and list scrolling.
package enum Chrome {
    package static func titleBar(_ grid: inout Grid, left: String, right: String) {
        grid.fill(row: 0, column: 0, count: grid.width, role: .title)
        let rightWidth = DisplayWidth.of(right)
        let room = grid.width - (rightWidth > 0 ? rightWidth + 2 : 0)
        grid.put(" " + left, row: 0, column: 0, maxWidth: max(0, room), role: .title)
        if rightWidth > 0 && rightWidth + 2 < grid.width {
            grid.put(right, row: 0, column: grid.width - rightWidth - 1, role: .title)
        }
    }

    /// The keys valid now, as many as fit: "Enter Öppna  / Filtrera  ? Hjälp".
    package static func hintBar(_ grid: inout Grid, hints: [(keys: String, text: String)]) {
        let row = grid.height - 1
        grid.fill(row: row, column: 0, count: grid.width, role: .hint)
        var x = 0
        for hint in hints {
            let need = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.text) + 2
            if x + need - 2 > grid.width { break }
            x += grid.put(hint.keys, row: row, column: x, role: .hintKey)
            x += grid.put(" " + hint.text, row: row, column: x, maxWidth: grid.width - x, role: .hint) + 2
        }
    }

    /// Keeps `selected` within the `height` rows shown from `top`.
    package static func scroll(top: Int, selected: Int, height: Int, count: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = min(top, max(0, count - height))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        return max(0, top)
    }
}

extension Chrome {
    /// The keys of the screen in a box, in as many columns as it takes to show every one.
    package static func help(_ grid: inout Grid, entries: [(keys: String, text: String)], catalog: Catalog) {
        let width = grid.width, height = grid.height
        let rowsAvailable = max(1, height - 4)
        let columns = max(1, (entries.count + rowsAvailable - 1) / rowsAvailable)
        let perColumn = (entries.count + columns - 1) / columns
        let keyWidth = min(12, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let textWidth = entries.map { DisplayWidth.of($0.text) }.max() ?? 0
        let columnWidth = min((width - 2) / columns, keyWidth + 2 + textWidth + 2)
        let boxWidth = min(width - 2, max(30, columnWidth * columns + 2))
        let boxHeight = min(height - 2, perColumn + 2)
        let left = (width - boxWidth) / 2
        let topRow = max(1, (height - boxHeight) / 2)
        for r in 0..<boxHeight { grid.fill(row: topRow + r, column: left, count: boxWidth, role: .dialog) }
        grid.put(" " + catalog.ui(.helpTitle) + " (Esc)", row: topRow, column: left, maxWidth: boxWidth, role: .dialog)
        for (n, entry) in entries.enumerated() {
            let row = topRow + 1 + n % perColumn
            let x = left + 1 + (n / perColumn) * columnWidth
            guard row < topRow + boxHeight - 1 else { continue }
            grid.put(entry.keys, row: row, column: x + 1, maxWidth: keyWidth, role: .dialog)
            grid.put(
                entry.text, row: row, column: x + 2 + keyWidth, maxWidth: max(1, columnWidth - keyWidth - 3),
                role: .dialog)
        }
        grid.cursor = Position(row: topRow, column: left + 1)
    }

    package static func dialog(_ grid: inout Grid, _ lines: [String]) {
        let width = grid.width, height = grid.height
        let boxWidth = min(width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let left = (width - boxWidth) / 2
        let topRow = max(1, (height - lines.count - 2) / 2)
        for r in 0..<(lines.count + 2) { grid.fill(row: topRow + r, column: left, count: boxWidth, role: .dialog) }
        for (n, line) in lines.enumerated() {
            grid.put(line, row: topRow + 1 + n, column: left + 2, maxWidth: boxWidth - 3, role: .dialog)
        }
        grid.cursor = Position(row: topRow + 1, column: left + 2)
    }

    /// A question with choices, the chosen one in reverse video and marked, the cursor on it.
    package static func choiceDialog(_ grid: inout Grid, question: String, choices: [String], selected: Int) {
        let lines = [question, ""] + choices.enumerated().map { ($0 == selected ? "> " : "  ") + $1 }
        dialog(&grid, lines)
        let width = grid.width
        let boxWidth = min(width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let left = (width - boxWidth) / 2
        let topRow = max(1, (grid.height - lines.count - 2) / 2)
        let row = topRow + 1 + 2 + selected
        guard row < grid.height, boxWidth > 3 else { return }
        grid.fill(row: row, column: left + 2, count: boxWidth - 3, role: .selected)
        grid.put(lines[2 + selected], row: row, column: left + 2, maxWidth: boxWidth - 3, role: .selected)
        grid.cursor = Position(row: row, column: left + 2)
    }

    package static func tooSmall(
        _ grid: inout Grid, minimum: (width: Int, height: Int), offersQuit: Bool = true, catalog: Catalog
    ) {
        let lines =
            [
                catalog.ui(.tooSmall), "\(grid.width)x\(grid.height) < \(minimum.width)x\(minimum.height)",
            ] + (offersQuit ? ["q \(catalog.ui(.quit))"] : [])
        for (n, line) in lines.enumerated() where n < grid.height {
            grid.put(line, row: n, column: 0, maxWidth: grid.width, role: n == 0 ? .warning : .normal)
        }
        grid.cursor = Position(row: 0, column: 0)
    }
}

/// Short local time for messages: "2026-03-16 14:05".
package enum LocalTimeText {
    package static func short(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
