/// Every audited act the program performs, with the record it concerns. The store authorizes an act
/// with an exhaustive switch, so a new act cannot be added without deciding who may do it; the
/// audit log stores `entity` and `auditAction`, which must never change for an existing act (old
/// trails are read with the same words).
public enum Act: Sendable, Equatable {
    // Users (no entity id: the login is in the detail)
    /// The first user of a new database becomes its administrator.
    case firstAdministrator
    case addUser
    case setRole
    /// A user retired (left): they cannot sign in, their history stays (the detail: login and reason).
    case retireUser

    // Database-wide (logged against `plan` without an id, as they always were)
    case setting
    case demo
    /// Logged after a restore that was authorized beforehand.
    case restore
    /// A copy of the whole database was written (`sip-tui backup`).
    case backup

    // Plans
    case createPlan(Int64)
    /// A change of the plan's fields: an edit, an undo, the follow-up date a held meeting proposes.
    case updatePlan(Int64)
    case changeStatus(plan: Int64)
    /// Reading a plan's personal details.
    case viewPlan(Int64)
    /// Reading a plan to carry it out of the program: a document (text, Markdown, HTML) or the
    /// invitation (text, iCalendar), to a file or standard output. One line, in place of the view.
    case exportPlan(Int64)
    case giveCopy(plan: Int64)
    case purgePlan(Int64)
    /// Retention of a declined request: the child's and the asker's details and its free text go.
    case purgeRequest(Int64)
    /// The plan moved from one coordinator to another (the detail: `from -> to`, logins).
    case handOver(plan: Int64)
    /// Corrections of a plan's records, logged against the plan they were made from (a removed
    /// record has no row left to find its plan by): the detail names the record, the fields
    /// changed with their values before and after, and the reason.
    case correctChild(plan: Int64)
    case editFamilyMember(plan: Int64)
    case removeFamilyMember(plan: Int64)
    case editParticipant(plan: Int64)
    case removeParticipant(plan: Int64)

    // A plan's records
    case createChild(Int64)
    case addFamilyMember(Int64)
    case addParticipant(Int64)
    case answerInvitation(participant: Int64)
    case addConsent(Int64)
    case withdrawConsent(Int64)
    /// A maturity assessment that lets a younger child's own consent count.
    case assessMaturity(plan: Int64)
    /// Protected identity (skyddade personuppgifter) marked or cleared on a child or family member.
    case protectChild(Int64)
    case protectFamilyMember(Int64)
    case scheduleMeeting(Int64)
    case recordAttendance(meeting: Int64)
    case saveAgendaNotes(meeting: Int64)
    case holdMeeting(Int64)
    case addIntervention(Int64)
    case updateIntervention(Int64)
    /// The child and the family (issue 17): a goal added or changed, a goal assessed at a meeting,
    /// the child's participation in a meeting, a need recorded or taken on, a family member's
    /// language, an interpreter booked for a meeting, the plan made a discharge plan.
    case editGoal(plan: Int64)
    case assessGoal(meeting: Int64)
    case recordParticipation(meeting: Int64)
    case recordNeed(plan: Int64)
    case setLanguage(plan: Int64)
    case bookInterpreter(meeting: Int64)
    case setPlanKind(plan: Int64)

    // Reference data
    case addAgency(Int64)
    case addContact(agency: Int64)
    case addBusGroup(Int64)
    case recordSelfAssessment(group: Int64)
    /// A group's own words on what it did in a year, for its annual report (the detail: the year).
    case writeAnnualNote(group: Int64)
    /// The register (administrators): an organisation's, contact's or group's details changed, or
    /// the record retired (it keeps its history and is offered to no one).
    case editAgency(Int64)
    case retireAgency(Int64)
    case editContact(agency: Int64)
    case retireContact(agency: Int64)
    case editBusGroup(Int64)
    case retireBusGroup(Int64)

    // Deviations
    case registerDeviation(Int64)
    case changeDeviationStatus(Int64, to: DeviationStatus)
    case escalateDeviation(Int64, to: Escalation)
    case answerDeviation(Int64)

    // Requests for a SIP between organisations (begäran om SIP)
    /// A request registered, addressed to an organisation.
    case registerRequest(Int64)
    /// Accepted by a coordinator of the organisation asked: it became a plan (the detail names it).
    case acceptRequest(Int64)
    /// Declined, with the reason the requester sees.
    case declineRequest(Int64)
    // Invitations that are sent (kallelse by e-mail), reminders, the plan's life cycle
    /// A meeting's kallelse sent (or its cancellation): the detail says which SEQUENCE, to how many.
    case sendKallelse(meeting: Int64)
    /// A meeting moved (time, length, place or link): its kallelse gets a higher SEQUENCE.
    case rescheduleMeeting(Int64)
    /// A meeting called off: its kallelse goes out again as a cancellation.
    case cancelMeeting(Int64)
    /// A closed plan opened again, with a reason.
    case reopenPlan(Int64)
    /// The daily reminders (`sip-tui remind`): the detail says how many digests went out.
    case remind
    /// A user's e-mail address for the reminders' digest.
    case setUserEmail

    // Refusals
    /// An attempt the user's role refused, logged after the refused transaction rolled back: the
    /// refused act's action word, against its plan where it has one (a refused record was never made).
    case refused(entity: SIPError.Entity, id: Int64?, action: String)

    /// The kind of record the audit line is about.
    public var entity: SIPError.Entity {
        switch self {
        case .firstAdministrator, .addUser, .setRole, .retireUser, .setUserEmail: .user
        case .remind, .reopenPlan: .plan
        case .sendKallelse, .rescheduleMeeting, .cancelMeeting: .meeting
        case .setting, .demo, .restore, .backup, .createPlan, .updatePlan, .changeStatus, .viewPlan, .exportPlan,
            .giveCopy, .purgePlan, .assessMaturity, .handOver, .correctChild, .editFamilyMember, .removeFamilyMember,
            .editParticipant, .removeParticipant, .editGoal, .recordNeed, .setLanguage, .setPlanKind:
            .plan
        case .createChild, .protectChild: .child
        case .addFamilyMember, .protectFamilyMember: .familyMember
        case .addParticipant, .answerInvitation: .participant
        case .addConsent, .withdrawConsent: .consent
        case .scheduleMeeting, .recordAttendance, .saveAgendaNotes, .holdMeeting, .assessGoal, .recordParticipation,
            .bookInterpreter:
            .meeting
        case .addIntervention, .updateIntervention: .intervention
        case .addAgency, .addContact, .editAgency, .retireAgency, .editContact, .retireContact: .agency
        case .addBusGroup, .recordSelfAssessment, .editBusGroup, .retireBusGroup, .writeAnnualNote: .busGroup
        case .registerDeviation, .changeDeviationStatus, .escalateDeviation, .answerDeviation: .deviation
        case .registerRequest, .acceptRequest, .declineRequest, .purgeRequest: .request
        case .refused(let entity, _, _): entity
        }
    }

    /// The id of the record the audit line is about; nil for users and database-wide acts.
    public var entityId: Int64? {
        switch self {
        case .firstAdministrator, .addUser, .setRole, .retireUser, .setting, .demo, .restore, .backup, .remind,
            .setUserEmail:
            nil
        case .sendKallelse(let id), .rescheduleMeeting(let id), .cancelMeeting(let id), .reopenPlan(let id):
            id
        case .refused(_, let id, _):
            id
        case .createPlan(let id), .updatePlan(let id), .changeStatus(let id), .viewPlan(let id), .exportPlan(let id),
            .giveCopy(let id),
            .purgePlan(let id), .createChild(let id), .addFamilyMember(let id), .addParticipant(let id),
            .answerInvitation(let id), .addConsent(let id), .withdrawConsent(let id), .scheduleMeeting(let id),
            .recordAttendance(let id), .saveAgendaNotes(let id), .holdMeeting(let id), .addIntervention(let id),
            .updateIntervention(let id), .addAgency(let id), .addContact(let id), .addBusGroup(let id),
            .recordSelfAssessment(let id), .registerDeviation(let id), .changeDeviationStatus(let id, _),
            .escalateDeviation(let id, _), .answerDeviation(let id), .assessMaturity(let id), .protectChild(let id),
            .protectFamilyMember(let id), .handOver(let id), .correctChild(let id), .editFamilyMember(let id),
            .removeFamilyMember(let id), .editParticipant(let id), .removeParticipant(let id), .editAgency(let id),
            .retireAgency(let id), .editContact(let id), .retireContact(let id), .editBusGroup(let id),
            .retireBusGroup(let id), .registerRequest(let id), .acceptRequest(let id), .declineRequest(let id),
            .purgeRequest(let id), .editGoal(let id), .assessGoal(let id), .recordParticipation(let id),
            .recordNeed(let id), .setLanguage(let id), .bookInterpreter(let id), .setPlanKind(let id),
            .writeAnnualNote(let id):
            id
        }
    }

    /// The action word the audit log stores (and `sip-tui audit` shows). A deviation's change is
    /// also the `what` of its history line.
    public var auditAction: String {
        switch self {
        case .firstAdministrator: "first-administrator"
        case .addUser: "add"
        case .setRole: "set-role"
        case .setting: "setting"
        case .demo: "demo"
        case .restore: "restore"
        case .backup: "backup"
        case .createPlan, .createChild, .addFamilyMember, .addParticipant, .addConsent, .scheduleMeeting,
            .addIntervention, .addAgency, .addBusGroup, .registerDeviation, .registerRequest:
            "create"
        case .updatePlan, .updateIntervention, .editAgency, .editBusGroup: "update"
        case .retireAgency, .retireBusGroup, .retireUser: "retire"
        case .editContact: "contact update"
        case .retireContact: "contact retire"
        case .changeStatus: "status"
        case .viewPlan: "view"
        case .exportPlan: "export"
        case .giveCopy: "copy"
        case .purgePlan, .purgeRequest: "purge"
        case .answerInvitation: "answer"
        case .withdrawConsent: "withdraw"
        case .recordAttendance: "attendance"
        case .saveAgendaNotes: "notes"
        case .holdMeeting: "held"
        case .addContact: "contact"
        case .recordSelfAssessment: "self-assessment"
        case .writeAnnualNote: "annual note"
        case .changeDeviationStatus(_, let status): "status \(status.rawValue)"
        case .escalateDeviation(_, let level): "escalation \(level.rawValue)"
        case .answerDeviation: "answer"
        case .refused(_, _, let action): "refused \(action)"
        case .assessMaturity: "maturity"
        case .protectChild, .protectFamilyMember: "protected identity"
        case .handOver: "hand-over"
        case .correctChild: "correct child"
        case .editFamilyMember: "edit family member"
        case .removeFamilyMember: "remove family member"
        case .editParticipant: "edit participant"
        case .removeParticipant: "remove participant"
        case .acceptRequest: "accept"
        case .declineRequest: "decline"
        case .sendKallelse: "kallelse"
        case .rescheduleMeeting: "reschedule"
        case .cancelMeeting: "cancel"
        case .reopenPlan: "reopen"
        case .remind: "remind"
        case .setUserEmail: "set-email"
        case .editGoal: "goal"
        case .assessGoal: "goal assessment"
        case .recordParticipation: "child participation"
        case .recordNeed: "need"
        case .setLanguage: "language"
        case .bookInterpreter: "interpreter"
        case .setPlanKind: "plan kind"
        }
    }
}
