import SIPModel
import SIPWidgets

/// How the child took part in one meeting: present, heard beforehand, represented by whom, in which
/// ways (conversation, drawing, written answer), and the child's own words, apart from the notes.
public struct ParticipationForm: RecordForm {
    public enum Key: String, Sendable {
        case present, heardBefore, representedBy, byConversation, byDrawing, byWrittenAnswer, childWords
    }

    public let plan: Int64
    public let meetingId: Int64
    public init(planId: Int64, meetingId: Int64) {
        plan = planId
        self.meetingId = meetingId
    }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let now = try session.store.childParticipation(meetingId: meetingId) ?? ChildParticipation(meetingId: meetingId)
        func yesNo(_ key: Key, _ label: String, _ value: Bool) -> FormField {
            choice(
                key, label, [.init(id: "no", label: c(.noChoice)), .init(id: "yes", label: c(.yesChoice))],
                selected: value ? "yes" : "no")
        }
        return FormContent(
            title: c(.participationFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                yesNo(.present, c(.fieldPresent), now.present),
                yesNo(.heardBefore, c(.fieldHeardBefore), now.heardBefore),
                text(.representedBy, c.field(.representedBy), now.representedBy),
                yesNo(.byConversation, c(.fieldConversation), now.byConversation),
                yesNo(.byDrawing, c(.fieldDrawing), now.byDrawing),
                yesNo(.byWrittenAnswer, c(.fieldWritten), now.byWrittenAnswer),
                text(.childWords, c.field(.childWords), now.childWords, multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        try session.store.recordParticipation(
            ChildParticipation(
                meetingId: meetingId, present: input[.present] == "yes", heardBefore: input[.heardBefore] == "yes",
                representedBy: input[.representedBy], byConversation: input[.byConversation] == "yes",
                byDrawing: input[.byDrawing] == "yes", byWrittenAnswer: input[.byWrittenAnswer] == "yes",
                childWords: input[.childWords]))
        return .saved(input.catalog(.participationSaved))
    }
}
