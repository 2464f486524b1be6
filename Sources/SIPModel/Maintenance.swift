import Foundation
import GRDB
import SIPDomain
import SIPText

/// One line of `sip-tui audit`.
public struct AuditLine: Codable, Equatable, Sendable {
    /// The row's number in the log (what `check` names when the chain breaks there).
    public var id: Int64
    public var at: String
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: String
    /// What changed (field: before -> after), where the change kept it; empty after a purge. An
    /// administrator is shown the names of a plan's changed fields only, never their values.
    public var detail: String
    /// The row does not hold what the program writes (an unknown entity, a NULL or text where a
    /// number belongs, a date that is none): its fields are shown as stored, as far as they are text.
    public var malformed: Bool = false
}

extension Store {
    /// The audit trail, oldest first: who saw or changed what, and when, with what changed. With
    /// `planId`, everything about that plan and its consents, participants, meetings and
    /// interventions, so the family can be told who has seen it.
    ///
    /// An administrator sees every line, with the names of a plan's changed fields but not their
    /// values; a coordinator who may see plan `planId` sees that plan's trail with the values.
    public func auditTrail(planId: Int64? = nil, user: String? = nil, from: Day? = nil, to: Day? = nil) throws
        -> [AuditLine]
    {
        let zone = context.timeZone
        return try read { db in
            let showsValues = try self.auditShowsValues(db, planId: planId)
            var conditions: [String] = []
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            if let planId {
                conditions.append(
                    """
                    ((l.entity = 'plan' AND l.entityId = :plan)
                     OR (l.entity = 'meeting' AND l.entityId IN (SELECT id FROM meeting WHERE planId = :plan))
                     OR (l.entity = 'intervention' AND l.entityId IN (SELECT id FROM intervention WHERE planId = :plan))
                     OR (l.entity = 'consent' AND l.entityId IN (SELECT id FROM consent WHERE planId = :plan))
                     OR (l.entity = 'participant' AND l.entityId IN (SELECT id FROM participant WHERE planId = :plan)))
                    """)
                arguments["plan"] = planId
            }
            if let user {
                conditions.append("l.user = :user")
                arguments["user"] = user
            }
            if let from {
                conditions.append("l.at >= :from")
                arguments["from"] = from.date(hour: 0, in: zone)
            }
            if let to {
                conditions.append("l.at < :to")
                arguments["to"] = to.adding(days: 1).date(hour: 0, in: zone)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT l.id, l.at, l.user, l.entity, l.entityId, l.action, d.detail
                    FROM auditLog l LEFT JOIN auditDetail d ON d.auditId = l.id \(whereClause) ORDER BY l.id
                    """, arguments: StatementArguments(arguments)
            ).map { row in AuditLine(row, zone: zone, showsValues: showsValues) }
        }
    }

    /// Whether the signed-in user may read the audit trail asked for, and with changed values:
    /// an administrator without values, a coordinator who may see the plan with them, the
    /// library used directly (not signed in) with them.
    private func auditShowsValues(_ db: Database, planId: Int64?) throws -> Bool {
        guard let access = try currentAccess(db) else { return true }
        if access.can(.maintenance) { return false }
        guard let planId, access.can(.plans) else {
            try access.require(.maintenance)
            return false
        }
        guard try Plan.exists(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
        try requireVisible(db, planId: planId)
        return true
    }

    /// Copies the live database to `destination` with SQLite's online backup (readers and writers
    /// may go on meanwhile). The copy is created owner-only and checked before this returns.
    public func backup(to destination: String) throws {
        try requireSignedIn(.maintenance)
        // The copy is the user's own file, written with the user's group (shared mode: not the service group).
        try UserFiles.write { try backupAsUser(to: destination) }
    }

    private func backupAsUser(to destination: String) throws {
        let directory = (destination as NSString).deletingLastPathComponent
        guard directory.isEmpty || FileManager.default.fileExists(atPath: directory) else {
            throw SIPError.directoryMissing(directory)
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw SIPError.invalidValue(field: .place, value: destination)
        }
        // The line goes in first, so that the copy carries it too (a restore of it keeps it).
        try write { db in try self.audit(db, .backup, detail: (destination as NSString).lastPathComponent) }
        umask(0o077)
        // Created here, owner-only and never through a link: a name planted meanwhile (a dangling
        // symlink passes the test above) is refused, not followed.
        guard try DatabaseFiles.createExclusively(destination) else {
            throw SIPError.invalidValue(field: .place, value: destination)
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try writer.backup(to: target)
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw SIPError.from(error, path: destination)
        }
        chmod(destination, 0o600)
        let copy = try Store(path: destination, context: context)
        defer { try? copy.close() }
        let report = try copy.check()
        guard report.isHealthy else { throw report.problems[0] }
    }

    /// Replaces this database's contents with `source`, after checking the source is a sound
    /// sip-tui database; a bad source changes nothing. The source is opened read-only and never
    /// changed: an older backup is brought up to date in the restored copy.
    public func restore(from source: String) throws {
        try requireSignedIn(.maintenance)
        // The source is found and opened with the user's own rights (shared mode: not the service group's).
        let incoming = try UserFiles.write { () throws -> DatabaseQueue in
            guard FileManager.default.fileExists(atPath: source) else { throw SIPError.cannotOpen(source) }
            // A FIFO or device would block the read below (a link to a backup is fine: it is only read).
            var info = stat()
            if stat(source, &info) == 0, let kind = DatabaseFiles.kind(of: info.st_mode) {
                throw SIPError.notAPlainFile(path: source, kind: kind)
            }
            try Store.checkHeader(source)
            var config = Configuration()
            config.readonly = true
            do {
                let queue = try DatabaseQueue(path: source, configuration: config)
                do {
                    // Its first read opens what SQLite needs beside it (a WAL's index), still as the user.
                    try queue.read { db in _ = try db.tableExists("plan") }
                } catch {
                    try? queue.close()
                    throw error
                }
                return queue
            } catch {
                throw SIPError.from(error, path: source)
            }
        }
        defer { try? incoming.close() }
        var replaced = ""
        do {
            try incoming.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if integrity != ["ok"] { throw SIPError.integrityFailed(integrity.prefix(3).joined(separator: "; ")) }
                let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
                if violations > 0 { throw SIPError.foreignKeyViolations(violations) }
                guard try db.tableExists("plan"), try Schema.migrator.appliedIdentifiers(db).contains("v1-schema")
                else {
                    throw SIPError.notADatabase(source)
                }
                if try Schema.migrator.hasBeenSuperseded(db) { throw SIPError.newerVersion(source) }
            }
            // The restored log replaces this one: its line says up to where the replaced one went.
            replaced =
                try writer.read { db in
                    try Row.fetchOne(db, sql: "SELECT id, hash FROM auditLog ORDER BY id DESC LIMIT 1")
                        .map { "; replaced log up to row \($0["id"] as Int64), hash \(($0["hash"] as String?) ?? "-")" }
                } ?? ""
        } catch {
            throw SIPError.from(error, path: source)
        }
        // All or nothing: the backup is brought up to date and given its audit line in a staging
        // copy beside the database; only a finished copy replaces the contents, in one step.
        let staging = path + ".restoring"
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: staging + suffix)
            }
        }
        let detail = (source as NSString).lastPathComponent + replaced
        do {
            guard try DatabaseFiles.createExclusively(staging) else { throw SIPError.cannotOpen(staging) }
            let stage = try DatabaseQueue(path: staging, configuration: Store.configuration(busyTimeout: busyTimeout))
            defer { try? stage.close() }
            try incoming.backup(to: stage)
            try Schema.migrator.migrate(stage)
            try stage.write { db in try self.appendAudit(db, .restore, detail: detail) }
            try stage.backup(to: writer)
        } catch let error as SIPError {
            throw error
        } catch {
            throw SIPError.from(error, path: source)
        }
    }
}

extension Store {
    /// Copies the WAL into the database and empties it.
    package func checkpoint() throws {
        try mappingErrors {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }
}

/// A closed plan that purging (gallring) removes the personal data of.
public struct PurgeCandidate: Codable, Equatable, Sendable {
    public var planId: Int64
    public var closedOn: Day
    public var busGroup: String
}

extension Store {
    /// Closed plans whose closing day is before `day` and that still hold personal data.
    public func purgeCandidates(closedBefore day: Day) throws -> [PurgeCandidate] {
        try requireSignedIn(.maintenance)
        let zone = context.timeZone
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, g.name AS grp,
                           (SELECT MAX(s.changedAt) FROM planStatusChange s WHERE s.planId = p.id AND s.toStatus = 'closed') AS closedAt
                    FROM "plan" p JOIN busGroup g ON g.id = p.busGroupId
                    WHERE p.status = 'closed' AND p.purgedOn IS NULL ORDER BY p.id
                    """
            ).compactMap { row in
                guard let closedAt = row["closedAt"] as Date? else { return nil }
                let closedOn = Day(closedAt, in: zone)
                return closedOn < day
                    ? PurgeCandidate(planId: row["id"], closedOn: closedOn, busGroup: row["grp"]) : nil
            }
        }
    }

    /// Purges (gallrar) the closed plans `purgeCandidates` lists, in one transaction: names,
    /// numbers, family, consents, copies, drafts, every free text and the audit log's changed
    /// values go. What stays is de-identified: the plan's number, group, dates, statuses, sex and
    /// birth year, which organisations took part, meetings held, interventions' dates and
    /// outcomes, deviations (already de-identified): the BUS review's figures do not change.
    ///
    /// Requests declined before `day` go the same way: they led to no plan, so no plan's purge
    /// would reach the child's name and number they hold (`declinedRequestsToPurge`).
    @discardableResult
    public func purge(closedBefore day: Day) throws -> [PurgeCandidate] {
        let candidates = try purgeCandidates(closedBefore: day)
        let requests = try declinedRequestsToPurge(answeredBefore: day)
        guard !candidates.isEmpty || !requests.isEmpty else { return [] }
        let today = context.today
        try write { db in
            for candidate in candidates { try self.purgePlan(db, candidate.planId, on: today) }
            for request in requests { try self.purgeRequest(db, request) }
        }
        // The old pages are in the WAL until a checkpoint copies them back (overwritten, with
        // secure_delete); truncate it so the purged text does not linger there either.
        try checkpoint()
        return candidates
    }

    /// Declined requests answered before `day` that still hold the child's or the asker's details.
    public func declinedRequestsToPurge(answeredBefore day: Day) throws -> [Int64] {
        try requireSignedIn(.maintenance)
        return try read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM planRequest WHERE status = 'declined' AND answeredOn < ? AND childName <> '-'
                    ORDER BY id
                    """, arguments: [day])
        }
    }

    /// What stays of a declined request: its organisations, group, dates and status (the review's
    /// requests received and declined do not change).
    private func purgeRequest(_ db: Database, _ id: Int64) throws {
        try audit(db, .purgeRequest(id))
        try db.execute(
            literal: """
                DELETE FROM auditDetail WHERE auditId IN
                  (SELECT id FROM auditLog WHERE entity = 'request' AND entityId = \(id));
                UPDATE planRequest SET askerName = '-', askerFunction = '', childName = '-', personalNumber = NULL,
                    question = '-', consent = '', declineReason = '-' WHERE id = \(id);
                """)
    }

    private func purgePlan(_ db: Database, _ planId: Int64, on today: Day) throws {
        // Authorise first; the audit line stays, without details.
        try audit(db, .purgePlan(planId))
        let ids = { (table: String) in
            try SQLRequest<Int64>("SELECT id FROM \(identifier: table) WHERE planId = \(planId)").fetchAll(db)
        }
        let meetings = try ids("meeting")
        let interventions = try ids("intervention")
        let consents = try ids("consent")
        let participants = try ids("participant")
        let deviations = try ids("deviation")
        // The changed values the audit log kept for anything of this plan's.
        for (entity, list) in [
            ("plan", [planId]), ("meeting", meetings), ("intervention", interventions),
            ("consent", consents), ("participant", participants),
            ("deviation", deviations),
        ] where !list.isEmpty {
            try db.execute(
                literal: """
                    DELETE FROM auditDetail WHERE auditId IN
                      (SELECT id FROM auditLog WHERE entity = \(entity) AND entityId IN \(list))
                    """)
        }
        guard let oldChild = try Int64.fetchOne(db, Plan.filter(key: planId).select(Plan.Columns.childId))
        else { throw SIPError.notFound(.plan, planId) }
        // A stand-in child keeps only sex and birth year (the age bands); the real one goes
        // with its family unless another plan still needs them.
        try db.execute(
            literal: """
                INSERT INTO child (name, personalNumber, birthDate, sex)
                SELECT '-', NULL, strftime('%Y', birthDate) || '-07-01', sex FROM child WHERE id = \(oldChild)
                """)
        let standIn = db.lastInsertedRowID
        try db.execute(
            literal: """
                DELETE FROM consent WHERE planId = \(planId);
                DELETE FROM maturityAssessment WHERE planId = \(planId);
                DELETE FROM planCopy WHERE planId = \(planId);
                DELETE FROM formDraft WHERE planId = \(planId);
                DELETE FROM attendance WHERE participantId IN
                    (SELECT id FROM participant WHERE planId = \(planId) AND familyMemberId IS NOT NULL);
                DELETE FROM participant WHERE planId = \(planId) AND familyMemberId IS NOT NULL;
                UPDATE participant SET person = '-', role = '' WHERE planId = \(planId);
                UPDATE meeting SET place = '', videoLink = '', minutes = '' WHERE planId = \(planId);
                -- The kallelser's answers and the mail log (addresses, the command's words) go whole.
                DELETE FROM mailSent WHERE meetingId IN (SELECT id FROM meeting WHERE planId = \(planId));
                DELETE FROM kallelse WHERE meetingId IN (SELECT id FROM meeting WHERE planId = \(planId));
                UPDATE agendaItem SET notes = '' WHERE meetingId IN (SELECT id FROM meeting WHERE planId = \(planId));
                UPDATE intervention SET what = '-', person = '', frequency = '', comment = '' WHERE planId = \(planId);
                UPDATE planStatusChange SET note = '' WHERE planId = \(planId);
                -- Deviations are written de-identified, but their text is still free text: it goes too.
                UPDATE deviation SET description = '-', localAction = '',
                    response = CASE WHEN response IS NULL THEN NULL ELSE '-' END WHERE planId = \(planId);
                UPDATE deviationChange SET note = ''
                    WHERE deviationId IN (SELECT id FROM deviation WHERE planId = \(planId));
                -- The request the plan came from keeps its organisations, dates and status (the review's).
                UPDATE planRequest SET askerName = '-', askerFunction = '', childName = '-', personalNumber = NULL,
                    question = '-', consent = '', declineReason = NULL WHERE planId = \(planId);
                -- The child and the family (v19): goals, assessments' comments, the child's words, needs.
                UPDATE goal SET text = '-', worksTowards = '' WHERE planId = \(planId);
                UPDATE goalAssessment SET comment = '' WHERE goalId IN (SELECT id FROM goal WHERE planId = \(planId));
                UPDATE childParticipation SET representedBy = '', childWords = ''
                    WHERE meetingId IN (SELECT id FROM meeting WHERE planId = \(planId));
                UPDATE meeting SET interpreterBooked = '' WHERE planId = \(planId);
                UPDATE need SET what = '-' WHERE planId = \(planId);
                """)
        // The plan's personal fields are those `PlanField.all` marks so.
        try Plan.filter(key: planId).updateAll(
            db,
            [Plan.Columns.childId.set(to: standIn)]
                + PlanField.all.compactMap(\.purged)
                + [Plan.Columns.purgedOn.set(to: today), Plan.Columns.version += 1])
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"plan\" WHERE childId = ?", arguments: [oldChild]) == 0 {
            try db.execute(sql: "DELETE FROM child WHERE id = ?", arguments: [oldChild])
        }
    }
}

extension AuditLine {
    /// A stored row as a line; never traps on what another program may have written.
    init(_ row: Row, zone: TimeZone, showsValues: Bool) {
        let text = { (column: String) -> String? in
            guard case .string(let value) = (row[column] as DatabaseValue).storage else { return nil }
            return value
        }
        let raw = { (column: String) -> String in
            let value: DatabaseValue = row[column]
            return text(column) ?? (value.isNull ? "NULL" : value.description)
        }
        let idValue: DatabaseValue = row["entityId"]
        let entityId = Int64.fromDatabaseValue(idValue)
        let date = text("at").flatMap { Date.fromDatabaseValue($0.databaseValue) }
        let entity = text("entity")
        let action = text("action")
        id = row["id"]
        malformed =
            date == nil || text("user") == nil || action == nil
            || entity.flatMap(SIPError.Entity.init(rawValue:)) == nil || (!idValue.isNull && entityId == nil)
        at = date.map { LocalTime.iso($0, zone) } ?? raw("at")
        user = raw("user")
        self.entity = raw("entity")
        self.entityId = entityId
        self.action = raw("action")
        let stored = text("detail") ?? ""
        detail =
            showsValues || malformed
            ? (malformed ? "" : stored)
            : AuditLine.withoutValues(stored, entity: self.entity, action: self.action)
    }

    /// What an administrator sees of a detail: of a plan's changed fields, their names only.
    static func withoutValues(_ detail: String, entity: String, action: String) -> String {
        let corrections = [
            Act.correctChild(plan: 0), .editFamilyMember(plan: 0), .removeFamilyMember(plan: 0),
            .editParticipant(plan: 0), .removeParticipant(plan: 0),
        ].map(\.auditAction)
        if entity == SIPError.Entity.plan.rawValue, corrections.contains(action), !detail.isEmpty {
            // The record corrected (`child 4`), then the names of its changed fields and the reason.
            let record = detail.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let named = AuditDetail.correctionFields.filter { detail.contains("; \($0): ") }
            return ([record] + named).joined(separator: ", ")
        }
        guard entity == SIPError.Entity.plan.rawValue, action == Act.updatePlan(0).auditAction, !detail.isEmpty
        else { return detail }
        let names = Plan.editableFields.map(\.rawValue) + ["leadAgencyId"]
        return names.filter { detail.hasPrefix("\($0): ") || detail.contains("; \($0): ") }.joined(separator: ", ")
    }
}
