import Foundation
import SIPTestSupport
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

#if canImport(Glibc)
    import Glibc
#endif

/// The shared mode as installed: a fresh system group, `install-shared` into a temporary prefix (the
/// program copied there setgid to the group), and people as the system accounts `nobody` and `daemon`.
final class SharedInstallation: @unchecked Sendable {
    let group = "siptest" + String(UUID().uuidString.prefix(8)).lowercased()
    let root: String
    var binary: String { root + "/bin/sip-tui" }
    var directory: String { root + "/data" }
    var database: String { directory + "/sip.sqlite" }
    /// A directory of `nobody`'s own, and one of `daemon`'s, for what they write.
    let nobodyHome: String
    let daemonHome: String
    var groupId: gid_t { getgrnam(group)!.pointee.gr_gid }

    init() throws {
        root = "/tmp/sip-tui-shared-\(UUID().uuidString)"
        mkdir(root, 0o755)
        chmod(root, 0o755)
        nobodyHome = root + "/home-nobody"
        daemonHome = root + "/home-daemon"
        for (home, user) in [(nobodyHome, "nobody"), (daemonHome, "daemon")] {
            mkdir(home, 0o700)
            let entry = getpwnam(user)!.pointee
            chown(home, entry.pw_uid, entry.pw_gid)
        }
        // install-shared itself creates the group, the directory, the setgid copy and the configuration.
        let install = try Binary.run([
            "install-shared", "--group", group, "--dir", directory, "--binary", binary, "--lang", "en",
        ])
        try #require(install.status == 0, "install-shared: \(install.out) \(install.err)")
        try #require(install.out.contains(Catalog(.en)(.installDone)), "\(install.out)")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        shell(["groupdel", group], capture: false)
    }

    /// Runs the installed program as `user` (root: as root), with its real uid and gid that user's.
    func run(_ user: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Result {
        try Self.run(user, [binary] + arguments, environment: environment)
    }

    /// Runs any program as `user`, through setpriv (its own group only, no supplementary groups).
    static func run(_ user: String, _ command: [String], environment: [String: String] = [:]) throws
        -> Binary.Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var prefix: [String] = []
        if user != "root" {
            let group = getgrgid(getpwnam(user)!.pointee.pw_gid).map { String(cString: $0.pointee.gr_name) }!
            prefix = ["setpriv", "--reuid=\(user)", "--regid=\(group)", "--clear-groups", "--"]
        }
        process.arguments = prefix + command
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SIP_TUI_DB")
        env["HOME"] = "/nonexistent"
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Binary.Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }

    /// `daemon` opens the new database first (its administrator, and the file's owner); root becomes an
    /// administrator and fills it with demo plans (demo then makes root a coordinator of every plan).
    func withDemo() throws {
        let first = try run("daemon", ["user", "list"])
        try #require(first.status == 0, "\(first.err)")
        let root = try run("daemon", ["user", "add", "root", "--name", "Root", "--role", "administrator"])
        try #require(root.status == 0, "\(root.err)")
        let demo = try run("root", ["demo", "--plans", "8", "--seed", "3"])
        try #require(demo.status == 0, "\(demo.err)")
    }

    func planIds(_ user: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> [Int64] {
        let list = try run(user, extra + ["plan", "list", "--json"], environment: environment)
        try #require(list.status == 0, "\(list.err)")
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        return rows.compactMap { ($0["id"] as? NSNumber)?.int64Value }.sorted()
    }
}

private func info(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
}

private var canInstall: Bool {
    OtherUser.isAvailable && getpwnam("daemon") != nil && shell(["groupadd", "--help"], capture: false).status == 0
}

@Suite(
    "Shared mode: the program setgid to a service group, the database where only the group enters",
    .serialized,
    .enabled(if: canInstall, "needs root, setpriv, groupadd and the accounts nobody and daemon"))
struct SharedModeTests {
    @Test("install-shared sets up root:G 2770 and a setgid copy that starts (AT_SECURE); check passes")
    func installs() throws {
        let shared = try SharedInstallation()
        let directory = try #require(info(shared.directory))
        #expect(directory.st_uid == 0 && directory.st_gid == shared.groupId)
        #expect(directory.st_mode & 0o7777 == 0o2770)
        let binary = try #require(info(shared.binary))
        #expect(binary.st_uid == 0 && binary.st_gid == shared.groupId && binary.st_mode & 0o7777 == 0o2755)
        let conf = try String(contentsOfFile: shared.root + "/etc/sip-tui/shared.conf", encoding: .utf8)
        #expect(conf.contains("database = \(shared.database)"))
        try shared.withDemo()
        let check = try shared.run("daemon", ["check", "--lang", "en"])
        #expect(check.status == 0, "\(check.out) \(check.err)")
        // A directory others may enter is refused before anything opens the database.
        chmod(shared.directory, 0o2775)
        let open = try shared.run("nobody", ["plan", "list", "--lang", "en"])
        #expect(open.status == 1)
        #expect(open.err.contains("\(shared.directory) must be root:\(shared.group) 2770"), "\(open.err)")
    }

    @Test("as nobody, neither sqlite3 nor cat can read the database; the program can")
    func noDirectAccess() throws {
        let shared = try SharedInstallation()
        try shared.withDemo()
        let database = try #require(info(shared.database))
        #expect(database.st_gid == shared.groupId && database.st_mode & 0o7777 == 0o660)
        let cat = try SharedInstallation.run("nobody", ["cat", shared.database])
        #expect(cat.status != 0 && cat.out.isEmpty, "cat read the database: \(cat.out.count) bytes")
        #expect(cat.err.contains("Permission denied"), "\(cat.err)")
        if shell(["sqlite3", "-version"], capture: false).status == 0 {
            let sqlite = try SharedInstallation.run(
                "nobody", ["sqlite3", shared.database, "SELECT count(*) FROM child"])
            #expect(sqlite.status != 0, "sqlite3 read the database: \(sqlite.out)")
            #expect(sqlite.out.isEmpty, "\(sqlite.out)")
        }
        // Nor does `daemon`, whose file it is (it created the database): the directory keeps everyone out.
        let owner = try SharedInstallation.run("daemon", ["cat", shared.database])
        #expect(owner.status != 0 && owner.out.isEmpty)
        #expect(info(shared.database)?.st_uid == getpwnam("daemon")!.pointee.pw_uid)
        // The program, run by nobody who is no user yet, gets as far as the role check.
        let unknown = try shared.run("nobody", ["plan", "list", "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.err.hasPrefix("sip-tui: " + Catalog(.en).message(.unknownUser("nobody"))), "\(unknown.err)")
    }

    @Test("nobody, coordinator of one organisation, sees exactly its plans; --db and SIP_TUI_DB elsewhere are ignored")
    func rolesHold() throws {
        let shared = try SharedInstallation()
        try shared.withDemo()
        let all = try shared.planIds("root")
        try #require(all.count == 8)
        // An organisation that leads some plan: nobody becomes its coordinator.
        let list = try shared.run("root", ["plan", "list", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        let org = try #require(rows.compactMap { $0["leadAgency"] as? String }.first)
        let add = try shared.run(
            "daemon", ["user", "add", "nobody", "--name", "No Body", "--role", "coordinator", "--org", org])
        try #require(add.status == 0, "\(add.err)")
        let seen = try shared.planIds("nobody")
        #expect(!seen.isEmpty && seen.count < all.count, "nobody sees \(seen) of \(all)")
        for id in all {
            let show = try shared.run("nobody", ["plan", "show", String(id), "--json", "--lang", "en"])
            if seen.contains(id) {
                #expect(show.status == 0, "plan \(id): \(show.err)")
            } else {
                #expect(show.status == 1 && show.out.isEmpty, "nobody read plan \(id)")
                #expect(show.err.contains(Catalog(.en).message(.planNotPermitted(id))), "\(show.err)")
            }
        }
        for refused in [["report"], ["user", "list"], ["audit"], ["backup", shared.nobodyHome + "/copy.sqlite"]] {
            let result = try shared.run("nobody", refused)
            #expect(result.status == 1 && result.out.isEmpty, "\(refused): \(result.out)")
        }
        // Another database (nobody's own, with one plan nobody may see): not opened, one line says so.
        let elsewhere = shared.nobodyHome + "/other.sqlite"
        let note = "sip-tui: " + Catalog(.en)(.databaseOptionIgnored) + " " + shared.database
        for (extra, environment) in [(["--db", elsewhere], [:]), ([], ["SIP_TUI_DB": elsewhere])] {
            let result = try shared.run(
                "nobody", extra + ["plan", "list", "--json", "--lang", "en"], environment: environment)
            #expect(result.status == 0, "\(result.err)")
            #expect(result.err == note + "\n", "\(result.err)")
            let again = try shared.planIds("nobody", extra, environment: environment)
            #expect(again == seen)
        }
        #expect(info(elsewhere) == nil)
        // Owning the database file grants nothing in shared mode: daemon, its owner, once a coordinator,
        // may no longer manage users.
        let back = try shared.run("daemon", ["user", "set-role", "root", "administrator"])
        #expect(back.status == 0, "\(back.err)")
        let demoted = try shared.run("root", ["user", "set-role", "daemon", "coordinator", "--all-plans"])
        #expect(demoted.status == 0, "\(demoted.err)")
        let owner = try shared.run("daemon", ["user", "list", "--lang", "en"])
        #expect(owner.status == 1 && owner.out.isEmpty, "the file's owner listed users: \(owner.out)")
    }

    @Test("an export and a backup written through the program are the user's own, not the service group's")
    func userFiles() throws {
        let shared = try SharedInstallation()
        try shared.withDemo()
        let all = try shared.planIds("root")
        let add = try shared.run(
            "daemon", ["user", "add", "nobody", "--name", "No Body", "--role", "coordinator", "--all-plans"])
        try #require(add.status == 0, "\(add.err)")
        let nobody = getpwnam("nobody")!.pointee, daemon = getpwnam("daemon")!.pointee
        let export = shared.nobodyHome + "/plan.html"
        let exported = try shared.run(
            "nobody", ["plan", "export", String(all[0]), "--format", "html", "--output", export])
        #expect(exported.status == 0, "\(exported.err)")
        let file = try #require(info(export))
        #expect(file.st_uid == nobody.pw_uid)
        #expect(file.st_gid == nobody.pw_gid, "the export's group: \(file.st_gid), service group: \(shared.groupId)")
        #expect(file.st_mode & 0o777 == 0o600)
        let invitation = shared.nobodyHome + "/plan.ics"
        let invited = try shared.run(
            "nobody", ["plan", "invitation", String(all[1]), "--format", "ics", "--output", invitation])
        if invited.status == 0 { #expect(info(invitation)?.st_gid == nobody.pw_gid) }
        let backup = shared.daemonHome + "/copy.sqlite"
        let copied = try shared.run("daemon", ["backup", backup])
        #expect(copied.status == 0, "\(copied.err)")
        let copy = try #require(info(backup))
        #expect(copy.st_uid == daemon.pw_uid && copy.st_gid == daemon.pw_gid && copy.st_mode & 0o777 == 0o600)
        // And nothing was left with the service group's rights in the users' directories.
        for home in [shared.nobodyHome, shared.daemonHome] {
            for name in try FileManager.default.contentsOfDirectory(atPath: home) {
                #expect(info(home + "/" + name)?.st_gid != shared.groupId, "\(name) belongs to the service group")
            }
        }
    }
}
