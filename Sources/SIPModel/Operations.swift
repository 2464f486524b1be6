import Foundation
import GRDB
import SIPDomain
import SIPText

/// What is needed to open a new plan from a request.
public struct NewPlan: Sendable {
    public var childId: Int64
    public var busGroupId: Int64
    public var initiatorKind: InitiatorKind
    public var initiatorAgencyId: Int64?
    public var initiatorPerson: String
    public var requestDate: Day
    public var reason: String
    public var questions: String
    /// The coordinator user (a login); nil: the user who opens the plan, if they are a coordinator.
    public var coordinator: String?

    public init(
        childId: Int64, busGroupId: Int64, initiatorKind: InitiatorKind, initiatorAgencyId: Int64? = nil,
        initiatorPerson: String = "", requestDate: Day, reason: String = "", questions: String = "",
        coordinator: String? = nil
    ) {
        self.coordinator = coordinator
        self.childId = childId
        self.busGroupId = busGroupId
        self.initiatorKind = initiatorKind
        self.initiatorAgencyId = initiatorAgencyId
        self.initiatorPerson = initiatorPerson
        self.requestDate = requestDate
        self.reason = reason
        self.questions = questions
    }
}

/// Who gave a consent.
public enum ConsentGiver: Sendable, Equatable {
    case guardian(Int64)
    case child
}

extension Store {
    // MARK: Organisations

    public func addBusGroup(name: String) throws -> BusGroup {
        let name = try TextRules.required(name, for: .groupName)
        return try write { db in
            var group = BusGroup(name: name)
            try group.insert(db)
            try self.audit(db, .addBusGroup(group.id!))
            return group
        }
    }

    /// An organisation serving one group, or every group with nil (see `addAgency(groupIds:)`).
    public func addAgency(
        kind: String, principalType: PrincipalType? = nil, principalName: String, name: String,
        busGroupId: Int64?
    ) throws -> Agency {
        try addAgency(
            kind: kind, principalType: principalType, principalName: principalName, name: name,
            groupIds: busGroupId.map { [$0] } ?? [])
    }

    @discardableResult
    public func addContact(
        agencyId: Int64, name: String, role: String = "", phone: String = "",
        email: String = ""
    ) throws -> ContactPerson {
        let contactDraft = ContactPerson(
            agencyId: agencyId, name: try TextRules.required(name, for: .name),
            role: try TextRules.validated(role, for: .role), phone: try TextRules.validated(phone, for: .phone),
            email: try TextRules.validated(email, for: .email))
        return try write { db in
            var contact = contactDraft
            try contact.insert(db)
            try self.audit(db, .addContact(agency: agencyId))
            return contact
        }
    }

    // MARK: Children and families

    /// Adds a child. With a personal number the birth date comes from it; without, `birthDate` is required.
    public func addChild(name: String, personalNumber: String?, birthDate: String? = nil, sex: Sex) throws -> Child {
        let draft = try validatedChild(name: name, personalNumber: personalNumber, birthDate: birthDate, sex: sex)
        return try write { db in try self.insert(child: draft, db) }
    }

    /// Checks a new child's details without writing anything.
    func validatedChild(name: String, personalNumber: String?, birthDate: String?, sex: Sex) throws -> Child {
        let name = try TextRules.required(name, for: .name)
        var number: PersonalNumber?
        if let raw = personalNumber, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            switch PersonalNumber.parse(raw, today: context.today) {
            case .success(let parsed): number = parsed
            case .failure(let problem): throw SIPError.invalidPersonalNumber(problem)
            }
        }
        let born: Day
        if let number {
            born = number.birthDate
        } else {
            guard let day = try Day.parseOptional(birthDate ?? "") else { throw SIPError.required(field: .birthDate) }
            born = day
        }
        return Child(name: name, personalNumber: number?.digits, birthDate: born, sex: sex)
    }

    private func insert(child draft: Child, _ db: Database) throws -> Child {
        var child = draft
        try child.insert(db)
        try audit(db, .createChild(child.id!))
        return child
    }

    /// Opens a plan for a new child in one transaction: the child is never left without its plan.
    /// With `newBusGroupName`, the BUS group is created too (a new database has none).
    public func createPlan(
        childName: String, personalNumber: String?, birthDate: String?, sex: Sex,
        busGroupId: Int64?, newBusGroupName: String? = nil, initiatorKind: InitiatorKind,
        requestDate: Day, reason: String, questions: String, coordinator: String? = nil
    ) throws -> Plan {
        let child = try validatedChild(name: childName, personalNumber: personalNumber, birthDate: birthDate, sex: sex)
        let groupName = try TextRules.optional(newBusGroupName, for: .groupName)
        if busGroupId == nil && groupName == nil { throw SIPError.required(field: .groupName) }
        // Child and group ids are filled in inside the transaction, once they exist.
        let draft = try draftPlan(
            NewPlan(
                childId: 0, busGroupId: busGroupId ?? 0, initiatorKind: initiatorKind,
                requestDate: requestDate, reason: reason, questions: questions, coordinator: coordinator))
        return try write { db in try self.insert(plan: draft, for: child, newGroupName: groupName, db) }
    }

    /// Inserts a checked new plan for a checked child, inside the caller's transaction (a new plan,
    /// or an accepted request).
    func insert(plan draft: Plan, for child: Child, newGroupName groupName: String?, _ db: Database) throws -> Plan {
        var plan = draft
        // A child already known by number gets the new plan, never a second record; but only a
        // child this user may see, and only under the name they typed.
        if let number = child.personalNumber,
            let existing = try Child.filter(Child.Columns.personalNumber == number).fetchOne(db)
        {
            plan.childId = try reusableChild(db, existing, typedName: child.name)
        } else {
            plan.childId = try insert(child: child, db).id!
        }
        if let groupName {
            var group =
                try BusGroup.filter(BusGroup.Columns.name == groupName).fetchOne(db) ?? BusGroup(name: groupName)
            if group.id == nil { try group.insert(db) }
            plan.busGroupId = group.id!
        }
        return try insert(plan: plan, db)
    }

    /// The child a new plan may reuse when its number is already registered. A child the user may
    /// not see reveals nothing: the refusal is the same neutral one whatever the child's details,
    /// and nothing is written. Within what the user sees, an open plan is a duplicate (said with
    /// its number) and a different name is never silently replaced by the stored one.
    private func reusableChild(_ db: Database, _ existing: Child, typedName: String) throws -> Int64 {
        let childId = existing.id!
        guard let access = try currentAccess(db) else { return childId }
        var arguments: [String: (any DatabaseValueConvertible)?] = ["child": childId]
        let condition = access.planCondition(&arguments, today: context.today)
        let visible = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.status FROM "plan" p
                WHERE p.childId = :child AND p.purgedOn IS NULL AND COALESCE((\(condition)), 0) ORDER BY p.id
                """, arguments: StatementArguments(arguments))
        guard !visible.isEmpty else { throw SIPError.personalNumberUnavailable }
        if let open = visible.first(where: { ($0["status"] as PlanStatus) != .closed }) {
            throw SIPError.duplicateOpenPlan(open["id"])
        }
        let fold = { (name: String) in name.precomposedStringWithCanonicalMapping.lowercased() }
        guard fold(existing.name) == fold(typedName) else { throw SIPError.personalNumberOtherName }
        return childId
    }

    /// Agencies that may take overall responsibility for a plan in `busGroupId`: those serving the
    /// group (`agencyGroup`) and those serving every group (no row there); never a retired one.
    public func agencies(forGroup busGroupId: Int64) throws -> [Agency] {
        try read { db in
            try Agency.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM agency a WHERE a.retiredOn IS NULL
                    AND (EXISTS (SELECT 1 FROM agencyGroup g WHERE g.agencyId = a.id AND g.busGroupId = ?)
                         OR NOT EXISTS (SELECT 1 FROM agencyGroup g WHERE g.agencyId = a.id))
                    ORDER BY a.name
                    """, arguments: [busGroupId])
        }
    }

    /// Adds a guardian or relative. With `inviteTo`, they are also made a participant of that plan,
    /// in the same transaction; with `protectedIdentity`, their address is never shown (also in it).
    @discardableResult
    public func addFamilyMember(
        childId: Int64, role: FamilyRole, name: String, relation: String = "",
        phone: String = "", email: String = "", address: String = "",
        invited: Bool = true, inviteTo planId: Int64? = nil,
        participantRole: String = "", protectedIdentity: Bool = false
    ) throws -> FamilyMember {
        let memberDraft = FamilyMember(
            childId: childId, role: role, name: try TextRules.required(name, for: .name),
            relation: try TextRules.validated(relation, for: .relation),
            phone: try TextRules.validated(phone, for: .phone), email: try TextRules.validated(email, for: .email),
            address: try TextRules.validated(address, for: .address), invited: invited)
        return try write { db in
            guard try Child.exists(db, key: childId) else { throw SIPError.notFound(.child, childId) }
            try self.requireVisible(db, childId: childId)
            if let planId {
                try self.requireVisible(db, planId: planId)
                guard try Plan.fetchOne(db, key: planId)?.childId == childId else {
                    throw SIPError.notFound(.plan, planId)
                }
            }
            var member = memberDraft
            try member.insert(db)
            try self.audit(db, .addFamilyMember(member.id!))
            if protectedIdentity {
                try db.execute(
                    sql: "UPDATE familyMember SET protectedIdentity = 1 WHERE id = ?", arguments: [member.id!])
                try self.audit(db, .protectFamilyMember(member.id!), detail: "on")
            }
            if let planId {
                var participant = Participant(
                    planId: planId, agencyId: nil, familyMemberId: member.id,
                    person: member.name, role: participantRole, invitationKind: .invitation)
                try participant.insert(db)
                try self.audit(db, .addParticipant(participant.id!), detail: "plan \(planId)")
            }
            return member
        }
    }

    // MARK: Plans

    public func createPlan(_ request: NewPlan) throws -> Plan {
        let draft = try draftPlan(request)
        return try write { db in
            guard try Child.exists(db, key: request.childId) else { throw SIPError.notFound(.child, request.childId) }
            return try self.insert(plan: draft, db)
        }
    }

    /// Checks a request and makes the draft plan it opens, before any transaction.
    func draftPlan(_ request: NewPlan) throws -> Plan {
        if request.initiatorKind == .agency && request.initiatorAgencyId == nil {
            throw SIPError.required(field: .agencyName)
        }
        let now = context.now()
        return Plan(
            id: nil, childId: request.childId, busGroupId: request.busGroupId,
            initiatorKind: request.initiatorKind, initiatorAgencyId: request.initiatorAgencyId,
            initiatorPerson: try TextRules.validated(request.initiatorPerson, for: .initiatorPerson),
            requestDate: request.requestDate, reason: try TextRules.validated(request.reason, for: .reason),
            questions: try TextRules.validated(request.questions, for: .questions),
            currentSituation: "", childView: "", childGoals: "", longTermGoals: "", shortTermGoals: "",
            familyOwnActions: "", leadAgencyId: nil, leadPerson: "", coordinatorLogin: request.coordinator,
            status: .draft,
            closedReason: nil, followUpDate: nil, followUpCaller: "", version: 1, createdAt: now, updatedAt: now)
    }

    /// Inserts a draft plan with the first entry of its history and its audit line.
    private func insert(plan draft: Plan, _ db: Database) throws -> Plan {
        guard let group = try BusGroup.fetchOne(db, key: draft.busGroupId) else {
            throw SIPError.notFound(.busGroup, draft.busGroupId)
        }
        // A retired group keeps its plans and takes no new one.
        if group.retiredOn != nil { throw SIPError.register(.retiredGroup(group.name)) }
        var plan = draft
        plan.coordinatorLogin = try openingCoordinator(db, chosen: draft.coordinatorLogin)
        try plan.insert(db)
        var change = PlanStatusChange(
            planId: plan.id!, fromStatus: nil, toStatus: .draft, changedAt: plan.createdAt,
            changedBy: context.user, note: "")
        try change.insert(db)
        // A coordinator chosen for a plan another opens must leave it one the opener sees (a colleague
        // of their organisation; anyone, for the central team): else nothing is created.
        if let chosen = draft.coordinatorLogin, chosen != context.user {
            do { try requireVisible(db, planId: plan.id!) } catch SIPError.planNotPermitted {
                throw SIPError.invalidValue(field: .coordinator, value: chosen)
            }
        }
        try audit(db, .createPlan(plan.id!), detail: plan.coordinatorLogin.map { "coordinator \($0)" } ?? "")
        // A coordinator's own organisation takes part in the plans they open, so that their
        // colleagues see it too and it can be handed over.
        if let user = try currentAccess(db)?.user, user.role == .coordinator, let agencyId = user.agencyId,
            let agency = try Agency.fetchOne(db, key: agencyId)
        {
            var participant = Participant(
                // By name, never by login (a user whose system gave no full name is named by role).
                planId: plan.id!, agencyId: agencyId, familyMemberId: nil,
                person: PersonName.ofUser(login: user.login, name: user.name).isEmpty
                    ? "SIP-samordnare" : user.name,
                role: "SIP-samordnare",
                invitationKind: agency.principalType.isMunicipalityOrRegion ? .summons : .invitation)
            try participant.insert(db)
            try audit(db, .addParticipant(participant.id!), detail: "plan \(plan.id!)")
        }
        return plan
    }

    /// The coordinator a new plan gets: the one chosen (a coordinator user who is not retired), else
    /// the user who opens it if they are a coordinator, else none (the library used directly).
    private func openingCoordinator(_ db: Database, chosen: String?) throws -> String? {
        guard let chosen else {
            let opener = try AppUser.fetchOne(db, key: context.user)
            return opener.flatMap { $0.role == .coordinator && !$0.isRetired ? $0.login : nil }
        }
        guard let user = try AppUser.fetchOne(db, key: chosen) else { throw SIPError.unknownUser(chosen) }
        if user.isRetired { throw SIPError.userRetired(chosen) }
        guard user.role == .coordinator else { throw SIPError.invalidValue(field: .coordinator, value: chosen) }
        return chosen
    }

    public func plan(_ id: Int64) throws -> Plan {
        try read { db in
            guard let plan = try Plan.fetchOne(db, key: id) else { throw SIPError.notFound(.plan, id) }
            try self.requireVisible(db, planId: id)
            try Store.requireNotPurged(db, planId: id)
            return plan
        }
    }

    /// The name of the child a plan is for, as its form's title shows it.
    public func childName(ofPlan id: Int64) throws -> String {
        try read { db in
            guard let plan = try Plan.fetchOne(db, key: id) else { throw SIPError.notFound(.plan, id) }
            try self.requireVisible(db, planId: id)
            return try Child.fetchOne(db, key: plan.childId)?.name ?? ""
        }
    }

    /// Saves the editable fields of `edited` if nobody saved in between (`edited.version` is still
    /// current). Otherwise throws `.conflict` carrying both versions; nothing is overwritten.
    @discardableResult
    public func updatePlan(_ edited: Plan) throws -> Plan {
        guard let id = edited.id else { throw SIPError.notFound(.plan, 0) }
        var clean = edited
        for field in Plan.editableFields where field != .followUpDate {
            try clean.set(field, to: edited.text(of: field))
        }
        let candidate = clean
        return try write { db in
            guard let current = try Plan.fetchOne(db, key: id) else { throw SIPError.notFound(.plan, id) }
            try self.requireVisible(db, planId: id)
            guard current.version == candidate.version else {
                throw SIPError.conflict(PlanConflict(mine: candidate, theirs: current))
            }
            // Overall responsibility only by a kommun or a region: a new choice is checked (an older
            // plan's lead, from before the rule, stays until it is changed).
            if let lead = candidate.leadAgencyId, lead != current.leadAgencyId {
                try Store.requireMayHoldOverallResponsibility(db, agencyId: lead)
            }
            var saved = candidate
            saved.status = current.status
            saved.closedReason = current.closedReason
            saved.createdAt = current.createdAt
            // The coordinator changes only by the hand-over, which is audited as such.
            saved.coordinatorLogin = current.coordinatorLogin
            saved.outsideCoordinator = current.outsideCoordinator
            saved.lead = try Store.checkedPerson(db, candidate.lead, kept: current.lead, field: .leadPerson)
            saved.version = current.version + 1
            saved.updatedAt = self.context.now()
            // The WHERE on version makes the check atomic even against writers that bypass this method.
            let assignments =
                PlanField.all.compactMap { $0.saved(from: saved) } + [
                    Plan.Columns.leadAgencyId.set(to: saved.leadAgencyId),
                    Plan.Columns.leadLogin.set(to: saved.leadLogin),
                    Plan.Columns.leadContactId.set(to: saved.leadContactId),
                    Plan.Columns.initiatorKind.set(to: saved.initiatorKind),
                    Plan.Columns.initiatorAgencyId.set(to: saved.initiatorAgencyId),
                    Plan.Columns.busGroupId.set(to: saved.busGroupId),
                    Plan.Columns.version.set(to: saved.version),
                    Plan.Columns.updatedAt.set(to: saved.updatedAt),
                ]
            let changed = try Plan.filter(Plan.Columns.id == id && Plan.Columns.version == current.version)
                .updateAll(db, assignments)
            guard changed == 1 else {
                throw SIPError.conflict(PlanConflict(mine: candidate, theirs: current))
            }
            try self.audit(db, .updatePlan(id), detail: AuditDetail.changes(from: current, to: saved))
            return saved
        }
    }

    /// Moves a plan to `status`, enforcing the transition table, consent before activation and a
    /// reason for closing. Records a dated history entry.
    @discardableResult
    public func changeStatus(
        planId: Int64, to status: PlanStatus, expectedVersion: Int? = nil,
        note: String = "", closedKind: ClosedKind = .completed
    ) throws -> Plan {
        let note = try TextRules.validated(note, for: status == .closed ? .closedReason : .note)
        return try write { db in
            guard var plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            if let expectedVersion, expectedVersion != plan.version {
                var mine = plan
                mine.status = status
                mine.version = expectedVersion
                throw SIPError.conflict(PlanConflict(mine: mine, theirs: plan))
            }
            try self.transition(db, &plan, to: status, note: note, closedKind: closedKind)
            return plan
        }
    }

    /// One status step inside the caller's transaction: the rules, the history line, the audit line.
    func transition(
        _ db: Database, _ plan: inout Plan, to status: PlanStatus, note: String = "",
        closedKind: ClosedKind = .completed
    ) throws {
        guard plan.status.allowedNext.contains(status) else {
            throw SIPError.transitionNotAllowed(from: plan.status, to: status)
        }
        if status == .active, try !Store.consentIsValid(db, planId: plan.id!, on: context.today) {
            throw SIPError.consentRequired
        }
        if status == .closed && note.isEmpty { throw SIPError.closingReasonRequired }
        let from = plan.status
        plan.status = status
        plan.closedReason = status == .closed ? note : plan.closedReason
        plan.closedKind = status == .closed ? closedKind : plan.closedKind
        plan.version += 1
        plan.updatedAt = context.now()
        // The history line first: a kept past period's figures then see the change as of today
        // (see the trigger `reviewSnapshot_planStatus`).
        var change = PlanStatusChange(
            planId: plan.id!, fromStatus: from, toStatus: status,
            changedAt: plan.updatedAt, changedBy: context.user, note: note)
        try change.insert(db)
        try plan.update(db)
        try audit(db, .changeStatus(plan: plan.id!), detail: "\(from.rawValue) -> \(status.rawValue)")
    }

    // MARK: Consent

    /// The consent rule: the child's own valid consent (old enough by `child-consent-age`, or assessed
    /// mature), or a valid consent from every guardian on record.
    static func consentIsValid(_ db: Database, planId: Int64, on day: Day) throws -> Bool {
        guard let plan = try Plan.fetchOne(db, key: planId) else { return false }
        let consents = try Consent.fetchAll(
            db.constant("SELECT * FROM \(Consent.databaseTableName) WHERE planId = ?"), arguments: [planId]
        ).filter { $0.isValid(on: day) }
        // The child's own consent counts from the local age, or younger with a maturity assessment.
        if consents.contains(where: \.givenByChild), try ConsentRule.childMayConsent(db, planId: planId, on: day) {
            return true
        }
        let guardians = try Int64.fetchAll(
            db.constant("SELECT id FROM \(FamilyMember.databaseTableName) WHERE childId = ? AND role = ?"),
            arguments: [plan.childId, FamilyRole.guardian])
        guard !guardians.isEmpty else { return false }
        let consenting = Set(consents.compactMap(\.givenByMemberId))
        return guardians.allSatisfy(consenting.contains)
    }

    public func consentIsValid(planId: Int64) throws -> Bool {
        let today = context.today
        return try read { db in try Store.consentIsValid(db, planId: planId, on: today) }
    }

    @discardableResult
    public func addConsent(
        planId: Int64, givenBy: ConsentGiver, information: String, form: ConsentForm = .written,
        validFrom: Day, validTo: Day? = nil, agencyIds: [Int64]
    ) throws -> Consent {
        let information = try TextRules.required(information, for: .information)
        if let validTo, validTo < validFrom { throw SIPError.dateOrder(field: .dueDate) }
        // A consent covers the organisations it names; one naming none would cover no one.
        if agencyIds.isEmpty { throw SIPError.consentCoversNoOne }
        let now = context.now()
        return try write { db in
            guard let plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            var memberId: Int64?
            if case .guardian(let id) = givenBy {
                guard let member = try FamilyMember.fetchOne(db, key: id), member.childId == plan.childId else {
                    throw SIPError.notFound(.familyMember, id)
                }
                memberId = id
            }
            var consent = Consent(
                planId: planId, givenByMemberId: memberId, givenByChild: givenBy == .child,
                information: information, form: form, validFrom: validFrom, validTo: validTo,
                withdrawnOn: nil, recordedAt: now, recordedBy: self.context.user)
            try consent.insert(db)
            for agencyId in Set(agencyIds) {
                guard try Agency.exists(db, key: agencyId) else { throw SIPError.notFound(.agency, agencyId) }
                try ConsentAgency(consentId: consent.id!, agencyId: agencyId).insert(db)
            }
            try self.audit(db, .addConsent(consent.id!), detail: "plan \(planId)")
            return consent
        }
    }

    @discardableResult
    public func withdrawConsent(_ consentId: Int64, on day: Day) throws -> Consent {
        try modify(Consent.self, consentId, Act.withdrawConsent) { consent in
            consent.withdrawnOn = day
            return day.iso
        }
    }

    /// Records the coordinator's assessment that a child younger than `child-consent-age` is mature
    /// enough to consent on their own; the reason is required and kept.
    public func recordMaturityAssessment(planId: Int64, reason: String) throws {
        let reason = try TextRules.required(reason, for: .reason)
        let today = context.today
        try write { db in
            guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            try db.execute(
                sql: "INSERT INTO maturityAssessment (planId, reason, assessedOn, recordedBy) VALUES (?, ?, ?, ?)",
                arguments: [planId, reason, today, self.context.user])
            // The reason is kept with the assessment (purged with the plan), not in the audit detail an
            // administrator reads.
            try self.audit(db, .assessMaturity(plan: planId))
        }
    }

    /// The maturity assessments recorded on a plan, oldest first.
    public func maturityAssessments(planId: Int64) throws -> [(on: Day, reason: String)] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Row.fetchAll(
                db, sql: "SELECT assessedOn, reason FROM maturityAssessment WHERE planId = ? ORDER BY id",
                arguments: [planId]
            ).map { ($0["assessedOn"], $0["reason"]) }
        }
    }

    // MARK: Protected identity

    /// Marks (or clears) protected identity on a child: no address of the child's family is shown.
    public func setProtectedIdentity(childId: Int64, _ protected: Bool) throws {
        try write { db in
            guard try Child.exists(db, key: childId) else { throw SIPError.notFound(.child, childId) }
            try self.requireVisible(db, childId: childId)
            try db.execute(
                sql: "UPDATE child SET protectedIdentity = ? WHERE id = ?", arguments: [protected, childId])
            try self.audit(db, .protectChild(childId), detail: protected ? "on" : "off")
        }
    }

    /// Marks (or clears) protected identity on a family member: their address is never shown.
    public func setProtectedIdentity(familyMemberId: Int64, _ protected: Bool) throws {
        try write { db in
            guard let member = try FamilyMember.fetchOne(db, key: familyMemberId) else {
                throw SIPError.notFound(.familyMember, familyMemberId)
            }
            try self.requireVisible(db, childId: member.childId)
            try db.execute(
                sql: "UPDATE familyMember SET protectedIdentity = ? WHERE id = ?",
                arguments: [protected, familyMemberId])
            try self.audit(db, .protectFamilyMember(familyMemberId), detail: protected ? "on" : "off")
        }
    }

    // MARK: Participants, meetings, interventions

    @discardableResult
    ///
    /// An organisation no consent in force covers (the coordinator's own aside) is refused with
    /// `.outsideConsent` unless `outsideConsent` says the user chose to invite it anyway: the choice
    /// is in the audit line, and the organisation sees nothing of the plan until a consent covers it.
    public func addParticipant(
        planId: Int64, agencyId: Int64?, familyMemberId: Int64? = nil, person: String,
        role: String, outsideConsent: Bool = false
    ) throws -> Participant {
        let person = try TextRules.required(person, for: .person)
        let role = try TextRules.validated(role, for: .role)
        return try write { db in
            // Before the insert: adding one's own organisation must not be what grants access.
            try self.requireVisible(db, planId: planId)
            var kind = InvitationKind.invitation
            if let agencyId {
                guard let agency = try Agency.fetchOne(db, key: agencyId) else {
                    throw SIPError.notFound(.agency, agencyId)
                }
                kind = agency.principalType.isMunicipalityOrRegion ? .summons : .invitation
            }
            var uncovered = false
            // Asked of a signed-in user; the library used directly (demo, tools) is not scoped.
            if let agencyId, try self.currentAccess(db) != nil,
                try ConsentRule.coordinatorAgency(db, planId: planId) != agencyId
            {
                uncovered = try !ConsentRule.covers(db, planId: planId, agencyId: agencyId, on: self.context.today)
                if uncovered && !outsideConsent {
                    throw SIPError.outsideConsent(try Agency.fetchOne(db, key: agencyId)?.name ?? "")
                }
            }
            var participant = Participant(
                planId: planId, agencyId: agencyId, familyMemberId: familyMemberId,
                person: person, role: role, invitationKind: kind)
            try participant.insert(db)
            try self.audit(
                db, .addParticipant(participant.id!),
                detail: "plan \(planId)" + (uncovered ? ", outside consent" : ""))
            return participant
        }
    }

    /// Schedules a meeting with the mötescirkel agenda from the template.
    @discardableResult
    public func addMeeting(
        planId: Int64, kind: MeetingKind, startsAt: Date, durationMinutes: Int, place: String,
        videoLink: String = ""
    ) throws -> Meeting {
        guard (5...600).contains(durationMinutes) else {
            throw SIPError.invalidValue(field: .place, value: String(durationMinutes))
        }
        let place = try TextRules.validated(place, for: .place)
        let videoLink = try TextRules.validated(videoLink, for: .videoLink)
        return try write { db in
            guard let plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            // A closed plan takes no new meeting: it is reopened first, with a reason.
            if plan.status == .closed { throw SIPError.planClosed(planId) }
            var meeting = Meeting(
                planId: planId, kind: kind, startsAt: startsAt, durationMinutes: durationMinutes,
                place: place, videoLink: videoLink, minutes: "", held: false)
            try meeting.insert(db)
            for item in try AgendaTemplateItem.order(AgendaTemplateItem.Columns.position).fetchAll(db) {
                var agendaItem = AgendaItem(
                    meetingId: meeting.id!, position: item.position, title: item.titleSv,
                    notes: "")
                try agendaItem.insert(db)
            }
            try self.audit(db, .scheduleMeeting(meeting.id!), detail: "plan \(planId)")
            return meeting
        }
    }

    public func recordAttendance(meetingId: Int64, participantId: Int64, status: AttendanceStatus) throws {
        try write { db in
            // attendance has no rowid, which GRDB's upsert reads back: say it in SQL.
            try db.execute(
                sql: """
                    INSERT INTO attendance (meetingId, participantId, status) VALUES (?, ?, ?)
                    ON CONFLICT (meetingId, participantId) DO UPDATE SET status = excluded.status
                    """, arguments: [meetingId, participantId, status])
            try self.audit(
                db, .recordAttendance(meeting: meetingId),
                detail: "participant \(participantId): \(status.rawValue)")
        }
    }

    @discardableResult
    public func addIntervention(
        planId: Int64, what: String, agencyId: Int64, person: String = "", responsible: PersonRef? = nil,
        frequency: String = "", startDate: Day, dueDate: Day,
        status: InterventionStatus = .planned, comment: String = ""
    ) throws -> Intervention {
        guard dueDate >= startDate else { throw SIPError.dateOrder(field: .dueDate) }
        let interventionDraft = Intervention(
            planId: planId, what: try TextRules.required(what, for: .what), agencyId: agencyId,
            person: "",
            frequency: try TextRules.validated(frequency, for: .frequency), startDate: startDate, dueDate: dueDate,
            status: status, comment: try TextRules.validated(comment, for: .comment))
        return try write { db in
            guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            guard try Agency.exists(db, key: agencyId) else { throw SIPError.notFound(.agency, agencyId) }
            var intervention = interventionDraft
            intervention.responsible = try Store.checkedPerson(
                db, responsible ?? .outside(person), kept: .nobody, field: .person)
            try intervention.insert(db)
            try self.audit(db, .addIntervention(intervention.id!), detail: "plan \(planId)")
            return intervention
        }
    }

    @discardableResult
    public func addDeviation(
        reportingAgencyId: Int64, concernedAgencyId: Int64, planId: Int64?, occurredOn: Day,
        kind: String, description: String, localAction: String = "",
        responseDays: Int = 30
    ) throws -> Deviation {
        let now = context.now()
        guard occurredOn <= context.today else { throw SIPError.invalidDate(occurredOn.iso) }
        let deviationDraft = Deviation(
            reportingAgencyId: reportingAgencyId, concernedAgencyId: concernedAgencyId, planId: planId,
            occurredOn: occurredOn, kind: kind, description: try TextRules.required(description, for: .description),
            localAction: try TextRules.validated(localAction, for: .localAction), status: .registered,
            response: nil, responseDate: nil, responseDue: context.today.adding(days: responseDays), createdAt: now)
        return try write { db in
            guard try DeviationKind.exists(db, key: kind) else {
                throw SIPError.invalidValue(field: .description, value: kind)
            }
            // A chair links only to a plan of their group; any other is "not found", as a missing one.
            if let planId, try !self.planLinkable(db, planId) { throw SIPError.notFound(.plan, planId) }
            var deviation = deviationDraft
            try deviation.insert(db)
            try self.recordDeviationChange(db, deviation.id!, what: "registered")
            try self.audit(db, .registerDeviation(deviation.id!))
            return deviation
        }
    }
}

/// Formats before/after pairs for the audit log.
enum AuditDetail {
    static func changes(from before: Plan, to after: Plan) -> String {
        var parts: [String] = []
        for field in Plan.editableFields where before.text(of: field) != after.text(of: field) {
            parts.append("\(field.rawValue): \(quoted(before.text(of: field))) -> \(quoted(after.text(of: field)))")
        }
        if before.leadAgencyId != after.leadAgencyId {
            parts.append(
                "leadAgencyId: \(before.leadAgencyId.map(String.init) ?? "-") -> "
                    + (after.leadAgencyId.map(String.init) ?? "-"))
        }
        // A lead person chosen from the register (the text alone is in the fields above).
        if before.lead != after.lead && (before.lead.text.isEmpty || after.lead.text.isEmpty) {
            parts.append("lead: \(before.lead.auditText) -> \(after.lead.auditText)")
        }
        return parts.joined(separator: "; ")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
