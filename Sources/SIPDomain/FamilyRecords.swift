import Foundation

// The child and the family at the centre (issue 17): goals as items with their assessments at each
// follow-up, the child's participation per meeting, languages and interpreters, needs nobody has
// taken on, and the discharge plan (utskrivning, lag 2017:612).

/// Whose goal it is, and over what time: the child's own goal, a long-term or a short-term goal.
public enum GoalKind: String, Codable, Sendable, CaseIterable {
    /// Barnets eget mål, in the child's words.
    case child
    /// Långsiktigt mål.
    case long
    /// Kortsiktigt mål.
    case short
}

/// How far a goal was reached, as assessed at a follow-up.
public enum GoalOutcome: String, Codable, Sendable, CaseIterable {
    case achieved
    case partly
    case notAchieved = "not_achieved"
    /// No longer relevant (inte längre aktuellt).
    case notRelevant = "not_relevant"
}

/// Who gave an assessment: the professionals at the table, or the child and the family ("what do
/// you think?"), kept apart.
public enum AssessedBy: String, Codable, Sendable, CaseIterable {
    case professionals
    case family
}

/// A goal of the plan (mål): what is to be reached, who works towards it, which interventions serve it.
public struct Goal: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var kind: GoalKind
    public var text: String
    /// Who works towards it: people or organisations, in words.
    public var worksTowards: String
    public var position: Int
    public var createdAt: Date

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, kind: GoalKind, text: String, worksTowards: String, position: Int,
        createdAt: Date
    ) {
        self.id = id
        self.planId = planId
        self.kind = kind
        self.text = text
        self.worksTowards = worksTowards
        self.position = position
        self.createdAt = createdAt
    }

    public enum Columns: String, Sendable {
        case id, planId, kind, text, worksTowards, position, createdAt
    }
}

/// One assessment of one goal at one (follow-up) meeting, by the professionals or by the family.
public struct GoalAssessment: Codable, Equatable, Sendable {
    public var id: Int64?
    public var goalId: Int64
    public var meetingId: Int64
    public var by: AssessedBy
    public var outcome: GoalOutcome
    public var comment: String
    public var recordedAt: Date
    public var recordedBy: String

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, goalId: Int64, meetingId: Int64, by: AssessedBy, outcome: GoalOutcome, comment: String,
        recordedAt: Date, recordedBy: String
    ) {
        self.id = id
        self.goalId = goalId
        self.meetingId = meetingId
        self.by = by
        self.outcome = outcome
        self.comment = comment
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    public enum Columns: String, Sendable {
        case id, goalId, meetingId, by, outcome, comment, recordedAt, recordedBy
    }
}

/// How the child took part in one meeting: present, heard beforehand, represented by whom, in which
/// ways; and the child's own words, kept apart from the professionals' notes.
public struct ChildParticipation: Codable, Equatable, Sendable {
    public var meetingId: Int64
    public var present: Bool
    public var heardBefore: Bool
    /// Who spoke for the child when the child was not there ("" when nobody).
    public var representedBy: String
    public var byConversation: Bool
    public var byDrawing: Bool
    public var byWrittenAnswer: Bool
    /// The child's own words.
    public var childWords: String

    public init(
        meetingId: Int64, present: Bool = false, heardBefore: Bool = false, representedBy: String = "",
        byConversation: Bool = false, byDrawing: Bool = false, byWrittenAnswer: Bool = false, childWords: String = ""
    ) {
        self.meetingId = meetingId
        self.present = present
        self.heardBefore = heardBefore
        self.representedBy = representedBy
        self.byConversation = byConversation
        self.byDrawing = byDrawing
        self.byWrittenAnswer = byWrittenAnswer
        self.childWords = childWords
    }

    /// Nothing recorded: the child's part in the meeting is unknown.
    public var isEmpty: Bool {
        !present && !heardBefore && representedBy.isEmpty && !byConversation && !byDrawing && !byWrittenAnswer
            && childWords.isEmpty
    }

    public enum Columns: String, Sendable {
        case meetingId, present, heardBefore, representedBy, byConversation, byDrawing, byWrittenAnswer, childWords
    }
}

/// A need the meeting identified (behov). Until an organisation has taken it on, it is a need
/// nobody is responsible for: shown on the plan and counted in the review.
public struct Need: Codable, Equatable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var meetingId: Int64?
    public var what: String
    /// The organisation that took it on; nil: nobody has.
    public var agencyId: Int64?
    public var recordedOn: Day

    /// Every stored value, in declaration order (the store builds records from its rows).
    package init(
        id: Int64? = nil, planId: Int64, meetingId: Int64? = nil, what: String, agencyId: Int64? = nil,
        recordedOn: Day
    ) {
        self.id = id
        self.planId = planId
        self.meetingId = meetingId
        self.what = what
        self.agencyId = agencyId
        self.recordedOn = recordedOn
    }

    public enum Columns: String, Sendable {
        case id, planId, meetingId, what, agencyId, recordedOn
    }
}

/// What kind of plan: an ordinary SIP, or one made for a discharge from in-patient care
/// (utskrivning, lag 2017:612), whose first meeting is due within a local number of days of the
/// notification.
public enum PlanKind: String, Codable, Sendable, CaseIterable {
    case standard
    case discharge
}

extension PrincipalType {
    /// Only a principal with the SIP duty (a kommun or a region) may hold overall responsibility.
    public var mayHoldOverallResponsibility: Bool { isMunicipalityOrRegion }
}
