import Foundation
import SIPDomain

/// The user's language. Swedish is the default: it is the users' language.
public enum Language: String, Sendable, CaseIterable {
    case sv, en
}

/// Every user-facing string, in Swedish and English. Keys are checked by the compiler: a string
/// missing in one language does not build.
public struct Catalog: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    // MARK: Names of things

    public func field(_ field: Field) -> String {
        switch field {
        case .name: return pick("Namn", "Name")
        case .personalNumber: return pick("Personnummer", "Personal identity number")
        case .birthDate: return pick("Födelsedatum", "Date of birth")
        case .relation: return pick("Relation", "Relation")
        case .phone: return pick("Telefon", "Phone")
        case .email: return pick("E-post", "E-mail")
        case .address: return pick("Adress", "Address")
        case .role: return pick("Roll", "Role")
        case .agencyName: return pick("Verksamhet", "Organisation")
        case .principalName: return pick("Huvudman", "Principal")
        case .groupName: return pick("BUS-grupp", "BUS group")
        case .reason: return pick("Anledning", "Reason")
        case .questions: return pick("Frågeställning", "Question(s)")
        case .currentSituation: return pick("Aktuell situation", "Current situation")
        case .childView: return pick("Barnets egen syn", "The child's own view")
        case .childGoals: return pick("Barnets egna mål", "The child's own goals")
        case .longTermGoals: return pick("Långsiktiga mål", "Long-term goals")
        case .shortTermGoals: return pick("Kortsiktiga mål", "Short-term goals")
        case .familyOwnActions: return pick("Det familjen gör själv", "What the family does itself")
        case .person: return pick("Person", "Person")
        case .leadPerson: return pick("Huvudansvarig person", "Person with overall responsibility")
        case .initiatorPerson: return pick("Initiativtagare", "Initiator")
        case .coordinator: return pick("SIP-samordnare", "SIP coordinator")
        case .followUpCaller: return pick("Kallar till uppföljning", "Calls the follow-up")
        case .closedReason: return pick("Skäl för avslut", "Reason for closing")
        case .information: return pick("Information som får delas", "Information that may be shared")
        case .place: return pick("Plats", "Place")
        case .videoLink: return pick("Videolänk", "Video link")
        case .minutes: return pick("Minnesanteckningar", "Minutes")
        case .agendaTitle: return pick("Punkt", "Item")
        case .agendaNotes: return pick("Anteckningar", "Notes")
        case .what: return pick("Insats", "Intervention")
        case .frequency: return pick("Hur ofta", "How often")
        case .comment: return pick("Kommentar", "Comment")
        case .description: return pick("Beskrivning", "Description")
        case .response: return pick("Svar", "Response")
        case .localAction: return pick("Åtgärd lokalt", "Local action")
        case .note: return pick("Anteckning", "Note")
        case .login: return pick("Användarnamn", "User name")
        case .requestDate: return pick("Begäran inkom", "Request date")
        case .followUpDate: return pick("Uppföljning", "Follow-up")
        case .startDate: return pick("Startdatum", "Start date")
        case .dueDate: return pick("Slutdatum", "Due date")
        case .occurredOn: return pick("Inträffade", "Occurred")
        case .responseDue: return pick("Svar senast", "Response due")
        case .status: return pick("Status", "Status")
        case .leadAgency: return pick("Huvudansvar", "Overall responsibility")
        }
    }

    public func status(_ status: PlanStatus) -> String {
        switch status {
        case .draft: return pick("Utkast", "Draft")
        case .invited: return pick("Kallad", "Invited")
        case .active: return pick("Aktiv", "Active")
        case .followUpDue: return pick("Uppföljning", "Follow-up due")
        case .closed: return pick("Avslutad", "Closed")
        }
    }

    public func sex(_ sex: Sex) -> String {
        switch sex {
        case .girl: return pick("flicka", "girl")
        case .boy: return pick("pojke", "boy")
        case .other: return pick("annat", "other")
        case .unknown: return pick("okänt", "unknown")
        }
    }

    public func interventionStatus(_ status: InterventionStatus) -> String {
        switch status {
        case .planned: return pick("planerad", "planned")
        case .ongoing: return pick("pågår", "ongoing")
        case .done: return pick("genomförd", "done")
        case .notDelivered: return pick("ej genomförd", "not delivered")
        }
    }

    public func deviationStatus(_ status: DeviationStatus) -> String {
        switch status {
        case .registered: return pick("registrerad", "registered")
        case .sent: return pick("skickad", "sent")
        case .answered: return pick("besvarad", "answered")
        case .closed: return pick("avslutad", "closed")
        }
    }

    public func attendance(_ status: AttendanceStatus) -> String {
        switch status {
        case .present: return pick("närvarande", "present")
        case .absentWithNotice: return pick("frånvarande, anmält", "absent with notice")
        case .absentWithoutNotice: return pick("frånvarande utan besked", "absent without notice")
        case .declined: return pick("avböjt", "declined")
        }
    }

    public func meetingKind(_ kind: MeetingKind) -> String {
        switch kind {
        case .first: return pick("SIP-möte", "SIP meeting")
        case .followUp: return pick("Uppföljningsmöte", "Follow-up meeting")
        }
    }

    public func initiator(_ kind: InitiatorKind) -> String {
        switch kind {
        case .guardian: return pick("vårdnadshavare", "guardian")
        case .child: return pick("barnet", "the child")
        case .agency: return pick("verksamhet", "organisation")
        }
    }

    public func principalType(_ type: PrincipalType) -> String {
        switch type {
        case .municipality: return pick("kommun", "municipality")
        case .region: return pick("region", "region")
        case .privat: return pick("privat/fristående", "private/independent")
        case .state: return pick("statlig", "state")
        case .other: return pick("annan", "other")
        }
    }

    // MARK: Fixed texts

    public enum Key: Sendable, CaseIterable {
        case yes, no, overdue, none, planNumber, child, group, lead, nextDate, guardians, relatives
        case consent, consentValid, consentMissing, consentWithdrawn, participants, meetings, interventions
        case deviations, history, legalPoints, legalNeeds, legalByPrincipal, legalByOthers, legalOverall
        case noPlans, noDeviations, demoDone, checkOK, talliesRecounted
        case hintNewDatabase, hintRepair, hintCheckPath, hintLocked, hintNewerVersion, hintPermissions, hintSharedGroup, hintAskAdministrator
        case concerning, responseDue, kind, tuiEmpty, tuiPlans
        case follow, child_sex, birthDate, validFromTo, givenByChild, covers, attendance, agenda
        case needsTerminal, unknownTerminal
        case closedOn, purgeWouldRemove, purgeRemoved, allPlans, allGroupsShort
    }

    public func callAsFunction(_ key: Key) -> String {
        switch key {
        case .yes: return pick("ja", "yes")
        case .no: return pick("nej", "no")
        case .overdue: return pick("FÖRSENAD", "OVERDUE")
        case .none: return pick("(inget)", "(none)")
        case .planNumber: return pick("Plan", "Plan")
        case .child: return pick("Barn", "Child")
        case .group: return pick("BUS-grupp", "BUS group")
        case .lead: return pick("Huvudansvar", "Overall responsibility")
        case .nextDate: return pick("Nästa datum", "Next date")
        case .guardians: return pick("Vårdnadshavare", "Guardians")
        case .relatives: return pick("Övriga närstående", "Other relatives")
        case .consent: return pick("Samtycke", "Consent")
        case .consentValid: return pick("Giltigt samtycke finns", "Valid consent on record")
        case .consentMissing: return pick("Giltigt samtycke saknas", "No valid consent")
        case .consentWithdrawn: return pick("ÅTERKALLAT", "WITHDRAWN")
        case .participants: return pick("Deltagare", "Participants")
        case .meetings: return pick("Möten", "Meetings")
        case .interventions: return pick("Insatser", "Interventions")
        case .deviations: return pick("BUS-avvikelser", "BUS deviations")
        case .history: return pick("Historik", "History")
        case .legalPoints: return pick("Lagens fyra punkter", "The four points the law requires")
        case .legalNeeds: return pick("1. Insatser som behövs", "1. Interventions needed")
        case .legalByPrincipal: return pick("2. Insatser per huvudman", "2. Interventions per principal")
        case .legalByOthers: return pick("3. Åtgärder av andra än kommun och region",
                                         "3. Measures by others than municipality and region")
        case .legalOverall: return pick("4. Huvudman med övergripande ansvar", "4. Principal with overall responsibility")
        case .noPlans: return pick("Inga planer.", "No plans.")
        case .noDeviations: return pick("Inga avvikelser.", "No deviations.")
        case .demoDone: return pick("Demodata skapad", "Demo data created")
        case .checkOK: return pick("Databasen är hel", "The database is sound")
        case .talliesRecounted: return pick("BUS-granskningens räknare är omräknade", "The review's tallies are recounted")
        case .closedOn: return pick("avslutad", "closed")
        case .purgeWouldRemove: return pick("%d planer skulle gallras (--dry-run: inget ändrat).",
                                            "%d plans would be purged (--dry-run: nothing changed).")
        case .purgeRemoved: return pick("%d planer gallrade; avidentifierad statistik finns kvar.",
                                        "%d plans purged; de-identified statistics remain.")
        case .allPlans: return pick("(alla planer)", "(every plan)")
        case .allGroupsShort: return pick("(alla grupper)", "(every group)")
        case .hintNewDatabase: return pick("Ange en ny fil med --db.", "Give a new file with --db.")
        case .hintRepair: return pick("Räkna om dem med: sip-tui check --repair", "Recount them with: sip-tui check --repair")
        case .hintCheckPath: return pick("Kontrollera sökvägen eller ange en annan med --db.",
                                         "Check the path or give another with --db.")
        case .hintLocked: return pick("En annan session skriver just nu. Försök igen om en stund.",
                                      "Another session is writing. Try again in a moment.")
        case .hintNewerVersion: return pick("Uppdatera sip-tui.", "Update sip-tui.")
        case .hintPermissions:
            return pick("Rätta med: chmod 600 FIL, eller dela med en grupp: --shared-group GRUPP",
                        "Fix with: chmod 600 FILE, or share it with a group: --shared-group GROUP")
        case .hintSharedGroup: return pick("Be systemadministratören lägga till dig i gruppen.",
                                           "Ask the system administrator to add you to the group.")
        case .hintAskAdministrator:
            return pick("Be en administratör lägga till dig: sip-tui user add ANVÄNDARNAMN --name NAMN --role ROLL",
                        "Ask an administrator to add you: sip-tui user add LOGIN --name NAME --role ROLE")
        case .concerning: return pick("Gäller", "Concerning")
        case .responseDue: return pick("Svar senast", "Response due")
        case .kind: return pick("Typ", "Kind")
        case .tuiEmpty:
            return pick("Databasen har inga planer än. Tryck n för att skapa en plan, eller avsluta med q och "
                        + "skapa demodata med: sip-tui demo",
                        "The database has no plans yet. Press n to create a plan, or quit with q and create demo "
                        + "data with: sip-tui demo")
        case .tuiPlans: return pick("planer", "plans")
        case .follow: return pick("Uppföljning", "Follow-up")
        case .child_sex: return pick("Kön", "Sex")
        case .birthDate: return pick("Född", "Born")
        case .validFromTo: return pick("Giltigt", "Valid")
        case .givenByChild: return pick("barnet självt", "the child")
        case .covers: return pick("omfattar", "covers")
        case .attendance: return pick("Närvaro", "Attendance")
        case .agenda: return pick("Dagordning", "Agenda")
        case .needsTerminal:
            return pick("Gränssnittet behöver en terminal; använd underkommandona i skript (sip-tui --help).",
                        "The interface needs a terminal; use the subcommands in scripts (sip-tui --help).")
        case .unknownTerminal:
            return pick("Okänd terminaltyp (TERM); prova TERM=xterm-256color.", "Unknown terminal type (TERM); try TERM=xterm-256color.")
        }
    }

    // MARK: Errors

    /// One clear line for an error.
    public func message(_ error: SIPError) -> String {
        switch error {
        case .required(let f): return pick("\(field(f)) måste fyllas i.", "\(field(f)) is required.")
        case .tooLong(let f, let max):
            return pick("\(field(f)) är för lång (högst \(max) tecken).", "\(field(f)) is too long (at most \(max) characters).")
        case .invalidPersonalNumber(let problem):
            switch problem {
            case .format: return pick("Personnumret ska skrivas ÅÅÅÅMMDD-NNNN.", "Write the personal number as YYYYMMDD-NNNN.")
            case .date: return pick("Personnumret innehåller ett datum som inte finns.", "The personal number holds a date that does not exist.")
            case .checkDigit: return pick("Personnumrets kontrollsiffra stämmer inte.", "The personal number's check digit is wrong.")
            case .future: return pick("Personnumret ligger i framtiden.", "The personal number is in the future.")
            }
        case .invalidDate(let text):
            return pick("\"\(text)\" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).", "\"\(text)\" is not a valid date (write YYYY-MM-DD).")
        case .invalidValue(let f, let value):
            return pick("Ogiltigt värde för \(field(f)): \(value)", "Invalid value for \(field(f)): \(value)")
        case .dateOrder(let f): return pick("\(field(f)) ligger före startdatum.", "\(field(f)) is before the start date.")
        case .unknownStatus(let text):
            return pick("Okänd status \"\(text)\". Välj: utkast, kallad, aktiv, uppföljning, avslutad.",
                        "Unknown status \"\(text)\". Choose: draft, invited, active, follow_up_due, closed.")
        case .unknownGroup(let text): return pick("Ingen BUS-grupp heter \"\(text)\".", "No BUS group is called \"\(text)\".")
        case .notFound(let entity, let id):
            return pick("\(entityName(entity)) \(id) finns inte.", "\(entityName(entity)) \(id) does not exist.")
        case .conflict:
            return pick("Planen har ändrats av någon annan sedan du öppnade den. Inget har skrivits över.",
                        "Someone else changed the plan since you opened it. Nothing was overwritten.")
        case .transitionNotAllowed(let from, let to):
            return pick("En plan kan inte gå från \(status(from)) till \(status(to)).",
                        "A plan cannot go from \(status(from)) to \(status(to)).")
        case .consentRequired:
            return pick("Planen kan inte bli aktiv utan giltigt samtycke (barnets eller alla vårdnadshavares).",
                        "The plan cannot become active without valid consent (the child's or every guardian's).")
        case .closingReasonRequired: return pick("Ange skäl för att avsluta planen.", "Give a reason for closing the plan.")
        case .meetingAlreadyHeld:
            return pick("Mötet är redan genomfört. Boka ett nytt möte för uppföljningen (b).",
                        "The meeting has already been held. Schedule a new one for the follow-up (b).")
        case .alreadyRegistered(let id):
            return pick("Avvikelsen är redan registrerad (nummer \(id)).", "The deviation is already registered (number \(id)).")
        case .changedElsewhere(let entity):
            return pick("\(entityName(entity)) har ändrats av någon annan sedan du öppnade den. Inget har skrivits över; öppna den igen.",
                        "\(entityName(entity)) was changed by someone else since you opened it. Nothing was overwritten; open it again.")
        case .planPurged(let id):
            return pick("Plan \(id) är gallrad; bara avidentifierad statistik finns kvar.",
                        "Plan \(id) has been purged; only de-identified statistics remain.")
        case .unknownUser(let login):
            return pick("Användaren \"\(login)\" finns inte i den här databasen.",
                        "The user \"\(login)\" is not a user of this database.")
        case .userExists(let login):
            return pick("Användaren \"\(login)\" finns redan; byt roll med: sip-tui user set-role",
                        "The user \"\(login)\" already exists; change the role with: sip-tui user set-role")
        case .notPermitted(let role):
            return pick("Det får du inte göra med rollen \(self.role(role)).",
                        "Your role (\(self.role(role))) does not allow that.")
        case .planNotPermitted(let id):
            return pick("Plan \(id) hör inte till din verksamhet; du kan inte öppna den.",
                        "Plan \(id) does not involve your organisation; you cannot open it.")
        case .ambiguousAgency(let name, let ids):
            let numbers = ids.map(String.init).joined(separator: ", ")
            return pick("Flera verksamheter heter \"\(name)\" (nummer \(numbers)); ange numret.",
                        "Several organisations are called \"\(name)\" (numbers \(numbers)); give the number.")
        case .lastAdministrator:
            return pick("Databasen måste ha minst en administratör. Utse en ny först.",
                        "The database must keep at least one administrator. Appoint another first.")
        case .unknownSystemGroup(let group):
            return pick("Det finns ingen grupp \"\(group)\" på den här datorn.", "There is no group \"\(group)\" on this computer.")
        case .cannotShare(let path, let group):
            return pick("\(path) kunde inte delas med gruppen \(group).", "\(path) could not be shared with the group \(group).")
        case .databaseNotEmpty:
            return pick("Databasen innehåller redan planer; demodata skapas bara i en tom databas.",
                        "The database already holds plans; demo data goes only into an empty database.")
        case .directoryMissing(let path): return pick("Katalogen finns inte: \(path)", "The directory does not exist: \(path)")
        case .directoryNotWritable(let path):
            return pick("Katalogen går inte att skriva i: \(path)", "The directory is not writable: \(path)")
        case .cannotOpen(let path): return pick("Databasen går inte att öppna: \(path)", "Cannot open the database: \(path)")
        case .notADatabase(let path): return pick("Filen är ingen sip-tui-databas: \(path)", "The file is not a sip-tui database: \(path)")
        case .corrupt(let path): return pick("Databasen är skadad: \(path)", "The database is corrupt: \(path)")
        case .readOnly(let path): return pick("Databasen är skrivskyddad: \(path)", "The database is read-only: \(path)")
        case .locked(let path): return pick("Databasen är låst av en annan session: \(path)", "The database is locked by another session: \(path)")
        case .newerVersion(let path):
            return pick("Databasen är skapad av en nyare version av sip-tui: \(path)",
                        "The database was written by a newer version of sip-tui: \(path)")
        case .permissionsTooOpen(let path, let mode):
            return pick("\(path) kan läsas av andra (läge \(mode)); bara ägaren får ha åtkomst.",
                        "\(path) is readable by others (mode \(mode)); only its owner may have access.")
        case .integrityFailed(let detail): return pick("Integritetskontrollen misslyckades: \(detail)", "Integrity check failed: \(detail)")
        case .foreignKeyViolations(let count):
            return pick("\(count) trasiga referenser mellan tabeller.", "\(count) broken references between tables.")
        case .reviewTalliesStale(let count):
            return pick("BUS-granskningens räknare stämmer inte med planerna och avvikelserna (\(count) skillnader).",
                        "The BUS review's tallies differ from the plans and deviations (\(count) differences).")
        case .storage(let detail): return pick("Databasfel: \(detail)", "Database error: \(detail)")
        }
    }

    /// A second line suggesting what to do, where one helps.
    public func hint(_ error: SIPError) -> String? {
        switch error {
        case .directoryMissing, .directoryNotWritable, .cannotOpen, .notADatabase: return self(.hintCheckPath)
        case .locked: return self(.hintLocked)
        case .newerVersion: return self(.hintNewerVersion)
        case .permissionsTooOpen: return self(.hintPermissions)
        case .cannotShare: return self(.hintSharedGroup)
        case .unknownUser: return self(.hintAskAdministrator)
        case .databaseNotEmpty: return self(.hintNewDatabase)
        case .reviewTalliesStale: return self(.hintRepair)
        default: return nil
        }
    }

    /// A role's name, as users say it.
    public func role(_ role: Role) -> String {
        switch role {
        case .coordinator: return pick("samordnare", "coordinator")
        case .busChair: return pick("BUS-ordförande", "BUS chair")
        case .administrator: return pick("administratör", "administrator")
        }
    }

    public func entityName(_ entity: SIPError.Entity) -> String {
        switch entity {
        case .plan: return pick("Plan", "Plan")
        case .child: return pick("Barn", "Child")
        case .agency: return pick("Verksamhet", "Organisation")
        case .busGroup: return pick("BUS-grupp", "BUS group")
        case .meeting: return pick("Möte", "Meeting")
        case .intervention: return pick("Insats", "Intervention")
        case .deviation: return pick("Avvikelse", "Deviation")
        case .consent: return pick("Samtycke", "Consent")
        case .familyMember: return pick("Närstående", "Family member")
        case .participant: return pick("Deltagare", "Participant")
        case .user: return pick("Användare", "User")
        }
    }

    /// The review table's sections and items (`ReviewFigures` says which figure shows which).
    package func review(_ label: ReviewLabel) -> String {
        switch label {
        case .openPlansByStatus: return pick("Öppna planer per status", "Open plans by status")
        case .plans: return pick("Planer", "Plans")
        case .startedInPeriod: return pick("startade under perioden", "started in the period")
        case .overdue: return pick("Försenat", "Overdue")
        case .firstMeeting: return pick("första möte", "first meeting")
        case .followUp: return pick("uppföljning", "follow-up")
        case .interventions: return pick("insatser", "interventions")
        case .deviationsByKind: return pick("Avvikelser per typ", "Deviations by kind")
        case .deviationsByConcerned:
            return pick("Avvikelser per berörd verksamhet", "Deviations by concerned organisation")
        case .deviationsByStatus: return pick("Avvikelser per status", "Deviations by status")
        case .responseTime: return pick("Svarstid", "Response time")
        case .answered: return pick("besvarade", "answered")
        case .medianDays: return pick("median, dagar", "median, days")
        case .longestDays: return pick("längsta, dagar", "longest, days")
        case .overdueAnswers: return pick("försenade svar", "overdue answers")
        case .openPlansBySexAndAge: return pick("Öppna planer per kön och ålder", "Open plans by sex and age")
        }
    }
}

/// The words of the review table.
package enum ReviewLabel {
    case openPlansByStatus, plans, startedInPeriod, overdue, firstMeeting, followUp, interventions
    case deviationsByKind, deviationsByConcerned, deviationsByStatus
    case responseTime, answered, medianDays, longestDays, overdueAnswers, openPlansBySexAndAge
}
