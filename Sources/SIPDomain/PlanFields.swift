import Foundation

extension Plan {
    /// The plan's columns, typed: a misspelt column is a compile error, not a failing query.
    public enum Columns: String, Sendable {
        case id, childId, busGroupId, initiatorKind, initiatorAgencyId, initiatorPerson, requestDate
        case reason, questions, currentSituation, childView, childGoals, longTermGoals, shortTermGoals
        case familyOwnActions, leadAgencyId, leadPerson, leadLogin, leadContactId, coordinatorLogin, outsideCoordinator
        case status, closedReason, closedKind
        case followUpDate, followUpCaller, version, createdAt, updatedAt
        /// Written by the purge only; no property of `Plan`, as a purged plan is never loaded.
        case purgedOn
    }
}

/// One field of a plan that forms, the versioned save, the purge and the document handle: adding
/// a field is a row in `PlanField.all` (plus its property, its `Field` and a migration), and
/// `text(of:)`, `set(_:to:)`, `editableFields`, the save's UPDATE, the purge and the document
/// follow from it.
public struct PlanField: Sendable {
    /// How the field is read from and written to a `Plan`.
    public enum Value: Sendable {
        /// Free text, cleaned and checked against `maxLength` by `TextRules`.
        case text(WritableKeyPath<Plan, String> & Sendable)
        /// A date that must be given.
        case day(WritableKeyPath<Plan, Day> & Sendable)
        /// A date that may be empty.
        case optionalDay(WritableKeyPath<Plan, Day?> & Sendable)
        /// Text only a status change writes (the closing reason): shown, never set by a form or a save.
        case statusText(KeyPath<Plan, String?> & Sendable)
        /// Text only the hand-over writes (a coordinator outside the register): purged, never set by a
        /// form or a save.
        case handOverText(KeyPath<Plan, String> & Sendable)
    }

    /// What purging (gallring) a closed plan leaves in the column.
    public enum Purge: Sendable, Equatable {
        /// Not personal: kept, e.g. the dates the BUS review counts by.
        case keep
        /// Personal: replaced by this text ("-" where the schema requires some text).
        case blank(String)
    }

    public let field: Field
    public let column: Plan.Columns
    public let value: Value
    /// In Unicode code points, as the schema's CHECK counts them.
    public let maxLength: Int
    public let isMultiline: Bool
    /// A plan form edits it: it is in `Plan.editableFields`, in the order of `all`.
    public let isEditable: Bool
    public let purge: Purge
    /// One of the plan's own texts the text report lists under its questions heading, in the order of `all`.
    public let isNarrative: Bool
    /// Where `PlanDocument.Core` carries it; nil when the document carries it in its own shape.
    package let document: (WritableKeyPath<PlanDocument.Core, String> & Sendable)?

    init(
        _ field: Field, _ column: Plan.Columns, _ value: Value, maxLength: Int, multiline: Bool = false,
        editable: Bool = true, purge: Purge = .blank(""), narrative: Bool = false,
        document: (WritableKeyPath<PlanDocument.Core, String> & Sendable)? = nil
    ) {
        self.field = field
        self.column = column
        self.value = value
        self.maxLength = maxLength
        self.isMultiline = multiline
        self.isEditable = editable
        self.purge = purge
        self.isNarrative = narrative
        self.document = document
    }

    /// Every plan field, in the plan form's order. The limits are the v1 schema's CHECKs. (Key paths
    /// into the document name their root: an optional existential key path is not inferred.)
    public static let all: [PlanField] = [
        PlanField(
            .reason, .reason, .text(\.reason), maxLength: 4000, multiline: true, narrative: true,
            document: \PlanDocument.Core.reason),
        PlanField(
            .questions, .questions, .text(\.questions), maxLength: 4000, multiline: true, narrative: true,
            document: \PlanDocument.Core.questions),
        PlanField(
            .currentSituation, .currentSituation, .text(\.currentSituation), maxLength: 4000,
            multiline: true, narrative: true, document: \PlanDocument.Core.currentSituation),
        PlanField(
            .childView, .childView, .text(\.childView), maxLength: 4000, multiline: true, narrative: true,
            document: \PlanDocument.Core.childView),
        // The goals are items since v19-family (`Goal`): these texts were moved into them and are
        // no longer edited; they stay for a file written by an older program, and are purged.
        PlanField(
            .childGoals, .childGoals, .text(\.childGoals), maxLength: 4000, multiline: true, editable: false,
            document: \PlanDocument.Core.childGoals),
        PlanField(
            .longTermGoals, .longTermGoals, .text(\.longTermGoals), maxLength: 4000, multiline: true,
            editable: false, document: \PlanDocument.Core.longTermGoals),
        PlanField(
            .shortTermGoals, .shortTermGoals, .text(\.shortTermGoals), maxLength: 4000, multiline: true,
            editable: false, document: \PlanDocument.Core.shortTermGoals),
        PlanField(
            .familyOwnActions, .familyOwnActions, .text(\.familyOwnActions), maxLength: 4000,
            multiline: true, narrative: true, document: \PlanDocument.Core.familyOwnActions),
        PlanField(
            .leadPerson, .leadPerson, .text(\.leadPerson), maxLength: 120,
            document: \PlanDocument.Core.leadPerson),
        // The coordinator is a user (`coordinatorLogin`), changed only by the hand-over; this is the
        // name of one outside the register a plan from before v15 named. The document resolves both.
        PlanField(
            .coordinator, .outsideCoordinator, .handOverText(\.outsideCoordinator), maxLength: 120, editable: false),
        PlanField(.followUpDate, .followUpDate, .optionalDay(\.followUpDate), maxLength: 20, purge: .keep),
        PlanField(
            .followUpCaller, .followUpCaller, .text(\.followUpCaller), maxLength: 120,
            document: \PlanDocument.Core.followUpCaller),
        // Set when the plan is opened (or by the command line), not by the plan form.
        PlanField(
            .initiatorPerson, .initiatorPerson, .text(\.initiatorPerson), maxLength: 120, editable: false,
            document: \PlanDocument.Core.initiator.person),
        PlanField(.requestDate, .requestDate, .day(\.requestDate), maxLength: 20, editable: false, purge: .keep),
        // A closed plan must keep a reason (a CHECK): the purge leaves "-".
        PlanField(
            .closedReason, .closedReason, .statusText(\.closedReason), maxLength: 500, editable: false,
            purge: .blank("-")),
    ]

    private static let byField = Dictionary(uniqueKeysWithValues: all.map { ($0.field, $0) })

    /// The plan field `field` names, if it is one.
    public static func named(_ field: Field) -> PlanField? { byField[field] }

    /// The value as a form shows it.
    public func text(of plan: Plan) -> String {
        switch value {
        case .text(let path): plan[keyPath: path]
        case .day(let path): plan[keyPath: path].iso
        case .optionalDay(let path): plan[keyPath: path]?.iso ?? ""
        case .statusText(let path): plan[keyPath: path] ?? ""
        case .handOverText(let path): plan[keyPath: path]
        }
    }

    /// Sets the value from form text, validating it. Dates must exist.
    public func set(_ raw: String, on plan: inout Plan) throws {
        switch value {
        case .text(let path): plan[keyPath: path] = try TextRules.validated(raw, for: field)
        case .day(let path):
            guard let day = try Day.parseOptional(raw) else { throw SIPError.required(field: field) }
            plan[keyPath: path] = day
        case .optionalDay(let path): plan[keyPath: path] = try Day.parseOptional(raw)
        case .statusText, .handOverText: throw SIPError.invalidValue(field: field, value: raw)
        }
    }
}
