import SIPDomain

extension Catalog {
    /// The written plan for the professionals (`plan export`): its section titles, labels and
    /// table headings. The family's and the child's versions are in `FamilyText`.
    public enum ExportText: CatalogText {
        case exportTitle, legalLabel
        case sectionChild, sectionConsent, sectionInitiative, sectionParticipants, sectionQuestions
        case sectionSituation, sectionChildView, sectionGoals, sectionFamilyActions, sectionInterventions
        case sectionByPrincipal, sectionByOthers, sectionLead, sectionContacts, sectionFollowUp
        case sectionEvaluation, sectionClosing, sectionCopies
        case child, guardian, relativeInvited, validConsentToday, consentYes, consentNo, childItself, covers
        case validFrom, untilFurther, withdrawnMark, initiative, invitationSent, meetings, family, attendance
        case responsible, period, principalLabel, none, notAppointed, date, calls, closedAs, closedRefused
        case closedCompleted, closedOther, notClosed, copyTo, originalTo, signedBy, signature

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog {
    /// The written plan's texts: `c.export(.sectionConsent)`.
    public func export(_ text: ExportText) -> String { text.text(in: self) }
}
