import Foundation

/// A colour of the xterm 256-colour palette: 0-7 the basic colours, 16-231 the 6x6x6 cube,
/// 232-255 the grey ramp. The cube and the ramp are the same in every emulator that has them;
/// the basic colours differ, so the palettes below use them only where contrast is far above the bar.
public struct TerminalColor: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ index: Int) { rawValue = index }

    public static let black = TerminalColor(0), red = TerminalColor(1), green = TerminalColor(2)
    public static let yellow = TerminalColor(3), blue = TerminalColor(4), magenta = TerminalColor(5)
    public static let cyan = TerminalColor(6), white = TerminalColor(7)

    public var description: String {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        return rawValue < names.count ? names[rawValue] : "c\(rawValue)"
    }

    /// The colour as xterm shows it by default (its 256-colour palette), 0-255 per channel.
    public var rgb: (red: Int, green: Int, blue: Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
            (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
            (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch rawValue {
        case 0..<16: return basic[rawValue]
        case 16..<232:
            let n = rawValue - 16
            let level = { (v: Int) in v == 0 ? 0 : 55 + 40 * v }
            return (level(n / 36), level(n / 6 % 6), level(n % 6))
        default:
            let v = 8 + 10 * (rawValue - 232)
            return (v, v, v)
        }
    }

    /// WCAG relative luminance.
    public var luminance: Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let (r, g, b) = rgb
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    public static func contrast(_ a: TerminalColor, _ b: TerminalColor) -> Double {
        let (x, y) = (a.luminance, b.luminance)
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}

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
    /// The terminal's own background and foreground the palette is made for: what a role without
    /// a colour of its own is drawn in (the contrast test measures against them).
    public let background: TerminalColor
    public let foreground: TerminalColor
    private let table: [StyleRole: TextAttributes]

    public func attributes(_ role: StyleRole) -> TextAttributes { table[role] ?? TextAttributes() }

    /// The colours a role is really drawn in, reverse video applied: for the contrast test.
    public func colors(_ role: StyleRole) -> (foreground: TerminalColor, background: TerminalColor) {
        let a = attributes(role)
        let fg = a.foreground ?? foreground, bg = a.background ?? background
        return a.reverse ? (bg, fg) : (fg, bg)
    }

    public static let monochrome = Theme(
        name: "mono", usesColor: false, background: .black, foreground: .white,
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

    /// For a dark background (xterm -rv, most terminals' default). The hint bar's keys are
    /// underlined, not bold: xterm shows a bold basic colour bright, and bold black on cyan is grey.
    public static let dark = Theme(
        name: "dark", usesColor: true, background: .black, foreground: .white,
        table: [
            .title: TextAttributes(bold: true, foreground: .white, background: .blue),
            .header: TextAttributes(bold: true, foreground: .cyan),
            .selected: TextAttributes(reverse: true),
            .hint: TextAttributes(foreground: .black, background: .cyan),
            .hintKey: TextAttributes(underline: true, foreground: .black, background: .cyan),
            .label: TextAttributes(bold: true),
            .field: TextAttributes(underline: true),
            .fieldFocused: TextAttributes(bold: true, underline: true, foreground: .yellow),
            .error: TextAttributes(bold: true, foreground: TerminalColor(203)),
            .warning: TextAttributes(bold: true, foreground: .yellow),
            .dim: TextAttributes(foreground: TerminalColor(110)),
            .dialog: TextAttributes(foreground: .black, background: .white),
        ])

    /// For a light background (xterm's and macOS Terminal's default white): dark colours of the
    /// 256-colour cube, each at least 4.5:1 against white.
    public static let light = Theme(
        name: "light", usesColor: true, background: TerminalColor(15), foreground: TerminalColor(16),
        table: [
            .title: TextAttributes(bold: true, foreground: TerminalColor(231), background: TerminalColor(25)),
            .header: TextAttributes(bold: true, foreground: TerminalColor(24)),
            .selected: TextAttributes(reverse: true),
            .hint: TextAttributes(foreground: TerminalColor(16), background: TerminalColor(152)),
            .hintKey: TextAttributes(bold: true, foreground: TerminalColor(16), background: TerminalColor(152)),
            .label: TextAttributes(bold: true),
            .field: TextAttributes(underline: true),
            .fieldFocused: TextAttributes(bold: true, underline: true, foreground: TerminalColor(18)),
            .error: TextAttributes(bold: true, foreground: TerminalColor(124)),
            .warning: TextAttributes(bold: true, foreground: TerminalColor(94)),
            .dim: TextAttributes(foreground: TerminalColor(240)),
            .dialog: TextAttributes(foreground: TerminalColor(16), background: TerminalColor(252)),
        ])

    /// When the background is not known: colour only where a role brings its own background
    /// (title, hint bar, dialogs), so every role reads on white and on black alike.
    public static let safe = Theme(
        name: "safe", usesColor: true, background: .black, foreground: .white,
        table: [
            .title: TextAttributes(bold: true, foreground: .white, background: .blue),
            .header: TextAttributes(bold: true, underline: true),
            .selected: TextAttributes(reverse: true),
            .hint: TextAttributes(foreground: .black, background: .cyan),
            .hintKey: TextAttributes(underline: true, foreground: .black, background: .cyan),
            .label: TextAttributes(bold: true),
            .field: TextAttributes(underline: true),
            .fieldFocused: TextAttributes(bold: true, underline: true),
            .error: TextAttributes(bold: true),
            .warning: TextAttributes(bold: true),
            .dialog: TextAttributes(foreground: .black, background: .white),
        ])

    /// The palette of earlier versions' snapshots: the dark one.
    public static let color = dark

    /// Every palette, by the name `--theme` and the config's `theme` line take.
    public static let all = [dark, light, monochrome, safe]

    public static func named(_ name: String) -> Theme? {
        all.first { $0.name == name.lowercased() } ?? (name.lowercased() == "monochrome" ? monochrome : nil)
    }

    /// The colours a palette needs from the terminal (it uses the 256-colour cube).
    public var colorsNeeded: Int {
        let used = table.values.flatMap { [$0.foreground, $0.background] }.compactMap { $0?.rawValue }
        return (used.max() ?? 0) < 8 ? 8 : 256
    }

    /// What the terminal's background is, as far as it can be found out.
    public enum Background: String, Sendable { case light, dark }

    /// The background `COLORFGBG` names ("15;0": white on black), as rxvt, Konsole and others set it.
    public static func background(colorFgBg: String?) -> Background? {
        guard let value = colorFgBg, let last = value.split(separator: ";").last, let bg = Int(last) else { return nil }
        return bg == 7 || (9...15).contains(bg) ? .light : .dark
    }

    /// The background an OSC 11 answer names ("\e]11;rgb:ffff/ffff/ffff\a").
    public static func background(osc11 answer: String) -> Background? {
        guard let range = answer.range(of: "rgb:") else { return nil }
        let parts = answer[range.upperBound...].split(separator: "/").prefix(3).map { part -> Double? in
            let hex = part.prefix { $0.isHexDigit }
            guard !hex.isEmpty, let value = UInt64(hex, radix: 16) else { return nil }
            return Double(value) / Double((UInt64(1) << (4 * UInt64(hex.count))) - 1)
        }
        guard parts.count == 3, let r = parts[0], let g = parts[1], let b = parts[2] else { return nil }
        return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? .light : .dark
    }

    /// Chooses the palette: monochrome under NO_COLOR (any non-empty value, per no-color.org), on
    /// terminals known to lack colour or with too few colours; else the one asked for (`--theme`,
    /// then the config's `theme`), else the one for the background found (the terminal's answer to
    /// OSC 11, else COLORFGBG). With nothing found: the safe palette, readable on either.
    public static func select(
        environment: [String: String], terminalColors: Int, asked: Theme? = nil, answered: Background? = nil
    ) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let term = environment["TERM"] ?? ""
        if term == "vt100" || term == "vt220" || term == "dumb" || term.hasSuffix("-mono") || term.hasSuffix("-m") {
            return .monochrome
        }
        if let asked { return asked.colorsNeeded <= terminalColors || !asked.usesColor ? asked : .monochrome }
        let theme: Theme
        switch answered ?? Self.background(colorFgBg: environment["COLORFGBG"]) {
        case .light?: theme = .light
        case .dark?: theme = .dark
        case nil: theme = .safe
        }
        return theme.colorsNeeded <= terminalColors ? theme : .monochrome
    }

    /// The old entry point: whether the terminal has colour at all (256 assumed when it has).
    public static func select(environment: [String: String], terminalHasColors: Bool) -> Theme {
        select(environment: environment, terminalColors: terminalHasColors ? 256 : 0)
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
