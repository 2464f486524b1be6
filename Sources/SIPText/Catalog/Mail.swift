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

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }

    /// How a mail fared, for one recipient: `sent to x`, or `not sent to x: why`.
    public func mailOutcome(_ recipient: String, failure: String?) -> String {
        language.words.mailOutcome(recipient, failure: failure, in: self)
    }

    /// The sendmail command's failure in the user's words.
    public func sendmailFailure(status: Int32?, message: String, timedOut: Int?) -> String {
        language.words.sendmailFailure(status: status, message: message, timedOut: timedOut, in: self)
    }

    /// A reminder digest's heading line for one user (dry run and report).
    public func digestLine(_ recipient: String, items: Int) -> String {
        language.words.digestLine(recipient, items: items, in: self)
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
