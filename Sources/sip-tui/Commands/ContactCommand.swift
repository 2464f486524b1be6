import ArgumentParser
import Foundation
import SIPModel

/// A contact person as `contact list --json` prints it (docs/json.md).
struct ContactJSON: Encodable {
    var id: Int64
    var organisationId: Int64
    var organisation: String
    var name: String
    var function: String
    var phone: String
    var email: String
    var deputyId: Int64?
    var retiredOn: String?
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "The register's contact persons (administrators).",
        discussion: "A deputy is another contact person of the same organisation (number or name).",
        subcommands: [List.self, Add.self, Edit.self, Retire.self])

    static func deputy(_ store: Store, _ text: String, agencyId: Int64) throws -> Int64 {
        let colleagues = try store.contacts(agencyId: agencyId)
        if let id = Int64(text), colleagues.contains(where: { $0.id == id }) { return id }
        let wanted = TextRules.clean(text, multiline: false).lowercased()
        guard let found = colleagues.first(where: { $0.name.lowercased() == wanted }) else {
            throw SIPError.register(.unknownContact(text))
        }
        return found.id!
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contact persons, retired ones too.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Of this organisation only (number or name).") var org: String?
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let (contacts, agencies) = try global.withStore(requiring: .settings) { store in
                (
                    try store.contacts(agencyId: try org.map { try store.agency(matching: $0).id! }),
                    try store.allAgencies()
                )
            }
            let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
            let list = contacts.map {
                ContactJSON(
                    id: $0.id!, organisationId: $0.agencyId, organisation: names[$0.agencyId] ?? "", name: $0.name,
                    function: $0.role, phone: $0.phone, email: $0.email, deputyId: $0.deputyId,
                    retiredOn: $0.retiredOn?.iso)
            }
            if json { return Output.write(try Output.json(list) + "\n") }
            for c in list {
                let deputy = c.deputyId.flatMap { id in list.first { $0.id == id }?.name } ?? "-"
                let status = global.catalog.registerStatus(retired: c.retiredOn != nil)
                let fields = ["\(c.id)", c.organisation, c.name, c.function, c.phone, c.email, deputy, status]
                Output.writeRow(fields)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a contact person to an organisation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their name.") var name: String
        @Option(help: "Their organisation (number or name).") var org: String
        @Option(help: "Their function (rektor, enhetschef...).") var function = ""
        @Option(help: "Phone.") var phone = ""
        @Option(help: "E-mail.") var email = ""
        @Option(help: "Their deputy: a contact person of the same organisation (number or name).") var deputy: String?

        func run() throws {
            let contact = try global.withStore(requiring: .settings) { store in
                let agencyId = try store.agency(matching: org).id!
                return try store.addContact(
                    agencyId: agencyId, name: name, function: function, phone: phone, email: email,
                    deputyId: try deputy.map { try ContactCommand.deputy(store, $0, agencyId: agencyId) })
            }
            Output.writeRow(["\(contact.id!)", contact.name])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a contact person.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact person's number.") var id: Int64
        @Option(help: "A new name.") var name: String?
        @Option(help: "Their function.") var function: String?
        @Option(help: "Phone.") var phone: String?
        @Option(help: "E-mail.") var email: String?
        @Option(help: "Their deputy (number or name); \"-\" for none.") var deputy: String?

        func run() throws {
            try global.withStore(requiring: .settings) { store in
                let contact = try store.contact(id)
                let deputyId: Int64?? =
                    try deputy.map {
                        $0 == "-" ? nil : try ContactCommand.deputy(store, $0, agencyId: contact.agencyId)
                    }
                _ = try store.editContact(
                    id, name: name, function: function, phone: phone, email: email, deputyId: deputyId)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire a contact person (their history stays).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact person's number.") var id: Int64

        func run() throws {
            try global.withStore(requiring: .settings) { store in try store.retireContact(id) }
        }
    }
}
