import SIPDomain

/// The names of the domain's things: fields, statuses, kinds, roles, the records an error is about,
/// and reference data that carries its own Swedish and English names.
extension Catalog {
    public func field(_ field: Field) -> String { language.words.field(field, in: self) }

    public func status(_ status: PlanStatus) -> String { language.words.status(status, in: self) }

    public func sex(_ sex: Sex) -> String { language.words.sex(sex, in: self) }

    public func interventionStatus(_ status: InterventionStatus) -> String {
        language.words.interventionStatus(status, in: self)
    }

    public func deviationStatus(_ status: DeviationStatus) -> String {
        language.words.deviationStatus(status, in: self)
    }

    public func attendance(_ status: AttendanceStatus) -> String { language.words.attendance(status, in: self) }

    public func meetingKind(_ kind: MeetingKind) -> String { language.words.meetingKind(kind, in: self) }

    public func initiator(_ kind: InitiatorKind) -> String { language.words.initiator(kind, in: self) }

    public func principalType(_ type: PrincipalType) -> String { language.words.principalType(type, in: self) }

    /// A role's name, as users say it.
    public func role(_ role: Role) -> String { language.words.role(role, in: self) }

    public func entityName(_ entity: SIPError.Entity) -> String { language.words.entityName(entity, in: self) }

    /// "1 plan", "12 planer".
    public func plans(_ count: Int) -> String { language.words.plans(count, in: self) }

    public func answer(_ answer: InvitationAnswer) -> String { language.words.answer(answer, in: self) }

    public func escalation(_ level: Escalation) -> String { language.words.escalation(level, in: self) }

    /// The name of a reference-data row (an organisation kind, a deviation kind, a dimension of the
    /// self-assessment), in this catalog's language. The names come from the data files.
    public func name(of item: some NamedInBothLanguages) -> String { language.words.name(of: item, in: self) }
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
