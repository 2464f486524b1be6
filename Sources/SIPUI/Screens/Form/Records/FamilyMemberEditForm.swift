import SIPModel
import SIPWidgets

/// A guardian or relative corrected or removed, always with a reason. The picker chooses whom;
/// their details follow the choice, to be corrected. Removal is asked about first.
public struct FamilyMemberEditForm: RecordForm {
    public enum Key: String, Sendable { case memberId, action, role, name, relation, phone, email, address, reason }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        let document = try session.store.planDocument(plan)
        let members =
            document.guardians.map { ($0, FamilyRole.guardian) } + document.relatives.map { ($0, FamilyRole.relative) }
        let choices = members.map { person, role in
            FormField.Choice(
                id: String(person.id), label: person.name,
                detail: [role == .guardian ? c.ui(.guardian) : c.ui(.relative), person.relation]
                    .filter { !$0.isEmpty }.joined(separator: " · "))
        }
        // A protected address is never shown: the field starts empty, and empty leaves it as it is.
        let links = Dictionary(
            members.map { person, role in
                (
                    String(person.id),
                    [
                        Key.role.rawValue: role.rawValue, Key.name.rawValue: person.name,
                        Key.relation.rawValue: person.relation, Key.phone.rawValue: person.phone,
                        Key.email.rawValue: person.email, Key.address.rawValue: person.address,
                    ]
                )
            }, uniquingKeysWith: { first, _ in first })
        let first = members.first
        return FormContent(
            title: c.ui(.editFamilyMember) + " – \(c(.planNumber)) \(plan)",
            fields: [
                picker(.memberId, c.ui(.whichRecord), choices, selected: first.map { String($0.0.id) } ?? ""),
                choice(
                    .action, c.ui(.whatToDo),
                    [.init(id: "edit", label: c.ui(.editChoice)), .init(id: "remove", label: c.ui(.removeChoice))],
                    selected: "edit"),
                choice(
                    .role, c.ui(.familyRole),
                    [
                        .init(id: FamilyRole.guardian.rawValue, label: c.ui(.guardian)),
                        .init(id: FamilyRole.relative.rawValue, label: c.ui(.relative)),
                    ],
                    selected: first?.1.rawValue ?? FamilyRole.guardian.rawValue),
                text(.name, c.field(.name), first?.0.name ?? ""),
                text(.relation, c.field(.relation), first?.0.relation ?? ""),
                text(.phone, c.field(.phone), first?.0.phone ?? ""),
                text(.email, c.field(.email), first?.0.email ?? ""),
                text(.address, c.field(.address), first?.0.address ?? ""),
                text(.reason, c.ui(.correctionReason), multiline: true),
            ],
            links: [Key.memberId.rawValue: links])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let c = input.catalog, store = session.store
        guard let memberId = input.id(.memberId) else { throw input.refuse(.memberId, c.ui(.fieldRequired)) }
        let document = try store.planDocument(plan)
        guard let member = (document.guardians + document.relatives).first(where: { $0.id == memberId }) else {
            throw SIPError.notFound(.familyMember, memberId)
        }
        if input[.action] == "remove" {
            // The reason is checked before the question: a refusal after a yes would be asked again.
            if TextRules.clean(input[.reason], multiline: true).isEmpty { throw SIPError.required(field: .reason) }
            guard input.confirmed else { throw RemovalNeedsConfirmation(c.ui(.removeQuestion) + " " + member.name) }
            try store.removeFamilyMember(planId: plan, memberId: memberId, reason: input[.reason])
            return .saved(c.ui(.removed))
        }
        let address = input[.address]
        try store.editFamilyMember(
            planId: plan, memberId: memberId,
            FamilyMemberCorrection(
                role: FamilyRole(rawValue: input[.role]), name: input[.name], relation: input[.relation],
                phone: input[.phone], email: input[.email],
                // What was shown is left as it is: a protected address shows empty and stays.
                address: address == member.address ? nil : address),
            reason: input[.reason])
        return .saved(c.ui(.corrected))
    }

    public func key(for error: SIPError) -> Key? {
        switch error {
        case .familyMemberHasConsent, .notFound: .memberId
        default: error.field.flatMap { Key(rawValue: $0.rawValue) }
        }
    }
}
