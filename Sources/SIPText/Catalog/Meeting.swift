import SIPDomain

extension Catalog {
    /// Meeting mode: the agenda, attendance, notes, finishing the meeting.
    public enum MeetingText: CatalogText {
        case meetingMode, nextSection, previousSection, saveNotes, registerDeviation, finishMeeting
        case leaveMeetingMode, changeAttendance, leaveMeetingQuestion, finishMeetingQuestion, attendanceTitle
        case notesLabel, meetingDate, meetingTime, duration, deviationRegistered, deviationNotNeeded
        case meetingFinished, noMeeting, answer, attendance
        case stayInMeeting, suspendQuestion, quitQuestion, quitProgram

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .meetingMode: return pick("Mötesläge", "Meeting mode")
            case .nextSection: return pick("Nästa punkt", "Next item")
            case .previousSection: return pick("Föregående punkt", "Previous item")
            case .saveNotes: return pick("Spara anteckningar", "Save notes")
            case .registerDeviation: return pick("BUS-avvikelse för vald part", "BUS deviation for the chosen party")
            case .finishMeeting: return pick("Mötet är genomfört", "The meeting is held")
            case .leaveMeetingMode: return pick("Lämna mötesläget", "Leave meeting mode")
            case .changeAttendance: return pick("Byt närvaro", "Change attendance")
            case .leaveMeetingQuestion:
                return pick(
                    "Lämna mötesläget? Anteckningarna sparas.",
                    "Leave meeting mode? Notes are saved.")
            case .finishMeetingQuestion:
                return pick(
                    "Markera mötet som genomfört? Planen blir aktiv.",
                    "Mark the meeting as held? The plan becomes active.")
            case .attendanceTitle: return pick("Närvaro", "Attendance")
            case .notesLabel: return pick("Anteckningar", "Notes")
            case .meetingDate: return pick("Datum", "Date")
            case .meetingTime: return pick("Tid (TT:MM)", "Time (HH:MM)")
            case .duration: return pick("Längd (minuter)", "Length (minutes)")
            case .deviationRegistered: return pick("BUS-avvikelse registrerad", "BUS deviation registered")
            case .deviationNotNeeded:
                return pick(
                    "Avvikelse gäller den som uteblev utan besked eller avböjde.",
                    "A deviation is for a party absent without notice or who declined.")
            case .meetingFinished:
                return pick(
                    "Mötet är genomfört och planen aktiv.",
                    "The meeting is held and the plan active.")
            case .noMeeting:
                return pick(
                    "Planen har inget möte. Boka ett möte först (b).",
                    "The plan has no meeting. Schedule one first (b).")
            case .answer: return pick("Svar", "Answer")
            case .attendance: return pick("Närvaro", "Attendance")
            case .stayInMeeting: return pick("Stanna i mötesläget", "Stay in meeting mode")
            case .suspendQuestion:
                return pick(
                    "Pausa programmet? Skärmen visar då terminalens skal.",
                    "Suspend the program? The screen then shows the terminal's shell.")
            case .quitQuestion:
                return pick(
                    "Avsluta programmet? Det osparade behålls.",
                    "Quit the program? Unsaved work is kept.")
            case .quitProgram: return pick("Avsluta programmet", "Quit the program")
            }
        }
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
