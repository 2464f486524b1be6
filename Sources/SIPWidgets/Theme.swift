/// The eight basic terminal colours.
public enum TerminalColor: Int, Sendable { case black = 0, red, green, yellow, blue, magenta, cyan, white }

/// How a role is drawn. In monochrome only bold, reverse and underline exist, so nothing may be
/// conveyed by colour alone: selection is reverse video, warnings also carry a text marker.
public struct TextAttributes: Equatable, Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var foreground: TerminalColor?
    public var background: TerminalColor?

    public init(
        bold: Bool = false, reverse: Bool = false, underline: Bool = false,
        foreground: TerminalColor? = nil, background: TerminalColor? = nil
    ) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.foreground = foreground
        self.background = background
    }

    /// A compact name for snapshots: "bold+reverse", "fg=red", "-".
    public var summary: String {
        var parts: [String] = []
        if bold { parts.append("bold") }
        if reverse { parts.append("reverse") }
        if underline { parts.append("underline") }
        if let foreground { parts.append("fg=\(foreground)") }
        if let background { parts.append("bg=\(background)") }
        return parts.isEmpty ? "-" : parts.joined(separator: "+")
    }
}

public struct Theme: Sendable, Equatable {
    public let name: String
    public let usesColor: Bool
    private let table: [StyleRole: TextAttributes]

    public func attributes(_ role: StyleRole) -> TextAttributes { table[role] ?? TextAttributes() }

    public static let monochrome = Theme(
        name: "monochrome", usesColor: false,
        table: [
            .title: TextAttributes(bold: true, reverse: true),
            .header: TextAttributes(bold: true, underline: true),
            .selected: TextAttributes(reverse: true),
            .hint: TextAttributes(reverse: true),
            .hintKey: TextAttributes(bold: true, reverse: true),
            .label: TextAttributes(bold: true),
            .field: TextAttributes(underline: true),
            .fieldFocused: TextAttributes(bold: true, underline: true),
            .error: TextAttributes(bold: true),
            .warning: TextAttributes(bold: true),
            .dialog: TextAttributes(reverse: true),
        ])

    public static let color = Theme(
        name: "color", usesColor: true,
        table: [
            .title: TextAttributes(bold: true, foreground: .white, background: .blue),
            .header: TextAttributes(bold: true, foreground: .cyan),
            .selected: TextAttributes(reverse: true),
            .hint: TextAttributes(foreground: .black, background: .cyan),
            .hintKey: TextAttributes(bold: true, foreground: .black, background: .cyan),
            .label: TextAttributes(bold: true),
            .field: TextAttributes(underline: true),
            .fieldFocused: TextAttributes(bold: true, underline: true, foreground: .yellow),
            .error: TextAttributes(bold: true, foreground: .red),
            .warning: TextAttributes(bold: true, foreground: .yellow),
            .dim: TextAttributes(foreground: .blue),
            .dialog: TextAttributes(foreground: .black, background: .white),
        ])

    /// Chooses the theme for an environment: monochrome under NO_COLOR (any non-empty value, per
    /// no-color.org), on terminals known to lack colour, or when the terminal says it has none.
    public static func select(environment: [String: String], terminalHasColors: Bool) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let term = environment["TERM"] ?? ""
        if term == "vt100" || term == "vt220" || term == "dumb" || term.hasSuffix("-mono") || term.hasSuffix("-m") {
            return .monochrome
        }
        return terminalHasColors ? .color : .monochrome
    }

    /// The styling of a frame as text: per row, runs of columns and their attributes. Snapshot
    /// tests compare this alongside `Grid.text`.
    public func describe(_ grid: Grid) -> String {
        var lines: [String] = []
        for row in 0..<grid.height {
            var runs: [String] = []
            var start = 0
            var current = attributes(grid[row, 0].role)
            for column in 1...grid.width {
                let next = column < grid.width ? attributes(grid[row, column].role) : nil
                if next != current {
                    if current != TextAttributes() { runs.append("\(start)-\(column - 1) \(current.summary)") }
                    start = column
                    if let next { current = next }
                }
            }
            if !runs.isEmpty { lines.append("\(row): " + runs.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n")
    }
}
