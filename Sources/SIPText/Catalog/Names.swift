import SIPDomain

/// The names of the domain's things: fields, statuses, kinds, roles, the records an error is about,
/// and reference data that carries its own Swedish and English names.
extension Catalog {
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
        case .goal: return pick("Mål", "Goal")
        case .worksTowards: return pick("Vem arbetar mot målet", "Who works towards it")
        case .familyComment: return pick("Barnets och familjens kommentar", "The child's and family's comment")
        case .childWords: return pick("Barnets egna ord", "The child's own words")
        case .representedBy: return pick("Företräddes av", "Represented by")
        case .language: return pick("Språk", "Language")
        case .interpreterLanguage: return pick("Behöver tolk på", "Needs an interpreter in")
        case .interpreterBooked: return pick("Tolk bokad", "Interpreter booked")
        case .need: return pick("Behov", "Need")
        case .notifiedOn: return pick("Underrättelse, datum", "Notice of discharge")
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
        case .request: return pick("Begäran", "Request")
        }
    }

    /// "1 plan", "12 planer".
    public func plans(_ count: Int) -> String {
        pick("\(count) \(count == 1 ? "plan" : "planer")", "\(count) \(count == 1 ? "plan" : "plans")")
    }

    public func answer(_ answer: InvitationAnswer) -> String {
        switch answer {
        case .accepted: return pick("kommer", "accepted")
        case .declined: return pick("avböjt", "declined")
        case .noAnswer: return pick("inget svar", "no answer")
        }
    }

    public func escalation(_ level: Escalation) -> String {
        switch level {
        case .local: return pick("lokalt", "local")
        case .busGroup: return pick("lokal BUS-grupp", "local BUS group")
        case .bussam: return pick("BUSSAM (för kännedom)", "BUSSAM (for information)")
        }
    }

    /// The name of a reference-data row (an organisation kind, a deviation kind, a dimension of the
    /// self-assessment), in this catalog's language. The names come from the data files.
    public func name(of item: some NamedInBothLanguages) -> String { pick(item.nameSv, item.nameEn) }
}

/// Reference data that carries its name in both languages (from the data files, not the catalog).
public protocol NamedInBothLanguages {
    var nameSv: String { get }
    var nameEn: String { get }
}

extension AgencyKind: NamedInBothLanguages {}
extension DeviationKind: NamedInBothLanguages {}

/// The agenda template's items are called by their title.
extension AgendaTemplateItem: NamedInBothLanguages {
    public var nameSv: String { titleSv }
    public var nameEn: String { titleEn }
}
