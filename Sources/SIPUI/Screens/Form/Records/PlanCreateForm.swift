import SIPModel
import SIPWidgets

/// A new plan for a child, from a request: enough to open it. Kept as a draft when interrupted.
public struct PlanCreateForm: RecordForm {
    public enum Key: String, Sendable {
        case childName, personalNumber, birthDate, sex, busGroupId, busGroupName, initiator, requestDate
        case reason, questions, coordinator
    }

    public init() {}

    public var keepsDraft: Bool { true }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        // A retired group keeps its plans and is offered to no one.
        let groups = try session.store.offeredBusGroups()
        var fields = [
            text(.childName, c.ui(.childName)),
            text(.personalNumber, c.ui(.childNumber)),
            text(.birthDate, c.field(.birthDate)),
            choice(
                .sex, c.ui(.sex), Sex.allCases.map { .init(id: $0.rawValue, label: c.sex($0)) },
                selected: Sex.unknown.rawValue),
        ]
        // The first plan of a new area names its BUS group; after that the group is chosen.
        if groups.isEmpty {
            fields.append(text(.busGroupName, c.ui(.busGroup)))
        } else {
            fields.append(
                picker(
                    .busGroupId, c.ui(.busGroup), groups.map { .init(id: String($0.id!), label: $0.name) },
                    selected: String(groups[0].id!)))
        }
        fields += [
            choice(
                .initiator, c.ui(.initiator),
                InitiatorKind.allCases.map { .init(id: $0.rawValue, label: c.initiator($0)) },
                selected: InitiatorKind.guardian.rawValue),
            text(.requestDate, c.ui(.requestDate), session.today.iso),
            text(.reason, c.field(.reason), multiline: true),
            text(.questions, c.field(.questions), multiline: true),
        ]
        if let coordinators = try coordinatorChoices(session) {
            fields.append(picker(.coordinator, c.field(.coordinator), coordinators.choices, selected: coordinators.me))
        }
        return FormContent(title: c.ui(.newPlanTitle), fields: fields)
    }

    /// Who may coordinate the new plan: the coordinator opening it (chosen first), or a colleague
    /// who keeps it theirs to see: of their own organisation, or anyone for a central team. Nil when
    /// the one opening it is not a signed-in coordinator (the model then decides).
    func coordinatorChoices(_ session: Session) throws -> (choices: [FormField.Choice], me: String)? {
        guard let me = session.store.access?.user, me.role == .coordinator else { return nil }
        let choices = try session.store.handOverCandidates().filter {
            $0.login == me.login || me.allPlans || ($0.agencyId != nil && $0.agencyId == me.agencyId)
        }.map { FormField.Choice(id: $0.login, label: $0.name, detail: $0.organisation) }
        return choices.isEmpty ? nil : (choices, me.login)
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        // Dates are checked first so that each error lands on its own field.
        var refused: [FieldErrors.Entry] = []
        var days: [Key: Day] = [:]
        for key in [Key.birthDate, .requestDate] {
            do { days[key] = try input.day(key, required: false) } catch let error as FieldErrors {
                refused += error.errors
            }
        }
        guard refused.isEmpty else { throw FieldErrors(refused) }
        let newGroup = input.contains(.busGroupName) ? input[.busGroupName] : nil
        let plan = try session.store.createPlan(
            childName: input[.childName], personalNumber: input[.personalNumber], birthDate: input[.birthDate],
            sex: Sex(rawValue: input[.sex]) ?? .unknown,
            busGroupId: newGroup == nil ? input.id(.busGroupId) ?? 0 : nil, newBusGroupName: newGroup,
            initiatorKind: InitiatorKind(rawValue: input[.initiator]) ?? .guardian,
            requestDate: days[.requestDate] ?? input.today, reason: input[.reason], questions: input[.questions],
            coordinator: input.contains(.coordinator) && !input[.coordinator].isEmpty ? input[.coordinator] : nil)
        try? session.store.deleteDraft(planId: nil)
        return .created(planId: plan.id!)
    }

    public func key(for error: SIPError) -> Key? {
        switch error.field {
        case .name?: .childName
        case .coordinator?: .coordinator
        case .groupName?: .busGroupName
        case let field?: Key(rawValue: field.rawValue)
        case nil: nil
        }
    }
}
