import SIPModel
import SIPWidgets

/// One field of a form: text (single or multi-line) or a choice among named options.
public struct FormField: Equatable, Sendable {
    public struct Choice: Equatable, Sendable {
        public var id: String
        public var label: String
        /// Shown beside the label in a picker's list of matches: an organisation's principal and group.
        public var detail: String
        public init(id: String, label: String, detail: String = "") {
            self.id = id
            self.label = label
            self.detail = detail
        }
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
    /// A picker, a choice among many (organisations, people, groups): typing finds among its choices.
    /// Other choices (a status, a sex) only cycle.
    public let finds: Bool
    /// What has been typed to find a choice; nil when no search is open.
    public private(set) var search: String?
    /// The choices the search finds (indices into the choices), and where the selection is among them.
    public private(set) var matches: [Int] = []
    var matchList = ListState()

    public init(key: String, label: String, text: String, multiline: Bool = false) {
        self.key = key
        self.label = label
        // A field's limit from the domain: typing or pasting beyond it is refused as it happens.
        kind = .text(TextInput(text, multiline: multiline, limit: Field(rawValue: key)?.maxLength))
        original = text
        finds = false
    }

    /// Changes the text input in place: moved out first, so its buffer is not shared (and copied
    /// whole) while one key changes it.
    mutating func editText<R>(_ body: (inout TextInput) -> R) -> R? {
        guard case .text(var input) = kind else { return nil }
        kind = .choice([], 0)
        defer { kind = .text(input) }
        return body(&input)
    }

    public init(key: String, label: String, choices: [Choice], selected: String, finds: Bool = false) {
        self.key = key
        self.label = label
        kind = .choice(choices, choices.firstIndex { $0.id == selected } ?? 0)
        original = choices.first { $0.id == selected }?.id ?? choices.first?.id ?? ""
        self.finds = finds
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
            closeSearch()
        }
    }

    /// Other choices to offer (they followed another field's choice): the first is chosen, and is
    /// where the field starts from.
    mutating func offer(_ choices: [Choice]) {
        guard case .choice = kind else { return }
        kind = .choice(choices, 0)
        original = choices.first?.id ?? ""
        closeSearch()
    }

    // MARK: Finding (pickers)

    /// A letter typed into a picker: the search grows, and its first match is chosen.
    mutating func find(_ letter: Character) {
        guard finds, case .choice = kind else { return }
        research((search ?? "") + String(letter), keepChoice: false)
    }

    /// Backspace in a search: one letter less; the choice stays if it is still found. The last
    /// letter erased closes the search.
    mutating func eraseSearch() {
        guard var text = search else { return }
        text.removeLast()
        if text.isEmpty { closeSearch() } else { research(text, keepChoice: true) }
    }

    /// Ends the search; what was chosen stays chosen.
    mutating func closeSearch() {
        search = nil
        matches = []
        matchList = ListState()
    }

    /// Moves the choice among the matches (not past the first or the last).
    mutating func moveMatch(by delta: Int) {
        guard case .choice(let choices, _) = kind, !matches.isEmpty else { return }
        matchList.move(by: delta, count: matches.count)
        kind = .choice(choices, matches[matchList.selected])
    }

    private mutating func research(_ text: String, keepChoice: Bool) {
        guard case .choice(let choices, let index) = kind else { return }
        search = text
        let match = TextMatch(text)
        matches = choices.indices.filter { match.finds(choices[$0].label) }
        let position = keepChoice ? matches.firstIndex(of: index) ?? 0 : 0
        matchList = ListState(selected: position)
        // No match: the choice stays what it was (the list says so); the value is always a real choice.
        if !matches.isEmpty { kind = .choice(choices, matches[position]) }
    }

    func displayValue(_ id: String) -> String {
        if case .choice(let choices, _) = kind { return choices.first { $0.id == id }?.label ?? id }
        return id
    }
}
