import SIPModel
import SIPWidgets

/// A correction of the plan's child: name, personnummer and sex, always with a reason. The model
/// validates a new number as a new one and refuses one in use with a neutral line.
public struct ChildCorrectionForm: RecordForm {
    public enum Key: String, Sendable { case name, personalNumber, sex, reason }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let child = try session.store.planDocument(plan).child
        return FormContent(
            title: c.ui(.correctChild) + " – \(c(.planNumber)) \(plan)",
            fields: [
                text(.name, c.field(.name), child.name),
                text(.personalNumber, c.field(.personalNumber), child.personalNumber?.formatted ?? ""),
                choice(
                    .sex, c.ui(.sex), Sex.allCases.map { .init(id: $0.rawValue, label: c.sex($0)) },
                    selected: child.sex.rawValue),
                text(.reason, c.ui(.correctionReason), multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        // An empty number leaves the child's as it is (a child without one keeps their birth date).
        let number = input.line(.personalNumber)
        try session.store.correctChild(
            planId: plan,
            ChildCorrection(
                name: input[.name], personalNumber: number.isEmpty ? nil : number, sex: Sex(rawValue: input[.sex])),
            reason: input[.reason])
        return .saved(input.catalog.ui(.corrected))
    }

    public func key(for error: SIPError) -> Key? {
        if case .personalNumberInUse = error { return .personalNumber }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
