import SIPModel

/// Meeting mode (mötesläge): the whole screen belongs to one plan's meeting. It walks the
/// mötescirkel and records attendance. Nothing about any other child is reachable from here:
/// leaving takes Esc and a confirmation.
public struct MeetingScreen: Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case nextSection, previousSection, saveNotes, editPlan, interventions, deviation, finish, leave
        case up, down, cycleAttendance, cycleAnswer
    }

    /// One invited party, as meeting mode shows it.
    public struct Party: Equatable, Sendable {
        public var participant: Participant
        public var agencyName: String?
    }

    public let planId: Int64
    public let meeting: Meeting
    public let title: String
    public private(set) var parties: [Party]
    public private(set) var attendance: [Int64: AttendanceStatus]
    public private(set) var agenda: [AgendaItem]
    public let guidance: [Int: String]
    /// What the plan already says, per agenda position (read-only here; F3 edits it).
    public private(set) var context: [Int: [String]]
    public private(set) var notes: [TextInput]
    public private(set) var section = 0
    public private(set) var selectedParty = 0
    public let consentWithdrawn: Bool

    public init(planId: Int64, meeting: Meeting, title: String, parties: [Party], attendance: [Int64: AttendanceStatus],
                agenda: [AgendaItem], guidance: [Int: String], context: [Int: [String]], consentWithdrawn: Bool) {
        self.planId = planId
        self.meeting = meeting
        self.title = title
        self.parties = parties
        self.attendance = attendance
        self.agenda = agenda
        self.guidance = guidance
        self.context = context
        self.consentWithdrawn = consentWithdrawn
        notes = agenda.map { TextInput($0.notes, multiline: true) }
    }

    /// Section 0 is attendance; 1... are the agenda items.
    public var sectionCount: Int { agenda.count + 1 }
    public var isAttendance: Bool { section == 0 }

    static let common: [KeyBinding<Action>] = [
        KeyBinding([.tab, .pageDown], .nextSection, .nextSection, hint: true),
        KeyBinding([.backTab, .pageUp], .previousSection, .previousSection),
        KeyBinding([.function(2), .control("s")], .saveNotes, .saveNotes, hint: true),
        KeyBinding([.function(3), .control("r")], .editPlan, .editPlanFields),
        KeyBinding([.function(4), .control("t")], .interventions, .interventions),
        KeyBinding([.function(10), .control("x")], .finish, .finishMeeting),
        KeyBinding([.escape], .leave, .leaveMeetingMode, hint: true),
    ]

    /// In the attendance list letters are free, arrows choose a party.
    public static let attendanceKeys = KeyTable<Action>([
        KeyBinding([.up, .character("k")], .up, .up),
        KeyBinding([.down, .character("j")], .down, .down),
        KeyBinding([.character(" "), .right, .left], .cycleAttendance, .changeAttendance, hint: true),
        KeyBinding([.function(5), .control("o"), .character("a")], .deviation, .registerDeviation, hint: true),
        KeyBinding([.character("r")], .cycleAnswer, .changeAnswer),
    ] + common)

    /// In an agenda item letters are notes.
    public static let notesKeys = KeyTable<Action>(common)

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

    public mutating func handle(_ key: Key, viewport: Viewport) -> [Effect] {
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
        case .editPlan: return saveEffects() + [.editPlan(planId)]
        case .interventions: return saveEffects() + [.openInterventions(planId)]
        case .finish: return saveEffects() + [.confirm(.finishMeeting(meetingId: meeting.id!))]
        case .leave: return saveEffects() + [.confirm(.leaveMeeting)]
        case .up: selectedParty = max(0, selectedParty - 1)
        case .down: selectedParty = min(max(0, parties.count - 1), selectedParty + 1)
        case .cycleAttendance:
            guard parties.indices.contains(selectedParty) else { return [] }
            let id = parties[selectedParty].participant.id!
            let all = AttendanceStatus.allCases
            let current = attendance[id].flatMap { all.firstIndex(of: $0) }
            let next = key == .left ? all[((current ?? 0) + all.count - 1) % all.count]
                : all[current.map { ($0 + 1) % all.count } ?? 0]
            attendance[id] = next
            return [.attendance(meetingId: meeting.id!, participantId: id, next)]
        case .cycleAnswer:
            guard parties.indices.contains(selectedParty) else { return [] }
            let all = InvitationAnswer.allCases
            let current = parties[selectedParty].participant.answer
            let next = all[(all.firstIndex(of: current)! + 1) % all.count]
            parties[selectedParty].participant.answer = next
            return [.answer(participantId: parties[selectedParty].participant.id!, next)]
        case .deviation:
            guard parties.indices.contains(selectedParty) else { return [] }
            let party = parties[selectedParty].participant
            return [.registerDeviation(meetingId: meeting.id!, participantId: party.id!)]
        }
        return []
    }

    private func saveEffects() -> [Effect] {
        unsavedNotes.map { .saveNotes(itemId: $0.itemId, notes: $0.notes) }
    }

    // MARK: Rendering

    public var position: String { "\(section + 1)/\(sectionCount)" }

    public func render(into grid: inout Grid, viewport: Viewport, catalog: Catalog) {
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
            // Scroll so the chosen party is always on screen.
            let visible = max(1, bottom - y)
            let first = max(0, selectedParty - visible + 1)
            for (offset, party) in parties.dropFirst(first).prefix(visible).enumerated() {
                let n = first + offset
                let selected = n == selectedParty
                let who = [party.participant.person, party.participant.role, party.agencyName ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
                let status = attendance[party.participant.id!].map(catalog.attendance) ?? "– (\(catalog.answer(party.participant.answer)))"
                let row = y + offset
                if selected { grid.fill(row: row, column: x, count: width, role: .selected) }
                grid.put(who, row: row, column: x, maxWidth: width - statusWidth - 1, role: selected ? .selected : .normal)
                let warn = attendance[party.participant.id!]?.warrantsDeviation == true
                grid.put(status, row: row, column: x + width - statusWidth, maxWidth: statusWidth,
                         role: selected ? .selected : warn ? .warning : .normal)
            }
            grid.cursor = Position(row: min(bottom - 1, y + selectedParty - first), column: x)
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
                grid.put(String(input.characters[layout.lines[first + r]]), row: y + r, column: x, maxWidth: width,
                         role: .fieldFocused)
            }
        }
        grid.cursor = Position(row: y + layout.cursorLine - first, column: x + layout.cursorColumn)
    }
}
