import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
    import SIPDomain
    import SIPText
#endif

/// Who is acting and when: injected so that "overdue" and the audit trail are testable.
public struct SessionContext: Sendable {
    /// The OS user name (of the real uid, also when the program runs setgid): the identity recorded in the audit log.
    public var user: String
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(user: String, timeZone: TimeZone = .stockholm, now: @escaping @Sendable () -> Date) {
        self.user = user
        self.now = now
        self.timeZone = timeZone
    }

    /// The real user and clock.
    public static func current() -> SessionContext {
        let name =
            getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) }
            ?? ProcessInfo.processInfo.environment["USER"] ?? "okänd"
        return SessionContext(user: name, now: { Date() })
    }

    public var today: Day { Day(now(), in: timeZone) }
}

extension TimeZone {
    /// All dates users see are Swedish local time.
    public static let stockholm = TimeZone(identifier: "Europe/Stockholm")!
}

/// Where the database lives: `--db`, else `$SIP_TUI_DB`, else the XDG data directory.
public enum DatabaseLocation {
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (path: String, isDefault: Bool)
    {
        if let option, !option.isEmpty { return (option, false) }
        if let env = environment["SIP_TUI_DB"], !env.isEmpty { return (env, false) }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return (base + "/sip-tui/sip.sqlite", true)
    }
}

/// The SQLite database: WAL, busy timeout, foreign keys, owner-only files.
public final class Store: Sendable {
    public let path: String
    public let context: SessionContext
    /// The OS group the files are shared with (`--shared-group`); nil: owner only.
    public let sharedGroup: String?
    /// One connection for the session's reads and writes. A session is one user at one terminal: its
    /// reads and writes never overlap, so a pool's reader connections bought no concurrency, and each
    /// connection holds its own parsed schema (about 450 kB: the tallies' triggers), page cache and
    /// kept statements, most of a session's private memory (`bench --sessions`). Other sessions are
    /// other processes: WAL still lets them read while one of them writes.
    let writer: DatabaseQueue
    let signedIn = SignedIn()
    /// This store's hold on the file while its connection is open (see `OpenDatabases`).
    private let hold: OpenDatabases.Hold
    /// This session created the file: its user may become the first administrator.
    let createdDatabase: Bool
    /// How long a write waits for another session's lock (a hang-up waits less: see `saveDraft`).
    let busyTimeout: TimeInterval
    /// Where drafts go that the database cannot take.
    public let draftFiles: DraftFiles
    /// Owning the database file lets its owner manage users; never in shared mode, where the file is
    /// merely whoever created it and only the administrator role counts.
    let fileOwnerManagesUsers: Bool

    /// Opens (creating and migrating when new) the database at `path`.
    /// - Parameter createDirectory: create a missing parent directory (mode 0700); used for the default location.
    /// - Parameter sharedGroup: share the files with this OS group (mode 0660); without it, a
    ///   database or WAL that group or others can read is refused.
    /// - Parameter stateDirectory: where drafts go that cannot be written to the database; default
    ///   `$XDG_STATE_HOME/sip-tui`.
    /// - Parameter fileOwnerManagesUsers: false in shared mode (see `SharedMode`).
    public init(
        path: String, context: SessionContext, createDirectory: Bool = false,
        busyTimeout: TimeInterval = 5, sharedGroup: String? = nil, stateDirectory: String? = nil,
        fileOwnerManagesUsers: Bool = true
    ) throws {
        let groupId = try sharedGroup.map { name -> gid_t in
            guard let entry = getgrnam(name) else { throw SIPError.unknownSystemGroup(name) }
            return entry.pointee.gr_gid
        }
        // Always owner-only: umask is the whole process's, and a shared database is given to its
        // group below by chmod (SQLite then creates its WAL and shm with the database's mode).
        umask(0o077)
        self.path = path
        self.context = context
        self.sharedGroup = sharedGroup
        self.busyTimeout = busyTimeout
        self.fileOwnerManagesUsers = fileOwnerManagesUsers
        draftFiles = DraftFiles(directory: stateDirectory ?? DraftFiles.defaultDirectory(), databasePath: path)
        let directory =
            (path as NSString).deletingLastPathComponent.isEmpty
            ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard createDirectory else { throw SIPError.directoryMissing(directory) }
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw SIPError.directoryNotWritable(directory)
            }
        } else if !isDirectory.boolValue {
            throw SIPError.directoryMissing(directory)
        }
        // Before anything opens a file: each of the database's files that exists must be a plain file
        // of this user's (lstat, links never followed); a missing database is created here with
        // O_EXCL|O_NOFOLLOW, so a file or link planted meanwhile is checked as existing, never opened.
        var identity = try DatabaseFiles.check(path, sharedGroup: groupId)
        if identity == nil {
            if !Store.mayWrite(directory) { throw SIPError.directoryNotWritable(directory) }
            _ = try DatabaseFiles.createExclusively(path)
            identity = try DatabaseFiles.check(path, sharedGroup: groupId)
        }
        // An empty file is a database not yet written: this call creates it, like a missing one.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        let isNew = size == nil || size == 0
        createdDatabase = isNew
        // Not when this process has the file open already (a second store): see `OpenDatabases`.
        if size != nil, let identity, !OpenDatabases.contains(identity) {
            try Store.checkHeader(path)
        }
        // A database that others can read is refused; an empty file is made owner-only below.
        if groupId == nil, !isNew, let problem = Store.permissionProblems(path: path).first { throw problem }
        if isNew && !Store.mayWrite(directory) {
            throw SIPError.directoryNotWritable(directory)
        }

        let config = Store.configuration(busyTimeout: busyTimeout, now: context.now)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            // WAL (a pool sets it itself): other sessions read while this one writes. It is kept in the file.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            // The files SQLite opened are still the ones checked: nothing was swapped in meanwhile.
            do {
                guard try DatabaseFiles.check(path, sharedGroup: groupId) == identity else {
                    throw SIPError.cannotOpen(path)
                }
            } catch {
                try? queue.close()
                throw error
            }
            writer = queue
            hold = OpenDatabases.Hold(identity ?? DatabaseFiles.Identity(device: 0, inode: 0))
            // Durable commits: an acknowledged save survives a power cut (with WAL's NORMAL the last
            // commits may be lost, the file staying sound).
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try writer.write { db in
                if try Schema.migrator.hasBeenSuperseded(db) { throw SIPError.newerVersion(path) }
            }
            try Schema.migrator.migrate(writer)
        } catch let error as SIPError {
            throw error
        } catch {
            throw SIPError.from(error, path: path)
        }
        // Files this call created are owner-only (umask does it; chmod makes sure); shared ones
        // belong to the group, mode 0660. An existing private database that others can read was refused above.
        if let groupId {
            try Store.share(path: path, groupId: groupId, groupName: sharedGroup ?? "")
        } else if isNew {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                chmod(path + suffix, 0o600)
            }
        }
    }

    /// Whether this process may create files in `directory`, by its effective ids (access(2) asks for
    /// the real ones: in shared mode only the effective group may enter the database's directory).
    static func mayWrite(_ directory: String) -> Bool {
        faccessat(AT_FDCWD, directory, W_OK, AT_EACCESS) == 0
    }

    /// How every connection to a sip-tui database is set up: the store's, and a restore's staging copy.
    static func configuration(
        busyTimeout: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }
    ) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // SQLite's busy timeout, with each wait counted (`bench --sessions` reports them).
        config.busyMode = busyHandler(timeout: busyTimeout)
        config.label = "sip-tui"
        config.prepareDatabase { db in
            db.add(function: Store.fold)
            // The audit log's hash chain (its triggers and migration v12 call it).
            db.add(function: AuditChain.function)
            // The session's clock, for the review's history triggers (migration v21).
            db.add(function: Store.now(now))
            // Deleted personal data (a purge) is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // A REPLACE deletes the row it replaces: with this on, the review's tally triggers see it.
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
            // After a big transaction (a county's demo, a purge) the WAL shrinks back to this.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            // The session's page cache: 1 MiB, not SQLite's 2 000 KiB. The pages are in the kernel's
            // page cache anyway, shared by every session on the server; a session's own copy of them
            // was most of its private memory. As much as the pool's writer and reader had together
            // (512 KiB each): with 512 KiB for reads and writes alike, an open and a save were slower.
            // A connection that needs more (the demo's build) sets its own.
            try db.execute(sql: "PRAGMA cache_size = -1024")
        }
        return config
    }

    /// Gives the database files to `groupId` with mode 0660, where they are not so already.
    private static func share(path: String, groupId: gid_t, groupName: String) throws {
        for file in ["", "-wal", "-shm"].map({ path + $0 }) {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            if info.st_gid != groupId && chown(file, uid_t.max, groupId) != 0 {
                throw SIPError.cannotShare(path: file, group: groupName)
            }
            if info.st_mode & 0o777 != 0o660 && chmod(file, 0o660) != 0 {
                throw SIPError.cannotShare(path: file, group: groupName)
            }
        }
    }

    /// `sip_now()`: the session's clock as the store writes dates, for triggers that time what they record.
    static func now(_ clock: @escaping @Sendable () -> Date) -> DatabaseFunction {
        DatabaseFunction("sip_now", argumentCount: 0, pure: false) { _ in clock() }
    }

    /// `sip_fold(text)`: NFC and Unicode lower case, for filters. SQLite's LIKE compares bytes and
    /// folds only ASCII, so "öberg" would miss "Öberg", or an "Öberg" stored decomposed.
    static let fold = DatabaseFunction("sip_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0])?.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// A file that exists must be empty (SQLite turns it into a database) or start with SQLite's header.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SIPError.cannotOpen(path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\u{0}".utf8) { throw SIPError.notADatabase(path) }
    }

    /// Runs `body` in one write transaction; any failure rolls everything back.
    /// - Parameter patience: how long to wait for another session's lock, when not the busy timeout.
    /// A refusal (see `refusing`) is logged after the rollback, in a transaction of its own.
    public func write<T: Sendable>(
        patience: TimeInterval? = nil, _ body: @Sendable (Database) throws -> T
    ) throws -> T {
        do {
            return try transaction(patience: patience, body)
        } catch let refusal as Refusal {
            logRefusal(refusal)
            throw refusal.error
        } catch SIPError.planNotPermitted(let planId) where access != nil {
            // A change refused before its audit line (the plan as stored is not the user's).
            logRefusal(Refusal(.planNotPermitted(planId), line: .refused(entity: .plan, id: planId, action: "change")))
            throw SIPError.planNotPermitted(planId)
        }
    }

    private func transaction<T: Sendable>(
        patience: TimeInterval?, _ body: @Sendable (Database) throws -> T
    ) throws -> T {
        guard let patience else { return try mappingErrors { try writer.write(body) } }
        return try mappingErrors {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(max(1, Int(patience * 1000)))")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(self.busyTimeout * 1000))") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try mappingErrors { try writer.read(body) }
        } catch let refusal as Refusal {
            logRefusal(refusal)
            throw refusal.error
        }
    }

    /// SQLite's errors become `SIPError`s a user can be told about; ours pass through (a refusal
    /// too, to be logged by `write` or `read`).
    func mappingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw SIPError.from(error, path: path)
        }
    }

    /// Loads one record, changes it and saves it in one transaction, with its audit line; a
    /// missing record is `notFound`.
    @discardableResult
    func modify<R: FetchableRecord & MutablePersistableRecord & TableRecord & Sendable>(
        _ type: R.Type, _ id: Int64, _ act: (Int64) -> Act,
        _ change: @escaping @Sendable (inout R) throws -> String
    ) throws -> R {
        let act = act(id)
        return try write { db in
            guard var record = try R.fetchOne(db, key: id) else { throw SIPError.notFound(act.entity, id) }
            try self.requireVisible(db, entity: act.entity, id: id)
            let detail = try change(&record)
            try record.update(db)
            try self.audit(db, act, detail: detail)
            return record
        }
    }

    /// Appends to the audit log inside the caller's transaction, after checking that the
    /// signed-in user may do this (a refusal rolls the whole change back). The detail (changed
    /// values) goes beside the append-only log, where purging a plan can remove it.
    package func audit(_ db: Database, _ act: Act, detail: String = "") throws {
        try refusing(db, act, detail: detail) { try authorize(db, act) }
        try appendAudit(db, act, detail: detail)
    }

    /// Runs a check for `act` inside a transaction; a refusal of a signed-in user's attempt leaves
    /// it as a `Refusal`, which `write` and `read` log after the transaction ended (a refused write
    /// rolls back whole, its audit line with it). The line is against the act's plan when it has one
    /// (a record refused its creation has no id), and says what and why, never the values tried.
    func refusing(_ db: Database, _ act: Act, detail: String, _ check: () throws -> Void) throws {
        do {
            try check()
        } catch let error as SIPError where error.isRefusal && access != nil {
            let recordId = act.auditAction == "create" ? nil : act.entityId
            let record = [act.entity.rawValue, recordId.map(String.init)].compactMap { $0 }.joined(separator: " ")
            // A plan refused its creation has no number either.
            let planId =
                act.entity == .plan && recordId == nil ? nil : try? Store.planId(db, of: act.entity, id: act.entityId)
            let line: Act =
                if let planId, act.entity != .user {
                    .refused(entity: .plan, id: planId, action: act.auditAction)
                } else {
                    .refused(entity: act.entity, id: recordId, action: act.auditAction)
                }
            // A user's login and role may be named; a plan's values tried are not kept.
            let what = act.entity == .user && !detail.isEmpty ? detail : record
            throw Refusal(error, line: line, detail: what)
        }
    }

    /// Appends a refusal's line in a transaction of its own. A log that cannot be written (the
    /// database busy or read-only) does not change what the user is told: the refusal stands.
    func logRefusal(_ refusal: Refusal) {
        let detail = [refusal.detail, refusal.error.refusalReason].filter { !$0.isEmpty }.joined(separator: ": ")
        _ = try? mappingErrors {
            try writer.write { db in try self.appendAudit(db, refusal.line, detail: detail) }
        }
    }

    /// The audit line alone, for an act authorised before (a restore: the users it was authorised
    /// by may not be in what was restored).
    func appendAudit(_ db: Database, _ act: Act, detail: String) throws {
        let id = try AuditChain.append(
            db, at: context.now(), user: context.user, entity: act.entity.rawValue, entityId: act.entityId,
            action: act.auditAction)
        if !detail.isEmpty {
            try db.execute(sql: "INSERT INTO auditDetail (auditId, detail) VALUES (?, ?)", arguments: [id, detail])
        }
    }

    /// Closes the connection; further use throws.
    public func close() throws {
        try writer.close()
        hold.end()
    }
}

/// A refused attempt on its way out of the transaction it was refused in (see `Store.refusing`).
struct Refusal: Error {
    let error: SIPError
    let line: Act
    let detail: String

    init(_ error: SIPError, line: Act, detail: String = "") {
        self.error = error
        self.line = line
        self.detail = detail
    }
}

extension SIPError {
    /// The role (or its absence) refused the act: worth a line of the audit log.
    var isRefusal: Bool {
        switch self {
        case .notPermitted, .planNotPermitted, .unknownUser: true
        default: false
        }
    }

    /// Why, in the audit log's words.
    var refusalReason: String {
        switch self {
        case .notPermitted(let role): "not permitted as \(role.rawValue)"
        case .planNotPermitted: "plan not permitted"
        case .unknownUser: "not a user"
        default: "refused"
        }
    }

    /// Maps SQLite's result codes to messages a user can act on.
    static func from(_ error: Error, path: String) -> SIPError {
        if let error = error as? SIPError { return error }
        guard let dbError = error as? DatabaseError else { return .storage(String(describing: error)) }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path)
        case .SQLITE_READONLY: return .readOnly(path)
        case .SQLITE_NOTADB: return .notADatabase(path)
        case .SQLITE_CORRUPT: return .corrupt(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen(path)
        default: return .storage(dbError.message ?? "\(dbError.resultCode)")
        }
    }
}
