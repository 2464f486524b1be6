import Foundation
import GRDB

/// A local BUS group (lokal BUS-grupp).
public struct BusGroup: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var name: String
    public init(id: Int64? = nil, name: String) { self.id = id; self.name = name }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A kind of organisation (verksamhetstyp), reference data from `data/agency-kinds.tsv`.
public struct AgencyKind: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public var code: String
    public var nameSv: String
    public var nameEn: String
    public var defaultPrincipal: PrincipalType
}

/// A kind of BUS deviation (avvikelsetyp), reference data from `data/deviation-kinds.tsv`.
public struct DeviationKind: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public var code: String
    public var nameSv: String
    public var nameEn: String
}

/// One part of the mötescirkel agenda template, from `data/agenda.tsv`.
public struct AgendaTemplateItem: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaTemplate"
    public var position: Int
    public var code: String
    public var titleSv: String
    public var titleEn: String
    public var guidanceSv: String
}

/// An organisation at the table (verksamhet): a school, social services, BUP...
public struct Agency: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var kind: String
    public var principalType: PrincipalType
    /// The huvudman by name: "Norrviks kommun", "Region Storstad", "Friskolan Ekdalen AB".
    public var principalName: String
    public var name: String
    public var busGroupId: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A named contact person at an agency.
public struct ContactPerson: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var agencyId: Int64
    public var name: String
    public var role: String
    public var phone: String
    public var email: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The child the plan is for.
public struct Child: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var name: String
    /// 12 digits, or nil when the child has no number (then `birthDate` is entered by hand).
    public var personalNumber: String?
    public var birthDate: Day
    public var sex: Sex
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var number: PersonalNumber? { personalNumber.map(PersonalNumber.init(trusted:)) }
}

/// A guardian (vårdnadshavare) or another relative (närstående) of a child.
public struct FamilyMember: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
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
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A coordinated individual plan (SIP): the core record, versioned against lost updates.
public struct Plan: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
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
    public var leadPerson: String
    public var coordinator: String
    public var status: PlanStatus
    public var closedReason: String?
    public var closedKind: ClosedKind? = nil
    public var followUpDate: Day?
    /// Who calls the follow-up meeting.
    public var followUpCaller: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

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
public struct PlanStatusChange: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var planId: Int64
    public var fromStatus: PlanStatus?
    public var toStatus: PlanStatus
    public var changedAt: Date
    public var changedBy: String
    public var note: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Someone at the table: an agency's representative, or a family member (agencyId nil).
public struct Participant: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var planId: Int64
    public var agencyId: Int64?
    public var familyMemberId: Int64?
    public var person: String
    /// Role in the meeting: mötesledare, sekreterare, vårdnadshavare, kurator...
    public var role: String
    public var invitationKind: InvitationKind
    public var answer: InvitationAnswer = .noAnswer
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Who received a copy of the plan, and when (the family keeps the original).
public struct PlanCopy: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var planId: Int64
    public var recipient: String
    public var givenOn: Day
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// samtycke: given by one guardian or by the child, for named agencies and information, for a time.
public struct Consent: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
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
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// In force on `day`: started, not expired, not withdrawn.
    public func isValid(on day: Day) -> Bool {
        validFrom <= day && (validTo.map { day <= $0 } ?? true) && (withdrawnOn.map { day < $0 } ?? true)
    }
}

/// An agency a consent covers.
public struct ConsentAgency: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public var consentId: Int64
    public var agencyId: Int64
}

/// A SIP meeting, first or follow-up.
public struct Meeting: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var planId: Int64
    public var kind: MeetingKind
    public var startsAt: Date
    public var durationMinutes: Int
    public var place: String
    public var videoLink: String
    public var minutes: String
    public var held: Bool
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One agenda point of a meeting, with its notes.
public struct AgendaItem: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var meetingId: Int64
    public var position: Int
    public var title: String
    public var notes: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Whether one participant came to one meeting.
public struct Attendance: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public var meetingId: Int64
    public var participantId: Int64
    public var status: AttendanceStatus
}

/// insats: what is done, by which agency and person, how often, from when until when.
public struct Intervention: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var planId: Int64
    public var what: String
    public var agencyId: Int64
    public var person: String
    public var frequency: String
    public var startDate: Day
    public var dueDate: Day
    public var status: InterventionStatus
    public var comment: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public func isOverdue(on day: Day) -> Bool { status.isPending && dueDate < day }
}

/// BUS-avvikelse: a report that collaboration failed, from one agency about another.
public struct Deviation: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
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
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public func isOverdue(on day: Day) -> Bool {
        (status == .registered || status == .sent) && responseDue < day
    }
}

/// One line of the append-only audit log (the database rejects UPDATE and DELETE on it).
public struct AuditEntry: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditLog"
    public var id: Int64?
    public var at: Date
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: String
    public var detail: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One dated change to a deviation: its history, kept for the BUS group.
public struct DeviationChange: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var deviationId: Int64
    public var changedAt: Date
    public var changedBy: String
    /// "registered", "status sent", "escalation bus_group", "answer"...
    public var what: String
    public var note: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
