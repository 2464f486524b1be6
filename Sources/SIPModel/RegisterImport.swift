import Foundation
import GRDB
import SIPDomain
import SIPText

/// One register file read and split: its kind, and its data lines with their numbers.
public struct RegisterTable: Sendable {
    public var name: String
    public var kind: RegisterFile
    /// The column names of the header, in the file's order.
    public var header: [String]
    public var lines: [(number: Int, fields: [String])]
}

/// Reads register files: UTF-8 only (with or without a byte-order mark), LF or CR LF line ends,
/// `#` comments and blank lines ignored, no line longer than `lineLimit` bytes. A file is read in
/// chunks: a line too long is skipped to its end, never held whole.
public enum RegisterReader {
    public static let lineLimit = 64 * 1024

    /// Reads `path` (a file, or a folder of `.tsv` files); problems are collected, not thrown.
    public static func read(path: String, issues: inout [RegisterIssue]) -> [RegisterTable] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            issues.append(RegisterIssue(file: path, line: 0, column: nil, problem: .unreadable(path)))
            return []
        }
        var files = [path]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".tsv") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        let tables = files.compactMap { readFile($0, issues: &issues) }
        return tables.sorted {
            RegisterFile.allCases.firstIndex(of: $0.kind)! < RegisterFile.allCases.firstIndex(of: $1.kind)!
        }
    }

    static func readFile(_ path: String, issues: inout [RegisterIssue]) -> RegisterTable? {
        let name = (path as NSString).lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: path) else {
            issues.append(RegisterIssue(file: name, line: 0, column: nil, problem: .unreadable(path)))
            return nil
        }
        defer { try? handle.close() }
        var table: RegisterTable?
        var fileIssues: [RegisterIssue] = []
        var lineNumber = 0
        var current = Data()
        var skipping = false
        var first = true
        func issue(_ column: String?, _ problem: RegisterProblem) {
            fileIssues.append(RegisterIssue(file: name, line: lineNumber, column: column, problem: problem))
        }
        /// Returns false when the whole file is refused.
        func finish(_ bytes: Data) -> Bool {
            lineNumber += 1
            var bytes = bytes
            if first {
                first = false
                if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                    issue(nil, .notUTF8(encoding: "UTF-16"))
                    return false
                }
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            }
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.contains(0) {
                issue(nil, .notUTF8(encoding: "UTF-16"))
                return false
            }
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                issue(nil, .notUTF8(encoding: "Latin-1"))
                return false
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return true }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let known = table else {
                let header = fields.map { $0.lowercased() }
                guard
                    let kind = RegisterFile.allCases.first(where: { Set($0.columns).isSubset(of: header) })
                        ?? RegisterFile.allCases.first(where: {
                            header.first == $0.columns.first && header.contains($0.columns[1])
                        })
                else {
                    issue(nil, .unknownHeader)
                    return false
                }
                let missing = kind.columns.filter { !header.contains($0) && $0 != "status" }
                for column in missing { issue(column, .missingColumn(column)) }
                if !missing.isEmpty { return false }
                table = RegisterTable(name: name, kind: kind, header: header, lines: [])
                return true
            }
            if fields.count < known.header.count {
                issue(known.header[fields.count], .missingColumn(known.header[fields.count]))
                return true
            }
            table!.lines.append((lineNumber, fields))
            return true
        }
        while true {
            guard let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty else { break }
            var start = chunk.startIndex
            while start < chunk.endIndex {
                if let newline = chunk[start...].firstIndex(of: 0x0A) {
                    if skipping {
                        lineNumber += 1
                        issue(nil, .lineTooLong(limit: lineLimit))
                        skipping = false
                        first = false
                    } else {
                        current.append(chunk[start..<newline])
                        if current.count > lineLimit {
                            lineNumber += 1
                            issue(nil, .lineTooLong(limit: lineLimit))
                        } else if !finish(current) {
                            issues += fileIssues
                            return nil
                        }
                    }
                    current = Data()
                    start = chunk.index(after: newline)
                } else {
                    if !skipping {
                        current.append(chunk[start...])
                        if current.count > lineLimit {
                            skipping = true
                            current = Data()
                        }
                    }
                    start = chunk.endIndex
                }
            }
        }
        if skipping {
            lineNumber += 1
            issue(nil, .lineTooLong(limit: lineLimit))
        } else if !current.isEmpty, !finish(current) {
            issues += fileIssues
            return nil
        }
        issues += fileIssues
        if table == nil, fileIssues.isEmpty {
            lineNumber = max(lineNumber, 1)
            issues.append(RegisterIssue(file: name, line: lineNumber, column: nil, problem: .unknownHeader))
        }
        return table
    }
}

extension Store {
    /// Imports the register at `path` (a file or a folder) in one transaction: every line is
    /// checked; with any problem nothing is written and `registerInvalid` names each one. A record
    /// is found by its name (a group), its principal and name (an organisation), or its organisation
    /// and name (a contact person): a line the same as the record changes nothing, so an import run
    /// twice changes nothing the second time. With `dryRun` everything is checked and rolled back.
    public func importRegister(path: String, dryRun: Bool) throws -> RegisterImportSummary {
        let run: @Sendable (Database) throws -> RegisterImportSummary = { db in
            if let access = try self.currentAccess(db) { try access.require(.settings) }
            var summary = try self.importRegister(db, path: path)
            summary.dryRun = dryRun
            return summary
        }
        if dryRun { return try rehearse(run) }
        return try write(run)
    }

    /// Imports the register at `path` inside the caller's transaction (the demo's too): every
    /// problem at once as `registerInvalid`, and then the caller's transaction must roll back.
    package func importRegister(_ db: Database, path: String) throws -> RegisterImportSummary {
        var readIssues: [RegisterIssue] = []
        let tables = RegisterReader.read(path: path, issues: &readIssues)
        var importer = RegisterImporter(store: self, db: db, issues: readIssues)
        for table in tables { try importer.apply(table) }
        if !importer.issues.isEmpty {
            let sorted = importer.issues.enumerated().sorted {
                ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset)
            }
            throw SIPError.registerInvalid(sorted.map(\.element))
        }
        return importer.summary
    }

    /// Runs `body` in a write transaction that is always rolled back.
    func rehearse<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try mappingErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .rollback
                }
                return result!
            }
        }
    }

    /// Writes the register as `groups.tsv`, `organisations.tsv` and `contacts.tsv` in `directory`
    /// (new files only), in the format the import reads.
    public func exportRegister() throws -> [RegisterFile: String] {
        try read { db in
            let groups = try BusGroup.order(BusGroup.Columns.name).fetchAll(db)
            let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id!, $0.name) })
            let organisations = try Self.registerOrganisations(db)
            let agencies = Dictionary(uniqueKeysWithValues: organisations.map { ($0.agency.id!, $0.agency) })
            let contacts = try ContactPerson.order(ContactPerson.Columns.agencyId, ContactPerson.Columns.name)
                .fetchAll(db)
            let contactNames = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id!, $0.name) })
            func status(_ day: Day?) -> String { day == nil ? "active" : "retired" }
            func file(_ kind: RegisterFile, _ rows: [[String]]) -> String {
                ([kind.columns] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
            }
            return [
                .groups: file(.groups, groups.map { [$0.name, $0.area, $0.chair, status($0.retiredOn)] }),
                .organisations: file(
                    .organisations,
                    organisations.map { o in
                        let a = o.agency
                        return [
                            a.name, a.kind, a.principalType.registerWord, a.principalName,
                            o.groupIds.compactMap { groupNames[$0] }.sorted().joined(separator: "; "),
                            status(a.retiredOn),
                        ]
                    }),
                .contacts: file(
                    .contacts,
                    contacts.map { c in
                        let a = agencies[c.agencyId]!
                        return [
                            a.name, a.principalName, c.name, c.role, c.phone, c.email,
                            c.deputyId.flatMap { contactNames[$0] } ?? "", status(c.retiredOn),
                        ]
                    }),
            ]
        }
    }
}

/// A line's problem, with the column it is in.
struct LineProblem: Error {
    var column: String?
    var problem: RegisterProblem
}

/// Applies register tables inside one transaction, collecting every problem.
struct RegisterImporter {
    let store: Store
    let db: Database
    var issues: [RegisterIssue]
    var summary = RegisterImportSummary()
    /// Keys seen in this input, with the line they were on, per file kind.
    var seen: [RegisterFile: [String: Int]] = [:]

    init(store: Store, db: Database, issues: [RegisterIssue]) {
        self.store = store
        self.db = db
        self.issues = issues
    }

    mutating func apply(_ table: RegisterTable) throws {
        var deputies: [(line: Int, contact: Int64, agency: Int64, name: String)] = []
        for (number, fields) in table.lines {
            var row: [String: String] = [:]
            for (index, column) in table.header.enumerated() where index < fields.count { row[column] = fields[index] }
            func problem(_ column: String?, _ problem: RegisterProblem) {
                issues.append(RegisterIssue(file: table.name, line: number, column: column, problem: problem))
            }
            let retired: Bool
            switch (row["status"] ?? "").lowercased() {
            case "", "active", "aktiv": retired = false
            case "retired", "avslutad": retired = true
            default:
                problem("status", .unknownStatus(row["status"]!))
                continue
            }
            let key: String
            switch table.kind {
            case .groups: key = registerKey(row["name"]!)
            case .organisations: key = registerKey(row["principal_name"]!) + "\t" + registerKey(row["name"]!)
            case .contacts:
                key = [row["principal_name"]!, row["organisation"]!, row["name"]!].map(registerKey).joined(
                    separator: "\t")
            }
            if let first = seen[table.kind]?[key] {
                problem(table.kind == .organisations ? "name" : "name", .duplicateLine(first))
                continue
            }
            seen[table.kind, default: [:]][key] = number
            do {
                switch table.kind {
                case .groups:
                    try group(row, retired: retired)
                case .organisations:
                    try organisation(row, retired: retired)
                case .contacts:
                    let (contact, agency) = try contact(row, retired: retired)
                    if let deputy = row["deputy"] { deputies.append((number, contact, agency, deputy)) }
                }
            } catch let line as LineProblem {
                problem(line.column, line.problem)
            } catch let error as SIPError {
                problem(Self.column(of: error, kind: table.kind), Self.problem(error))
            }
        }
        // Deputies once every contact of the file is in: a deputy may be on a later line.
        for deputy in deputies {
            let wanted = registerKey(deputy.name)
            var deputyId: Int64?
            if !wanted.isEmpty {
                let colleagues = try ContactPerson.filter(ContactPerson.Columns.agencyId == deputy.agency).fetchAll(db)
                guard let found = colleagues.first(where: { registerKey($0.name) == wanted }) else {
                    issues.append(
                        RegisterIssue(
                            file: table.name, line: deputy.line, column: "deputy", problem: .unknownContact(deputy.name)
                        ))
                    continue
                }
                deputyId = found.id
            }
            do {
                let contact = try ContactPerson.fetchOne(db, key: deputy.contact)!
                if contact.deputyId != deputyId {
                    _ = try store.updateContact(
                        db, deputy.contact, name: nil, function: nil, phone: nil, email: nil,
                        deputyId: .some(deputyId), retired: nil)
                }
            } catch let error as SIPError {
                issues.append(
                    RegisterIssue(file: table.name, line: deputy.line, column: "deputy", problem: Self.problem(error)))
            }
        }
    }

    static func problem(_ error: SIPError) -> RegisterProblem {
        if case .register(let problem) = error { return problem }
        return .invalid(error)
    }

    static func column(of error: SIPError, kind: RegisterFile) -> String? {
        switch error {
        case .register(.unknownKind): return "kind"
        case .register(.unknownGroup): return "groups"
        case .register(.duplicateName): return "name"
        case .register(.deputyIsSelf), .register(.unknownContact): return "deputy"
        case .register(.unknownOrganisation): return "organisation"
        default: break
        }
        switch error.field {
        case .principalName?: return "principal_name"
        case .agencyName?, .groupName?: return kind == .groups && error.field == .groupName ? "name" : "name"
        case .role?: return "function"
        case .phone?: return "phone"
        case .email?: return "email"
        case .name?: return kind == .groups ? "chair" : "name"
        default: return nil
        }
    }

    mutating func group(_ row: [String: String], retired: Bool) throws {
        let name = row["name"]!
        if let existing = try BusGroup.fetchAll(db).first(where: { registerKey($0.name) == registerKey(name) }) {
            let changed = try store.updateBusGroup(
                db, existing.id!, name: nil, area: row["area"]!, chair: row["chair"]!, retired: retired)
            if changed { summary.changed += 1 } else { summary.unchanged += 1 }
        } else {
            _ = try store.insertBusGroup(db, name: name, area: row["area"]!, chair: row["chair"]!, retired: retired)
            summary.added += 1
        }
    }

    mutating func organisation(
        _ row: [String: String], retired: Bool
    ) throws {
        guard let kind = try Store.agencyKind(db, row["kind"]!)?.code else {
            throw LineProblem(column: "kind", problem: .unknownKind(row["kind"]!))
        }
        guard let principal = PrincipalType.parse(row["principal"]!) else {
            throw LineProblem(column: "principal", problem: .unknownPrincipal(row["principal"]!))
        }
        let groups = try BusGroup.fetchAll(db)
        var groupIds: [Int64] = []
        for name in row["groups"]!.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty {
            guard let group = groups.first(where: { registerKey($0.name) == registerKey(name) && $0.retiredOn == nil })
            else { throw LineProblem(column: "groups", problem: .unknownGroup(name)) }
            groupIds.append(group.id!)
        }
        let wanted = (registerKey(row["principal_name"]!), registerKey(row["name"]!))
        if let existing = try Agency.fetchAll(db).first(where: {
            (registerKey($0.principalName), registerKey($0.name)) == wanted
        }) {
            let changed = try store.updateAgency(
                db, existing.id!, kind: kind, principalType: principal, principalName: nil, name: nil,
                groupIds: groupIds, retired: retired)
            if changed { summary.changed += 1 } else { summary.unchanged += 1 }
        } else {
            _ = try store.insertAgency(
                db, kind: kind, principalType: principal, principalName: row["principal_name"]!, name: row["name"]!,
                groupIds: groupIds, retired: retired)
            summary.added += 1
        }
    }

    /// The contact's id and organisation, for its deputy.
    mutating func contact(
        _ row: [String: String], retired: Bool
    ) throws -> (Int64, Int64) {
        let wanted = (registerKey(row["principal_name"]!), registerKey(row["organisation"]!))
        guard
            let agency = try Agency.fetchAll(db).first(where: {
                (registerKey($0.principalName), registerKey($0.name)) == wanted
            })
        else {
            throw LineProblem(column: "organisation", problem: .unknownOrganisation(row["organisation"]!))
        }
        let colleagues = try ContactPerson.filter(ContactPerson.Columns.agencyId == agency.id!).fetchAll(db)
        if let existing = colleagues.first(where: { registerKey($0.name) == registerKey(row["name"]!) }) {
            let changed = try store.updateContact(
                db, existing.id!, name: nil, function: row["function"]!, phone: row["phone"]!, email: row["email"]!,
                deputyId: nil, retired: retired)
            if changed { summary.changed += 1 } else { summary.unchanged += 1 }
            return (existing.id!, agency.id!)
        }
        let contact = try store.insertContact(
            db, agencyId: agency.id!, name: row["name"]!, function: row["function"]!, phone: row["phone"]!,
            email: row["email"]!, deputyId: nil, retired: retired)
        summary.added += 1
        return (contact.id!, agency.id!)
    }
}
