import Foundation
import GRDB
import SIPDomain
import SIPText

/// What is due for one user, as plan numbers only: what their daily digest says.
public struct ReminderDigest: Equatable, Sendable {
    public var login: String
    /// The user's e-mail address, else their login (a local mailbox).
    public var recipient: String
    /// Plans with a kallelse unanswered after its reply-by date (a deviation is offered on each).
    public var unanswered: [Int64]
    public var followUps: [Int64]
    public var interventions: [Int64]
    /// Plans with a kallelse the sendmail command did not accept (tried again on the next send).
    public var failedMail: [Int64]

    public var itemCount: Int { unanswered.count + followUps.count + interventions.count + failedMail.count }

    /// The digest's text: counts and plan numbers, no names.
    public func body(_ c: Catalog) -> String {
        func line(_ label: Catalog.Text, _ plans: [Int64]) -> String? {
            plans.isEmpty
                ? nil
                : "- \(plans.count) \(c(label)): "
                    + plans.map { "\(c(.planNumber).lowercased()) \($0)" }.joined(
                        separator: ", ")
        }
        var lines = [c(.digestIntro), ""]
        lines += [
            line(.digestUnanswered, unanswered), line(.digestFollowUps, followUps),
            line(.digestInterventions, interventions), line(.digestFailed, failedMail),
        ].compactMap { $0 }
        if !unanswered.isEmpty { lines += ["", c(.digestOffer)] }
        lines += ["", c(.digestFooter)]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One digest's fate: sent, failed (tried again on the next run), or only shown (dry run).
public struct ReminderOutcome: Equatable, Sendable {
    public var digest: ReminderDigest
    /// Nil when accepted (or a dry run); else the failure in the user's words.
    public var failure: String?
}

extension Store {
    /// Every coordinator's digest for today, each within that user's own access (the plans they
    /// coordinate, their organisation's, those a consent in force opens to it). A user whose
    /// digest the sendmail command accepted today is left out: the timer may run again.
    public func reminderDigests() throws -> [ReminderDigest] {
        let today = context.today
        return try read { db in
            try self.currentAccess(db)?.require(.maintenance)
            return try Store.reminderDigests(db, today: today)
        }
    }

    static func reminderDigests(_ db: Database, today: Day) throws -> [ReminderDigest] {
        let users = try AppUser.filter(sql: "role = 'coordinator'").order(sql: "login").fetchAll(db)
        var digests: [ReminderDigest] = []
        for user in users {
            let sent =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM mailSent WHERE kind = 'digest' AND login = ? AND digestDay = ?
                            AND accepted = 1)
                        """, arguments: [user.login, today]) ?? false
            if sent { continue }
            let access = Access(login: user.login, user: user, isFileOwner: false)
            // A coordinator at one organisation: their visible open plans found once, from their
            // candidates, for the four questions below (not the consent rule on every plan, four times).
            let visibleIds = try access.visibleOpenPlans(db, today: today)
            func plans(_ condition: String) throws -> [Int64] {
                var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today]
                let open: String
                if let visibleIds {
                    arguments["visibleIds"] = visibleIds
                    open = Access.inVisiblePlans
                } else {
                    open =
                        "p.status <> 'closed' AND p.purgedOn IS NULL AND \(access.planCondition(&arguments, today: today))"
                }
                return try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT p.id FROM "plan" p WHERE \(open) AND \(condition) ORDER BY p.id
                        """, arguments: StatementArguments(arguments))
            }
            let email =
                try String.fetchOne(db, sql: "SELECT email FROM appUser WHERE login = ?", arguments: [user.login]) ?? ""
            let digest = ReminderDigest(
                login: user.login, recipient: email.isEmpty ? user.login : email,
                unanswered: Array(
                    Set(
                        try Store.invitationsPastReplyBy(db, access: access, today: today, visibleIds: visibleIds)
                            .map(\.planId))
                ).sorted(),
                followUps: try plans("p.followUpDate < :today"),
                interventions: try plans(
                    """
                    EXISTS (SELECT 1 FROM intervention i WHERE i.planId = p.id AND i.status IN ('planned','ongoing')
                        AND i.dueDate < :today)
                    """),
                failedMail: try plans(
                    """
                    EXISTS (SELECT 1 FROM meeting m JOIN kallelse k ON k.meetingId = m.id
                        JOIN mailSent f ON f.meetingId = m.id AND f.sequence = k.sequence AND f.accepted = 0
                        WHERE m.planId = p.id AND m.held = 0 AND NOT EXISTS (SELECT 1 FROM mailSent a
                            WHERE a.meetingId = m.id AND a.participantId = f.participantId AND a.kind = f.kind
                            AND a.sequence = k.sequence AND a.accepted = 1))
                    """))
            // A login is a local mailbox only when it is one plain word (it becomes the To: header).
            let local = user.login.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-".unicodeScalars.contains($0)
            }
            guard MailMessage.isAddress(digest.recipient) || local else { continue }
            if digest.itemCount > 0 { digests.append(digest) }
        }
        return digests
    }

    /// The daily reminders: one digest per user with something due, through the sendmail command,
    /// each recorded as accepted or failed (a failed one goes again on the next run). A dry run
    /// sends and records nothing. One audit line says how many.
    public func sendReminders(dryRun: Bool, catalog: Catalog, mailer: Sendmail) throws -> [ReminderOutcome] {
        let context = context
        let from = try textSetting("mail-from").flatMap { $0.isEmpty ? nil : $0 }
        let digests = try write { db -> [ReminderDigest] in
            let digests = try Store.reminderDigests(db, today: context.today)
            try self.audit(db, .remind, detail: (dryRun ? "dry run: " : "") + "\(digests.count) digests")
            return digests
        }
        guard !dryRun else { return digests.map { ReminderOutcome(digest: $0, failure: nil) } }
        var outcomes: [ReminderOutcome] = []
        for digest in digests {
            let now = context.now()
            let message = MailMessage(
                from: from, to: digest.recipient, subject: catalog(.digestSubject), body: digest.body(catalog),
                calendar: nil, date: now,
                messageId: "sip-digest-\(digest.login.unicodeScalars.filter(\.properties.isAlphabetic).count)-"
                    + "\(context.today.iso)-\(Int(now.timeIntervalSince1970))-\(outcomes.count)@sip-tui")
            let failure = Store.describe(mailer.send(message.data), catalog)
            outcomes.append(ReminderOutcome(digest: digest, failure: failure))
            try write { db in
                try db.execute(
                    sql: """
                        INSERT INTO mailSent (kind, login, recipient, digestDay, at, accepted, message)
                        VALUES ('digest', ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        digest.login, digest.recipient, context.today, now, failure == nil,
                        String((failure ?? "").prefix(500)),
                    ])
            }
        }
        return outcomes
    }
}
