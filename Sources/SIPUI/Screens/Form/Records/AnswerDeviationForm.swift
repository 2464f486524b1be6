import SIPModel
import SIPWidgets

/// The concerned organisation's answer to a deviation, and its date.
public struct AnswerDeviationForm: RecordForm {
    public enum Key: String, Sendable { case response, responseDate }

    public let deviationId: Int64
    public init(deviationId: Int64) { self.deviationId = deviationId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.answerDeviation) + " – \(c.entityName(.deviation)) \(deviationId)",
            fields: [
                text(.response, c.field(.response), multiline: true),
                text(.responseDate, c.ui(.responseDate), session.today.iso),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.answerDeviation(
            deviationId, response: input[.response],
            on: try input.requiredDay(.responseDate))
        return .saved(input.catalog.ui(.saved))
    }
}
