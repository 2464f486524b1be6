import Foundation
import SIPDomain

extension Catalog {
    /// Invitations that are sent, reminders and the plan's life cycle: the plan screen's keys and
    /// questions, the command line's lines, and the words of the e-mails themselves (which name no
    /// child: plan number, time, place or link, the question in general terms, the reply-by date).
    public enum MailText: CatalogText {
        case sendKallelse, reopenPlan, reopenReason, reopened, sendQuestion, nothingToSend, offeredDeviation
        case owedInterventionsWarning, replyByLabel, kallelseWithoutAddress
        case mailRequestSubject, mailUpdateSubject, mailCancelSubject, mailGreeting, mailCancelled, mailPlan
        case mailTime, mailPlace, mailLink, mailReplyBy, mailQuestion, mailNoDetails, mailReply, mailAttached
        case mailCoordinator, mailPlaceGiven
        case digestSubject, digestIntro, digestUnanswered, digestFollowUps, digestInterventions, digestFailed
        case digestOffer, digestFooter

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .sendKallelse: return pick("Skicka kallelse", "Send invitation")
            case .reopenPlan: return pick("Öppna planen igen", "Reopen the plan")
            case .reopenReason: return pick("Skäl att öppna igen", "Reason for reopening")
            case .reopened: return pick("Planen är öppnad igen.", "The plan is open again.")
            case .sendQuestion: return pick("Skicka kallelsen med e-post till:", "Send the invitation by e-mail to:")
            case .nothingToSend:
                return pick("Alla inbjudna har redan fått kallelsen.", "Everyone invited has the invitation already.")
            case .offeredDeviation:
                return pick(
                    "Avvikelse erbjuds (r registrerar): kallelsen besvarades inte av",
                    "Deviation offered (r registers it): the invitation was not answered by")
            case .owedInterventionsWarning:
                return pick(
                    "Insatser är inte utförda (planerade eller pågående). Spara igen för att ändå avsluta.",
                    "Interventions are still owed (planned or ongoing). Save again to close anyway.")
            case .replyByLabel: return pick("Svar senast", "Reply by")
            case .kallelseWithoutAddress:
                return pick("Utan e-postadress (skicka på annat sätt):", "No e-mail address (send another way):")
            case .mailRequestSubject:
                return pick("Kallelse till SIP-möte, plan %d", "Invitation to a SIP meeting, plan %d")
            case .mailUpdateSubject: return pick("Ändrad tid: SIP-möte, plan %d", "Changed: SIP meeting, plan %d")
            case .mailCancelSubject: return pick("Inställt: SIP-möte, plan %d", "Cancelled: SIP meeting, plan %d")
            case .mailGreeting:
                return pick(
                    "Du är kallad till ett möte om en samordnad individuell plan (SIP).",
                    "You are invited to a meeting about a coordinated individual plan (SIP).")
            case .mailCancelled:
                return pick("Mötet nedan är inställt.", "The meeting below has been cancelled.")
            case .mailPlan: return pick("Plan", "Plan")
            case .mailTime: return pick("Tid", "Time")
            case .mailPlace: return pick("Plats", "Place")
            case .mailLink: return pick("Videolänk", "Video link")
            case .mailReplyBy: return pick("Svara senast", "Reply by")
            case .mailQuestion: return pick("Mötet gäller", "The meeting is about")
            case .mailNoDetails:
                return pick(
                    "vilka insatser som behövs och vem som ansvarar för vad. Barnets uppgifter och frågeställningen skickas inte med e-post; samordnaren lämnar dem på mötet eller på säkert sätt.",
                    "which interventions are needed and who is responsible for what. The child's details and the question are not sent by e-mail; the coordinator gives them at the meeting or by a secure channel."
                )
            case .mailReply:
                return pick(
                    "Svara samordnaren om du kommer, helst genom att svara på kalenderinbjudan.",
                    "Tell the coordinator whether you will come, preferably by answering the calendar invitation.")
            case .mailAttached: return pick("Kalenderinbjudan är bifogad.", "The calendar invitation is attached.")
            case .mailCoordinator: return pick("Samordnare", "Coordinator")
            case .mailPlaceGiven: return pick("lämnas av samordnaren", "given by the coordinator")
            case .digestSubject: return pick("sip-tui: att göra", "sip-tui: to do")
            case .digestIntro: return pick("Det här väntar på dig i sip-tui:", "This is waiting for you in sip-tui:")
            case .digestUnanswered:
                return pick("kallelser utan svar efter svarsdatum", "invitations unanswered after their reply-by date")
            case .digestFollowUps: return pick("uppföljningar vars datum har passerat", "follow-ups past their date")
            case .digestInterventions:
                return pick("planer med insatser efter slutdatum", "plans with interventions past their due date")
            case .digestFailed:
                return pick("kallelser som inte kunde skickas", "invitations that could not be sent")
            case .digestOffer:
                return pick(
                    "Avvikelsen \"kallelse ej besvarad\" erbjuds på planen: registrera den där om den ska registreras.",
                    "The deviation \"invitation not answered\" is offered on the plan: register it there if it should be."
                )
            case .digestFooter:
                return pick(
                    "Namn lämnas inte i e-post. Öppna sip-tui för att se planerna.",
                    "No names are given by e-mail. Open sip-tui to see the plans.")
            }
        }
    }

    /// How a mail fared, for one recipient: `sent to x`, or `not sent to x: why`.
    public func mailOutcome(_ recipient: String, failure: String?) -> String {
        guard let failure else { return pick("Skickat till \(recipient).", "Sent to \(recipient).") }
        return pick(
            "Inte skickat till \(recipient): \(failure) Försöks igen nästa gång.",
            "Not sent to \(recipient): \(failure) It is tried again next time.")
    }

    /// The sendmail command's failure in the user's words.
    public func sendmailFailure(status: Int32?, message: String, timedOut: Int?) -> String {
        if let timedOut {
            return pick(
                "sendmail-kommandot svarade inte på \(timedOut) sekunder och stoppades.",
                "the sendmail command did not answer in \(timedOut) seconds and was stopped.")
        }
        guard let status else {
            return pick(
                "sendmail-kommandot kunde inte startas (\(message)).",
                "the sendmail command could not start (\(message)).")
        }
        let said = message.isEmpty ? "" : ": \(message)"
        return pick(
            "sendmail-kommandot avslutades med kod \(status)\(said).",
            "the sendmail command exited with status \(status)\(said).")
    }

    /// A reminder digest's heading line for one user (dry run and report).
    public func digestLine(_ recipient: String, items: Int) -> String {
        pick("Påminnelse till \(recipient): \(items) att göra.", "Reminder to \(recipient): \(items) to do.")
    }
}

extension Catalog.Text {
    public static var sendKallelse: Self { Self(.mail(.sendKallelse)) }
    public static var reopenPlan: Self { Self(.mail(.reopenPlan)) }
    public static var reopenReason: Self { Self(.mail(.reopenReason)) }
    public static var reopened: Self { Self(.mail(.reopened)) }
    public static var sendQuestion: Self { Self(.mail(.sendQuestion)) }
    public static var nothingToSend: Self { Self(.mail(.nothingToSend)) }
    public static var offeredDeviation: Self { Self(.mail(.offeredDeviation)) }
    public static var owedInterventionsWarning: Self { Self(.mail(.owedInterventionsWarning)) }
    public static var replyByLabel: Self { Self(.mail(.replyByLabel)) }
    public static var kallelseWithoutAddress: Self { Self(.mail(.kallelseWithoutAddress)) }
    public static var mailRequestSubject: Self { Self(.mail(.mailRequestSubject)) }
    public static var mailUpdateSubject: Self { Self(.mail(.mailUpdateSubject)) }
    public static var mailCancelSubject: Self { Self(.mail(.mailCancelSubject)) }
    public static var mailGreeting: Self { Self(.mail(.mailGreeting)) }
    public static var mailCancelled: Self { Self(.mail(.mailCancelled)) }
    public static var mailPlan: Self { Self(.mail(.mailPlan)) }
    public static var mailTime: Self { Self(.mail(.mailTime)) }
    public static var mailPlace: Self { Self(.mail(.mailPlace)) }
    public static var mailLink: Self { Self(.mail(.mailLink)) }
    public static var mailReplyBy: Self { Self(.mail(.mailReplyBy)) }
    public static var mailQuestion: Self { Self(.mail(.mailQuestion)) }
    public static var mailNoDetails: Self { Self(.mail(.mailNoDetails)) }
    public static var mailReply: Self { Self(.mail(.mailReply)) }
    public static var mailAttached: Self { Self(.mail(.mailAttached)) }
    public static var mailCoordinator: Self { Self(.mail(.mailCoordinator)) }
    public static var mailPlaceGiven: Self { Self(.mail(.mailPlaceGiven)) }
    public static var digestSubject: Self { Self(.mail(.digestSubject)) }
    public static var digestIntro: Self { Self(.mail(.digestIntro)) }
    public static var digestUnanswered: Self { Self(.mail(.digestUnanswered)) }
    public static var digestFollowUps: Self { Self(.mail(.digestFollowUps)) }
    public static var digestInterventions: Self { Self(.mail(.digestInterventions)) }
    public static var digestFailed: Self { Self(.mail(.digestFailed)) }
    public static var digestOffer: Self { Self(.mail(.digestOffer)) }
    public static var digestFooter: Self { Self(.mail(.digestFooter)) }
}
