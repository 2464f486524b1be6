import Foundation
import SIPModel
import SIPWidgets

/// A form on screen: typing, focus, drawing, drafts, conflicts and leaving, for any record form.
/// What the fields are and how they are saved is the record form's (`RecordForm`).
public struct FormScreen: AppScreen {
    public enum Action: Hashable, Sendable {
        case save, next, previous, back, takeTheirs
        case nextChoice, previousChoice, nextMatch, previousMatch, eraseSearch, closeSearch
    }

    public let record: any RecordForm
    public private(set) var title = ""
    /// What the form tells before its fields (`FormContent.intro`).
    public private(set) var intro = ""
    public private(set) var fields: [FormField] = []
    public private(set) var focus = 0
    public private(set) var top = 0
    /// An edit form: the plan as the typing started from it.
    public private(set) var plan: Plan?
    public private(set) var conflict: PlanConflict?
    /// The values the user was warned about (saving them unchanged again saves them).
    private var warnedValues: [String: String]?
    /// Values that follow a choice (`FormContent.links`).
    private var links: [String: [String: [String: String]]] = [:]
    /// Choices that follow a choice (`FormContent.choiceLinks`).
    private var choiceLinks: [String: [String: [String: [FormField.Choice]]]] = [:]
    private var opened = false

    public init(_ record: some RecordForm) {
        self.record = record
    }

    public var planId: Int64? { record.planId }
    /// Only the plan forms keep unsaved input as a draft (one per plan and user).
    public var keepsDraft: Bool { record.keepsDraft }

    public static let keys = KeyTable<Action>(
        "form", typing: true,
        [
            KeyBinding([.function(2), .control("s")], .save, .save, hint: true),
            KeyBinding([.tab, .down], .next, .nextField, hint: true),
            KeyBinding([.backTab, .up], .previous, .previousField),
            KeyBinding([.control("r")], .takeTheirs, .takeTheirs),
            KeyBinding([.escape], .back, .back, hint: true),
        ])

    /// On a choice: the form's keys, and the arrows that cycle through its choices.
    public static let choiceKeys = KeyTable<Action>(
        "form-choice", typing: true,
        keys.defaultBindings + [
            KeyBinding([.right, .character(" ")], .nextChoice, .nextChoice),
            KeyBinding([.left], .previousChoice, .previousChoice),
        ])

    /// While a picker's search is open: the arrows move among its matches, Esc closes the search
    /// (before it would leave the form), Backspace edits it; every other letter is part of it.
    public static let searchKeys = KeyTable<Action>(
        "form-search", typing: true,
        [
            KeyBinding([.function(2), .control("s")], .save, .save, hint: true),
            KeyBinding([.down, .right], .nextMatch, .nextMatch, hint: true),
            KeyBinding([.up, .left], .previousMatch, .previousMatch),
            KeyBinding([.escape, .enter], .closeSearch, .closeSearch, hint: true),
            KeyBinding([.backspace], .eraseSearch, .eraseSearch),
            KeyBinding([.tab], .next, .nextField, hint: true),
            KeyBinding([.backTab], .previous, .previousField),
            KeyBinding([.control("r")], .takeTheirs, .takeTheirs),
        ])

    /// The keys that work on the focused field: the one table for dispatch, hints and help.
    public var keys: KeyTable<Action> {
        guard fields.indices.contains(focus), case .choice = fields[focus].kind else { return Self.keys }
        return fields[focus].search != nil ? Self.searchKeys : Self.choiceKeys
    }
    public var isTyping: Bool { true }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) { (title, "") }

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

    // MARK: The loop

    public enum Loaded: Sendable {
        case opened(FormContent, draft: FormDraft?)
        case submitted(FormOutcome)
        case draftDropped
    }

    /// Opens once: the fields, and a draft kept from an interrupted session if there is one.
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        guard !opened else { return [] }
        let record = record
        return [
            .query { session in
                let content = try record.open(session)
                let draft = record.keepsDraft ? try session.store.draft(planId: record.planId) : nil
                return .opened(content, draft: draft)
            }
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        let c = env.catalog
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport, catalog: c)
        case .text(let text):
            return insert(text, env)
        case .loaded(.opened(let content, let draft)):
            opened = true
            title = content.title
            intro = content.intro
            fields = content.fields
            plan = content.plan
            links = content.links
            choiceLinks = content.choiceLinks
            if let key = content.focus { focus(on: key) }
            if let draft { return restore(draft, env) }
        case .saved(.submitted(.saved(let words))):
            return [.pop, .status(words, isError: false)]
        case .saved(.submitted(.created(let id))):
            return [
                .notify(.planCreated(id)), .pop, .push(PlanDetailScreen(planId: id)),
                .status(c.ui(.created), isError: false),
            ]
        case .saved(.draftDropped):
            return [.pop]
        case .confirmed(.unsavedChanges):
            return save(catalog: c)
        case .confirmed(.inviteOutsideConsent):
            // Asked and answered yes: the same values again, with the choice (the model records it).
            return save(catalog: c, outsideConsent: true)
        case .declined(.inviteOutsideConsent):
            return [.status(c.ui(.notInvited), isError: false)]
        case .confirmed(.removeRecord):
            return save(catalog: c, confirmed: true)
        case .declined(.removeRecord):
            return [.status(c.ui(.notRemoved), isError: false)]
        case .declined(.unsavedChanges):
            return leave()
        case .unreadable(let error):
            return [.dismiss, .error(error)]
        case .refused(let error):
            return refused(error, catalog: c)
        case .loaded, .saved, .confirmed, .declined, .notice, .resized:
            break
        }
        return []
    }

    /// Leaves without saving; a plan form's draft goes too (there is nothing left to keep).
    private func leave() -> [Command<Loaded>] {
        guard keepsDraft else { return [.pop] }
        let planId = planId
        return [
            .mutation { session in
                try? session.store.deleteDraft(planId: planId)
                return .draftDropped
            }
        ]
    }

    /// The model said no: each refused value beside its field, a conflict shown field by field.
    private mutating func refused(_ error: any Error, catalog: Catalog) -> [Command<Loaded>] {
        switch error {
        case let refused as FieldErrors:
            for entry in refused.errors { mark(entry.key, entry.message) }
            if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
            // A warning: the same values saved again are saved as they are.
            if refused.areWarnings {
                warnedValues = values
                return [.status(refused.errors.first?.message ?? "", isError: true)]
            }
            return [.status(catalog.ui(.mustFixFields), isError: true)]
        case let removal as RemovalNeedsConfirmation:
            return [.confirm(.removeRecord(question: removal.question))]
        case SIPError.outsideConsent(let agency):
            // Sharing beyond every consent is never a refusal to fix but a choice: asked first.
            return [.confirm(.inviteOutsideConsent(agency: agency))]
        case SIPError.conflict(let conflict):
            receive(conflict: conflict)
            return [.status(catalog.message(.conflict(conflict)), isError: true)]
        case let error as SIPError:
            if let key = record.fieldKey(for: error), mark(key, catalog.message(error)) {
                return [.status(catalog.ui(.mustFixFields), isError: true)]
            }
            return [.error(error)]
        default:
            return [.error(error)]
        }
    }

    mutating func handle(_ key: Key, viewport: Viewport, catalog: Catalog) -> [Command<Loaded>] {
        guard !fields.isEmpty else { return key == .escape ? [.pop] : [] }
        let field = focus, chosen = fields[focus].value
        let commands = handleKey(key, viewport: viewport, catalog: catalog)
        if fields.indices.contains(field), fields[field].value != chosen { follow(fields[field]) }
        return commands
    }

    /// A choice changed: the fields linked to it take the values that go with the new choice.
    private mutating func follow(_ choice: FormField) {
        guard case .choice = choice.kind else { return }
        for (key, choices) in choiceLinks[choice.key]?[choice.value] ?? [:] {
            if let index = fields.firstIndex(where: { $0.key == key }) { fields[index].offer(choices) }
        }
        guard let values = links[choice.key]?[choice.value] else { return }
        for index in fields.indices where fields[index].key != choice.key {
            if let value = values[fields[index].key] {
                fields[index].setValue(value)
                fields[index].original = value
                fields[index].error = nil
            }
        }
    }

    private mutating func handleKey(_ key: Key, viewport: Viewport, catalog: Catalog) -> [Command<Loaded>] {
        // Up and down move within a multi-line field before they move between fields.
        if key == .up || key == .down, fields[focus].isMultiline {
            let width = inputWidth(viewport)
            if fields[focus].editText({ $0.moveLine(key == .up ? -1 : 1, width: width) }) == true { return [] }
        }
        if let action = keys.action(for: key) {
            switch action {
            case .save:
                fields[focus].closeSearch()
                return save(catalog: catalog)
            case .next:
                fields[focus].closeSearch()
                focus = (focus + 1) % fields.count
            case .previous:
                fields[focus].closeSearch()
                focus = (focus + fields.count - 1) % fields.count
            case .back: return isDirty ? [.confirm(.unsavedChanges)] : leave()
            case .takeTheirs: takeTheirs()
            case .nextChoice: cycle(by: 1)
            case .previousChoice: cycle(by: -1)
            case .nextMatch: fields[focus].moveMatch(by: 1)
            case .previousMatch: fields[focus].moveMatch(by: -1)
            case .eraseSearch: fields[focus].eraseSearch()
            case .closeSearch: fields[focus].closeSearch()
            }
            return []
        }
        switch fields[focus].kind {
        case .text:
            switch fields[focus].editText({ $0.handle(key) }) {
            case .edited?:
                fields[focus].error = nil
            case .refused?:
                return refuseTooLong(catalog)
            default:
                break
            }
        case .choice:
            // In a picker every letter, digit or space typed (a space once a search is open) finds.
            if case .character(let letter) = key { fields[focus].find(letter) }
        }
        return []
    }

    /// The next or previous choice of the focused field, round.
    private mutating func cycle(by delta: Int) {
        guard case .choice(let choices, let index) = fields[focus].kind, !choices.isEmpty else { return }
        fields[focus].kind = .choice(choices, (index + delta + choices.count) % choices.count)
    }

    /// Typed or pasted text into the focused field, in one step; a choice takes it key by key.
    mutating func insert(_ text: String, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        guard !fields.isEmpty, case .text = fields[focus].kind else {
            return text.flatMap { handle(.character($0), viewport: env.viewport, catalog: env.catalog) }
        }
        if fields[focus].editText({ $0.insert(contentsOf: text) }) == true {
            if !text.isEmpty { fields[focus].error = nil }
            return []
        }
        return refuseTooLong(env.catalog)
    }

    /// The focused field is full: said beside it and on the status line, once.
    private mutating func refuseTooLong(_ catalog: Catalog) -> [Command<Loaded>] {
        guard fields[focus].error == nil, let field = Field(rawValue: fields[focus].key) else { return [] }
        let message = catalog.message(SIPError.tooLong(field: field, max: field.maxLength))
        fields[focus].error = message
        return [.status(message, isError: true)]
    }

    /// Asks the record form to save the values (it parses and validates them first).
    mutating func save(catalog: Catalog, outsideConsent: Bool = false, confirmed: Bool = false) -> [Command<Loaded>] {
        for index in fields.indices { fields[index].error = nil }
        if keepsDraft && !isDirty && conflict == nil {
            return [.status(catalog.ui(.nothingToSave), isError: false)]
        }
        // After a conflict the values are saved over what is in the database now.
        let record = record, values = values, plan = conflict?.theirs ?? plan
        let acknowledged = warnedValues == values
        return [
            .mutation { session in
                .submitted(
                    try record.submit(
                        values: values, plan: plan, acknowledged: acknowledged, outsideConsent: outsideConsent,
                        confirmed: confirmed, session))
            }
        ]
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
            let theirs = PlanEditForm.value(of: key, in: conflict.theirs)
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
        plan = conflict.theirs
        self.conflict = nil
    }

    // MARK: Drafts

    /// The draft field holding the plan version the draft was typed against.
    static let draftVersionKey = "__version"
    /// Draft fields holding each value as it was when the typing started.
    static let draftBasePrefix = "__base."

    /// A plan form's typing, with what it started from, so a later restore can merge three ways.
    public var unsavedWork: [UnsavedWork] {
        guard isDirty && keepsDraft else { return [] }
        var draft = values
        if let plan {
            // A form already in conflict keeps the version its typing started from.
            draft[Self.draftVersionKey] = String(conflict?.mine.version ?? plan.version)
            for field in fields { draft[Self.draftBasePrefix + field.key] = field.original }
        }
        return [.planDraft(planId: planId, fields: draft)]
    }

    /// Puts a kept draft back into the form. If the plan was saved by someone since the draft was
    /// typed, the form opens in conflict: their values beside the draft's, nothing overwritten.
    private mutating func restore(_ draft: FormDraft, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        var saved = draft.fields
        let baseVersion = saved.removeValue(forKey: Self.draftVersionKey).flatMap(Int.init)
        // Only what the user changed comes back; fields they did not touch show what is saved now.
        var typed: [String: String] = [:]
        for (key, value) in saved where !key.hasPrefix(Self.draftBasePrefix) {
            if saved[Self.draftBasePrefix + key] != value { typed[key] = value }
        }
        restore(typed)
        // A typed field remembers what it was typed over, so only real disagreements are marked.
        for key in typed.keys { if let base = saved[Self.draftBasePrefix + key] { setOriginal(key, base) } }
        if let current = plan, let baseVersion, baseVersion != current.version {
            var base = current
            base.version = baseVersion
            receive(conflict: PlanConflict(mine: base, theirs: current))
        }
        let time = LocalTimeText.short(draft.savedAt, env.timeZone)
        return [.status("\(env.catalog.ui(.draftRestored)) \(time).", isError: false)]
    }

    // MARK: Rendering

    func labelWidth(_ viewport: Viewport) -> Int { min(26, max(10, viewport.width / 3)) }
    func inputWidth(_ viewport: Viewport) -> Int { max(4, viewport.width - labelWidth(viewport) - 2) }

    /// Rows each field takes: its input, plus a row for an error and up to two for their value.
    func rows(of field: FormField, width: Int, catalog: Catalog) -> Int {
        field.inputRows + matchRows(field) + errorLines(field, width: width).count
            + theirLines(field, width: width, catalog: catalog).count
    }

    /// The most matches an open search lists under its field at once (the list scrolls).
    static let shownMatches = 5

    /// Rows an open search's list of matches takes under the field: one says when nothing is found.
    func matchRows(_ field: FormField) -> Int {
        field.search == nil ? 0 : max(1, min(Self.shownMatches, field.matches.count))
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

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, catalog = env.catalog
        guard !fields.isEmpty else { return }
        var y = viewport.top
        var height = viewport.height
        if conflict != nil {
            for line in DisplayWidth.wrap(catalog.ui(.conflictBanner), width: viewport.width).prefix(2) {
                grid.put(line, row: y, column: 0, role: .warning)
                y += 1
                height -= 1
            }
        }
        for line in DisplayWidth.wrap(intro, width: viewport.width).prefix(3) where !intro.isEmpty {
            grid.put(line, row: y, column: 0, role: .label)
            y += 1
            height -= 1
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
                grid.put(
                    label, row: y + row, column: 0, maxWidth: labelWidth, role: field.error != nil ? .error : .label)
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
                    for r in 0..<field.inputRows
                    where first + r < layout.lines.count && row + r >= 0 && row + r < height {
                        let range = layout.lines[first + r]
                        grid.put(
                            String(input.characters[range]), row: y + row + r, column: x, maxWidth: inputWidth,
                            role: inputRole)
                    }
                    if focused {
                        cursor = Position(row: y + row + layout.cursorLine - first, column: x + layout.cursorColumn)
                    }
                } else {
                    // Scroll horizontally so the cursor stays inside the box.
                    let offset = max(0, layout.cursorColumn - inputWidth + 1)
                    var skipped = 0, startIndex = layout.lines[0].lowerBound
                    while startIndex < input.characters.count && skipped < offset {
                        skipped += DisplayWidth.of(input.characters[startIndex])
                        startIndex += 1
                    }
                    if row >= 0 {
                        // What can show, not the whole value: a huge one costs no more to draw.
                        let end = min(input.characters.count, startIndex + 4 * inputWidth + 64)
                        grid.put(
                            String(input.characters[startIndex..<end]), row: y + row, column: x,
                            maxWidth: inputWidth, role: inputRole)
                    }
                    if focused { cursor = Position(row: y + row, column: x + layout.cursorColumn - skipped) }
                }
            case .choice(let choices, let chosen):
                if let search = field.search {
                    // The search in the field, the cursor after it; its matches listed under it.
                    let shown = Self.tail(of: search, width: inputWidth - 1)
                    if row >= 0 { grid.put(shown, row: y + row, column: x, maxWidth: inputWidth, role: inputRole) }
                    if focused { cursor = Position(row: y + row, column: x + DisplayWidth.of(shown)) }
                    drawMatches(
                        of: index, into: &grid, top: y + row + 1, room: height - row - 1, column: 1,
                        width: viewport.width - 1, catalog: catalog)
                    break
                }
                var text = choices.isEmpty ? "" : "‹ " + choices[chosen].label + " ›"
                if focused && field.finds { text += "  (" + catalog.ui(.typeToFind) + ")" }
                if row >= 0 { grid.put(text, row: y + row, column: x, maxWidth: inputWidth, role: inputRole) }
                if focused { cursor = Position(row: y + row, column: x) }
            }
            var extra = row + field.inputRows + matchRows(field)
            for line in errorLines(field, width: inputWidth) {
                if extra >= 0 && extra < height {
                    grid.put(line, row: y + extra, column: x, maxWidth: inputWidth, role: .error)
                }
                extra += 1
            }
            for line in theirLines(field, width: inputWidth, catalog: catalog) {
                if extra >= 0 && extra < height {
                    grid.put(line, row: y + extra, column: x, maxWidth: inputWidth, role: .warning)
                }
                extra += 1
            }
        }
        grid.cursor = cursor
    }

    /// An open search's matches, each name with its principal and group beside it, the chosen one
    /// marked, in the `room` rows the form has left under the field (wider than the field: details are long).
    private mutating func drawMatches(
        of fieldIndex: Int, into grid: inout Grid, top: Int, room: Int, column: Int, width: Int, catalog: Catalog
    ) {
        let field = fields[fieldIndex]
        guard case .choice(let choices, let index) = field.kind, room > 0 else { return }
        if field.matches.isEmpty {
            let text = catalog.ui(.nothingFound) + " " + (choices.isEmpty ? "" : choices[index].label)
            grid.fill(row: top, column: column, count: width, role: .dim)
            grid.put(text, row: top, column: column + 1, maxWidth: width - 2, role: .dim)
            return
        }
        // Names in one column, as wide as the longest (at most three fifths of the row), details after it.
        let columns = width - 2
        let nameWidth = min(columns * 3 / 5, field.matches.map { DisplayWidth.of(choices[$0].label) }.max() ?? 0)
        var state = field.matchList
        ListView.draw(
            into: &grid, top: top, height: min(matchRows(field), room), column: column, width: width,
            count: field.matches.count, state: &state
        ) { grid, match, y, selected in
            if !selected { grid.fill(row: y, column: column, count: width, role: .normal) }
            let choice = choices[field.matches[match]]
            let detailRoom = columns - nameWidth - 2
            grid.put(
                choice.label, row: y, column: column + 1, maxWidth: choice.detail.isEmpty ? columns : nameWidth,
                role: selected ? .selected : .normal)
            if !choice.detail.isEmpty && detailRoom > 3 {
                grid.put(
                    choice.detail, row: y, column: column + 1 + nameWidth + 2, maxWidth: detailRoom,
                    role: selected ? .selected : .dim)
            }
        }
        // The list keeps where it scrolled to.
        fields[fieldIndex].matchList = state
    }

    /// The end of `text` that fits in `width` columns: a long search shows its last letters.
    static func tail(of text: String, width: Int) -> String {
        var shown: [Character] = [], used = 0
        for character in text.reversed() {
            used += DisplayWidth.of(character)
            if used > width { break }
            shown.append(character)
        }
        return String(shown.reversed())
    }
}
