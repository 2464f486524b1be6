import ArgumentParser
import Foundation
import SIPModel

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Import or export the register as TAB-separated text (administrators).",
        discussion: """
            Files: groups.tsv (name, area, chair, status), organisations.tsv (name, kind, principal, principal_name, \
            groups separated by ";", status), contacts.tsv (organisation, principal_name, name, function, phone, \
            email, deputy, status), each with its header line, UTF-8. See data/register for an example.
            """,
        subcommands: [Import.self, Export.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import a register file or a folder of them: all or nothing, the same import twice changes nothing.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A file, or a folder of .tsv files.") var path: String
        @Flag(help: "Check every line and say what would change; write nothing.") var dryRun = false

        func run() throws {
            let summary = try global.withStore(requiring: .settings) { store in
                try UserFiles.write { try store.importRegister(path: path, dryRun: dryRun) }
            }
            Output.write(global.catalog.registerSummary(summary) + "\n")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write groups.tsv, organisations.tsv and contacts.tsv into a folder (new files only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "An existing folder.") var directory: String

        func run() throws {
            try global.withStore(requiring: .settings) { store in
                let files = try store.exportRegister()
                var written: [String] = []
                for kind in RegisterFile.allCases {
                    let path = (directory as NSString).appendingPathComponent(kind.fileName)
                    try Output.write(files[kind]!, to: path, document: true)
                    written.append(path)
                }
                Output.write(global.catalog.registerExported(written) + "\n")
            }
        }
    }
}
