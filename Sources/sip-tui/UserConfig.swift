import ArgumentParser
import Foundation
import SIPModel
import SIPUI

/// The user's own settings for the terminal interface, under `$XDG_CONFIG_HOME/sip-tui/` (else
/// `~/.config/sip-tui/`): `config` (`theme = light|dark|mono`) and `keys.conf` (`action = key`).
/// What cannot be used is said on the first screen, and the default kept.
struct UserConfig {
    var theme: Theme?
    var notices: [String] = []

    static func directory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/sip-tui" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/sip-tui"
    }

    static var keysFile: String { directory() + "/keys.conf" }

    /// Reads both files (missing ones change nothing) and puts keys.conf in force.
    static func load(catalog: Catalog) -> UserConfig {
        var config = UserConfig()
        let directory = directory()
        if let text = try? String(contentsOfFile: directory + "/config", encoding: .utf8) {
            config.read(settings: text, catalog: catalog)
        }
        if let text = try? String(contentsOfFile: directory + "/keys.conf", encoding: .utf8) {
            config.notices += KeyTables.install(keysConf: text, file: "keys.conf", catalog: catalog)
        }
        return config
    }

    mutating func read(settings text: String, catalog: Catalog) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                notices.append(catalog.configProblem(.syntax(line: index + 1), file: "config"))
                continue
            }
            guard parts[0] == "theme" else {
                notices.append(catalog.configProblem(.unknownSetting(line: index + 1, name: parts[0]), file: "config"))
                continue
            }
            if let theme = Theme.named(parts[1]), theme.name != "safe" {
                self.theme = theme
            } else {
                notices.append(catalog.configProblem(.unknownTheme(line: index + 1, name: parts[1]), file: "config"))
            }
        }
    }
}

/// `--theme`: light, dark or mono.
struct ThemeChoice: ExpressibleByArgument {
    let theme: Theme

    init?(argument: String) {
        guard let theme = Theme.named(argument), theme.name != "safe" else { return nil }
        self.theme = theme
    }

    static var allValueStrings: [String] { ["light", "dark", "mono"] }
}

extension SipTUI {
    /// `--print-keys` and `--write-default-keys`: no database needed.
    func keys() throws {
        // The tables as keys.conf leaves them, so that what is printed is what the program does.
        let notices = UserConfig.load(catalog: global.catalog).notices
        for notice in notices { FileHandle.standardError.write(Data(("sip-tui: " + notice + "\n").utf8)) }
        if printKeys { print(KeyTables.markdown(global.catalog), terminator: "") }
        guard writeDefaultKeys else { return }
        let path = UserConfig.keysFile
        if FileManager.default.fileExists(atPath: path) {
            global.fail(.storage(global.catalog(.keysFileExists) + " " + path))
        }
        try FileManager.default.createDirectory(
            atPath: UserConfig.directory(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let text = KeyConfig.defaultFile(KeyTables.all, catalog: global.catalog)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print(path)
    }
}
