import Foundation

/// Screens free text for what identifies a person before a reader who may not see the plan reads
/// it: personal identity numbers and coordination numbers in every written form, and given names.
///
/// Numbers: a run of 10 or 12 digits (not part of a longer run), with or without `-`, `+` or a space
/// before the last four, whose first six or eight digits are a plausible date (month 1-12, day 1-31,
/// or 61-91 for a samordningsnummer). The check digit is not required: a mistyped number still
/// identifies. Dates written with dashes (2025-05-01), phone numbers with separators and shorter
/// numbers are left alone.
/// Names: each part of each name (at least two letters), as a whole word in any case, also with a
/// genitive s ("Åsas").
public struct IdentityScreen: Sendable {
    public enum Finding: Hashable, Sendable { case personalNumber, name }

    public static let numberMark = "[personnummer]"
    public static let nameMark = "[namn]"

    let nameParts: [[Character]]

    public init(names: [String] = []) {
        var parts = Set<String>()
        for name in names {
            for part in name.split(whereSeparator: { !$0.isLetter }) where part.count >= 2 {
                parts.insert(part.lowercased())
            }
        }
        // Longer parts first, so "Anna-Lena" is not cut at "Anna".
        nameParts = parts.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }.map(Array.init)
    }

    public func mask(_ text: String) -> String { scan(text).masked }

    public func findings(_ text: String) -> [Finding] {
        let found = scan(text).found
        return [Finding.personalNumber, .name].filter(found.contains)
    }

    private func scan(_ text: String) -> (masked: String, found: Set<Finding>) {
        let chars = Array(text)
        let lower = chars.map { Character($0.lowercased()) }
        var out = "", found = Set<Finding>(), i = 0
        while i < chars.count {
            if chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
                let end = Self.number(chars, at: i)
            {
                out += Self.numberMark
                found.insert(.personalNumber)
                i = end
                continue
            }
            if chars[i].isLetter, i == 0 || !chars[i - 1].isLetter, let end = name(lower, at: i) {
                out += Self.nameMark
                found.insert(.name)
                i = end
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return (out, found)
    }

    /// The end of a name part starting at `start`, when one does.
    private func name(_ lower: [Character], at start: Int) -> Int? {
        for part in nameParts where start + part.count <= lower.count {
            guard Array(lower[start..<start + part.count]) == part else { continue }
            var end = start + part.count
            if end < lower.count, lower[end] == "s", end + 1 == lower.count || !lower[end + 1].isLetter { end += 1 }
            if end == lower.count || !lower[end].isLetter { return end }
        }
        return nil
    }

    /// The end of a personal identity number starting at `start`, when one does.
    static func number(_ chars: [Character], at start: Int) -> Int? {
        func isDigit(_ i: Int) -> Bool { i < chars.count && chars[i].isASCII && chars[i].isNumber }
        var digits = "", i = start
        while isDigit(i) {
            digits.append(chars[i])
            i += 1
        }
        var candidates: [(String, Int)] = []
        if digits.count == 10 || digits.count == 12 { candidates.append((digits, i)) }
        // A separator before the last four.
        if digits.count == 6 || digits.count == 8, i < chars.count, "-+ ".contains(chars[i]) {
            var tail = "", j = i + 1
            while isDigit(j) {
                tail.append(chars[j])
                j += 1
            }
            if tail.count == 4 { candidates.append((digits + tail, j)) }
        }
        for (body, end) in candidates where plausibleDate(String(body.dropLast(4))) { return end }
        return nil
    }

    /// YYMMDD or YYYYMMDD, the day possibly plus 60.
    static func plausibleDate(_ date: String) -> Bool {
        let digits = date.count == 8 ? String(date.dropFirst(2)) : date
        guard digits.count == 6, let month = Int(digits.dropFirst(2).prefix(2)), let day = Int(digits.suffix(2))
        else { return false }
        if date.count == 8, let century = Int(date.prefix(2)), !(18...20).contains(century) { return false }
        return (1...12).contains(month) && ((1...31).contains(day) || (61...91).contains(day))
    }
}
