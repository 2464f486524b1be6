import SIPModel
import SIPWidgets

/// A BUS deviation (avvikelse): collaboration that failed, who reports it and who it concerns.
public struct DeviationForm: RecordForm {
    public enum Key: String, Sendable {
        case reportingAgencyId, concernedAgencyId, kind, occurredOn, planId, description, localAction
    }

    /// Registered from a plan: its number filled in and its organisations first.
    public let plan: Int64?
    /// A deviation the plan offers (a kallelse unanswered after its reply-by date): the form is
    /// filled in with it, and nothing is registered until the user saves.
    public let offer: DeviationDraft?
    public init(planId: Int64?, offer: DeviationDraft? = nil) {
        plan = planId
        self.offer = offer
    }

    public func open(_ session: Session) throws -> FormContent {
        let c = session.catalog, store = session.store
        var agencyRows = try store.offeredAgencies()
        if let plan {
            let taking = Set(try store.participants(planId: plan).compactMap(\.agencyId))
            agencyRows = agencyRows.filter { taking.contains($0.id!) } + agencyRows.filter { !taking.contains($0.id!) }
        }
        let agencies = try agencyChoices(agencyRows, session)
        let kinds = try store.deviationKinds().map {
            FormField.Choice(id: $0.code, label: c.name(of: $0))
        }
        return FormContent(
            title: c.ui(.newDeviation),
            fields: [
                picker(
                    .reportingAgencyId, c.ui(.reportingAgency), agencies,
                    selected: offer.map { String($0.reportingAgencyId) } ?? agencies.first?.id ?? ""),
                picker(
                    .concernedAgencyId, c.ui(.concernedAgency), agencies,
                    selected: offer.map { String($0.concernedAgencyId) } ?? agencies.dropFirst().first?.id ?? ""
                ),
                choice(.kind, c.ui(.deviationKind), kinds, selected: offer?.kind ?? kinds.first?.id ?? ""),
                text(.occurredOn, c.field(.occurredOn), (offer?.occurredOn ?? session.today).iso),
                text(.planId, c.ui(.planNumberOptional), plan.map(String.init) ?? ""),
                text(.description, c.field(.description), offer?.description ?? "", multiline: true),
                text(.localAction, c.field(.localAction), multiline: true),
            ])
    }

    public func submit(_ input: FormInput<Key>, _ session: Session) throws -> FormOutcome {
        let occurred = try input.requiredDay(.occurredOn)
        guard let reporter = input.id(.reportingAgencyId), let concerned = input.id(.concernedAgencyId) else {
            throw SIPError.required(field: .agencyName)
        }
        let store = session.store
        let planText = input.line(.planId)
        var planId: Int64?
        if !planText.isEmpty {
            guard let id = Int64(planText), (try? store.planLinkable(id)) == true else {
                throw input.refuse(.planId, input.catalog.message(.notFound(.plan, Int64(planText) ?? 0)))
            }
            planId = id
        }
        // Chairs read this text: an identity number or a name from the plan is masked for them. The
        // writer is told, once; saving the same text again saves it as written.
        if !input.acknowledged {
            let found = try [Key.description, .localAction].filter {
                try !store.identityFindings(input[$0], planId: planId).isEmpty
            }
            if !found.isEmpty {
                throw FieldErrors(
                    found.map { .init(key: $0.rawValue, message: input.catalog(.identityWarning)) },
                    areWarnings: true)
            }
        }
        try store.addDeviation(
            reportingAgencyId: reporter, concernedAgencyId: concerned, planId: planId,
            occurredOn: occurred, kind: input[.kind].isEmpty ? "ovrigt" : input[.kind],
            description: input[.description], localAction: input[.localAction],
            responseDays: try store.deadlines().deviationResponseDays)
        return .saved(input.catalog.ui(.saved))
    }
}
