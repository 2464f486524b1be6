import SIPDomain

extension Catalog {
    /// The child and the family at the centre (issue 17): goals and their assessments, the child's
    /// participation, languages and interpreters, needs nobody has taken on, the discharge plan.
    public enum FamilyText: CatalogText {
        case goalsTitle, goalKindChild, goalKindLong, goalKindShort, outcomeAchieved, outcomePartly, outcomeNotAchieved
        case outcomeNotRelevant, byProfessionals, byFamily, servedBy, noGoals, notAssessed, evaluationPending
        case noAssessmentRecorded, followUpOn, goalHistory, participationTitle, childPresent, childNotPresent
        case childHeardBefore, childRepresentedBy, wayConversation, wayDrawing, wayWritten, childWays, childOwnWords
        case participationNotRecorded, languagesTitle, needsInterpreter, interpreterBookedLabel, interpreterMissing
        case needsTitle, unassignedNeedsTitle, takenOnBy, nobodyYet, dischargeTitle, dischargeNotified, dischargeDue
        case dischargeLate, keyGoal, keyAssess, keyParticipation, keyNeed, keyLanguage, keyInterpreter, keyDischarge
        case goalFormTitle, whichGoal, newGoalChoice, goalKindLabel, goalServedBy, assessFormTitle, outcomeProfessionals
        case outcomeFamily, noOutcome, participationFormTitle, fieldPresent, fieldHeardBefore, fieldConversation
        case fieldDrawing, fieldWritten, yesChoice, noChoice, needFormTitle, needTakenOnBy, nobodyChoice
        case languageFormTitle, interpreterFormTitle, dischargeFormTitle, dischargeIs, goalSaved, assessmentSaved
        case participationSaved, needSaved, languageSaved, interpreterSaved, dischargeSaved, noMeetingYet
        case noFamilyYet, noGoalsToAssess

        case docFamilyTitle, docChildTitle, docAbout, docWhoDoesWhat, docWhoToCall, docNextMeeting, docNoMeeting,
            docWhat
        case docWho, docWhen, docPhone, docYourGoals, docOurGoals, docHelpers, docChildIntro, docFamilyIntro
        case docAskCoordinator, docFrom, docTo, docHelpsWith, docMeetingAt
        case docFor, docForProfessionals, docForFamily, docForChild

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var docFor: Self { Self(.family(.docFor)) }
    public static var docForProfessionals: Self { Self(.family(.docForProfessionals)) }
    public static var docForFamily: Self { Self(.family(.docForFamily)) }
    public static var docForChild: Self { Self(.family(.docForChild)) }
    public static var docFamilyTitle: Self { Self(.family(.docFamilyTitle)) }
    public static var docChildTitle: Self { Self(.family(.docChildTitle)) }
    public static var docAbout: Self { Self(.family(.docAbout)) }
    public static var docWhoDoesWhat: Self { Self(.family(.docWhoDoesWhat)) }
    public static var docWhoToCall: Self { Self(.family(.docWhoToCall)) }
    public static var docNextMeeting: Self { Self(.family(.docNextMeeting)) }
    public static var docNoMeeting: Self { Self(.family(.docNoMeeting)) }
    public static var docWhat: Self { Self(.family(.docWhat)) }
    public static var docWho: Self { Self(.family(.docWho)) }
    public static var docWhen: Self { Self(.family(.docWhen)) }
    public static var docPhone: Self { Self(.family(.docPhone)) }
    public static var docYourGoals: Self { Self(.family(.docYourGoals)) }
    public static var docOurGoals: Self { Self(.family(.docOurGoals)) }
    public static var docHelpers: Self { Self(.family(.docHelpers)) }
    public static var docChildIntro: Self { Self(.family(.docChildIntro)) }
    public static var docFamilyIntro: Self { Self(.family(.docFamilyIntro)) }
    public static var docAskCoordinator: Self { Self(.family(.docAskCoordinator)) }
    public static var docFrom: Self { Self(.family(.docFrom)) }
    public static var docTo: Self { Self(.family(.docTo)) }
    public static var docHelpsWith: Self { Self(.family(.docHelpsWith)) }
    public static var docMeetingAt: Self { Self(.family(.docMeetingAt)) }
    public static var goalsTitle: Self { Self(.family(.goalsTitle)) }
    public static var goalKindChild: Self { Self(.family(.goalKindChild)) }
    public static var goalKindLong: Self { Self(.family(.goalKindLong)) }
    public static var goalKindShort: Self { Self(.family(.goalKindShort)) }
    public static var outcomeAchieved: Self { Self(.family(.outcomeAchieved)) }
    public static var outcomePartly: Self { Self(.family(.outcomePartly)) }
    public static var outcomeNotAchieved: Self { Self(.family(.outcomeNotAchieved)) }
    public static var outcomeNotRelevant: Self { Self(.family(.outcomeNotRelevant)) }
    public static var byProfessionals: Self { Self(.family(.byProfessionals)) }
    public static var byFamily: Self { Self(.family(.byFamily)) }
    public static var servedBy: Self { Self(.family(.servedBy)) }
    public static var noGoals: Self { Self(.family(.noGoals)) }
    public static var notAssessed: Self { Self(.family(.notAssessed)) }
    public static var evaluationPending: Self { Self(.family(.evaluationPending)) }
    public static var noAssessmentRecorded: Self { Self(.family(.noAssessmentRecorded)) }
    public static var followUpOn: Self { Self(.family(.followUpOn)) }
    public static var goalHistory: Self { Self(.family(.goalHistory)) }
    public static var participationTitle: Self { Self(.family(.participationTitle)) }
    public static var childPresent: Self { Self(.family(.childPresent)) }
    public static var childNotPresent: Self { Self(.family(.childNotPresent)) }
    public static var childHeardBefore: Self { Self(.family(.childHeardBefore)) }
    public static var childRepresentedBy: Self { Self(.family(.childRepresentedBy)) }
    public static var wayConversation: Self { Self(.family(.wayConversation)) }
    public static var wayDrawing: Self { Self(.family(.wayDrawing)) }
    public static var wayWritten: Self { Self(.family(.wayWritten)) }
    public static var childWays: Self { Self(.family(.childWays)) }
    public static var childOwnWords: Self { Self(.family(.childOwnWords)) }
    public static var participationNotRecorded: Self { Self(.family(.participationNotRecorded)) }
    public static var languagesTitle: Self { Self(.family(.languagesTitle)) }
    public static var needsInterpreter: Self { Self(.family(.needsInterpreter)) }
    public static var interpreterBookedLabel: Self { Self(.family(.interpreterBookedLabel)) }
    public static var interpreterMissing: Self { Self(.family(.interpreterMissing)) }
    public static var needsTitle: Self { Self(.family(.needsTitle)) }
    public static var unassignedNeedsTitle: Self { Self(.family(.unassignedNeedsTitle)) }
    public static var takenOnBy: Self { Self(.family(.takenOnBy)) }
    public static var nobodyYet: Self { Self(.family(.nobodyYet)) }
    public static var dischargeTitle: Self { Self(.family(.dischargeTitle)) }
    public static var dischargeNotified: Self { Self(.family(.dischargeNotified)) }
    public static var dischargeDue: Self { Self(.family(.dischargeDue)) }
    public static var dischargeLate: Self { Self(.family(.dischargeLate)) }
    public static var keyGoal: Self { Self(.family(.keyGoal)) }
    public static var keyAssess: Self { Self(.family(.keyAssess)) }
    public static var keyParticipation: Self { Self(.family(.keyParticipation)) }
    public static var keyNeed: Self { Self(.family(.keyNeed)) }
    public static var keyLanguage: Self { Self(.family(.keyLanguage)) }
    public static var keyInterpreter: Self { Self(.family(.keyInterpreter)) }
    public static var keyDischarge: Self { Self(.family(.keyDischarge)) }
    public static var goalFormTitle: Self { Self(.family(.goalFormTitle)) }
    public static var whichGoal: Self { Self(.family(.whichGoal)) }
    public static var newGoalChoice: Self { Self(.family(.newGoalChoice)) }
    public static var goalKindLabel: Self { Self(.family(.goalKindLabel)) }
    public static var goalServedBy: Self { Self(.family(.goalServedBy)) }
    public static var assessFormTitle: Self { Self(.family(.assessFormTitle)) }
    public static var outcomeProfessionals: Self { Self(.family(.outcomeProfessionals)) }
    public static var outcomeFamily: Self { Self(.family(.outcomeFamily)) }
    public static var noOutcome: Self { Self(.family(.noOutcome)) }
    public static var participationFormTitle: Self { Self(.family(.participationFormTitle)) }
    public static var fieldPresent: Self { Self(.family(.fieldPresent)) }
    public static var fieldHeardBefore: Self { Self(.family(.fieldHeardBefore)) }
    public static var fieldConversation: Self { Self(.family(.fieldConversation)) }
    public static var fieldDrawing: Self { Self(.family(.fieldDrawing)) }
    public static var fieldWritten: Self { Self(.family(.fieldWritten)) }
    public static var yesChoice: Self { Self(.family(.yesChoice)) }
    public static var noChoice: Self { Self(.family(.noChoice)) }
    public static var needFormTitle: Self { Self(.family(.needFormTitle)) }
    public static var needTakenOnBy: Self { Self(.family(.needTakenOnBy)) }
    public static var nobodyChoice: Self { Self(.family(.nobodyChoice)) }
    public static var languageFormTitle: Self { Self(.family(.languageFormTitle)) }
    public static var interpreterFormTitle: Self { Self(.family(.interpreterFormTitle)) }
    public static var dischargeFormTitle: Self { Self(.family(.dischargeFormTitle)) }
    public static var dischargeIs: Self { Self(.family(.dischargeIs)) }
    public static var goalSaved: Self { Self(.family(.goalSaved)) }
    public static var assessmentSaved: Self { Self(.family(.assessmentSaved)) }
    public static var participationSaved: Self { Self(.family(.participationSaved)) }
    public static var needSaved: Self { Self(.family(.needSaved)) }
    public static var languageSaved: Self { Self(.family(.languageSaved)) }
    public static var interpreterSaved: Self { Self(.family(.interpreterSaved)) }
    public static var dischargeSaved: Self { Self(.family(.dischargeSaved)) }
    public static var noMeetingYet: Self { Self(.family(.noMeetingYet)) }
    public static var noFamilyYet: Self { Self(.family(.noFamilyYet)) }
    public static var noGoalsToAssess: Self { Self(.family(.noGoalsToAssess)) }
}

extension Catalog {
    public func goalKind(_ kind: GoalKind) -> String {
        switch kind {
        case .child: return self(.goalKindChild)
        case .long: return self(.goalKindLong)
        case .short: return self(.goalKindShort)
        }
    }

    public func outcome(_ outcome: GoalOutcome) -> String {
        switch outcome {
        case .achieved: return self(.outcomeAchieved)
        case .partly: return self(.outcomePartly)
        case .notAchieved: return self(.outcomeNotAchieved)
        case .notRelevant: return self(.outcomeNotRelevant)
        }
    }

    public func assessedBy(_ by: AssessedBy) -> String {
        by == .professionals ? self(.byProfessionals) : self(.byFamily)
    }

    /// "närvarande, hördes före mötet, på sätt: samtal, teckning": how the child took part.
    public func participation(_ p: ChildParticipation) -> String {
        let ways = [
            p.byConversation ? self(.wayConversation) : nil, p.byDrawing ? self(.wayDrawing) : nil,
            p.byWrittenAnswer ? self(.wayWritten) : nil,
        ].compactMap { $0 }
        return [
            p.present ? self(.childPresent) : self(.childNotPresent), p.heardBefore ? self(.childHeardBefore) : nil,
            p.representedBy.isEmpty ? nil : "\(self(.childRepresentedBy)) \(p.representedBy)",
            ways.isEmpty ? nil : "\(self(.childWays)): " + ways.joined(separator: ", "),
        ].compactMap { $0 }.joined(separator: "; ")
    }
}
