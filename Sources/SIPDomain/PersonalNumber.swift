import Foundation

/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer),
/// always held as 12 digits: YYYYMMDDNNNC. A samordningsnummer adds 60 to the day.
public struct PersonalNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Problem: String, Error, Sendable, Codable {
        case format  // not 10 or 12 digits with an optional - or +
        case date  // the date does not exist
        case checkDigit  // the Luhn check digit is wrong
        case future  // born after today
    }

    /// The 12 digits.
    public let digits: String

    public var isCoordinationNumber: Bool { dayField > 60 }
    public var birthDate: Day {
        Day(
            year: Int(digits.prefix(4))!, month: Int(digits.dropFirst(4).prefix(2))!,
            day: dayField > 60 ? dayField - 60 : dayField)!
    }

    private var dayField: Int { Int(digits.dropFirst(6).prefix(2))! }

    /// Shown in lists and on shared screens: the birth date and four stars.
    public var masked: String { "\(digits.prefix(8))-****" }
    /// The full number in its usual written form, YYYYMMDD-NNNN.
    public var formatted: String { "\(digits.prefix(8))-\(digits.suffix(4))" }
    public var description: String { formatted }

    /// Parses the forms people write: `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`, `YYMMDD-NNNN`, `YYMMDDNNNN`
    /// and `YYMMDD+NNNN` (aged 100 or more). Ten-digit forms take the century that makes the person
    /// at most 99 years old on `today` (100+ with `+`).
    public static func parse(_ raw: String, today: Day) -> Result<PersonalNumber, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var separator: Character?
        var body = ""
        for (index, ch) in text.enumerated() {
            if ch.isASCII && ch.isNumber {
                body.append(ch)
            } else if (ch == "-" || ch == "+") && separator == nil && (index == 6 || index == 8) {
                separator = ch
            } else {
                return .failure(.format)
            }
        }
        if separator != nil, text.count - 1 != body.count { return .failure(.format) }
        if body.count == 10 {
            let yy = Int(body.prefix(2))!
            var year = (today.year / 100) * 100 + yy
            if year > today.year { year -= 100 }
            if separator == "+" { year -= 100 }
            body = String(format: "%04d", year) + body.dropFirst(2)
        } else if body.count != 12 || separator == "+" {
            return .failure(.format)
        }
        return validate(digits: body, today: today)
    }

    private static func validate(digits: String, today: Day) -> Result<PersonalNumber, Problem> {
        let y = Int(digits.prefix(4))!, m = Int(digits.dropFirst(4).prefix(2))!
        var d = Int(digits.dropFirst(6).prefix(2))!
        if d > 60 { d -= 60 }
        guard let born = Day(year: y, month: m, day: d) else { return .failure(.date) }
        guard luhnIsValid(String(digits.suffix(10))) else { return .failure(.checkDigit) }
        guard born <= today else { return .failure(.future) }
        return .success(PersonalNumber(trusted: digits))
    }

    /// Builds a number from digits already known to be valid (the database's CHECK holds them).
    package init(trusted digits: String) { self.digits = digits }

    /// Luhn over the ten digits YYMMDDNNNC: the last digit must make the weighted sum divisible by 10.
    static func luhnIsValid(_ tenDigits: String) -> Bool {
        luhnCheckDigit(String(tenDigits.prefix(9))) == Int(String(tenDigits.last!))
    }

    /// The check digit for nine digits YYMMDDNNN.
    public static func luhnCheckDigit(_ nineDigits: String) -> Int {
        var sum = 0
        for (i, ch) in nineDigits.enumerated() {
            var v = Int(String(ch))! * (i % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return (10 - sum % 10) % 10
    }

    /// Composes a valid number from a birth date and a three-digit serial (used by the demo).
    public static func make(born: Day, serial: Int, coordination: Bool = false) -> PersonalNumber {
        let dayField = born.day + (coordination ? 60 : 0)
        let nine = String(format: "%02d%02d%02d%03d", born.year % 100, born.month, dayField, serial % 1000)
        let full = String(format: "%04d%02d%02d%03d", born.year, born.month, dayField, serial % 1000)
        return PersonalNumber(trusted: full + String(luhnCheckDigit(nine)))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let body = text.filter { $0 != "-" }
        guard body.count == 12,
            case .success(let number) = PersonalNumber.validate(
                digits: body, today: Day(year: 2199, month: 12, day: 31)!)
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a personal number")
        }
        self = number
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
