import SIPModel
import SIPWidgets

/// One field of a form: text (single or multi-line) or a choice among named options.
public struct FormField: Equatable, Sendable {
    public struct Choice: Equatable, Sendable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
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

    public init(key: String, label: String, text: String, multiline: Bool = false) {
        self.key = key
        self.label = label
        // A field's limit from the domain: typing or pasting beyond it is refused as it happens.
        kind = .text(TextInput(text, multiline: multiline, limit: Field(rawValue: key)?.maxLength))
        original = text
    }

    /// Changes the text input in place: moved out first, so its buffer is not shared (and copied
    /// whole) while one key changes it.
    mutating func editText<R>(_ body: (inout TextInput) -> R) -> R? {
        guard case .text(var input) = kind else { return nil }
        kind = .choice([], 0)
        defer { kind = .text(input) }
        return body(&input)
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
