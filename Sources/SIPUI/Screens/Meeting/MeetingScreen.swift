import SIPModel
import SIPWidgets

/// Meeting mode (mötesläge): the whole screen belongs to one plan's meeting. It walks the
/// mötescirkel and records attendance. Nothing about any other child is reachable from here:
/// leaving takes Esc and choosing to leave (typing never answers), and Ctrl-Z/Ctrl-C ask first.
public struct MeetingScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case nextSection, previousSection, saveNotes, editPlan, interventions, deviation, finish, leave
        case up, down, cycleAttendance, cycleAnswer
        // Issue 17: the goals assessed, the child's participation, a need, the interpreter booked.
        case assessGoals, participation, need, interpreter
    }

    /// One invited party, as meeting mode shows it.
    public struct Party: Equatable, Sendable {
        public var participant: Participant
        public var agencyName: String?
    }

    /// Everything meeting mode shows of its one plan, as read when it opens.
    public struct Setup: Equatable, Sendable {
        public var meeting: Meeting
        public var title: String
        public var parties: [Party]
        public var attendance: [Int64: AttendanceStatus]
        public var agenda: [AgendaItem]
        public var guidance: [Int: String]
        public var context: [Int: [String]]
        public var consentWithdrawn: Bool
    }

    public let planId: Int64
    /// Nil until the meeting is read.
    public private(set) var meeting: Meeting?
    public private(set) var title = ""
    public private(set) var parties: [Party] = []
    public private(set) var attendance: [Int64: AttendanceStatus] = [:]
    public private(set) var agenda: [AgendaItem] = []
    public private(set) var guidance: [Int: String] = [:]
    /// What the plan already says, per agenda position (read-only here; F3 edits it).
    public private(set) var context: [Int: [String]] = [:]
    public private(set) var notes: [TextInput] = []
    public private(set) var section = 0
    /// The party chosen in the attendance list.
    public private(set) var partyList = ListState()
    public var selectedParty: Int { partyList.selected }
    public private(set) var consentWithdrawn = false

    public init(planId: Int64) {
        self.planId = planId
    }

    mutating func open(_ setup: Setup) {
        meeting = setup.meeting
        title = setup.title
        parties = setup.parties
        attendance = setup.attendance
        agenda = setup.agenda
        guidance = setup.guidance
        context = setup.context
        consentWithdrawn = setup.consentWithdrawn
        notes = agenda.map { TextInput($0.notes, multiline: true, limit: Field.agendaNotes.maxLength) }
    }

    public enum Loaded: Sendable {
        case opened(Setup)
        /// Back from the plan's fields or interventions: what they say now, and who came.
        case refreshed(attendance: [Int64: AttendanceStatus], context: [Int: [String]])
        case notesSaved(itemId: Int64, notes: String)
        case deviationRegistered(id: Int64, description: String)
        case deviationNotNeeded
        case finished
    }

    /// Opens the plan's next meeting (or its last); back on top, reads what changed around it.
    /// Notes typed here stay as typed.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let planId = planId
        guard let meeting else { return [.query { session in .opened(try Self.setup(planId: planId, session)) }] }
        let meetingId = meeting.id!
        return [
            .query { session in
                .refreshed(
                    attendance: try session.store.attendance(meetingId: meetingId),
                    context: Self.context(try session.store.planDocument(planId), session.catalog, meetingId: meetingId)
                )
            }
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        let c = env.catalog
        switch message {
        case .key(let key):
            return handle(key)
        case .text(let text):
            guard meeting != nil, !isAttendance else { return text.flatMap { handle(.character($0)) } }
            notes[section - 1].insert(contentsOf: text)
        case .loaded(.opened(let setup)):
            open(setup)
        case .loaded(.refreshed(let attendance, let context)):
            update(attendance: attendance)
            update(context: context)
        case .saved(.notesSaved(let itemId, let notes)):
            notesSaved(itemId: itemId, notes: notes)
            return [.status(c.ui(.saved), isError: false)]
        case .saved(.deviationRegistered(let id, let description)):
            return [.status("\(c.ui(.deviationRegistered)) (\(id)): \(description)", isError: false)]
        case .saved(.deviationNotNeeded):
            return [.status(c.ui(.deviationNotNeeded), isError: true)]
        case .saved(.finished):
            return [.status(c.ui(.meetingFinished), isError: false)] + load(env)
        case .confirmed(.leaveMeeting):
            return [.pop]
        case .confirmed(.finishMeeting(let meetingId)):
            return [
                .mutation { session in
                    try session.store.finishMeeting(meetingId, minutes: "")
                    return .finished
                }
            ]
        case .unreadable(let error):
            return meeting == nil ? [.dismiss, .error(error)] : [.error(error)]
        case .refused(let error):
            return [.error(error)]
        case .loaded, .saved, .confirmed, .declined, .notice, .resized:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) { (title, position) }

    public var isTyping: Bool { !isAttendance }

    public var isMeetingMode: Bool { true }

    public var unsavedWork: [UnsavedWork] { unsavedNotes.map { .agendaNotes(itemId: $0.itemId, notes: $0.notes) } }

    /// Section 0 is attendance; 1... are the agenda items.
    public var sectionCount: Int { agenda.count + 1 }
    public var isAttendance: Bool { section == 0 }

    static let common: [KeyBinding<Action>] = [
        KeyBinding([.tab, .pageDown], .nextSection, .nextSection, hint: true),
        KeyBinding([.backTab, .pageUp], .previousSection, .previousSection),
        KeyBinding([.function(2), .control("s")], .saveNotes, .saveNotes, hint: true),
        KeyBinding([.function(3), .control("r")], .editPlan, .editPlanFields),
        KeyBinding([.function(4), .control("t")], .interventions, .interventions),
        KeyBinding([.function(6), .control("g")], .assessGoals, .keyAssess),
        KeyBinding([.function(7), .control("p")], .participation, .keyParticipation),
        KeyBinding([.function(8), .control("n")], .need, .keyNeed),
        KeyBinding([.function(9), .control("y")], .interpreter, .keyInterpreter),
        KeyBinding([.function(10), .control("x")], .finish, .finishMeeting),
        KeyBinding([.escape], .leave, .leaveMeetingMode, hint: true),
    ]

    /// In the attendance list letters are free, arrows choose a party.
    public static let attendanceKeys = KeyTable<Action>(
        "meeting-attendance",
        [
            KeyBinding([.up, .character("k")], .up, .up),
            KeyBinding([.down, .character("j")], .down, .down),
            KeyBinding([.character(" "), .right, .left], .cycleAttendance, .changeAttendance, hint: true),
            KeyBinding([.function(5), .control("o"), .character("a")], .deviation, .registerDeviation, hint: true),
            KeyBinding([.character("r")], .cycleAnswer, .changeAnswer),
        ] + common)

    /// In an agenda item letters are notes.
    public static let notesKeys = KeyTable<Action>("meeting-notes", typing: true, common)

    public var keys: KeyTable<Action> { isAttendance ? Self.attendanceKeys : Self.notesKeys }

    /// Notes typed but not yet saved, by agenda item id.
    public var unsavedNotes: [(itemId: Int64, notes: String)] {
        agenda.indices.compactMap { i in
            notes[i].text == agenda[i].notes ? nil : (agenda[i].id!, notes[i].text)
        }
    }

    /// One item's notes reached the database as `notes` (later typing stays unsaved).
    public mutating func notesSaved(itemId: Int64, notes: String) {
        if let i = agenda.firstIndex(where: { $0.id == itemId }) { agenda[i].notes = notes }
    }

    public mutating func update(attendance: [Int64: AttendanceStatus]) { self.attendance = attendance }
    public mutating func update(context: [Int: [String]]) { self.context = context }

    mutating func handle(_ key: Key) -> [Command<Loaded>] {
        guard let meeting else { return key == .escape ? [.pop] : [] }
        guard let action = keys.action(for: key) else {
            if !isAttendance { _ = notes[section - 1].handle(key) }
            return []
        }
        switch action {
        case .nextSection, .previousSection:
            let effects = saveEffects()
            section = (section + (action == .nextSection ? 1 : sectionCount - 1)) % sectionCount
            return effects
        case .saveNotes: return saveEffects()
        case .editPlan: return saveEffects() + [.push(FormScreen(PlanEditForm(planId: planId)))]
        case .interventions: return saveEffects() + [.push(InterventionsScreen(planId: planId))]
        case .finish: return saveEffects() + [.confirm(.finishMeeting(meetingId: meeting.id!))]
        case .assessGoals:
            return saveEffects() + [.push(FormScreen(GoalAssessmentForm(planId: planId, meetingId: meeting.id!)))]
        case .participation:
            return saveEffects() + [.push(FormScreen(ParticipationForm(planId: planId, meetingId: meeting.id!)))]
        case .need: return saveEffects() + [.push(FormScreen(NeedForm(planId: planId, meetingId: meeting.id!)))]
        case .interpreter:
            return saveEffects() + [.push(FormScreen(InterpreterForm(planId: planId, meetingId: meeting.id!)))]
        case .leave: return saveEffects() + [.confirm(.leaveMeeting)]
        case .up: partyList.move(by: -1, count: parties.count)
        case .down: partyList.move(by: 1, count: parties.count)
        case .cycleAttendance:
            guard parties.indices.contains(selectedParty) else { return [] }
            let id = parties[selectedParty].participant.id!
            let all = AttendanceStatus.allCases
            let current = attendance[id].flatMap { all.firstIndex(of: $0) }
            let next =
                key == .left
                ? all[((current ?? 0) + all.count - 1) % all.count]
                : all[current.map { ($0 + 1) % all.count } ?? 0]
            attendance[id] = next
            let meetingId = meeting.id!
            return [
                .run { session in
                    try session.store.recordAttendance(meetingId: meetingId, participantId: id, status: next)
                }
            ]
        case .cycleAnswer:
            guard parties.indices.contains(selectedParty) else { return [] }
            let all = InvitationAnswer.allCases
            let current = parties[selectedParty].participant.answer
            let next = all[(all.firstIndex(of: current)! + 1) % all.count]
            parties[selectedParty].participant.answer = next
            let id = parties[selectedParty].participant.id!, meetingId = meeting.id!
            return [.run { session in try session.store.setAnswer(meetingId: meetingId, participantId: id, next) }]
        case .deviation:
            guard parties.indices.contains(selectedParty) else { return [] }
            let meetingId = meeting.id!, participantId = parties[selectedParty].participant.id!
            return [
                .mutation { session in
                    let store = session.store
                    guard try store.attendance(meetingId: meetingId)[participantId]?.warrantsDeviation == true else {
                        return .deviationNotNeeded
                    }
                    let draft = try store.deviationDraft(meetingId: meetingId, participantId: participantId)
                    let deviation = try store.registerDeviation(draft)
                    return .deviationRegistered(id: deviation.id!, description: draft.description)
                }
            ]
        }
        return []
    }

    private func saveEffects() -> [Command<Loaded>] {
        unsavedNotes.map { unsaved in
            .mutation { session in
                try session.store.saveAgendaNotes(itemId: unsaved.itemId, notes: unsaved.notes)
                return .notesSaved(itemId: unsaved.itemId, notes: unsaved.notes)
            }
        }
    }

    // MARK: Rendering

    public var position: String { "\(section + 1)/\(sectionCount)" }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, catalog = env.catalog
        guard meeting != nil else { return }
        let listWidth = min(24, max(14, viewport.width / 4))
        let x = listWidth + 1
        let width = viewport.width - x
        // The agenda down the left: where the meeting is.
        let names = [catalog.ui(.attendanceTitle)] + agenda.map { "\($0.position). \($0.title)" }
        for (n, name) in names.enumerated() where n < viewport.height {
            let current = n == section
            if current { grid.fill(row: viewport.top + n, column: 0, count: listWidth, role: .selected) }
            grid.put(name, row: viewport.top + n, column: 0, maxWidth: listWidth, role: current ? .selected : .normal)
        }
        var y = viewport.top
        let bottom = viewport.top + viewport.height
        if consentWithdrawn {
            grid.put(catalog.ui(.consentWithdrawnBanner), row: y, column: x, maxWidth: width, role: .warning)
            y += 1
        }
        if isAttendance {
            grid.put(catalog.ui(.attendanceTitle), row: y, column: x, maxWidth: width, role: .header)
            y += 1
            let statusWidth = min(26, max(10, width / 3))
            let parties = parties, attendance = attendance
            ListView.draw(
                into: &grid, top: y, height: max(1, bottom - y), column: x, width: width, count: parties.count,
                state: &partyList
            ) { grid, index, row, selected in
                let party = parties[index]
                let who = [party.participant.person, party.participant.role, party.agencyName ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
                let status =
                    attendance[party.participant.id!].map(catalog.attendance)
                    ?? "– (\(catalog.answer(party.participant.answer)))"
                grid.put(
                    who, row: row, column: x, maxWidth: width - statusWidth - 1, role: selected ? .selected : .normal)
                let warn = attendance[party.participant.id!]?.warrantsDeviation == true
                grid.put(
                    status, row: row, column: x + width - statusWidth, maxWidth: statusWidth,
                    role: selected ? .selected : warn ? .warning : .normal)
            }
            return
        }
        let item = agenda[section - 1]
        grid.put("\(item.position). \(item.title)", row: y, column: x, maxWidth: width, role: .header)
        y += 1
        for line in DisplayWidth.wrap(guidance[item.position] ?? "", width: width).prefix(3) where y < bottom {
            grid.put(line, row: y, column: x, maxWidth: width, role: .dim)
            y += 1
        }
        // Leave at least three rows for the notes.
        let contextRoom = max(0, bottom - y - 5)
        let lines = (context[item.position] ?? []).flatMap { DisplayWidth.wrap($0, width: width) }
        for line in lines.prefix(contextRoom) {
            grid.put(line, row: y, column: x, maxWidth: width)
            y += 1
        }
        guard y < bottom else { return }
        grid.put(catalog.ui(.notesLabel) + ":", row: y, column: x, maxWidth: width, role: .label)
        y += 1
        let input = notes[section - 1]
        let layout = input.layout(width: width)
        let rows = max(1, bottom - y)
        let first = max(0, min(layout.cursorLine - rows + 1, layout.lines.count - rows))
        for r in 0..<rows {
            grid.fill(row: y + r, column: x, count: width, role: .fieldFocused)
            if first + r < layout.lines.count {
                grid.put(
                    String(input.characters[layout.lines[first + r]]), row: y + r, column: x, maxWidth: width,
                    role: .fieldFocused)
            }
        }
        grid.cursor = Position(row: y + layout.cursorLine - first, column: x + layout.cursorColumn)
    }
}

extension MeetingScreen {
    /// Reads the meeting mode of a plan: its next meeting (or its last), the parties, the agenda.
    static func setup(planId: Int64, _ session: Session) throws -> Setup {
        let store = session.store, catalog = session.catalog
        let meetings = try store.meetings(planId: planId)
        // A meeting called off is not the one held now; nor, when it is the last, the one to look back on.
        let standing = meetings.filter { $0.cancelledAt == nil }
        guard let meeting = standing.first(where: \.isAhead) ?? standing.last else { throw NoMeeting() }
        let document = try store.planDocument(planId)
        // The answers to this meeting's kallelse, once it has one (answers are per meeting).
        let answers =
            try store.kallelse(meetingId: meeting.id!) == nil
            ? [:]
            : Dictionary(
                try store.invitees(meetingId: meeting.id!).map { ($0.participantId, $0.answer) },
                uniquingKeysWith: { a, _ in a })
        let parties = try store.participants(planId: planId).map { p in
            var p = p
            p.answer = answers[p.id!] ?? p.answer
            return Party(participant: p, agencyName: document.participants.first { $0.id == p.id }?.agency)
        }
        let agenda = try store.agenda(meetingId: meeting.id!, in: catalog)
        let when = LocalTimeText.short(meeting.startsAt, store.context.timeZone)
        return Setup(
            meeting: meeting,
            title: "\(catalog.ui(.meetingMode)) · \(catalog(.planNumber)) \(planId) · \(document.child.name) · "
                + "\(catalog.meetingKind(meeting.kind)) \(when)",
            parties: parties, attendance: try store.attendance(meetingId: meeting.id!),
            agenda: agenda.items, guidance: agenda.guidance,
            context: context(document, catalog, meetingId: meeting.id),
            consentWithdrawn: document.consents.contains { $0.withdrawnOn != nil } && !document.consentValid)
    }

    /// The child's part and the interpreter of meeting `meetingId`, and the goals with their latest
    /// assessments: what the agenda shows beside the plan's texts (issue 17).
    static func familyContext(_ d: PlanDocument, meetingId: Int64?, _ c: Catalog) -> [Int: [String]] {
        let meeting = d.meetings.first { $0.id == meetingId }
        var opening: [String] = []
        if let m = meeting {
            opening.append(
                "\(c(.participationTitle)): "
                    + (m.childParticipation.flatMap { $0.isEmpty ? nil : c.participation($0) }
                        ?? c(.participationNotRecorded)))
            if let words = m.childParticipation?.childWords, !words.isEmpty {
                opening.append("\(c(.childOwnWords)): \"\(words)\"")
            }
            if !m.interpreterBooked.isEmpty { opening.append("\(c(.interpreterBookedLabel)): \(m.interpreterBooked)") }
            if !m.interpreterMissing.isEmpty {
                opening.append("! \(c(.interpreterMissing)) " + m.interpreterMissing.joined(separator: ", "))
            }
        }
        let goals = d.goals.map { g in
            let latest = [AssessedBy.professionals, .family].compactMap { by in
                g.assessments.last { $0.by == by }.map { "\(c.assessedBy(by)): \(c.outcome($0.outcome))" }
            }
            return "- \(c.goalKind(g.kind)): \(g.text)"
                + (latest.isEmpty ? "" : " (" + latest.joined(separator: "; ") + ")")
        }
        let needs = d.unassignedNeeds.map { "! \(c(.unassignedNeedsTitle)): \($0.what)" }
        return [1: opening, 3: goals + needs]
    }

    /// What the plan already holds, shown at the agenda point where it is discussed.
    static func context(_ d: PlanDocument, _ c: Catalog, meetingId: Int64? = nil) -> [Int: [String]] {
        plainContext(d, c).merging(familyContext(d, meetingId: meetingId, c)) { $0 + $1 }
    }

    static func plainContext(_ d: PlanDocument, _ c: Catalog) -> [Int: [String]] {
        func line(_ field: Field, _ value: String) -> String? { value.isEmpty ? nil : "\(c.field(field)): \(value)" }
        let p = d.plan
        return [
            1: [line(.questions, p.questions), d.consentValid ? c(.consentValid) : c(.consentMissing)].compactMap {
                $0
            },
            2: [line(.currentSituation, p.currentSituation)].compactMap { $0 },
            3: [
                line(.childView, p.childView), line(.childGoals, p.childGoals), line(.longTermGoals, p.longTermGoals),
                line(.shortTermGoals, p.shortTermGoals), line(.familyOwnActions, p.familyOwnActions),
            ].compactMap { $0 },
            4: d.interventions.map {
                "- \($0.what): \($0.agency), \($0.frequency), \($0.startDate.iso)–\($0.dueDate.iso), "
                    + c.interventionStatus($0.status) + ($0.overdue ? " !" : "")
            },
            5: [
                line(.leadAgency, p.leadAgency ?? ""), line(.leadPerson, p.leadPerson),
                line(.followUpDate, p.followUpDate?.iso ?? ""), line(.followUpCaller, p.followUpCaller),
            ].compactMap { $0 },
        ]
    }
}
