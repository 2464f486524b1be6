import Foundation
import SIPModel
import SIPWidgets

/// One record form, declared in one file: its typed field keys, the fields it shows, how its
/// values are parsed and saved, and where the model's refusals land. `FormScreen` does the rest
/// (typing, focus, drawing, drafts, conflicts, leaving).
public protocol RecordForm: Sendable {
    /// The form's fields. The raw value names the field in drafts.
    associatedtype Key: RawRepresentable & Sendable where Key.RawValue == String

    /// The plan the form belongs to (nil: none, or a plan not yet created).
    var planId: Int64? { get }
    /// A plan form: unsaved input is kept as a draft, and saving nothing changed is not a save.
    var keepsDraft: Bool { get }
    /// Reads what the form offers and starts from.
    func open(_ session: Session) throws -> FormContent
    /// Parses the values and saves them. Throws `FieldErrors` for values refused before saving.
    func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome
    /// The one mapping from a refusal of the model to the field it concerns (nil: no field).
    func key(for error: SIPError) -> Key?
}

extension RecordForm {
    public var planId: Int64? { nil }
    public var keepsDraft: Bool { false }
    public func key(for error: SIPError) -> Key? { error.field.flatMap { Key(rawValue: $0.rawValue) } }

    /// The same as `submit`, for a form held without its type.
    func submit(
        values: [String: String], plan: Plan?, acknowledged: Bool, outsideConsent: Bool = false,
        confirmed: Bool = false, _ session: Session
    ) throws -> FormOutcome {
        try submit(
            FormInput(
                values: values, plan: plan, today: session.today, catalog: session.catalog,
                acknowledged: acknowledged, outsideConsent: outsideConsent, confirmed: confirmed), session)
    }

    func fieldKey(for error: SIPError) -> String? { key(for: error)?.rawValue }

    /// A text field under its typed key.
    func text(_ key: Key, _ label: String, _ value: String = "", multiline: Bool = false) -> FormField {
        FormField(key: key.rawValue, label: label, text: value, multiline: multiline)
    }

    func choice(_ key: Key, _ label: String, _ choices: [FormField.Choice], selected: String) -> FormField {
        FormField(key: key.rawValue, label: label, choices: choices, selected: selected)
    }

    /// A choice among many (organisations, people, groups): typing finds among them.
    func picker(_ key: Key, _ label: String, _ choices: [FormField.Choice], selected: String) -> FormField {
        FormField(key: key.rawValue, label: label, choices: choices, selected: selected, finds: true)
    }

    /// Organisations to choose among, each with its principal and the BUS groups it serves beside its name.
    func agencyChoices(_ agencies: [Agency], _ session: Session) throws -> [FormField.Choice] {
        let c = session.catalog
        let groups = Dictionary(
            try session.store.busGroups().compactMap { group in group.id.map { ($0, group.name) } },
            uniquingKeysWith: { first, _ in first })
        let served = try session.store.agencyGroupIds()
        return agencies.map { agency in
            let principal = agency.principalName.isEmpty ? c.principalType(agency.principalType) : agency.principalName
            let ids = served[agency.id!] ?? []
            let group = ids.isEmpty ? c.ui(.servesAllGroups) : ids.compactMap { groups[$0] }.joined(separator: ", ")
            let detail = [principal, group].filter { !$0.isEmpty }.joined(separator: " · ")
            return FormField.Choice(id: String(agency.id!), label: agency.name, detail: detail)
        }
    }
}

extension RecordForm {
    /// People to choose among for a plan's lead person or an intervention's responsible person: the
    /// users and contact persons of the register who are not retired (and `current`, if they are),
    /// each with their function and organisation beside the name; first the choice of someone
    /// outside the register, whose name is written in the text field that follows.
    func personChoices(_ session: Session, current: PersonRef) throws -> [FormField.Choice] {
        let c = session.catalog
        let people = try session.store.personChoices(keeping: current).map { person in
            let function = person.role.map { c.role($0) } ?? person.function
            let detail = [function, person.organisation, person.isRetired ? c.ui(.retiredMark) : ""]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            return FormField.Choice(id: person.person.choiceId, label: person.name, detail: detail)
        }
        return [FormField.Choice(id: "", label: c.ui(.outsideRegister))] + people
    }

    /// The person a picker and the name field after it give: one of them, not both.
    func person<K>(_ input: FormInput<K>, choice: K, name: K) throws -> PersonRef {
        guard let person = PersonRef(choiceId: input[choice], text: input[name]) else { throw input.refuse(choice) }
        if !person.choiceId.isEmpty && !input.line(name).isEmpty {
            throw input.refuse(name, input.catalog.ui(.personOrName))
        }
        return person
    }

    /// Choosing a person from the register empties the name written for someone outside it.
    func clearingName(_ choices: [FormField.Choice], picker: Key, name: Key) -> [String: [String: [String: String]]] {
        [
            picker.rawValue: Dictionary(
                uniqueKeysWithValues: choices.filter { !$0.id.isEmpty }.map { ($0.id, [name.rawValue: ""]) })
        ]
    }
}

/// What a form shows when it opens.
public struct FormContent: Sendable {
    public var title: String
    public var fields: [FormField]
    /// An edit form: the plan as the typing starts from it.
    public var plan: Plan?
    /// The field the cursor starts in (nil: the first).
    public var focus: String?
    /// Values that follow a choice: for a choice field's key and each of its choices, the values
    /// the other fields take when it is chosen (the record a picker chose, to be edited).
    public var links: [String: [String: [String: String]]]
    /// Choices that follow a choice: for a choice field's key and each of its choices, the choices
    /// other choice fields offer when it is chosen (an organisation's contacts, for its deputy).
    public var choiceLinks: [String: [String: [String: [FormField.Choice]]]]
    /// Said above the fields (at most three lines): what the form's text is for and who reads it.
    public var intro = ""

    public init(
        title: String, fields: [FormField], plan: Plan? = nil, focus: String? = nil,
        links: [String: [String: [String: String]]] = [:],
        choiceLinks: [String: [String: [String: [FormField.Choice]]]] = [:]
    ) {
        self.title = title
        self.fields = fields
        self.plan = plan
        self.focus = focus
        self.links = links
        self.choiceLinks = choiceLinks
    }
}

/// What saving a form did.
public enum FormOutcome: Equatable, Sendable {
    /// Saved; the words that say so.
    case saved(String)
    /// A plan was created: it is opened.
    case created(planId: Int64)
}

/// Saving would remove a record: the user is asked first (the question names it), and the same
/// values are saved again once they answer yes (`FormInput.confirmed`).
public struct RemovalNeedsConfirmation: Error, Equatable {
    public var question: String
    public init(_ question: String) { self.question = question }
}

/// Values refused before anything was saved, each beside its field.
public struct FieldErrors: Error, Equatable {
    public var errors: [Entry]
    /// Warnings, not refusals: saving the same values again saves them.
    public var areWarnings = false

    public struct Entry: Equatable, Sendable {
        public var key: String
        public var message: String
    }

    public init(_ errors: [Entry], areWarnings: Bool = false) {
        self.errors = errors
        self.areWarnings = areWarnings
    }

    init(_ key: String, _ message: String) { errors = [Entry(key: key, message: message)] }
}

/// A form's values under its typed keys, with the parsing every form shares.
public struct FormInput<Key: RawRepresentable> where Key.RawValue == String {
    let values: [String: String]
    /// An edit form: the plan the values are saved over.
    public let plan: Plan?
    public let today: Day
    public let catalog: Catalog
    /// The user saved these values again after being warned about them.
    public var acknowledged = false
    /// The user answered yes to inviting an organisation that no consent covers.
    public var outsideConsent = false
    /// The user answered yes to removing the record the form names.
    public var confirmed = false

    public subscript(key: Key) -> String { values[key.rawValue] ?? "" }

    /// A typed-in text without control characters or surrounding space: a path, a number.
    public func line(_ key: Key) -> String { TextRules.clean(self[key], multiline: false) }

    public func id(_ key: Key) -> Int64? { Int64(self[key]) }

    /// Whether the form has the field at all (some fields are offered only at times).
    public func contains(_ key: Key) -> Bool { values[key.rawValue] != nil }

    /// A date field: an invalid date is refused beside the field; so is an empty one, if required.
    public func day(_ key: Key, required: Bool = true) throws -> Day? {
        do {
            let parsed = try Day.parseOptional(self[key])
            if parsed == nil && required {
                // The field says which field it is; a model field's name is also its message's.
                let message = Field(rawValue: key.rawValue).map { catalog.message(.required(field: $0)) }
                throw FieldErrors(key.rawValue, message ?? catalog.ui(.fieldRequired))
            }
            return parsed
        } catch let error as SIPError {
            throw FieldErrors(key.rawValue, catalog.message(error))
        }
    }

    /// A required date: refused beside the field when empty or invalid.
    public func requiredDay(_ key: Key) throws -> Day {
        guard let day = try day(key) else { throw FieldErrors(key.rawValue, catalog.ui(.fieldRequired)) }
        return day
    }

    /// A meeting's start from its date and time (HH:MM) fields, in `zone`, and its length in minutes
    /// (5 to 600): each refused beside its own field.
    public func meetingTime(date: Key, time: Key, duration: Key, in zone: TimeZone) throws -> (
        startsAt: Date, minutes: Int
    ) {
        let day = try requiredDay(date)
        let parts = self[time].split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { throw refuse(time) }
        guard let minutes = Int(self[duration]), (5...600).contains(minutes) else { throw refuse(duration) }
        return (day.date(hour: parts[0], minute: parts[1], in: zone), minutes)
    }

    /// Refuses the field's value, beside it.
    public func refuse(_ key: Key, _ message: String? = nil) -> FieldErrors {
        FieldErrors(key.rawValue, message ?? catalog.ui(.fieldInvalid))
    }
}
