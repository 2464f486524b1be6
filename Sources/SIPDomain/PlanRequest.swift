import Foundation

/// Where a request for a SIP stands.
public enum RequestStatus: String, Codable, Sendable, CaseIterable {
    /// Received, not yet answered.
    case new
    /// Accepted: it became a plan (`PlanRequest.planId`).
    case accepted
    /// Declined, with a reason the requester sees.
    case declined
}

/// A request for a SIP (begäran om SIP) one organisation addresses to another: the question, who
/// asked, the child, and the consent as far as there is one. The receiving organisation's
/// coordinators answer it; the one who registered it sees the answer. Registering one reads no
/// child record: whether the child has plans is never revealed by it.
public struct PlanRequest: Codable, Equatable, Sendable {
    public var id: Int64?
    /// The organisation asked (its coordinators' inbox).
    public var toAgencyId: Int64
    /// The organisation asking: the registering user's.
    public var fromAgencyId: Int64
    /// The login that registered it.
    public var registeredBy: String
    /// Who asked: name and function (their organisation is `fromAgencyId`).
    public var askerName: String
    public var askerFunction: String
    public var childName: String
    /// The 12 digits, validated as a plan's; nil once purged.
    public var personalNumber: String?
    /// frågeställning: what the SIP is to answer.
    public var question: String
    /// The consent as far as it exists (free text: who consented to what, or that it is asked for).
    public var consent: String
    public var receivedOn: Day
    public var registeredAt: Date
    public var status: RequestStatus
    public var answeredOn: Day?
    public var answeredBy: String?
    /// Why it was declined (required then).
    public var declineReason: String?
    /// The plan it became.
    public var planId: Int64?
    /// The BUS group it counts for in the review: the plan's once accepted, before that the asked
    /// organisation's when it serves exactly one group (nil: counted for the whole county only).
    public var busGroupId: Int64?

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, toAgencyId: Int64, fromAgencyId: Int64, registeredBy: String, askerName: String,
        askerFunction: String, childName: String, personalNumber: String?, question: String, consent: String,
        receivedOn: Day, registeredAt: Date, status: RequestStatus = .new, answeredOn: Day? = nil,
        answeredBy: String? = nil, declineReason: String? = nil, planId: Int64? = nil, busGroupId: Int64? = nil
    ) {
        self.id = id
        self.toAgencyId = toAgencyId
        self.fromAgencyId = fromAgencyId
        self.registeredBy = registeredBy
        self.askerName = askerName
        self.askerFunction = askerFunction
        self.childName = childName
        self.personalNumber = personalNumber
        self.question = question
        self.consent = consent
        self.receivedOn = receivedOn
        self.registeredAt = registeredAt
        self.status = status
        self.answeredOn = answeredOn
        self.answeredBy = answeredBy
        self.declineReason = declineReason
        self.planId = planId
        self.busGroupId = busGroupId
    }

    /// Shown in lists: the birth date and four stars.
    public var personalNumberMasked: String { personalNumber.map { PersonalNumber(trusted: $0).masked } ?? "–" }

    public enum Columns: String, Sendable {
        case id, toAgencyId, fromAgencyId, registeredBy, askerName, askerFunction, childName, personalNumber
        case question, consent, receivedOn, registeredAt, status, answeredOn, answeredBy, declineReason, planId
        case busGroupId
    }
}
