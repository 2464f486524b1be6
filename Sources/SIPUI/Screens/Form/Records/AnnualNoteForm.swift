import SIPModel
import SIPWidgets

/// What a BUS group did in a year, in its own words, for its annual report ("Vad gjordes"): by the
/// group's chair or an administrator. Every reader of the report sees it, which the form says
/// above its fields; the model refuses a text with an identity number in it.
public struct AnnualNoteForm: RecordForm {
    public enum Key: String, Sendable { case year, note }

    public let groupId: Int64, groupName: String
    public let year: Int
    public init(groupId: Int64, groupName: String, year: Int) {
        (self.groupId, self.groupName, self.year) = (groupId, groupName, year)
    }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        var content = FormContent(
            title: "\(c.ui(.whatWasDone)) · \(groupName)",
            fields: [
                text(.year, c.ui(.periodYear), String(year)),
                text(
                    .note, c.ui(.whatTheGroupDid), try session.store.annualNote(groupId: groupId, year: year),
                    multiline: true),
            ], focus: Key.note.rawValue)
        content.intro = c.ui(.annualNoteHint)
        return content
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let year = Int(input.line(.year)), (1900...9999).contains(year) else {
            throw input.refuse(.year, input.catalog.message(.invalidDate(input.line(.year))))
        }
        try session.store.writeAnnualNote(groupId: groupId, year: year, text: input[.note])
        return .saved(input.catalog.ui(.saved))
    }

    public func key(for error: SIPError) -> Key? {
        if case .identityInSharedText = error { return .note }
        if case .invalidDate = error { return .year }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
