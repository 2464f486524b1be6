import Foundation
import GRDB
import SIPDomain
import SIPText

// The domain's records and values as GRDB stores them: the domain itself knows no database.

extension BusGroup: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgencyKind: FetchableRecord, PersistableRecord {}

extension DeviationKind: FetchableRecord, PersistableRecord {}

extension AgendaTemplateItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaTemplate"
}

extension Agency: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ContactPerson: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Child: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FamilyMember: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Plan: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanStatusChange: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Participant: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanCopy: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Consent: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ConsentAgency: FetchableRecord, PersistableRecord {}

extension PlanRequest: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Meeting: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgendaItem: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Attendance: FetchableRecord, PersistableRecord {}

extension Intervention: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Deviation: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AuditEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditLog"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DeviationChange: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Plan.Columns: ColumnExpression {}

/// A plan field as the store writes it.
extension PlanField {
    /// The column set to the plan's value, as a versioned save writes it; nil for what a save never writes.
    func saved(from plan: Plan) -> ColumnAssignment? {
        switch value {
        case .text(let path): column.set(to: plan[keyPath: path])
        case .day(let path): column.set(to: plan[keyPath: path])
        case .optionalDay(let path): column.set(to: plan[keyPath: path])
        case .statusText, .handOverText: nil
        }
    }

    /// The column as the purge leaves it; nil when the purge keeps it.
    var purged: ColumnAssignment? {
        guard case .blank(let text) = purge else { return nil }
        return column.set(to: text)
    }
}

extension PlanStatus: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension PrincipalType: DatabaseValueConvertible {}
extension FamilyRole: DatabaseValueConvertible {}
extension InitiatorKind: DatabaseValueConvertible {}
extension MeetingKind: DatabaseValueConvertible {}
extension AttendanceStatus: DatabaseValueConvertible {}
extension InvitationKind: DatabaseValueConvertible {}
extension InterventionStatus: DatabaseValueConvertible {}
extension DeviationStatus: DatabaseValueConvertible {}
extension RequestStatus: DatabaseValueConvertible {}
extension Escalation: DatabaseValueConvertible {}
extension ConsentForm: DatabaseValueConvertible {}
extension InvitationAnswer: DatabaseValueConvertible {}
extension ClosedKind: DatabaseValueConvertible {}

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:))
    }
}

extension BusGroup.Columns: ColumnExpression {}
extension AgencyKind.Columns: ColumnExpression {}
extension DeviationKind.Columns: ColumnExpression {}
extension AgendaTemplateItem.Columns: ColumnExpression {}
extension Agency.Columns: ColumnExpression {}
extension ContactPerson.Columns: ColumnExpression {}
extension Child.Columns: ColumnExpression {}
extension FamilyMember.Columns: ColumnExpression {}
extension PlanStatusChange.Columns: ColumnExpression {}
extension Participant.Columns: ColumnExpression {}
extension PlanCopy.Columns: ColumnExpression {}
extension Consent.Columns: ColumnExpression {}
extension ConsentAgency.Columns: ColumnExpression {}
extension Meeting.Columns: ColumnExpression {}
extension AgendaItem.Columns: ColumnExpression {}
extension Attendance.Columns: ColumnExpression {}
extension Intervention.Columns: ColumnExpression {}
extension Deviation.Columns: ColumnExpression {}
extension DeviationChange.Columns: ColumnExpression {}
extension PlanRequest.Columns: ColumnExpression {}
extension AuditEntry.Columns: ColumnExpression {}
extension AppUser.Columns: ColumnExpression {}
