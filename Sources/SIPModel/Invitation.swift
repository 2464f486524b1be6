import Foundation
import SIPDomain
import SIPText

/// METHOD of an iCalendar object (RFC 5546): a request (a new or moved meeting) or a cancellation.
public enum CalendarMethod: String, Sendable {
    case request = "REQUEST"
    case cancel = "CANCEL"
}

/// The invitation to a SIP meeting: plain text from `data/kallelse.txt`, or an iCalendar event.
public struct Invitation: Sendable {
    public let document: PlanDocument
    public let meeting: PlanDocument.MeetingInfo
    public let start: Date
    public let zone: TimeZone
    /// The language the kallelse is written in: the user's.
    public let catalog: Catalog

    /// The plan's next meeting not yet held, else its latest. Sharing needs valid consent.
    /// - Parameter requireConsent: false for a cancellation only, which carries nothing about the child.
    public init(
        document: PlanDocument, meetingId: Int64? = nil, zone: TimeZone = .stockholm, requireConsent: Bool = true,
        catalog: Catalog = Catalog(.sv)
    ) throws {
        guard document.consentValid || !requireConsent else { throw SIPError.consentRequired }
        let candidates = document.meetings.filter { meetingId == nil || $0.id == meetingId }
        // A cancelled meeting is chosen only by its id (its cancellation goes out for it).
        guard let meeting = candidates.first(where: \.isAhead) ?? candidates.last else {
            throw SIPError.notFound(.meeting, meetingId ?? 0)
        }
        let formatter = ISO8601DateFormatter()
        guard let start = formatter.date(from: meeting.startsAt) else { throw SIPError.invalidDate(meeting.startsAt) }
        self.document = document
        self.meeting = meeting
        self.start = start
        self.zone = zone
        self.catalog = catalog
    }

    var end: Date { start.addingTimeInterval(TimeInterval(meeting.durationMinutes * 60)) }

    func local(_ date: Date, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: catalog.kallelse(.dateLocale))
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    // MARK: Text

    /// While an invited organisation is outside every consent, the kallelse goes out without personal
    /// details: no child's name or number, no family member's name, no frågeställning (free text).
    public var withholdsPersonalDetails: Bool { !document.uncoveredParticipants.isEmpty }

    private var familyParticipants: Set<Int64> {
        let family = Set((document.guardians + document.relatives).map(\.name))
        return Set(document.participants.filter { $0.agency == nil && family.contains($0.person) }.map(\.id))
    }

    public func text() throws -> String {
        let k = catalog.kallelse
        let heading = meeting.kind == .followUp ? k(.headingFollowUp) : k(.headingFirst)
        let withhold = withholdsPersonalDetails, family = familyParticipants
        let invited = document.participants.map { p in
            let kind = p.invitationKind == .summons ? k(.summons) : k(.invitation)
            let person = withhold && (p.agency == nil || family.contains(p.id)) ? k(.theFamily) : p.person
            return "- "
                + [person, withhold && p.agency == nil ? "" : p.role, p.agency ?? ""].filter { !$0.isEmpty }
                .joined(separator: ", ") + " (\(kind))"
        }.joined(separator: "\n")
        let child =
            withhold ? k(.childWithheld) : document.child.name
        let questions = withhold ? "–" : document.plan.questions
        // The languages the invited family needs an interpreter in, and whether one is booked.
        let needed = Set(
            (document.guardians + document.relatives).filter { m in
                !m.interpreterLanguage.isEmpty
                    && document.participants.contains { $0.agency == nil && $0.person == m.name }
            }.map(\.interpreterLanguage)
        ).sorted().joined(separator: ", ")
        let interpreter =
            !meeting.interpreterBooked.isEmpty
            ? "\(k(.interpreterBooked)): \(meeting.interpreterBooked)"
            : needed.isEmpty ? "–" : "\(k(.interpreterNeeded)) \(needed) – \(k(.interpreterNotBooked))"
        let values: [String: String] = [
            "rubrik": heading, "barn": child, "datum": local(start, "EEEE d MMMM yyyy"),
            "tid": local(start, "HH:mm"), "slut": local(end, "HH:mm"), "langd": String(meeting.durationMinutes),
            "plats": meeting.place.isEmpty ? "–" : meeting.place,
            "videolank": meeting.videoLink.isEmpty ? "–" : meeting.videoLink,
            "tolk": interpreter,
            "fragestallning": questions.isEmpty ? "–" : questions,
            "deltagare": invited.isEmpty ? "–" : invited, "samordnare": document.plan.coordinator,
            "plan": String(document.plan.id),
        ]
        var out = try DataFile.text(k(.template)).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        for (key, value) in values {
            out = out.replacingOccurrences(of: "{{\(key)}}", with: TerminalText.safe(value, keepNewlines: true))
        }
        return out.trimmingCharacters(in: .newlines) + "\n"
    }

    // MARK: iCalendar (RFC 5545)

    /// One VEVENT with organiser, attendees and local times in Europe/Stockholm. The summary and
    /// description name no child: calendars are read by many.
    /// - Parameters:
    ///   - method: REQUEST, or CANCEL for a meeting called off (the event then says CANCELLED).
    ///   - sequence: the event's revision (RFC 5546): the same UID with a higher SEQUENCE replaces it.
    ///   - forMail: for e-mail: only the organisations' people are attendees (the family gets a
    ///     letter), and a place that is a family member's address is not written.
    ///   - answers: the answers given to this meeting (per meeting), by participant; without one,
    ///     the participant's latest answer.
    public func ics(
        organizer: String, now: Date, method: CalendarMethod = .request, sequence: Int? = nil, forMail: Bool = false,
        answers: [Int64: InvitationAnswer] = [:]
    ) -> String {
        let emails = Dictionary(document.contacts.map { ($0.name, $0.email) }, uniquingKeysWith: { a, _ in a })
        let familyEmails = Dictionary(
            (document.guardians + document.relatives).map { ($0.name, $0.email) },
            uniquingKeysWith: { a, _ in a })
        func address(_ name: String, id: Int64) -> String {
            let email = emails[name] ?? familyEmails[name] ?? ""
            let mailto = email.contains("@") ? Self.uri("mailto:\(email)") : nil
            return mailto ?? "urn:sip-tui:participant:\(id)"
        }
        // A link or address holding a control character or a space is left out, never written.
        let videoLink = Self.uri(meeting.videoLink)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sip-tui//SIP//" + catalog.kallelse(.calendarLanguage),
            "CALSCALE:GREGORIAN",
            "METHOD:" + method.rawValue,
            "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:" + uid,
            "DTSTAMP:" + utc(now),
            "DTSTART;TZID=Europe/Stockholm:" + local(start, "yyyyMMdd'T'HHmmss"),
            "DTEND;TZID=Europe/Stockholm:" + local(end, "yyyyMMdd'T'HHmmss"),
            "SUMMARY:" + Self.escape("\(catalog.kallelse(.eventSummary)) \(document.plan.id)"),
            "DESCRIPTION:"
                + Self.escape(
                    catalog.kallelse(.eventDescription)
                        + (videoLink.map { "\n\(catalog.kallelse(.videoLink)): \($0)" } ?? "")),
        ]
        if let sequence { lines.append("SEQUENCE:\(sequence)") }
        if method == .cancel { lines.append("STATUS:CANCELLED") }
        let place = forMail ? mailPlace : meeting.place
        if !place.isEmpty { lines.append("LOCATION:" + Self.escape(place)) }
        if let videoLink { lines.append("URL:" + videoLink) }
        lines.append(
            "ORGANIZER;CN=" + Self.parameter(document.plan.coordinator) + ":"
                + (Self.uri(organizer) ?? "urn:sip-tui:organizer"))
        let withhold = withholdsPersonalDetails
        for p in document.participants {
            // Without consent for everyone invited, the family is in the event by no name or address.
            if (withhold || forMail) && p.agency == nil { continue }
            let status =
                switch answers[p.id] ?? p.answer {
                case .accepted: "ACCEPTED"
                case .declined: "DECLINED"
                case .noAnswer: "NEEDS-ACTION"
                }
            lines.append(
                "ATTENDEE;CN=" + Self.parameter(p.person) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=\(status);RSVP=TRUE:"
                    + address(p.person, id: p.id))
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The event's UID: one per meeting, the same in every revision and in the cancellation.
    public var uid: String { Self.uid(plan: document.plan.id, meeting: meeting.id) }

    public static func uid(plan: Int64, meeting: Int64) -> String { "sip-\(plan)-meeting-\(meeting)@sip-tui" }

    /// The place as a mail may say it: a place that holds a family member's address (a meeting
    /// at home) is not written; the coordinator gives it.
    var mailPlace: String {
        func fold(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        }
        let place = fold(meeting.place)
        guard place.count >= 4 else { return meeting.place }
        let addresses = (document.guardians + document.relatives).map { fold($0.address) }.filter { $0.count >= 4 }
        return addresses.contains { place.contains($0) || $0.contains(place) } ? "" : meeting.place
    }

    private func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11); a CR or CRLF
    /// is a newline, and every other control character is shown as the terminal interface shows it.
    static func escape(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return TerminalText.safe(lines, keepNewlines: true).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Parameter values are quoted; a quote cannot appear inside, so it is dropped.
    static func parameter(_ text: String) -> String {
        let clean = TerminalText.safe(TextRules.clean(text, multiline: false))
        return "\"" + clean.replacingOccurrences(of: "\"", with: "") + "\""
    }

    /// A URI value (a link, a mailto address) as it is, or nil when empty or when it holds a
    /// control, bidirectional or zero-width character, whitespace, a quote or angle brackets: such
    /// a value could end the line and add properties, or point somewhere other than it shows.
    static func uri(_ text: String) -> String? {
        let refused = text.unicodeScalars.contains {
            OutputSafety.isHostile($0) || $0.properties.isWhitespace || "\"<>\\".unicodeScalars.contains($0)
        }
        return text.isEmpty || refused ? nil : text
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
