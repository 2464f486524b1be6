import SIPDomain

extension Catalog {
    /// A plan: its detail screen's actions and the plan as text (`plan show`).
    public enum PlanText: CatalogText {
        case scheduleMeeting, showInvitation, exportPlan, copyGiven, closePlan, editPlanFields, closeKind
        case closeCompleted, closeRefused, closeOther, exportFormat, exportFile, exported, recipient, givenOn
        case addFamilyMember, inviteAgency, familyRole, guardian, relative, scheduled, changeAnswer, yes, no
        case overdue, none, planNumber, child, group, lead, nextDate, guardians, relatives, participants, meetings
        case deviations, history, legalPoints, legalNeeds, legalByPrincipal, legalByOthers, legalOverall, follow
        case childSex, birthDate, agenda, concerning, responseDue, kind, cancelledMeeting
        case changeMeeting, meetingChange, moveMeeting, callOffMeeting, meetingMoved, meetingCalledOff
        case noMeetingAhead

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var scheduleMeeting: Self { Self(.plan(.scheduleMeeting)) }
    public static var showInvitation: Self { Self(.plan(.showInvitation)) }
    public static var exportPlan: Self { Self(.plan(.exportPlan)) }
    public static var copyGiven: Self { Self(.plan(.copyGiven)) }
    public static var closePlan: Self { Self(.plan(.closePlan)) }
    public static var editPlanFields: Self { Self(.plan(.editPlanFields)) }
    public static var closeKind: Self { Self(.plan(.closeKind)) }
    public static var closeCompleted: Self { Self(.plan(.closeCompleted)) }
    public static var closeRefused: Self { Self(.plan(.closeRefused)) }
    public static var closeOther: Self { Self(.plan(.closeOther)) }
    public static var exportFormat: Self { Self(.plan(.exportFormat)) }
    public static var exportFile: Self { Self(.plan(.exportFile)) }
    public static var exported: Self { Self(.plan(.exported)) }
    public static var recipient: Self { Self(.plan(.recipient)) }
    public static var givenOn: Self { Self(.plan(.givenOn)) }
    public static var addFamilyMember: Self { Self(.plan(.addFamilyMember)) }
    public static var inviteAgency: Self { Self(.plan(.inviteAgency)) }
    public static var familyRole: Self { Self(.plan(.familyRole)) }
    public static var guardian: Self { Self(.plan(.guardian)) }
    public static var relative: Self { Self(.plan(.relative)) }
    public static var scheduled: Self { Self(.plan(.scheduled)) }
    public static var changeAnswer: Self { Self(.plan(.changeAnswer)) }
    public static var yes: Self { Self(.plan(.yes)) }
    public static var no: Self { Self(.plan(.no)) }
    public static var overdue: Self { Self(.plan(.overdue)) }
    public static var none: Self { Self(.plan(.none)) }
    public static var planNumber: Self { Self(.plan(.planNumber)) }
    public static var child: Self { Self(.plan(.child)) }
    public static var group: Self { Self(.plan(.group)) }
    public static var lead: Self { Self(.plan(.lead)) }
    public static var nextDate: Self { Self(.plan(.nextDate)) }
    public static var guardians: Self { Self(.plan(.guardians)) }
    public static var relatives: Self { Self(.plan(.relatives)) }
    public static var participants: Self { Self(.plan(.participants)) }
    public static var meetings: Self { Self(.plan(.meetings)) }
    /// Beside a meeting that was called off.
    public static var cancelledMeeting: Self { Self(.plan(.cancelledMeeting)) }
    /// The next meeting moved or called off, from the plan.
    public static var changeMeeting: Self { Self(.plan(.changeMeeting)) }
    public static var meetingChange: Self { Self(.plan(.meetingChange)) }
    public static var moveMeeting: Self { Self(.plan(.moveMeeting)) }
    public static var callOffMeeting: Self { Self(.plan(.callOffMeeting)) }
    public static var meetingMoved: Self { Self(.plan(.meetingMoved)) }
    public static var meetingCalledOff: Self { Self(.plan(.meetingCalledOff)) }
    public static var noMeetingAhead: Self { Self(.plan(.noMeetingAhead)) }
    public static var deviations: Self { Self(.plan(.deviations)) }
    public static var history: Self { Self(.plan(.history)) }
    public static var legalPoints: Self { Self(.plan(.legalPoints)) }
    public static var legalNeeds: Self { Self(.plan(.legalNeeds)) }
    public static var legalByPrincipal: Self { Self(.plan(.legalByPrincipal)) }
    public static var legalByOthers: Self { Self(.plan(.legalByOthers)) }
    public static var legalOverall: Self { Self(.plan(.legalOverall)) }
    public static var follow: Self { Self(.plan(.follow)) }
    public static var childSex: Self { Self(.plan(.childSex)) }
    public static var birthDate: Self { Self(.plan(.birthDate)) }
    public static var agenda: Self { Self(.plan(.agenda)) }
    public static var concerning: Self { Self(.plan(.concerning)) }
    public static var responseDue: Self { Self(.plan(.responseDue)) }
    public static var kind: Self { Self(.plan(.kind)) }
}
