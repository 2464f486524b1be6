import Foundation

/// A whole plan with everything it refers to, resolved to names: what `plan show --json` prints
/// and what the plan document is rendered from. Shape documented in docs/json.md.
public struct PlanDocument: Codable, Equatable, Sendable {
    public static let schemaName = "sip-tui/plan/1"

    public struct Core: Codable, Equatable, Sendable {
        public var id: Int64
        public var status: PlanStatus
        public var version: Int
        public var busGroup: String
        public var initiator: Initiator
        public var requestDate: Day
        // The plan's texts are filled from `PlanField.all` (its `document` key paths).
        public var reason = ""
        public var questions = ""
        public var currentSituation = ""
        public var childView = ""
        public var childGoals = ""
        public var longTermGoals = ""
        public var shortTermGoals = ""
        public var familyOwnActions = ""
        public var coordinator = ""
        public var followUpDate: Day?
        public var followUpCaller = ""
        public var closedReason: String?
        public var closedKind: ClosedKind?
        public var leadAgency: String?
        public var leadPerson = ""
        public var overdue: Bool
        /// A discharge plan (utskrivning, lag 2017:612): when the notice came and when the first meeting is due.
        public var kind: PlanKind = .standard
        public var notifiedOn: Day? = nil
        public var firstMeetingDue: Day? = nil
        /// Past the first-meeting deadline with no meeting held (the overdue rule's discharge clause).
        public var dischargeLate = false
        public var createdAt: String
        public var updatedAt: String

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, status: PlanStatus, version: Int, busGroup: String, initiator: Initiator, requestDate: Day,
            followUpDate: Day? = nil, closedReason: String? = nil, closedKind: ClosedKind? = nil,
            leadAgency: String? = nil, overdue: Bool, createdAt: String, updatedAt: String
        ) {
            self.id = id
            self.status = status
            self.version = version
            self.busGroup = busGroup
            self.initiator = initiator
            self.requestDate = requestDate
            self.followUpDate = followUpDate
            self.closedReason = closedReason
            self.closedKind = closedKind
            self.leadAgency = leadAgency
            self.overdue = overdue
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }
    }

    public struct Initiator: Codable, Equatable, Sendable {
        public var kind: InitiatorKind
        public var agency: String?
        public var person = ""

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(kind: InitiatorKind, agency: String? = nil) {
            self.kind = kind
            self.agency = agency
        }
    }

    public struct ChildInfo: Codable, Equatable, Sendable {
        public var name: String
        public var personalNumber: PersonalNumber?
        public var isCoordinationNumber: Bool
        public var birthDate: Day
        public var sex: Sex

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            name: String, personalNumber: PersonalNumber? = nil, isCoordinationNumber: Bool, birthDate: Day, sex: Sex
        ) {
            self.name = name
            self.personalNumber = personalNumber
            self.isCoordinationNumber = isCoordinationNumber
            self.birthDate = birthDate
            self.sex = sex
        }
    }

    public struct Person: Codable, Equatable, Sendable {
        public var id: Int64
        public var name: String
        public var relation: String
        public var phone: String
        public var email: String
        /// Empty when the person or the child has protected identity (skyddade personuppgifter).
        public var address: String
        public var invited: Bool
        /// Skyddade personuppgifter: the address is never shown, in no screen, document or export.
        public var protectedIdentity = false
        /// The person's language, and the language an interpreter is needed in ("" when none is).
        public var language = ""
        public var interpreterLanguage = ""

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, name: String, relation: String, phone: String, email: String, address: String, invited: Bool,
            protectedIdentity: Bool = false
        ) {
            self.protectedIdentity = protectedIdentity
            self.id = id
            self.name = name
            self.relation = relation
            self.phone = phone
            self.email = email
            self.address = address
            self.invited = invited
        }
    }

    public struct ConsentInfo: Codable, Equatable, Sendable {
        public var id: Int64
        /// The guardian's name, or nil when the child consented.
        public var givenBy: String?
        public var givenByChild: Bool
        public var information: String
        public var form: ConsentForm
        public var agencies: [String]
        public var validFrom: Day
        public var validTo: Day?
        public var withdrawnOn: Day?
        public var validToday: Bool

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, givenBy: String? = nil, givenByChild: Bool, information: String, form: ConsentForm,
            agencies: [String], validFrom: Day, validTo: Day? = nil, withdrawnOn: Day? = nil, validToday: Bool
        ) {
            self.id = id
            self.givenBy = givenBy
            self.givenByChild = givenByChild
            self.information = information
            self.form = form
            self.agencies = agencies
            self.validFrom = validFrom
            self.validTo = validTo
            self.withdrawnOn = withdrawnOn
            self.validToday = validToday
        }
    }

    public struct ParticipantInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var person: String
        public var role: String
        public var agency: String?
        public var principal: String?
        public var invitationKind: InvitationKind
        public var answer: InvitationAnswer

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, person: String, role: String, agency: String? = nil, principal: String? = nil,
            invitationKind: InvitationKind, answer: InvitationAnswer
        ) {
            self.id = id
            self.person = person
            self.role = role
            self.agency = agency
            self.principal = principal
            self.invitationKind = invitationKind
            self.answer = answer
        }
    }

    /// A contact person at an organisation taking part.
    public struct ContactInfo: Codable, Equatable, Sendable {
        public var agency: String
        public var name: String
        public var role: String
        public var phone: String
        public var email: String

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(agency: String, name: String, role: String, phone: String, email: String) {
            self.agency = agency
            self.name = name
            self.role = role
            self.phone = phone
            self.email = email
        }
    }

    public struct CopyInfo: Codable, Equatable, Sendable {
        public var recipient: String
        public var givenOn: Day

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(recipient: String, givenOn: Day) {
            self.recipient = recipient
            self.givenOn = givenOn
        }
    }

    public struct MeetingInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var kind: MeetingKind
        /// Local time in Europe/Stockholm with its UTC offset (ISO 8601).
        public var startsAt: String
        public var durationMinutes: Int
        public var place: String
        public var videoLink: String
        public var held: Bool
        /// Called off (inställt): kept in the plan's history, never the next meeting.
        public var cancelled = false
        /// Neither held nor called off: a meeting still to come.
        public var isAhead: Bool { !held && !cancelled }
        public var minutes: String
        public var agenda: [AgendaEntry]
        public var attendance: [AttendanceEntry]
        /// How the child took part; nil when nothing was recorded.
        public var childParticipation: ChildParticipation? = nil
        /// The interpreter booked, in words; and the languages needed with none booked (the flag).
        public var interpreterBooked = ""
        public var interpreterMissing: [String] = []

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, kind: MeetingKind, startsAt: String, durationMinutes: Int, place: String, videoLink: String,
            held: Bool, minutes: String, agenda: [AgendaEntry], attendance: [AttendanceEntry]
        ) {
            self.id = id
            self.kind = kind
            self.startsAt = startsAt
            self.durationMinutes = durationMinutes
            self.place = place
            self.videoLink = videoLink
            self.held = held
            self.minutes = minutes
            self.agenda = agenda
            self.attendance = attendance
        }
    }

    public struct AgendaEntry: Codable, Equatable, Sendable {
        public var title: String
        public var notes: String

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(title: String, notes: String) {
            self.title = title
            self.notes = notes
        }
    }

    public struct AttendanceEntry: Codable, Equatable, Sendable {
        public var participantId: Int64
        public var person: String
        public var status: AttendanceStatus

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(participantId: Int64, person: String, status: AttendanceStatus) {
            self.participantId = participantId
            self.person = person
            self.status = status
        }
    }

    public struct InterventionInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var what: String
        public var agency: String
        public var principal: String
        public var principalType: PrincipalType
        public var person: String
        public var frequency: String
        public var startDate: Day
        public var dueDate: Day
        public var status: InterventionStatus
        public var comment: String
        public var overdue: Bool

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, what: String, agency: String, principal: String, principalType: PrincipalType, person: String,
            frequency: String, startDate: Day, dueDate: Day, status: InterventionStatus, comment: String, overdue: Bool
        ) {
            self.id = id
            self.what = what
            self.agency = agency
            self.principal = principal
            self.principalType = principalType
            self.person = person
            self.frequency = frequency
            self.startDate = startDate
            self.dueDate = dueDate
            self.status = status
            self.comment = comment
            self.overdue = overdue
        }
    }

    public struct DeviationInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var occurredOn: Day
        public var kind: String
        public var reportingAgency: String
        public var concernedAgency: String
        public var status: DeviationStatus
        public var responseDue: Day

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            id: Int64, occurredOn: Day, kind: String, reportingAgency: String, concernedAgency: String,
            status: DeviationStatus, responseDue: Day
        ) {
            self.id = id
            self.occurredOn = occurredOn
            self.kind = kind
            self.reportingAgency = reportingAgency
            self.concernedAgency = concernedAgency
            self.status = status
            self.responseDue = responseDue
        }
    }

    public struct HistoryEntry: Codable, Equatable, Sendable {
        public var from: PlanStatus?
        public var to: PlanStatus
        public var at: String
        public var by: String
        public var note: String

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(from: PlanStatus? = nil, to: PlanStatus, at: String, by: String, note: String) {
            self.from = from
            self.to = to
            self.at = at
            self.by = by
            self.note = note
        }
    }

    /// The four points the law requires a SIP to show (SoL 2 kap 7 §, HSL 16 kap 4 §).
    public struct LegalPoints: Codable, Equatable, Sendable {
        /// 1. Which insatser are needed.
        public var needs: [String]
        /// 2. Which insatser each huvudman (municipality, region) is responsible for.
        public var interventionsByPrincipal: [PrincipalInterventions]
        /// 3. Measures taken by others than the municipality and the region.
        public var measuresByOthers: [PrincipalInterventions]
        /// 4. Which huvudman has overall responsibility.
        public var overallResponsibility: Responsibility?

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(
            needs: [String], interventionsByPrincipal: [PrincipalInterventions],
            measuresByOthers: [PrincipalInterventions], overallResponsibility: Responsibility? = nil
        ) {
            self.needs = needs
            self.interventionsByPrincipal = interventionsByPrincipal
            self.measuresByOthers = measuresByOthers
            self.overallResponsibility = overallResponsibility
        }
    }

    public struct PrincipalInterventions: Codable, Equatable, Sendable {
        public var principal: String
        public var principalType: PrincipalType
        public var interventionIds: [Int64]

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(principal: String, principalType: PrincipalType, interventionIds: [Int64]) {
            self.principal = principal
            self.principalType = principalType
            self.interventionIds = interventionIds
        }
    }

    public struct Responsibility: Codable, Equatable, Sendable {
        public var principal: String
        public var principalType: PrincipalType
        public var agency: String
        public var person: String

        /// Every stored value, in declaration order (the store builds records from its rows).
        package init(principal: String, principalType: PrincipalType, agency: String, person: String) {
            self.principal = principal
            self.principalType = principalType
            self.agency = agency
            self.person = person
        }
    }

    public var schema: String
    public var plan: Core
    public var child: ChildInfo
    public var guardians: [Person]
    public var relatives: [Person]
    public var consents: [ConsentInfo]
    public var consentValid: Bool
    /// A consent was withdrawn and the plan is open: marked on the plan and in every list.
    public var consentWithdrawn = false
    public var participants: [ParticipantInfo]
    /// Participants whose organisation no consent in force covers (invited outside every consent):
    /// they see nothing of the plan, and the kallelse carries no personal details while there are any.
    public var uncoveredParticipants: [Int64] = []
    public var contacts: [ContactInfo]
    public var copies: [CopyInfo]
    public var meetings: [MeetingInfo]
    public var interventions: [InterventionInfo]
    public var deviations: [DeviationInfo]
    public var history: [HistoryEntry]
    public var legal: LegalPoints
    /// The plan's goals, the child's own first, each with its assessments at the follow-ups.
    public var goals: [GoalInfo] = []
    /// Needs the meetings identified, with who took each on (nil: nobody has).
    public var needs: [NeedInfo] = []

    public struct GoalInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var kind: GoalKind
        public var text: String
        public var worksTowards: String
        public var interventionIds: [Int64]
        public var assessments: [AssessmentInfo]

        package init(
            id: Int64, kind: GoalKind, text: String, worksTowards: String, interventionIds: [Int64],
            assessments: [AssessmentInfo]
        ) {
            self.id = id
            self.kind = kind
            self.text = text
            self.worksTowards = worksTowards
            self.interventionIds = interventionIds
            self.assessments = assessments
        }
    }

    public struct AssessmentInfo: Codable, Equatable, Sendable {
        public var meetingId: Int64
        /// The meeting's day.
        public var on: Day
        public var by: AssessedBy
        public var outcome: GoalOutcome
        public var comment: String

        package init(meetingId: Int64, on: Day, by: AssessedBy, outcome: GoalOutcome, comment: String) {
            self.meetingId = meetingId
            self.on = on
            self.by = by
            self.outcome = outcome
            self.comment = comment
        }
    }

    public struct NeedInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var what: String
        /// The organisation that took it on; nil: nobody has.
        public var agency: String?
        public var recordedOn: Day

        package init(id: Int64, what: String, agency: String?, recordedOn: Day) {
            self.id = id
            self.what = what
            self.agency = agency
            self.recordedOn = recordedOn
        }
    }

    /// Needs no organisation has taken on.
    public var unassignedNeeds: [NeedInfo] { needs.filter { $0.agency == nil } }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        schema: String, plan: Core, child: ChildInfo, guardians: [Person], relatives: [Person], consents: [ConsentInfo],
        consentValid: Bool, participants: [ParticipantInfo], contacts: [ContactInfo], copies: [CopyInfo],
        meetings: [MeetingInfo], interventions: [InterventionInfo], deviations: [DeviationInfo],
        history: [HistoryEntry], legal: LegalPoints
    ) {
        self.schema = schema
        self.plan = plan
        self.child = child
        self.guardians = guardians
        self.relatives = relatives
        self.consents = consents
        self.consentValid = consentValid
        self.participants = participants
        self.contacts = contacts
        self.copies = copies
        self.meetings = meetings
        self.interventions = interventions
        self.deviations = deviations
        self.history = history
        self.legal = legal
    }
}

/// Timestamps for people: Swedish local time, ISO 8601 with offset.
package enum LocalTime {
    package static func iso(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
