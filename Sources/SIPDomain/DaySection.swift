import Foundation

/// One kind of thing on the coordinator's day ("Att göra"), in the order the screen lists them.
/// Each kind is one query (`DaySchedule.lines`): a new kind is a case and its query.
public enum DaySection: String, Sendable, CaseIterable, Codable {
    /// Meetings today, not yet held.
    case meetingsToday
    /// Meetings from tomorrow to a week ahead (`DaySchedule.weekDays`), not yet held.
    case meetingsThisWeek
    /// Meetings within `DaySchedule.interpreterDays` where a family member taking part needs an
    /// interpreter (tolk) and none is booked yet: booking one takes days.
    case interpretersMissing
    /// Kallelser nobody answered by their reply-by date. Answers and reply-by dates are the mail
    /// branch's (issue 16, items 3-5): its query replaces `unansweredInvitations` below.
    case unansweredInvitations
    /// Open plans whose follow-up date has passed or falls within the week.
    case followUps
    /// Interventions still owed (planned or ongoing) past their due date or due within the week.
    case interventions
    /// Consents withdrawn within the last week, on open plans.
    case withdrawnConsents
    /// Requests for a SIP to the user's organisation not yet answered.
    case newRequests
    /// Open plans with no meeting for `day-quiet-days` days (counted from the request without one).
    case quietPlans
}
