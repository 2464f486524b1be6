import SIPModel
import SIPWidgets

/// A request for a SIP (begäran) to another organisation: who asks, the child, the question and the
/// consent as far as it exists. Saved in the name of the user's own organisation.
public struct RequestForm: RecordForm {
    public enum Key: String, Sendable {
        case toAgencyId, askerName, askerFunction, childName, personalNumber, question, consent
    }

    public init() {}

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let own = store.access?.user?.agencyId
        let agencies = try agencyChoices(try store.offeredAgencies().filter { $0.id != own }, session)
        return FormContent(
            title: c(.newRequestTitle),
            fields: [
                picker(.toAgencyId, c(.toAgency), agencies, selected: agencies.first?.id ?? ""),
                text(.askerName, c(.askerName), store.access?.user?.name ?? ""),
                text(.askerFunction, c(.askerFunction)),
                text(.childName, c.ui(.childName)),
                text(.personalNumber, c.ui(.childNumber)),
                text(.question, c.field(.questions), multiline: true),
                text(.consent, c(.consentSoFar), multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let to = input.id(.toAgencyId) else { throw input.refuse(.toAgencyId, input.catalog.ui(.fieldRequired)) }
        try session.store.addRequest(
            NewRequest(
                toAgencyId: to, askerName: input[.askerName], askerFunction: input[.askerFunction],
                childName: input[.childName], personalNumber: input[.personalNumber], question: input[.question],
                consent: input[.consent]))
        return .saved(input.catalog(.requestRegistered))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .notFound(.agency, _): .toAgencyId
        default:
            switch error.field {
            case .name?: .childName
            case .personalNumber?: .personalNumber
            case .questions?: .question
            case .information?: .consent
            case .person?: .askerName
            case .role?: .askerFunction
            default: nil
            }
        }
    }
}

/// A request accepted: the new plan's details, filled in from the request, for the coordinator to
/// check and complete (the child's sex, the BUS group); saving creates the plan and opens it.
public struct AcceptRequestForm: RecordForm {
    public enum Key: String, Sendable {
        case childName, personalNumber, sex, busGroupId, requestDate, reason, questions
    }

    public let requestId: Int64
    public init(requestId: Int64) { self.requestId = requestId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let request = try store.requestInInbox(requestId)
        guard request.status == .new else { throw SIPError.requestAnswered(requestId) }
        let number = request.personalNumber.map { PersonalNumber(trusted: $0).formatted }
        let groups = try store.offeredBusGroups()
        let group = request.busGroupId ?? groups.first?.id
        let consent = request.consent.isEmpty ? "" : "\(c(.consentFromRequest)): \(request.consent)"
        return FormContent(
            title: c(.acceptTitle) + " – \(c.entityName(.request)) \(requestId)",
            fields: [
                text(.childName, c.ui(.childName), request.childName),
                text(.personalNumber, c.ui(.childNumber), number ?? ""),
                choice(
                    .sex, c.ui(.sex), Sex.allCases.map { .init(id: $0.rawValue, label: c.sex($0)) },
                    selected: Sex.unknown.rawValue),
                picker(
                    .busGroupId, c.ui(.busGroup), groups.map { .init(id: String($0.id!), label: $0.name) },
                    selected: group.map(String.init) ?? ""),
                text(.requestDate, c.ui(.requestDate), request.receivedOn.iso),
                text(.reason, c.field(.reason), consent, multiline: true),
                text(.questions, c.field(.questions), request.question, multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let requestDate = try input.day(.requestDate, required: false)
        let plan = try session.store.acceptRequest(
            requestId,
            RequestAcceptance(
                busGroupId: input.id(.busGroupId), sex: Sex(rawValue: input[.sex]) ?? .unknown,
                childName: input[.childName], personalNumber: input[.personalNumber], requestDate: requestDate,
                reason: input[.reason], questions: input[.questions]))
        return .created(planId: plan.id!)
    }

    public func key(for error: SIPError) -> Key? {
        switch error.field {
        case .name?: .childName
        case .groupName?: .busGroupId
        case let field?: Key(rawValue: field.rawValue)
        case nil: nil
        }
    }
}

/// A request declined, with the reason the requester reads.
public struct DeclineRequestForm: RecordForm {
    public enum Key: String, Sendable { case reason }

    public let requestId: Int64
    public init(requestId: Int64) { self.requestId = requestId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c(.declineTitle) + " – \(c.entityName(.request)) \(requestId)",
            fields: [text(.reason, c(.declineReason), multiline: true)])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.declineRequest(requestId, reason: input[.reason])
        return .saved(input.catalog(.requestDeclined))
    }
}
