import Foundation
import GRDB
import SIPDomain

/// Consent as an access rule, in SQL on a plan aliased `p`: one definition for who sees a plan,
/// whether it may become active, and whether an invited organisation is covered.
enum ConsentRule {
    /// Consent `c` is in force on `today` (SQL expressions): started, not expired, not withdrawn.
    static func inForce(_ c: String, today: String) -> String {
        """
        (\(c).validFrom <= \(today) AND (\(c).validTo IS NULL OR \(c).validTo >= \(today))
         AND (\(c).withdrawnOn IS NULL OR \(c).withdrawnOn > \(today)))
        """
    }

    /// The plan's child may consent on their own: old enough by the local `child-consent-age`, or
    /// younger with a maturity assessment recorded on the plan.
    static func childMayConsent(today: String) -> String {
        let age = """
            COALESCE((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'child-consent-age'), \
            \(Deadlines().childConsentAge))
            """
        return """
            (EXISTS (SELECT 1 FROM child ch WHERE ch.id = p.childId
                     AND date(ch.birthDate, '+' || \(age) || ' years') <= \(today))
             OR EXISTS (SELECT 1 FROM maturityAssessment ma WHERE ma.planId = p.id))
            """
    }

    /// The consents in force cover organisation `agency` (an SQL expression): the child's own (when
    /// they may give it), or one from every guardian on record, each naming the organisation.
    static func covers(agency: String, today: String) -> String {
        """
        ((EXISTS (SELECT 1 FROM consent c JOIN consentAgency ca ON ca.consentId = c.id
                  WHERE c.planId = p.id AND ca.agencyId = \(agency) AND c.givenByChild = 1
                  AND \(inForce("c", today: today)))
          AND \(childMayConsent(today: today)))
         OR (EXISTS (SELECT 1 FROM familyMember g WHERE g.childId = p.childId AND g.role = 'guardian')
             AND NOT EXISTS (
                 SELECT 1 FROM familyMember g WHERE g.childId = p.childId AND g.role = 'guardian'
                 AND NOT EXISTS (
                     SELECT 1 FROM consent c JOIN consentAgency ca ON ca.consentId = c.id
                     WHERE c.planId = p.id AND c.givenByMemberId = g.id AND ca.agencyId = \(agency)
                     AND \(inForce("c", today: today))))))
        """
    }

    /// Whether consent `c` was withdrawn on or before `today` while the plan is open: the mark in lists.
    static func withdrawn(today: String) -> String {
        """
        (p.status <> 'closed' AND EXISTS (SELECT 1 FROM consent wc WHERE wc.planId = p.id
                                          AND wc.withdrawnOn <= \(today)))
        """
    }

    static func childMayConsent(_ db: Database, planId: Int64, on day: Day) throws -> Bool {
        try Bool.fetchOne(
            db.constant("SELECT \(childMayConsent(today: ":today")) FROM \"plan\" p WHERE p.id = :id"),
            arguments: ["today": day, "id": planId]) ?? false
    }

    static func covers(_ db: Database, planId: Int64, agencyId: Int64, on day: Day) throws -> Bool {
        try Bool.fetchOne(
            db.constant("SELECT \(covers(agency: ":agency", today: ":today")) FROM \"plan\" p WHERE p.id = :id"),
            arguments: ["today": day, "id": planId, "agency": agencyId]) ?? false
    }

    /// The plan's coordinator's own organisation, which needs no consent to see it.
    static func coordinatorAgency(_ db: Database, planId: Int64) throws -> Int64? {
        try Int64.fetchOne(
            db.constant(
                """
                SELECT u.agencyId FROM "plan" p JOIN appUser u ON u.login = p.coordinatorLogin WHERE p.id = ?
                """), arguments: [planId])
    }
}
