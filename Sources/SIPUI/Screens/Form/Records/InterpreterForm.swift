import SIPModel
import SIPWidgets

/// The interpreter booked for a meeting (language, agency, name); empty: none is.
public struct InterpreterForm: RecordForm {
    public enum Key: String, Sendable { case interpreterBooked }

    public let plan: Int64
    public let meetingId: Int64
    public init(planId: Int64, meetingId: Int64) {
        plan = planId
        self.meetingId = meetingId
    }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let meeting = try session.store.planDocument(plan).meetings.first { $0.id == meetingId }
        let needed = meeting?.interpreterMissing ?? []
        return FormContent(
            title: c(.interpreterFormTitle) + " – \(c(.planNumber)) \(plan)"
                + (needed.isEmpty ? "" : " (\(c(.needsInterpreter)) \(needed.joined(separator: ", ")))"),
            fields: [text(.interpreterBooked, c.field(.interpreterBooked), meeting?.interpreterBooked ?? "")])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.bookInterpreter(meetingId: meetingId, booked: input[.interpreterBooked])
        return .saved(input.catalog(.interpreterSaved))
    }
}
