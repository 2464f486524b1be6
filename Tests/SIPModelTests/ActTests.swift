import Testing

@testable import SIPDomain

@Suite("Audited acts")
struct ActTests {
    /// What the audit log held for each act before acts were typed: existing trails and
    /// `sip-tui audit` read these words, so a renamed case must not change them.
    static let logged: [(act: Act, entity: String, id: Int64?, action: String)] = [
        (.firstAdministrator, "user", nil, "first-administrator"),
        (.addUser, "user", nil, "add"),
        (.setRole, "user", nil, "set-role"),
        (.retireUser, "user", nil, "retire"),
        (.setting, "plan", nil, "setting"),
        (.demo, "plan", nil, "demo"),
        (.restore, "plan", nil, "restore"),
        (.backup, "plan", nil, "backup"),
        (.createPlan(1), "plan", 1, "create"),
        (.updatePlan(2), "plan", 2, "update"),
        (.changeStatus(plan: 3), "plan", 3, "status"),
        (.viewPlan(4), "plan", 4, "view"),
        (.giveCopy(plan: 5), "plan", 5, "copy"),
        (.purgePlan(6), "plan", 6, "purge"),
        (.purgeRequest(7), "request", 7, "purge"),
        (.createChild(7), "child", 7, "create"),
        (.addFamilyMember(8), "familyMember", 8, "create"),
        (.addParticipant(9), "participant", 9, "create"),
        (.answerInvitation(participant: 10), "participant", 10, "answer"),
        (.addConsent(11), "consent", 11, "create"),
        (.withdrawConsent(12), "consent", 12, "withdraw"),
        (.scheduleMeeting(13), "meeting", 13, "create"),
        (.recordAttendance(meeting: 14), "meeting", 14, "attendance"),
        (.saveAgendaNotes(meeting: 15), "meeting", 15, "notes"),
        (.holdMeeting(16), "meeting", 16, "held"),
        (.addIntervention(17), "intervention", 17, "create"),
        (.updateIntervention(18), "intervention", 18, "update"),
        (.addAgency(19), "agency", 19, "create"),
        (.addContact(agency: 20), "agency", 20, "contact"),
        (.addBusGroup(21), "busGroup", 21, "create"),
        (.recordSelfAssessment(group: 22), "busGroup", 22, "self-assessment"),
        (.registerDeviation(23), "deviation", 23, "create"),
        (.changeDeviationStatus(24, to: .registered), "deviation", 24, "status registered"),
        (.changeDeviationStatus(24, to: .sent), "deviation", 24, "status sent"),
        (.changeDeviationStatus(24, to: .answered), "deviation", 24, "status answered"),
        (.changeDeviationStatus(24, to: .closed), "deviation", 24, "status closed"),
        (.escalateDeviation(25, to: .local), "deviation", 25, "escalation local"),
        (.escalateDeviation(25, to: .busGroup), "deviation", 25, "escalation bus_group"),
        (.escalateDeviation(25, to: .bussam), "deviation", 25, "escalation bussam"),
        (.answerDeviation(26), "deviation", 26, "answer"),
        // Issue 14: an export in place of its view; a refused attempt, against its plan where it has one.
        (.exportPlan(27), "plan", 27, "export"),
        (.refused(entity: .plan, id: 28, action: "view"), "plan", 28, "refused view"),
        (.refused(entity: .user, id: nil, action: "set-role"), "user", nil, "refused set-role"),
        (.assessMaturity(plan: 30), "plan", 30, "maturity"),
        (.protectChild(31), "child", 31, "protected identity"),
        (.protectFamilyMember(32), "familyMember", 32, "protected identity"),
        // Issue 15: hand-over and corrections, against the plan.
        (.handOver(plan: 33), "plan", 33, "hand-over"),
        (.correctChild(plan: 34), "plan", 34, "correct child"),
        (.editFamilyMember(plan: 35), "plan", 35, "edit family member"),
        (.removeFamilyMember(plan: 36), "plan", 36, "remove family member"),
        (.editParticipant(plan: 37), "plan", 37, "edit participant"),
        (.removeParticipant(plan: 38), "plan", 38, "remove participant"),
        // Issue 15: the register.
        (.editAgency(39), "agency", 39, "update"),
        (.retireAgency(40), "agency", 40, "retire"),
        (.editContact(agency: 41), "agency", 41, "contact update"),
        (.retireContact(agency: 42), "agency", 42, "contact retire"),
        (.editBusGroup(43), "busGroup", 43, "update"),
        (.retireBusGroup(44), "busGroup", 44, "retire"),
        // Issue 16: requests for a SIP between organisations.
        (.registerRequest(45), "request", 45, "create"),
        (.acceptRequest(46), "request", 46, "accept"),
        (.declineRequest(47), "request", 47, "decline"),
        // Issue 16: invitations that are sent, reminders, reopening.
        (.sendKallelse(meeting: 48), "meeting", 48, "kallelse"),
        (.rescheduleMeeting(49), "meeting", 49, "reschedule"),
        (.cancelMeeting(50), "meeting", 50, "cancel"),
        (.reopenPlan(51), "plan", 51, "reopen"),
        (.remind, "plan", nil, "remind"),
        (.setUserEmail, "user", nil, "set-email"),
        // Issue 17: the child and the family.
        (.editGoal(plan: 52), "plan", 52, "goal"),
        (.assessGoal(meeting: 53), "meeting", 53, "goal assessment"),
        (.recordParticipation(meeting: 54), "meeting", 54, "child participation"),
        (.recordNeed(plan: 55), "plan", 55, "need"),
        (.setLanguage(plan: 56), "plan", 56, "language"),
        (.bookInterpreter(meeting: 57), "meeting", 57, "interpreter"),
        (.setPlanKind(plan: 58), "plan", 58, "plan kind"),
        // Issue 18: a group's own words in its annual report.
        (.writeAnnualNote(group: 59), "busGroup", 59, "annual note"),
    ]

    @Test("each act is logged with the entity, id and action word the audit log always held")
    func auditWords() {
        for line in Self.logged {
            #expect(line.act.entity.rawValue == line.entity, "\(line.act)")
            #expect(line.act.entityId == line.id, "\(line.act)")
            #expect(line.act.auditAction == line.action, "\(line.act)")
        }
    }

    /// Fails to compile when an act is added: add it to `logged` above (and decide its words).
    @Test("the list above names every kind of act")
    func everyActListed() {
        func listed(_ act: Act) -> Bool {
            switch act {
            case .firstAdministrator, .addUser, .setRole, .retireUser, .setting, .demo, .restore, .backup, .createPlan,
                .updatePlan,
                .changeStatus, .viewPlan, .giveCopy, .purgePlan, .createChild, .addFamilyMember, .addParticipant,
                .answerInvitation, .addConsent, .withdrawConsent, .scheduleMeeting, .recordAttendance,
                .saveAgendaNotes, .holdMeeting, .addIntervention, .updateIntervention, .addAgency, .addContact,
                .addBusGroup, .recordSelfAssessment, .registerDeviation, .changeDeviationStatus, .escalateDeviation,
                .answerDeviation, .exportPlan, .refused, .assessMaturity, .protectChild, .protectFamilyMember,
                .handOver, .correctChild, .editFamilyMember, .removeFamilyMember, .editParticipant,
                .removeParticipant,
                .editAgency, .retireAgency, .editContact, .retireContact, .editBusGroup, .retireBusGroup,
                .registerRequest, .acceptRequest, .declineRequest, .purgeRequest,
                .sendKallelse, .rescheduleMeeting, .cancelMeeting, .reopenPlan, .remind, .setUserEmail,
                .editGoal, .assessGoal, .recordParticipation, .recordNeed, .setLanguage, .bookInterpreter,
                .setPlanKind, .writeAnnualNote:
                true
            }
        }
        #expect(Self.logged.allSatisfy { listed($0.act) })
        #expect(Set(Self.logged.map { "\($0.act)".prefix { $0 != "(" } }).count == 69)
    }
}
