import Foundation
import SIPModel
import SIPWidgets

/// A meeting booked, and the kallelse it makes: a draft plan becomes invited.
public struct MeetingForm: RecordForm {
    public enum Key: String, Sendable { case date, time, duration, place, videoLink }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, today = session.today
        let followUp = try session.store.plan(plan).followUpDate
        return FormContent(
            title: c.ui(.scheduleMeeting) + " – \(c(.planNumber)) \(plan)",
            fields: [
                // The planned follow-up if it lies ahead, else two weeks from today.
                text(
                    .date, c.ui(.meetingDate),
                    (followUp.flatMap { $0 > today ? $0 : nil } ?? today.adding(days: 14)).iso),
                text(.time, c.ui(.meetingTime), "09:00"),
                text(.duration, c.ui(.duration), "90"),
                text(.place, c.field(.place)),
                text(.videoLink, c.field(.videoLink)),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let store = session.store
        let when = try input.meetingTime(date: .date, time: .time, duration: .duration, in: store.context.timeZone)
        // The first meeting until one has been held; after that, follow-ups.
        let kind: MeetingKind = try store.meetings(planId: plan).contains(where: \.held) ? .followUp : .first
        try store.addMeeting(
            planId: plan, kind: kind, startsAt: when.startsAt, durationMinutes: when.minutes, place: input[.place],
            videoLink: input[.videoLink])
        if try store.plan(plan).status == .draft { try store.changeStatus(planId: plan, to: .invited) }
        return .saved(input.catalog.ui(.scheduled))
    }
}
