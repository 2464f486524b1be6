import SIPModel
import SIPWidgets

/// A family member's language and whether an interpreter is needed, in which language. The picker
/// chooses whom; their current values follow the choice.
public struct LanguageForm: RecordForm {
    public enum Key: String, Sendable { case memberId, language, interpreterLanguage }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let document = try session.store.planDocument(plan)
        let members = document.guardians + document.relatives
        guard let first = members.first else { throw FormUnavailable(c(.noFamilyYet)) }
        let follows = Dictionary(
            members.map {
                (
                    String($0.id),
                    [Key.language.rawValue: $0.language, Key.interpreterLanguage.rawValue: $0.interpreterLanguage]
                )
            }, uniquingKeysWith: { a, _ in a })
        return FormContent(
            title: c(.languageFormTitle) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(
                    .memberId, c.ui(.whichRecord),
                    members.map { .init(id: String($0.id), label: $0.name, detail: $0.relation) },
                    selected: String(first.id)),
                text(.language, c.field(.language), first.language),
                text(.interpreterLanguage, c.field(.interpreterLanguage), first.interpreterLanguage),
            ],
            links: [Key.memberId.rawValue: follows])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        guard let member = input.id(.memberId) else { throw input.refuse(.memberId, input.catalog.ui(.fieldRequired)) }
        try session.store.setLanguage(
            planId: plan, memberId: member, language: input[.language], interpreter: input[.interpreterLanguage])
        return .saved(input.catalog(.languageSaved))
    }

    public func key(for error: SIPError) -> Key? {
        if case .notFound(.familyMember, _) = error { return .memberId }
        return error.field.flatMap { Key(rawValue: $0.rawValue) }
    }
}
