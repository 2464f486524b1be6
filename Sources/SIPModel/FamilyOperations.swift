import Foundation
import GRDB
import SIPDomain
import SIPText

// The child and the family at the centre (issue 17): goals and their assessments, the child's
// participation, languages and interpreters, needs nobody has taken on, the discharge plan.

extension Goal: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
extension GoalAssessment: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
extension ChildParticipation: FetchableRecord, PersistableRecord {}
extension Need: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
extension GoalKind: DatabaseValueConvertible {}
extension GoalOutcome: DatabaseValueConvertible {}
extension AssessedBy: DatabaseValueConvertible {}
extension PlanKind: DatabaseValueConvertible {}
extension Goal.Columns: ColumnExpression {}
extension GoalAssessment.Columns: ColumnExpression {}
extension ChildParticipation.Columns: ColumnExpression {}
extension Need.Columns: ColumnExpression {}

/// A goal as it is edited: what, whose, who works towards it, which interventions serve it.
public struct GoalDraft: Equatable, Sendable {
    public var kind: GoalKind
    public var text: String
    public var worksTowards: String
    public var interventionIds: [Int64]

    public init(kind: GoalKind, text: String, worksTowards: String = "", interventionIds: [Int64] = []) {
        self.kind = kind
        self.text = text
        self.worksTowards = worksTowards
        self.interventionIds = interventionIds
    }
}

/// A meeting not yet held where a family member needs an interpreter and none is booked: the
/// coordinator's day screen flags it (`Store.meetingsLackingInterpreter`).
public struct InterpreterGap: Equatable, Sendable {
    public var meetingId: Int64
    public var planId: Int64
    public var startsAt: Date
    /// The languages an interpreter is needed in, sorted.
    public var languages: [String]
}

/// Whether a plan is a discharge plan, and when its first meeting is due.
public struct PlanKindInfo: Equatable, Sendable {
    public var kind: PlanKind
    public var notifiedOn: Day?
    /// The notification plus the local number of days (`discharge-meeting-days`).
    public var firstMeetingDue: Day?
}

extension Store {
    // MARK: Goals

    /// The plan's goals in their order: the child's own first, then long-term, then short-term.
    public func goals(planId: Int64) throws -> [Goal] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Store.goals(db, planId: planId)
        }
    }

    static func goals(_ db: Database, planId: Int64) throws -> [Goal] {
        try Goal.fetchAll(
            db.constant(
                """
                SELECT * FROM goal WHERE planId = ?
                ORDER BY CASE kind WHEN 'child' THEN 0 WHEN 'long' THEN 1 ELSE 2 END, position, id
                """), arguments: [planId])
    }

    /// The interventions each goal is served by, by goal id.
    public func goalInterventions(planId: Int64) throws -> [Int64: [Int64]] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Store.goalInterventions(db, planId: planId)
        }
    }

    static func goalInterventions(_ db: Database, planId: Int64) throws -> [Int64: [Int64]] {
        var links: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(
            db.constant(
                """
                SELECT gi.goalId, gi.interventionId FROM goalIntervention gi JOIN goal g ON g.id = gi.goalId
                WHERE g.planId = ? ORDER BY gi.goalId, gi.interventionId
                """), arguments: [planId])
        {
            links[row[0], default: []].append(row[1])
        }
        return links
    }

    /// Adds a goal (`goalId` nil) or changes one, with the interventions that serve it: each must be
    /// one of the plan's own.
    @discardableResult
    public func saveGoal(planId: Int64, goalId: Int64? = nil, _ draft: GoalDraft) throws -> Goal {
        let text = try TextRules.required(draft.text, for: .goal)
        let worksTowards = try TextRules.validated(draft.worksTowards, for: .worksTowards)
        let interventions = Array(Set(draft.interventionIds)).sorted()
        let now = context.now()
        return try write { db in
            try self.requireVisible(db, planId: planId)
            guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            try Store.requireNotPurged(db, planId: planId)
            for id in interventions {
                guard try Intervention.fetchOne(db, key: id)?.planId == planId else {
                    throw SIPError.notFound(.intervention, id)
                }
            }
            var goal: Goal
            if let goalId {
                guard let existing = try Goal.fetchOne(db, key: goalId), existing.planId == planId else {
                    throw SIPError.notFound(.plan, planId)
                }
                goal = existing
                goal.kind = draft.kind
                goal.text = text
                goal.worksTowards = worksTowards
                try goal.update(db)
                try db.execute(sql: "DELETE FROM goalIntervention WHERE goalId = ?", arguments: [goalId])
            } else {
                let last =
                    try Int.fetchOne(db, sql: "SELECT MAX(position) FROM goal WHERE planId = ?", arguments: [planId])
                    ?? 0
                goal = Goal(
                    planId: planId, kind: draft.kind, text: text, worksTowards: worksTowards, position: last + 1,
                    createdAt: now)
                try goal.insert(db)
            }
            for id in interventions {
                try db.execute(
                    sql: "INSERT INTO goalIntervention (goalId, interventionId) VALUES (?, ?)",
                    arguments: [goal.id!, id])
            }
            try self.audit(
                db, .editGoal(plan: planId),
                detail: "goal \(goal.id!) \(goalId == nil ? "added" : "changed"): \(goal.kind.rawValue)")
            return goal
        }
    }

    /// Records how far a goal was reached at a follow-up meeting, by the professionals or by the
    /// child and the family; a second assessment by the same side at the same meeting replaces the first.
    @discardableResult
    public func assessGoal(
        goalId: Int64, meetingId: Int64, by: AssessedBy, outcome: GoalOutcome, comment: String = ""
    ) throws -> GoalAssessment {
        let comment = try TextRules.validated(comment, for: by == .family ? .familyComment : .comment)
        let (now, user) = (context.now(), context.user)
        return try write { db in
            guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            try self.requireVisible(db, planId: meeting.planId)
            guard let goal = try Goal.fetchOne(db, key: goalId), goal.planId == meeting.planId else {
                throw SIPError.notFound(.plan, meeting.planId)
            }
            // Goals are set at the first meeting and assessed at the follow-ups.
            guard meeting.kind == .followUp else { throw SIPError.assessmentNeedsFollowUp }
            var assessment =
                try GoalAssessment.filter(
                    GoalAssessment.Columns.goalId == goalId && GoalAssessment.Columns.meetingId == meetingId
                        && GoalAssessment.Columns.by == by.rawValue
                ).fetchOne(db)
                ?? GoalAssessment(
                    goalId: goalId, meetingId: meetingId, by: by, outcome: outcome, comment: comment, recordedAt: now,
                    recordedBy: user)
            (assessment.outcome, assessment.comment, assessment.recordedAt, assessment.recordedBy) = (
                outcome, comment, now, user
            )
            try assessment.save(db)
            try self.audit(
                db, .assessGoal(meeting: meetingId), detail: "goal \(goalId) \(by.rawValue): \(outcome.rawValue)")
            return assessment
        }
    }

    /// Every assessment of the plan's goals, oldest meeting first.
    public func goalAssessments(planId: Int64) throws -> [GoalAssessment] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Store.goalAssessments(db, planId: planId)
        }
    }

    static func goalAssessments(_ db: Database, planId: Int64) throws -> [GoalAssessment] {
        try GoalAssessment.fetchAll(
            db.constant(
                """
                SELECT a.* FROM goalAssessment a JOIN goal g ON g.id = a.goalId JOIN meeting m ON m.id = a.meetingId
                WHERE g.planId = ? ORDER BY m.startsAt, a.goalId, CASE a."by" WHEN 'professionals' THEN 0 ELSE 1 END
                """), arguments: [planId])
    }

    // MARK: The child's participation

    public func childParticipation(meetingId: Int64) throws -> ChildParticipation? {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return try ChildParticipation.fetchOne(db, key: meetingId)
        }
    }

    /// Records how the child took part in a meeting (replacing what was recorded before).
    public func recordParticipation(_ participation: ChildParticipation) throws {
        var clean = participation
        clean.representedBy = try TextRules.validated(participation.representedBy, for: .representedBy)
        clean.childWords = try TextRules.validated(participation.childWords, for: .childWords)
        let saved = clean
        try write { db in
            guard try Meeting.exists(db, key: saved.meetingId) else {
                throw SIPError.notFound(.meeting, saved.meetingId)
            }
            try self.requireVisible(db, entity: .meeting, id: saved.meetingId)
            try saved.save(db)
            let ways = [
                saved.byConversation ? "conversation" : nil, saved.byDrawing ? "drawing" : nil,
                saved.byWrittenAnswer ? "written" : nil,
            ].compactMap { $0 }
            try self.audit(
                db, .recordParticipation(meeting: saved.meetingId),
                detail: "present \(saved.present ? 1 : 0), heard before \(saved.heardBefore ? 1 : 0), "
                    + "ways \(ways.isEmpty ? "-" : ways.joined(separator: ","))")
        }
    }

    // MARK: Languages and interpreters

    /// A family member's language, and the language an interpreter is needed in ("" when none is).
    public func setLanguage(planId: Int64, memberId: Int64, language: String, interpreter: String) throws {
        let language = try TextRules.validated(language, for: .language)
        let interpreter = try TextRules.validated(interpreter, for: .interpreterLanguage)
        try write { db in
            try self.requireVisible(db, planId: planId)
            guard let plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            guard try FamilyMember.fetchOne(db, key: memberId)?.childId == plan.childId else {
                throw SIPError.notFound(.familyMember, memberId)
            }
            try db.execute(
                sql: "UPDATE familyMember SET language = ?, interpreterLanguage = ? WHERE id = ?",
                arguments: [language, interpreter, memberId])
            try self.audit(
                db, .setLanguage(plan: planId),
                detail: "member \(memberId): \(language.isEmpty ? "-" : language), interpreter "
                    + (interpreter.isEmpty ? "-" : interpreter))
        }
    }

    /// The interpreter booked for a meeting, in words (language, agency, name); "" when none is.
    public func bookInterpreter(meetingId: Int64, booked: String) throws {
        let booked = try TextRules.validated(booked, for: .interpreterBooked)
        try write { db in
            guard try Meeting.exists(db, key: meetingId) else { throw SIPError.notFound(.meeting, meetingId) }
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            try db.execute(
                sql: "UPDATE meeting SET interpreterBooked = ? WHERE id = ?", arguments: [booked, meetingId])
            try self.audit(db, .bookInterpreter(meeting: meetingId), detail: booked.isEmpty ? "none" : "booked")
        }
    }

    /// The languages family members taking part need an interpreter in, for a meeting with
    /// nothing booked; empty when none is needed or one is booked.
    public func interpreterGap(meetingId: Int64) throws -> [String] {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return try Store.interpreterGap(db, meetingId: meetingId)
        }
    }

    /// Meetings not held whose family members need an interpreter and none is booked, starting
    /// `FROM` with `meetings` (the meeting table as `m` and its join to the plan, which the day
    /// screen walks by date); the caller adds conditions and `GROUP BY m.id`.
    static func lackingInterpreter(from meetings: String = "meeting m JOIN") -> String {
        """
        SELECT m.id AS meetingId, m.planId, m.startsAt, c.name AS childName,
               GROUP_CONCAT(DISTINCT f.interpreterLanguage) AS languages
        FROM \(meetings) "plan" p ON p.id = m.planId JOIN child c ON c.id = p.childId
        JOIN participant pa ON pa.planId = m.planId AND pa.familyMemberId IS NOT NULL
        JOIN familyMember f ON f.id = pa.familyMemberId AND f.interpreterLanguage <> ''
        WHERE m.held = 0 AND m.cancelledAt IS NULL AND m.interpreterBooked = '' AND p.status <> 'closed'
          AND p.purgedOn IS NULL
        """
    }

    static func interpreterGap(_ db: Database, meetingId: Int64) throws -> [String] {
        let row = try Row.fetchOne(
            db.constant(lackingInterpreter() + " AND m.id = ? GROUP BY m.id"), arguments: [meetingId])
        return Self.languages(row?["languages"])
    }

    static func languages(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map(String.init).sorted()
    }

    /// Meetings not yet held, starting between `from` and `to` (both days included), of the plans
    /// the signed-in user may see, where a family member taking part needs an interpreter and none
    /// is booked: what the coordinator's day screen flags.
    public func meetingsLackingInterpreter(from: Day, to: Day) throws -> [InterpreterGap] {
        let (today, zone) = (context.today, context.timeZone)
        return try read { db in
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "from": from.date(hour: 0, in: zone), "to": to.adding(days: 1).date(hour: 0, in: zone),
            ]
            var condition = "1"
            if let access = try self.currentAccess(db) {
                try access.require(.plans)
                condition = access.planCondition(&arguments, today: today)
            }
            return try Row.fetchAll(
                db,
                sql: Self.lackingInterpreter() + """
                     AND m.startsAt >= :from AND m.startsAt < :to AND COALESCE((\(condition)), 0)
                    GROUP BY m.id ORDER BY m.startsAt, m.id
                    """, arguments: StatementArguments(arguments)
            ).map {
                InterpreterGap(
                    meetingId: $0["meetingId"], planId: $0["planId"], startsAt: $0["startsAt"],
                    languages: Self.languages($0["languages"]))
            }
        }
    }

    /// Each family member's language and interpreter need, by member id.
    static func languages(_ db: Database, childId: Int64) throws -> [Int64: (language: String, interpreter: String)] {
        Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db.constant("SELECT id, language, interpreterLanguage FROM familyMember WHERE childId = ?"),
                arguments: [childId]
            ).map { ($0["id"] as Int64, ($0["language"] as String, $0["interpreterLanguage"] as String)) })
    }

    // MARK: Needs nobody has taken on

    /// Records a need the meeting identified; without an organisation it is a need nobody has taken on.
    @discardableResult
    public func recordNeed(planId: Int64, what: String, meetingId: Int64? = nil, agencyId: Int64? = nil) throws
        -> Need
    {
        let what = try TextRules.required(what, for: .need)
        let today = context.today
        return try write { db in
            try self.requireVisible(db, planId: planId)
            guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            try Store.requireNotPurged(db, planId: planId)
            if let meetingId, try Meeting.fetchOne(db, key: meetingId)?.planId != planId {
                throw SIPError.notFound(.meeting, meetingId)
            }
            if let agencyId, try !Agency.exists(db, key: agencyId) { throw SIPError.notFound(.agency, agencyId) }
            var need = Need(planId: planId, meetingId: meetingId, what: what, agencyId: agencyId, recordedOn: today)
            try need.insert(db)
            try self.audit(
                db, .recordNeed(plan: planId),
                detail: "need \(need.id!): " + (agencyId.map { "taken on by agency \($0)" } ?? "nobody has taken it on")
            )
            return need
        }
    }

    /// An organisation takes on a need that nobody had.
    @discardableResult
    public func takeOnNeed(_ needId: Int64, agencyId: Int64) throws -> Need {
        try write { db in
            guard var need = try Need.fetchOne(db, key: needId) else { throw SIPError.notFound(.plan, needId) }
            try self.requireVisible(db, planId: need.planId)
            guard try Agency.exists(db, key: agencyId) else { throw SIPError.notFound(.agency, agencyId) }
            need.agencyId = agencyId
            try need.update(db)
            try self.audit(db, .recordNeed(plan: need.planId), detail: "need \(needId): taken on by agency \(agencyId)")
            return need
        }
    }

    public func needs(planId: Int64) throws -> [Need] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Need.filter(Need.Columns.planId == planId).order(Need.Columns.id).fetchAll(db)
        }
    }

    // MARK: Overall responsibility

    /// Refuses an organisation whose principal is neither a kommun nor a region as the holder of
    /// overall responsibility (huvudansvar), with the reason.
    static func requireMayHoldOverallResponsibility(_ db: Database, agencyId: Int64) throws {
        guard let agency = try Agency.fetchOne(db, key: agencyId) else { throw SIPError.notFound(.agency, agencyId) }
        guard agency.principalType.mayHoldOverallResponsibility else {
            throw SIPError.leadNotPrincipal(agency: agency.name, principal: agency.principalType)
        }
    }

    /// Gives overall responsibility for a plan to an organisation (a kommun's or a region's) and a
    /// person there: the versioned save, as the plan form does it.
    @discardableResult
    public func setLead(planId: Int64, agencyId: Int64, person: String? = nil) throws -> Plan {
        var plan = try self.plan(planId)
        plan.leadAgencyId = agencyId
        if let person { plan.leadPerson = person }
        return try updatePlan(plan)
    }

    // MARK: Discharge from in-patient care (lag 2017:612)

    /// Makes the plan a discharge plan notified on `notifiedOn`, or an ordinary one again (nil).
    public func setDischarge(planId: Int64, notifiedOn: Day?) throws {
        try write { db in
            try self.requireVisible(db, planId: planId)
            guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            try db.execute(
                sql: "UPDATE \"plan\" SET kind = ?, notifiedOn = ? WHERE id = ?",
                arguments: [notifiedOn == nil ? PlanKind.standard : PlanKind.discharge, notifiedOn, planId])
            try self.audit(
                db, .setPlanKind(plan: planId), detail: notifiedOn.map { "discharge, notified \($0.iso)" } ?? "standard"
            )
        }
    }

    public func planKind(planId: Int64) throws -> PlanKindInfo {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Store.planKind(db, planId: planId)
        }
    }

    static func planKind(_ db: Database, planId: Int64) throws -> PlanKindInfo {
        guard
            let row = try Row.fetchOne(
                db.constant("SELECT kind, notifiedOn FROM \"plan\" WHERE id = ?"), arguments: [planId])
        else { throw SIPError.notFound(.plan, planId) }
        let kind: PlanKind = row["kind"]
        let notified: Day? = row["notifiedOn"]
        let days = try Store.deadlines(db).dischargeMeetingDays
        return PlanKindInfo(
            kind: kind, notifiedOn: notified, firstMeetingDue: kind == .discharge ? notified?.adding(days: days) : nil)
    }
}

extension Store {
    /// The document's goals with their assessments, the needs, the family's languages, each
    /// meeting's child participation and interpreter, and the discharge deadline.
    static func addFamilyParts(
        _ db: Database, to document: inout PlanDocument, plan: Plan, today: Day, zone: TimeZone
    ) throws {
        let planId = plan.id!
        let meetingDays = Dictionary(
            uniqueKeysWithValues: try Meeting.fetchAll(
                db.constant("SELECT * FROM \(Meeting.databaseTableName) WHERE planId = ?"), arguments: [planId]
            ).map {
                ($0.id!, Day($0.startsAt, in: zone))
            })
        let assessments = Dictionary(grouping: try goalAssessments(db, planId: planId), by: \.goalId)
        let links = try goalInterventions(db, planId: planId)
        document.goals = try goals(db, planId: planId).map { goal in
            PlanDocument.GoalInfo(
                id: goal.id!, kind: goal.kind, text: goal.text, worksTowards: goal.worksTowards,
                interventionIds: links[goal.id!] ?? [],
                assessments: (assessments[goal.id!] ?? []).map {
                    .init(
                        meetingId: $0.meetingId, on: meetingDays[$0.meetingId] ?? Day($0.recordedAt, in: zone),
                        by: $0.by, outcome: $0.outcome, comment: $0.comment)
                })
        }
        let agencyNames = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db.constant("SELECT a.id, a.name FROM agency a JOIN need n ON n.agencyId = a.id WHERE n.planId = ?"),
                arguments: [planId]
            ).map { ($0["id"] as Int64, $0["name"] as String) })
        document.needs = try Need.fetchAll(
            db.constant("SELECT * FROM \(Need.databaseTableName) WHERE planId = ? ORDER BY id"), arguments: [planId]
        ).map {
            .init(id: $0.id!, what: $0.what, agency: $0.agencyId.flatMap { agencyNames[$0] }, recordedOn: $0.recordedOn)
        }
        let languages = try Store.languages(db, childId: plan.childId)
        func withLanguage(_ person: inout PlanDocument.Person) {
            guard let entry = languages[person.id] else { return }
            (person.language, person.interpreterLanguage) = (entry.language, entry.interpreter)
        }
        for i in document.guardians.indices { withLanguage(&document.guardians[i]) }
        for i in document.relatives.indices { withLanguage(&document.relatives[i]) }
        let participation = Dictionary(
            uniqueKeysWithValues: try ChildParticipation.fetchAll(
                db.constant(
                    "SELECT cp.* FROM childParticipation cp JOIN meeting m ON m.id = cp.meetingId WHERE m.planId = ?"),
                arguments: [planId]
            ).map { ($0.meetingId, $0) })
        let booked = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db.constant("SELECT id, interpreterBooked FROM meeting WHERE planId = ?"), arguments: [planId]
            ).map { ($0["id"] as Int64, $0["interpreterBooked"] as String) })
        for i in document.meetings.indices {
            let id = document.meetings[i].id
            document.meetings[i].childParticipation = participation[id]
            document.meetings[i].interpreterBooked = booked[id] ?? ""
            document.meetings[i].interpreterMissing = try interpreterGap(db, meetingId: id)
        }
        var arguments = OverdueRule.arguments(today: today, deadlines: try Store.deadlines(db))
        arguments["id"] = planId
        document.plan.dischargeLate =
            try Bool.fetchOne(
                db.constant("SELECT \(OverdueRule.dischargeSQL) FROM \"plan\" p WHERE p.id = :id"),
                arguments: StatementArguments(arguments)) ?? false
        let kind = try planKind(db, planId: planId)
        (document.plan.kind, document.plan.notifiedOn, document.plan.firstMeetingDue) = (
            kind.kind, kind.notifiedOn, kind.firstMeetingDue
        )
    }
}
