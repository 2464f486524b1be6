import Foundation
import GRDB
import SIPDomain
import SIPText

/// An organisation with every BUS group it serves (none: every group).
public struct RegisterOrganisation: Equatable, Sendable {
    public var agency: Agency
    public var groupIds: [Int64]
}

/// The whole register as its screens list it.
public struct RegisterListing: Sendable {
    public var organisations: [RegisterOrganisation]
    public var groups: [BusGroup]
    public var contacts: [ContactPerson]
}

/// Folds a name for comparison: NFC, case.
func registerKey(_ text: String) -> String {
    TextRules.clean(text, multiline: false).precomposedStringWithCanonicalMapping.lowercased()
}

extension Store {
    // MARK: Reading

    /// Every organisation, retired ones too, with their groups, by name.
    public func registerOrganisations() throws -> [RegisterOrganisation] {
        try read { db in try Self.registerOrganisations(db) }
    }

    static func registerOrganisations(_ db: Database) throws -> [RegisterOrganisation] {
        let agencies = try Agency.order(Agency.Columns.name, Agency.Columns.principalName).fetchAll(db)
        var groups: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT agencyId, busGroupId FROM agencyGroup ORDER BY busGroupId") {
            groups[row["agencyId"], default: []].append(row["busGroupId"])
        }
        return agencies.map { RegisterOrganisation(agency: $0, groupIds: groups[$0.id!] ?? []) }
    }

    /// Everything the register's screens list, retired records too, in one read (administrators).
    public func registerListing() throws -> RegisterListing {
        try requireSignedIn(.settings)
        return try read { db in
            RegisterListing(
                organisations: try Self.registerOrganisations(db),
                groups: try BusGroup.order(BusGroup.Columns.name).fetchAll(db),
                contacts: try ContactPerson.order(ContactPerson.Columns.name).fetchAll(db))
        }
    }

    /// The kinds of organisation (verksamhetstyper), by code.
    public func agencyKinds() throws -> [AgencyKind] {
        try read { db in try AgencyKind.order(AgencyKind.Columns.code).fetchAll(db) }
    }

    /// The organisations offered in a choice: those not retired.
    public func offeredAgencies() throws -> [Agency] {
        try read { db in
            try Agency.filter(Agency.Columns.retiredOn == nil).order(Agency.Columns.name).fetchAll(db)
        }
    }

    /// The BUS groups offered in a choice: those not retired (history screens use `busGroups()`).
    public func offeredBusGroups() throws -> [BusGroup] {
        try read { db in
            try BusGroup.filter(BusGroup.Columns.retiredOn == nil).order(BusGroup.Columns.name).fetchAll(db)
        }
    }

    /// The BUS groups each organisation serves, by organisation id; an organisation with none
    /// serves every group (`Agency.busGroupId` holds one group only).
    public func agencyGroupIds() throws -> [Int64: [Int64]] {
        try read { db in
            var groups: [Int64: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT agencyId, busGroupId FROM agencyGroup ORDER BY busGroupId") {
                groups[row["agencyId"], default: []].append(row["busGroupId"])
            }
            return groups
        }
    }

    /// Contact persons, retired ones too; of one organisation with `agencyId`.
    public func contacts(agencyId: Int64? = nil) throws -> [ContactPerson] {
        try read { db in
            var request = ContactPerson.order(ContactPerson.Columns.agencyId, ContactPerson.Columns.name)
            if let agencyId { request = request.filter(ContactPerson.Columns.agencyId == agencyId) }
            return try request.fetchAll(db)
        }
    }

    public func contact(_ id: Int64) throws -> ContactPerson {
        try read { db in
            guard let contact = try ContactPerson.fetchOne(db, key: id) else { throw SIPError.notFound(.agency, id) }
            return contact
        }
    }

    // MARK: Organisations

    /// Adds an organisation serving `groupIds` (none: every group). Its name must be new within
    /// its principal; its kind must be known; its groups must exist and not be retired.
    public func addAgency(
        kind: String, principalType: PrincipalType? = nil, principalName: String, name: String, groupIds: [Int64]
    ) throws -> Agency {
        try write { db in
            try self.insertAgency(
                db, kind: kind, principalType: principalType, principalName: principalName, name: name,
                groupIds: groupIds)
        }
    }

    func insertAgency(
        _ db: Database, kind: String, principalType: PrincipalType?, principalName: String, name: String,
        groupIds: [Int64], retired: Bool = false
    ) throws -> Agency {
        let principalName = try TextRules.required(principalName, for: .principalName)
        let name = try TextRules.required(name, for: .agencyName)
        guard let agencyKind = try Self.agencyKind(db, kind) else { throw SIPError.register(.unknownKind(kind)) }
        try Self.requireUniqueName(db, principalName: principalName, name: name, except: nil)
        try Self.requireOfferedGroups(db, groupIds)
        var agency = Agency(
            kind: agencyKind.code, principalType: principalType ?? agencyKind.defaultPrincipal,
            principalName: principalName, name: name, retiredOn: retired ? context.today : nil)
        try agency.insert(db)
        for group in Set(groupIds) {
            try db.execute(
                sql: "INSERT INTO agencyGroup (agencyId, busGroupId) VALUES (?, ?)", arguments: [agency.id!, group])
        }
        try audit(db, .addAgency(agency.id!))
        if retired { try audit(db, .retireAgency(agency.id!)) }
        return try Agency.fetchOne(db, key: agency.id!)!
    }

    /// Changes an organisation: every argument given replaces what it had; `groupIds` replaces
    /// all its groups (empty: every group). Returns whether anything changed.
    @discardableResult
    public func editAgency(
        _ id: Int64, kind: String? = nil, principalType: PrincipalType? = nil, principalName: String? = nil,
        name: String? = nil, groupIds: [Int64]? = nil
    ) throws -> Bool {
        try write { db in
            try self.updateAgency(
                db, id, kind: kind, principalType: principalType, principalName: principalName, name: name,
                groupIds: groupIds, retired: nil)
        }
    }

    func updateAgency(
        _ db: Database, _ id: Int64, kind: String?, principalType: PrincipalType?, principalName: String?,
        name: String?, groupIds: [Int64]?, retired: Bool?
    ) throws -> Bool {
        guard var agency = try Agency.fetchOne(db, key: id) else { throw SIPError.notFound(.agency, id) }
        let before = agency
        if let kind {
            guard let found = try Self.agencyKind(db, kind) else { throw SIPError.register(.unknownKind(kind)) }
            agency.kind = found.code
        }
        if let principalType { agency.principalType = principalType }
        if let principalName { agency.principalName = try TextRules.required(principalName, for: .principalName) }
        if let name { agency.name = try TextRules.required(name, for: .agencyName) }
        if agency.name != before.name || agency.principalName != before.principalName {
            try Self.requireUniqueName(db, principalName: agency.principalName, name: agency.name, except: id)
        }
        var changes: [String] = []
        for (label, old, new) in [
            ("kind", before.kind, agency.kind),
            ("principal", before.principalType.rawValue, agency.principalType.rawValue),
            ("principal name", before.principalName, agency.principalName), ("name", before.name, agency.name),
        ] where old != new {
            changes.append("\(label): \(old) -> \(new)")
        }
        if let groupIds {
            let old = Set(
                try Int64.fetchAll(db, sql: "SELECT busGroupId FROM agencyGroup WHERE agencyId = ?", arguments: [id]))
            let new = Set(groupIds)
            if old != new {
                try Self.requireOfferedGroups(db, Array(new.subtracting(old)))
                try db.execute(sql: "DELETE FROM agencyGroup WHERE agencyId = ?", arguments: [id])
                for group in new {
                    try db.execute(
                        sql: "INSERT INTO agencyGroup (agencyId, busGroupId) VALUES (?, ?)", arguments: [id, group])
                }
                let words = { (s: Set<Int64>) in s.isEmpty ? "all" : s.sorted().map(String.init).joined(separator: ",")
                }
                changes.append("groups: \(words(old)) -> \(words(new))")
            }
        }
        if !changes.isEmpty {
            agency.busGroupId = try Int64.fetchOne(
                db, sql: "SELECT busGroupId FROM agency WHERE id = ?", arguments: [id])
            try agency.update(db)
            try audit(db, .editAgency(id), detail: changes.joined(separator: "; "))
        }
        var retiredChanged = false
        if let retired, retired != (agency.retiredOn != nil) {
            try db.execute(
                sql: "UPDATE agency SET retiredOn = ? WHERE id = ?", arguments: [retired ? context.today : nil, id])
            try audit(db, retired ? .retireAgency(id) : .editAgency(id), detail: retired ? "" : "reactivated")
            retiredChanged = true
        }
        return !changes.isEmpty || retiredChanged
    }

    /// Retires an organisation: it keeps its history (plans, deviations, users) and is offered to no one.
    public func retireAgency(_ id: Int64) throws {
        try write { db in
            guard let agency = try Agency.fetchOne(db, key: id) else { throw SIPError.notFound(.agency, id) }
            guard agency.retiredOn == nil else { return }
            _ = try self.updateAgency(
                db, id, kind: nil, principalType: nil, principalName: nil, name: nil, groupIds: nil, retired: true)
        }
    }

    /// The BUS groups named (each by number or name) as ids, for an organisation to serve: a name
    /// no group has, or a retired group's, is refused with the name as given.
    public func offeredGroupIds(named names: [String]) throws -> [Int64] {
        try names.map { name in
            let group = try busGroup(matching: name)
            if group.retiredOn != nil { throw SIPError.register(.unknownGroup(name)) }
            return group.id!
        }
    }

    /// A kind of organisation by its code ("socialtjanst") or by its name in either language
    /// ("Socialtjänst", "social services"), case and canonical form folded: a municipality's own
    /// list says what a unit is in words.
    static func agencyKind(_ db: Database, _ text: String) throws -> AgencyKind? {
        if let kind = try AgencyKind.fetchOne(db, key: text) { return kind }
        let wanted = registerKey(text)
        return try AgencyKind.fetchAll(db).first { [$0.code, $0.nameSv, $0.nameEn].map(registerKey).contains(wanted) }
    }

    static func requireUniqueName(_ db: Database, principalName: String, name: String, except: Int64?) throws {
        let wanted = (registerKey(principalName), registerKey(name))
        let clash = try Agency.fetchAll(db).contains {
            $0.id != except && (registerKey($0.principalName), registerKey($0.name)) == wanted
        }
        if clash { throw SIPError.register(.duplicateName(principal: principalName, name: name)) }
    }

    static func requireOfferedGroups(_ db: Database, _ ids: [Int64]) throws {
        for id in ids {
            guard let group = try BusGroup.fetchOne(db, key: id), group.retiredOn == nil else {
                throw SIPError.register(.unknownGroup(String(id)))
            }
        }
    }

    // MARK: BUS groups

    public func addBusGroup(name: String, area: String, chair: String) throws -> BusGroup {
        try write { db in try self.insertBusGroup(db, name: name, area: area, chair: chair) }
    }

    func insertBusGroup(_ db: Database, name: String, area: String, chair: String, retired: Bool = false) throws
        -> BusGroup
    {
        let name = try TextRules.required(name, for: .groupName)
        if try BusGroup.fetchAll(db).contains(where: { registerKey($0.name) == registerKey(name) }) {
            throw SIPError.register(.duplicateName(principal: "BUS", name: name))
        }
        var group = BusGroup(
            name: name, area: try TextRules.validated(area, for: .groupName),
            chair: try TextRules.validated(chair, for: .name), retiredOn: retired ? context.today : nil)
        try group.insert(db)
        try audit(db, .addBusGroup(group.id!))
        if retired { try audit(db, .retireBusGroup(group.id!)) }
        return group
    }

    @discardableResult
    public func editBusGroup(_ id: Int64, name: String? = nil, area: String? = nil, chair: String? = nil) throws -> Bool
    {
        try write { db in try self.updateBusGroup(db, id, name: name, area: area, chair: chair, retired: nil) }
    }

    func updateBusGroup(
        _ db: Database, _ id: Int64, name: String?, area: String?, chair: String?, retired: Bool?
    ) throws -> Bool {
        guard var group = try BusGroup.fetchOne(db, key: id) else { throw SIPError.notFound(.busGroup, id) }
        let before = group
        if let name {
            group.name = try TextRules.required(name, for: .groupName)
            if try BusGroup.fetchAll(db).contains(where: {
                $0.id != id && registerKey($0.name) == registerKey(group.name)
            }) {
                throw SIPError.register(.duplicateName(principal: "BUS", name: group.name))
            }
        }
        if let area { group.area = try TextRules.validated(area, for: .groupName) }
        if let chair { group.chair = try TextRules.validated(chair, for: .name) }
        var changes: [String] = []
        for (label, old, new) in [
            ("name", before.name, group.name), ("area", before.area, group.area), ("chair", before.chair, group.chair),
        ] where old != new {
            changes.append("\(label): \(old) -> \(new)")
        }
        if let retired, retired != (group.retiredOn != nil) {
            group.retiredOn = retired ? context.today : nil
        }
        guard group != before else { return false }
        try group.update(db)
        if !changes.isEmpty { try audit(db, .editBusGroup(id), detail: changes.joined(separator: "; ")) }
        if group.retiredOn != before.retiredOn {
            try audit(
                db, group.retiredOn != nil ? .retireBusGroup(id) : .editBusGroup(id),
                detail: group.retiredOn != nil ? "" : "reactivated")
        }
        return true
    }

    /// Retires a BUS group: its plans and review stay; it is offered to no one.
    public func retireBusGroup(_ id: Int64) throws {
        try write { db in _ = try self.updateBusGroup(db, id, name: nil, area: nil, chair: nil, retired: true) }
    }

    // MARK: Contact persons

    @discardableResult
    public func addContact(
        agencyId: Int64, name: String, function: String, phone: String, email: String, deputyId: Int64?
    ) throws -> ContactPerson {
        try write { db in
            try self.insertContact(
                db, agencyId: agencyId, name: name, function: function, phone: phone, email: email, deputyId: deputyId)
        }
    }

    func insertContact(
        _ db: Database, agencyId: Int64, name: String, function: String, phone: String, email: String,
        deputyId: Int64?, retired: Bool = false
    ) throws -> ContactPerson {
        guard try Agency.exists(db, key: agencyId) else { throw SIPError.notFound(.agency, agencyId) }
        var contact = ContactPerson(
            agencyId: agencyId, name: try TextRules.required(name, for: .name),
            role: try TextRules.validated(function, for: .role), phone: try TextRules.validated(phone, for: .phone),
            email: try TextRules.validated(email, for: .email), deputyId: nil,
            retiredOn: retired ? context.today : nil)
        try contact.insert(db)
        if let deputyId {
            try Self.requireDeputy(db, deputyId, of: contact)
            contact.deputyId = deputyId
            try contact.update(db)
        }
        try audit(db, .addContact(agency: agencyId), detail: "contact \(contact.id!)")
        if retired { try audit(db, .retireContact(agency: agencyId), detail: "contact \(contact.id!)") }
        return contact
    }

    /// The deputy must be another contact person of the same organisation.
    static func requireDeputy(_ db: Database, _ deputyId: Int64, of contact: ContactPerson) throws {
        if deputyId == contact.id { throw SIPError.register(.deputyIsSelf) }
        guard let deputy = try ContactPerson.fetchOne(db, key: deputyId), deputy.agencyId == contact.agencyId else {
            throw SIPError.register(.unknownContact(String(deputyId)))
        }
    }

    /// Changes a contact person; `deputyId` .some(nil) removes the deputy.
    @discardableResult
    public func editContact(
        _ id: Int64, name: String? = nil, function: String? = nil, phone: String? = nil, email: String? = nil,
        deputyId: Int64?? = nil
    ) throws -> Bool {
        try write { db in
            try self.updateContact(
                db, id, name: name, function: function, phone: phone, email: email, deputyId: deputyId, retired: nil)
        }
    }

    func updateContact(
        _ db: Database, _ id: Int64, name: String?, function: String?, phone: String?, email: String?,
        deputyId: Int64??, retired: Bool?
    ) throws -> Bool {
        guard var contact = try ContactPerson.fetchOne(db, key: id) else { throw SIPError.notFound(.agency, id) }
        let before = contact
        if let name { contact.name = try TextRules.required(name, for: .name) }
        if let function { contact.role = try TextRules.validated(function, for: .role) }
        if let phone { contact.phone = try TextRules.validated(phone, for: .phone) }
        if let email { contact.email = try TextRules.validated(email, for: .email) }
        if let deputyId {
            if let deputy = deputyId { try Self.requireDeputy(db, deputy, of: contact) }
            contact.deputyId = deputyId
        }
        if let retired, retired != (contact.retiredOn != nil) { contact.retiredOn = retired ? context.today : nil }
        guard contact != before else { return false }
        try contact.update(db)
        var changes: [String] = ["contact \(id)"]
        for (label, old, new) in [
            ("name", before.name, contact.name), ("function", before.role, contact.role),
            ("phone", before.phone, contact.phone), ("email", before.email, contact.email),
            ("deputy", before.deputyId.map(String.init) ?? "-", contact.deputyId.map(String.init) ?? "-"),
        ] where old != new {
            changes.append("\(label): \(old) -> \(new)")
        }
        if changes.count > 1 {
            try audit(db, .editContact(agency: contact.agencyId), detail: changes.joined(separator: "; "))
        }
        if contact.retiredOn != before.retiredOn {
            try audit(
                db,
                contact.retiredOn != nil
                    ? .retireContact(agency: contact.agencyId) : .editContact(agency: contact.agencyId),
                detail: "contact \(id)" + (contact.retiredOn != nil ? "" : "; reactivated"))
        }
        return true
    }

    public func retireContact(_ id: Int64) throws {
        try write { db in
            _ = try self.updateContact(
                db, id, name: nil, function: nil, phone: nil, email: nil, deputyId: nil, retired: true)
        }
    }
}
