import Foundation

/// A text field the model stores, with its limits. The raw value names the field in the catalog.
public enum Field: String, Sendable, CaseIterable, Codable {
    case name, personalNumber, birthDate, relation, phone, email, address, role
    case agencyName, principalName, groupName
    case reason, questions, currentSituation, childView, childGoals, longTermGoals, shortTermGoals
    case familyOwnActions, person, leadPerson, initiatorPerson, coordinator, followUpCaller, closedReason
    case requestDate, followUpDate, startDate, dueDate, occurredOn, responseDue, status, leadAgency
    case information, place, videoLink, minutes, agendaTitle, agendaNotes
    case what, frequency, comment, description, response, localAction, note
    /// An OS user name.
    case login
    // The child and the family (issue 17).
    case goal, worksTowards, familyComment, childWords, representedBy, language, interpreterLanguage
    case interpreterBooked, need, notifiedOn

    /// Longest accepted text, in Unicode code points (what SQLite's length() counts).
    public var maxLength: Int {
        // The plan's own fields are described in one place.
        if let spec = PlanField.named(self) { return spec.maxLength }
        switch self {
        case .personalNumber, .birthDate, .startDate, .dueDate, .occurredOn, .responseDue, .status, .notifiedOn:
            return 20
        case .phone: return 40
        case .login: return 64
        case .name, .relation, .email, .role, .person, .leadAgency, .agencyName, .principalName, .groupName,
            .agendaTitle, .frequency, .worksTowards, .representedBy, .language, .interpreterLanguage,
            .interpreterBooked:
            return 120
        case .address, .place, .videoLink: return 300
        case .what, .information, .goal, .need: return 500
        default: return 4000
        }
    }

    /// Multi-line fields keep newlines and tabs; single-line fields turn them into spaces.
    public var isMultiline: Bool {
        if let spec = PlanField.named(self) { return spec.isMultiline }
        switch self {
        case .minutes, .agendaNotes, .comment, .description, .response, .localAction, .note, .information,
            .familyComment, .childWords:
            return true
        default:
            return false
        }
    }
}

/// How text is made safe to store: NFC, no control characters, within the field's limit.
public enum TextRules {
    /// NFC-normalises and strips control characters (C0, C1, DEL). Newline and tab survive in
    /// multi-line fields; elsewhere they become a space. Carriage returns are dropped. Leading and
    /// trailing whitespace is trimmed; in multi-line text, trailing spaces of each line too.
    public static func clean(_ raw: String, multiline: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            // Bidirectional overrides and isolates can make stored text display reversed: drop them.
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
            guard scalar.properties.generalCategory == .control else {
                scalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n", "\t":
                scalars.append(multiline ? scalar : " ")
            default:
                continue
            }
        }
        let text = String(scalars)
        if multiline {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var line = Substring(line)
                while let last = line.last, last.isWhitespace { line.removeLast() }
                return line
            }
            return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Cleans `raw` for `field` and checks its length. Throws `SIPError.tooLong` rather than cutting.
    public static func validated(_ raw: String, for field: Field) throws -> String {
        let text = clean(raw, multiline: field.isMultiline)
        // Counted in code points, as SQLite's length() in the CHECK constraints counts them.
        if text.unicodeScalars.count > field.maxLength {
            throw SIPError.tooLong(field: field, max: field.maxLength)
        }
        return text
    }

    /// As `validated`, but an empty result is an error: the field is required.
    public static func required(_ raw: String, for field: Field) throws -> String {
        let text = try validated(raw, for: field)
        if text.isEmpty { throw SIPError.required(field: field) }
        return text
    }

    /// As `validated`, but an empty result becomes nil.
    public static func optional(_ raw: String?, for field: Field) throws -> String? {
        guard let raw else { return nil }
        let text = try validated(raw, for: field)
        return text.isEmpty ? nil : text
    }
}
