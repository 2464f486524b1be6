import Foundation
import GRDB
import SIPDomain

extension Store {
    /// How a deviation's free text reaches the signed-in user: as written for someone who may see
    /// its plan (and for the library used unsigned), otherwise with personal identity numbers and
    /// the names of the plan's child and family masked (`IdentityScreen`).
    func identityScreen(_ db: Database, deviationPlan planId: Int64?) throws -> IdentityScreen? {
        guard let access = try currentAccess(db) else { return nil }
        if let planId, access.role == .coordinator {
            var arguments: [String: (any DatabaseValueConvertible)?] = ["id": planId]
            let condition = access.planCondition(&arguments, today: context.today)
            let visible = try Bool.fetchOne(
                db, sql: "SELECT COALESCE((\(condition)), 0) FROM \"plan\" p WHERE p.id = :id",
                arguments: StatementArguments(arguments))
            if visible == true { return nil }
        }
        return IdentityScreen(names: try Self.identityNames(db, planId: planId))
    }

    /// The names of the plan's child and family members (none without a plan).
    static func identityNames(_ db: Database, planId: Int64?) throws -> [String] {
        guard let planId else { return [] }
        return try String.fetchAll(
            db,
            sql: """
                SELECT c.name FROM "plan" p JOIN child c ON c.id = p.childId WHERE p.id = :plan
                UNION ALL SELECT f.name FROM "plan" p JOIN familyMember f ON f.childId = p.childId WHERE p.id = :plan
                UNION ALL SELECT p.initiatorPerson FROM "plan" p WHERE p.id = :plan AND p.initiatorKind = 'guardian'
                """, arguments: ["plan": planId])
    }

    /// What the writer of a deviation's text is warned of: identity numbers, and the names of the
    /// plan's child and family when `planId` is one the writer may link to.
    public func identityFindings(_ text: String, planId: Int64?) throws -> [IdentityScreen.Finding] {
        try read { db in
            // Names only for a writer who may see the plan: for anyone else a warning would say
            // whether a guessed name is the child's or a parent's.
            let names = try self.identityScreen(db, deviationPlan: planId) == nil
                ? try Self.identityNames(db, planId: planId) : []
            return IdentityScreen(names: names).findings(text)
        }
    }

    /// The screen for text the signed-in user wrote: identity numbers still masked, names not (their
    /// own words come back as written; masking a name they guessed would say it was right).
    func ownWords(_ screen: IdentityScreen?) -> IdentityScreen? { screen.map { _ in IdentityScreen(names: []) } }

    /// Whether the signed-in user wrote deviation `id`'s history line `what` (`registered`: its
    /// description and local action; `answer`: its latest response).
    func wrote(_ db: Database, deviation id: Int64, _ what: String) throws -> Bool {
        try String.fetchOne(
            db,
            sql: "SELECT changedBy FROM deviationChange WHERE deviationId = ? AND what = ? "
                + "ORDER BY changedAt DESC, id DESC LIMIT 1",
            arguments: [id, what]) == context.user
    }

    /// Whether the signed-in user may link a deviation to plan `id`: it exists and, for a chair, is
    /// in their group. A plan outside the group gets the same answer as a missing one.
    public func planLinkable(_ id: Int64) throws -> Bool {
        try read { db in try self.planLinkable(db, id) }
    }

    func planLinkable(_ db: Database, _ id: Int64) throws -> Bool {
        guard let group = try Int64.fetchOne(db, sql: "SELECT busGroupId FROM \"plan\" WHERE id = ?", arguments: [id])
        else { return false }
        guard let access = try currentAccess(db), access.role == .busChair else { return true }
        if access.chairSeesNothing { return false }
        return access.reviewGroupId.map { $0 == group } ?? true
    }
}

extension Deviation {
    /// - Parameters:
    ///   - screen: how the reader sees the text; `written`, how they see the text they wrote themselves.
    func screened(
        _ screen: IdentityScreen?, written: IdentityScreen? = nil, registered: Bool = false, answered: Bool = false
    ) -> Deviation {
        guard let screen else { return self }
        let text = registered ? (written ?? screen) : screen
        let answer = answered ? (written ?? screen) : screen
        var copy = self
        copy.description = text.mask(description)
        copy.localAction = text.mask(localAction)
        copy.response = response.map(answer.mask)
        return copy
    }
}
