import ArgumentParser
import Foundation
import SIPModel

/// Requests for a SIP between organisations (begäran om SIP).
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Requests for a SIP between organisations.",
        subcommands: [Add.self, List.self, Accept.self, Decline.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a request for a SIP to an organisation, in the name of your own.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The organisation asked (name or number).") var to: String
        @Option(help: "The child's name.") var child: String
        @Option(name: .customLong("personal-number"), help: "The child's personal identity number.") var number: String
        @Option(help: "The question the SIP is to answer.") var question: String
        @Option(help: "Who asks (default: you).") var asker: String = ""
        @Option(help: "Their function (rektor, kurator...).") var function: String = ""
        @Option(help: "The consent as far as it exists.") var consent: String = ""

        func run() throws {
            let request = try global.withStore { store in
                try store.addRequest(
                    NewRequest(
                        toAgencyId: try store.agency(matching: to).id!, askerName: asker, askerFunction: function,
                        childName: child, personalNumber: number, question: question, consent: consent))
            }
            Output.write(
                "\(global.catalog(.requestRegistered)) \(global.catalog.entityName(.request)) \(request.id!)\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The requests to your organisation (--inbox, the default for coordinators) or your own (--mine).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "The requests you registered, with their answers.") var mine = false
        @Flag(help: "Only those not yet answered.") var new = false
        @Flag(help: "Print JSON (see docs/json.md).") var json = false

        func run() throws {
            let (mine, new) = (mine, new)
            let rows = try global.withStore { store in
                let scope: RequestScope = mine || store.access?.role != .coordinator ? .mine : .inbox
                return try store.requests(scope, status: new ? .new : nil)
            }
            if json {
                Output.write(try Output.json(rows) + "\n")
            } else {
                Output.write(TextReports.requestTable(rows, catalog: global.catalog))
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept a request to your organisation: it becomes a draft plan you coordinate.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request number.") var id: Int64
        @Option(help: "The BUS group (name or number; default: the asked organisation's).") var group: String?
        @Option(help: "The child's sex: flicka|pojke|annat|okant.") var sex: String = Sex.unknown.rawValue

        func run() throws {
            let (id, group) = (id, group)
            guard let sex = Sex(rawValue: sex) else { global.fail(.invalidValue(field: .status, value: sex)) }
            let plan = try global.withStore(requiring: .plans) { store in
                try store.acceptRequest(
                    id, RequestAcceptance(busGroupId: try group.map { try store.busGroup(matching: $0).id! }, sex: sex))
            }
            Output.write("\(global.catalog(.created)) \(global.catalog(.planNumber)) \(plan.id!)\n")
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decline a request to your organisation, with the reason the requester reads.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request number.") var id: Int64
        @Option(help: "Why (required).") var reason: String

        func run() throws {
            let (id, reason) = (id, reason)
            try global.withStore(requiring: .plans) { store in try store.declineRequest(id, reason: reason) }
            Output.write(global.catalog(.requestDeclined) + "\n")
        }
    }
}
