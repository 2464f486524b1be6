import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
    import SIPDomain
#endif

/// The shared mode: the program installed setgid to a service group no person belongs to, the database
/// in a directory only that group can enter (root:G 2770), named by a root-owned configuration. A person
/// reaches the data only through the program, and so only through their role. Identity stays the real uid.
///
/// The configuration is `PREFIX/etc/sip-tui/shared.conf` for a program installed as `PREFIX/bin/sip-tui`
/// (`/etc/sip-tui/shared.conf` for `/usr/bin` and `/bin`): lines `group = G` and `database = /abs/path`.
public struct SharedMode: Sendable, Equatable {
    /// The service group and its id: the process's effective group.
    public var group: String
    public var groupId: gid_t
    /// The one database this installation serves (absolute).
    public var database: String
    /// Where the configuration was read.
    public var configuration: String

    public init(group: String, groupId: gid_t, database: String, configuration: String) {
        self.group = group
        self.groupId = groupId
        self.database = database
        self.configuration = configuration
    }

    /// The database's directory.
    public var directory: String { (database as NSString).deletingLastPathComponent }

    /// The configuration a program at `binary` reads.
    public static func configurationPath(binary: String) -> String {
        let prefix = ((binary as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        if prefix == "/usr" || prefix == "/" || prefix.isEmpty { return "/etc/sip-tui/shared.conf" }
        return prefix + "/etc/sip-tui/shared.conf"
    }

    /// This process's executable, links resolved.
    public static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// An absolute path without `.`, `..` or doubled slashes (links are not resolved).
    public static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The text of a configuration.
    public static func configurationText(group: String, database: String) -> String {
        "# sip-tui shared mode: written by sip-tui install-shared; root's own, mode 0644.\n"
            + "group = \(group)\ndatabase = \(database)\n"
    }

    /// Nil when the program does not run setgid (effective group = real group): the private modes.
    /// Running setgid, the configuration must be sound and name the effective group; otherwise this
    /// throws and the program does nothing with the group's rights.
    public static func detect(binary: String = executablePath()) throws -> SharedMode? {
        let effective = getegid()
        guard effective != getgid() else { return nil }
        let path = configurationPath(binary: binary)
        try requireRootOwned(path, isDirectory: false)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SIPError.sharedSetupUnsafe(path: path, expected: "root:root 0644", found: "?")
        }
        var values: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.hasPrefix("#"), let equals = text.firstIndex(of: "=") else { continue }
            values[text[..<equals].trimmingCharacters(in: .whitespaces)] =
                text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        guard let group = values["group"], let database = values["database"], database.hasPrefix("/"),
            let entry = getgrnam(group)
        else {
            throw SIPError.sharedSetupUnsafe(path: path, expected: "group = G, database = /PATH", found: "?")
        }
        let groupId = entry.pointee.gr_gid
        guard groupId == effective else {
            throw SIPError.sharedSetupUnsafe(
                path: binary, expected: "setgid \(group)", found: "setgid \(groupName(effective))")
        }
        return SharedMode(group: group, groupId: groupId, database: database, configuration: path)
    }

    /// The configuration (or a directory above it) must be root's and writable by root only; a sticky
    /// directory of root's (as /tmp) is fine: nobody else can rename what is in it.
    static func requireRootOwned(_ path: String, isDirectory: Bool) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw SIPError.sharedSetupUnsafe(path: path, expected: "root:root 0644", found: "-")
        }
        let mode = info.st_mode & 0o7777
        let sticky = isDirectory && mode & 0o1000 != 0
        let kindOK = (info.st_mode & S_IFMT) == (isDirectory ? S_IFDIR : S_IFREG)
        if info.st_uid != 0 || !kindOK || (mode & 0o022 != 0 && !sticky) {
            throw SIPError.sharedSetupUnsafe(
                path: path, expected: isDirectory ? "root, 0755" : "root:root 0644", found: describe(info))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try requireRootOwned(parent, isDirectory: true) }
    }

    /// What is wrong with the installation: the database's directory (root:G, 2770 or 0770, nothing for
    /// others), the database's files (group G, 0660), the configuration, and the program itself
    /// (root:G, setgid, writable by root only). Empty when all is well.
    public func problems(binary: String = executablePath()) -> [SIPError] {
        var found: [SIPError] = []
        do { try SharedMode.requireRootOwned(configuration, isDirectory: false) } catch let error as SIPError {
            found.append(error)
        } catch {}
        found += directoryProblems()
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var info = stat()
            guard lstat(database + suffix, &info) == 0 else { continue }
            if info.st_gid != groupId || info.st_mode & 0o7777 != 0o660 || info.st_mode & S_IFMT != S_IFREG {
                found.append(
                    .sharedSetupUnsafe(
                        path: database + suffix, expected: "USER:\(group) 0660", found: SharedMode.describe(info)))
            }
        }
        var info = stat()
        if stat(binary, &info) == 0 {
            let mode = info.st_mode & 0o7777
            if info.st_uid != 0 || info.st_gid != groupId || mode & 0o2000 == 0 || mode & 0o022 != 0 {
                found.append(
                    .sharedSetupUnsafe(path: binary, expected: "root:\(group) 2755", found: SharedMode.describe(info)))
            }
        }
        return found
    }

    /// The service group for an installation: it must exist and no account may belong to it (as a
    /// member or as its primary group), or its members could open the database with sqlite3.
    public static func installationProblems(group: String, database: String, binary: String) -> [SIPError] {
        guard let entry = getgrnam(group) else { return [.unknownSystemGroup(group)] }
        let groupId = entry.pointee.gr_gid
        var members: [String] = []
        if var member = entry.pointee.gr_mem {
            while let name = member.pointee {
                members.append(String(cString: name))
                member += 1
            }
        }
        setpwent()
        while let account = getpwent() {
            if account.pointee.pw_gid == groupId { members.append(String(cString: account.pointee.pw_name)) }
        }
        endpwent()
        guard members.isEmpty else {
            return [
                .sharedSetupUnsafe(
                    path: "group " + group, expected: "-", found: members.joined(separator: ","))
            ]
        }
        return []
    }

    /// The directory alone: checked at every start, before the database is opened.
    public func directoryProblems() -> [SIPError] {
        var info = stat()
        let expected = "root:\(group) 2770"
        guard lstat(directory, &info) == 0 else {
            return [.sharedSetupUnsafe(path: directory, expected: expected, found: "-")]
        }
        let mode = info.st_mode & 0o7777
        let sound =
            info.st_mode & S_IFMT == S_IFDIR && info.st_uid == 0 && info.st_gid == groupId
            && mode & 0o007 == 0 && mode & 0o070 == 0o070
        return sound ? [] : [.sharedSetupUnsafe(path: directory, expected: expected, found: SharedMode.describe(info))]
    }

    /// "owner:group mode", as `ls -l` would name them.
    static func describe(_ info: stat) -> String {
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid)
        return "\(owner):\(groupName(info.st_gid)) " + String(info.st_mode & 0o7777, radix: 8)
    }

    static func groupName(_ id: gid_t) -> String {
        getgrgid(id).map { String(cString: $0.pointee.gr_name) } ?? String(id)
    }
}

/// Files the user asked for (exports, backups, drafts) are written with the user's own group: in shared
/// mode the effective group is set back to the real one around the write (setegid(getgid())), and the
/// service group taken back after, so a file never belongs to the service group and the group's rights
/// never reach a path the user chose. Outside shared mode this only runs `body`.
public enum UserFiles {
    private static let lock = NSRecursiveLock()

    public static func write<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let effective = getegid()
        let real = getgid()
        guard effective != real else { return try body() }
        guard setegid(real) == 0 else {
            // Never write with the group's rights: stop rather than go on.
            fatalError("setegid(\(real)) failed: \(errno)")
        }
        defer {
            if setegid(effective) != 0 { fatalError("setegid(\(effective)) failed: \(errno)") }
        }
        return try body()
    }
}
