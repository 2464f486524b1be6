import SIPDomain

extension Catalog {
    /// A plan: its detail screen's actions and the plan as text (`plan show`).
    public enum PlanText: CatalogText {
        case scheduleMeeting, showInvitation, exportPlan, copyGiven, closePlan, editPlanFields, closeKind
        case closeCompleted, closeRefused, closeOther, exportFormat, exportFile, exported, recipient, givenOn
        case addFamilyMember, inviteAgency, familyRole, guardian, relative, scheduled, changeAnswer, yes, no
        case overdue, none, planNumber, child, group, lead, nextDate, guardians, relatives, participants, meetings
        case deviations, history, legalPoints, legalNeeds, legalByPrincipal, legalByOthers, legalOverall, follow
        case childSex, birthDate, agenda, concerning, responseDue, kind

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .scheduleMeeting: return pick("Boka möte och kalla", "Schedule a meeting")
            case .showInvitation: return pick("Visa kallelsen", "Show the invitation")
            case .exportPlan: return pick("Exportera planen", "Export the plan")
            case .copyGiven: return pick("Kopia lämnad", "Copy given")
            case .closePlan: return pick("Avsluta eller avslå", "Close or refuse")
            case .editPlanFields: return pick("Redigera planens fält", "Edit the plan's fields")
            case .closeKind: return pick("Hur planen avslutas", "How the plan ends")
            case .closeCompleted: return pick("klar: målen är nådda", "completed")
            case .closeRefused: return pick("begäran avslås", "request refused")
            case .closeOther: return pick("annat skäl", "other reason")
            case .exportFormat: return pick("Format", "Format")
            case .exportFile: return pick("Fil", "File")
            case .exported: return pick("Planen är sparad i", "The plan is saved in")
            case .recipient: return pick("Mottagare", "Recipient")
            case .givenOn: return pick("Datum", "Date")
            case .addFamilyMember: return pick("Lägg till familjemedlem", "Add a family member")
            case .inviteAgency: return pick("Bjud in en verksamhet", "Invite an organisation")
            case .familyRole: return pick("Är", "Is")
            case .guardian: return pick("vårdnadshavare", "guardian")
            case .relative: return pick("närstående", "relative")
            case .scheduled: return pick("Mötet är inbokat.", "The meeting is scheduled.")
            case .changeAnswer: return pick("Byt svar på kallelsen", "Change the answer")
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
            case .participants: return pick("Deltagare", "Participants")
            case .meetings: return pick("Möten", "Meetings")
            case .deviations: return pick("BUS-avvikelser", "BUS deviations")
            case .history: return pick("Historik", "History")
            case .legalPoints: return pick("Lagens fyra punkter", "The four points the law requires")
            case .legalNeeds: return pick("1. Insatser som behövs", "1. Interventions needed")
            case .legalByPrincipal: return pick("2. Insatser per huvudman", "2. Interventions per principal")
            case .legalByOthers:
                return pick(
                    "3. Åtgärder av andra än kommun och region",
                    "3. Measures by others than municipality and region")
            case .legalOverall:
                return pick(
                    "4. Huvudman med övergripande ansvar",
                    "4. Principal with overall responsibility")
            case .follow: return pick("Uppföljning", "Follow-up")
            case .childSex: return pick("Kön", "Sex")
            case .birthDate: return pick("Född", "Born")
            case .agenda: return pick("Dagordning", "Agenda")
            case .concerning: return pick("Gäller", "Concerning")
            case .responseDue: return pick("Svar senast", "Response due")
            case .kind: return pick("Typ", "Kind")
            }
        }
    }
}

extension Catalog.Text {
    public static var scheduleMeeting: Self { Self(.plan(.scheduleMeeting)) }
    public static var showInvitation: Self { Self(.plan(.showInvitation)) }
    public static var exportPlan: Self { Self(.plan(.exportPlan)) }
    public static var copyGiven: Self { Self(.plan(.copyGiven)) }
    public static var closePlan: Self { Self(.plan(.closePlan)) }
    public static var editPlanFields: Self { Self(.plan(.editPlanFields)) }
    public static var closeKind: Self { Self(.plan(.closeKind)) }
    public static var closeCompleted: Self { Self(.plan(.closeCompleted)) }
    public static var closeRefused: Self { Self(.plan(.closeRefused)) }
    public static var closeOther: Self { Self(.plan(.closeOther)) }
    public static var exportFormat: Self { Self(.plan(.exportFormat)) }
    public static var exportFile: Self { Self(.plan(.exportFile)) }
    public static var exported: Self { Self(.plan(.exported)) }
    public static var recipient: Self { Self(.plan(.recipient)) }
    public static var givenOn: Self { Self(.plan(.givenOn)) }
    public static var addFamilyMember: Self { Self(.plan(.addFamilyMember)) }
    public static var inviteAgency: Self { Self(.plan(.inviteAgency)) }
    public static var familyRole: Self { Self(.plan(.familyRole)) }
    public static var guardian: Self { Self(.plan(.guardian)) }
    public static var relative: Self { Self(.plan(.relative)) }
    public static var scheduled: Self { Self(.plan(.scheduled)) }
    public static var changeAnswer: Self { Self(.plan(.changeAnswer)) }
    public static var yes: Self { Self(.plan(.yes)) }
    public static var no: Self { Self(.plan(.no)) }
    public static var overdue: Self { Self(.plan(.overdue)) }
    public static var none: Self { Self(.plan(.none)) }
    public static var planNumber: Self { Self(.plan(.planNumber)) }
    public static var child: Self { Self(.plan(.child)) }
    public static var group: Self { Self(.plan(.group)) }
    public static var lead: Self { Self(.plan(.lead)) }
    public static var nextDate: Self { Self(.plan(.nextDate)) }
    public static var guardians: Self { Self(.plan(.guardians)) }
    public static var relatives: Self { Self(.plan(.relatives)) }
    public static var participants: Self { Self(.plan(.participants)) }
    public static var meetings: Self { Self(.plan(.meetings)) }
    public static var deviations: Self { Self(.plan(.deviations)) }
    public static var history: Self { Self(.plan(.history)) }
    public static var legalPoints: Self { Self(.plan(.legalPoints)) }
    public static var legalNeeds: Self { Self(.plan(.legalNeeds)) }
    public static var legalByPrincipal: Self { Self(.plan(.legalByPrincipal)) }
    public static var legalByOthers: Self { Self(.plan(.legalByOthers)) }
    public static var legalOverall: Self { Self(.plan(.legalOverall)) }
    public static var follow: Self { Self(.plan(.follow)) }
    public static var childSex: Self { Self(.plan(.childSex)) }
    public static var birthDate: Self { Self(.plan(.birthDate)) }
    public static var agenda: Self { Self(.plan(.agenda)) }
    public static var concerning: Self { Self(.plan(.concerning)) }
    public static var responseDue: Self { Self(.plan(.responseDue)) }
    public static var kind: Self { Self(.plan(.kind)) }
}
