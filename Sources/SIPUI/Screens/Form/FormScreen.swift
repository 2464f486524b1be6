import SIPModel

/// One field of a form: text (single or multi-line) or a choice among named options.
public struct FormField: Equatable, Sendable {
    public struct Choice: Equatable, Sendable {
        public var id: String
        public var label: String
        public init(id: String, label: String) { self.id = id; self.label = label }
    }

    public enum Kind: Equatable, Sendable {
        case text(TextInput)
        case choice([Choice], Int)
    }

    /// Stable name: the model's field name, used for drafts and for routing errors.
    public let key: String
    public let label: String
    public var kind: Kind
    public var error: String?
    /// In a conflict: the value someone else saved, shown under the field.
    public var theirs: String?
    public var original: String

    public init(key: String, label: String, text: String, multiline: Bool = false) {
        self.key = key
        self.label = label
        kind = .text(TextInput(text, multiline: multiline))
        original = text
    }

    public init(key: String, label: String, choices: [Choice], selected: String) {
        self.key = key
        self.label = label
        kind = .choice(choices, choices.firstIndex { $0.id == selected } ?? 0)
        original = choices.first { $0.id == selected }?.id ?? choices.first?.id ?? ""
    }

    public var value: String {
        switch kind {
        case .text(let input): return input.text
        case .choice(let choices, let index): return choices.isEmpty ? "" : choices[index].id
        }
    }

    public var isMultiline: Bool {
        if case .text(let input) = kind { return input.multiline }
        return false
    }

    /// Rows the field's input takes on screen.
    var inputRows: Int { isMultiline ? 3 : 1 }

    public mutating func setValue(_ value: String) {
        switch kind {
        case .text(var input):
            input.setText(value)
            kind = .text(input)
        case .choice(let choices, let index):
            kind = .choice(choices, choices.firstIndex { $0.id == value } ?? index)
        }
    }

    func displayValue(_ id: String) -> String {
        if case .choice(let choices, _) = kind { return choices.first { $0.id == id }?.label ?? id }
        return id
    }
}

/// A form: a plan's core fields (versioned update, conflicts shown), or one of the records a plan
/// gathers (consent, intervention, meeting, closing, export, copy), which the app validates.
public struct FormScreen: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case edit(Plan)
        case create
        case intervention(planId: Int64, existing: Intervention?)
        case consent(planId: Int64)
        case withdrawConsent(planId: Int64)
        case meeting(planId: Int64, kind: MeetingKind)
        case close(planId: Int64)
        case export(planId: Int64)
        case copy(planId: Int64)
        case familyMember(planId: Int64)
        case participant(planId: Int64)
        case deviation
        case answerDeviation(Int64)
        case selfAssessment(groupId: Int64)
    }

    public enum Action: Hashable, Sendable { case save, next, previous, back, takeTheirs }

    public private(set) var mode: Mode
    public private(set) var fields: [FormField]
    public private(set) var focus = 0
    public private(set) var top = 0
    public private(set) var conflict: PlanConflict?
    public let title: String

    public init(mode: Mode, fields: [FormField], title: String) {
        self.mode = mode
        self.fields = fields
        self.title = title
    }

    public var planId: Int64? {
        switch mode {
        case .edit(let plan): return plan.id
        case .create, .deviation, .answerDeviation, .selfAssessment: return nil
        case .intervention(let id, _), .consent(let id), .withdrawConsent(let id), .meeting(let id, _), .close(let id),
             .export(let id), .copy(let id), .familyMember(let id), .participant(let id):
            return id
        }
    }

    /// Only the plan forms keep unsaved input as a draft (one per plan and user).
    public var keepsDraft: Bool {
        switch mode {
        case .edit, .create: return true
        default: return false
        }
    }

    public static let keys = KeyTable<Action>([
        KeyBinding([.function(2), .control("s")], .save, .save, hint: true),
        KeyBinding([.tab, .down], .next, .nextField, hint: true),
        KeyBinding([.backTab, .up], .previous, .previousField),
        KeyBinding([.control("r")], .takeTheirs, .takeTheirs),
        KeyBinding([.escape], .back, .back, hint: true),
    ])

    public var isDirty: Bool { fields.contains { $0.value != $0.original } }

    /// What a field's value was before this user's typing (a restored draft's starting point).
    public mutating func setOriginal(_ key: String, _ value: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { fields[index].original = value }
    }

    public mutating func focus(on key: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { focus = index }
    }

    public var values: [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
    }

    public mutating func restore(_ values: [String: String]) {
        for index in fields.indices {
            if let value = values[fields[index].key] { fields[index].setValue(value) }
        }
    }

    public mutating func handle(_ key: Key, viewport: Viewport, catalog: Catalog, today: Day) -> [Effect] {
        guard !fields.isEmpty else { return key == .escape ? [.back] : [] }
        // Up and down move within a multi-line field before they move between fields.
        if key == .up || key == .down, case .text(var input) = fields[focus].kind, input.multiline {
            if input.moveLine(key == .up ? -1 : 1, width: inputWidth(viewport)) {
                fields[focus].kind = .text(input)
                return []
            }
        }
        if let action = Self.keys.action(for: key) {
            switch action {
            case .save: return save(catalog: catalog, today: today)
            case .next: focus = (focus + 1) % fields.count
            case .previous: focus = (focus + fields.count - 1) % fields.count
            case .back: return [.back]
            case .takeTheirs: takeTheirs()
            }
            return []
        }
        switch fields[focus].kind {
        case .text(var input):
            if input.handle(key) == .edited { fields[focus].error = nil }
            fields[focus].kind = .text(input)
        case .choice(let choices, let index):
            guard !choices.isEmpty else { return [] }
            switch key {
            case .right, .character(" "): fields[focus].kind = .choice(choices, (index + 1) % choices.count)
            case .left: fields[focus].kind = .choice(choices, (index + choices.count - 1) % choices.count)
            default: break
            }
        }
        return []
    }

    /// Validates every field; on success asks the app to save.
    mutating func save(catalog: Catalog, today: Day) -> [Effect] {
        for index in fields.indices { fields[index].error = nil }
        switch mode {
        case .edit, .create:
            guard isDirty || conflict != nil else { return [.message(catalog.ui(.nothingToSave), isError: false)] }
        default:
            // The app validates these against the model and marks the fields it refuses.
            return [.submit(mode, values: values)]
        }
        switch mode {
        case .edit(let base):
            var plan = conflict?.theirs ?? base
            if let conflict { plan.version = conflict.theirs.version }
            for index in fields.indices {
                let field = fields[index]
                do {
                    if field.key == "leadAgencyId" {
                        plan.leadAgencyId = Int64(field.value)
                    } else if let modelField = Field(rawValue: field.key) {
                        try plan.set(modelField, to: field.value)
                    }
                } catch let error as SIPError {
                    fields[index].error = catalog.message(error)
                } catch {
                    fields[index].error = String(describing: error)
                }
            }
            if let first = fields.firstIndex(where: { $0.error != nil }) {
                focus = first
                return [.message(catalog.ui(.mustFixFields), isError: true)]
            }
            return [.savePlan(plan, fields: values)]
        case .create:
            let v = values
            var input = NewPlanInput(
                childName: v["childName"] ?? "", personalNumber: v["personalNumber"] ?? "",
                birthDate: v["birthDate"] ?? "", sex: Sex(rawValue: v["sex"] ?? "") ?? .unknown,
                busGroupId: Int64(v["busGroupId"] ?? "") ?? 0,
                initiator: InitiatorKind(rawValue: v["initiator"] ?? "") ?? .guardian,
                requestDate: v["requestDate"] ?? "", reason: v["reason"] ?? "", questions: v["questions"] ?? "")
            // Dates are checked here so that each error lands on its own field.
            for key in ["birthDate", "requestDate"] {
                do { _ = try Day.parseOptional(v[key] ?? "") } catch let error as SIPError { mark(key, catalog.message(error)) } catch {}
            }
            if (v["requestDate"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                input.requestDate = today.iso
            }
            if let first = fields.firstIndex(where: { $0.error != nil }) {
                focus = first
                return [.message(catalog.ui(.mustFixFields), isError: true)]
            }
            return [.createPlan(input)]
        default:
            return []
        }
    }

    /// Puts an error from the model next to the field it concerns; false when no field matches.
    @discardableResult
    public mutating func mark(_ key: String, _ message: String) -> Bool {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { return false }
        fields[index].error = message
        focus = index
        return true
    }

    /// Someone else saved first: keep every value typed, show theirs under each field that differs.
    /// A field this user did not touch takes their value at once, so that only real disagreements
    /// are left to decide and saving never reverts their other changes.
    public mutating func receive(conflict: PlanConflict) {
        self.conflict = conflict
        for index in fields.indices {
            let key = fields[index].key
            let theirs = key == "leadAgencyId" ? conflict.theirs.leadAgencyId.map(String.init) ?? ""
                : Field(rawValue: key).map { conflict.theirs.text(of: $0) } ?? ""
            if fields[index].value == fields[index].original {
                fields[index].setValue(theirs)
                fields[index].original = theirs
                fields[index].theirs = nil
            } else {
                // Theirs is news only where they changed it too: same as mine, or as where I started, is not.
                let disagrees = theirs != fields[index].value && theirs != fields[index].original
                fields[index].theirs = disagrees ? theirs : nil
            }
        }
        if let first = fields.firstIndex(where: { $0.theirs != nil }) { focus = first }
    }

    /// Drops this session's values for the ones saved by someone else.
    mutating func takeTheirs() {
        guard let conflict else { return }
        for index in fields.indices {
            if let theirs = fields[index].theirs { fields[index].setValue(theirs) }
            fields[index].theirs = nil
            fields[index].original = fields[index].value
        }
        mode = .edit(conflict.theirs)
        self.conflict = nil
    }

    // MARK: Rendering

    func labelWidth(_ viewport: Viewport) -> Int { min(26, max(10, viewport.width / 3)) }
    func inputWidth(_ viewport: Viewport) -> Int { max(4, viewport.width - labelWidth(viewport) - 2) }

    /// Rows each field takes: its input, plus a row for an error and up to two for their value.
    func rows(of field: FormField, width: Int, catalog: Catalog) -> Int {
        field.inputRows + errorLines(field, width: width).count + theirLines(field, width: width, catalog: catalog).count
    }

    /// A validation message, wrapped to at most two lines beside the field.
    func errorLines(_ field: FormField, width: Int) -> [String] {
        guard let error = field.error else { return [] }
        return Array(DisplayWidth.wrap(error, width: width).prefix(2))
    }

    /// "↳ Saved by someone else: …", at most two lines.
    func theirLines(_ field: FormField, width: Int, catalog: Catalog) -> [String] {
        guard let theirs = field.theirs else { return [] }
        let text = "\u{21B3} \(catalog.ui(.theirValue)): " + field.displayValue(theirs.isEmpty ? "–" : theirs)
        return Array(DisplayWidth.wrap(text.replacingOccurrences(of: "\n", with: " "), width: width).prefix(2))
    }

    public mutating func render(into grid: inout Grid, viewport: Viewport, catalog: Catalog) {
        var y = viewport.top
        var height = viewport.height
        if conflict != nil {
            for line in DisplayWidth.wrap(catalog.ui(.conflictBanner), width: viewport.width).prefix(2) {
                grid.put(line, row: y, column: 0, role: .warning)
                y += 1
                height -= 1
            }
        }
        let labelWidth = labelWidth(viewport)
        let inputWidth = inputWidth(viewport)
        let x = labelWidth + 1
        let spans = fields.map { rows(of: $0, width: inputWidth, catalog: catalog) }
        // Scroll so the focused field is whole on screen.
        let start = spans[..<focus].reduce(0, +)
        if start < top { top = start }
        if start + spans[focus] > top + height { top = start + spans[focus] - height }
        var row = -top
        var cursor = Position(row: y, column: x)
        for (index, field) in fields.enumerated() {
            defer { row += spans[index] }
            guard row + spans[index] > 0, row < height else { continue }
            let focused = index == focus
            let label = field.label + (field.error != nil ? " *" : "")
            if row >= 0 {
                grid.put(label, row: y + row, column: 0, maxWidth: labelWidth, role: field.error != nil ? .error : .label)
            }
            for r in 0..<field.inputRows where row + r >= 0 && row + r < height {
                grid.fill(row: y + row + r, column: x, count: inputWidth, role: focused ? .fieldFocused : .field)
            }
            let inputRole: StyleRole = focused ? .fieldFocused : .field
            switch field.kind {
            case .text(let input):
                let layout = input.layout(width: input.multiline ? inputWidth : Int.max / 4)
                if input.multiline {
                    let first = max(0, min(layout.cursorLine - 1, layout.lines.count - field.inputRows))
                    for r in 0..<field.inputRows where first + r < layout.lines.count && row + r >= 0 && row + r < height {
                        let range = layout.lines[first + r]
                        grid.put(String(input.characters[range]), row: y + row + r, column: x, maxWidth: inputWidth, role: inputRole)
                    }
                    if focused { cursor = Position(row: y + row + layout.cursorLine - first, column: x + layout.cursorColumn) }
                } else {
                    // Scroll horizontally so the cursor stays inside the box.
                    let offset = max(0, layout.cursorColumn - inputWidth + 1)
                    var skipped = 0, startIndex = 0
                    while startIndex < input.characters.count && skipped < offset {
                        skipped += DisplayWidth.of(input.characters[startIndex])
                        startIndex += 1
                    }
                    if row >= 0 {
                        grid.put(String(input.characters[startIndex...]), row: y + row, column: x, maxWidth: inputWidth,
                                 role: inputRole)
                    }
                    if focused { cursor = Position(row: y + row, column: x + layout.cursorColumn - skipped) }
                }
            case .choice(let choices, let index):
                let text = choices.isEmpty ? "" : "‹ " + choices[index].label + " ›"
                if row >= 0 { grid.put(text, row: y + row, column: x, maxWidth: inputWidth, role: inputRole) }
                if focused { cursor = Position(row: y + row, column: x) }
            }
            var extra = row + field.inputRows
            for line in errorLines(field, width: inputWidth) {
                if extra >= 0 && extra < height { grid.put(line, row: y + extra, column: x, maxWidth: inputWidth, role: .error) }
                extra += 1
            }
            for line in theirLines(field, width: inputWidth, catalog: catalog) {
                if extra >= 0 && extra < height { grid.put(line, row: y + extra, column: x, maxWidth: inputWidth, role: .warning) }
                extra += 1
            }
        }
        grid.cursor = cursor
    }
}
