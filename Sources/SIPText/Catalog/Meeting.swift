import SIPDomain

extension Catalog {
    /// Meeting mode: the agenda, attendance, notes, finishing the meeting.
    public enum MeetingText: CatalogText {
        case meetingMode, nextSection, previousSection, saveNotes, registerDeviation, finishMeeting
        case leaveMeetingMode, changeAttendance, leaveMeetingQuestion, finishMeetingQuestion, attendanceTitle
        case notesLabel, meetingDate, meetingTime, duration, deviationRegistered, deviationNotNeeded
        case meetingFinished, noMeeting, answer, attendance
        case stayInMeeting, suspendQuestion, quitQuestion, quitProgram

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var meetingMode: Self { Self(.meeting(.meetingMode)) }
    public static var nextSection: Self { Self(.meeting(.nextSection)) }
    public static var previousSection: Self { Self(.meeting(.previousSection)) }
    public static var saveNotes: Self { Self(.meeting(.saveNotes)) }
    public static var registerDeviation: Self { Self(.meeting(.registerDeviation)) }
    public static var finishMeeting: Self { Self(.meeting(.finishMeeting)) }
    public static var leaveMeetingMode: Self { Self(.meeting(.leaveMeetingMode)) }
    public static var changeAttendance: Self { Self(.meeting(.changeAttendance)) }
    public static var leaveMeetingQuestion: Self { Self(.meeting(.leaveMeetingQuestion)) }
    public static var finishMeetingQuestion: Self { Self(.meeting(.finishMeetingQuestion)) }
    public static var attendanceTitle: Self { Self(.meeting(.attendanceTitle)) }
    public static var notesLabel: Self { Self(.meeting(.notesLabel)) }
    public static var meetingDate: Self { Self(.meeting(.meetingDate)) }
    public static var meetingTime: Self { Self(.meeting(.meetingTime)) }
    public static var duration: Self { Self(.meeting(.duration)) }
    public static var deviationRegistered: Self { Self(.meeting(.deviationRegistered)) }
    public static var deviationNotNeeded: Self { Self(.meeting(.deviationNotNeeded)) }
    public static var meetingFinished: Self { Self(.meeting(.meetingFinished)) }
    public static var noMeeting: Self { Self(.meeting(.noMeeting)) }
    public static var answer: Self { Self(.meeting(.answer)) }
    public static var attendance: Self { Self(.meeting(.attendance)) }
    public static var stayInMeeting: Self { Self(.meeting(.stayInMeeting)) }
    public static var suspendQuestion: Self { Self(.meeting(.suspendQuestion)) }
    public static var quitQuestion: Self { Self(.meeting(.quitQuestion)) }
    public static var quitProgram: Self { Self(.meeting(.quitProgram)) }
}
