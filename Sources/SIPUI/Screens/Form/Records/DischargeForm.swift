import SIPModel
import SIPWidgets

/// The plan made a discharge plan (utskrivning från slutenvård, lag 2017:612) with the day the
/// notice came, or an ordinary plan again. Its first meeting is then due within the local days.
public struct DischargeForm: RecordForm {
    public enum Key: String, Sendable { case kind, notifiedOn }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let now = try session.store.planKind(planId: plan)
        return FormContent(
            title: c(.dischargeFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .kind, c(.dischargeIs),
                    [
                        .init(id: PlanKind.standard.rawValue, label: c(.noChoice)),
                        .init(id: PlanKind.discharge.rawValue, label: c(.yesChoice)),
                    ],
                    selected: now.kind.rawValue),
                text(.notifiedOn, c.field(.notifiedOn), (now.notifiedOn ?? session.today).iso),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let discharge = input[.kind] == PlanKind.discharge.rawValue
        try session.store.setDischarge(planId: plan, notifiedOn: discharge ? try input.requiredDay(.notifiedOn) : nil)
        return .saved(input.catalog(.dischargeSaved))
    }
}
