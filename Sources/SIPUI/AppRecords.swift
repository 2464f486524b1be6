import Foundation
import SIPModel

/// The records a plan gathers, as the app opens, validates and saves them.
extension App {
    // MARK: Forms

    func form(for request: FormRequest) throws -> FormScreen {
        let c = catalog
        let today = store.context.today.iso
        func text(_ key: String, _ label: String, _ value: String = "", multiline: Bool = false) -> FormField {
            FormField(key: key, label: label, text: value, multiline: multiline)
        }
        switch request {
        case .intervention(let planId, let existing, let status):
            let plan = try store.plan(planId)
            var agencies = try store.agencies(forGroup: plan.busGroupId)
            if let agencyId = existing?.agencyId, !agencies.contains(where: { $0.id == agencyId }) {
                agencies.append(try store.agency(agencyId))
            }
            let item = existing
            let fields = [
                text("what", c.field(.what), item?.what ?? ""),
                FormField(key: "agencyId", label: c.field(.agencyName),
                          choices: agencies.map { .init(id: String($0.id!), label: $0.name) },
                          selected: item.map { String($0.agencyId) } ?? agencies.first.map { String($0.id!) } ?? ""),
                text("person", c.field(.person), item?.person ?? ""),
                text("frequency", c.field(.frequency), item?.frequency ?? ""),
                text("startDate", c.field(.startDate), item?.startDate.iso ?? today),
                text("dueDate", c.field(.dueDate), item?.dueDate.iso ?? ""),
                FormField(key: "status", label: c.ui(.interventionStatus),
                          choices: InterventionStatus.allCases.map { .init(id: $0.rawValue, label: c.interventionStatus($0)) },
                          selected: (status ?? item?.status ?? .planned).rawValue),
                text("comment", c.field(.comment), item?.comment ?? "", multiline: true),
            ]
            var form = FormScreen(mode: .intervention(planId: planId, existing: existing), fields: fields,
                                  title: (existing == nil ? c.ui(.newIntervention) : c.ui(.edit)) + " – \(c(.planNumber)) \(planId)")
            if status == .notDelivered { form.focus(on: "comment") }
            return form
        case .consent(let planId):
            let document = try store.planDocument(planId)
            let givers = document.guardians.map { FormField.Choice(id: String($0.id), label: $0.name) }
                + [.init(id: "child", label: c.ui(.theChild))]
            return FormScreen(mode: .consent(planId: planId), fields: [
                FormField(key: "givenBy", label: c.ui(.givenBy), choices: givers, selected: givers[0].id),
                text("information", c.field(.information), "", multiline: true),
                FormField(key: "form", label: c.ui(.exportFormat),
                          choices: [.init(id: "written", label: c.language == .sv ? "skriftligt" : "written"),
                                    .init(id: "oral", label: c.language == .sv ? "muntligt" : "oral")], selected: "written"),
                text("validFrom", c.ui(.validFrom), today),
                text("validTo", c.ui(.validTo), store.context.today.adding(days: 365).iso),
            ], title: c.ui(.addConsent) + " – " + c.ui(.consentCovers))
        case .withdrawConsent(let planId):
            let consents = try store.planDocument(planId).consents.filter { $0.withdrawnOn == nil }
            return FormScreen(mode: .withdrawConsent(planId: planId), fields: [
                FormField(key: "consentId", label: c(.consent),
                          choices: consents.map { .init(id: String($0.id), label: ($0.givenByChild ? c.ui(.theChild) : $0.givenBy ?? "?") + ", " + $0.validFrom.iso) },
                          selected: consents.first.map { String($0.id) } ?? ""),
                text("withdrawnOn", c.ui(.withdrawnOn), today),
            ], title: c.ui(.withdrawConsent) + " – \(c(.planNumber)) \(planId)")
        case .meeting(let planId):
            let plan = try store.plan(planId)
            let held = try store.meetings(planId: planId).contains(where: \.held)
            return FormScreen(mode: .meeting(planId: planId, kind: held ? .followUp : .first), fields: [
                // The planned follow-up if it lies ahead, else two weeks from today.
                text("date", c.ui(.meetingDate), (plan.followUpDate.flatMap { $0 > store.context.today ? $0 : nil }
                                                  ?? store.context.today.adding(days: 14)).iso),
                text("time", c.ui(.meetingTime), "09:00"),
                text("duration", c.ui(.duration), "90"),
                text("place", c.field(.place)),
                text("videoLink", c.field(.videoLink)),
            ], title: c.ui(.scheduleMeeting) + " – \(c(.planNumber)) \(planId)")
        case .close(let planId):
            let plan = try store.plan(planId)
            let kinds: [ClosedKind] = plan.status == .draft ? [.refused, .completed, .other] : [.completed, .other]
            return FormScreen(mode: .close(planId: planId), fields: [
                FormField(key: "kind", label: c.ui(.closeKind), choices: kinds.map {
                    .init(id: $0.rawValue, label: $0 == .refused ? c.ui(.closeRefused) : $0 == .completed ? c.ui(.closeCompleted) : c.ui(.closeOther))
                }, selected: kinds[0].rawValue),
                text("closedReason", c.field(.closedReason), "", multiline: true),
            ], title: c.ui(.closePlan) + " – \(c(.planNumber)) \(planId)")
        case .export(let planId):
            return FormScreen(mode: .export(planId: planId), fields: [
                FormField(key: "format", label: c.ui(.exportFormat),
                          choices: PlanExport.Format.allCases.map { .init(id: $0.rawValue, label: $0.rawValue) }, selected: "html"),
                text("file", c.ui(.exportFile), exportDirectory + "/sip-plan-\(planId)"),
            ], title: c.ui(.exportPlan) + " – \(c(.planNumber)) \(planId)")
        case .familyMember(let planId):
            return FormScreen(mode: .familyMember(planId: planId), fields: [
                FormField(key: "role", label: c.ui(.familyRole),
                          choices: [.init(id: FamilyRole.guardian.rawValue, label: c.ui(.guardian)),
                                    .init(id: FamilyRole.relative.rawValue, label: c.ui(.relative))],
                          selected: FamilyRole.guardian.rawValue),
                text("name", c.field(.name)), text("relation", c.field(.relation)), text("phone", c.field(.phone)),
                text("email", c.field(.email)), text("address", c.field(.address)),
            ], title: c.ui(.addFamilyMember) + " – \(c(.planNumber)) \(planId)")
        case .participant(let planId):
            let plan = try store.plan(planId)
            let agencies = try store.agencies(forGroup: plan.busGroupId)
            return FormScreen(mode: .participant(planId: planId), fields: [
                FormField(key: "agencyId", label: c.field(.agencyName),
                          choices: agencies.map { .init(id: String($0.id!), label: $0.name) },
                          selected: agencies.first.map { String($0.id!) } ?? ""),
                text("person", c.field(.person)), text("role", c.field(.role)),
            ], title: c.ui(.inviteAgency) + " – \(c(.planNumber)) \(planId)")
        case .deviation(let planId):
            // From a plan: its organisations first, the plan number filled in.
            var agencyRows = try store.allAgencies()
            if let planId {
                let taking = Set(try store.participants(planId: planId).compactMap(\.agencyId))
                agencyRows = agencyRows.filter { taking.contains($0.id!) } + agencyRows.filter { !taking.contains($0.id!) }
            }
            let agencies = agencyRows.map { FormField.Choice(id: String($0.id!), label: $0.name) }
            let kinds = try store.deviationKinds().map { FormField.Choice(id: $0.code, label: c.language == .sv ? $0.nameSv : $0.nameEn) }
            return FormScreen(mode: .deviation, fields: [
                FormField(key: "reportingAgencyId", label: c.ui(.reportingAgency), choices: agencies, selected: agencies.first?.id ?? ""),
                FormField(key: "concernedAgencyId", label: c.ui(.concernedAgency), choices: agencies,
                          selected: agencies.dropFirst().first?.id ?? ""),
                FormField(key: "kind", label: c.ui(.deviationKind), choices: kinds, selected: kinds.first?.id ?? ""),
                text("occurredOn", c.field(.occurredOn), today),
                text("planId", c.ui(.planNumberOptional), planId.map(String.init) ?? ""),
                text("description", c.field(.description), "", multiline: true),
                text("localAction", c.field(.localAction), "", multiline: true),
            ], title: c.ui(.newDeviation))
        case .answerDeviation(let id):
            return FormScreen(mode: .answerDeviation(id), fields: [
                text("response", c.field(.response), "", multiline: true), text("responseDate", c.ui(.responseDate), today),
            ], title: c.ui(.answerDeviation) + " – \(c.entityName(.deviation)) \(id)")
        case .selfAssessment(let groupId):
            let latest = try store.selfAssessments(groupId: groupId).first
            let scores = (1...5).map { FormField.Choice(id: String($0), label: String($0)) }
            return FormScreen(mode: .selfAssessment(groupId: groupId), fields: [text("measuredOn", c.ui(.measuredOn), today)]
                + (try store.spiderDimensions()).map { dimension in
                    FormField(key: dimension.code, label: c.language == .sv ? dimension.nameSv : dimension.nameEn, choices: scores,
                              selected: String(latest?.scores[dimension.code] ?? 3))
                }, title: c.ui(.newMeasurement))
        case .copy(let planId):
            return FormScreen(mode: .copy(planId: planId), fields: [
                text("recipient", c.ui(.recipient)), text("givenOn", c.ui(.givenOn), today),
            ], title: c.ui(.copyGiven) + " – \(c(.planNumber)) \(planId)")
        }
    }

    /// Saves a record form through the model. A refused value is marked beside its field.
    func submit(_ mode: FormScreen.Mode, _ v: [String: String]) throws {
        guard case .form(var form) = top else { return }
        func day(_ key: String, required: Bool = true) throws -> Day? {
            do {
                let parsed = try Day.parseOptional(v[key] ?? "")
                if parsed == nil && required { throw SIPError.required(field: Field(rawValue: key) ?? .dueDate) }
                return parsed
            } catch let error as SIPError {
                form.mark(key, catalog.message(error))
                throw FieldMarked()
            }
        }
        do {
            var done = catalog.ui(.saved)
            switch mode {
            case .intervention(let planId, let existing):
                guard let start = try day("startDate"), let due = try day("dueDate") else { return }
                let status = InterventionStatus(rawValue: v["status"] ?? "") ?? .planned
                guard let agencyId = Int64(v["agencyId"] ?? "") else { throw SIPError.required(field: .agencyName) }
                if var item = existing {
                    item.what = v["what"] ?? ""
                    item.agencyId = agencyId
                    item.person = v["person"] ?? ""
                    item.frequency = v["frequency"] ?? ""
                    item.startDate = start
                    item.dueDate = due
                    item.status = status
                    item.comment = v["comment"] ?? ""
                    let saved = try store.updateIntervention(item, expecting: existing)
                    undoStack.append(.intervention(before: existing!, after: saved))
                } else {
                    if status == .notDelivered && (v["comment"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                        throw SIPError.required(field: .comment)
                    }
                    try store.addIntervention(planId: planId, what: v["what"] ?? "", agencyId: agencyId,
                                              person: v["person"] ?? "", frequency: v["frequency"] ?? "",
                                              startDate: start, dueDate: due, status: status, comment: v["comment"] ?? "")
                }
            case .consent(let planId):
                guard let from = try day("validFrom") else { return }
                let to = try day("validTo", required: false)
                let giver: ConsentGiver = v["givenBy"] == "child" ? .child : .guardian(Int64(v["givenBy"] ?? "") ?? 0)
                let agencies = try store.participants(planId: planId).compactMap(\.agencyId)
                try store.addConsent(planId: planId, givenBy: giver, information: v["information"] ?? "",
                                     form: ConsentForm(rawValue: v["form"] ?? "") ?? .written, validFrom: from, validTo: to,
                                     agencyIds: agencies)
                done = catalog.ui(.consentAdded)
            case .withdrawConsent:
                guard let on = try day("withdrawnOn"), let id = Int64(v["consentId"] ?? "") else {
                    throw SIPError.required(field: .information)
                }
                try store.withdrawConsent(id, on: on)
            case .meeting(let planId, let kind):
                guard let date = try day("date") else { return }
                let time = (v["time"] ?? "").split(separator: ":").compactMap { Int($0) }
                guard time.count == 2, (0...23).contains(time[0]), (0...59).contains(time[1]) else {
                    form.mark("time", catalog.message(.invalidValue(field: .startDate, value: v["time"] ?? "")))
                    throw FieldMarked()
                }
                guard let minutes = Int(v["duration"] ?? ""), (5...600).contains(minutes) else {
                    form.mark("duration", catalog.message(.invalidValue(field: .startDate, value: v["duration"] ?? "")))
                    throw FieldMarked()
                }
                try store.addMeeting(planId: planId, kind: kind,
                                     startsAt: date.date(hour: time[0], minute: time[1], in: store.context.timeZone),
                                     durationMinutes: minutes, place: v["place"] ?? "", videoLink: v["videoLink"] ?? "")
                if try store.plan(planId).status == .draft { try store.changeStatus(planId: planId, to: .invited) }
                done = catalog.ui(.scheduled)
            case .close(let planId):
                let reason = v["closedReason"] ?? ""
                if ClosedKind(rawValue: v["kind"] ?? "") == .refused {
                    try store.refuseRequest(planId: planId, reason: reason)
                } else {
                    try store.changeStatus(planId: planId, to: .closed, note: reason,
                                           closedKind: ClosedKind(rawValue: v["kind"] ?? "") ?? .other)
                }
            case .export(let planId):
                let format = PlanExport.Format(rawValue: v["format"] ?? "") ?? .html
                var path = TextRules.clean(v["file"] ?? "", multiline: false)
                if path.isEmpty { throw SIPError.required(field: .place) }
                if !path.hasSuffix("." + format.rawValue) { path += "." + format.rawValue }
                let output = PlanExport(try store.planDocument(planId), catalog: catalog).render(format)
                guard FileManager.default.createFile(atPath: path, contents: Data(output.utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    form.mark("file", catalog.message(.directoryNotWritable(path)))
                    throw FieldMarked()
                }
                done = "\(catalog.ui(.exported)) \(path)"
            case .copy(let planId):
                guard let on = try day("givenOn") else { return }
                try store.recordCopy(planId: planId, recipient: v["recipient"] ?? "", givenOn: on)
            case .familyMember(let planId):
                let plan = try store.plan(planId)
                let role = FamilyRole(rawValue: v["role"] ?? "") ?? .guardian
                // Guardians are at the table: they are invited with the plan, in the same transaction.
                try store.addFamilyMember(childId: plan.childId, role: role, name: v["name"] ?? "",
                                          relation: v["relation"] ?? "", phone: v["phone"] ?? "",
                                          email: v["email"] ?? "", address: v["address"] ?? "",
                                          inviteTo: role == .guardian ? planId : nil,
                                          participantRole: catalog.ui(.guardian).prefix(1).uppercased()
                                              + catalog.ui(.guardian).dropFirst())
            case .participant(let planId):
                guard let agencyId = Int64(v["agencyId"] ?? "") else { throw SIPError.required(field: .agencyName) }
                try store.addParticipant(planId: planId, agencyId: agencyId, person: v["person"] ?? "", role: v["role"] ?? "")
            case .deviation:
                guard let occurred = try day("occurredOn") else { return }
                guard let reporter = Int64(v["reportingAgencyId"] ?? ""), let concerned = Int64(v["concernedAgencyId"] ?? "") else {
                    throw SIPError.required(field: .agencyName)
                }
                let planText = TextRules.clean(v["planId"] ?? "", multiline: false)
                var planId: Int64?
                if !planText.isEmpty {
                    guard let id = Int64(planText), (try? store.planExists(id)) == true else {
                        form.mark("planId", catalog.message(.notFound(.plan, Int64(planText) ?? 0)))
                        throw FieldMarked()
                    }
                    planId = id
                }
                try store.addDeviation(reportingAgencyId: reporter, concernedAgencyId: concerned, planId: planId,
                                       occurredOn: occurred, kind: v["kind"] ?? "ovrigt", description: v["description"] ?? "",
                                       localAction: v["localAction"] ?? "",
                                       responseDays: try store.deadlines().deviationResponseDays)
            case .selfAssessment(let groupId):
                guard let on = try day("measuredOn") else { return }
                var scores: [String: Int] = [:]
                for (key, value) in v where key != "measuredOn" { scores[key] = Int(value) }
                try store.recordSelfAssessment(groupId: groupId, on: on, scores: scores)
            case .answerDeviation(let id):
                guard let on = try day("responseDate") else { return }
                try store.answerDeviation(id, response: v["response"] ?? "", on: on)
            case .edit, .create:
                return
            }
            pop()
            message = (done, false)
        } catch is FieldMarked {
            replaceTop(.form(form))
            message = (catalog.ui(.mustFixFields), true)
        } catch let error as SIPError {
            let key: String? = switch error {
            case .closingReasonRequired: "closedReason"
            case .dateOrder: "dueDate"
            case .invalidPersonalNumber: nil
            default: error.field?.rawValue
            }
            if let key, form.mark(key, catalog.message(error)) {
                replaceTop(.form(form))
                message = (catalog.ui(.mustFixFields), true)
            } else {
                throw error
            }
        }
    }

    /// Thrown after a field has been marked: the form shows it, nothing is saved.
    struct FieldMarked: Error {}

    /// Meeting mode needs a meeting: the user is told to book one.
    struct NoMeeting: Error {}

    // MARK: Meeting mode

    func meetingScreen(planId: Int64) throws -> MeetingScreen {
        let meetings = try store.meetings(planId: planId)
        guard let meeting = meetings.first(where: { !$0.held }) ?? meetings.last else { throw NoMeeting() }
        let document = try store.planDocument(planId)
        let parties = try store.participants(planId: planId).map { p in
            MeetingScreen.Party(participant: p, agencyName: document.participants.first { $0.id == p.id }?.agency)
        }
        let guidance = Dictionary(uniqueKeysWithValues: try store.agendaTemplate().map { ($0.position, $0.guidanceSv) })
        let when = LocalTimeText.short(meeting.startsAt, store.context.timeZone)
        return MeetingScreen(
            planId: planId, meeting: meeting,
            title: "\(catalog.ui(.meetingMode)) · \(catalog(.planNumber)) \(planId) · \(document.child.name) · \(catalog.meetingKind(meeting.kind)) \(when)",
            parties: parties, attendance: try store.attendance(meetingId: meeting.id!),
            agenda: try store.agenda(meetingId: meeting.id!), guidance: guidance, context: meetingContext(document),
            consentWithdrawn: document.consents.contains { $0.withdrawnOn != nil } && !document.consentValid)
    }

    /// What the plan already holds, shown at the agenda point where it is discussed.
    func meetingContext(_ d: PlanDocument) -> [Int: [String]] {
        let c = catalog
        func line(_ field: Field, _ value: String) -> String? { value.isEmpty ? nil : "\(c.field(field)): \(value)" }
        let p = d.plan
        return [
            1: [line(.questions, p.questions), d.consentValid ? c(.consentValid) : c(.consentMissing)].compactMap { $0 },
            2: [line(.currentSituation, p.currentSituation)].compactMap { $0 },
            3: [line(.childView, p.childView), line(.childGoals, p.childGoals), line(.longTermGoals, p.longTermGoals),
                line(.shortTermGoals, p.shortTermGoals), line(.familyOwnActions, p.familyOwnActions)].compactMap { $0 },
            4: d.interventions.map {
                "- \($0.what): \($0.agency), \($0.frequency), \($0.startDate.iso)–\($0.dueDate.iso), "
                    + c.interventionStatus($0.status) + ($0.overdue ? " !" : "")
            },
            5: [line(.leadAgency, p.leadAgency ?? ""), line(.leadPerson, p.leadPerson),
                line(.followUpDate, p.followUpDate?.iso ?? ""), line(.followUpCaller, p.followUpCaller)].compactMap { $0 },
        ]
    }

    func refreshMeeting() {
        guard case .meeting(var meeting) = top, let document = try? store.planDocument(meeting.planId) else { return }
        if let attendance = try? store.attendance(meetingId: meeting.meeting.id!) { meeting.update(attendance: attendance) }
        meeting.update(context: meetingContext(document))
        replaceTop(.meeting(meeting))
    }

    // MARK: Interventions

    func interventionsScreen(planId: Int64) throws -> InterventionsScreen {
        let plan = try store.plan(planId)
        let agencies = try store.agencies(forGroup: plan.busGroupId)
        return InterventionsScreen(planId: planId, title: "\(catalog.ui(.interventions)) – \(catalog(.planNumber)) \(planId)",
                                   rows: try store.interventions(planId: planId),
                                   agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) }),
                                   today: store.context.today)
    }

    func refreshInterventions() {
        guard case .interventions(var list) = top, let rows = try? store.interventions(planId: list.planId) else { return }
        list.reload(rows)
        replaceTop(.interventions(list))
    }

    // MARK: Undo

    /// Takes back this session's last change to the plan: its fields, or an intervention.
    func undo(planId: Int64) throws {
        guard let index = undoStack.lastIndex(where: { $0.planId == planId }) else {
            message = (catalog.ui(.nothingToUndo), false)
            return
        }
        let entry = undoStack.remove(at: index)
        switch entry {
        case .plan(let before, let afterVersion):
            try store.undoPlanChange(before: before, afterVersion: afterVersion)
        case .intervention(let before, let after):
            try store.undoInterventionChange(before: before, after: after)
        }
        if case .detail(var detail) = top, let document = try? store.planDocument(planId) {
            detail.reload(document, catalog: catalog)
            replaceTop(.detail(detail))
        }
        message = (catalog.ui(.undone), false)
    }
}

extension App {
    /// One deviation in full, with its history: what the register's Enter shows.
    func deviationText(_ id: Int64) throws -> String {
        let c = catalog
        let d = try store.deviation(id)
        let summary = try store.deviationSummaries(id: id).first
        var lines = [
            "\(c.field(.occurredOn)): \(d.occurredOn.iso)",
            "\(c(.kind)): \(summary?.kindName ?? d.kind)",
            "\(c.ui(.reportingAgency)): \(summary?.reportingAgency ?? "")",
            "\(c.ui(.concernedAgency)): \(summary?.concernedAgency ?? "")",
            "\(c(.planNumber)): \(d.planId.map(String.init) ?? "–")",
            "\(c.field(.status)): \(c.deviationStatus(d.status))" + (d.isOverdue(on: store.context.today) ? "  \(c(.overdue))" : ""),
            "\(c.ui(.escalationLevel)): \(c.escalation(d.escalation))",
            "\(c(.responseDue)): \(d.responseDue.iso)",
            "", "\(c.field(.description)):", "  " + d.description,
        ]
        if !d.localAction.isEmpty { lines += ["", "\(c.field(.localAction)):", "  " + d.localAction] }
        if let response = d.response { lines += ["", "\(c.field(.response)) \(d.responseDate?.iso ?? ""):", "  " + response] }
        lines += ["", c(.history) + ":"]
        for change in try store.deviationHistory(id) {
            lines.append("  \(LocalTimeText.short(change.changedAt, store.context.timeZone))  \(change.what)  (\(change.changedBy))"
                         + (change.note.isEmpty ? "" : ": \(change.note)"))
        }
        return lines.joined(separator: "\n")
    }

    func refreshDeviations() {
        guard case .deviations(var register) = top, let rows = try? store.deviationSummaries() else { return }
        register.reload(rows)
        replaceTop(.deviations(register))
    }
}
