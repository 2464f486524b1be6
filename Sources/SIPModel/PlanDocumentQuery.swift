import Foundation
import GRDB
import SIPDomain
import SIPText

extension Store {
    /// Loads the whole plan. Reading a plan's personal details is audited.
    /// The view is authorised and its line written first, in a write of its own; the plan is read after
    /// it, from a snapshot, outside the write lock (`bench --sessions`: with the whole document read inside
    /// the write, every open held the one write lock that every session's saves wait for).
    public func planDocument(_ id: Int64) throws -> PlanDocument {
        let today = context.today
        let zone = context.timeZone
        try write { db in
            let ground = try self.accessGround(db, planId: id, on: today)
            try self.audit(db, .viewPlan(id), detail: ground)
            // As when the whole plan was read here: a plan not there or purged leaves no line (rolled back).
            guard try Plan.exists(db, key: id) else { throw SIPError.notFound(.plan, id) }
            try Store.requireNotPurged(db, planId: id)
        }
        return try read { db in try Store.planDocument(db, id: id, today: today, zone: zone) }
    }

    /// Loads the plan to carry it out of the program, as `what` (`plan`, `invitation`) in `format`
    /// to the file `destination` (nil: standard output): its one audit line is an `export` saying
    /// so, in place of the view (an export is a reading too). `deliver` runs inside the transaction:
    /// a file it cannot write leaves no line, as nothing left the program (standard output is
    /// written by the caller after, from what `deliver` returns).
    public func exportPlan<T: Sendable>(
        _ id: Int64, what: String, format: String, to destination: String?,
        _ deliver: @Sendable (PlanDocument) throws -> T
    ) throws -> T {
        // Which file, as a full path (a relative one is the working directory's).
        let place =
            destination.map {
                TextRules.clean(
                    $0.hasPrefix("/")
                        ? $0 : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent($0),
                    multiline: false)
            } ?? "stdout"
        return try loadPlan(id, .exportPlan(id), detail: "\(what) \(format) -> \(place)", deliver)
    }

    private func loadPlan<T: Sendable>(
        _ id: Int64, _ act: Act, detail: String, _ use: @Sendable (PlanDocument) throws -> T
    ) throws -> T {
        let today = context.today
        let zone = context.timeZone
        return try write { db in
            // Audited (and authorised) first: a refused read loads nothing. A view's line says on what
            // ground the plan was seen: the coordinator's organisation, the central team, or a consent.
            let ground = act == .viewPlan(id) ? try self.accessGround(db, planId: id, on: today) : ""
            try self.audit(db, act, detail: [detail, ground].filter { !$0.isEmpty }.joined(separator: "; "))
            return try use(try Store.planDocument(db, id: id, today: today, zone: zone))
        }
    }

    static func planDocument(_ db: Database, id: Int64, today: Day, zone: TimeZone) throws -> PlanDocument {
        guard let plan = try Plan.fetchOne(db, key: id) else { throw SIPError.notFound(.plan, id) }
        try Store.requireNotPurged(db, planId: id)
        guard let child = try Child.fetchOne(db, key: plan.childId) else {
            throw SIPError.notFound(.child, plan.childId)
        }
        // The plan's organisations only: a county has hundreds, a plan a handful.
        let agencies = Dictionary(
            uniqueKeysWithValues: try Agency.fetchAll(
                db.constant(
                    """
                    SELECT * FROM agency WHERE id IN (
                        SELECT agencyId FROM participant WHERE planId = :plan
                        UNION SELECT agencyId FROM intervention WHERE planId = :plan
                        UNION SELECT reportingAgencyId FROM deviation WHERE planId = :plan
                        UNION SELECT concernedAgencyId FROM deviation WHERE planId = :plan
                        UNION SELECT ca.agencyId FROM consentAgency ca JOIN consent c ON c.id = ca.consentId WHERE c.planId = :plan
                        UNION SELECT leadAgencyId FROM "plan" WHERE id = :plan
                        UNION SELECT initiatorAgencyId FROM "plan" WHERE id = :plan
                        UNION SELECT agencyId FROM need WHERE planId = :plan)
                    """), arguments: ["plan": id]
            ).map { ($0.id!, $0) })
        func agencyName(_ id: Int64?) -> String? { id.flatMap { agencies[$0]?.name } }
        let group = try BusGroup.fetchOne(db, key: plan.busGroupId)?.name ?? ""
        let family = try FamilyMember.fetchAll(
            db.constant("SELECT * FROM \(FamilyMember.databaseTableName) WHERE childId = ? ORDER BY id"),
            arguments: [child.id!])
        // Protected identity, on the child (the whole family's addresses) or on one member: no address.
        let childProtected =
            try Bool.fetchOne(db.constant("SELECT protectedIdentity FROM child WHERE id = ?"), arguments: [child.id!])
            ?? false
        let protectedMembers = Set(
            try Int64.fetchAll(
                db.constant("SELECT id FROM familyMember WHERE childId = ? AND protectedIdentity = 1"),
                arguments: [child.id!]))
        func person(_ m: FamilyMember) -> PlanDocument.Person {
            let hidden = childProtected || protectedMembers.contains(m.id!)
            return .init(
                id: m.id!, name: m.name, relation: m.relation, phone: m.phone, email: m.email,
                address: hidden ? "" : m.address, invited: m.invited, protectedIdentity: hidden)
        }
        let memberNames = Dictionary(uniqueKeysWithValues: family.map { ($0.id!, $0.name) })

        let consents = try Consent.fetchAll(
            db.constant("SELECT * FROM \(Consent.databaseTableName) WHERE planId = ? ORDER BY id"), arguments: [id]
        ).map { c in
            let covered = try Int64.fetchAll(
                db.constant("SELECT agencyId FROM consentAgency WHERE consentId = ?"), arguments: [c.id!]
            ).compactMap(agencyName).sorted()
            return PlanDocument.ConsentInfo(
                id: c.id!, givenBy: c.givenByMemberId.flatMap { memberNames[$0] }, givenByChild: c.givenByChild,
                information: c.information, form: c.form, agencies: covered, validFrom: c.validFrom,
                validTo: c.validTo, withdrawnOn: c.withdrawnOn, validToday: c.isValid(on: today))
        }

        let participantRows = try Participant.fetchAll(
            db.constant("SELECT * FROM \(Participant.databaseTableName) WHERE planId = ? ORDER BY id"), arguments: [id])
        let participants = participantRows.map { p in
            PlanDocument.ParticipantInfo(
                id: p.id!, person: p.person, role: p.role, agency: agencyName(p.agencyId),
                principal: p.agencyId.flatMap { agencies[$0]?.principalName }, invitationKind: p.invitationKind,
                answer: p.answer)
        }
        let participatingAgencies = Array(Set(participantRows.compactMap(\.agencyId)))
        let contacts = try ContactPerson.filter(participatingAgencies.contains(ContactPerson.Columns.agencyId))
            .order(ContactPerson.Columns.agencyId, ContactPerson.Columns.id).fetchAll(db).map {
                PlanDocument.ContactInfo(
                    agency: agencies[$0.agencyId]?.name ?? "", name: $0.name, role: $0.role,
                    phone: $0.phone, email: $0.email)
            }
        let copies = try PlanCopy.fetchAll(
            db.constant("SELECT * FROM \(PlanCopy.databaseTableName) WHERE planId = ? ORDER BY givenOn"),
            arguments: [id]
        ).map {
            PlanDocument.CopyInfo(recipient: $0.recipient, givenOn: $0.givenOn)
        }
        let participantNames = Dictionary(uniqueKeysWithValues: participantRows.map { ($0.id!, $0.person) })

        let meetings = try Meeting.fetchAll(
            db.constant("SELECT * FROM \(Meeting.databaseTableName) WHERE planId = ? ORDER BY startsAt"),
            arguments: [id]
        ).map { m -> PlanDocument.MeetingInfo in
            let agenda = try AgendaItem.fetchAll(
                db.constant("SELECT * FROM \(AgendaItem.databaseTableName) WHERE meetingId = ? ORDER BY position"),
                arguments: [m.id!])
            let attendance = try Attendance.fetchAll(
                db.constant("SELECT * FROM \(Attendance.databaseTableName) WHERE meetingId = ? ORDER BY participantId"),
                arguments: [m.id!])
            var info = PlanDocument.MeetingInfo(
                id: m.id!, kind: m.kind, startsAt: LocalTime.iso(m.startsAt, zone), durationMinutes: m.durationMinutes,
                place: m.place, videoLink: m.videoLink, held: m.held, minutes: m.minutes,
                agenda: agenda.map { .init(title: $0.title, notes: $0.notes) },
                attendance: attendance.map {
                    .init(
                        participantId: $0.participantId, person: participantNames[$0.participantId] ?? "",
                        status: $0.status)
                })
            info.cancelled = m.cancelledAt != nil
            return info
        }

        let interventionRows = try Intervention.fetchAll(
            db.constant("SELECT * FROM \(Intervention.databaseTableName) WHERE planId = ? ORDER BY dueDate, id"),
            arguments: [id])
        let interventions = try interventionRows.map { i in
            let agency = agencies[i.agencyId]
            return PlanDocument.InterventionInfo(
                id: i.id!, what: i.what, agency: agency?.name ?? "", principal: agency?.principalName ?? "",
                principalType: agency?.principalType ?? .other,
                person: try Store.personName(db, i.responsible, omitting: agency?.name), frequency: i.frequency,
                startDate: i.startDate, dueDate: i.dueDate, status: i.status, comment: i.comment,
                overdue: i.isOverdue(on: today))
        }

        let deviations = try Deviation.fetchAll(
            db.constant("SELECT * FROM \(Deviation.databaseTableName) WHERE planId = ? ORDER BY occurredOn"),
            arguments: [id]
        ).map {
            PlanDocument.DeviationInfo(
                id: $0.id!, occurredOn: $0.occurredOn, kind: $0.kind,
                reportingAgency: agencyName($0.reportingAgencyId) ?? "",
                concernedAgency: agencyName($0.concernedAgencyId) ?? "", status: $0.status,
                responseDue: $0.responseDue)
        }

        let history = try PlanStatusChange.fetchAll(
            db.constant("SELECT * FROM \(PlanStatusChange.databaseTableName) WHERE planId = ? ORDER BY changedAt, id"),
            arguments: [id]
        ).map {
            PlanDocument.HistoryEntry(
                from: $0.fromStatus, to: $0.toStatus, at: LocalTime.iso($0.changedAt, zone),
                by: try Store.userName(db, $0.changedBy), note: $0.note)
        }

        var overdueArguments = OverdueRule.arguments(today: today, deadlines: try Store.deadlines(db))
        overdueArguments["id"] = id
        let overdue =
            try Bool.fetchOne(
                db.constant("SELECT \(OverdueRule.planSQL) FROM \"plan\" p WHERE p.id = :id"),
                arguments: StatementArguments(overdueArguments)) ?? false

        var core = PlanDocument.Core(
            id: id, status: plan.status, version: plan.version, busGroup: group,
            initiator: .init(kind: plan.initiatorKind, agency: agencyName(plan.initiatorAgencyId)),
            requestDate: plan.requestDate, followUpDate: plan.followUpDate, closedReason: plan.closedReason,
            closedKind: plan.closedKind, leadAgency: agencyName(plan.leadAgencyId), overdue: overdue,
            createdAt: LocalTime.iso(plan.createdAt, zone), updatedAt: LocalTime.iso(plan.updatedAt, zone))
        for spec in PlanField.all {
            if let path = spec.document { core[keyPath: path] = spec.text(of: plan) }
        }
        // People by name, function and organisation, never by login.
        core.coordinator = try Store.coordinatorName(db, plan)
        core.leadPerson = try Store.personName(db, plan.lead)

        let coordinatorAgency = try ConsentRule.coordinatorAgency(db, planId: id)
        var uncovered: [Int64] = []
        for p in participantRows {
            guard let agencyId = p.agencyId, agencyId != coordinatorAgency else { continue }
            if try !ConsentRule.covers(db, planId: id, agencyId: agencyId, on: today) { uncovered.append(p.id!) }
        }
        let withdrawnArguments: [String: (any DatabaseValueConvertible)?] = ["today": today, "id": id]
        let withdrawn =
            try Bool.fetchOne(
                db.constant("SELECT \(ConsentRule.withdrawn(today: ":today")) FROM \"plan\" p WHERE p.id = :id"),
                arguments: StatementArguments(withdrawnArguments)) ?? false

        let number = child.number
        var document = PlanDocument(
            schema: PlanDocument.schemaName, plan: core,
            child: .init(
                name: child.name, personalNumber: number, isCoordinationNumber: number?.isCoordinationNumber ?? false,
                birthDate: child.birthDate, sex: child.sex),
            guardians: family.filter { $0.role == .guardian }.map(person),
            relatives: family.filter { $0.role == .relative }.map(person),
            consents: consents, consentValid: try consentIsValid(db, planId: id, on: today),
            participants: participants, contacts: contacts, copies: copies, meetings: meetings,
            interventions: interventions, deviations: deviations,
            history: history,
            legal: legalPoints(
                interventions: interventions, lead: plan.leadAgencyId.flatMap { agencies[$0] },
                leadPerson: core.leadPerson))
        document.consentWithdrawn = withdrawn
        document.uncoveredParticipants = uncovered
        try addFamilyParts(db, to: &document, plan: plan, today: today, zone: zone)
        return document
    }

    static func legalPoints(interventions: [PlanDocument.InterventionInfo], lead: Agency?, leadPerson: String)
        -> PlanDocument.LegalPoints
    {
        func grouped(_ items: [PlanDocument.InterventionInfo]) -> [PlanDocument.PrincipalInterventions] {
            var order: [String] = []
            var byPrincipal: [String: PlanDocument.PrincipalInterventions] = [:]
            for item in items {
                if byPrincipal[item.principal] == nil {
                    order.append(item.principal)
                    byPrincipal[item.principal] = .init(
                        principal: item.principal, principalType: item.principalType,
                        interventionIds: [])
                }
                byPrincipal[item.principal]!.interventionIds.append(item.id)
            }
            return order.map { byPrincipal[$0]! }
        }
        return PlanDocument.LegalPoints(
            needs: interventions.map(\.what),
            interventionsByPrincipal: grouped(interventions.filter { $0.principalType.isMunicipalityOrRegion }),
            measuresByOthers: grouped(interventions.filter { !$0.principalType.isMunicipalityOrRegion }),
            overallResponsibility: lead.map {
                .init(principal: $0.principalName, principalType: $0.principalType, agency: $0.name, person: leadPerson)
            })
    }
}

extension Store {
    /// Why the signed-in user may see plan `planId`, for its audit line ("" when not signed in, or
    /// not a coordinator: the authorisation then refuses or needs no ground).
    func accessGround(_ db: Database, planId: Int64, on day: Day) throws -> String {
        guard let access = try currentAccess(db), let user = access.user, user.role == .coordinator else { return "" }
        if user.allPlans { return "seen as central team" }
        guard let plan = try Plan.fetchOne(db, key: planId) else { return "" }
        if plan.coordinatorLogin == user.login { return "seen as coordinator" }
        guard let agency = user.agencyId else { return "" }
        if try ConsentRule.coordinatorAgency(db, planId: planId) == agency {
            return "seen as the coordinator's organisation \(agency)"
        }
        if try ConsentRule.covers(db, planId: planId, agencyId: agency, on: day) {
            return "seen under consent covering organisation \(agency)"
        }
        return ""
    }
}
