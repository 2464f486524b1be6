import Foundation

/// Everything that can go wrong that a user must be told about. Messages live in `Catalog`.
public enum SIPError: Error, Equatable, Sendable {
    public enum Entity: String, Sendable, Codable {
        case plan, child, agency, busGroup, meeting, intervention, deviation, consent, familyMember, participant, user
        /// A request for a SIP (begäran).
        case request
    }

    // Input
    case required(field: Field)
    case tooLong(field: Field, max: Int)
    case invalidPersonalNumber(PersonalNumber.Problem)
    case invalidDate(String)
    case invalidValue(field: Field, value: String)
    case dateOrder(field: Field)
    case unknownStatus(String)
    case unknownGroup(String)

    // Rules
    case notFound(Entity, Int64)
    case conflict(PlanConflict)
    case transitionNotAllowed(from: PlanStatus, to: PlanStatus)
    case consentRequired
    /// A consent must name the organisations it covers: one naming none covers no one.
    case consentCoversNoOne
    /// Inviting this organisation (by name) shares the plan beyond every consent: asked first.
    case outsideConsent(String)
    /// A personal number the user may not use for a new plan. Says nothing about whether anyone
    /// holds it: a number of a child the user may not see reveals nothing about that child.
    case personalNumberUnavailable
    /// The child already has an open plan this user can see.
    case duplicateOpenPlan(Int64)
    /// The number belongs to a child this user can see, recorded under another name.
    case personalNumberOtherName
    /// A corrected personal number another child holds: refused with one neutral line, whether or
    /// not the user may see that child.
    case personalNumberInUse
    /// A family member who gave a consent cannot be removed: the consent is the plan's history.
    case familyMemberHasConsent
    /// Nothing to hand over: no open plan (or not the plan given) is coordinated by this login.
    case nothingToHandOver(String)
    case closingReasonRequired
    /// Overall responsibility (huvudansvar) offered to an organisation whose principal is neither a
    /// kommun nor a region: only they carry the SIP duty (SoL 2 kap 7 §, HSL 16 kap 4 §).
    case leadNotPrincipal(agency: String, principal: PrincipalType)
    /// Goals are assessed at a follow-up meeting, not at the first.
    case assessmentNeedsFollowUp
    /// A text every reader of a report sees (a group's annual note) holds something shaped like a
    /// personnummer or samordningsnummer: refused, nothing saved.
    case identityInSharedText
    case databaseNotEmpty
    case meetingAlreadyHeld
    /// A closed plan takes no new meeting and no kallelse; it can be reopened with a reason.
    case planClosed(Int64)
    /// Only a closed plan can be reopened.
    case planNotClosed(Int64)
    /// The meeting was called off: it is not moved, answered or invited to again.
    case meetingCancelled(Int64)
    /// No invited organisation has a contact with an e-mail address to send the kallelse to.
    case noMailRecipients
    /// An e-mail address that cannot be used as one (no @, spaces, control characters).
    case invalidEmail(String)
    case alreadyRegistered(Int64)
    /// Someone else changed the record since it was opened; nothing was written.
    case changedElsewhere(Entity)
    /// The plan was purged (gallrad): only de-identified figures remain.
    case planPurged(Int64)
    /// A request already answered (accepted or declined) cannot be answered again.
    case requestAnswered(Int64)
    /// Only a user who works for an organisation can register a request (it is that organisation's).
    case requestNeedsOrganisation

    // Users and roles
    /// The OS user is not a user of this database.
    case unknownUser(String)
    case userExists(String)
    /// The user was retired: they cannot take over a plan or be chosen, and are not retired twice.
    case userRetired(String)
    /// A person (a user or a contact person, by name) who has been retired cannot be chosen.
    case personRetired(String)
    /// A retired user tried to sign in.
    case retiredCannotSignIn(String)
    case notPermitted(Role)
    /// A coordinator asked for a plan their organisation takes no part in.
    case planNotPermitted(Int64)
    case lastAdministrator
    /// Several organisations have this name: give the number.
    case ambiguousAgency(String, [Int64])

    // The register
    case register(RegisterProblem)
    /// An import with these problems: nothing was written.
    case registerInvalid([RegisterIssue])

    // Storage
    case directoryMissing(String)
    case directoryNotWritable(String)
    case cannotOpen(String)
    case notADatabase(String)
    case corrupt(String)
    case readOnly(String)
    case locked(String)
    case newerVersion(String)
    case permissionsTooOpen(path: String, mode: String)
    /// A database file (or its -wal, -shm or -journal) belongs to another user, who may have planted
    /// it: it is never opened or written.
    case notOwned(path: String, owner: String)
    /// The path names a symlink, FIFO, device, socket or directory rather than a plain file.
    case notAPlainFile(path: String, kind: FileKind)
    /// `--shared-group` names no group of this system.
    case unknownSystemGroup(String)
    /// The files could not be given to the shared group (the user is not a member).
    case cannotShare(path: String, group: String)
    /// Shared mode (the program setgid to a service group): a file or directory of the installation is
    /// not as it must be (`expected`, e.g. "root:sip 2770"), or the configuration is missing or not root's.
    case sharedSetupUnsafe(path: String, expected: String, found: String)
    /// What this command does is not available in shared mode (the benchmark opens any path).
    case notInSharedMode
    case integrityFailed(String)
    case foreignKeyViolations(Int)
    /// The review's tallies differ from a fresh count of the rows (`sip-tui check --repair` recounts).
    case reviewTalliesStale(Int)
    /// The audit log's hash chain breaks at this row: it, or a row before it, was changed,
    /// inserted or removed behind the program's back.
    case auditChainBroken(row: Int64)
    case storage(String)
}

/// What a database path names when it is not a plain file.
public enum FileKind: String, Sendable, CaseIterable {
    case symlink, fifo, device, socket, directory, other
}

/// A save that lost a race: the plan changed under the editor. Both sides are kept for the user.
public struct PlanConflict: Equatable, Sendable {
    /// What this session tried to save.
    public let mine: Plan
    /// What is in the database now.
    public let theirs: Plan

    public init(mine: Plan, theirs: Plan) {
        self.mine = mine
        self.theirs = theirs
    }

    /// Fields whose values differ between the two, by the Field that names them.
    public var differingFields: [Field] {
        Plan.editableFields.filter { mine.text(of: $0) != theirs.text(of: $0) }
    }
}

extension SIPError {
    /// The input field an error is about, where there is one: forms put the message beside it.
    public var field: Field? {
        switch self {
        case .required(let field), .tooLong(let field, _), .invalidValue(let field, _), .dateOrder(let field):
            return field
        case .invalidPersonalNumber: return .personalNumber
        case .unknownGroup, .register(.retiredGroup): return .groupName
        case .leadNotPrincipal: return .leadAgency
        default: return nil
        }
    }
}
