import Foundation
import SIPDomain

/// One e-mail as the sendmail command reads it (RFC 5322 with MIME): UTF-8 text, an optional
/// iCalendar attachment, every part base64 so no relay has to carry 8-bit data. The recipient is
/// in `To:` (the command is run with `-t`). Header values come from the program or are checked
/// addresses; none can add a header.
public struct MailMessage: Sendable, Equatable {
    public var from: String?
    public var to: String
    public var subject: String
    public var body: String
    /// The .ics text and its METHOD, for `text/calendar; method=…`.
    public var calendar: (text: String, method: CalendarMethod)?
    public var date: Date
    public var messageId: String

    public static func == (a: MailMessage, b: MailMessage) -> Bool {
        a.from == b.from && a.to == b.to && a.subject == b.subject && a.body == b.body
            && a.calendar?.text == b.calendar?.text && a.date == b.date && a.messageId == b.messageId
    }

    /// A usable address: one @, no whitespace, control, quote, angle bracket or comma.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 120 else { return false }
        return !text.unicodeScalars.contains {
            OutputSafety.isHostile($0) || $0.properties.isWhitespace || "\"<>\\,;:()[]".unicodeScalars.contains($0)
                || $0.value < 0x21 || $0.value > 0x7e
        }
    }

    public var data: Data {
        let boundary =
            "sip-tui-" + String(messageId.unicodeScalars.filter(\.properties.isAlphabetic).prefix(24))
            + String(messageId.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xffffff }, radix: 16)
        var headers: [String] = []
        if let from { headers.append("From: \(from)") }
        headers += [
            "To: \(to)",
            "Subject: " + Self.encodedWord(subject),
            "Date: " + Self.rfc5322(date),
            "Message-ID: <\(messageId)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        var lines = headers
        let text = [
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            Self.base64(body.replacingOccurrences(of: "\n", with: "\r\n")),
        ]
        if let calendar {
            lines +=
                ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"] + text + [
                    "--\(boundary)",
                    "Content-Type: text/calendar; charset=utf-8; method=\(calendar.method.rawValue); name=\"kallelse.ics\"",
                    "Content-Disposition: attachment; filename=\"kallelse.ics\"",
                    "Content-Transfer-Encoding: base64", "",
                    Self.base64(calendar.text),
                    "--\(boundary)--",
                ]
        } else {
            lines += text
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Base64 in lines of 76 characters.
    static func base64(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var out: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            out.append(rest.prefix(76))
            rest = rest.dropFirst(76)
        }
        return out.joined(separator: "\r\n")
    }

    /// An RFC 2047 encoded word when the text is not plain ASCII (Swedish subjects are not).
    static func encodedWord(_ text: String) -> String {
        let clean = TextRules.clean(text, multiline: false)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) { return clean }
        return "=?utf-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
