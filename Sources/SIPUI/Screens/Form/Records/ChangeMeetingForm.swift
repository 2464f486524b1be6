import Foundation
import SIPModel
import SIPWidgets

/// The plan's next meeting moved (a new time, place or link) or called off. Either way its
/// kallelse goes out again with `s`: as a new revision to those invited, or as a cancellation to
/// those who were sent it.
public struct ChangeMeetingForm: RecordForm {
    public enum Key: String, Sendable { case change, date, time, duration, place, videoLink }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    /// Moved or called off.
    enum Change: String { case move, callOff }

    /// The next meeting neither held nor called off.
    static func next(_ plan: Int64, _ store: Store) throws -> Meeting? {
        try store.meetings(planId: plan).first(where: \.isAhead)
    }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, zone = session.store.context.timeZone
        guard let meeting = try Self.next(plan, session.store) else { throw FormUnavailable(c(.noMeetingAhead)) }
        let local = LocalTime.iso(meeting.startsAt, zone)
        return FormContent(
            title: c(.changeMeeting) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .change, c(.meetingChange),
                    [.init(id: Change.move.rawValue, label: c(.moveMeeting)),
                     .init(id: Change.callOff.rawValue, label: c(.callOffMeeting))],
                    selected: Change.move.rawValue),
                text(.date, c.ui(.meetingDate), String(local.prefix(10))),
                text(.time, c.ui(.meetingTime), String(local.dropFirst(11).prefix(5))),
                text(.duration, c.ui(.duration), String(meeting.durationMinutes)),
                text(.place, c.field(.place), meeting.place),
                text(.videoLink, c.field(.videoLink), meeting.videoLink),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let store = session.store
        // The meeting as it is now: another session may have held, moved or called it off.
        guard let meeting = try Self.next(plan, store) else {
            throw FormUnavailable(input.catalog(.noMeetingAhead))
        }
        if Change(rawValue: input[.change]) == .callOff {
            try store.cancelMeeting(meeting.id!)
            return .saved(input.catalog(.meetingCalledOff))
        }
        let when = try input.meetingTime(date: .date, time: .time, duration: .duration, in: store.context.timeZone)
        try store.rescheduleMeeting(
            meeting.id!, startsAt: when.startsAt, durationMinutes: when.minutes, place: input[.place],
            videoLink: input[.videoLink])
        return .saved(input.catalog(.meetingMoved))
    }
}
