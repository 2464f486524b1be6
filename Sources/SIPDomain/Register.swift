import Foundation

/// What is wrong with a line of the register (organisations, contact persons, BUS groups), or with
/// a change made on the command line. Messages live in `Catalog`.
public indirect enum RegisterProblem: Equatable, Sendable {
    case unknownKind(String)
    case unknownPrincipal(String)
    /// Another organisation of this principal already has the name.
    case duplicateName(principal: String, name: String)
    case unknownGroup(String)
    /// The BUS group is retired: it keeps its plans and takes no new one.
    case retiredGroup(String)
    case unknownOrganisation(String)
    case unknownContact(String)
    case deputyIsSelf
    case unknownStatus(String)
    /// The same record twice in one input: the first line it was on.
    case duplicateLine(Int)
    /// The file is not UTF-8; `encoding` is what it looks like ("Latin-1", "UTF-16").
    case notUTF8(encoding: String)
    case missingColumn(String)
    case lineTooLong(limit: Int)
    /// The header names no register file (groups, organisations, contacts).
    case unknownHeader
    case unreadable(String)
    case invalid(SIPError)
}

/// One problem of an import, where it is: the file, the line (from 1) and the column's name.
public struct RegisterIssue: Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: String?
    public var problem: RegisterProblem

    public init(file: String, line: Int, column: String?, problem: RegisterProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// The register's files, in the order an import reads them (a group before the organisations that
/// serve it, an organisation before its contact persons).
public enum RegisterFile: String, CaseIterable, Sendable {
    case groups, organisations, contacts

    public var fileName: String { rawValue + ".tsv" }

    /// The header line's columns, in order.
    public var columns: [String] {
        switch self {
        case .groups: ["name", "area", "chair", "status"]
        case .organisations: ["name", "kind", "principal", "principal_name", "groups", "status"]
        case .contacts: ["organisation", "principal_name", "name", "function", "phone", "email", "deputy", "status"]
        }
    }
}

/// What an import did (or, with a dry run, would do).
public struct RegisterImportSummary: Equatable, Sendable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var dryRun = false
    public init() {}
}

extension PrincipalType {
    /// The principal as written in a register file or on the command line: kommun, region,
    /// private (privat), state (stat), other (annan); nil for anything else.
    public static func parse(_ text: String) -> PrincipalType? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "kommun", "municipality": .municipality
        case "region": .region
        case "privat", "private": .privat
        case "stat", "state": .state
        case "annan", "other": .other
        default: nil
        }
    }

    /// The word register files use.
    public var registerWord: String {
        switch self {
        case .municipality: "kommun"
        case .region: "region"
        case .privat: "private"
        case .state: "state"
        case .other: "other"
        }
    }
}
