import Foundation
import GRDB
import SIPTestSupport
import Testing

@testable import SIPDemo
@testable import SIPDomain
@testable import SIPModel

/// The example register in `data/register/`.
let exampleRegister = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../data/register").standardizedFileURL.path

@Suite("The register: organisations, groups and contact persons")
struct RegisterTests {
    @Test("an organisation serves several groups, none (every group), and a retired one is offered to no one")
    func manyGroupsAndRetiring() throws {
        let t = try TestStore()
        let s = t.store
        let north = try s.addBusGroup(name: "Norr", area: "Norrviks kommun", chair: "Karin")
        let south = try s.addBusGroup(name: "Söder")
        let east = try s.addBusGroup(name: "Öster")
        let bup = try s.addAgency(
            kind: "bup", principalName: "Region Test", name: "BUP", groupIds: [north.id!, south.id!])
        let school = try s.addAgency(
            kind: "skola", principalName: "Norrviks kommun", name: "Skolan", busGroupId: north.id)
        let county = try s.addAgency(kind: "polis", principalName: "Polismyndigheten", name: "Polisen", groupIds: [])
        #expect(try s.agencies(forGroup: north.id!).map(\.name) == ["BUP", "Polisen", "Skolan"])
        #expect(try s.agencies(forGroup: south.id!).map(\.name) == ["BUP", "Polisen"])
        #expect(try s.agencies(forGroup: east.id!).map(\.name) == ["Polisen"])
        // The one group when there is exactly one, for the deviations' grouping and a chair's group.
        #expect(try s.agency(bup.id!).busGroupId == nil)
        #expect(try s.agency(school.id!).busGroupId == north.id)
        try s.editAgency(bup.id!, groupIds: [east.id!])
        #expect(try s.agency(bup.id!).busGroupId == east.id)
        #expect(try s.agencies(forGroup: north.id!).map(\.name) == ["Polisen", "Skolan"])
        try s.retireAgency(school.id!)
        #expect(try s.agencies(forGroup: north.id!).map(\.name) == ["Polisen"])
        #expect(try !s.offeredAgencies().contains { $0.id == school.id })
        #expect(try s.agency(school.id!).retiredOn == day("2026-03-16"))
        #expect(try s.registerOrganisations().count == 3)
        _ = county
        // A retired group is no group to serve.
        try s.retireBusGroup(south.id!)
        #expect(throws: SIPError.register(.unknownGroup(String(south.id!)))) {
            try s.editAgency(bup.id!, groupIds: [south.id!])
        }
    }

    @Test("a name is unique within its principal, a kind must exist")
    func duplicatesAndKinds() throws {
        let t = try TestStore()
        let s = t.store
        _ = try s.addAgency(kind: "skola", principalName: "Norrviks kommun", name: "Skolan", groupIds: [])
        #expect(throws: SIPError.register(.duplicateName(principal: "Norrviks kommun", name: "skolan"))) {
            try s.addAgency(kind: "skola", principalName: "Norrviks kommun", name: "skolan", groupIds: [])
        }
        _ = try s.addAgency(kind: "skola", principalName: "Söderby kommun", name: "Skolan", groupIds: [])
        #expect(throws: SIPError.register(.unknownKind("skolan"))) {
            try s.addAgency(kind: "skolan", principalName: "X kommun", name: "Y", groupIds: [])
        }
    }

    @Test("a contact's deputy is another contact of the same organisation, and each change is audited")
    func deputies() throws {
        let t = try TestStore()
        let s = t.store
        let a = try s.addAgency(kind: "skola", principalName: "K", name: "A", groupIds: [])
        let b = try s.addAgency(kind: "skola", principalName: "K", name: "B", groupIds: [])
        let eva = try s.addContact(
            agencyId: a.id!, name: "Eva", function: "rektor", phone: "", email: "", deputyId: nil)
        let jonas = try s.addContact(
            agencyId: a.id!, name: "Jonas", function: "", phone: "", email: "", deputyId: eva.id)
        let other = try s.addContact(agencyId: b.id!, name: "Olle", function: "", phone: "", email: "", deputyId: nil)
        #expect(jonas.deputyId == eva.id)
        #expect(throws: SIPError.register(.deputyIsSelf)) { try s.editContact(eva.id!, deputyId: eva.id) }
        #expect(throws: SIPError.register(.unknownContact(String(other.id!)))) {
            try s.editContact(eva.id!, deputyId: other.id)
        }
        try s.editContact(eva.id!, function: "biträdande rektor", deputyId: .some(jonas.id))
        try s.retireContact(jonas.id!)
        #expect(try s.contact(jonas.id!).retiredOn != nil)
        let actions = try s.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE entity = 'agency' ORDER BY id")
        }
        #expect(actions.suffix(3) == ["contact", "contact update", "contact retire"])
    }

    @Test("the example register imports, and a second import changes nothing")
    func importIdempotent() throws {
        let t = try TestStore()
        let s = t.store
        let dry = try s.importRegister(path: exampleRegister, dryRun: true)
        #expect(dry.added > 0 && dry.dryRun)
        #expect(try s.registerOrganisations().isEmpty)
        let first = try s.importRegister(path: exampleRegister, dryRun: false)
        #expect(first.added == dry.added && first.changed == 0)
        let auditRows = try s.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog")! }
        let second = try s.importRegister(path: exampleRegister, dryRun: false)
        #expect(second.added == 0 && second.changed == 0 && second.unchanged == first.added)
        #expect(try s.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog")! } == auditRows)
        let bup = try #require(try s.registerOrganisations().first { $0.agency.name == "BUP Storstad Norr" })
        #expect(bup.groupIds.count == 3)
        let eva = try #require(try s.contacts().first { $0.name == "Eva Holm" })
        #expect(try s.contact(eva.deputyId!).name == "Jonas Berg")
        // What export writes, import reads as it is.
        let dir = TempDir()
        for (kind, text) in try s.exportRegister() {
            try text.write(toFile: dir.path(kind.fileName), atomically: true, encoding: .utf8)
        }
        let again = try s.importRegister(path: dir.url.path, dryRun: false)
        #expect(again.added == 0 && again.changed == 0)
    }

    @Test("the demo's register is data/register, imported as an area would, and only what its size needs is added")
    func demoUsesTheRegister() throws {
        let t = try TestStore()
        let s = t.store
        _ = try DemoGenerator.run(store: s, plans: 40, seed: 1)
        // Everything of the example register is there as it is: importing it again changes nothing.
        let again = try s.importRegister(path: exampleRegister, dryRun: true)
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 22)
        // The demo's own first group and organisations are the register's, not copies beside them.
        #expect(try s.busGroups().filter { $0.name == "Lokal BUS Norrvik" }.count == 1)
        #expect(try s.allAgencies().filter { $0.name == "Socialtjänsten Norrvik, barn och unga" }.count == 1)
        #expect(try s.allAgencies().filter { $0.name == "Försäkringskassan" }.count == 1)
        let norrvik = try s.busGroup(matching: "Lokal BUS Norrvik")
        #expect(try s.planSummaries().contains { $0.busGroup == norrvik.name })
        // 40 plans: five groups, the register's Norrvik first, then the generated ones.
        let planGroups = Set(try s.planSummaries().map(\.busGroup))
        #expect(planGroups.count == 5 && planGroups.contains("Lokal BUS Norrvik"))
        // Imported through the register's import: each record it added has its audit line.
        let created = try s.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM auditLog WHERE action IN ('create', 'contact') AND entity IN ('agency', 'busGroup')"
            )!
        }
        #expect(created >= 22)
    }

    @Test("a file with errors on several lines writes nothing and names each error")
    func errorsOnSeveralLines() throws {
        let t = try TestStore()
        let s = t.store
        let dir = TempDir()
        try """
        name\tkind\tprincipal\tprincipal_name\tgroups\tstatus
        Skolan\tskola\tkommun\tNorrviks kommun\t\tactive
        Fel 1\tskolan\tkommun\tNorrviks kommun\t\tactive
        Fel 2\tskola\tkungen\tNorrviks kommun\t\tactive
        skolan\tskola\tkommun\tNorrviks kommun\t\tactive
        Fel 4\tskola\tkommun\tNorrviks kommun\tFinns inte\tactive
        Fel 5\tskola\tkommun

        """.write(toFile: dir.path("organisations.tsv"), atomically: true, encoding: .utf8)
        #expect(
            throws: SIPError.registerInvalid([
                RegisterIssue(file: "organisations.tsv", line: 3, column: "kind", problem: .unknownKind("skolan")),
                RegisterIssue(
                    file: "organisations.tsv", line: 4, column: "principal", problem: .unknownPrincipal("kungen")),
                RegisterIssue(file: "organisations.tsv", line: 5, column: "name", problem: .duplicateLine(2)),
                RegisterIssue(
                    file: "organisations.tsv", line: 6, column: "groups", problem: .unknownGroup("Finns inte")),
                RegisterIssue(
                    file: "organisations.tsv", line: 7, column: "principal_name",
                    problem: .missingColumn("principal_name")),
            ])
        ) { try s.importRegister(path: dir.path("organisations.tsv"), dryRun: false) }
        #expect(try s.registerOrganisations().isEmpty)
        #expect(try s.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog")! } == 0)
    }

    @Test("only UTF-8: Latin-1 and UTF-16 are refused, CR LF and a BOM are read, a 10 MB line is refused")
    func encodingsAndLines() throws {
        let t = try TestStore()
        let s = t.store
        let dir = TempDir()
        let text = "name\tarea\tchair\tstatus\nLokal BUS Åsen\tNorrviks kommun\tKarin\tactive\n"
        func issues(_ data: Data, _ name: String) -> [RegisterIssue] {
            _ = FileManager.default.createFile(atPath: dir.path(name), contents: data)
            do {
                _ = try s.importRegister(path: dir.path(name), dryRun: false)
                return []
            } catch SIPError.registerInvalid(let issues) {
                return issues
            } catch { return [] }
        }
        #expect(issues(text.data(using: .isoLatin1)!, "latin1.tsv").map(\.problem) == [.notUTF8(encoding: "Latin-1")])
        #expect(issues(text.data(using: .utf16)!, "utf16.tsv").map(\.problem) == [.notUTF8(encoding: "UTF-16")])
        var long = Data("name\tarea\tchair\tstatus\n".utf8)
        long.append(Data(repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024))
        long.append(Data("\nLokal BUS X\t\t\tactive\n".utf8))
        #expect(
            issues(long, "long.tsv") == [
                RegisterIssue(
                    file: "long.tsv", line: 2, column: nil, problem: .lineTooLong(limit: RegisterReader.lineLimit))
            ])
        #expect(try s.busGroups().isEmpty)
        let crlf = Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        _ = FileManager.default.createFile(atPath: dir.path("crlf.tsv"), contents: crlf)
        #expect(try s.importRegister(path: dir.path("crlf.tsv"), dryRun: false).added == 1)
        #expect(try s.busGroups().map(\.chair) == ["Karin"])
        // A header without a column it needs.
        #expect(
            issues(Data("name\tarea\tstatus\nX\tY\tactive\n".utf8), "nochair.tsv").map(\.problem) == [
                .missingColumn("chair")
            ])
    }
}

@Suite("The register on the command line")
struct RegisterCommandLineTests {
    @Test("org, group and contact add, list, edit and retire; bad input is one line and changes nothing")
    func commands() throws {
        let dir = TempDir()
        let db = dir.path("sip.sqlite")
        func run(_ args: String...) throws -> CLI.Result { try CLI.run(["--db", db, "--lang", "en"] + args) }
        #expect(try run("group", "add", "Lokal BUS Norr", "--area", "Norrviks kommun", "--chair", "Karin").status == 0)
        #expect(try run("group", "add", "Lokal BUS Syd").status == 0)
        let added = try run(
            "org", "add", "BUP Norr", "--kind", "bup", "--principal", "region", "--principal-name", "Region X",
            "--group", "Lokal BUS Norr", "--group", "Lokal BUS Syd")
        #expect(added.status == 0, "\(added.err)")
        let bad = try run("org", "add", "Y", "--kind", "bup", "--principal", "kungen", "--principal-name", "Region X")
        #expect(bad.status == 1 && bad.err.contains("Unknown principal \"kungen\""))
        let dup = try run("org", "add", "bup norr", "--kind", "bup", "--principal-name", "Region X")
        #expect(dup.status == 1 && dup.err.contains("already has an organisation called"))
        let noGroup = try run("org", "add", "Z", "--kind", "bup", "--principal-name", "Region X", "--group", "Nej")
        #expect(noGroup.status == 1 && noGroup.err.contains("No BUS group is called \"Nej\""))
        #expect(try run("contact", "add", "Eva Holm", "--org", "BUP Norr", "--function", "chef").status == 0)
        #expect(try run("contact", "add", "Jonas Berg", "--org", "BUP Norr", "--deputy", "Eva Holm").status == 0)
        #expect(try run("org", "edit", "BUP Norr", "--all-groups").status == 0)
        #expect(try run("org", "retire", "BUP Norr").status == 0)
        let list = try run("org", "list", "--json")
        #expect(list.out.contains("\"groups\" : [\n\n    ]") || list.out.contains("\"groups\" : []"), "\(list.out)")
        #expect(list.out.contains("\"retiredOn\""))
        let contacts = try run("contact", "list", "--json")
        #expect(contacts.out.contains("\"deputyId\" : 1"))
        #expect(try run("group", "list").out.contains("Karin"))
    }

    @Test("a kind by its code or its name in either language; org kinds lists them")
    func kindsByName() throws {
        let dir = TempDir()
        let db = dir.path("sip.sqlite")
        func run(_ args: String...) throws -> CLI.Result { try CLI.run(["--db", db, "--lang", "en"] + args) }
        try """
        name\tkind\tprincipal\tprincipal_name\tgroups\tstatus
        Socialtjänsten Ås\tSocialtjänst\tkommun\tÅs kommun\t\tactive
        BUP Ås\tbup\tregion\tRegion Ås\t\tactive
        Kassan\tsocial insurance agency\tstate\tFörsäkringskassan\t\tactive

        """.write(toFile: dir.path("organisations.tsv"), atomically: true, encoding: .utf8)
        let imported = try run("register", "import", dir.path("organisations.tsv"))
        #expect(imported.status == 0 && imported.out.contains("3 added"), "\(imported.err)")
        let list = try run("org", "list")
        #expect(list.out.contains("\tsocialtjanst\t") && list.out.contains("\tforsakringskassan\t"), "\(list.out)")
        // The code is what is kept: the same file again changes nothing.
        #expect(try run("register", "import", dir.path("organisations.tsv")).out.contains("0 changed, 3 unchanged"))
        #expect(try run("org", "add", "Skolan", "--kind", "SKOLA", "--principal-name", "Ås kommun").status == 0)
        let kinds = try run("org", "kinds")
        #expect(kinds.out.contains("socialtjanst\tSocial services\tkommun\n"), "\(kinds.out)")
    }

    @Test("register import: errors per line in the user's language, nothing written")
    func importErrors() throws {
        let dir = TempDir()
        let db = dir.path("sip.sqlite")
        try "name\tarea\tchair\tstatus\nA\t\t\tactive\nB\t\t\tgone\nC\t\t\tretired\nA\t\t\tactive\n"
            .write(toFile: dir.path("groups.tsv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["--db", db, "register", "import", dir.path("groups.tsv")])
        #expect(result.status == 1)
        #expect(result.err.contains("groups.tsv rad 3, kolumn status: Okänd status \"gone\""), "\(result.err)")
        #expect(result.err.contains("groups.tsv rad 5, kolumn name: Samma post står redan på rad 2."))
        #expect(result.err.contains("2 fel; ingenting har skrivits."))
        #expect(try CLI.run(["--db", db, "group", "list"]).out.isEmpty)
        let example = try CLI.run(["--db", db, "register", "import", exampleRegister, "--lang", "en"])
        #expect(example.status == 0 && example.out.contains("The register is imported"), "\(example.err)")
    }
}

/// Issue 15's bad input for the import, through the real program: one clear line per problem, in
/// the user's language, then one saying nothing was written; and nothing is.
@Suite("register import: bad input through the command line")
struct RegisterImportBadInputTests {
    struct Area {
        let dir = TempDir()
        var db: String { dir.path("sip.sqlite") }

        func run(_ args: String..., lang: String = "en") throws -> CLI.Result {
            try CLI.run(["--db", db, "--lang", lang] + args)
        }

        func write(_ name: String, _ data: Data) -> String {
            _ = FileManager.default.createFile(atPath: dir.path(name), contents: data)
            return dir.path(name)
        }

        /// Nothing in the register: no group, no organisation, no contact.
        func expectEmpty(sourceLocation: SourceLocation = #_sourceLocation) throws {
            for what in ["group", "org", "contact"] {
                let list = try run(what, "list")
                #expect(list.status == 0 && list.out.isEmpty, "\(what): \(list.out)", sourceLocation: sourceLocation)
            }
        }
    }

    static let groups = "name\tarea\tchair\tstatus\nLokal BUS Åsen\tNorrviks kommun\tKarin Lindqvist\tactive\n"

    @Test("a file in Latin-1 or in UTF-16 (either byte order, with or without a mark) is named and refused whole")
    func encodings() throws {
        let area = Area()
        let latin1 = area.write("latin1.tsv", Self.groups.data(using: .isoLatin1)!)
        let en = try area.run("register", "import", latin1)
        #expect(en.status == 1)
        #expect(
            en.err.contains(
                "latin1.tsv line 2: The file is not UTF-8 (it looks like Latin-1). Save it as UTF-8 and try again."),
            "\(en.err)")
        #expect(en.err.contains("1 errors; nothing was written."))
        let sv = try area.run("register", "import", latin1, lang: "sv")
        #expect(sv.err.contains("Filen är inte UTF-8 (den ser ut att vara Latin-1)"), "\(sv.err)")
        for (name, data) in [
            ("utf16-bom.tsv", Self.groups.data(using: .utf16)!),
            ("utf16le.tsv", Self.groups.data(using: .utf16LittleEndian)!),
            ("utf16be.tsv", Self.groups.data(using: .utf16BigEndian)!),
        ] {
            let result = try area.run("register", "import", area.write(name, data))
            #expect(result.status == 1 && result.err.contains("it looks like UTF-16"), "\(name): \(result.err)")
            #expect(!result.err.contains("Fatal") && !result.err.contains("at /"))
        }
        // A folder with one good file and one in Latin-1: the good one is not written either.
        let folder = area.dir.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Self.groups.write(toFile: folder + "/groups.tsv", atomically: true, encoding: .utf8)
        let organisations =
            "name\tkind\tprincipal\tprincipal_name\tgroups\tstatus\nSkolan\tskola\tkommun\tSöderby kommun\t\tactive\n"
        _ = FileManager.default.createFile(
            atPath: folder + "/organisations.tsv", contents: organisations.data(using: .isoLatin1))
        let mixed = try area.run("register", "import", folder)
        #expect(mixed.status == 1 && mixed.err.contains("organisations.tsv line 2"), "\(mixed.err)")
        #expect(try area.run("register", "import", folder, "--dry-run").status == 1)
        try area.expectEmpty()
    }

    @Test("CR LF line ends are read as LF ends are")
    func crlf() throws {
        let area = Area()
        let path = area.write("groups.tsv", Data(Self.groups.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let result = try area.run("register", "import", path)
        #expect(result.status == 0 && result.out.contains("1 added"), "\(result.err)")
        let listed = try area.run("group", "list").out
        #expect(listed.hasSuffix("Karin Lindqvist\tactive\n") && !listed.contains("\r"), "\(listed.debugDescription)")
    }

    @Test("a line without a column names its line and the column; a header without one, the column")
    func missingColumn() throws {
        let area = Area()
        let path = area.write("groups.tsv", Data((Self.groups + "Lokal BUS Söderby\tSöderby kommun\n").utf8))
        let result = try area.run("register", "import", path)
        #expect(result.status == 1)
        #expect(result.err.contains("groups.tsv line 3, column chair: The column chair is missing."), "\(result.err)")
        let header = area.write("header.tsv", Data("name\tkind\tprincipal\tgroups\nX\tskola\tkommun\t\n".utf8))
        let refused = try area.run("register", "import", header)
        #expect(refused.err.contains("header.tsv line 1, column principal_name: The column principal_name is missing."))
        try area.expectEmpty()
    }

    @Test("a 10 MB line is refused with its line named, read in pieces; the rest of the file is still checked")
    func longLine() throws {
        let area = Area()
        var data = Data("name\tarea\tchair\tstatus\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024))
        data.append(Data("\nLokal BUS X\t\t\tgone\n".utf8))
        let result = try area.run("register", "import", area.write("long.tsv", data))
        #expect(result.status == 1)
        #expect(
            result.err.contains(
                "long.tsv line 2: The line is longer than \(RegisterReader.lineLimit) bytes and was not read."),
            "\(result.err.prefix(300))")
        #expect(result.err.contains("long.tsv line 3, column status: Unknown status \"gone\"."))
        // The message is short: the line is never echoed.
        #expect(result.err.utf8.count < 1_000)
        try area.expectEmpty()
    }

    @Test("unknown kind, principal and group, a name twice within a principal, a deputy not of the organisation")
    func records() throws {
        let area = Area()
        let folder = area.dir.path("register")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Self.groups.write(toFile: folder + "/groups.tsv", atomically: true, encoding: .utf8)
        try """
        name\tkind\tprincipal\tprincipal_name\tgroups\tstatus
        Skolan\tskola\tkommun\tNorrviks kommun\tLokal BUS Åsen\tactive
        Skolan\tskola\tkommun\tSöderby kommun\t\tactive
        SKOLAN\tskola\tkommun\tnorrviks kommun\t\tactive
        Kyrkan\tkyrka\tkommun\tNorrviks kommun\t\tactive
        BUP\tbup\tlandsting\tRegion Storstad\t\tactive
        Polisen\tpolis\tstate\tPolismyndigheten\tLokal BUS Åsen; Lokal BUS Finns inte\tactive

        """.write(toFile: folder + "/organisations.tsv", atomically: true, encoding: .utf8)
        try """
        organisation\tprincipal_name\tname\tfunction\tphone\temail\tdeputy\tstatus
        Skolan\tNorrviks kommun\tEva Holm\trektor\t\t\tOlle Ek\tactive
        Skolan\tSöderby kommun\tOlle Ek\trektor\t\t\t\tactive
        Skolan\tNorrviks kommun\teva holm\trektor\t\t\t\tactive

        """.write(toFile: folder + "/contacts.tsv", atomically: true, encoding: .utf8)
        let result = try area.run("register", "import", folder)
        #expect(result.status == 1)
        // Each line stands alone (a program's name before it), so a log or a grep keeps its place.
        let lines = result.err.split(separator: "\n").map { $0.replacingOccurrences(of: "sip-tui: ", with: "") }
        #expect(
            lines == [
                "contacts.tsv line 2, column deputy: No contact person of the organisation is called \"Olle Ek\".",
                "contacts.tsv line 4, column name: The same record is already on line 2.",
                "organisations.tsv line 4, column name: The same record is already on line 2.",
                "organisations.tsv line 5, column kind: Unknown kind of organisation \"kyrka\".",
                "organisations.tsv line 6, column principal: Unknown principal \"landsting\". "
                    + "Choose: kommun, region, private, state.",
                "organisations.tsv line 7, column groups: No BUS group is called \"Lokal BUS Finns inte\".",
                "6 errors; nothing was written.",
            ], "\(result.err)")
        try area.expectEmpty()
        // The same name under another principal is another organisation: with the errors gone, it imports.
        try """
        name\tkind\tprincipal\tprincipal_name\tgroups\tstatus
        Skolan\tskola\tkommun\tNorrviks kommun\tLokal BUS Åsen\tactive
        Skolan\tskola\tkommun\tSöderby kommun\t\tactive

        """.write(toFile: folder + "/organisations.tsv", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/contacts.tsv")
        let fixed = try area.run("register", "import", folder)
        #expect(fixed.status == 0 && fixed.out.contains("3 added"), "\(fixed.err)")
        // Imported twice: nothing changes, and no audit line is added.
        let audit = try area.run("audit").out
        let again = try area.run("register", "import", folder)
        #expect(again.out.contains("0 added, 0 changed, 3 unchanged"), "\(again.out)")
        #expect(try area.run("audit").out == audit)
    }
}
