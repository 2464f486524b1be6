import SIPDomain

extension Catalog {
    /// The coordinator's day ("Att göra") and requests for a SIP between organisations (begäran).
    public enum DayText: CatalogText {
        case dayTitle, nothingToDo, todayWord, planList, requestInbox, myRequests, newRequest, refreshDay
        case sectionMeetingsToday, sectionMeetingsThisWeek, sectionUnansweredInvitations, sectionFollowUps
        case sectionInterventions, sectionWithdrawnConsents, sectionNewRequests, sectionQuietPlans
        case sectionInterpretersMissing, interpreterIn
        case quietNoMeeting, quietLastMeeting, withdrawnBy, followUpBy, requestFrom, replyByWas, notAnswered
        // Requests
        case inboxTitle, myRequestsTitle, noRequests, newRequestTitle, toAgency, askerName, askerFunction
        case consentSoFar, requestRegistered, acceptRequest, declineRequest, declineTitle, declineReason
        case requestDeclined, acceptTitle, consentFromRequest, showRequest, requestStatusNew, requestStatusAccepted
        case requestStatusDeclined, requestReceived, requestAnswered, requestFromAgency, requestAsker, requestPlan
        case columnReceived, columnFrom, columnTo

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog {
    /// A section's heading on the day screen.
    public func daySection(_ section: DaySection) -> String {
        switch section {
        case .meetingsToday: return self(.sectionMeetingsToday)
        case .meetingsThisWeek: return self(.sectionMeetingsThisWeek)
        case .interpretersMissing: return self(.sectionInterpretersMissing)
        case .unansweredInvitations: return self(.sectionUnansweredInvitations)
        case .followUps: return self(.sectionFollowUps)
        case .interventions: return self(.sectionInterventions)
        case .withdrawnConsents: return self(.sectionWithdrawnConsents)
        case .newRequests: return self(.sectionNewRequests)
        case .quietPlans: return self(.sectionQuietPlans)
        }
    }

    /// A request's status in words.
    public func requestStatus(_ status: RequestStatus) -> String {
        switch status {
        case .new: return self(.requestStatusNew)
        case .accepted: return self(.requestStatusAccepted)
        case .declined: return self(.requestStatusDeclined)
        }
    }
}

extension Catalog.Text {
    public static var dayTitle: Self { Self(.day(.dayTitle)) }
    public static var nothingToDo: Self { Self(.day(.nothingToDo)) }
    public static var todayWord: Self { Self(.day(.todayWord)) }
    public static var planList: Self { Self(.day(.planList)) }
    public static var requestInbox: Self { Self(.day(.requestInbox)) }
    public static var myRequests: Self { Self(.day(.myRequests)) }
    public static var newRequest: Self { Self(.day(.newRequest)) }
    public static var refreshDay: Self { Self(.day(.refreshDay)) }
    public static var sectionMeetingsToday: Self { Self(.day(.sectionMeetingsToday)) }
    public static var sectionMeetingsThisWeek: Self { Self(.day(.sectionMeetingsThisWeek)) }
    public static var sectionUnansweredInvitations: Self { Self(.day(.sectionUnansweredInvitations)) }
    public static var sectionFollowUps: Self { Self(.day(.sectionFollowUps)) }
    public static var sectionInterventions: Self { Self(.day(.sectionInterventions)) }
    public static var sectionWithdrawnConsents: Self { Self(.day(.sectionWithdrawnConsents)) }
    public static var sectionNewRequests: Self { Self(.day(.sectionNewRequests)) }
    public static var sectionQuietPlans: Self { Self(.day(.sectionQuietPlans)) }
    public static var sectionInterpretersMissing: Self { Self(.day(.sectionInterpretersMissing)) }
    public static var interpreterIn: Self { Self(.day(.interpreterIn)) }
    public static var quietNoMeeting: Self { Self(.day(.quietNoMeeting)) }
    public static var replyByWas: Self { Self(.day(.replyByWas)) }
    public static var notAnswered: Self { Self(.day(.notAnswered)) }
    public static var quietLastMeeting: Self { Self(.day(.quietLastMeeting)) }
    public static var withdrawnBy: Self { Self(.day(.withdrawnBy)) }
    public static var followUpBy: Self { Self(.day(.followUpBy)) }
    public static var requestFrom: Self { Self(.day(.requestFrom)) }
    public static var inboxTitle: Self { Self(.day(.inboxTitle)) }
    public static var myRequestsTitle: Self { Self(.day(.myRequestsTitle)) }
    public static var noRequests: Self { Self(.day(.noRequests)) }
    public static var newRequestTitle: Self { Self(.day(.newRequestTitle)) }
    public static var toAgency: Self { Self(.day(.toAgency)) }
    public static var askerName: Self { Self(.day(.askerName)) }
    public static var askerFunction: Self { Self(.day(.askerFunction)) }
    public static var consentSoFar: Self { Self(.day(.consentSoFar)) }
    public static var requestRegistered: Self { Self(.day(.requestRegistered)) }
    public static var acceptRequest: Self { Self(.day(.acceptRequest)) }
    public static var declineRequest: Self { Self(.day(.declineRequest)) }
    public static var declineTitle: Self { Self(.day(.declineTitle)) }
    public static var declineReason: Self { Self(.day(.declineReason)) }
    public static var requestDeclined: Self { Self(.day(.requestDeclined)) }
    public static var acceptTitle: Self { Self(.day(.acceptTitle)) }
    public static var consentFromRequest: Self { Self(.day(.consentFromRequest)) }
    public static var showRequest: Self { Self(.day(.showRequest)) }
    public static var requestStatusNew: Self { Self(.day(.requestStatusNew)) }
    public static var requestStatusAccepted: Self { Self(.day(.requestStatusAccepted)) }
    public static var requestStatusDeclined: Self { Self(.day(.requestStatusDeclined)) }
    public static var requestReceived: Self { Self(.day(.requestReceived)) }
    public static var requestAnswered: Self { Self(.day(.requestAnswered)) }
    public static var requestFromAgency: Self { Self(.day(.requestFromAgency)) }
    public static var requestAsker: Self { Self(.day(.requestAsker)) }
    public static var requestPlan: Self { Self(.day(.requestPlan)) }
    public static var columnReceived: Self { Self(.day(.columnReceived)) }
    public static var columnFrom: Self { Self(.day(.columnFrom)) }
    public static var columnTo: Self { Self(.day(.columnTo)) }
}
