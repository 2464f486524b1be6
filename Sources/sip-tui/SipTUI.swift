import ArgumentParser
import Foundation
import SIPModel

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $SIP_TUI_DB, else $XDG_DATA_HOME/sip-tui/sip.sqlite).")
    var db: String?

    @Option(name: .long, help: "Language of the interface: sv (default) or en.")
    var lang: Language = .sv

    @Option(
        name: .customLong("shared-group"),
        help: "Share the database with this OS group (mode 0660); without it, files others can read are refused.")
    var sharedGroup: String?

    var catalog: Catalog { Catalog(lang) }

    /// Opens the store and signs the OS user in, checking they may do `capability`; turns any
    /// failure into one clear line on stderr and exit code 1.
    func withStore<T>(requiring capability: Access.Capability? = nil, _ body: (Store) throws -> T) throws -> T {
        do {
            let store: Store
            if let shared = try sharedMode() {
                store = try Store(
                    path: shared.database, context: .current(), sharedGroup: shared.group,
                    fileOwnerManagesUsers: false)
            } else {
                let location = DatabaseLocation.resolve(option: db)
                store = try Store(
                    path: location.path, context: .current(), createDirectory: location.isDefault,
                    sharedGroup: sharedGroup)
            }
            defer { try? store.close() }
            let access = try store.signIn()
            if let capability { try access.require(capability) }
            return try body(store)
        } catch let error as SIPError {
            fail(error)
        }
    }

    /// The shared mode when the program runs setgid to its service group (see `SharedMode`): then only
    /// the configured database is opened, whatever `--db` or `$SIP_TUI_DB` say (one line tells so), and
    /// its directory must be as installed.
    func sharedMode() throws -> SharedMode? {
        guard let shared = try SharedMode.detect() else { return nil }
        let asked = DatabaseLocation.resolve(option: db)
        if !asked.isDefault && SharedMode.standardized(asked.path) != SharedMode.standardized(shared.database) {
            FileHandle.standardError.write(
                Data(("sip-tui: " + catalog(.databaseOptionIgnored) + " " + shared.database + "\n").utf8))
        }
        if let problem = shared.directoryProblems().first { throw problem }
        return shared
    }

    func fail(_ error: SIPError) -> Never {
        report(error)
        Foundation.exit(1)
    }

    /// One line on stderr, and a hint under it where one helps.
    func report(_ error: SIPError) {
        if case .registerInvalid(let issues) = error {
            // Every problem of an import on its own line, then one saying nothing was written.
            let lines = catalog.registerInvalid(issues).split(separator: "\n").map {
                "sip-tui: " + TerminalText.safe(String($0))
            }
            return FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        var text = "sip-tui: " + TerminalText.safe(catalog.message(error)) + "\n"
        if let hint = catalog.hint(error) { text += "  " + hint + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension Language: ExpressibleByArgument {}

@main
struct SipTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-tui",
        abstract: "Coordinated individual plans (SIP) and BUS deviations, from the keyboard.",
        discussion: "With no subcommand, opens the terminal interface.",
        subcommands: [
            DemoCommand.self, PlanCommand.self, DeviationCommand.self, ReportCommand.self, SettingsCommand.self,
            UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, PurgeCommand.self,
            CheckCommand.self, BenchCommand.self, InstallSharedCommand.self, OrgCommand.self, GroupCommand.self,
            ContactCommand.self, RegisterCommand.self, RequestCommand.self, RemindCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    @Option(help: "Colours: light, dark or mono (default: the config's theme line, else found from the terminal).")
    var theme: ThemeChoice?

    @Flag(help: "Print every screen's keys (a Markdown table) and exit.")
    var printKeys = false

    @Flag(help: "Write a commented keys.conf with the default keys to $XDG_CONFIG_HOME/sip-tui/ and exit.")
    var writeDefaultKeys = false

    func run() throws {
        if printKeys || writeDefaultKeys { return try keys() }
        let config = UserConfig.load(catalog: global.catalog)
        let end = try global.withStore { store -> SessionEnd in
            // The file's owner who is not a user may manage users, from the command line only.
            if store.access?.user == nil {
                let login = store.context.user
                throw store.access?.isRetired == true
                    ? SIPError.retiredCannotSignIn(login) : SIPError.unknownUser(login)
            }
            do {
                return try NcursesTerminal.run(
                    store: store, catalog: global.catalog, theme: theme?.theme ?? config.theme, notices: config.notices)
            } catch NcursesTerminal.TerminalError.notATerminal {
                global.fail(.storage(global.catalog(.needsTerminal)))
            } catch NcursesTerminal.TerminalError.unknownTerminal {
                global.fail(.storage(global.catalog(.unknownTerminal)))
            }
        }
        if case .signal(let number) = end { throw ExitCode(128 + number) }
        if end == .terminalLost { throw ExitCode(1) }
    }
}
