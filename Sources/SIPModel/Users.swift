import Foundation
import GRDB
import SIPDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
    import SIPText
#endif

extension Role: DatabaseValueConvertible {}

extension AppUser: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "appUser"
}

extension Access {
    /// Whether this user sees every plan (a coordinator with `allPlans`): `planCondition` is then
    /// no condition, and queries may start from a date index instead of from the user's plans.
    var seesEveryPlan: Bool { user.map { $0.role == .coordinator && $0.allPlans } ?? false }

    /// SQL condition on a plan aliased `p`: the plans this user may see on `today`.
    ///
    /// A coordinator sees the plans they coordinate, and their organisation sees the plans its
    /// colleagues coordinate (so a plan can be handed over). Any other organisation (lead,
    /// initiator, participant) sees a plan only while a valid consent covers it (`ConsentRule`):
    /// invited without one, it sees nothing. A coordinator with `allPlans` is a central SIP team,
    /// the municipality's own coordinating function: it sees every plan, as the coordinator does.
    func planCondition(_ arguments: inout [String: (any DatabaseValueConvertible)?], today: Day) -> String {
        if seesEveryPlan { return "1" }
        guard let user, user.role == .coordinator else { return "0" }
        arguments["accessLogin"] = user.login
        arguments["accessAgency"] = user.agencyId.map { $0 as any DatabaseValueConvertible } ?? DatabaseValue.null
        arguments["accessToday"] = today
        return """
            (p.coordinatorLogin = :accessLogin
             OR EXISTS (SELECT 1 FROM appUser pc WHERE pc.login = p.coordinatorLogin AND pc.agencyId = :accessAgency)
             OR \(ConsentRule.covers(agency: ":accessAgency", today: ":accessToday")))
            """
    }

    /// For a coordinator who does not see every plan: the numbers of the plans `planCondition` can
    /// hold for, found from the user's side (as a subquery selecting ids): those the user or a
    /// colleague of their organisation coordinates, and those with a consent naming their
    /// organisation (either way of `ConsentRule.covers` needs one). A superset: the condition itself
    /// still decides. Nil for anyone else. It lets a query start from the user's few plans (by the
    /// coordinator and consent indexes) instead of testing the condition on every plan in the file.
    func planCandidates(_ arguments: inout [String: (any DatabaseValueConvertible)?]) -> String? {
        guard !seesEveryPlan, let user, user.role == .coordinator else { return nil }
        arguments["accessLogin"] = user.login
        arguments["accessAgency"] = user.agencyId.map { $0 as any DatabaseValueConvertible } ?? DatabaseValue.null
        return """
            SELECT cp.id FROM "plan" cp WHERE cp.coordinatorLogin = :accessLogin
              OR cp.coordinatorLogin IN (SELECT u.login FROM appUser u WHERE u.agencyId = :accessAgency)
            UNION SELECT cc.planId FROM consentAgency cca JOIN consent cc ON cc.id = cca.consentId
              WHERE cca.agencyId = :accessAgency
            """
    }

    /// For a coordinator who does not see every plan: the numbers of their open, unpurged plans, as a
    /// JSON list for `json_each` (see `inVisiblePlans`), the plan condition tested once on each of
    /// their candidates. Nil for anyone else: their condition is no test ("1") or nothing ("0").
    /// Found once for a read that asks several questions of the same plans (the day, the digest).
    func visibleOpenPlans(_ db: Database, today: Day) throws -> String? {
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        guard let candidates = planCandidates(&arguments) else { return nil }
        let condition = planCondition(&arguments, today: today)
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT p.id FROM "plan" p WHERE p.id IN (\(candidates))
                  AND +p.status <> 'closed' AND +p.purgedOn IS NULL AND COALESCE((\(condition)), 0)
                """, arguments: StatementArguments(arguments))
        return "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// SQL condition on a plan aliased `p`: one of `visibleOpenPlans` (bound as `:visibleIds`).
    static let inVisiblePlans = "p.id IN (SELECT value FROM json_each(:visibleIds))"

    /// SQL condition on a deviation aliased `d`: the deviations this user may see. For a list
    /// (`fromCandidates`), a coordinator at one organisation tests the plan rule only on their
    /// candidate plans (`planCandidates`, found once for the statement) instead of on the plan of
    /// every deviation in the file; for one deviation, finding them would cost more than the test.
    func deviationCondition(
        _ arguments: inout [String: (any DatabaseValueConvertible)?], today: Day, fromCandidates: Bool = false
    ) -> String {
        guard let user else { return "0" }
        switch user.role {
        case .coordinator:
            if user.allPlans { return "1" }
            // Their organisation's deviations, and those about the plans they may see (an absence
            // at their meeting is reported in the lead organisation's name).
            let plans = planCondition(&arguments, today: today)
            let candidates = fromCandidates ? planCandidates(&arguments).map { "d.planId IN (\($0)) AND " } : nil
            return """
                (d.reportingAgencyId = :accessAgency OR d.concernedAgencyId = :accessAgency
                 OR (\(candidates ?? "")EXISTS (SELECT 1 FROM "plan" p WHERE p.id = d.planId AND \(plans))))
                """
        case .busChair:
            if chairSeesNothing { return "0" }
            guard let group = user.busGroupId else { return "1" }
            arguments["accessGroup"] = group
            return """
                (EXISTS (SELECT 1 FROM agency ag WHERE ag.id IN (d.reportingAgencyId, d.concernedAgencyId)
                         AND ag.busGroupId = :accessGroup)
                 OR EXISTS (SELECT 1 FROM "plan" dp WHERE dp.id = d.planId AND dp.busGroupId = :accessGroup))
                """
        case .administrator:
            return "0"
        }
    }
}

/// A lock around the one mutable thing a Store holds: who signed in.
final class SignedIn: @unchecked Sendable {
    private let lock = NSLock()
    private var access: Access?
    var value: Access? {
        get { lock.withLock { access } }
        set { lock.withLock { access = newValue } }
    }
}

extension Store {
    /// Who is signed in; nil until `signIn()`: the library used directly (tests, tools) is not scoped.
    /// Screens use this to choose what to offer; every check reads the role afresh (`currentAccess`).
    public var access: Access? { signedIn.value }

    /// The signed-in user's access as the database says now: a role an administrator changes
    /// applies at once, also in a session already open.
    func currentAccess(_ db: Database) throws -> Access? {
        guard let cached = signedIn.value else { return nil }
        let user = try AppUser.fetchOne(db, key: cached.login)
        // Retired while signed in: nothing more, from the next act on (the file's owner keeps what
        // every owner has: managing users).
        if user?.isRetired == true {
            guard cached.isFileOwner else { throw SIPError.retiredCannotSignIn(cached.login) }
            return Access(login: cached.login, user: nil, isFileOwner: true, isRetired: true)
        }
        return Access(login: cached.login, user: user, isFileOwner: cached.isFileOwner)
    }

    /// Identifies the OS user. The first user of a database becomes its administrator; anyone
    /// else must have been added, or gets `.unknownUser` (the file's owner may still manage users).
    @discardableResult
    public func signIn() throws -> Access {
        let login = context.user
        var user = try read { db in try AppUser.fetchOne(db, key: login) }
        // Only the one who created the file, or owns it, can be its first user: not whoever in a
        // shared group happens to open an upgraded database first.
        if user == nil && (createdDatabase || isFileOwner(login)) {
            user = try write { db -> AppUser? in
                guard try AppUser.fetchCount(db) == 0 else { return nil }
                let first = AppUser(
                    login: login, name: Store.displayName(login), role: .administrator, agencyId: nil,
                    busGroupId: nil, allPlans: false, addedAt: self.context.now(), addedBy: login)
                try first.insert(db)
                try self.audit(db, .firstAdministrator, detail: login)
                return first
            }
        }
        // A retired user cannot sign in; the file's owner, retired, may still manage users, as an
        // owner who is no user may (someone must be able to, and they can read the file anyway).
        let retired = user?.isRetired == true
        if retired {
            guard isFileOwner(login) else { throw SIPError.retiredCannotSignIn(login) }
            user = nil
        }
        let access = Access(login: login, user: user, isFileOwner: isFileOwner(login), isRetired: retired)
        if user == nil && !access.isFileOwner { throw SIPError.unknownUser(login) }
        signedIn.value = access
        return access
    }

    /// The owner of the database file, by OS user name (nobody in shared mode).
    func isFileOwner(_ login: String) -> Bool {
        guard fileOwnerManagesUsers else { return false }
        var info = stat()
        guard stat(path, &info) == 0, let entry = getpwuid(info.st_uid) else { return false }
        return String(cString: entry.pointee.pw_name) == login
    }

    /// The OS's full name for a login (the first field of GECOS), else the login itself.
    package static func displayName(_ login: String) -> String {
        guard let entry = getpwnam(login), let gecos = entry.pointee.pw_gecos else { return login }
        let name = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
        return name.trimmingCharacters(in: .whitespaces).isEmpty ? login : name
    }

    public func users() throws -> [AppUser] {
        try requireSignedIn(.users)
        return try read { db in try AppUser.order(AppUser.Columns.login).fetchAll(db) }
    }

    /// Adds a user. A coordinator needs an organisation (or `allPlans`); a chair's group defaults
    /// to their organisation's.
    @discardableResult
    public func addUser(
        login: String, name: String, role: Role, agencyId: Int64?, busGroupId: Int64? = nil,
        allPlans: Bool = false
    ) throws -> AppUser {
        try requireSignedIn(.users, refusing: .addUser, detail: "\(login) \(role.rawValue)")
        let login = try TextRules.required(login, for: .login)
        guard login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw SIPError.invalidValue(field: .login, value: login)
        }
        let name = try TextRules.required(name, for: .name)
        return try write { db in
            if try AppUser.exists(db, key: login) { throw SIPError.userExists(login) }
            let user = try Store.checkedUser(
                db,
                AppUser(
                    login: login, name: name, role: role, agencyId: agencyId, busGroupId: busGroupId,
                    allPlans: allPlans,
                    addedAt: self.context.now(), addedBy: self.context.user))
            try user.insert(db)
            try self.audit(db, .addUser, detail: "\(login) \(role.rawValue)")
            return user
        }
    }

    /// Gives a user another role, and with it a whole new scope: what is not given is not carried
    /// over. The organisation (where they work) is kept unless another is given; the group is the
    /// one given, else (a chair) their organisation's; every plan or every group only when given.
    /// The last administrator keeps the role: someone must be able to add users. The database
    /// file's owner may give it up (they still manage users: a new area's first user, who imported
    /// the register, opens its first plan as a coordinator). The audit line holds the scope before and after.
    @discardableResult
    public func setRole(
        login: String, role: Role, agencyId: Int64? = nil, busGroupId: Int64? = nil, allPlans: Bool = false
    ) throws -> AppUser {
        try requireSignedIn(.users, refusing: .setRole, detail: "\(login) \(role.rawValue)")
        let ownerManagesUsers = access?.isFileOwner == true
        return try write { db in
            guard let before = try AppUser.fetchOne(db, key: login) else { throw SIPError.unknownUser(login) }
            if before.isRetired { throw SIPError.userRetired(login) }
            if before.role == .administrator && role != .administrator && !ownerManagesUsers,
                try Store.isLastAdministrator(db)
            {
                throw SIPError.lastAdministrator
            }
            var user = before
            user.role = role
            if let agencyId { user.agencyId = agencyId }
            user.busGroupId = busGroupId
            // "Every plan" (a coordinator) and "every group" (a chair) are given, never carried over.
            user.allPlans = role != .administrator && allPlans
            user = try Store.checkedUser(db, user)
            try user.update(db)
            try self.audit(db, .setRole, detail: "\(login) \(Store.scope(before)) -> \(Store.scope(user))")
            return user
        }
    }

    /// Whether only one administrator who is not retired is left.
    static func isLastAdministrator(_ db: Database) throws -> Bool {
        try AppUser.filter(AppUser.Columns.role == Role.administrator && AppUser.Columns.retiredOn == nil)
            .fetchCount(db) <= 1
    }

    /// Retires user `login` (they left): they cannot sign in and are offered in no picker; their
    /// audit lines and the plans they coordinated keep their name, and those plans can be handed
    /// over from them. The last administrator is not retired (as they cannot give up the role).
    /// Audited with the login and the reason.
    public func retireUser(login: String, reason: String = "") throws {
        try requireSignedIn(.users, refusing: .retireUser, detail: login)
        let reason = try TextRules.validated(reason, for: .reason)
        let ownerManagesUsers = access?.isFileOwner == true
        let today = context.today
        try write { db in
            guard var user = try AppUser.fetchOne(db, key: login) else { throw SIPError.unknownUser(login) }
            if user.isRetired { throw SIPError.userRetired(login) }
            if user.role == .administrator && !ownerManagesUsers, try Store.isLastAdministrator(db) {
                throw SIPError.lastAdministrator
            }
            user.retiredOn = today
            try user.update(db)
            try self.audit(db, .retireUser, detail: reason.isEmpty ? login : "\(login): \(reason)")
        }
    }

    /// A user's role and scope as the audit line shows it: `bus_chair org 3 group 1 all no`.
    static func scope(_ user: AppUser) -> String {
        let org = user.agencyId.map(String.init) ?? "-"
        let group = user.busGroupId.map(String.init) ?? "-"
        return "\(user.role.rawValue) org \(org) group \(group) all \(user.allPlans ? "yes" : "no")"
    }

    /// Fills in what a role needs, or says what is missing.
    static func checkedUser(_ db: Database, _ proposed: AppUser) throws -> AppUser {
        var user = proposed
        if let agencyId = user.agencyId, try !Agency.exists(db, key: agencyId) {
            throw SIPError.notFound(.agency, agencyId)
        }
        if let group = user.busGroupId, try !BusGroup.exists(db, key: group) {
            throw SIPError.notFound(.busGroup, group)
        }
        switch user.role {
        case .coordinator:
            if user.agencyId == nil && !user.allPlans { throw SIPError.required(field: .agencyName) }
        case .busChair:
            if user.busGroupId == nil, !user.allPlans, let agencyId = user.agencyId {
                user.busGroupId = try Agency.fetchOne(db, key: agencyId)?.busGroupId
            }
            // Every group only when asked for: a missing group must not widen what a chair sees.
            if user.allPlans { user.busGroupId = nil }
            if user.busGroupId == nil && !user.allPlans { throw SIPError.required(field: .groupName) }
        case .administrator:
            break
        }
        return user
    }

    /// For a signed-in session, `capability` is required; the library used directly is not scoped.
    /// With `act`, a refusal is logged as an attempt at that act (in a transaction of its own).
    func requireSignedIn(_ capability: Access.Capability, refusing act: Act? = nil, detail: String = "") throws {
        guard access != nil else { return }
        try read { db in
            guard let act else { return try self.currentAccess(db)?.require(capability) }
            try self.refusing(db, act, detail: detail) { try self.currentAccess(db)?.require(capability) }
        }
    }

    /// Before a change to an existing plan's records: the plan as stored must be one the user may
    /// see. (Checking after the change would let a change that makes a plan visible pass itself.)
    func requireVisible(_ db: Database, entity: SIPError.Entity, id: Int64) throws {
        guard access != nil, let planId = try Store.planId(db, of: entity, id: id) else { return }
        try requireVisible(db, planId: planId)
    }

    /// Refuses a write the signed-in user may not make. Called with every audit line, inside the
    /// writing transaction, so a refused change rolls back whole. No `default`: a new act does not
    /// compile until someone decides who may do it.
    func authorize(_ db: Database, _ act: Act) throws {
        guard let access = try currentAccess(db) else { return }
        switch act {
        case .firstAdministrator:
            // A new database's first user: nobody holds a role yet, and signIn decides who may be it.
            break
        case .addUser, .setRole, .retireUser, .setUserEmail:
            try access.require(.users)
        case .remind:
            // The daily run sends every user their own digest: an administrator's job (a timer).
            try access.require(.maintenance)
        case .setting:
            try access.require(.settings)
        case .demo, .purgePlan, .purgeRequest, .backup:
            try access.require(.maintenance)
        case .restore:
            // Authorised before the restore (only its audit line is written after, with appendAudit,
            // against users the restored file may not hold); listed so the decision is in one place.
            try access.require(.maintenance)
        case .updatePlan:
            // Checked before the change (updatePlan, undo): a coordinator may hand a plan over.
            try access.require(.plans)
        case .handOver:
            // An administrator hands a leaving coordinator's plans on without seeing them; a coordinator
            // only plans they see, checked before the move (after it, their organisation may not see it).
            if !access.can(.users) { try access.require(.plans) }
        case .correctChild, .editFamilyMember, .removeFamilyMember, .editParticipant, .removeParticipant:
            // Visibility is checked before the correction (a corrected birth date or a removed guardian
            // changes what consent covers: a correction must not be what grants access).
            try access.require(.plans)
        case .refused:
            // Written with appendAudit after a refusal, never authorised: the refusal was the decision.
            break
        case .createPlan, .changeStatus, .viewPlan, .exportPlan, .giveCopy, .addParticipant, .answerInvitation,
            .addConsent, .withdrawConsent, .scheduleMeeting, .recordAttendance, .saveAgendaNotes, .holdMeeting,
            .addIntervention, .updateIntervention, .assessMaturity, .sendKallelse, .rescheduleMeeting, .cancelMeeting,
            .reopenPlan,
            .editGoal, .assessGoal, .recordParticipation, .recordNeed, .setLanguage, .bookInterpreter, .setPlanKind:
            try access.require(.plans)
            if let planId = try Store.planId(db, of: act.entity, id: act.entityId) {
                try requireVisible(db, planId: planId)
            }
        case .createChild, .addFamilyMember, .protectChild, .protectFamilyMember:
            try access.require(.plans)
        case .addAgency, .addContact, .addBusGroup:
            // Reference data: administrators keep it, and coordinators add what their plans need.
            if !access.can(.settings) { try access.require(.plans) }
        case .editAgency, .retireAgency, .editContact, .retireContact, .editBusGroup, .retireBusGroup:
            // The register's changes: administrators only.
            try access.require(.settings)
        case .recordSelfAssessment(let group):
            try access.require(.review)
            if access.chairSeesNothing { throw SIPError.notPermitted(.busChair) }
            if let own = access.reviewGroupId, own != group { throw SIPError.notPermitted(.busChair) }
        case .writeAnnualNote(let group):
            // The group's own words: its chair's, or an administrator's. A county-wide chair reads
            // every group's but writes none.
            guard !access.can(.settings) else { break }
            try access.require(.review)
            if access.reviewGroupId != group { throw SIPError.notPermitted(.busChair) }
        case .registerRequest:
            // Any user who works for an organisation asks in its name.
            guard access.user?.agencyId != nil else { throw SIPError.notPermitted(access.role ?? .coordinator) }
        case .acceptRequest(let id), .declineRequest(let id):
            try requireAnswerable(db, access, requestId: id)
        case .registerDeviation(let id), .changeDeviationStatus(let id, _), .escalateDeviation(let id, _),
            .answerDeviation(let id):
            try access.require(.deviations)
            try requireVisible(db, deviationId: id)
        }
    }

    /// The plan a plan-owned record belongs to.
    static func planId(_ db: Database, of entity: SIPError.Entity, id: Int64?) throws -> Int64? {
        guard let id else { return nil }
        let table: String
        switch entity {
        case .plan: return id
        case .meeting: table = "meeting"
        case .intervention: table = "intervention"
        case .consent: table = "consent"
        case .participant: table = "participant"
        default: return nil
        }
        return try Int64.fetchOne(db, sql: "SELECT planId FROM \(table) WHERE id = ?", arguments: [id])
    }

    /// Throws unless the signed-in user may see plan `planId` (always true when not signed in).
    func requireVisible(_ db: Database, planId: Int64) throws {
        guard let access = try currentAccess(db) else { return }
        try access.require(.plans)
        var arguments: [String: (any DatabaseValueConvertible)?] = ["id": planId]
        let condition = access.planCondition(&arguments, today: context.today)
        // A missing plan is "visible" here: the caller reports it as not found.
        let visible =
            try Bool.fetchOne(
                db, sql: "SELECT COALESCE((\(condition)), 0) FROM \"plan\" p WHERE p.id = :id",
                arguments: StatementArguments(arguments)) ?? true
        if !visible { throw SIPError.planNotPermitted(planId) }
    }

    /// A child's records may be changed by someone who may see one of the child's plans.
    func requireVisible(_ db: Database, childId: Int64) throws {
        guard let access = try currentAccess(db) else { return }
        try access.require(.plans)
        var arguments: [String: (any DatabaseValueConvertible)?] = ["child": childId]
        let condition = access.planCondition(&arguments, today: context.today)
        let visible =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM "plan" p WHERE p.childId = :child AND COALESCE((\(condition)), 0))
                    """, arguments: StatementArguments(arguments)) ?? false
        if !visible { throw SIPError.notPermitted(.coordinator) }
    }

    func requireVisible(_ db: Database, deviationId: Int64) throws {
        guard let access = try currentAccess(db) else { return }
        var arguments: [String: (any DatabaseValueConvertible)?] = ["id": deviationId]
        let condition = access.deviationCondition(&arguments, today: context.today)
        let visible =
            try Bool.fetchOne(
                db, sql: "SELECT COALESCE((\(condition)), 0) FROM deviation d WHERE d.id = :id",
                arguments: StatementArguments(arguments)) ?? true
        if !visible { throw SIPError.notPermitted(access.role ?? .coordinator) }
    }

    /// The group a review may show: a chair's own, whatever they asked for. Read in the review's
    /// own transaction.
    func reviewGroup(_ db: Database, _ requested: Int64?) throws -> Int64? {
        guard let access = try currentAccess(db) else { return requested }
        try access.require(.review)
        if access.chairSeesNothing { throw SIPError.notPermitted(.busChair) }
        guard let own = access.reviewGroupId else { return requested }
        if let requested, requested != own { throw SIPError.notPermitted(.busChair) }
        return own
    }
}
