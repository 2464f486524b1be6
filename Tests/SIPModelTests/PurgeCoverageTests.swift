import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Whether the purge reaches every text column that may hold personal data, read from the live
/// schema: a column added later is checked without anyone remembering to add it here.
enum PurgeCoverage {
    /// The rows of plan `plan` in each table that holds personal data; nil for a table that holds none
    /// (it must then be in `notPersonal`). Evaluated before the purge.
    static func rows(of table: String, plan: Int64) -> SQL? {
        let meetings: SQL = "SELECT id FROM meeting WHERE planId = \(plan)"
        let child: SQL = "SELECT childId FROM \"plan\" WHERE id = \(plan)"
        switch table {
        case "plan": return "id = \(plan)"
        case "planSearch": return "rowid = \(plan)"
        case "child": return "id = (\(child))"
        case "familyMember": return "childId = (\(child))"
        case "planStatusChange", "participant", "consent", "planCopy", "meeting", "intervention", "deviation",
            "formDraft", "maturityAssessment", "planRequest", "goal", "need", "planHistory", "interventionHistory":
            return "planId = \(plan)"
        case "consentAgency": return "consentId IN (SELECT id FROM consent WHERE planId = \(plan))"
        case "agendaItem", "attendance", "kallelse", "invitee", "mailSent", "childParticipation":
            return "meetingId IN (\(meetings))"
        case "goalAssessment", "goalIntervention": return "goalId IN (SELECT id FROM goal WHERE planId = \(plan))"
        case "deviationChange": return "deviationId IN (SELECT id FROM deviation WHERE planId = \(plan))"
        case "auditLog", "auditDetail":
            // What was logged about the plan, its parts, its child and family.
            let about: SQL = """
                SELECT id FROM auditLog WHERE (entity = 'plan' AND entityId = \(plan))
                   OR (entity = 'meeting' AND entityId IN (\(meetings)))
                   OR (entity IN ('intervention', 'consent', 'participant', 'deviation') AND entityId IN
                       (SELECT id FROM intervention WHERE planId = \(plan)
                        UNION SELECT id FROM consent WHERE planId = \(plan)
                        UNION SELECT id FROM participant WHERE planId = \(plan)
                        UNION SELECT id FROM deviation WHERE planId = \(plan)))
                   OR (entity = 'child' AND entityId = (\(child)))
                   OR (entity = 'familyMember' AND entityId IN (SELECT id FROM familyMember WHERE childId = (\(child))))
                """
            return table == "auditLog" ? "id IN (\(about))" : "auditId IN (\(about))"
        default: return nil
        }
    }

    /// Tables without personal data of a plan, each with why.
    static let notPersonal: [String: String] = [
        "agencyKind": "reference data: kinds of organisation",
        "deviationKind": "reference data: kinds of deviation",
        "agendaTemplate": "reference data: the mötescirkel agenda",
        "spiderDimension": "reference data: the self-assessment's dimensions",
        "busGroup": "the BUS groups' names",
        "agency": "organisations, not people",
        "agencyGroup": "which BUS groups an organisation serves",
        "contactPerson": "staff contacts of an organisation, of no plan: kept while the organisation is",
        "appUser": "the program's users (staff), managed by the administrator",
        "setting": "local deadlines in days",
        "selfAssessment": "a BUS group's scores of itself",
        "annualNote": "a BUS group's words on its year's work, of no plan; identity numbers are refused in it",
        "reviewTally": "counts per group, figure and bucket; items are codes and plan numbers, which stay",
        "reviewSnapshot": "a past period's review figures without ids: counts by status, kind and organisation",
        "grdb_migrations": "the names of the applied migrations",
        // FTS5's own storage behind planSearch, written only through it: planSearch's text (read
        // from planSearch_content) is checked as a column of its own.
        "planSearch_data": "FTS5 storage of planSearch",
        "planSearch_idx": "FTS5 storage of planSearch",
        "planSearch_content": "FTS5 storage of planSearch",
        "planSearch_docsize": "FTS5 storage of planSearch",
        "planSearch_config": "FTS5 storage of planSearch",
    ]

    /// Text columns of personal tables that the purge keeps on purpose, each with why it is not personal.
    static let allowed: [String: String] = [
        "plan.initiatorKind": "a kind code (guardian, child, agency)",
        "plan.requestDate": "ISO date: the review counts plans started by it",
        "plan.status": "a status code",
        "plan.closedKind": "a kind code (completed, refused, other)",
        "plan.followUpDate": "ISO date: the review's follow-up figures",
        "plan.purgedOn": "ISO date the purge itself writes",
        "child.sex": "a code, kept for the review's figures by sex",
        "familyMember.role": "a code (guardian, relative)",
        "planStatusChange.fromStatus": "a status code",
        "planHistory.followUpDate": "ISO date: the follow-up date before a change, for a past period's review",
        "interventionHistory.status": "a status code, before a change",
        "interventionHistory.dueDate": "ISO date: the due date before a change",
        "planStatusChange.toStatus": "a status code",
        "planStatusChange.changedBy": "the staff login who changed it: kept, as in the audit log",
        "participant.invitationKind": "a kind code (kallelse, inbjudan)",
        "participant.answer": "an answer code",
        "invitee.answer": "an answer code (the purge deletes the row with its kallelse)",
        "mailSent.kind": "a kind code (request, cancel, digest); the purge deletes a plan's mail rows",
        "mailSent.login": "a digest's staff login, NULL on a plan's mail (a CHECK keeps it so)",
        "consent.form": "a form code (written, oral)",
        "meeting.kind": "a kind code (first, follow-up)",
        "agendaItem.title": "the agenda template's heading, copied from agendaTemplate",
        "attendance.status": "an attendance code",
        "intervention.startDate": "ISO date: the review's intervention figures",
        "intervention.dueDate": "ISO date: the review's overdue interventions",
        "intervention.status": "a status code",
        "deviation.occurredOn": "ISO date: the review's deviation figures and response times",
        "deviation.kind": "a deviation kind code",
        "deviation.status": "a status code",
        "deviation.responseDate": "ISO date: the review's response times",
        "deviation.responseDue": "ISO date: the review's overdue responses",
        "deviation.escalation": "an escalation code",
        "deviationChange.changedBy": "the staff login who changed it: kept, as in the audit log",
        "deviationChange.what": "the step, a code the program writes ('registered', 'status sent')",
        "auditLog.user": "the staff login who acted: the log keeps who did what, and when",
        "auditLog.entity": "an entity code (plan, meeting...)",
        "auditLog.action": "an action code (create, view, purge...)",
        "auditLog.detail": "written empty since v6: what changed lives in auditDetail, which the purge empties",
        "auditLog.hash": "the hash chain over the row's fields (v12): hex digits, no personal data",
        "planRequest.registeredBy": "the staff login who registered it: kept, as in the audit log",
        "planRequest.answeredBy": "the staff login who answered it: kept, as in the audit log",
        "planRequest.receivedOn": "ISO date: the review's requests and days to the first meeting",
        "planRequest.answeredOn": "ISO date the request was answered",
        "planRequest.status": "a status code (new, accepted, declined)",
        "plan.coordinatorLogin": "the staff login who coordinates it (a user, v15): kept, as in the audit log",
        "plan.leadLogin": "the staff login with overall responsibility (a user, v15): kept, as in the audit log",
        "intervention.personLogin": "the staff login responsible for it (a user, v15): kept, as in the audit log",
        "plan.kind": "a kind code (standard, discharge)",
        "plan.notifiedOn": "ISO date: the review's late discharge meetings",
        "goal.kind": "a kind code (child, long, short)",
        "goalAssessment.by": "a code (professionals, family)",
        "goalAssessment.outcome": "an outcome code (achieved, partly...)",
        "goalAssessment.recordedBy": "the staff login who recorded it: kept, as in the audit log",
        "need.recordedOn": "ISO date the need was recorded",
    ]

    /// Puts a unique marker into every text column of plan `planId`'s rows (except `allowed`),
    /// purges closed plans before `day`, and returns what is not covered: columns that still hold
    /// their marker or could not be given one, tables in neither list, and allow-list entries that
    /// name no column. Empty when the purge reaches everything.
    static func problems(_ store: Store, planId: Int64, closedBefore day: Day) throws -> [String] {
        struct Mark: Sendable { var table, column, marker: String }
        let (found, marked) = try store.write { db -> ([String], [Mark]) in
            var problems: [String] = []
            var marked: [Mark] = []
            var tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
            // Triggers on child and plan rewrite planSearch: mark it last.
            tables.sort { ($0 == "planSearch" ? 1 : 0, $0) < ($1 == "planSearch" ? 1 : 0, $1) }
            var columnsSeen: Set<String> = []
            var serial = 0
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
                for row in columns { columnsSeen.insert("\(table).\(row["name"] as String)") }
                guard let scope = rows(of: table, plan: planId) else {
                    if notPersonal[table] == nil { problems.append("\(table): neither personal nor not") }
                    continue
                }
                let texts = columns.filter { isTextOrBlob($0["type"]) }.map { $0["name"] as String }
                for column in texts where allowed["\(table).\(column)"] == nil {
                    let count =
                        try SQLRequest<Int>("SELECT COUNT(*) FROM \(identifier: table) WHERE \(scope)")
                        .fetchOne(db) ?? 0
                    guard count > 0 else {
                        problems.append("\(table).\(column): no row of the plan to mark")
                        continue
                    }
                    // The column's constraints decide which marker it takes: free text, else a date, else digits.
                    serial += 1
                    let candidates = [
                        "mk-\(table)-\(column)".lowercased(),
                        Day(year: 1901, month: 1, day: 1)!.adding(days: serial).iso,
                        "190101" + String(format: "%06d", serial),
                    ]
                    var placed: String?
                    for marker in candidates where placed == nil {
                        do {
                            try db.execute(
                                literal: """
                                    UPDATE \(identifier: table) SET \(identifier: column) = \(marker) WHERE \(scope)
                                    """)
                            placed = marker
                        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                            continue
                        }
                    }
                    if let placed {
                        marked.append(Mark(table: table, column: column, marker: placed))
                    } else {
                        problems.append("\(table).\(column): takes no marker")
                    }
                }
            }
            problems += allowed.keys.filter { !columnsSeen.contains($0) }.map { "\($0): allowed, but no such column" }
            return (problems, marked)
        }
        try store.purge(closedBefore: day)
        var problems = found
        problems += try store.read { db in
            try marked.filter { mark in
                try SQLRequest<Int>(
                    """
                    SELECT COUNT(*) FROM \(identifier: mark.table)
                    WHERE instr(CAST(\(identifier: mark.column) AS TEXT), \(mark.marker)) > 0
                    """
                ).fetchOne(db) ?? 0 > 0
            }.map { "\($0.table).\($0.column)" }
        }
        return problems.sorted()
    }

    /// SQLite's affinity rules: TEXT for CHAR, CLOB, TEXT; BLOB for BLOB or no type. (DATETIME is
    /// NUMERIC: timestamps of acts, not free text.)
    static func isTextOrBlob(_ declared: String) -> Bool {
        let type = declared.uppercased()
        if type.contains("INT") { return false }
        return type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") || type.contains("BLOB")
            || type.isEmpty
    }
}

@Suite("Retention: the purge reaches every personal text column")
struct PurgeCoverageTests {
    /// A plan closed in 2024 with a row in every table that holds personal data; the clock then in 2026.
    static func closedPlan() throws -> (TestStore, Int64) {
        let t = try TestStore(clock: TestClock(Day(year: 2024, month: 2, day: 1)!))
        let store = t.store
        let f = try Fixture(store)
        let planId = f.plan.id!
        try f.consentBoth(store)
        try store.recordMaturityAssessment(planId: planId, reason: "Åsa förstår vad samtycket gäller")
        let rektor = try store.addParticipant(
            planId: planId, agencyId: f.school.id, person: "Rektor Rut",
            role: "rektor")
        let mother = try store.addParticipant(
            planId: planId, agencyId: nil, familyMemberId: f.mother.id,
            person: "Märta Öberg", role: "vårdnadshavare")
        let meeting = try store.addMeeting(
            planId: planId, kind: .first, startsAt: t.clock.now, durationMinutes: 60,
            place: "Ängsskolan", videoLink: "https://example.org/mote")
        for participant in [rektor, mother] {
            try store.recordAttendance(meetingId: meeting.id!, participantId: participant.id!, status: .present)
        }
        try store.addIntervention(
            planId: planId, what: "Mentor", agencyId: f.school.id!, person: "Mentor Max",
            frequency: "varje vecka", startDate: store.context.today,
            dueDate: store.context.today.adding(days: 60), comment: "Åsa vill")
        var plan = try store.plan(planId)
        plan.childView = "Åsa vill vara med sin kompis"
        plan.followUpDate = store.context.today.adding(days: 90)
        try store.updatePlan(plan)
        try store.recordCopy(planId: planId, recipient: "Märta Öberg", givenOn: store.context.today)
        // The kallelse sent by e-mail: its answers and the mail log.
        _ = try store.addContact(agencyId: f.school.id!, name: "Rektor Rut", email: "rut@skola.example")
        _ = try store.sendKallelse(planId: planId, catalog: Catalog(.sv), mailer: try SendmailStub().mailer(.accept))
        try store.setAnswer(meetingId: meeting.id!, participantId: rektor.id!, .accepted)
        // Issue 17: a goal assessed at a follow-up, the child's part, a language, an interpreter, a need.
        let goal = try store.saveGoal(
            planId: planId, GoalDraft(kind: .child, text: "Åsa vill gå i skolan", worksTowards: "Åsa och mentor"))
        let followUp = try store.addMeeting(
            planId: planId, kind: .followUp, startsAt: t.clock.now, durationMinutes: 60, place: "Ängsskolan",
            videoLink: "")
        try store.assessGoal(
            goalId: goal.id!, meetingId: followUp.id!, by: .family, outcome: .partly, comment: "Åsa tycker")
        try store.recordParticipation(
            ChildParticipation(meetingId: followUp.id!, representedBy: "Märta Öberg", childWords: "Jag vill"))
        try store.setLanguage(planId: planId, memberId: f.mother.id!, language: "arabiska", interpreter: "arabiska")
        try store.bookInterpreter(meetingId: followUp.id!, booked: "Tolk Tim, arabiska")
        try store.recordNeed(planId: planId, what: "Åsa behöver stöd på fritids")
        let deviation = try store.addDeviation(
            reportingAgencyId: f.school.id!, concernedAgencyId: f.bup.id!,
            planId: planId, occurredOn: store.context.today, kind: "uteblev",
            description: "BUP kom inte.", localAction: "Ringde")
        try store.changeDeviationStatus(deviation.id!, to: .sent, note: "Skickad till BUP")
        try store.saveDraft(planId: planId, fields: ["childView": "Åsa vill"])
        // The request the plan came from (begäran om SIP), accepted into it.
        let request = try store.addRequest(
            NewRequest(
                toAgencyId: f.social.id!, askerName: "Rektor Rut", askerFunction: "rektor", childName: "Åsa Öberg",
                personalNumber: "20150312-0006", question: "Hur kommer Åsa tillbaka?", consent: "Märta muntligt"),
            fromAgencyId: f.school.id)
        try store.write { db in
            try db.execute(
                sql: """
                    UPDATE planRequest SET status = 'accepted', planId = ?, answeredOn = receivedOn, answeredBy = 'x'
                    WHERE id = ?
                    """, arguments: [planId, request.id!])
        }
        try store.changeStatus(planId: planId, to: .closed, note: "Åsa är tillbaka i skolan")
        t.clock.set(Day(year: 2026, month: 3, day: 1)!)
        return (t, planId)
    }

    @Test("every text column of a personal table is emptied by the purge or allowed, with a reason")
    func covered() throws {
        let (t, planId) = try Self.closedPlan()
        let problems = try PurgeCoverage.problems(t.store, planId: planId, closedBefore: day("2025-01-01"))
        #expect(problems == [])
        #expect(try t.store.check().isHealthy)
    }

    @Test("a text column the purge forgets is reported")
    func forgottenColumn() throws {
        let (t, planId) = try Self.closedPlan()
        try t.store.write { db in
            try db.execute(sql: "ALTER TABLE \"plan\" ADD COLUMN secretNote TEXT NOT NULL DEFAULT ''")
        }
        let problems = try PurgeCoverage.problems(t.store, planId: planId, closedBefore: day("2025-01-01"))
        #expect(problems == ["plan.secretNote"])
    }
}
