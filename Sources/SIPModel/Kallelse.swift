import Foundation
import GRDB
import SIPDomain
import SIPText

/// A meeting's kallelse: the date answers are asked for, its iCalendar revision, and whether the
/// meeting was called off.
public struct KallelseState: Equatable, Sendable {
    public var meetingId: Int64
    public var replyBy: Day
    /// SEQUENCE of the event: 0 when first sent, higher after each move and the cancellation.
    public var sequence: Int
    public var cancelled: Bool
}

/// One party invited to one meeting, with the answer it gave for that meeting.
public struct MeetingInvitee: Equatable, Sendable {
    public var participantId: Int64
    public var person: String
    /// Nil for the family (their kallelse is a letter).
    public var agency: String?
    public var answer: InvitationAnswer
}

/// An organisation's person a kallelse goes to by e-mail.
public struct MailRecipient: Equatable, Sendable {
    public var participantId: Int64
    public var person: String
    public var agency: String
    /// The contact person's address; empty when none is known (then it must go another way).
    public var address: String
}

/// What sending a meeting's kallelse would do now: to whom, as which revision.
public struct KallelseDispatch: Equatable, Sendable {
    public var planId: Int64
    public var meetingId: Int64
    public var method: CalendarMethod
    public var sequence: Int
    public var replyBy: Day
    /// Still to get this revision (never sent it, or the command did not accept it).
    public var pending: [MailRecipient]
    /// Have this revision already.
    public var sent: [MailRecipient]
    /// Invited organisations' people without an e-mail address.
    public var withoutAddress: [MailRecipient]
}

/// One recipient's mail and what the sendmail command made of it.
public struct MailOutcome: Equatable, Sendable {
    public var recipient: String
    /// Nil when accepted; else the failure in the user's words.
    public var failure: String?
}

/// An invitation nobody answered by its reply-by date: what the day screen lists (plan number,
/// meeting, reply-by), and how many of the invited have not answered.
public struct UnansweredInvitation: Equatable, Sendable {
    public var planId: Int64
    public var meetingId: Int64
    public var startsAt: Date
    public var replyBy: Day
    public var unanswered: Int
}

extension Store {
    // MARK: Text settings (the sendmail command, the sender's address)

    /// Settings that are text, not days: `sendmail-command` and `mail-from` (the From: address,
    /// also the calendar event's organiser).
    public static let textSettingNames = ["sendmail-command", "mail-from"]

    public func textSetting(_ name: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [name])
        }
    }

    public func setTextSetting(_ name: String, _ value: String) throws {
        guard Store.textSettingNames.contains(name) else { throw SIPError.invalidValue(field: .note, value: name) }
        let value = TextRules.clean(value, multiline: false)
        guard value.count <= 200 else { throw SIPError.tooLong(field: .note, max: 200) }
        if name == "mail-from", !value.isEmpty, !MailMessage.isAddress(value) { throw SIPError.invalidEmail(value) }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO setting (key, value) VALUES (?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """, arguments: [name, value])
            try self.audit(db, .setting, detail: "\(name)=\(value)")
        }
    }

    /// The sendmail interface as configured: `$SIP_TUI_SENDMAIL`, else the setting, else the default.
    public func sendmail() throws -> Sendmail { Sendmail.resolve(setting: try textSetting("sendmail-command")) }

    /// A user's address for the reminders' digest (empty: the digest goes to their login, which a
    /// local sendmail delivers to the user's mailbox).
    public func setEmail(login: String, _ address: String) throws {
        let address = TextRules.clean(address, multiline: false)
        if !address.isEmpty, !MailMessage.isAddress(address) { throw SIPError.invalidEmail(address) }
        try write { db in
            guard try AppUser.fetchOne(db, key: login) != nil else { throw SIPError.unknownUser(login) }
            try db.execute(sql: "UPDATE appUser SET email = ? WHERE login = ?", arguments: [address, login])
            try self.audit(db, .setUserEmail, detail: "\(login) \(address)")
        }
    }

    // MARK: A meeting's kallelse and its answers

    public func kallelse(meetingId: Int64) throws -> KallelseState? {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return try Store.kallelse(db, meetingId: meetingId)
        }
    }

    static func kallelse(_ db: Database, meetingId: Int64) throws -> KallelseState? {
        try Row.fetchOne(db, sql: "SELECT * FROM kallelse WHERE meetingId = ?", arguments: [meetingId]).map {
            KallelseState(
                meetingId: $0["meetingId"], replyBy: $0["replyBy"], sequence: $0["sequence"],
                cancelled: $0["cancelledAt"] as Date? != nil)
        }
    }

    /// Who is invited to the meeting, with their answer to it. Before its kallelse exists: the
    /// plan's participants, none of whom has answered.
    public func invitees(meetingId: Int64) throws -> [MeetingInvitee] {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT pa.id, pa.person, a.name AS agency, COALESCE(i.answer, 'no_answer') AS answer
                    FROM meeting m JOIN participant pa ON pa.planId = m.planId
                    LEFT JOIN agency a ON a.id = pa.agencyId
                    LEFT JOIN invitee i ON i.meetingId = m.id AND i.participantId = pa.id
                    WHERE m.id = ? AND (i.participantId IS NOT NULL
                        OR NOT EXISTS (SELECT 1 FROM kallelse k WHERE k.meetingId = m.id))
                    ORDER BY pa.id
                    """, arguments: [meetingId]
            ).map {
                MeetingInvitee(
                    participantId: $0["id"], person: $0["person"], agency: $0["agency"], answer: $0["answer"])
            }
        }
    }

    /// The answer a party gave to one meeting's kallelse (per meeting: an answer to the first
    /// meeting says nothing about the follow-up). The plan's participant keeps the latest answer,
    /// as before, for what shows it.
    public func setAnswer(meetingId: Int64, participantId: Int64, _ answer: InvitationAnswer) throws {
        let now = context.now()
        try write { db in
            guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            guard var participant = try Participant.fetchOne(db, key: participantId),
                participant.planId == meeting.planId
            else { throw SIPError.notFound(.participant, participantId) }
            if try Store.kallelse(db, meetingId: meetingId)?.cancelled == true {
                throw SIPError.meetingCancelled(meetingId)
            }
            try Store.ensureKallelse(db, meeting: meeting, replyBy: nil, context: self.context)
            try db.execute(
                sql: """
                    INSERT INTO invitee (meetingId, participantId, answer, answeredAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (meetingId, participantId) DO UPDATE SET answer = excluded.answer,
                        answeredAt = excluded.answeredAt
                    """,
                arguments: [meetingId, participantId, answer, answer == .noAnswer ? nil : now])
            participant.answer = answer
            try participant.update(db)
            try self.audit(
                db, .answerInvitation(participant: participantId), detail: "meeting \(meetingId): \(answer.rawValue)")
        }
    }

    /// The kallelse row of a meeting, made when first needed (reply-by: the local number of days
    /// before the meeting, never before today), with every participant of the plan invited.
    static func ensureKallelse(_ db: Database, meeting: Meeting, replyBy: Day?, context: SessionContext) throws {
        let proposed = try replyBy ?? defaultReplyBy(db, meeting: meeting, context: context)
        try db.execute(
            sql: """
                INSERT INTO kallelse (meetingId, replyBy, sequence, createdAt, createdBy) VALUES (?, ?, 0, ?, ?)
                ON CONFLICT (meetingId) DO NOTHING
                """, arguments: [meeting.id!, proposed, context.now(), context.user])
        if let replyBy {
            try db.execute(
                sql: "UPDATE kallelse SET replyBy = ? WHERE meetingId = ?", arguments: [replyBy, meeting.id!])
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO invitee (meetingId, participantId)
                SELECT ?, id FROM participant WHERE planId = ?
                """, arguments: [meeting.id!, meeting.planId])
    }

    /// The local number of days before the meeting, never before today.
    static func defaultReplyBy(_ db: Database, meeting: Meeting, context: SessionContext) throws -> Day {
        let meetingDay = Day(meeting.startsAt, in: context.timeZone)
        return max(context.today, meetingDay.adding(days: -(try Store.deadlines(db).replyByDays)))
    }

    // MARK: Sending

    /// The meeting a kallelse is about: the one asked for, else a meeting called off whose
    /// cancellation has not yet reached everyone who was sent it, else the next one not held and
    /// not called off.
    static func kallelseMeeting(_ db: Database, planId: Int64, meetingId: Int64?, context: SessionContext) throws
        -> Meeting
    {
        if let meetingId {
            guard let meeting = try Meeting.fetchOne(db, key: meetingId), meeting.planId == planId else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            return meeting
        }
        let meetings = try Meeting.filter(Meeting.Columns.planId == planId).order(Meeting.Columns.startsAt).fetchAll(db)
        // Owed: the cancellation's own dispatch still has someone to send it to.
        let owed = try meetings.first { meeting in
            guard !meeting.held, meeting.cancelledAt != nil else { return false }
            return !(try Store.dispatch(db, meeting: meeting, replyBy: nil, context: context).pending.isEmpty)
        }
        if let owed { return owed }
        guard let next = meetings.first(where: \.isAhead) else { throw SIPError.notFound(.meeting, 0) }
        return next
    }

    /// Who would get the meeting's kallelse now, and as which revision; nothing is written.
    public func kallelseDispatch(planId: Int64, meetingId: Int64? = nil) throws -> KallelseDispatch {
        let context = context
        return try read { db in
            try self.requireVisible(db, planId: planId)
            let meeting = try Store.kallelseMeeting(db, planId: planId, meetingId: meetingId, context: context)
            return try Store.dispatch(db, meeting: meeting, replyBy: nil, context: context)
        }
    }

    static func dispatch(_ db: Database, meeting: Meeting, replyBy: Day?, context: SessionContext) throws
        -> KallelseDispatch
    {
        guard let plan = try Plan.fetchOne(db, key: meeting.planId) else {
            throw SIPError.notFound(.plan, meeting.planId)
        }
        let state = try Store.kallelse(db, meetingId: meeting.id!)
        let cancelled = state?.cancelled == true
        // A closed plan takes no kallelse; the cancellation of a meeting it had may still go out.
        if plan.status == .closed && !cancelled { throw SIPError.planClosed(plan.id!) }
        if meeting.held { throw SIPError.meetingAlreadyHeld }
        let sequence = state?.sequence ?? 0
        let reply = try replyBy ?? state?.replyBy ?? defaultReplyBy(db, meeting: meeting, context: context)
        let people = try Row.fetchAll(
            db,
            sql: """
                SELECT pa.id, pa.person, a.name AS agency,
                    COALESCE((SELECT cp.email FROM contactPerson cp WHERE cp.agencyId = pa.agencyId
                        AND cp.name = pa.person AND cp.email <> '' ORDER BY cp.retiredOn IS NOT NULL, cp.id LIMIT 1), '')
                        AS email,
                    EXISTS (SELECT 1 FROM mailSent ms WHERE ms.meetingId = :meeting AND ms.participantId = pa.id
                        AND ms.kind = :kind AND ms.sequence = :sequence AND ms.accepted = 1) AS done,
                    EXISTS (SELECT 1 FROM mailSent ms WHERE ms.meetingId = :meeting AND ms.participantId = pa.id
                        AND ms.kind = 'request' AND ms.accepted = 1) AS requested
                FROM participant pa JOIN agency a ON a.id = pa.agencyId
                WHERE pa.planId = :plan
                ORDER BY pa.id
                """,
            arguments: [
                "meeting": meeting.id!, "plan": plan.id!, "sequence": sequence,
                "kind": cancelled ? "cancel" : "request",
            ])
        var dispatch = KallelseDispatch(
            planId: plan.id!, meetingId: meeting.id!, method: cancelled ? .cancel : .request, sequence: sequence,
            replyBy: reply, pending: [], sent: [], withoutAddress: [])
        for row in people {
            let recipient = MailRecipient(
                participantId: row["id"], person: row["person"], agency: row["agency"], address: row["email"])
            // A cancellation goes to those who were sent the meeting, no one else.
            if cancelled && !(row["requested"] as Bool) { continue }
            if !MailMessage.isAddress(recipient.address) {
                dispatch.withoutAddress.append(recipient)
            } else if row["done"] as Bool {
                dispatch.sent.append(recipient)
            } else {
                dispatch.pending.append(recipient)
            }
        }
        return dispatch
    }

    /// Sends the meeting's kallelse (or its cancellation) by e-mail to each invited organisation's
    /// person who does not have this revision yet, through the sendmail command, one message per
    /// recipient with the .ics attached. Each recipient is recorded as accepted or failed with the
    /// command's words; a failure is tried again the next time. Nothing is marked sent that the
    /// command did not accept. The plan becomes `invited` when a first kallelse went out.
    public func sendKallelse(
        planId: Int64, meetingId: Int64? = nil, replyBy: Day? = nil, catalog: Catalog, mailer: Sendmail
    ) throws -> (dispatch: KallelseDispatch, outcomes: [MailOutcome]) {
        if let replyBy, replyBy < context.today { throw SIPError.invalidDate(replyBy.iso) }
        let context = context
        let from = try textSetting("mail-from").flatMap { $0.isEmpty ? nil : $0 }
        // Prepared in one transaction (the audit line says what left the program); the command runs
        // outside it, so a command that hangs holds no lock.
        let prepared = try write { db -> (KallelseDispatch, [(MailRecipient, MailMessage)]) in
            try self.requireVisible(db, planId: planId)
            let meeting = try Store.kallelseMeeting(db, planId: planId, meetingId: meetingId, context: context)
            if let replyBy, replyBy > Day(meeting.startsAt, in: context.timeZone) {
                throw SIPError.invalidDate(replyBy.iso)
            }
            var dispatch = try Store.dispatch(db, meeting: meeting, replyBy: replyBy, context: context)
            if dispatch.method == .request {
                try Store.ensureKallelse(db, meeting: meeting, replyBy: replyBy, context: context)
                dispatch = try Store.dispatch(db, meeting: meeting, replyBy: replyBy, context: context)
            }
            guard !dispatch.pending.isEmpty || !dispatch.sent.isEmpty else { throw SIPError.noMailRecipients }
            let document = try Store.planDocument(db, id: planId, today: context.today, zone: context.timeZone)
            let invitation = try Invitation(
                document: document, meetingId: meeting.id!, zone: context.timeZone,
                requireConsent: dispatch.method == .request, catalog: catalog)
            let answers = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT participantId, answer FROM invitee WHERE meetingId = ?", arguments: [meeting.id!]
                ).map { ($0["participantId"] as Int64, $0["answer"] as InvitationAnswer) })
            let messages = dispatch.pending.map { recipient in
                (
                    recipient,
                    invitation.mail(
                        to: recipient.address, from: from, dispatch: dispatch, catalog: catalog, now: context.now(),
                        participantId: recipient.participantId, answers: answers)
                )
            }
            if !messages.isEmpty {
                try self.audit(
                    db, .sendKallelse(meeting: meeting.id!),
                    detail: "\(dispatch.method.rawValue) sequence \(dispatch.sequence) to \(messages.count)")
            }
            return (dispatch, messages)
        }
        let (dispatch, messages) = prepared
        var outcomes: [MailOutcome] = []
        for (recipient, message) in messages {
            let result = mailer.send(message.data)
            let failure = Store.describe(result, catalog)
            outcomes.append(MailOutcome(recipient: recipient.address, failure: failure))
            try write { db in
                try db.execute(
                    sql: """
                        INSERT INTO mailSent (kind, meetingId, participantId, recipient, uid, sequence, at, accepted, message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        dispatch.method == .cancel ? "cancel" : "request", dispatch.meetingId,
                        recipient.participantId, recipient.address,
                        Invitation.uid(plan: planId, meeting: dispatch.meetingId),
                        dispatch.sequence, context.now(), failure == nil, String((failure ?? "").prefix(500)),
                    ])
                // The kallelse went out: a plan being prepared is now "invited".
                if failure == nil, dispatch.method == .request, var plan = try Plan.fetchOne(db, key: planId),
                    plan.status == .draft
                {
                    try self.transition(db, &plan, to: .invited)
                }
            }
        }
        return (dispatch, outcomes)
    }

    /// A sendmail result in the user's words; nil when accepted.
    static func describe(_ result: Sendmail.Result, _ catalog: Catalog) -> String? {
        switch result {
        case .accepted: return nil
        case .failed(.exitStatus(let status, let message)):
            return catalog.sendmailFailure(status: status, message: message, timedOut: nil)
        case .failed(.timedOut(let seconds)):
            return catalog.sendmailFailure(status: nil, message: "", timedOut: seconds)
        case .failed(.cannotStart(let why)):
            return catalog.sendmailFailure(status: nil, message: why, timedOut: nil)
        }
    }

    // MARK: Moving and calling off a meeting

    /// Moves a meeting (time, length, place, link). Its kallelse, once sent, goes out again as the
    /// same event with a higher SEQUENCE; the answers to the old time no longer hold.
    @discardableResult
    public func rescheduleMeeting(
        _ meetingId: Int64, startsAt: Date, durationMinutes: Int? = nil, place: String? = nil,
        videoLink: String? = nil
    ) throws -> Meeting {
        if let durationMinutes, !(5...600).contains(durationMinutes) {
            throw SIPError.invalidValue(field: .place, value: String(durationMinutes))
        }
        let place = try place.map { try TextRules.validated($0, for: .place) }
        let videoLink = try videoLink.map { try TextRules.validated($0, for: .videoLink) }
        return try write { db in
            guard var meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            try self.requireVisible(db, planId: meeting.planId)
            if try Plan.fetchOne(db, key: meeting.planId)?.status == .closed {
                throw SIPError.planClosed(meeting.planId)
            }
            if meeting.held { throw SIPError.meetingAlreadyHeld }
            if try Store.kallelse(db, meetingId: meetingId)?.cancelled == true {
                throw SIPError.meetingCancelled(meetingId)
            }
            let before = LocalTime.iso(meeting.startsAt, self.context.timeZone)
            meeting.startsAt = startsAt
            if let durationMinutes { meeting.durationMinutes = durationMinutes }
            if let place { meeting.place = place }
            if let videoLink { meeting.videoLink = videoLink }
            try meeting.update(db)
            try db.execute(
                sql: "UPDATE kallelse SET sequence = sequence + 1 WHERE meetingId = ?", arguments: [meetingId])
            try db.execute(
                sql: "UPDATE invitee SET answer = 'no_answer', answeredAt = NULL WHERE meetingId = ?",
                arguments: [meetingId])
            try self.audit(
                db, .rescheduleMeeting(meetingId),
                detail: "\(before) -> \(LocalTime.iso(meeting.startsAt, self.context.timeZone))")
            return meeting
        }
    }

    /// Calls a meeting off: its kallelse goes out again as a cancellation (METHOD:CANCEL, a higher
    /// SEQUENCE) to those who were sent it.
    public func cancelMeeting(_ meetingId: Int64) throws {
        let context = context
        try write { db in
            guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            try self.requireVisible(db, planId: meeting.planId)
            if meeting.held { throw SIPError.meetingAlreadyHeld }
            if try Store.kallelse(db, meetingId: meetingId)?.cancelled == true {
                throw SIPError.meetingCancelled(meetingId)
            }
            let meetingDay = Day(meeting.startsAt, in: context.timeZone)
            try db.execute(
                sql: """
                    INSERT INTO kallelse (meetingId, replyBy, sequence, cancelledAt, createdAt, createdBy)
                    VALUES (:meeting, :replyBy, 0, :now, :now, :user)
                    ON CONFLICT (meetingId) DO UPDATE SET sequence = sequence + 1, cancelledAt = :now;
                    UPDATE meeting SET cancelledAt = :now WHERE id = :meeting;
                    """,
                arguments: [
                    "meeting": meetingId, "replyBy": meetingDay,
                    "now": context.now(), "user": context.user,
                ])
            try self.audit(db, .cancelMeeting(meetingId))
        }
    }

    // MARK: The plan's life cycle

    /// Opens a closed plan again, with a reason (kept in its status history and the audit trail):
    /// it goes back to where it was before it was closed.
    @discardableResult
    public func reopenPlan(_ planId: Int64, reason: String) throws -> Plan {
        let reason = try TextRules.required(reason, for: .note)
        let context = context
        return try write { db in
            try self.requireVisible(db, planId: planId)
            guard var plan = try Plan.fetchOne(db, key: planId) else { throw SIPError.notFound(.plan, planId) }
            try Store.requireNotPurged(db, planId: planId)
            guard plan.status == .closed else { throw SIPError.planNotClosed(planId) }
            let before =
                try PlanStatus.fetchOne(
                    db,
                    sql: """
                        SELECT fromStatus FROM planStatusChange WHERE planId = ? AND toStatus = 'closed'
                        ORDER BY changedAt DESC, id DESC LIMIT 1
                        """, arguments: [planId]) ?? .draft
            var target: PlanStatus = before == .closed ? .draft : before
            // Active work needs consent in force; without it the plan is prepared again.
            if target == .active || target == .followUpDue,
                try !Store.consentIsValid(db, planId: planId, on: context.today)
            {
                target = .draft
            }
            plan.status = target
            plan.closedReason = nil
            plan.closedKind = nil
            plan.version += 1
            plan.updatedAt = context.now()
            // The history line before the change, as `changeStatus` writes it.
            var change = PlanStatusChange(
                planId: planId, fromStatus: .closed, toStatus: target, changedAt: plan.updatedAt,
                changedBy: context.user, note: reason)
            try change.insert(db)
            try plan.update(db)
            try self.audit(db, .reopenPlan(planId), detail: "closed -> \(target.rawValue): \(reason)")
            return plan
        }
    }

    /// The plan's interventions still owed (planned or ongoing): closing warns about them.
    public func owedInterventions(planId: Int64) throws -> [Intervention] {
        try interventions(planId: planId).filter { $0.status == .planned || $0.status == .ongoing }
    }

    // MARK: Past the reply-by date

    /// For the signed-in user (within their access: their plans, their organisation's, and those a
    /// consent in force lets their organisation see), the kallelser with an invited organisation
    /// that has not answered after the reply-by date (the family's kallelse is a letter: their
    /// answer is not waited for here): plan number, meeting, reply-by. Meetings held or
    /// called off, and closed or purged plans, are left out. What the day screen lists.
    public func invitationsPastReplyBy() throws -> [UnansweredInvitation] {
        let today = context.today
        return try read { db in
            let access = try self.currentAccess(db)
            try access?.require(.plans)
            return try Store.invitationsPastReplyBy(db, access: access, today: today)
        }
    }

    /// `visibleIds`: the user's visible open plans when the caller has found them already (the
    /// day, as JSON for `json_each`); the user's condition is then not tested again.
    static func invitationsPastReplyBy(
        _ db: Database, access: Access?, today: Day, visibleIds: String? = nil
    ) throws -> [UnansweredInvitation] {
        var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today]
        let condition: String
        if let visibleIds {
            arguments["visibleIds"] = visibleIds
            condition = Access.inVisiblePlans
        } else {
            let visible = access.map { $0.planCondition(&arguments, today: today) } ?? "1"
            // A narrowed coordinator's plans are found from their side (`planCandidates`), not tested one by one.
            condition = access?.planCandidates(&arguments).map { "p.id IN (\($0)) AND \(visible)" } ?? visible
        }
        // For someone who sees every plan, start from the meetings not yet held (a partial index),
        // not from every plan; a narrowed coordinator starts from their few plans as before.
        let from =
            access?.seesEveryPlan ?? true
            ? "meeting m INDEXED BY meeting_ahead CROSS JOIN kallelse k ON k.meetingId = m.id CROSS JOIN"
            : "kallelse k JOIN meeting m ON m.id = k.meetingId JOIN"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT m.planId, m.id AS meetingId, m.startsAt, k.replyBy, COUNT(*) AS unanswered
                FROM \(from) "plan" p ON p.id = m.planId
                JOIN invitee i ON i.meetingId = k.meetingId AND i.answer = 'no_answer'
                JOIN participant pa ON pa.id = i.participantId AND pa.agencyId IS NOT NULL
                WHERE k.replyBy < :today AND k.cancelledAt IS NULL AND m.held = 0
                  AND +p.status <> 'closed' AND +p.purgedOn IS NULL AND \(condition)
                GROUP BY k.meetingId ORDER BY k.replyBy, m.planId
                """, arguments: StatementArguments(arguments)
        ).map {
            UnansweredInvitation(
                planId: $0["planId"], meetingId: $0["meetingId"], startsAt: $0["startsAt"], replyBy: $0["replyBy"],
                unanswered: $0["unanswered"])
        }
    }

    /// The "kallelse ej besvarad" deviations the plan's unanswered kallelser call for, prepared for
    /// a person to check and register (never registered here): one per organisation that did not
    /// answer by the reply-by date, unless it is registered already.
    public func offeredDeviations(planId: Int64) throws -> [DeviationDraft] {
        let today = context.today
        return try read { db in
            try self.requireVisible(db, planId: planId)
            guard let plan = try Plan.fetchOne(db, key: planId), plan.status != .closed else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT pa.agencyId, a.name, k.replyBy, m.startsAt
                    FROM kallelse k JOIN meeting m ON m.id = k.meetingId
                    JOIN invitee i ON i.meetingId = k.meetingId AND i.answer = 'no_answer'
                    JOIN participant pa ON pa.id = i.participantId JOIN agency a ON a.id = pa.agencyId
                    WHERE m.planId = :plan AND k.replyBy < :today AND k.cancelledAt IS NULL AND m.held = 0
                      AND NOT EXISTS (SELECT 1 FROM deviation d WHERE d.planId = :plan
                          AND d.concernedAgencyId = pa.agencyId AND d.kind = 'kallelse_ej_besvarad'
                          AND d.occurredOn >= k.replyBy)
                    GROUP BY pa.agencyId, k.meetingId ORDER BY k.replyBy, pa.id
                    """, arguments: ["plan": planId, "today": today])
            let parties = try Participant.filter(Participant.Columns.planId == planId).fetchAll(db).compactMap(
                \.agencyId)
            return rows.compactMap { row -> DeviationDraft? in
                let concerned: Int64 = row["agencyId"]
                let replyBy: Day = row["replyBy"]
                let meetingDay = Day(row["startsAt"] as Date, in: self.context.timeZone)
                // The reporter: the organisation with overall responsibility, else another one at the table.
                guard
                    let reporter = plan.leadAgencyId.flatMap({ $0 == concerned ? nil : $0 })
                        ?? parties.first(where: { $0 != concerned })
                else { return nil }
                let name: String = row["name"]
                return DeviationDraft(
                    reportingAgencyId: reporter, concernedAgencyId: concerned, planId: planId,
                    occurredOn: min(replyBy.adding(days: 1), today), kind: "kallelse_ej_besvarad",
                    description:
                        "\(name) svarade inte på kallelsen till SIP-mötet \(meetingDay.iso) (svar senast \(replyBy.iso))."
                )
            }
        }
    }
}
