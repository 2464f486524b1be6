import ArgumentParser
import Foundation
import SIPModel

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database while it is in use (owner-only file, checked).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write; it must not exist.") var destination: String

    func run() throws {
        try global.withStore(requiring: .maintenance) { store in try store.backup(to: destination) }
        print(destination)
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup, after checking the backup.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup to restore.") var source: String

    func run() throws {
        try global.withStore(requiring: .maintenance) { store in try store.restore(from: source) }
        print(global.catalog(.checkOK) + ".")
    }
}
