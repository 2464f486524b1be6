import Foundation
import GRDB

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
        public var createdAt: String
        public var updatedAt: String
    }

    public struct Initiator: Codable, Equatable, Sendable {
        public var kind: InitiatorKind
        public var agency: String?
        public var person = ""
    }

    public struct ChildInfo: Codable, Equatable, Sendable {
        public var name: String
        public var personalNumber: PersonalNumber?
        public var isCoordinationNumber: Bool
        public var birthDate: Day
        public var sex: Sex
    }

    public struct Person: Codable, Equatable, Sendable {
        public var id: Int64
        public var name: String
        public var relation: String
        public var phone: String
        public var email: String
        public var address: String
        public var invited: Bool
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
    }

    public struct ParticipantInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var person: String
        public var role: String
        public var agency: String?
        public var principal: String?
        public var invitationKind: InvitationKind
        public var answer: InvitationAnswer
    }

    /// A contact person at an organisation taking part.
    public struct ContactInfo: Codable, Equatable, Sendable {
        public var agency: String
        public var name: String
        public var role: String
        public var phone: String
        public var email: String
    }

    public struct CopyInfo: Codable, Equatable, Sendable {
        public var recipient: String
        public var givenOn: Day
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
        public var minutes: String
        public var agenda: [AgendaEntry]
        public var attendance: [AttendanceEntry]
    }

    public struct AgendaEntry: Codable, Equatable, Sendable {
        public var title: String
        public var notes: String
    }

    public struct AttendanceEntry: Codable, Equatable, Sendable {
        public var participantId: Int64
        public var person: String
        public var status: AttendanceStatus
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
    }

    public struct DeviationInfo: Codable, Equatable, Sendable {
        public var id: Int64
        public var occurredOn: Day
        public var kind: String
        public var reportingAgency: String
        public var concernedAgency: String
        public var status: DeviationStatus
        public var responseDue: Day
    }

    public struct HistoryEntry: Codable, Equatable, Sendable {
        public var from: PlanStatus?
        public var to: PlanStatus
        public var at: String
        public var by: String
        public var note: String
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
    }

    public struct PrincipalInterventions: Codable, Equatable, Sendable {
        public var principal: String
        public var principalType: PrincipalType
        public var interventionIds: [Int64]
    }

    public struct Responsibility: Codable, Equatable, Sendable {
        public var principal: String
        public var principalType: PrincipalType
        public var agency: String
        public var person: String
    }

    public var schema: String
    public var plan: Core
    public var child: ChildInfo
    public var guardians: [Person]
    public var relatives: [Person]
    public var consents: [ConsentInfo]
    public var consentValid: Bool
    public var participants: [ParticipantInfo]
    public var contacts: [ContactInfo]
    public var copies: [CopyInfo]
    public var meetings: [MeetingInfo]
    public var interventions: [InterventionInfo]
    public var deviations: [DeviationInfo]
    public var history: [HistoryEntry]
    public var legal: LegalPoints

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Timestamps for people: Swedish local time, ISO 8601 with offset.
enum LocalTime {
    static func iso(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension Store {
    /// Loads the whole plan. Reading a plan's personal details is audited.
    public func planDocument(_ id: Int64) throws -> PlanDocument {
        let today = context.today
        let zone = context.timeZone
        return try write { db in
            // Audited (and authorised) first: a refused read loads nothing.
            try self.audit(db, entity: .plan, id: id, action: "view")
            return try Store.planDocument(db, id: id, today: today, zone: zone)
        }
    }

    static func planDocument(_ db: Database, id: Int64, today: Day, zone: TimeZone) throws -> PlanDocument {
        guard let plan = try Plan.fetchOne(db, key: id) else { throw SIPError.notFound(.plan, id) }
        try Store.requireNotPurged(db, planId: id)
        guard let child = try Child.fetchOne(db, key: plan.childId) else { throw SIPError.notFound(.child, plan.childId) }
        // The plan's organisations only: a county has hundreds, a plan a handful.
        let agencies = Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db, sql: """
            SELECT * FROM agency WHERE id IN (
                SELECT agencyId FROM participant WHERE planId = :plan
                UNION SELECT agencyId FROM intervention WHERE planId = :plan
                UNION SELECT reportingAgencyId FROM deviation WHERE planId = :plan
                UNION SELECT concernedAgencyId FROM deviation WHERE planId = :plan
                UNION SELECT ca.agencyId FROM consentAgency ca JOIN consent c ON c.id = ca.consentId WHERE c.planId = :plan
                UNION SELECT leadAgencyId FROM "plan" WHERE id = :plan
                UNION SELECT initiatorAgencyId FROM "plan" WHERE id = :plan)
            """, arguments: ["plan": id]).map { ($0.id!, $0) })
        func agencyName(_ id: Int64?) -> String? { id.flatMap { agencies[$0]?.name } }
        let group = try BusGroup.fetchOne(db, key: plan.busGroupId)?.name ?? ""
        let family = try FamilyMember.filter(Column("childId") == child.id!).order(Column("id")).fetchAll(db)
        func person(_ m: FamilyMember) -> PlanDocument.Person {
            .init(id: m.id!, name: m.name, relation: m.relation, phone: m.phone, email: m.email, address: m.address,
                  invited: m.invited)
        }
        let memberNames = Dictionary(uniqueKeysWithValues: family.map { ($0.id!, $0.name) })

        let consents = try Consent.filter(Column("planId") == id).order(Column("id")).fetchAll(db).map { c in
            let covered = try Int64.fetchAll(db, sql: "SELECT agencyId FROM consentAgency WHERE consentId = ?",
                                              arguments: [c.id!]).compactMap(agencyName).sorted()
            return PlanDocument.ConsentInfo(
                id: c.id!, givenBy: c.givenByMemberId.flatMap { memberNames[$0] }, givenByChild: c.givenByChild,
                information: c.information, form: c.form, agencies: covered, validFrom: c.validFrom,
                validTo: c.validTo, withdrawnOn: c.withdrawnOn, validToday: c.isValid(on: today))
        }

        let participantRows = try Participant.filter(Column("planId") == id).order(Column("id")).fetchAll(db)
        let participants = participantRows.map { p in
            PlanDocument.ParticipantInfo(
                id: p.id!, person: p.person, role: p.role, agency: agencyName(p.agencyId),
                principal: p.agencyId.flatMap { agencies[$0]?.principalName }, invitationKind: p.invitationKind,
                answer: p.answer)
        }
        let participatingAgencies = Array(Set(participantRows.compactMap(\.agencyId)))
        let contacts = try ContactPerson.filter(participatingAgencies.contains(Column("agencyId")))
            .order(Column("agencyId"), Column("id")).fetchAll(db).map {
                PlanDocument.ContactInfo(agency: agencies[$0.agencyId]?.name ?? "", name: $0.name, role: $0.role,
                                         phone: $0.phone, email: $0.email)
            }
        let copies = try PlanCopy.filter(Column("planId") == id).order(Column("givenOn")).fetchAll(db).map {
            PlanDocument.CopyInfo(recipient: $0.recipient, givenOn: $0.givenOn)
        }
        let participantNames = Dictionary(uniqueKeysWithValues: participantRows.map { ($0.id!, $0.person) })

        let meetings = try Meeting.filter(Column("planId") == id).order(Column("startsAt")).fetchAll(db).map { m in
            let agenda = try AgendaItem.filter(Column("meetingId") == m.id!).order(Column("position")).fetchAll(db)
            let attendance = try Attendance.filter(Column("meetingId") == m.id!).order(Column("participantId"))
                .fetchAll(db)
            return PlanDocument.MeetingInfo(
                id: m.id!, kind: m.kind, startsAt: LocalTime.iso(m.startsAt, zone), durationMinutes: m.durationMinutes,
                place: m.place, videoLink: m.videoLink, held: m.held, minutes: m.minutes,
                agenda: agenda.map { .init(title: $0.title, notes: $0.notes) },
                attendance: attendance.map {
                    .init(participantId: $0.participantId, person: participantNames[$0.participantId] ?? "",
                          status: $0.status)
                })
        }

        let interventionRows = try Intervention.filter(Column("planId") == id).order(Column("dueDate"), Column("id"))
            .fetchAll(db)
        let interventions = interventionRows.map { i in
            let agency = agencies[i.agencyId]
            return PlanDocument.InterventionInfo(
                id: i.id!, what: i.what, agency: agency?.name ?? "", principal: agency?.principalName ?? "",
                principalType: agency?.principalType ?? .other, person: i.person, frequency: i.frequency,
                startDate: i.startDate, dueDate: i.dueDate, status: i.status, comment: i.comment,
                overdue: i.isOverdue(on: today))
        }

        let deviations = try Deviation.filter(Column("planId") == id).order(Column("occurredOn")).fetchAll(db).map {
            PlanDocument.DeviationInfo(
                id: $0.id!, occurredOn: $0.occurredOn, kind: $0.kind,
                reportingAgency: agencyName($0.reportingAgencyId) ?? "",
                concernedAgency: agencyName($0.concernedAgencyId) ?? "", status: $0.status, responseDue: $0.responseDue)
        }

        let history = try PlanStatusChange.filter(Column("planId") == id).order(Column("changedAt"), Column("id"))
            .fetchAll(db).map {
                PlanDocument.HistoryEntry(from: $0.fromStatus, to: $0.toStatus, at: LocalTime.iso($0.changedAt, zone),
                                          by: $0.changedBy, note: $0.note)
            }

        var overdueArguments = OverdueRule.arguments(today: today, deadlines: try Store.deadlines(db))
        overdueArguments["id"] = id
        let overdue = try Bool.fetchOne(db, sql: "SELECT \(OverdueRule.planSQL) FROM \"plan\" p WHERE p.id = :id",
                                        arguments: StatementArguments(overdueArguments)) ?? false

        var core = PlanDocument.Core(
            id: id, status: plan.status, version: plan.version, busGroup: group,
            initiator: .init(kind: plan.initiatorKind, agency: agencyName(plan.initiatorAgencyId)),
            requestDate: plan.requestDate, followUpDate: plan.followUpDate, closedReason: plan.closedReason,
            closedKind: plan.closedKind, leadAgency: agencyName(plan.leadAgencyId), overdue: overdue,
            createdAt: LocalTime.iso(plan.createdAt, zone), updatedAt: LocalTime.iso(plan.updatedAt, zone))
        for spec in PlanField.all {
            if let path = spec.document { core[keyPath: path] = spec.text(of: plan) }
        }

        let number = child.number
        return PlanDocument(
            schema: PlanDocument.schemaName, plan: core,
            child: .init(name: child.name, personalNumber: number, isCoordinationNumber: number?.isCoordinationNumber ?? false,
                         birthDate: child.birthDate, sex: child.sex),
            guardians: family.filter { $0.role == .guardian }.map(person),
            relatives: family.filter { $0.role == .relative }.map(person),
            consents: consents, consentValid: try consentIsValid(db, planId: id, on: today),
            participants: participants, contacts: contacts, copies: copies, meetings: meetings,
            interventions: interventions, deviations: deviations,
            history: history,
            legal: legalPoints(interventions: interventions, lead: plan.leadAgencyId.flatMap { agencies[$0] },
                               leadPerson: plan.leadPerson))
    }

    static func legalPoints(interventions: [PlanDocument.InterventionInfo], lead: Agency?, leadPerson: String)
        -> PlanDocument.LegalPoints
    {
        func grouped(_ items: [PlanDocument.InterventionInfo]) -> [PlanDocument.PrincipalInterventions] {
            var order: [String] = []
            var byPrincipal: [String: PlanDocument.PrincipalInterventions] = [:]
            for item in items {
                if byPrincipal[item.principal] == nil {
                    order.append(item.principal)
                    byPrincipal[item.principal] = .init(principal: item.principal, principalType: item.principalType,
                                                        interventionIds: [])
                }
                byPrincipal[item.principal]!.interventionIds.append(item.id)
            }
            return order.map { byPrincipal[$0]! }
        }
        return PlanDocument.LegalPoints(
            needs: interventions.map(\.what),
            interventionsByPrincipal: grouped(interventions.filter { $0.principalType.isMunicipalityOrRegion }),
            measuresByOthers: grouped(interventions.filter { !$0.principalType.isMunicipalityOrRegion }),
            overallResponsibility: lead.map {
                .init(principal: $0.principalName, principalType: $0.principalType, agency: $0.name, person: leadPerson)
            })
    }
}
