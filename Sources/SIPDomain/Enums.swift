/// The life of a plan. `allowedNext` is the one place the transition rules live.
public enum PlanStatus: String, Codable, Sendable, CaseIterable {
    /// utkast: request received, being prepared (förmöte).
    case draft
    /// kallad: the invitation (kallelse) has gone out.
    case invited
    /// aktiv: the plan is agreed and insatser are under way. Requires valid consent.
    case active
    /// uppföljning: the follow-up meeting is due.
    case followUpDue = "follow_up_due"
    /// avslutad: closed, always with a reason.
    case closed

    public var allowedNext: Set<PlanStatus> {
        switch self {
        case .draft: return [.invited, .closed]
        case .invited: return [.draft, .active, .closed]
        case .active: return [.followUpDue, .closed]
        case .followUpDue: return [.active, .closed]
        case .closed: return []
        }
    }

    /// Statuses in which the plan is open work.
    public var isOpen: Bool { self != .closed }

    /// Accepts the code (`follow_up_due`) and the Swedish word (`uppföljning`), any case.
    public init?(userText: String) {
        let t = userText.lowercased()
        if let s = PlanStatus(rawValue: t) {
            self = s
            return
        }
        switch t {
        case "utkast": self = .draft
        case "kallad", "kallade": self = .invited
        case "aktiv", "aktiva": self = .active
        case "uppföljning", "uppfoljning", "followup", "follow-up": self = .followUpDue
        case "avslutad", "avslutade": self = .closed
        default: return nil
        }
    }
}

/// Sex recorded for statistics only (kön).
public enum Sex: String, Codable, Sendable, CaseIterable {
    case girl = "flicka", boy = "pojke", other = "annat", unknown = "okant"
}

/// The kind of principal behind an organisation (huvudmannens typ).
public enum PrincipalType: String, Codable, Sendable, CaseIterable {
    case municipality = "kommun", region, privat, state = "stat", other = "annan"

    /// Municipality and region carry the SIP duty; everyone else's insatser are "measures by others".
    public var isMunicipalityOrRegion: Bool { self == .municipality || self == .region }
}

/// A child's relative: a legal guardian (vårdnadshavare) or another relative invited (närstående).
public enum FamilyRole: String, Codable, Sendable, CaseIterable {
    case guardian, relative
}

/// Who asked for the SIP.
public enum InitiatorKind: String, Codable, Sendable, CaseIterable {
    case guardian, child, agency
}

/// First meeting or follow-up (uppföljning).
public enum MeetingKind: String, Codable, Sendable, CaseIterable {
    case first, followUp = "follow_up"
}

/// How an invited party turned out at a meeting.
public enum AttendanceStatus: String, Codable, Sendable, CaseIterable {
    case present
    case absentWithNotice = "absent_with_notice"
    case absentWithoutNotice = "absent_without_notice"
    case declined

    /// Absences that are a reason for a BUS deviation.
    public var warrantsDeviation: Bool { self == .absentWithoutNotice || self == .declined }
}

/// kallelse goes to the principals (municipality, region); inbjudan to everyone else.
public enum InvitationKind: String, Codable, Sendable, CaseIterable {
    case summons = "kallelse", invitation = "inbjudan"
}

/// The state of an insats.
public enum InterventionStatus: String, Codable, Sendable, CaseIterable {
    case planned, ongoing, done
    case notDelivered = "not_delivered"

    /// Still owed: counts towards "overdue" once its due date has passed.
    public var isPending: Bool { self == .planned || self == .ongoing }
}

/// The state of a BUS deviation.
public enum DeviationStatus: String, Codable, Sendable, CaseIterable {
    case registered, sent, answered, closed

    /// registered -> sent -> answered -> closed; an answer may come before it was formally sent,
    /// and a deviation may be closed at any step.
    public var allowedNext: Set<DeviationStatus> {
        switch self {
        case .registered: return [.sent, .answered, .closed]
        case .sent: return [.answered, .closed]
        case .answered: return [.closed]
        case .closed: return []
        }
    }
}

/// How far a deviation has gone: the nearest managers (local), the local BUS group, and a copy
/// for information to the BUS secretariat and BUSSAM.
public enum Escalation: String, Codable, Sendable, CaseIterable {
    case local
    case busGroup = "bus_group"
    case bussam
}

/// Written or oral consent; oral consent is recorded by the one who received it.
public enum ConsentForm: String, Codable, Sendable, CaseIterable {
    case written, oral
}

/// What an invited party answered to the invitation.
public enum InvitationAnswer: String, Codable, Sendable, CaseIterable {
    case accepted, declined
    case noAnswer = "no_answer"
}

/// How a plan ended: its goals met, a request refused (with its documented reason), or otherwise.
public enum ClosedKind: String, Codable, Sendable, CaseIterable {
    case completed, refused, other
}
