import SIPModel
import SIPWidgets

/// Closing a deviation that was never answered, or taking it a level up: the note that says why,
/// which the register requires.
public struct DeviationNoteForm: RecordForm {
    public enum Key: String, Sendable { case note }
    public enum Step: Equatable, Sendable {
        case close
        case escalate(Escalation)
    }

    public let deviationId: Int64
    public let step: Step
    public init(deviationId: Int64, step: Step) { (self.deviationId, self.step) = (deviationId, step) }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let what =
            switch step {
            case .close: c.ui(.closeDeviation)
            case .escalate(let level): "\(c.ui(.escalationLevel)): \(c.escalation(level))"
            }
        return FormContent(
            title: what + " – \(c.entityName(.deviation)) \(deviationId)",
            fields: [text(.note, c.field(.note), multiline: true)])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog
        switch step {
        case .close:
            try session.store.changeDeviationStatus(deviationId, to: .closed, note: input[.note])
            return .saved(c.ui(.saved))
        case .escalate(let level):
            try session.store.escalateDeviation(deviationId, to: level, note: input[.note])
            return .saved("\(c.ui(.escalationLevel)): \(c.escalation(level))")
        }
    }
}
