import Foundation
import GRDB
import SIPDomain

/// A correction of a child's details: nil leaves a field as it is.
public struct ChildCorrection: Sendable, Equatable {
    public var name: String?
    /// A new personnummer or samordningsnummer, validated as a new one (the birth date follows it).
    public var personalNumber: String?
    public var sex: Sex?

    public init(name: String? = nil, personalNumber: String? = nil, sex: Sex? = nil) {
        self.name = name
        self.personalNumber = personalNumber
        self.sex = sex
    }
}

/// A correction of a guardian's or relative's details: nil leaves a field as it is.
public struct FamilyMemberCorrection: Sendable, Equatable {
    public var role: FamilyRole?
    public var name: String?
    public var relation: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var invited: Bool?

    public init(
        role: FamilyRole? = nil, name: String? = nil, relation: String? = nil, phone: String? = nil,
        email: String? = nil, address: String? = nil, invited: Bool? = nil
    ) {
        self.role = role
        self.name = name
        self.relation = relation
        self.phone = phone
        self.email = email
        self.address = address
        self.invited = invited
    }
}

/// A coordinator a plan may be handed to: a user with the coordinator role.
public struct HandOverCandidate: Sendable, Equatable {
    public var login: String
    public var name: String
    /// Their organisation's name; empty when they have none (every plan).
    public var organisation: String
    public var agencyId: Int64?
    /// A central team: coordinates (and sees) every plan.
    public var allPlans: Bool

    public init(login: String, name: String, organisation: String, agencyId: Int64? = nil, allPlans: Bool = false) {
        self.login = login
        self.name = name
        self.organisation = organisation
        self.agencyId = agencyId
        self.allPlans = allPlans
    }
}

extension Store {
    // MARK: Hand-over

    /// The users with the coordinator role who are not retired, by name: whom a plan may be handed
    /// to. Readable by whoever manages users or works with plans (a coordinator handing over), not by others.
    public func handOverCandidates() throws -> [HandOverCandidate] {
        try read { db in
            if let access = try self.currentAccess(db), !access.can(.users) { try access.require(.plans) }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT u.login, u.name, COALESCE(a.name, '') AS organisation, u.agencyId, u.allPlans
                    FROM appUser u LEFT JOIN agency a ON a.id = u.agencyId
                    WHERE u.role = ? AND u.retiredOn IS NULL ORDER BY u.name, u.login
                    """,
                arguments: [Role.coordinator.rawValue]
            ).map { row in
                HandOverCandidate(
                    login: row["login"], name: row["name"],
                    organisation: row["organisation"], agencyId: row["agencyId"], allPlans: row["allPlans"])
            }
        }
    }

    /// Moves plans from coordinator `from` to the coordinator user `to`: the one plan `planId`, or
    /// every open plan `from` coordinates (closed plans keep who coordinated them). `from` is a
    /// login (a retired user's too), or the name a plan from before v15 gave a coordinator outside
    /// the register. `to` must be a coordinator who is not retired. One audit line per plan,
    /// `from -> to`. Who sees a plan follows its coordinator: the new one's organisation sees it,
    /// the old one's only where a consent covers it. An administrator may hand over any plan (a
    /// coordinator who left); a coordinator only plans they see, checked before the move.
    /// Returns the plans moved, in order.
    @discardableResult
    public func handOver(from: String, to: String, planId: Int64? = nil) throws -> [Int64] {
        let from = try TextRules.required(from, for: .login)
        let to = try TextRules.required(to, for: .login)
        let now = context.now()
        return try write { db in
            guard let target = try AppUser.fetchOne(db, key: to) else { throw SIPError.unknownUser(to) }
            if target.isRetired { throw SIPError.userRetired(to) }
            guard target.role == .coordinator, from != to else {
                throw SIPError.invalidValue(field: .login, value: to)
            }
            let coordinatedBy = """
                (coordinatorLogin = :from OR (coordinatorLogin IS NULL AND outsideCoordinator = :from))
                """
            let fromIsKnown =
                try AppUser.exists(db, key: from)
                || Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM \"plan\" WHERE \(coordinatedBy))", arguments: ["from": from])
                    == true
            guard fromIsKnown else { throw SIPError.unknownUser(from) }
            let ids: [Int64]
            if let planId {
                guard let plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
                try Store.requireNotPurged(db, planId: planId)
                ids = (plan.coordinatorLogin ?? plan.outsideCoordinator) == from ? [planId] : []
            } else {
                ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM "plan" WHERE \(coordinatedBy) AND status <> 'closed' AND purgedOn IS NULL
                        ORDER BY id
                        """, arguments: ["from": from])
            }
            if ids.isEmpty { throw SIPError.nothingToHandOver(from) }
            let administers = try self.currentAccess(db)?.can(.users) ?? true
            for id in ids {
                if !administers {
                    try self.refusing(db, .handOver(plan: id), detail: "") { try self.requireVisible(db, planId: id) }
                }
                try db.execute(
                    sql: """
                        UPDATE "plan" SET coordinatorLogin = ?, outsideCoordinator = '', version = version + 1,
                            updatedAt = ? WHERE id = ?
                        """, arguments: [to, now, id])
                try self.audit(db, .handOver(plan: id), detail: "\(from) -> \(to)")
            }
            return ids
        }
    }

    // MARK: Corrections

    /// Corrects the child of plan `planId`: name, number, sex, with a required reason; audited with
    /// the values before and after. A new number is validated as a new one, and one that another
    /// child holds is refused with one neutral line, whoever that child is and whether the user may
    /// see them: nothing is written, and nothing is said of that child.
    @discardableResult
    public func correctChild(planId: Int64, _ correction: ChildCorrection, reason: String) throws -> Child {
        let reason = try TextRules.required(reason, for: .reason)
        let name = try correction.name.map { try TextRules.required($0, for: .name) }
        let number: PersonalNumber? =
            switch correction.personalNumber.map({ PersonalNumber.parse($0, today: context.today) }) {
            case nil: nil
            case .success(let parsed)?: parsed
            case .failure(let problem)?: throw SIPError.invalidPersonalNumber(problem)
            }
        return try write { db in
            let (_, before) = try self.correctable(db, planId: planId, .correctChild(plan: planId))
            var after = before
            if let name { after.name = name }
            if let sex = correction.sex { after.sex = sex }
            if let number, number.digits != before.personalNumber {
                if try Child.filter(Child.Columns.personalNumber == number.digits).fetchCount(db) > 0 {
                    throw SIPError.personalNumberInUse
                }
                after.personalNumber = number.digits
                after.birthDate = number.birthDate
            }
            let changes = AuditDetail.pairs([
                ("name", before.name, after.name),
                ("personalNumber", before.personalNumber ?? "", after.personalNumber ?? ""),
                ("birthDate", before.birthDate.iso, after.birthDate.iso),
                ("sex", before.sex.rawValue, after.sex.rawValue),
            ])
            guard !changes.isEmpty else { return before }
            try after.update(db)
            try self.audit(
                db, .correctChild(plan: planId), detail: AuditDetail.correction("child \(before.id!)", changes, reason))
            return after
        }
    }

    /// Corrects a guardian or relative of plan `planId`'s child, with a required reason; audited with
    /// the values before and after (a protected address is never written into the trail).
    @discardableResult
    public func editFamilyMember(
        planId: Int64, memberId: Int64, _ correction: FamilyMemberCorrection, reason: String
    ) throws -> FamilyMember {
        let reason = try TextRules.required(reason, for: .reason)
        let name = try correction.name.map { try TextRules.required($0, for: .name) }
        let relation = try correction.relation.map { try TextRules.validated($0, for: .relation) }
        let phone = try correction.phone.map { try TextRules.validated($0, for: .phone) }
        let email = try correction.email.map { try TextRules.validated($0, for: .email) }
        let address = try correction.address.map { try TextRules.validated($0, for: .address) }
        return try write { db in
            let before = try self.correctableMember(db, planId: planId, memberId, .editFamilyMember(plan: planId))
            var after = before
            if let role = correction.role { after.role = role }
            if let name { after.name = name }
            if let relation { after.relation = relation }
            if let phone { after.phone = phone }
            if let email { after.email = email }
            if let address { after.address = address }
            if let invited = correction.invited { after.invited = invited }
            let hidden = try Self.addressProtected(db, before)
            var changes = AuditDetail.pairs([
                ("role", before.role.rawValue, after.role.rawValue),
                ("name", before.name, after.name),
                ("relation", before.relation, after.relation),
                ("phone", before.phone, after.phone),
                ("email", before.email, after.email),
                ("invited", before.invited ? "yes" : "no", after.invited ? "yes" : "no"),
            ])
            if before.address != after.address {
                changes.append(
                    hidden ? "address: (protected)" : AuditDetail.pairs([("address", before.address, after.address)])[0]
                )
            }
            guard !changes.isEmpty else { return before }
            try after.update(db)
            try self.audit(
                db, .editFamilyMember(plan: planId),
                detail: AuditDetail.correction("familyMember \(memberId)", changes, reason))
            return after
        }
    }

    /// Removes a guardian or relative recorded by mistake, with a required reason; audited with what
    /// was removed. One who gave a consent is kept (the consent is the plan's history): refused.
    public func removeFamilyMember(planId: Int64, memberId: Int64, reason: String) throws {
        let reason = try TextRules.required(reason, for: .reason)
        try write { db in
            let before = try self.correctableMember(db, planId: planId, memberId, .removeFamilyMember(plan: planId))
            if try Consent.filter(Consent.Columns.givenByMemberId == memberId).fetchCount(db) > 0 {
                throw SIPError.familyMemberHasConsent
            }
            let hidden = try Self.addressProtected(db, before)
            var changes = AuditDetail.pairs([
                ("role", before.role.rawValue, ""), ("name", before.name, ""), ("relation", before.relation, ""),
                ("phone", before.phone, ""), ("email", before.email, ""),
            ])
            if !before.address.isEmpty {
                changes.append(
                    hidden ? "address: (protected)" : AuditDetail.pairs([("address", before.address, "")])[0])
            }
            try db.execute(sql: "DELETE FROM familyMember WHERE id = ?", arguments: [memberId])
            try self.audit(
                db, .removeFamilyMember(plan: planId),
                detail: AuditDetail.correction("familyMember \(memberId)", changes, reason))
        }
    }

    /// Corrects a participant's name or role, with a required reason; audited before and after.
    @discardableResult
    public func editParticipant(
        planId: Int64, participantId: Int64, person: String? = nil, role: String? = nil, reason: String
    ) throws -> Participant {
        let reason = try TextRules.required(reason, for: .reason)
        let person = try person.map { try TextRules.required($0, for: .person) }
        let role = try role.map { try TextRules.validated($0, for: .role) }
        return try write { db in
            let before = try self.correctableParticipant(
                db, planId: planId, participantId, .editParticipant(plan: planId))
            var after = before
            if let person { after.person = person }
            if let role { after.role = role }
            let changes = AuditDetail.pairs([
                ("person", before.person, after.person), ("role", before.role, after.role),
            ])
            guard !changes.isEmpty else { return before }
            try after.update(db)
            try self.audit(
                db, .editParticipant(plan: planId),
                detail: AuditDetail.correction("participant \(participantId)", changes, reason))
            return after
        }
    }

    /// Removes a participant recorded by mistake (with their attendance), with a required reason;
    /// audited with what was removed.
    public func removeParticipant(planId: Int64, participantId: Int64, reason: String) throws {
        let reason = try TextRules.required(reason, for: .reason)
        try write { db in
            let before = try self.correctableParticipant(
                db, planId: planId, participantId, .removeParticipant(plan: planId))
            let changes = AuditDetail.pairs([
                ("person", before.person, ""), ("role", before.role, ""),
                ("agencyId", before.agencyId.map(String.init) ?? "", ""),
            ])
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [participantId])
            try self.audit(
                db, .removeParticipant(plan: planId),
                detail: AuditDetail.correction("participant \(participantId)", changes, reason))
        }
    }

    /// The plan and its child, once the user is known to see the plan as it is before the correction.
    private func correctable(_ db: Database, planId: Int64, _ act: Act) throws -> (Plan, Child) {
        guard let plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
        try refusing(db, act, detail: "") { try self.requireVisible(db, planId: planId) }
        try Store.requireNotPurged(db, planId: planId)
        guard let child = try Child.fetchOne(db, key: plan.childId) else {
            throw SIPError.notFound(.child, plan.childId)
        }
        return (plan, child)
    }

    private func correctableMember(_ db: Database, planId: Int64, _ id: Int64, _ act: Act) throws -> FamilyMember {
        let (plan, _) = try correctable(db, planId: planId, act)
        guard let member = try FamilyMember.fetchOne(db, key: id), member.childId == plan.childId else {
            throw SIPError.notFound(.familyMember, id)
        }
        return member
    }

    private func correctableParticipant(_ db: Database, planId: Int64, _ id: Int64, _ act: Act) throws -> Participant {
        _ = try correctable(db, planId: planId, act)
        guard let participant = try Participant.fetchOne(db, key: id), participant.planId == planId else {
            throw SIPError.notFound(.participant, id)
        }
        return participant
    }

    /// A member's address is protected when they or the child are marked.
    private static func addressProtected(_ db: Database, _ member: FamilyMember) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT m.protectedIdentity OR c.protectedIdentity FROM familyMember m JOIN child c ON c.id = m.childId
                WHERE m.id = ?
                """, arguments: [member.id!]) ?? false
    }

    // MARK: Names, not logins

    /// How a document names a plan's coordinator: a user's name and organisation from the user
    /// register, never their login; a name written for someone outside it as it was written.
    static func coordinatorName(_ db: Database, _ plan: Plan) throws -> String {
        try personName(db, plan.coordinator)
    }

    /// How a document names a person: a user by name and organisation, a contact person by name,
    /// function and organisation, someone outside the register as written; never a login. A
    /// retired user or contact keeps their name. `omitting` leaves out an organisation the
    /// document already shows beside the person (an intervention's).
    static func personName(_ db: Database, _ person: PersonRef, omitting organisation: String? = nil) throws -> String {
        func agency(_ id: Int64?) throws -> String {
            let name = try id.flatMap { try Agency.fetchOne(db, key: $0)?.name } ?? ""
            return name == organisation ? "" : name
        }
        switch person {
        case .user(let login):
            guard let user = try AppUser.fetchOne(db, key: login) else { return "" }
            return PersonName.joined([PersonName.ofUser(login: login, name: user.name), try agency(user.agencyId)])
        case .contact(let id):
            guard let contact = try ContactPerson.fetchOne(db, key: id) else { return "" }
            return PersonName.joined([contact.name, contact.role, try agency(contact.agencyId)])
        case .outside(let text):
            return text
        }
    }

    /// Who a history line says made the change: the user's name, never their login.
    static func userName(_ db: Database, _ login: String) throws -> String {
        guard let user = try AppUser.fetchOne(db, key: login) else { return "" }
        return PersonName.ofUser(login: login, name: user.name)
    }

    // MARK: People to choose

    /// The people a plan's lead person or an intervention's responsible person may be chosen among:
    /// the users and the register's contact persons who are not retired, by name, each with their
    /// function (a user's role) and organisation. `keeping`, the one already chosen, is offered
    /// even when retired (marked so), so that a form saved unchanged keeps them. Readable by those
    /// who work with plans.
    public func personChoices(keeping kept: PersonRef = .nobody) throws -> [PersonChoice] {
        try read { db in
            try self.currentAccess(db)?.require(.plans)
            let users = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.login, u.name, u.role, COALESCE(a.name, '') AS organisation, u.retiredOn IS NOT NULL AS retired
                    FROM appUser u LEFT JOIN agency a ON a.id = u.agencyId
                    WHERE u.retiredOn IS NULL OR u.login = ?
                    """, arguments: [kept.login]
            ).compactMap { row -> PersonChoice? in
                let login: String = row["login"]
                let name = PersonName.ofUser(login: login, name: row["name"])
                guard !name.isEmpty else { return nil }
                return PersonChoice(
                    person: .user(login: login), name: name, function: "", role: Role(rawValue: row["role"]),
                    organisation: row["organisation"], isRetired: row["retired"])
            }
            let contacts = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.name, c.role, a.name AS organisation,
                        (c.retiredOn IS NOT NULL OR a.retiredOn IS NOT NULL) AS retired
                    FROM contactPerson c JOIN agency a ON a.id = c.agencyId
                    WHERE (c.retiredOn IS NULL AND a.retiredOn IS NULL) OR c.id = ?
                    """, arguments: [kept.contactId]
            ).map { row in
                PersonChoice(
                    person: .contact(id: row["id"]), name: row["name"], function: row["role"],
                    organisation: row["organisation"], isRetired: row["retired"])
            }
            return (users + contacts).sorted {
                ($0.name.localizedLowercase, $0.organisation) < ($1.name.localizedLowercase, $1.organisation)
            }
        }
    }

    /// A person chosen for a plan or an intervention, checked inside the write: a user or a contact
    /// person who exists and is not retired, unless they are `kept` (already the one named: a
    /// retired person stays where they were until someone else is chosen). A name written for
    /// someone outside the register is cleaned and checked against `field`'s limit.
    static func checkedPerson(_ db: Database, _ person: PersonRef, kept: PersonRef, field: Field) throws -> PersonRef {
        switch person {
        case .user(let login):
            guard let user = try AppUser.fetchOne(db, key: login) else { throw SIPError.unknownUser(login) }
            if user.isRetired && person != kept { throw SIPError.personRetired(user.name) }
        case .contact(let id):
            guard let contact = try ContactPerson.fetchOne(db, key: id) else {
                throw SIPError.register(.unknownContact(String(id)))
            }
            if contact.retiredOn != nil && person != kept { throw SIPError.personRetired(contact.name) }
        case .outside(let text):
            return .outside(try TextRules.validated(text, for: field))
        }
        return person
    }
}

extension AuditDetail {
    /// The fields that differ, as `field: "before" -> "after"`.
    static func pairs(_ fields: [(String, String, String)]) -> [String] {
        fields.filter { $0.1 != $0.2 }.map { "\($0.0): \(quote($0.1)) -> \(quote($0.2))" }
    }

    /// A correction's detail: the record, its changes, the reason.
    static func correction(_ record: String, _ changes: [String], _ reason: String) -> String {
        ([record] + changes + ["reason: \(quote(reason))"]).joined(separator: "; ")
    }

    /// The fields a correction's detail may name, which an administrator sees without values.
    static let correctionFields = [
        "name", "personalNumber", "birthDate", "sex", "role", "relation", "phone", "email", "address", "invited",
        "person", "agencyId", "reason",
    ]

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
