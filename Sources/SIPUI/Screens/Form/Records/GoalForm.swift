import SIPModel
import SIPWidgets

/// A goal of the plan added or changed: its kind (the child's own, long-term, short-term), its
/// text, who works towards it and, one yes/no each, the plan's interventions that serve it. The
/// picker chooses a goal; its details follow the choice.
public struct GoalForm: RecordForm {
    public enum Key: RawRepresentable, Sendable {
        case goalId, kind, goal, worksTowards
        /// Whether the plan's intervention with this number serves the goal.
        case serves(Int64)

        public init?(rawValue: String) {
            switch rawValue {
            case "goalId": self = .goalId
            case "kind": self = .kind
            case "goal": self = .goal
            case "worksTowards": self = .worksTowards
            default:
                guard rawValue.hasPrefix("serves-"), let id = Int64(rawValue.dropFirst(7)) else { return nil }
                self = .serves(id)
            }
        }

        public var rawValue: String {
            switch self {
            case .goalId: "goalId"
            case .kind: "kind"
            case .goal: "goal"
            case .worksTowards: "worksTowards"
            case .serves(let id): "serves-\(id)"
            }
        }
    }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        let goals = try store.goals(planId: plan)
        let links = try store.goalInterventions(planId: plan)
        let kinds = GoalKind.allCases.map { FormField.Choice(id: $0.rawValue, label: c.goalKind($0)) }
        let interventions = try store.interventions(planId: plan)
        let serves = { (goal: Int64?) in
            Dictionary(
                uniqueKeysWithValues: interventions.map { i in
                    (Key.serves(i.id!).rawValue, goal.map { (links[$0] ?? []).contains(i.id!) } == true ? "yes" : "no")
                })
        }
        var follows: [String: [String: String]] = [
            "": [
                Key.kind.rawValue: GoalKind.child.rawValue, Key.goal.rawValue: "", Key.worksTowards.rawValue: "",
            ].merging(serves(nil)) { $1 }
        ]
        for goal in goals {
            follows[String(goal.id!)] = [
                Key.kind.rawValue: goal.kind.rawValue, Key.goal.rawValue: goal.text,
                Key.worksTowards.rawValue: goal.worksTowards,
            ].merging(serves(goal.id)) { $1 }
        }
        // One field per intervention, named by it: does it serve this goal?
        let yesNo = [FormField.Choice(id: "no", label: "–"), .init(id: "yes", label: c(.goalServedBy))]
        return FormContent(
            title: c(.goalFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(
                    .goalId, c(.whichGoal),
                    [FormField.Choice(id: "", label: c(.newGoalChoice))]
                        + goals.map { .init(id: String($0.id!), label: $0.text, detail: c.goalKind($0.kind)) },
                    selected: ""),
                choice(.kind, c(.goalKindLabel), kinds, selected: GoalKind.child.rawValue),
                text(.goal, c.field(.goal), multiline: true),
                text(.worksTowards, c.field(.worksTowards)),
            ] + interventions.map { choice(.serves($0.id!), $0.what, yesNo, selected: "no") },
            links: [Key.goalId.rawValue: follows])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let ids = try session.store.interventions(planId: plan).compactMap(\.id).filter {
            input[.serves($0)] == "yes"
        }
        try session.store.saveGoal(
            planId: plan, goalId: input.id(.goalId),
            GoalDraft(
                kind: GoalKind(rawValue: input[.kind]) ?? .child, text: input[.goal],
                worksTowards: input[.worksTowards], interventionIds: ids))
        return .saved(input.catalog(.goalSaved))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .notFound(.intervention, let id): .serves(id)
        default: error.field.flatMap { Key(rawValue: $0.rawValue) }
        }
    }
}
