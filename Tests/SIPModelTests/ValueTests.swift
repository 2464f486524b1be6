import Foundation
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("Personnummer and samordningsnummer")
struct PersonalNumberTests {
    let today = day("2026-03-16")

    @Test(
        "accepts the written forms and stores 12 digits",
        arguments: [
            "20150312-0006", "201503120006", "150312-0006", "1503120006", " 20150312-0006 ",
        ])
    func validForms(_ text: String) throws {
        let number = try PersonalNumber.parse(text, today: today).get()
        #expect(number.digits == "201503120006")
        #expect(number.birthDate == day("2015-03-12"))
        #expect(number.masked == "20150312-****")
        #expect(!number.isCoordinationNumber)
    }

    @Test("rejects a wrong check digit")
    func wrongCheckDigit() {
        #expect(PersonalNumber.parse("20150312-0007", today: today) == .failure(.checkDigit))
    }

    @Test(
        "rejects dates that do not exist",
        arguments: ["20150230-0000", "20151301-0000", "20150229-0000", "20150300-0000"])
    func impossibleDate(_ text: String) {
        #expect(PersonalNumber.parse(text, today: today) == .failure(.date))
    }

    @Test("accepts a samordningsnummer: day plus 60")
    func coordinationNumber() throws {
        let made = PersonalNumber.make(born: day("2015-03-12"), serial: 123, coordination: true)
        #expect(made.digits.hasPrefix("20150372"))
        let parsed = try PersonalNumber.parse(made.formatted, today: today).get()
        #expect(parsed.isCoordinationNumber)
        #expect(parsed.birthDate == day("2015-03-12"))
    }

    @Test("rejects a samordningsnummer whose real day does not exist")
    func coordinationImpossibleDate() {
        // Day 91 is 31 + 60: February 31st.
        #expect(PersonalNumber.parse("20150291-0000", today: today) == .failure(.date))
    }

    @Test(
        "rejects malformed text",
        arguments: ["", "abc", "2015-0312-0006", "20150312--0006", "2015031200061", "15031200"])
    func malformed(_ text: String) {
        #expect(PersonalNumber.parse(text, today: today) == .failure(.format))
    }

    @Test("ten digits take the century that makes the person younger than 100; + means 100 or more")
    func century() throws {
        let valid = PersonalNumber.make(born: day("1925-06-01"), serial: 42)
        let ten = String(valid.digits.dropFirst(2))
        let plain = try PersonalNumber.parse(String(ten.prefix(6)) + "-" + ten.suffix(4), today: today).get()
        #expect(plain.birthDate.year == 2025)
        let plus = try PersonalNumber.parse(String(ten.prefix(6)) + "+" + ten.suffix(4), today: today).get()
        #expect(plus.birthDate.year == 1925)
    }

    @Test("rejects a birth date after today")
    func future() {
        let number = PersonalNumber.make(born: day("2026-05-01"), serial: 1)
        #expect(PersonalNumber.parse(number.formatted, today: today) == .failure(.future))
    }
}

@Suite("Dates")
struct DayTests {
    @Test("parses ISO dates and rejects impossible ones")
    func parsing() throws {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "20240229") == day("2024-02-29"))
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "idag") == nil)
        #expect(throws: SIPError.invalidDate("2026-02-30")) { try Day.parseOptional("2026-02-30") }
        #expect(try Day.parseOptional("  ") == nil)
    }

    @Test("adds days across months, years and leap days")
    func arithmetic() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-03-16").adding(days: 21) == day("2026-04-06"))
        #expect(day("2026-03-16").days(until: day("2026-03-01")) == -15)
        #expect(day("2015-03-12").age(on: day("2026-03-11")) == 10)
        #expect(day("2015-03-12").age(on: day("2026-03-12")) == 11)
    }

    @Test("today is Swedish local time, not UTC")
    func stockholmDay() {
        // 23:30 UTC on 31 Dec is already New Year's Day in Stockholm.
        let date = ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!
        #expect(Day(date, in: .stockholm) == day("2027-01-01"))
    }
}

@Suite("Text stored safely")
struct TextRulesTests {
    @Test("decomposed text is stored NFC so that ÅÄÖ compare equal byte for byte")
    func nfc() throws {
        let decomposed = "A\u{30A}sa O\u{308}berg"
        let stored = try TextRules.validated(decomposed, for: .name)
        #expect(Array(stored.utf8) == Array("Åsa Öberg".utf8))
    }

    @Test("control characters and escape sequences are stripped; tab and newline kept only in multi-line fields")
    func controls() throws {
        #expect(try TextRules.validated("Ni\u{1B}[2Jls\u{7}", for: .name) == "Ni[2Jls")
        #expect(try TextRules.validated("a\tb\nc", for: .name) == "a b c")
        #expect(try TextRules.validated("rad 1\r\n\trad 2\u{85}", for: .minutes) == "rad 1\n\trad 2")
        #expect(try TextRules.validated("  kant  ", for: .name) == "kant")
    }

    @Test("too long text is refused, not cut")
    func tooLong() {
        #expect(throws: SIPError.tooLong(field: .name, max: 120)) {
            try TextRules.validated(String(repeating: "å", count: 121), for: .name)
        }
        #expect(throws: SIPError.required(field: .name)) { try TextRules.required("\u{1B}", for: .name) }
    }

    @Test("rendered text never carries a control character to the terminal")
    func terminalSafe() {
        let shown = TerminalText.safe("Evil\u{1B}[31mName\u{7}\u{9B}\u{202E}x")
        #expect(shown == "Evil\u{241B}[31mName\u{2407}\u{FFFD}\u{FFFD}x")
        #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(TerminalText.safe("a\nb", keepNewlines: true) == "a\nb")
        #expect(TerminalText.safe("a\nb") == "a\u{240A}b")
    }
}
