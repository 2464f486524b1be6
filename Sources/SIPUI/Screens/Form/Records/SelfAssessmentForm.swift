import SIPModel
import SIPWidgets

/// A BUS group's spindelmätning: a score from 1 to 5 per dimension, on a day.
public struct SelfAssessmentForm: RecordForm {
    /// The day, or a dimension by its code (the dimensions are reference data).
    public enum Key: RawRepresentable, Sendable {
        case measuredOn
        case dimension(String)

        public init?(rawValue: String) { self = rawValue == "measuredOn" ? .measuredOn : .dimension(rawValue) }

        public var rawValue: String {
            switch self {
            case .measuredOn: "measuredOn"
            case .dimension(let code): code
            }
        }
    }

    public let groupId: Int64
    public init(groupId: Int64) { self.groupId = groupId }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        // The form starts from the last measurement: a new one usually moves a few scores.
        let latest = try store.selfAssessments(groupId: groupId).first
        let scores = (1...5).map { FormField.Choice(id: String($0), label: String($0)) }
        return FormContent(
            title: c.ui(.newMeasurement),
            fields: [text(.measuredOn, c.ui(.measuredOn), session.today.iso)]
                + (try store.spiderDimensions()).map { dimension in
                    choice(
                        .dimension(dimension.code), c.name(of: dimension), scores,
                        selected: String(latest?.scores[dimension.code] ?? 3))
                })
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let on = try input.requiredDay(.measuredOn)
        var scores: [String: Int] = [:]
        for code in try session.store.spiderDimensions().map(\.code) { scores[code] = Int(input[.dimension(code)]) }
        try session.store.recordSelfAssessment(groupId: groupId, on: on, scores: scores)
        return .saved(input.catalog.ui(.saved))
    }
}
