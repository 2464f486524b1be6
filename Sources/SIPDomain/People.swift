import Foundation

/// Someone a plan or an intervention names: a user of this database, a contact person of the
/// register (with their function and deputy), or someone outside both, by the name written.
public enum PersonRef: Hashable, Sendable {
    case user(login: String)
    case contact(id: Int64)
    /// A name written for someone outside the register; "" is nobody.
    case outside(String)

    public static let nobody = PersonRef.outside("")

    /// From the three columns that store it: a user before a contact before the text.
    public init(login: String?, contactId: Int64?, text: String) {
        if let login {
            self = .user(login: login)
        } else if let contactId {
            self = .contact(id: contactId)
        } else {
            self = .outside(text)
        }
    }

    public var login: String? { if case .user(let login) = self { login } else { nil } }
    public var contactId: Int64? { if case .contact(let id) = self { id } else { nil } }
    /// The written name; empty for a user or a contact person (their name is the register's).
    public var text: String { if case .outside(let text) = self { text } else { "" } }
    public var isNobody: Bool { self == .nobody }

    /// How a picker names the choice: `user:LOGIN`, `contact:ID`; "" for someone outside.
    public var choiceId: String {
        switch self {
        case .user(let login): "user:" + login
        case .contact(let id): "contact:\(id)"
        case .outside: ""
        }
    }

    /// The person a picker's choice names, with `text` for someone outside the register (the
    /// empty choice). Nil for a choice that names no one this way.
    public init?(choiceId: String, text: String) {
        if choiceId.isEmpty {
            self = .outside(text)
        } else if choiceId.hasPrefix("user:"), choiceId.count > 5 {
            self = .user(login: String(choiceId.dropFirst(5)))
        } else if choiceId.hasPrefix("contact:"), let id = Int64(choiceId.dropFirst(8)) {
            self = .contact(id: id)
        } else {
            return nil
        }
    }

    /// As the audit line writes it: `user cora`, `contact 3`, or the quoted name.
    public var auditText: String {
        switch self {
        case .user(let login): "user \(login)"
        case .contact(let id): "contact \(id)"
        case .outside(let text): "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
    }
}

/// A person who may be chosen for a plan or an intervention: a user who is not retired, or a
/// contact person of the register who is not retired. Shown by name, with their function and
/// organisation beside it.
public struct PersonChoice: Equatable, Sendable {
    public var person: PersonRef
    public var name: String
    /// A contact person's function (kurator, rektor...); empty for a user.
    public var function: String
    /// A user's role (nil for a contact person).
    public var role: Role?
    /// Their organisation's name; empty when they have none.
    public var organisation: String
    /// Retired: offered only as the one already chosen.
    public var isRetired = false

    public init(
        person: PersonRef, name: String, function: String, role: Role? = nil, organisation: String,
        isRetired: Bool = false
    ) {
        self.isRetired = isRetired
        self.person = person
        self.name = name
        self.function = function
        self.role = role
        self.organisation = organisation
    }
}

/// How documents name people: by name, function and organisation, never by login.
public enum PersonName {
    /// A user's name for a document: their name, unless it is only their login (a user added by
    /// sign-in whose system gave no full name), which a document never shows.
    public static func ofUser(login: String, name: String) -> String {
        TextRules.clean(name, multiline: false) == login ? "" : name
    }

    /// "Name, function, organisation", leaving out what is empty.
    public static func joined(_ parts: [String]) -> String {
        parts.map { TextRules.clean($0, multiline: false) }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension Plan {
    /// SIP-samordnare: the user who coordinates the plan, or (a plan from before v15) a name.
    public var coordinator: PersonRef {
        PersonRef(login: coordinatorLogin, contactId: nil, text: outsideCoordinator)
    }

    /// huvudansvarig: a user, a contact person, or a name written for someone outside the register.
    public var lead: PersonRef {
        get { PersonRef(login: leadLogin, contactId: leadContactId, text: leadPerson) }
        set {
            leadLogin = newValue.login
            leadContactId = newValue.contactId
            leadPerson = newValue.text
        }
    }
}

extension Intervention {
    /// Who carries it out: a user, a contact person, or a name written for someone outside the register.
    public var responsible: PersonRef {
        get { PersonRef(login: personLogin, contactId: personContactId, text: person) }
        set {
            personLogin = newValue.login
            personContactId = newValue.contactId
            person = newValue.text
        }
    }
}
