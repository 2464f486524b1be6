import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
    import SIPDomain
#endif

/// The database's files as the file system has them, looked at with lstat (links never followed):
/// a file another user planted, a symlink, a FIFO or a device is refused before anything opens it.
enum DatabaseFiles {
    /// The files SQLite opens beside the database: its WAL, the WAL's index and a rollback journal
    /// (a hot journal would be played back into the database).
    static let suffixes = ["", "-wal", "-shm", "-journal"]

    /// Which file a path named when it was checked: compared after SQLite has opened it.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Checks every file of the database at `path` that exists; returns the database file's identity
    /// (nil when it does not exist).
    /// - Parameter sharedGroup: a file may also belong to this group with mode 0660.
    static func check(_ path: String, sharedGroup: gid_t?) throws -> Identity? {
        var identity: Identity?
        for suffix in suffixes {
            let found = try check(file: path + suffix, sharedGroup: sharedGroup)
            if suffix.isEmpty { identity = found }
        }
        return identity
    }

    /// Checks one file, if it exists: a plain file, owned by this user (or shared with the group).
    static func check(file: String, sharedGroup: gid_t?) throws -> Identity? {
        var info = stat()
        guard lstat(file, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw SIPError.cannotOpen(file)
        }
        if let kind = kind(of: info.st_mode) { throw SIPError.notAPlainFile(path: file, kind: kind) }
        let user = geteuid()
        let sharedOnPurpose = sharedGroup.map { info.st_gid == $0 && info.st_mode & 0o7777 == 0o660 } ?? false
        if info.st_uid != user && !sharedOnPurpose {
            let owner = getpwuid(info.st_uid).flatMap { String(validatingCString: $0.pointee.pw_name) }
            throw SIPError.notOwned(path: file, owner: owner ?? String(info.st_uid))
        }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// What `mode` names when it is not a plain file.
    static func kind(of mode: mode_t) -> FileKind? {
        switch mode & 0o170000 {
        case 0o100000: return nil
        case 0o120000: return .symlink
        case 0o010000: return .fifo
        case 0o020000, 0o060000: return .device
        case 0o140000: return .socket
        case 0o040000: return .directory
        default: return .other
        }
    }

    /// Creates the database file, owner-only, where nothing is: O_CREAT|O_EXCL|O_NOFOLLOW, so a file
    /// or link that appears at the path meanwhile is never opened through. Returns false when
    /// something is there already (the caller checks it as an existing file).
    static func createExclusively(_ path: String) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            let directory = (path as NSString).deletingLastPathComponent
            if errno == EACCES || errno == EROFS { throw SIPError.directoryNotWritable(directory) }
            throw SIPError.cannotOpen(path)
        }
        fchmod(fd, 0o600)
        close(fd)
        return true
    }
}

/// The database files this process has open through SQLite. A descriptor of our own on such a file
/// must not be opened and closed (the header check): POSIX drops every lock a process holds on a file
/// when any of its descriptors of that file closes, SQLite's too, and another session then takes itself
/// for the file's last one and deletes the WAL from under this one ("disk I/O error", lost commits).
final class OpenDatabases: @unchecked Sendable {
    private static let shared = OpenDatabases()
    private let lock = NSLock()
    private var counts: [DatabaseFiles.Identity: Int] = [:]

    static func contains(_ file: DatabaseFiles.Identity) -> Bool {
        shared.lock.withLock { shared.counts[file, default: 0] > 0 }
    }

    /// One store's hold on `file`, given up by `end()` or when the store goes.
    final class Hold: @unchecked Sendable {
        private let file: DatabaseFiles.Identity
        /// Guarded by the shared lock, as the counts are.
        private var held = true

        init(_ file: DatabaseFiles.Identity) {
            self.file = file
            OpenDatabases.shared.lock.withLock { OpenDatabases.shared.counts[file, default: 0] += 1 }
        }

        func end() {
            OpenDatabases.shared.lock.withLock {
                guard held else { return }
                held = false
                let left = OpenDatabases.shared.counts[file, default: 1] - 1
                OpenDatabases.shared.counts[file] = left > 0 ? left : nil
            }
        }

        deinit { end() }
    }
}
