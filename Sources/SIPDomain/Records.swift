import Foundation

/// A local BUS group (lokal BUS-grupp).
public struct BusGroup: Codable, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    /// The municipality or district the group serves ("Norrviks kommun", "Söder").
    public var area: String
    /// The group's chair, by name.
    public var chair: String
    /// A retired group keeps its history and is offered to no one.
    public var retiredOn: Day?
    public init(id: Int64? = nil, name: String, area: String = "", chair: String = "", retiredOn: Day? = nil) {
        self.id = id
        self.name = name
        self.area = area
        self.chair = chair
        self.retiredOn = retiredOn
    }
}

/// A kind of organisation (verksamhetstyp), reference data from `data/agency-kinds.tsv`.
public struct AgencyKind: Codable, Equatable, Sendable {
    public var code: String
    public var nameSv: String
    public var nameEn: String
    public var defaultPrincipal: PrincipalType

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(code: String, nameSv: String, nameEn: String, defaultPrincipal: PrincipalType) {
        self.code = code
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.defaultPrincipal = defaultPrincipal
    }
}

/// A kind of BUS deviation (avvikelsetyp), reference data from `data/deviation-kinds.tsv`.
public struct DeviationKind: Codable, Equatable, Sendable {
    public var code: String
    public var nameSv: String
    public var nameEn: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(code: String, nameSv: String, nameEn: String) {
        self.code = code
        self.nameSv = nameSv
        self.nameEn = nameEn
    }
}

/// One part of the mötescirkel agenda template, from `data/agenda.tsv`.
public struct AgendaTemplateItem: Codable, Equatable, Sendable {
    public var position: Int
    public var code: String
    public var titleSv: String
    public var titleEn: String
    public var guidanceSv: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(position: Int, code: String, titleSv: String, titleEn: String, guidanceSv: String) {
        self.position = position
        self.code = code
        self.titleSv = titleSv
        self.titleEn = titleEn
        self.guidanceSv = guidanceSv
    }
}

/// An organisation at the table (verksamhet): a school, social services, BUP...
public struct Agency: Codable, Equatable, Sendable {
    public var id: Int64?
    public var kind: String
    public var principalType: PrincipalType
    /// The huvudman by name: "Norrviks kommun", "Region Storstad", "Friskolan Ekdalen AB".
    public var principalName: String
    public var name: String
    /// The one BUS group the organisation serves, when it serves exactly one; nil when it serves
    /// several or every group. Kept by the database from `agencyGroup`, which holds all of them.
    public var busGroupId: Int64?
    /// A retired organisation keeps its history and is offered to no one.
    public var retiredOn: Day?

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, kind: String, principalType: PrincipalType, principalName: String, name: String,
        busGroupId: Int64? = nil, retiredOn: Day? = nil
    ) {
        self.id = id
        self.kind = kind
        self.principalType = principalType
        self.principalName = principalName
        self.name = name
        self.busGroupId = busGroupId
        self.retiredOn = retiredOn
    }
}

/// A named contact person at an agency.
public struct ContactPerson: Codable, Equatable, Sendable {
    public var id: Int64?
    public var agencyId: Int64
    public var name: String
    public var role: String
    public var phone: String
    public var email: String
    /// Who stands in for them: another contact person of the same organisation.
    public var deputyId: Int64?
    public var retiredOn: Day?

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, agencyId: Int64, name: String, role: String, phone: String, email: String,
        deputyId: Int64? = nil, retiredOn: Day? = nil
    ) {
        self.id = id
        self.agencyId = agencyId
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.deputyId = deputyId
        self.retiredOn = retiredOn
    }
}

/// The child the plan is for.
public struct Child: Codable, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    /// 12 digits, or nil when the child has no number (then `birthDate` is entered by hand).
    public var personalNumber: String?
    public var birthDate: Day
    public var sex: Sex

    public var number: PersonalNumber? { personalNumber.map(PersonalNumber.init(trusted:)) }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(id: Int64? = nil, name: String, personalNumber: String? = nil, birthDate: Day, sex: Sex) {
        self.id = id
        self.name = name
        self.personalNumber = personalNumber
        self.birthDate = birthDate
        self.sex = sex
    }
}

/// A guardian (vårdnadshavare) or another relative (närstående) of a child.
public struct FamilyMember: Codable, Equatable, Sendable {
    public var id: Int64?
    public var childId: Int64
    public var role: FamilyRole
    public var name: String
    public var relation: String
    public var phone: String
    public var email: String
    public var address: String
    /// Invited to the SIP meeting (relatives take part only if the family wishes).
    public var invited: Bool

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, childId: Int64, role: FamilyRole, name: String, relation: String, phone: String,
        email: String, address: String, invited: Bool
    ) {
        self.id = id
        self.childId = childId
        self.role = role
        self.name = name
        self.relation = relation
        self.phone = phone
        self.email = email
        self.address = address
        self.invited = invited
    }
}

/// A coordinated individual plan (SIP): the core record, versioned against lost updates.
public struct Plan: Codable, Equatable, Sendable {
    public var id: Int64?
    public var childId: Int64
    public var busGroupId: Int64
    public var initiatorKind: InitiatorKind
    public var initiatorAgencyId: Int64?
    public var initiatorPerson: String
    public var requestDate: Day
    /// Why a SIP is needed.
    public var reason: String
    /// frågeställning: the question(s) the meeting is to answer.
    public var questions: String
    public var currentSituation: String
    /// The child's own view, in the child's words where possible.
    public var childView: String
    public var childGoals: String
    public var longTermGoals: String
    public var shortTermGoals: String
    /// What the child and family do themselves.
    public var familyOwnActions: String
    /// huvudansvar: the organisation (and so the huvudman) with overall responsibility.
    public var leadAgencyId: Int64?
    /// huvudansvarig: the person with overall responsibility, written for someone outside the
    /// register; empty when `leadLogin` or `leadContactId` names them (see `lead`).
    public var leadPerson: String
    /// huvudansvarig as a user of this database.
    public var leadLogin: String? = nil
    /// huvudansvarig as a contact person of the register.
    public var leadContactId: Int64? = nil
    /// SIP-samordnare: the user who coordinates the plan (a reference to the users); nil only for a
    /// plan from before v15 whose free-text coordinator matched no user (`outsideCoordinator`).
    public var coordinatorLogin: String? = nil
    /// A coordinator outside the register, as written before coordinators were users; empty
    /// whenever `coordinatorLogin` is set. Written only by the migration and the hand-over.
    public var outsideCoordinator: String
    public var status: PlanStatus
    public var closedReason: String?
    public var closedKind: ClosedKind? = nil
    public var followUpDate: Day?
    /// Who calls the follow-up meeting.
    public var followUpCaller: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    /// The fields a plan form edits, in its order (from `PlanField.all`).
    public static let editableFields: [Field] = PlanField.all.filter(\.isEditable).map(\.field)

    /// The value of a plan field as a form shows it; "" for a field that is not the plan's.
    public func text(of field: Field) -> String {
        if let spec = PlanField.named(field) { return spec.text(of: self) }
        return field == .status ? status.rawValue : ""
    }

    /// Sets a plan field from form text, validating it. Dates must exist.
    public mutating func set(_ field: Field, to raw: String) throws {
        guard let spec = PlanField.named(field) else { throw SIPError.invalidValue(field: field, value: raw) }
        try spec.set(raw, on: &self)
    }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, childId: Int64, busGroupId: Int64, initiatorKind: InitiatorKind,
        initiatorAgencyId: Int64? = nil, initiatorPerson: String, requestDate: Day, reason: String, questions: String,
        currentSituation: String, childView: String, childGoals: String, longTermGoals: String, shortTermGoals: String,
        familyOwnActions: String, leadAgencyId: Int64? = nil, leadPerson: String, leadLogin: String? = nil,
        leadContactId: Int64? = nil, coordinatorLogin: String? = nil, outsideCoordinator: String = "",
        status: PlanStatus, closedReason: String? = nil, closedKind: ClosedKind? = nil, followUpDate: Day? = nil,
        followUpCaller: String, version: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.childId = childId
        self.busGroupId = busGroupId
        self.initiatorKind = initiatorKind
        self.initiatorAgencyId = initiatorAgencyId
        self.initiatorPerson = initiatorPerson
        self.requestDate = requestDate
        self.reason = reason
        self.questions = questions
        self.currentSituation = currentSituation
        self.childView = childView
        self.childGoals = childGoals
        self.longTermGoals = longTermGoals
        self.shortTermGoals = shortTermGoals
        self.familyOwnActions = familyOwnActions
        self.leadAgencyId = leadAgencyId
        self.leadPerson = leadPerson
        self.leadLogin = leadLogin
        self.leadContactId = leadContactId
        self.coordinatorLogin = coordinatorLogin
        self.outsideCoordinator = outsideCoordinator
        self.status = status
        self.closedReason = closedReason
        self.closedKind = closedKind
        self.followUpDate = followUpDate
        self.followUpCaller = followUpCaller
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension Day {
    /// Parses user text as a date; empty is nil, anything else that is not a real date throws.
    public static func parseOptional(_ raw: String) throws -> Day? {
        let text = TextRules.clean(raw, multiline: false)
        if text.isEmpty { return nil }
        guard let day = Day(iso: text) else { throw SIPError.invalidDate(text) }
        return day
    }
}

/// One dated step in a plan's status history.
public struct PlanStatusChange: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var fromStatus: PlanStatus?
    public var toStatus: PlanStatus
    public var changedAt: Date
    public var changedBy: String
    public var note: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, fromStatus: PlanStatus? = nil, toStatus: PlanStatus, changedAt: Date,
        changedBy: String, note: String
    ) {
        self.id = id
        self.planId = planId
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.note = note
    }
}

/// Someone at the table: an agency's representative, or a family member (agencyId nil).
public struct Participant: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var agencyId: Int64?
    public var familyMemberId: Int64?
    public var person: String
    /// Role in the meeting: mötesledare, sekreterare, vårdnadshavare, kurator...
    public var role: String
    public var invitationKind: InvitationKind
    public var answer: InvitationAnswer = .noAnswer

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, agencyId: Int64? = nil, familyMemberId: Int64? = nil, person: String,
        role: String, invitationKind: InvitationKind, answer: InvitationAnswer = .noAnswer
    ) {
        self.id = id
        self.planId = planId
        self.agencyId = agencyId
        self.familyMemberId = familyMemberId
        self.person = person
        self.role = role
        self.invitationKind = invitationKind
        self.answer = answer
    }
}

/// Who received a copy of the plan, and when (the family keeps the original).
public struct PlanCopy: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var recipient: String
    public var givenOn: Day

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(id: Int64? = nil, planId: Int64, recipient: String, givenOn: Day) {
        self.id = id
        self.planId = planId
        self.recipient = recipient
        self.givenOn = givenOn
    }
}

/// samtycke: given by one guardian or by the child, for named agencies and information, for a time.
public struct Consent: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    /// The guardian who consented; nil when the child did.
    public var givenByMemberId: Int64?
    public var givenByChild: Bool
    /// Which information may be shared (and, where said, what may not).
    public var information: String
    public var form: ConsentForm
    public var validFrom: Day
    public var validTo: Day?
    public var withdrawnOn: Day?
    public var recordedAt: Date
    public var recordedBy: String

    /// In force on `day`: started, not expired, not withdrawn.
    public func isValid(on day: Day) -> Bool {
        validFrom <= day && (validTo.map { day <= $0 } ?? true) && (withdrawnOn.map { day < $0 } ?? true)
    }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, givenByMemberId: Int64? = nil, givenByChild: Bool, information: String,
        form: ConsentForm, validFrom: Day, validTo: Day? = nil, withdrawnOn: Day? = nil, recordedAt: Date,
        recordedBy: String
    ) {
        self.id = id
        self.planId = planId
        self.givenByMemberId = givenByMemberId
        self.givenByChild = givenByChild
        self.information = information
        self.form = form
        self.validFrom = validFrom
        self.validTo = validTo
        self.withdrawnOn = withdrawnOn
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// An agency a consent covers.
public struct ConsentAgency: Codable, Equatable, Sendable {
    public var consentId: Int64
    public var agencyId: Int64

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(consentId: Int64, agencyId: Int64) {
        self.consentId = consentId
        self.agencyId = agencyId
    }
}

/// A SIP meeting, first or follow-up.
public struct Meeting: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var kind: MeetingKind
    public var startsAt: Date
    public var durationMinutes: Int
    public var place: String
    public var videoLink: String
    public var minutes: String
    public var held: Bool
    /// When the meeting was called off (inställt); a cancelled meeting is neither ahead nor held.
    public var cancelledAt: Date?

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, kind: MeetingKind, startsAt: Date, durationMinutes: Int, place: String,
        videoLink: String, minutes: String, held: Bool, cancelledAt: Date? = nil
    ) {
        self.id = id
        self.planId = planId
        self.kind = kind
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.place = place
        self.videoLink = videoLink
        self.minutes = minutes
        self.held = held
        self.cancelledAt = cancelledAt
    }

    /// Neither held nor called off: a meeting still to come.
    public var isAhead: Bool { !held && cancelledAt == nil }
}

/// One agenda point of a meeting, with its notes.
public struct AgendaItem: Codable, Equatable, Sendable {
    public var id: Int64?
    public var meetingId: Int64
    public var position: Int
    public var title: String
    public var notes: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(id: Int64? = nil, meetingId: Int64, position: Int, title: String, notes: String) {
        self.id = id
        self.meetingId = meetingId
        self.position = position
        self.title = title
        self.notes = notes
    }
}

/// Whether one participant came to one meeting.
public struct Attendance: Codable, Equatable, Sendable {
    public var meetingId: Int64
    public var participantId: Int64
    public var status: AttendanceStatus

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(meetingId: Int64, participantId: Int64, status: AttendanceStatus) {
        self.meetingId = meetingId
        self.participantId = participantId
        self.status = status
    }
}

/// insats: what is done, by which agency and person, how often, from when until when.
public struct Intervention: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var what: String
    public var agencyId: Int64
    /// Who is responsible, written for someone outside the register; empty when `personLogin` or
    /// `personContactId` names them (see `responsible`).
    public var person: String
    /// The responsible person as a user of this database.
    public var personLogin: String? = nil
    /// The responsible person as a contact person of the register.
    public var personContactId: Int64? = nil
    public var frequency: String
    public var startDate: Day
    public var dueDate: Day
    public var status: InterventionStatus
    public var comment: String

    public func isOverdue(on day: Day) -> Bool { status.isPending && dueDate < day }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, what: String, agencyId: Int64, person: String, personLogin: String? = nil,
        personContactId: Int64? = nil, frequency: String, startDate: Day, dueDate: Day, status: InterventionStatus,
        comment: String
    ) {
        self.id = id
        self.planId = planId
        self.what = what
        self.agencyId = agencyId
        self.person = person
        self.personLogin = personLogin
        self.personContactId = personContactId
        self.frequency = frequency
        self.startDate = startDate
        self.dueDate = dueDate
        self.status = status
        self.comment = comment
    }
}

/// BUS-avvikelse: a report that collaboration failed, from one agency about another.
public struct Deviation: Codable, Equatable, Sendable {
    public var id: Int64?
    public var reportingAgencyId: Int64
    public var concernedAgencyId: Int64
    public var planId: Int64?
    public var occurredOn: Day
    public var kind: String
    /// De-identified: what happened, never the child's name or number.
    public var description: String
    public var localAction: String
    public var status: DeviationStatus
    public var response: String?
    public var responseDate: Day?
    public var responseDue: Day
    public var createdAt: Date
    public var escalation: Escalation = .local

    public func isOverdue(on day: Day) -> Bool {
        (status == .registered || status == .sent) && responseDue < day
    }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, reportingAgencyId: Int64, concernedAgencyId: Int64, planId: Int64? = nil, occurredOn: Day,
        kind: String, description: String, localAction: String, status: DeviationStatus, response: String? = nil,
        responseDate: Day? = nil, responseDue: Day, createdAt: Date, escalation: Escalation = .local
    ) {
        self.id = id
        self.reportingAgencyId = reportingAgencyId
        self.concernedAgencyId = concernedAgencyId
        self.planId = planId
        self.occurredOn = occurredOn
        self.kind = kind
        self.description = description
        self.localAction = localAction
        self.status = status
        self.response = response
        self.responseDate = responseDate
        self.responseDue = responseDue
        self.createdAt = createdAt
        self.escalation = escalation
    }
}

/// One line of the append-only audit log (the database rejects UPDATE and DELETE on it).
public struct AuditEntry: Codable, Equatable, Sendable {
    public var id: Int64?
    public var at: Date
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: String
    public var detail: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, at: Date, user: String, entity: String, entityId: Int64? = nil, action: String, detail: String
    ) {
        self.id = id
        self.at = at
        self.user = user
        self.entity = entity
        self.entityId = entityId
        self.action = action
        self.detail = detail
    }
}

/// One dated change to a deviation: its history, kept for the BUS group.
public struct DeviationChange: Codable, Equatable, Sendable {
    public var id: Int64?
    public var deviationId: Int64
    public var changedAt: Date
    public var changedBy: String
    /// "registered", "status sent", "escalation bus_group", "answer"...
    public var what: String
    public var note: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(id: Int64? = nil, deviationId: Int64, changedAt: Date, changedBy: String, what: String, note: String) {
        self.id = id
        self.deviationId = deviationId
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.what = what
        self.note = note
    }
}

// The records' columns, typed: a misspelt column is a compile error, not a failing query.
extension BusGroup {
    public enum Columns: String, Sendable {
        case id, name, area, chair, retiredOn
    }
}

extension AgencyKind {
    public enum Columns: String, Sendable {
        case code, nameSv, nameEn, defaultPrincipal
    }
}

extension DeviationKind {
    public enum Columns: String, Sendable {
        case code, nameSv, nameEn
    }
}

extension AgendaTemplateItem {
    public enum Columns: String, Sendable {
        case position, code, titleSv, titleEn, guidanceSv
    }
}

extension Agency {
    public enum Columns: String, Sendable {
        case id, kind, principalType, principalName, name, busGroupId, retiredOn
    }
}

extension ContactPerson {
    public enum Columns: String, Sendable {
        case id, agencyId, name, role, phone, email, deputyId, retiredOn
    }
}

extension Child {
    public enum Columns: String, Sendable {
        case id, name, personalNumber, birthDate, sex, number
    }
}

extension FamilyMember {
    public enum Columns: String, Sendable {
        case id, childId, role, name, relation, phone, email, address, invited
    }
}

extension PlanStatusChange {
    public enum Columns: String, Sendable {
        case id, planId, fromStatus, toStatus, changedAt, changedBy, note
    }
}

extension Participant {
    public enum Columns: String, Sendable {
        case id, planId, agencyId, familyMemberId, person, role, invitationKind, answer
    }
}

extension PlanCopy {
    public enum Columns: String, Sendable {
        case id, planId, recipient, givenOn
    }
}

extension Consent {
    public enum Columns: String, Sendable {
        case id, planId, givenByMemberId, givenByChild, information, form, validFrom, validTo, withdrawnOn, recordedAt,
            recordedBy
    }
}

extension ConsentAgency {
    public enum Columns: String, Sendable {
        case consentId, agencyId
    }
}

extension Meeting {
    public enum Columns: String, Sendable {
        case id, planId, kind, startsAt, durationMinutes, place, videoLink, minutes, held, cancelledAt
    }
}

extension AgendaItem {
    public enum Columns: String, Sendable {
        case id, meetingId, position, title, notes
    }
}

extension Attendance {
    public enum Columns: String, Sendable {
        case meetingId, participantId, status
    }
}

extension Intervention {
    public enum Columns: String, Sendable {
        case id, planId, what, agencyId, person, personLogin, personContactId, frequency, startDate, dueDate, status
        case comment
    }
}

extension Deviation {
    public enum Columns: String, Sendable {
        case id, reportingAgencyId, concernedAgencyId, planId, occurredOn, kind, description, localAction, status,
            response, responseDate, responseDue, createdAt, escalation
    }
}

extension DeviationChange {
    public enum Columns: String, Sendable {
        case id, deviationId, changedAt, changedBy, what, note
    }
}

extension AuditEntry {
    public enum Columns: String, Sendable {
        case id, at, user, entity, entityId, action, detail
    }
}
