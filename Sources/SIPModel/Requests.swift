import Foundation
import GRDB
import SIPDomain

/// A request for a SIP as a user registers it: to which organisation, who asked, the child, the
/// question and the consent as far as it exists. The asking organisation is the user's own.
public struct NewRequest: Sendable, Equatable {
    public var toAgencyId: Int64
    public var askerName: String
    public var askerFunction: String
    public var childName: String
    public var personalNumber: String
    public var question: String
    public var consent: String
    /// The day it came in (default: today).
    public var receivedOn: Day?

    public init(
        toAgencyId: Int64, askerName: String, askerFunction: String = "", childName: String, personalNumber: String,
        question: String, consent: String = "", receivedOn: Day? = nil
    ) {
        self.toAgencyId = toAgencyId
        self.askerName = askerName
        self.askerFunction = askerFunction
        self.childName = childName
        self.personalNumber = personalNumber
        self.question = question
        self.consent = consent
        self.receivedOn = receivedOn
    }
}

/// What an accepted request's plan starts from: the request's details unless the coordinator
/// corrected them, and what a request does not hold (the child's sex, the BUS group).
public struct RequestAcceptance: Sendable, Equatable {
    /// nil: the group the request counts for (the asked organisation's one group).
    public var busGroupId: Int64?
    public var sex: Sex
    public var childName: String?
    public var personalNumber: String?
    public var requestDate: Day?
    public var reason: String
    public var questions: String?

    public init(
        busGroupId: Int64? = nil, sex: Sex = .unknown, childName: String? = nil, personalNumber: String? = nil,
        requestDate: Day? = nil, reason: String = "", questions: String? = nil
    ) {
        self.busGroupId = busGroupId
        self.sex = sex
        self.childName = childName
        self.personalNumber = personalNumber
        self.requestDate = requestDate
        self.reason = reason
        self.questions = questions
    }
}

/// Which requests a list shows.
public enum RequestScope: String, Sendable, CaseIterable {
    /// Those addressed to the user's organisation (a coordinator's inbox; every one for a
    /// coordinator of every plan).
    case inbox
    /// Those the user registered, with their answers.
    case mine
}

/// One request as lists show it: organisations by name, the number masked.
public struct RequestSummary: Codable, Equatable, Sendable, FetchableRecord {
    public var id: Int64
    public var status: RequestStatus
    public var receivedOn: Day
    public var toAgency: String
    public var fromAgency: String
    public var askerName: String
    public var askerFunction: String
    public var childName: String
    public var personalNumberMasked: String
    public var question: String
    public var consent: String
    public var answeredOn: Day?
    public var answeredBy: String?
    public var declineReason: String?
    public var planId: Int64?

    public init(row: Row) throws {
        id = row["id"]
        status = row["status"]
        receivedOn = row["receivedOn"]
        toAgency = row["toAgency"]
        fromAgency = row["fromAgency"]
        askerName = row["askerName"]
        askerFunction = row["askerFunction"]
        childName = row["childName"]
        personalNumberMasked = (row["personalNumber"] as String?).map { PersonalNumber(trusted: $0).masked } ?? "–"
        question = row["question"]
        consent = row["consent"]
        answeredOn = row["answeredOn"]
        answeredBy = row["answeredBy"]
        declineReason = row["declineReason"]
        planId = row["planId"]
    }
}

extension Access {
    /// SQL condition on a request aliased `r`: the requests in this user's `scope`. The inbox is a
    /// coordinator's: their organisation's requests (every request for a coordinator of every
    /// plan); their own are the ones they registered, whatever their role.
    func requestCondition(
        _ scope: RequestScope, _ arguments: inout [String: (any DatabaseValueConvertible)?]
    ) -> String {
        switch scope {
        case .mine:
            arguments["requestLogin"] = login
            return "r.registeredBy = :requestLogin"
        case .inbox:
            guard let user, user.role == .coordinator else { return "0" }
            if user.allPlans { return "1" }
            guard let agency = user.agencyId else { return "0" }
            arguments["requestAgency"] = agency
            return "r.toAgencyId = :requestAgency"
        }
    }
}

extension Store {
    /// Registers a request for a SIP to an organisation. Reads no child record: the number is only
    /// checked as a number, so the answer is the same whether or not the child has plans.
    @discardableResult
    public func addRequest(_ new: NewRequest, fromAgencyId: Int64? = nil) throws -> PlanRequest {
        let childName = try TextRules.required(new.childName, for: .name)
        let numberText = try TextRules.required(new.personalNumber, for: .personalNumber)
        let number: PersonalNumber
        switch PersonalNumber.parse(numberText, today: context.today) {
        case .success(let parsed): number = parsed
        case .failure(let problem): throw SIPError.invalidPersonalNumber(problem)
        }
        let question = try TextRules.required(new.question, for: .questions)
        let consent = try TextRules.validated(new.consent, for: .information)
        let function = try TextRules.validated(new.askerFunction, for: .role)
        let typedAsker = try TextRules.validated(new.askerName, for: .person)
        let received = new.receivedOn ?? context.today
        if received > context.today { throw SIPError.invalidDate(received.iso) }
        return try write { db in
            let user = try self.currentAccess(db)?.user
            // A signed-in user asks for their own organisation; the library used directly names one.
            guard let from = user?.agencyId ?? (self.access == nil ? fromAgencyId : nil) else {
                throw SIPError.requestNeedsOrganisation
            }
            // A retired organisation is offered to no one, and takes no request.
            guard let to = try Agency.fetchOne(db, key: new.toAgencyId), to.retiredOn == nil else {
                throw SIPError.notFound(.agency, new.toAgencyId)
            }
            let asker = typedAsker.isEmpty ? (user?.name ?? self.context.user) : typedAsker
            var request = PlanRequest(
                toAgencyId: to.id!, fromAgencyId: from, registeredBy: self.context.user, askerName: asker,
                askerFunction: function, childName: childName, personalNumber: number.digits, question: question,
                consent: consent, receivedOn: received, registeredAt: self.context.now(), busGroupId: to.busGroupId)
            try request.insert(db)
            // The detail names organisations, never the child.
            try self.audit(db, .registerRequest(request.id!), detail: "from agency \(from) to agency \(to.id!)")
            return request
        }
    }

    /// The requests in `scope`, newest first; unanswered ones first in the inbox.
    public func requests(_ scope: RequestScope, status: RequestStatus? = nil) throws -> [RequestSummary] {
        try read { db in try self.requests(db, scope, status: status) }
    }

    func requests(
        _ db: Database, _ scope: RequestScope, status: RequestStatus? = nil, id: Int64? = nil
    ) throws -> [RequestSummary] {
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        let condition: String
        if let access = try currentAccess(db) {
            condition = access.requestCondition(scope, &arguments)
        } else {
            // The library used directly: every request, or those registered under this session's login.
            arguments["requestLogin"] = context.user
            condition = scope == .inbox ? "1" : "r.registeredBy = :requestLogin"
        }
        var filters = [condition]
        if let status {
            arguments["requestStatus"] = status.rawValue
            filters.append("r.status = :requestStatus")
        }
        if let id {
            arguments["requestId"] = id
            filters.append("r.id = :requestId")
        }
        return try RequestSummary.fetchAll(
            db,
            sql: """
                SELECT r.*, ta.name AS toAgency, fa.name AS fromAgency FROM planRequest r
                JOIN agency ta ON ta.id = r.toAgencyId JOIN agency fa ON fa.id = r.fromAgencyId
                WHERE \(filters.joined(separator: " AND "))
                ORDER BY r.status = 'new' DESC, r.receivedOn DESC, r.id DESC
                """, arguments: StatementArguments(arguments))
    }

    /// One request, for its asked organisation's coordinators and the one who registered it; to
    /// anyone else it does not exist (the same words as a number no request has).
    public func request(_ id: Int64) throws -> RequestSummary {
        try read { db in
            for scope in RequestScope.allCases {
                if let found = try self.requests(db, scope, id: id).first { return found }
            }
            throw SIPError.notFound(.request, id)
        }
    }

    /// A request in the user's inbox as stored, its full number included (what accepting starts
    /// from); to anyone else it does not exist.
    public func requestInInbox(_ id: Int64) throws -> PlanRequest {
        try read { db in
            guard try !self.requests(db, .inbox, id: id).isEmpty, let request = try PlanRequest.fetchOne(db, key: id)
            else { throw SIPError.notFound(.request, id) }
            return request
        }
    }

    /// Accepts a request: it becomes a draft plan this coordinator coordinates, filled in from the
    /// request (the asking organisation as initiator, its question as the plan's), in the same
    /// transaction that marks the request answered. A child the user may not see is refused as a
    /// new plan for them would be, neutrally, and nothing is written.
    @discardableResult
    public func acceptRequest(_ id: Int64, _ acceptance: RequestAcceptance = .init()) throws -> Plan {
        let stored = try read { db in try self.answerable(db, id) }
        let child = try validatedChild(
            name: acceptance.childName ?? stored.childName,
            personalNumber: acceptance.personalNumber ?? stored.personalNumber, birthDate: nil, sex: acceptance.sex)
        guard let group = acceptance.busGroupId ?? stored.busGroupId else { throw SIPError.required(field: .groupName) }
        let initiator = [stored.askerName, stored.askerFunction].filter { !$0.isEmpty }.joined(separator: ", ")
        let draft = try draftPlan(
            NewPlan(
                childId: 0, busGroupId: group, initiatorKind: .agency, initiatorAgencyId: stored.fromAgencyId,
                initiatorPerson: String(initiator.prefix(Field.initiatorPerson.maxLength)),
                requestDate: acceptance.requestDate ?? stored.receivedOn, reason: acceptance.reason,
                questions: acceptance.questions ?? stored.question))
        return try write { db in
            var request = try self.answerable(db, id)
            // Authorised before the plan exists: a coordinator of another organisation creates nothing.
            try self.refusing(db, .acceptRequest(id), detail: "") { try self.authorize(db, .acceptRequest(id)) }
            let plan = try self.insert(plan: draft, for: child, newGroupName: nil, db)
            request.status = .accepted
            request.answeredOn = self.context.today
            request.answeredBy = self.context.user
            request.planId = plan.id
            request.busGroupId = plan.busGroupId
            try request.update(db)
            try self.audit(db, .acceptRequest(id), detail: "plan \(plan.id!)")
            return plan
        }
    }

    /// Declines a request with the reason the requester will read.
    public func declineRequest(_ id: Int64, reason: String) throws {
        let reason = try TextRules.required(reason, for: .reason)
        try write { db in
            var request = try self.answerable(db, id)
            request.status = .declined
            request.answeredOn = self.context.today
            request.answeredBy = self.context.user
            request.declineReason = reason
            try request.update(db)
            try self.audit(db, .declineRequest(id))
        }
    }

    /// A request not yet answered; answered, it says so; missing, it is not found.
    private func answerable(_ db: Database, _ id: Int64) throws -> PlanRequest {
        guard let request = try PlanRequest.fetchOne(db, key: id) else { throw SIPError.notFound(.request, id) }
        guard request.status == .new else { throw SIPError.requestAnswered(id) }
        return request
    }

    /// Whether the signed-in user may answer request `id`: a coordinator of the organisation asked
    /// (or of every plan). Anyone else is refused as not permitted.
    func requireAnswerable(_ db: Database, _ access: Access, requestId: Int64) throws {
        try access.require(.plans)
        guard let user = access.user, !user.allPlans else { return }
        let to = try Int64.fetchOne(db, sql: "SELECT toAgencyId FROM planRequest WHERE id = ?", arguments: [requestId])
        if let to, to != user.agencyId { throw SIPError.notPermitted(user.role) }
    }
}
