import SIPDomain
extension Catalog {
    /// Words of the terminal interface. Part of the one catalog: every case has both languages.
    public enum UIText: Sendable, CaseIterable {
        // Actions (key table labels)
        case help, back, quit, open, filter, edit, save, nextField, previousField, redraw, up, down, pageUp
        case pageDown, first, last, statusFilter, overdueFilter, sort, newPlan, keepEditing, discard
        case takeTheirs, clearFilter, applyFilter
        // Screens and messages
        case tooSmall, saved, created, conflictBanner, unsavedQuestion, draftRestored, noMatch
        case filterPrompt, allStatuses, helpTitle, overdueOnly, sortedBy, sortNumber, sortChild, sortNextDate
        case sortStatus, columnNumber, columnChild, columnNumberPN, columnStatus, columnLead, columnNext
        case newPlanTitle, editPlanTitle, theirValue, noneChoice, childName, childNumber, sex, busGroup
        case initiator, requestDate, mustFixFields, nothingToSave, yesKeys
        // Issue 4: running the SIP
        case meetingMode, interventions, addConsent, withdrawConsent, scheduleMeeting, showInvitation, exportPlan
        case copyGiven, closePlan, undo, newIntervention, markDone, markNotDelivered, nextSection, previousSection
        case saveNotes, editPlanFields, registerDeviation, finishMeeting, leaveMeetingMode, changeAttendance
        case leaveMeetingQuestion, finishMeetingQuestion, attendanceTitle, notesLabel, givenBy, theChild, validFrom
        case validTo, consentCovers, withdrawnOn, meetingDate, meetingTime, duration, closeKind, closeCompleted
        case closeRefused, closeOther, exportFormat, exportFile, exported, recipient, givenOn, undone, nothingToUndo
        case deviationRegistered, deviationNotNeeded, meetingFinished, noMeeting, scheduled, consentWithdrawnBanner
        case interventionStatus, noInterventions, answer, consentAdded
        case addFamilyMember, inviteAgency, familyRole, guardian, relative, changeAnswer
        case review, period, allGroups, periodLast12, periodThisYear, periodLastYear, trends
        case administration, administrationIntro, atLeast
        case deviationRegister, newDeviation, sendDeviation, answerDeviation, closeDeviation, escalate, showDeviation
        case reportingAgency, concernedAgency, planNumberOptional, deviationKind, escalationLevel, noDeviationsYet
        case selfAssessment, newMeasurement, olderMeasurement, newerMeasurement, noMeasurements, chooseGroupFirst
        case closeDeviationQuestion, responseDate, measuredOn
        // Beside a form's field: what is wrong with it (the label names the field).
        case fieldRequired, fieldInvalid, consentWritten, consentOral
    }

    /// "1 plan", "12 planer".
    public func plans(_ count: Int) -> String {
        language == .sv ? "\(count) \(count == 1 ? "plan" : "planer")" : "\(count) \(count == 1 ? "plan" : "plans")"
    }

    public func answer(_ answer: InvitationAnswer) -> String {
        switch answer {
        case .accepted: return language == .sv ? "kommer" : "accepted"
        case .declined: return language == .sv ? "avböjt" : "declined"
        case .noAnswer: return language == .sv ? "inget svar" : "no answer"
        }
    }

    public func escalation(_ level: Escalation) -> String {
        switch level {
        case .local: return language == .sv ? "lokalt" : "local"
        case .busGroup: return language == .sv ? "lokal BUS-grupp" : "local BUS group"
        case .bussam: return language == .sv ? "BUSSAM (för kännedom)" : "BUSSAM (for information)"
        }
    }

    public func ui(_ key: UIText) -> String {
        func pick(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }
        switch key {
        case .help: return pick("Hjälp", "Help")
        case .back: return pick("Tillbaka", "Back")
        case .quit: return pick("Avsluta", "Quit")
        case .open: return pick("Öppna", "Open")
        case .filter: return pick("Filtrera", "Filter")
        case .edit: return pick("Redigera", "Edit")
        case .save: return pick("Spara", "Save")
        case .nextField: return pick("Nästa fält", "Next field")
        case .previousField: return pick("Föregående fält", "Previous field")
        case .redraw: return pick("Rita om skärmen", "Redraw the screen")
        case .up: return pick("Upp", "Up")
        case .down: return pick("Ned", "Down")
        case .pageUp: return pick("Sida upp", "Page up")
        case .pageDown: return pick("Sida ned", "Page down")
        case .first: return pick("Första", "First")
        case .last: return pick("Sista", "Last")
        case .statusFilter: return pick("Status", "Status")
        case .overdueFilter: return pick("Försenade", "Overdue")
        case .sort: return pick("Sortera", "Sort")
        case .newPlan: return pick("Ny plan", "New plan")
        case .keepEditing: return pick("Fortsätt redigera", "Keep editing")
        case .discard: return pick("Släng ändringarna", "Discard the changes")
        case .takeTheirs: return pick("Ta deras värden", "Take their values")
        case .clearFilter: return pick("Töm filtret", "Clear the filter")
        case .applyFilter: return pick("Klar", "Done")
        case .tooSmall: return pick("Terminalen är för liten", "The terminal is too small")
        case .saved: return pick("Sparat.", "Saved.")
        case .created: return pick("Planen är skapad.", "The plan is created.")
        case .conflictBanner:
            return pick("Någon annan har sparat planen. Dina ändringar finns kvar; deras värden visas under fälten.",
                        "Someone else saved the plan. Your changes are kept; their values show under the fields.")
        case .unsavedQuestion: return pick("Osparade ändringar. Spara innan du lämnar?", "Unsaved changes. Save before leaving?")
        case .draftRestored: return pick("Osparat utkast återställt från", "Unsaved draft restored from")
        case .noMatch: return pick("Inga planer matchar filtret.", "No plans match the filter.")
        case .filterPrompt: return pick("Filter", "Filter")
        case .allStatuses: return pick("alla", "all")
        case .helpTitle: return pick("Tangenter", "Keys")
        case .overdueOnly: return pick("bara försenade", "overdue only")
        case .sortedBy: return pick("sorterat på", "sorted by")
        case .sortNumber: return pick("nummer", "number")
        case .sortChild: return pick("barn", "child")
        case .sortNextDate: return pick("nästa datum", "next date")
        case .sortStatus: return pick("status", "status")
        case .columnNumber: return pick("Nr", "No")
        case .columnChild: return pick("Barn", "Child")
        case .columnNumberPN: return pick("Personnr", "ID number")
        case .columnStatus: return pick("Status", "Status")
        case .columnLead: return pick("Huvudansvar", "Lead")
        case .columnNext: return pick("Nästa", "Next")
        case .newPlanTitle: return pick("Ny plan", "New plan")
        case .editPlanTitle: return pick("Redigera plan", "Edit plan")
        case .theirValue: return pick("Sparat av annan", "Saved by someone else")
        case .noneChoice: return pick("(ingen)", "(none)")
        case .childName: return pick("Barnets namn", "Child's name")
        case .childNumber: return pick("Personnummer", "Personal number")
        case .sex: return pick("Kön", "Sex")
        case .busGroup: return pick("BUS-grupp", "BUS group")
        case .initiator: return pick("Begärd av", "Requested by")
        case .requestDate: return pick("Begäran inkom", "Request date")
        case .mustFixFields: return pick("Rätta de markerade fälten först.", "Correct the marked fields first.")
        case .nothingToSave: return pick("Inget att spara.", "Nothing to save.")
        case .yesKeys: return pick("j", "y")
        case .meetingMode: return pick("Mötesläge", "Meeting mode")
        case .interventions: return pick("Insatser", "Interventions")
        case .addConsent: return pick("Registrera samtycke", "Record consent")
        case .withdrawConsent: return pick("Återkalla samtycke", "Withdraw consent")
        case .scheduleMeeting: return pick("Boka möte och kalla", "Schedule a meeting")
        case .showInvitation: return pick("Visa kallelsen", "Show the invitation")
        case .exportPlan: return pick("Exportera planen", "Export the plan")
        case .copyGiven: return pick("Kopia lämnad", "Copy given")
        case .closePlan: return pick("Avsluta eller avslå", "Close or refuse")
        case .undo: return pick("Ångra senaste ändringen", "Undo the last change")
        case .newIntervention: return pick("Ny insats", "New intervention")
        case .markDone: return pick("Markera genomförd", "Mark done")
        case .markNotDelivered: return pick("Markera ej genomförd", "Mark not delivered")
        case .nextSection: return pick("Nästa punkt", "Next item")
        case .previousSection: return pick("Föregående punkt", "Previous item")
        case .saveNotes: return pick("Spara anteckningar", "Save notes")
        case .editPlanFields: return pick("Redigera planens fält", "Edit the plan's fields")
        case .registerDeviation: return pick("BUS-avvikelse för vald part", "BUS deviation for the chosen party")
        case .finishMeeting: return pick("Mötet är genomfört", "The meeting is held")
        case .leaveMeetingMode: return pick("Lämna mötesläget", "Leave meeting mode")
        case .changeAttendance: return pick("Byt närvaro", "Change attendance")
        case .leaveMeetingQuestion: return pick("Lämna mötesläget? Anteckningarna sparas.", "Leave meeting mode? Notes are saved.")
        case .finishMeetingQuestion:
            return pick("Markera mötet som genomfört? Planen blir aktiv.", "Mark the meeting as held? The plan becomes active.")
        case .attendanceTitle: return pick("Närvaro", "Attendance")
        case .notesLabel: return pick("Anteckningar", "Notes")
        case .givenBy: return pick("Lämnat av", "Given by")
        case .theChild: return pick("barnet självt", "the child")
        case .validFrom: return pick("Giltigt från", "Valid from")
        case .validTo: return pick("Giltigt till", "Valid to")
        case .consentCovers: return pick("Omfattar deltagande verksamheter", "Covers the organisations taking part")
        case .withdrawnOn: return pick("Återkallat den", "Withdrawn on")
        case .meetingDate: return pick("Datum", "Date")
        case .meetingTime: return pick("Tid (TT:MM)", "Time (HH:MM)")
        case .duration: return pick("Längd (minuter)", "Length (minutes)")
        case .closeKind: return pick("Hur planen avslutas", "How the plan ends")
        case .closeCompleted: return pick("klar: målen är nådda", "completed")
        case .closeRefused: return pick("begäran avslås", "request refused")
        case .closeOther: return pick("annat skäl", "other reason")
        case .exportFormat: return pick("Format", "Format")
        case .exportFile: return pick("Fil", "File")
        case .exported: return pick("Planen är sparad i", "The plan is saved in")
        case .recipient: return pick("Mottagare", "Recipient")
        case .givenOn: return pick("Datum", "Date")
        case .undone: return pick("Ångrat.", "Undone.")
        case .nothingToUndo: return pick("Inget att ångra.", "Nothing to undo.")
        case .deviationRegistered: return pick("BUS-avvikelse registrerad", "BUS deviation registered")
        case .deviationNotNeeded:
            return pick("Avvikelse gäller den som uteblev utan besked eller avböjde.",
                        "A deviation is for a party absent without notice or who declined.")
        case .meetingFinished: return pick("Mötet är genomfört och planen aktiv.", "The meeting is held and the plan active.")
        case .noMeeting: return pick("Planen har inget möte. Boka ett möte först (b).", "The plan has no meeting. Schedule one first (b).")
        case .scheduled: return pick("Mötet är inbokat.", "The meeting is scheduled.")
        case .consentWithdrawnBanner:
            return pick("SAMTYCKE ÅTERKALLAT: dela inga uppgifter.", "CONSENT WITHDRAWN: share nothing.")
        case .interventionStatus: return pick("Status", "Status")
        case .noInterventions: return pick("Inga insatser än. Tryck n för en ny.", "No interventions yet. Press n for a new one.")
        case .answer: return pick("Svar", "Answer")
        case .consentAdded: return pick("Samtycket är registrerat.", "The consent is recorded.")
        case .addFamilyMember: return pick("Lägg till familjemedlem", "Add a family member")
        case .inviteAgency: return pick("Bjud in en verksamhet", "Invite an organisation")
        case .familyRole: return pick("Är", "Is")
        case .guardian: return pick("vårdnadshavare", "guardian")
        case .relative: return pick("närstående", "relative")
        case .changeAnswer: return pick("Byt svar på kallelsen", "Change the answer")
        case .review: return pick("BUS-granskning", "BUS review")
        case .period: return pick("Period", "Period")
        case .allGroups: return pick("Alla BUS-grupper", "All BUS groups")
        case .periodLast12: return pick("senaste 12 månaderna", "last 12 months")
        case .periodThisYear: return pick("i år", "this year")
        case .periodLastYear: return pick("förra året", "last year")
        case .trends: return pick("Trender, 12 månader", "Trends, 12 months")
        case .deviationRegister: return pick("BUS-avvikelser", "BUS deviations")
        case .administration: return pick("Administration", "Administration")
        case .atLeast: return pick("minst", "at least")
        case .administrationIntro:
            return pick("""
                Som administratör hanterar du användare och inställningar; planerna visas för samordnare. \
                Roller: coordinator, bus-chair, administrator.
                  sip-tui user add ANVÄNDARNAMN --name NAMN --role ROLL --org VERKSAMHET
                  sip-tui user set-role ANVÄNDARNAMN ROLL
                  sip-tui settings --set first-meeting-days=21
                  sip-tui audit --plan NR · backup FIL · restore FIL
                  sip-tui purge --closed-before DATUM --dry-run
                """, """
                As an administrator you manage users and settings; plans are shown to coordinators. \
                Roles: coordinator, bus-chair, administrator.
                  sip-tui user add LOGIN --name NAME --role ROLE --org ORGANISATION
                  sip-tui user set-role LOGIN ROLE
                  sip-tui settings --set first-meeting-days=21
                  sip-tui audit --plan NO · backup FILE · restore FILE
                  sip-tui purge --closed-before DATE --dry-run
                """)
        case .newDeviation: return pick("Ny avvikelse", "New deviation")
        case .sendDeviation: return pick("Skickad", "Sent")
        case .answerDeviation: return pick("Registrera svar", "Record the answer")
        case .closeDeviation: return pick("Avsluta", "Close")
        case .escalate: return pick("Eskalera", "Escalate")
        case .showDeviation: return pick("Visa med historik", "Show with history")
        case .reportingAgency: return pick("Rapporterande verksamhet", "Reporting organisation")
        case .concernedAgency: return pick("Berörd verksamhet", "Concerned organisation")
        case .planNumberOptional: return pick("Plannummer (valfritt)", "Plan number (optional)")
        case .deviationKind: return pick("Typ av avvikelse", "Kind of deviation")
        case .escalationLevel: return pick("Eskalering", "Escalation")
        case .noDeviationsYet: return pick("Inga avvikelser. Tryck n för en ny.", "No deviations. Press n for a new one.")
        case .selfAssessment: return pick("Spindelmätning", "Self-assessment")
        case .newMeasurement: return pick("Ny mätning", "New measurement")
        case .olderMeasurement: return pick("Äldre mätning", "Older measurement")
        case .newerMeasurement: return pick("Nyare mätning", "Newer measurement")
        case .noMeasurements: return pick("Ingen mätning än. Tryck n för en ny.", "No measurement yet. Press n for a new one.")
        case .chooseGroupFirst: return pick("Välj en BUS-grupp först (g).", "Choose a BUS group first (g).")
        case .closeDeviationQuestion:
            return pick("Avsluta avvikelsen? Den kan inte öppnas igen.", "Close the deviation? It cannot be reopened.")
        case .responseDate: return pick("Svarsdatum", "Response date")
        case .measuredOn: return pick("Mätdatum", "Date of measurement")
        case .fieldRequired: return pick("Måste fyllas i.", "Required.")
        case .fieldInvalid: return pick("Ogiltigt värde.", "Invalid value.")
        case .consentWritten: return pick("skriftligt", "written")
        case .consentOral: return pick("muntligt", "oral")
        }
    }
}
