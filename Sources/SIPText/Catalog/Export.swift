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

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .exportTitle:
                return pick("Samordnad individuell plan (SIP) – plan", "Coordinated individual plan (SIP) – plan")
            case .legalLabel:
                return pick(
                    "Lagkrav %d av 4 (SoL 2 kap. 7 §, HSL 16 kap. 4 §)",
                    "Legal requirement %d of 4 (Social Services Act ch. 2 s. 7, Health and Medical Services Act ch. 16 s. 4)"
                )
            case .sectionChild: return pick("Barnet och familjen", "The child and the family")
            case .sectionConsent: return pick("Samtycke", "Consent")
            case .sectionInitiative: return pick("Initiativ och kallelse", "Initiative and invitation")
            case .sectionParticipants: return pick("Deltagare", "Participants")
            case .sectionQuestions: return pick("Frågeställning", "The question")
            case .sectionSituation: return pick("Aktuell situation", "Current situation")
            case .sectionChildView: return pick("Barnets egen syn och mål", "The child's own view and goals")
            case .sectionGoals: return pick("Mål", "Goals")
            case .sectionFamilyActions:
                return pick("Det barnet och familjen gör själva", "What the child and the family do themselves")
            case .sectionInterventions: return pick("Insatser som behövs", "Interventions needed")
            case .sectionByPrincipal: return pick("Insatser per huvudman", "Interventions by principal")
            case .sectionByOthers:
                return pick(
                    "Åtgärder av andra än kommun och region",
                    "Measures by others than the municipality and the region")
            case .sectionLead: return pick("Huvudansvar", "Overall responsibility")
            case .sectionContacts: return pick("Kontaktpersoner", "Contact people")
            case .sectionFollowUp: return pick("Uppföljning", "Follow-up")
            case .sectionEvaluation: return pick("Utvärdering", "Evaluation")
            case .sectionClosing: return pick("Avslut", "Closing")
            case .sectionCopies: return pick("Kopior och underskrifter", "Copies and signatures")
            case .child: return pick("Barn", "Child")
            case .guardian: return pick("Vårdnadshavare", "Guardian")
            case .relativeInvited: return pick("Närstående som bjudits in", "Relatives invited")
            case .validConsentToday: return pick("Giltigt samtycke i dag", "Valid consent today")
            case .consentYes: return pick("ja", "yes")
            case .consentNo: return pick("NEJ", "NO")
            case .childItself: return pick("Barnet självt", "The child")
            case .covers: return pick("Omfattar", "Covers")
            case .validFrom: return pick("Giltigt", "Valid")
            case .untilFurther: return pick("tills vidare", "until further notice")
            case .withdrawnMark: return pick("ÅTERKALLAT", "WITHDRAWN")
            case .initiative: return pick("Initiativ", "Initiative")
            case .invitationSent: return pick("Kallelse skickad", "Invitation sent")
            case .meetings: return pick("Möten", "Meetings")
            case .family: return pick("familjen", "the family")
            case .attendance: return pick("Närvaro", "Attendance")
            case .responsible: return pick("Ansvarig verksamhet", "Organisation responsible")
            case .period: return pick("Tid", "Period")
            case .principalLabel: return pick("Huvudman", "Principal")
            case .none: return pick("Inga.", "None.")
            case .notAppointed: return pick("Inte utsett än.", "Not appointed yet.")
            case .date: return pick("Datum", "Date")
            case .calls: return pick("Kallar", "Calls it")
            case .closedAs: return pick("Avslutad", "Closed")
            case .closedRefused: return pick("begäran avslogs", "the request was refused")
            case .closedCompleted: return pick("klar", "completed")
            case .closedOther: return pick("annat", "other")
            case .notClosed: return pick("Planen är inte avslutad.", "The plan is not closed.")
            case .copyTo: return pick("Kopia till", "Copy to")
            case .originalTo:
                return pick(
                    "Originalet lämnas till barnet och vårdnadshavarna.",
                    "The original is given to the child and the guardians.")
            case .signedBy: return pick("Underskrift av", "Signed by")
            case .signature: return pick("Namnteckning", "Signature")
            }
        }
    }
}

extension Catalog {
    /// The written plan's texts: `c.export(.sectionConsent)`.
    public func export(_ text: ExportText) -> String { text.text(in: self) }
}
