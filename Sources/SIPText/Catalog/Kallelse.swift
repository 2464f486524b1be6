import SIPDomain

extension Catalog {
    /// The kallelse itself: the words the invitation text (`data/kallelse.txt`, `kallelse.en.txt`)
    /// is filled with, and the calendar event's summary and description (which name no child).
    public enum KallelseText: CatalogText {
        case template, dateLocale, headingFirst, headingFollowUp, summons, invitation, theFamily, childWithheld
        case interpreterBooked, interpreterNeeded, interpreterNotBooked, eventSummary, eventDescription, videoLink
        case calendarLanguage

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .template: return pick("kallelse.txt", "kallelse.en.txt")
            case .dateLocale: return pick("sv_SE", "en_GB")
            case .headingFirst: return pick("Kallelse till SIP-möte", "Invitation to a SIP meeting")
            case .headingFollowUp: return pick("Kallelse till uppföljning av SIP", "Invitation to a SIP follow-up")
            case .summons: return pick("kallelse", "summons")
            case .invitation: return pick("inbjudan", "invitation")
            case .theFamily: return pick("Familjen", "The family")
            case .childWithheld:
                return pick(
                    "ett barn (personuppgifter lämnas när samtycke omfattar alla inbjudna)",
                    "a child (personal details are given once consent covers everyone invited)")
            case .interpreterBooked: return pick("bokad", "booked")
            case .interpreterNeeded: return pick("familjen behöver tolk på", "the family needs an interpreter in")
            case .interpreterNotBooked: return pick("inte bokad än", "not booked yet")
            case .eventSummary: return pick("SIP-möte, plan", "SIP meeting, plan")
            case .eventDescription:
                return pick(
                    "Samordnad individuell plan (SIP). Frågeställning och deltagare står i kallelsen.",
                    "Coordinated individual plan (SIP). The question and the participants are in the invitation.")
            case .videoLink: return pick("Videolänk", "Video link")
            case .calendarLanguage: return pick("SV", "EN")
            }
        }
    }
}

extension Catalog {
    /// The kallelse's words: `c.kallelse(.headingFirst)`.
    public func kallelse(_ text: KallelseText) -> String { text.text(in: self) }
}
