import SIPDomain

extension Catalog {
    /// The kallelse itself: the words the invitation text (`data/kallelse.txt`, `kallelse.en.txt`)
    /// is filled with, and the calendar event's summary and description (which name no child).
    public enum KallelseText: CatalogText {
        case template, dateLocale, headingFirst, headingFollowUp, summons, invitation, theFamily, childWithheld
        case interpreterBooked, interpreterNeeded, interpreterNotBooked, eventSummary, eventDescription, videoLink
        case calendarLanguage

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog {
    /// The kallelse's words: `c.kallelse(.headingFirst)`.
    public func kallelse(_ text: KallelseText) -> String { text.text(in: self) }
}
