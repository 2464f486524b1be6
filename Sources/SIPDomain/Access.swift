import Foundation

/// What a user may do. One role per user.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// SIP-samordnare: sees and edits the plans their organisation takes part in.
    case coordinator
    /// BUS-ordförande: the group's de-identified review and its deviation register.
    case busChair = "bus_chair"
    /// Manages users and reference data (deadlines); backups, restore, purge, the audit trail.
    case administrator

    /// Accepts the English and Swedish names users type.
    public init?(userText: String) {
        switch userText.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "coordinator", "samordnare": self = .coordinator
        case "bus-chair", "chair", "ordförande", "bus-ordförande": self = .busChair
        case "administrator", "admin", "administratör": self = .administrator
        default: return nil
        }
    }

    /// The name `user` commands take.
    public var argument: String { self == .busChair ? "bus-chair" : rawValue }
}

/// A person allowed to use this database: the OS user name is the identity.
public struct AppUser: Codable, Equatable, Sendable {
    /// The OS user name (login).
    public var login: String
    public var name: String
    public var role: Role
    /// The organisation the user works for: a coordinator sees the plans it takes part in.
    public var agencyId: Int64?
    /// The BUS group a chair chairs; nil for a chair of the county-wide group (every group).
    public var busGroupId: Int64?
    /// A coordinator of every plan (a central SIP team; the demo's user), or a chair of every group
    /// (the county level).
    public var allPlans: Bool
    public var addedAt: Date
    public var addedBy: String
    /// The day the user was retired (left): they cannot sign in and are offered in no picker, and
    /// keep their history (audit lines, the plans they coordinated show their name).
    public var retiredOn: Day? = nil

    public var isRetired: Bool { retiredOn != nil }

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        login: String, name: String, role: Role, agencyId: Int64? = nil, busGroupId: Int64? = nil, allPlans: Bool,
        addedAt: Date, addedBy: String, retiredOn: Day? = nil
    ) {
        self.retiredOn = retiredOn
        self.login = login
        self.name = name
        self.role = role
        self.agencyId = agencyId
        self.busGroupId = busGroupId
        self.allPlans = allPlans
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// What the signed-in user may do, and which plans, deviations and groups they may see.
public struct Access: Sendable, Equatable {
    public enum Capability: Sendable, CaseIterable {
        /// Plans with their personal details: list, read, edit, meetings.
        case plans
        /// The deviation register (scoped), and registering a deviation.
        case deviations
        /// The BUS review, trends and self-assessment (de-identified).
        case review
        case users
        /// Reference data: local deadlines.
        case settings
        /// The audit trail, backup, restore, purge, demo data.
        case maintenance
    }

    public let login: String
    /// Nil for the owner of the database file who is not (yet) a user: they may manage users only.
    public let user: AppUser?
    /// Owns the database file: can read it anyway, so may always manage its users.
    public let isFileOwner: Bool
    /// A retired user, signed in only as the file's owner (to manage users).
    public let isRetired: Bool

    public init(login: String, user: AppUser?, isFileOwner: Bool, isRetired: Bool = false) {
        self.login = login
        self.user = user
        self.isFileOwner = isFileOwner
        self.isRetired = isRetired
    }

    public var role: Role? { user?.role }

    public func can(_ capability: Capability) -> Bool {
        switch (capability, role) {
        case (.plans, .coordinator?): return true
        case (.deviations, .coordinator?), (.deviations, .busChair?): return true
        case (.review, .busChair?): return true
        case (.users, .administrator?): return true
        case (.users, _): return isFileOwner
        case (.settings, .administrator?), (.maintenance, .administrator?): return true
        default: return false
        }
    }

    /// Throws the message the user should see when they may not do `capability`.
    public func require(_ capability: Capability) throws {
        guard !can(capability) else { return }
        guard let role else { throw isRetired ? SIPError.retiredCannotSignIn(login) : SIPError.unknownUser(login) }
        throw SIPError.notPermitted(role)
    }

    /// The BUS group a chair's views are locked to; nil means every group (a county-wide chair).
    public var reviewGroupId: Int64? { role == .busChair ? user?.busGroupId : nil }

    /// A chair with neither a group nor every group (an organisation's group removed since) sees none.
    package var chairSeesNothing: Bool { role == .busChair && user?.busGroupId == nil && user?.allPlans != true }
}

extension AppUser {
    public enum Columns: String, Sendable {
        case login, name, role, agencyId, busGroupId, allPlans, addedAt, addedBy, retiredOn
    }
}
