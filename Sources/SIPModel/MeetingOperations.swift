import Foundation
import GRDB
import SIPDomain
import SIPText

/// A BUS deviation prepared from a meeting, for the user to check before it is registered.
public struct DeviationDraft: Equatable, Sendable {
    public var reportingAgencyId: Int64
    public var concernedAgencyId: Int64
    public var planId: Int64
    public var occurredOn: Day
    public var kind: String
    /// De-identified: the organisation and the date, never the child.
    public var description: String
}

extension Store {
    // MARK: Reading one plan's parts (each checks the signed-in user may see the plan)

    public func participants(planId: Int64) throws -> [Participant] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Participant.filter(Participant.Columns.planId == planId).order(Participant.Columns.id).fetchAll(
                db)
        }
    }

    public func meetings(planId: Int64) throws -> [Meeting] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Meeting.filter(Meeting.Columns.planId == planId).order(Meeting.Columns.startsAt).fetchAll(db)
        }
    }

    public func agenda(meetingId: Int64) throws -> [AgendaItem] {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return try AgendaItem.filter(AgendaItem.Columns.meetingId == meetingId).order(AgendaItem.Columns.position)
                .fetchAll(db)
        }
    }

    public func attendance(meetingId: Int64) throws -> [Int64: AttendanceStatus] {
        try read { db in
            try self.requireVisible(db, entity: .meeting, id: meetingId)
            return Dictionary(
                uniqueKeysWithValues: try Attendance.filter(Attendance.Columns.meetingId == meetingId).fetchAll(db)
                    .map { ($0.participantId, $0.status) })
        }
    }

    public func interventions(planId: Int64) throws -> [Intervention] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try Intervention.filter(Intervention.Columns.planId == planId).order(
                Intervention.Columns.dueDate, Intervention.Columns.id
            ).fetchAll(
                db)
        }
    }

    public func agency(_ id: Int64) throws -> Agency {
        try read { db in
            guard let agency = try Agency.fetchOne(db, key: id) else { throw SIPError.notFound(.agency, id) }
            return agency
        }
    }

    public func allAgencies() throws -> [Agency] {
        try read { db in try Agency.order(Agency.Columns.name).fetchAll(db) }
    }

    public func deviationKinds() throws -> [DeviationKind] {
        try read { db in try DeviationKind.fetchAll(db, sql: "SELECT * FROM deviationKind ORDER BY rowid") }
    }

    public func deviation(_ id: Int64) throws -> Deviation {
        try read { db in
            guard let deviation = try Deviation.fetchOne(db, key: id) else { throw SIPError.notFound(.deviation, id) }
            try self.requireVisible(db, deviationId: id)
            // A reader who may not see the plan reads its text with identities masked (their own text
            // with its numbers masked only).
            let screen = try self.identityScreen(db, deviationPlan: deviation.planId)
            return deviation.screened(
                screen, written: self.ownWords(screen), registered: try self.wrote(db, deviation: id, "registered"),
                answered: try self.wrote(db, deviation: id, "answer"))
        }
    }

    public func agendaTemplate() throws -> [AgendaTemplateItem] {
        try read { db in try AgendaTemplateItem.order(AgendaTemplateItem.Columns.position).fetchAll(db) }
    }

    /// The agenda template's guidance in English, by code: `data/agenda.tsv`'s fifth column (the
    /// database keeps the Swedish guidance only).
    public static func agendaGuidanceInEnglish() throws -> [String: String] {
        Dictionary(
            try DataFile.rows("agenda.tsv", columns: 5).map { ($0[0], $0[4]) }, uniquingKeysWith: { a, _ in a })
    }

    /// A meeting's agenda as the user reads it: an item that still has the template's Swedish title
    /// is called by the template's title in the user's language; an item given another title keeps
    /// it. With the template's guidance per position, in that language.
    public func agenda(meetingId: Int64, in c: Catalog) throws -> (items: [AgendaItem], guidance: [Int: String]) {
        let template = try agendaTemplate()
        let english = c.language == .sv ? [:] : try Self.agendaGuidanceInEnglish()
        var items = try agenda(meetingId: meetingId)
        for i in items.indices {
            if let t = template.first(where: { $0.position == items[i].position }), items[i].title == t.titleSv {
                items[i].title = c.name(of: t)
            }
        }
        return (
            items,
            Dictionary(
                template.map { ($0.position, english[$0.code] ?? $0.guidanceSv) }, uniquingKeysWith: { a, _ in a })
        )
    }

    // MARK: Invitation and meeting

    public func setAnswer(participantId: Int64, _ answer: InvitationAnswer) throws {
        try modify(Participant.self, participantId, Act.answerInvitation) { participant in
            participant.answer = answer
            return answer.rawValue
        }
    }

    public func saveAgendaNotes(itemId: Int64, notes: String, patience: TimeInterval? = nil) throws {
        let notes = try TextRules.validated(notes, for: .agendaNotes)
        try write(patience: patience) { db in
            guard var item = try AgendaItem.fetchOne(db, key: itemId) else { throw SIPError.notFound(.meeting, itemId) }
            item.notes = notes
            try item.update(db)
            // Logged (and authorised) as a change to the item's meeting.
            try self.audit(db, .saveAgendaNotes(meeting: item.meetingId), detail: "item \(item.position)")
        }
    }

    /// The meeting has been held: its minutes are kept, the plan becomes active (which needs valid
    /// consent) and a follow-up date is proposed from the local interval when none lies ahead. All
    /// or nothing: without consent nothing is written.
    @discardableResult
    public func finishMeeting(_ meetingId: Int64, minutes: String) throws -> Plan {
        let minutes = try TextRules.validated(minutes, for: .minutes)
        return try write { db in
            guard var meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            guard !meeting.held else { throw SIPError.meetingAlreadyHeld }
            guard meeting.cancelledAt == nil else { throw SIPError.meetingCancelled(meetingId) }
            guard var plan = try Plan.fetchOne(db, key: meeting.planId) else {
                throw SIPError.notFound(.plan, meeting.planId)
            }
            let path: [PlanStatus] =
                switch plan.status {
                case .draft: [.invited, .active]
                case .invited, .followUpDue: [.active]
                case .active, .closed: []
                }
            for step in path { try self.transition(db, &plan, to: step) }
            meeting.held = true
            if !minutes.isEmpty { meeting.minutes = minutes }
            try meeting.update(db)
            let day = Day(meeting.startsAt, in: self.context.timeZone)
            if plan.status != .closed, plan.followUpDate.map({ $0 <= day }) ?? true {
                let before = plan
                plan.followUpDate = day.adding(days: try Store.deadlines(db).followUpDays)
                plan.version += 1
                plan.updatedAt = self.context.now()
                try plan.update(db)
                try self.audit(db, .updatePlan(plan.id!), detail: AuditDetail.changes(from: before, to: plan))
            }
            try self.audit(db, .holdMeeting(meetingId))
            return plan
        }
    }

    /// Prepares the deviation an absence calls for: the concerned party's organisation, the plan,
    /// the meeting's date, the kind that fits the absence.
    public func deviationDraft(meetingId: Int64, participantId: Int64) throws -> DeviationDraft {
        try read { db in
            guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
                throw SIPError.notFound(.meeting, meetingId)
            }
            guard let participant = try Participant.fetchOne(db, key: participantId),
                let concernedId = participant.agencyId,
                let concerned = try Agency.fetchOne(db, key: concernedId)
            else {
                throw SIPError.notFound(.participant, participantId)
            }
            let status = try Attendance.fetchOne(db, key: ["meetingId": meetingId, "participantId": participantId])?
                .status
            let plan = try Plan.fetchOne(db, key: meeting.planId)
            // The reporter: the organisation with overall responsibility, else another one at the table.
            let others = try Participant.filter(Participant.Columns.planId == meeting.planId).fetchAll(db)
                .compactMap(\.agencyId).filter { $0 != concernedId }
            guard let reporter = plan?.leadAgencyId.flatMap({ $0 == concernedId ? nil : $0 }) ?? others.first else {
                throw SIPError.required(field: .agencyName)
            }
            // The meeting's day, or today if it is being held before the day it was booked for.
            let day = min(Day(meeting.startsAt, in: self.context.timeZone), self.context.today)
            let declined = status == .declined
            return DeviationDraft(
                reportingAgencyId: reporter, concernedAgencyId: concernedId, planId: meeting.planId, occurredOn: day,
                kind: declined ? "avbojde" : "uteblev",
                description: declined
                    ? "\(concerned.name) avböjde att delta i SIP-mötet \(day.iso)."
                    : "\(concerned.name) var kallad till SIP-mötet \(day.iso) men kom inte och lämnade inget besked.")
        }
    }

    /// Registers a prepared deviation, once: the same party, plan, day and kind again is refused.
    @discardableResult
    public func registerDeviation(_ draft: DeviationDraft) throws -> Deviation {
        let existing = try read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM deviation WHERE planId = ? AND concernedAgencyId = ? AND occurredOn = ? AND kind = ?
                    """, arguments: [draft.planId, draft.concernedAgencyId, draft.occurredOn, draft.kind])
        }
        if let existing { throw SIPError.alreadyRegistered(existing) }
        return try addDeviation(
            reportingAgencyId: draft.reportingAgencyId, concernedAgencyId: draft.concernedAgencyId,
            planId: draft.planId, occurredOn: draft.occurredOn, kind: draft.kind,
            description: draft.description, responseDays: try deadlines().deviationResponseDays)
    }

    /// The concerned organisation's answer to a deviation.
    @discardableResult
    public func answerDeviation(_ id: Int64, response: String, on day: Day) throws -> Deviation {
        let response = try TextRules.required(response, for: .response)
        let today = context.today
        return try changeDeviation(id, Act.answerDeviation, note: response) { deviation in
            // An answer comes after the event and not from the future.
            guard day >= deviation.occurredOn else { throw SIPError.dateOrder(field: .responseDue) }
            guard day <= today else { throw SIPError.invalidDate(day.iso) }
            guard deviation.status.allowedNext.contains(.answered) else {
                throw SIPError.invalidValue(field: .status, value: deviation.status.rawValue)
            }
            deviation.response = response
            deviation.responseDate = day
            deviation.status = .answered
        }
    }

    /// Moves a deviation along registered -> sent -> answered -> closed.
    @discardableResult
    public func changeDeviationStatus(_ id: Int64, to status: DeviationStatus, note: String = "") throws -> Deviation {
        let note = try TextRules.validated(note, for: .note)
        return try changeDeviation(id, { .changeDeviationStatus($0, to: status) }, note: note) { deviation in
            // An answer needs its text: that is answerDeviation's step.
            if status == .answered { throw SIPError.required(field: .response) }
            guard deviation.status.allowedNext.contains(status) else {
                throw SIPError.invalidValue(field: .status, value: status.rawValue)
            }
            // Closed without an answer: the register says why.
            if status == .closed && deviation.status != .answered && note.isEmpty {
                throw SIPError.required(field: .note)
            }
            deviation.status = status
        }
    }

    /// Takes a deviation to the local BUS group, or copies it to the BUS secretariat and BUSSAM.
    @discardableResult
    public func escalateDeviation(_ id: Int64, to level: Escalation, note: String) throws -> Deviation {
        // Whoever takes it further says why.
        let note = try TextRules.required(note, for: .note)
        return try changeDeviation(id, { .escalateDeviation($0, to: level) }, note: note) { deviation in
            deviation.escalation = level
        }
    }

    public func deviationHistory(_ id: Int64) throws -> [DeviationChange] {
        try read { db in
            try self.requireVisible(db, deviationId: id)
            let planId = try Int64.fetchOne(db, sql: "SELECT planId FROM deviation WHERE id = ?", arguments: [id])
            let screen = try self.identityScreen(db, deviationPlan: planId)
            return try DeviationChange.filter(DeviationChange.Columns.deviationId == id).order(
                DeviationChange.Columns.changedAt, DeviationChange.Columns.id
            )
            .fetchAll(db).map { change in
                var change = change
                let own = change.changedBy == self.context.user ? self.ownWords(screen) : screen
                if let own { change.note = own.mask(change.note) }
                return change
            }
        }
    }

    /// One change to a deviation with its history line and audit line, in one transaction. The
    /// history's `what` is the audit's action word, as it always was.
    private func changeDeviation(
        _ id: Int64, _ act: (Int64) -> Act, note: String,
        _ change: @escaping @Sendable (inout Deviation) throws -> Void
    ) throws -> Deviation {
        let act = act(id)
        return try write { db in
            guard var deviation = try Deviation.fetchOne(db, key: id) else { throw SIPError.notFound(.deviation, id) }
            try change(&deviation)
            try deviation.update(db)
            try self.recordDeviationChange(db, id, what: act.auditAction, note: note)
            try self.audit(db, act)
            return deviation
        }
    }

    func recordDeviationChange(_ db: Database, _ id: Int64, what: String, note: String = "") throws {
        var entry = DeviationChange(
            deviationId: id, changedAt: context.now(), changedBy: context.user, what: what, note: note)
        try entry.insert(db)
    }

    // MARK: Interventions

    /// Saves an edited intervention (what, who, how often, dates, status, comment). With
    /// `expecting`, the row must still be as the editor saw it; otherwise nothing is written.
    @discardableResult
    public func updateIntervention(_ edited: Intervention, expecting: Intervention? = nil) throws -> Intervention {
        guard let id = edited.id else { throw SIPError.notFound(.intervention, 0) }
        guard edited.dueDate >= edited.startDate else { throw SIPError.dateOrder(field: .dueDate) }
        var clean = edited
        clean.what = try TextRules.required(edited.what, for: .what)
        clean.frequency = try TextRules.validated(edited.frequency, for: .frequency)
        clean.comment = try TextRules.validated(edited.comment, for: .comment)
        if clean.status == .notDelivered && clean.comment.isEmpty { throw SIPError.required(field: .comment) }
        let cleaned = clean
        return try write { db in
            guard let before = try Intervention.fetchOne(db, key: id) else {
                throw SIPError.notFound(.intervention, id)
            }
            var saved = cleaned
            saved.responsible = try Store.checkedPerson(
                db, cleaned.responsible, kept: before.responsible, field: .person)
            try self.requireVisible(db, planId: before.planId)
            // An intervention stays with its plan: moving it would carry one child's data to another's.
            guard saved.planId == before.planId else { throw SIPError.changedElsewhere(.intervention) }
            if let expecting, expecting != before { throw SIPError.changedElsewhere(.intervention) }
            try saved.update(db)
            var detail = "\(before.status.rawValue) -> \(saved.status.rawValue)"
            if before.responsible != saved.responsible {
                detail += "; responsible: \(before.responsible.auditText) -> \(saved.responsible.auditText)"
            }
            try self.audit(db, .updateIntervention(id), detail: detail)
            return saved
        }
    }

    // MARK: Requests, copies

    /// Refuses a request for a SIP. Refusal is an exception and always documented with its reason.
    @discardableResult
    public func refuseRequest(planId: Int64, reason: String) throws -> Plan {
        let plan = try self.plan(planId)
        guard plan.status == .draft else { throw SIPError.transitionNotAllowed(from: plan.status, to: .closed) }
        return try changeStatus(planId: planId, to: .closed, note: reason, closedKind: .refused)
    }

    @discardableResult
    public func recordCopy(planId: Int64, recipient: String, givenOn: Day) throws -> PlanCopy {
        let recipient = try TextRules.required(recipient, for: .name)
        return try write { db in
            var copy = PlanCopy(planId: planId, recipient: recipient, givenOn: givenOn)
            try copy.insert(db)
            try self.audit(db, .giveCopy(plan: planId), detail: givenOn.iso)
            return copy
        }
    }

    public func copies(planId: Int64) throws -> [PlanCopy] {
        try read { db in
            try self.requireVisible(db, planId: planId)
            return try PlanCopy.filter(PlanCopy.Columns.planId == planId).order(PlanCopy.Columns.givenOn).fetchAll(db)
        }
    }

    // MARK: Undo

    /// Puts back the plan as it was before this session's last change, if nobody changed it since
    /// (`afterVersion` is what that change produced). Otherwise a conflict: nothing is overwritten.
    @discardableResult
    public func undoPlanChange(before: Plan, afterVersion: Int) throws -> Plan {
        let current = try plan(before.id!)
        guard current.version == afterVersion else {
            throw SIPError.conflict(PlanConflict(mine: before, theirs: current))
        }
        var restored = before
        restored.version = current.version
        return try updatePlan(restored)
    }

    /// Puts back an intervention as it was before this session's last change to it, if nobody
    /// changed it since (it is still `after`).
    @discardableResult
    public func undoInterventionChange(before: Intervention, after: Intervention) throws -> Intervention {
        try updateIntervention(before, expecting: after)
    }
}
