import SIPModel
import SIPWidgets

/// A guardian or relative of the child. Guardians are at the table: they are invited with the plan.
public struct FamilyMemberForm: RecordForm {
    public enum Key: String, Sendable { case role, name, relation, phone, email, address, protectedIdentity }

    public let plan: Int64
    public init(planId: Int64) { plan = planId }
    public var planId: Int64? { plan }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog
        return FormContent(
            title: c.ui(.addFamilyMember) + " – \(c(.planNumber)) \(plan)",
            fields: [
                choice(
                    .role, c.ui(.familyRole),
                    [
                        .init(id: FamilyRole.guardian.rawValue, label: c.ui(.guardian)),
                        .init(id: FamilyRole.relative.rawValue, label: c.ui(.relative)),
                    ],
                    selected: FamilyRole.guardian.rawValue),
                text(.name, c.field(.name)), text(.relation, c.field(.relation)), text(.phone, c.field(.phone)),
                text(.email, c.field(.email)), text(.address, c.field(.address)),
                // Skyddade personuppgifter: the address is kept but never shown, printed or exported.
                choice(
                    .protectedIdentity, c.ui(.protectedIdentity),
                    [.init(id: "no", label: c(.no)), .init(id: "yes", label: c(.yes))], selected: "no"),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let store = session.store, c = input.catalog
        let role = FamilyRole(rawValue: input[.role]) ?? .guardian
        // Guardians are invited in the same transaction as they are recorded.
        try store.addFamilyMember(
            childId: try store.plan(plan).childId, role: role, name: input[.name],
            relation: input[.relation], phone: input[.phone], email: input[.email],
            address: input[.address], inviteTo: role == .guardian ? plan : nil,
            participantRole: c.ui(.guardian).prefix(1).uppercased() + c.ui(.guardian).dropFirst(),
            protectedIdentity: input[.protectedIdentity] == "yes")
        return .saved(c.ui(.saved))
    }
}
