import SIPModel
import SIPWidgets

/// One goal assessed at a follow-up meeting: by the professionals and, apart, by the child and the
/// family ("what do you think?"), each with its comment. A side left without an assessment is not saved.
public struct GoalAssessmentForm: RecordForm {
    public enum Key: String, Sendable { case goalId, professionals, comment, family, familyComment }

    public let plan: Int64
    public let meetingId: Int64
    public init(planId: Int64, meetingId: Int64) {
        plan = planId
        self.meetingId = meetingId
    }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let goals = try store.goals(planId: plan)
        guard !goals.isEmpty else { throw FormUnavailable(c(.noGoalsToAssess)) }
        let here = try store.goalAssessments(planId: plan).filter { $0.meetingId == meetingId }
        let outcomes =
            [FormField.Choice(id: "", label: c(.noOutcome))]
            + GoalOutcome.allCases.map { .init(id: $0.rawValue, label: c.outcome($0)) }
        var follows: [String: [String: String]] = [:]
        for goal in goals {
            let mine = { (by: AssessedBy) in here.first { $0.goalId == goal.id && $0.by == by } }
            follows[String(goal.id!)] = [
                Key.professionals.rawValue: mine(.professionals)?.outcome.rawValue ?? "",
                Key.comment.rawValue: mine(.professionals)?.comment ?? "",
                Key.family.rawValue: mine(.family)?.outcome.rawValue ?? "",
                Key.familyComment.rawValue: mine(.family)?.comment ?? "",
            ]
        }
        let first = follows[String(goals[0].id!)] ?? [:]
        return FormContent(
            title: c(.assessFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(
                    .goalId, c(.whichGoal),
                    goals.map { .init(id: String($0.id!), label: $0.text, detail: c.goalKind($0.kind)) },
                    selected: String(goals[0].id!)),
                choice(
                    .professionals, c(.outcomeProfessionals), outcomes,
                    selected: first[Key.professionals.rawValue] ?? ""),
                text(.comment, c.field(.comment), first[Key.comment.rawValue] ?? "", multiline: true),
                choice(.family, c(.outcomeFamily), outcomes, selected: first[Key.family.rawValue] ?? ""),
                text(.familyComment, c.field(.comment), first[Key.familyComment.rawValue] ?? "", multiline: true),
            ],
            links: [Key.goalId.rawValue: follows])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let goalId = input.id(.goalId) else { throw input.refuse(.goalId, input.catalog.ui(.fieldRequired)) }
        let sides: [(AssessedBy, Key, Key)] = [
            (.professionals, .professionals, .comment), (.family, .family, .familyComment),
        ]
        var saved = false
        for (by, outcomeKey, commentKey) in sides {
            guard let outcome = GoalOutcome(rawValue: input[outcomeKey]) else {
                // A comment without an assessment is not lost silently.
                if !TextRules.clean(input[commentKey], multiline: true).isEmpty {
                    throw input.refuse(outcomeKey, input.catalog.ui(.fieldRequired))
                }
                continue
            }
            try session.store.assessGoal(
                goalId: goalId, meetingId: meetingId, by: by, outcome: outcome, comment: input[commentKey])
            saved = true
        }
        guard saved else { throw input.refuse(.professionals, input.catalog.ui(.fieldRequired)) }
        return .saved(input.catalog(.assessmentSaved))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .assessmentNeedsFollowUp: .goalId
        case .tooLong(.familyComment, _): .familyComment
        default: error.field.flatMap { Key(rawValue: $0.rawValue) }
        }
    }
}
