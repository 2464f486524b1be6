import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drafts that could not be written to the database (locked, full, read-only) at hang-up or quit:
/// owner-only files under `$XDG_STATE_HOME/sip-tui/` (else `~/.local/state/sip-tui/`), one per
/// database, user and plan, written atomically (a temporary file, fsync, rename, fsync of the directory).
public struct DraftFiles: Sendable {
    /// The directory the files go in (mode 0700, created when first needed).
    public let directory: String
    /// The database the drafts belong to: part of every file's name.
    public let databasePath: String

    public init(directory: String, databasePath: String) {
        self.directory = directory
        self.databasePath = databasePath
    }

    /// `$XDG_STATE_HOME/sip-tui`, else `~/.local/state/sip-tui`.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/sip-tui" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/sip-tui"
    }

    /// What is kept: a plan form's draft or a meeting agenda point's notes.
    public enum Kind: String, Sendable {
        case plan
        case notes
    }

    /// What one file holds.
    struct Content: Codable {
        var database: String
        var user: String
        var kind: String
        var id: Int64
        var fields: [String: String]
        var savedAt: Date
    }

    /// The database's name and a hash of its full path: two databases of one name do not share drafts.
    var databaseKey: String {
        let absolute = URL(fileURLWithPath: databasePath).standardizedFileURL.path
        let resolved = realpath(absolute, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        let full = resolved ?? absolute
        // FNV-1a, 64 bits: stable across runs and platforms (Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in full.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let name = (full as NSString).lastPathComponent.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(String(name).prefix(40)) + "-" + String(hash, radix: 16)
    }

    func file(_ kind: Kind, user: String, id: Int64) -> String {
        let safeUser = String(user.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return directory + "/\(databaseKey).\(safeUser).\(kind.rawValue)-\(id).json"
    }

    /// Writes the file atomically, owner-only. Throws when the directory or the file cannot be written.
    public func write(_ kind: Kind, user: String, id: Int64, fields: [String: String], savedAt: Date) throws {
        // The user's own file, written with the user's own group (in shared mode: not the service group).
        try UserFiles.write { try writeAsUser(kind, user: user, id: id, fields: fields, savedAt: savedAt) }
    }

    private func writeAsUser(_ kind: Kind, user: String, id: Int64, fields: [String: String], savedAt: Date) throws {
        try makeDirectory()
        let content = Content(
            database: databasePath, user: user, kind: kind.rawValue, id: id, fields: fields, savedAt: savedAt)
        let data = try JSONEncoder().encode(content)
        let target = file(kind, user: user, id: id)
        let temporary = target + ".\(getpid()).tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DraftFileError.cannotWrite(temporary, errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw DraftFileError.cannotWrite(target, failure)
        }
        let directoryFd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFd >= 0 {
            fsync(directoryFd)
            close(directoryFd)
        }
    }

    /// The kept fields and when they were kept; nil when there is no file (or it is not this user's).
    public func read(_ kind: Kind, user: String, id: Int64) -> (fields: [String: String], savedAt: Date)? {
        UserFiles.write { readAsUser(kind, user: user, id: id) }
    }

    private func readAsUser(_ kind: Kind, user: String, id: Int64) -> (fields: [String: String], savedAt: Date)? {
        let path = file(kind, user: user, id: id)
        var info = stat()
        // Only a regular file of ours, that nobody else can read or have written.
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
            info.st_mode & 0o077 == 0
        else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let content = try? JSONDecoder().decode(Content.self, from: data),
            content.user == user, content.kind == kind.rawValue, content.id == id
        else { return nil }
        return (content.fields, content.savedAt)
    }

    /// The ids of every kept file of this kind, database and user.
    public func ids(_ kind: Kind, user: String) -> [Int64] {
        let prefix = (file(kind, user: user, id: 0) as NSString).lastPathComponent.dropLast("0.json".count)
        let names = UserFiles.write { (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] }
        return names.compactMap { name in
            guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
            return Int64(name.dropFirst(prefix.count).dropLast(".json".count))
        }.sorted()
    }

    public func remove(_ kind: Kind, user: String, id: Int64) {
        UserFiles.write { _ = unlink(file(kind, user: user, id: id)) }
    }

    /// The directory, 0700 and ours; an existing one of someone else's, or a symbolic link, is refused.
    private func makeDirectory() throws {
        var info = stat()
        if lstat(directory, &info) != 0 {
            try FileManager.default.createDirectory(
                atPath: (directory as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            if mkdir(directory, 0o700) != 0 && errno != EEXIST { throw DraftFileError.cannotWrite(directory, errno) }
            guard lstat(directory, &info) == 0 else { throw DraftFileError.cannotWrite(directory, errno) }
        }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else {
            throw DraftFileError.notOwnDirectory(directory)
        }
        if info.st_mode & 0o777 != 0o700 && chmod(directory, 0o700) != 0 {
            throw DraftFileError.cannotWrite(directory, errno)
        }
    }
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}

/// Why a draft could not be kept in a file either.
public enum DraftFileError: Error, Equatable {
    case cannotWrite(String, Int32)
    case notOwnDirectory(String)
}
