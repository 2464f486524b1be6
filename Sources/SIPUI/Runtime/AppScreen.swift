import Foundation
import SIPModel
import SIPWidgets

/// The area a screen may draw in, and its top-left corner in the frame.
public struct Viewport: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var top: Int

    public init(width: Int, height: Int, top: Int = 0) {
        self.width = width
        self.height = height
        self.top = top
    }
}

/// What a screen knows of the world when it updates and draws: words, today, and its room.
public struct ScreenEnvironment {
    public var catalog: Catalog
    public var today: Day
    public var timeZone: TimeZone
    /// The body of the screen, between the title bar and the hint bar.
    public var viewport: Viewport
    /// The whole terminal's width (the title bar's room).
    public var width: Int

    public init(catalog: Catalog, today: Day, timeZone: TimeZone = .stockholm, viewport: Viewport, width: Int? = nil) {
        self.catalog = catalog
        self.today = today
        self.timeZone = timeZone
        self.viewport = viewport
        self.width = width ?? viewport.width
    }
}

/// The session the interpreter runs commands in: the store, the words, and this session's
/// history of changes (for undo). Screens never hold it; their commands are given it.
public final class Session {
    public let store: Store
    public let catalog: Catalog
    /// This session's changes, newest last, and how to take each back.
    var undoLog: [UndoEntry] = []
    /// Where the export form suggests writing the plan: the working directory unless told otherwise.
    public var exportDirectory = FileManager.default.currentDirectoryPath
    /// The terminal's width when the command runs (laid-out texts such as the user table need it).
    public internal(set) var width = 80

    init(store: Store, catalog: Catalog) {
        self.store = store
        self.catalog = catalog
    }

    var today: Day { store.context.today }
}

/// One screen of the app. It owns its loop: keys and the results of what it asked for come in as
/// messages, commands go out; it never touches the store itself. The interpreter (`App`) runs
/// each command against the session and delivers the answer to the screen that asked.
public protocol AppScreen {
    /// The results this screen asks for (its queries' and mutations' answers).
    associatedtype Loaded = Void
    associatedtype Action: Hashable & Sendable

    /// The one source for dispatch, the hint bar and help.
    var keys: KeyTable<Action> { get }
    /// Letters are text here (a form, the filter): `?` and `q` must not act as commands.
    var isTyping: Bool { get }
    /// The title bar: its left text and what stands at its right (a count, a position).
    func title(_ env: ScreenEnvironment) -> (left: String, right: String)
    /// What to read when the screen is shown: pushed, or on top again after the one above it left.
    mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>]
    mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>]
    mutating func render(into grid: inout Grid, _ env: ScreenEnvironment)
    /// Typed and not yet saved: kept on quit, signals and terminal loss.
    var unsavedWork: [UnsavedWork] { get }
    /// Meeting mode: while it is anywhere on the stack, leaving the screen (Ctrl-Z, Ctrl-C) asks first.
    var isMeetingMode: Bool { get }
}

extension AppScreen {
    public var isTyping: Bool { false }
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] { [] }
    public var unsavedWork: [UnsavedWork] { [] }
    public var isMeetingMode: Bool { false }
}

/// What a screen asks the interpreter to do.
public enum Command<Loaded> {
    /// Read; the answer comes back as `.loaded`, a failure as `.unreadable`.
    case query((Session) throws -> Loaded)
    /// Write; the answer comes back as `.saved`, a failure as `.refused`.
    case mutation((Session) throws -> Loaded)
    /// Write with nothing to answer; a failure comes back as `.refused`.
    case run((Session) throws -> Void)
    /// Shows a screen on top; it loads what it needs itself.
    case push(any AppScreen)
    /// Leaves this screen; the one below is shown again (and loads).
    case pop
    /// Leaves a screen that never opened (what it needed could not be read): the one below stays
    /// as it was, and reads nothing again.
    case dismiss
    /// A question that needs a deliberate yes; the answer comes back as `.confirmed` or `.declined`.
    case confirm(Confirmation)
    /// One line above the hint bar.
    case status(String, isError: Bool)
    /// An error for the status line, in the user's words.
    case error(any Error)
    /// Tells every screen on the stack (a plan was created, say).
    case notify(Notice)
    case quit, help, redraw
}

/// What a screen is told.
public enum Message<Loaded> {
    case key(Key)
    /// Characters typed or pasted in one burst, for a screen where letters are text (`isTyping`).
    case text(String)
    case loaded(Loaded)
    case saved(Loaded)
    /// A query failed: what the screen asked to read could not be read (or may not be, now).
    case unreadable(any Error)
    /// A mutation failed: nothing was written.
    case refused(any Error)
    case confirmed(Confirmation)
    case declined(Confirmation)
    case notice(Notice)
    /// The terminal changed size.
    case resized
}

/// News for every screen on the stack.
public enum Notice: Equatable, Sendable {
    case planCreated(Int64)
}

/// A question that needs a deliberate yes before the app acts.
public enum Confirmation: Equatable, Sendable {
    case leaveMeeting
    case finishMeeting(meetingId: Int64)
    case closeDeviation(Int64)
    /// A form with unsaved changes is being left: save (yes), discard (no), or keep editing (Esc).
    case unsavedChanges
    /// Ctrl-Z while meeting mode is on the stack: suspending would show the shell to the family.
    case suspendInMeeting
    /// Ctrl-C while meeting mode is on the stack.
    case quitInMeeting
    /// An organisation no consent covers is being invited (by name): invite it anyway (yes), or not.
    case inviteOutsideConsent(agency: String)
    /// A record is about to be removed (the question names it): remove it (yes), or not.
    case removeRecord(question: String)
    /// A meeting's kallelse is about to be mailed to the recipients the question lists.
    case sendKallelse(planId: Int64, meetingId: Int64, question: String)
}

/// Work a screen holds that must not be lost.
public enum UnsavedWork: Equatable, Sendable {
    /// A plan form's input, kept as a draft (one per plan and user; nil: a new plan).
    case planDraft(planId: Int64?, fields: [String: String])
    case agendaNotes(itemId: Int64, notes: String)
}

/// Meeting mode needs a meeting: the user is told to book one.
struct NoMeeting: Error {}

/// One change this session made, and how to take it back.
enum UndoEntry: Equatable, Sendable {
    case plan(before: Plan, afterVersion: Int)
    case intervention(before: Intervention, after: Intervention)

    var planId: Int64 {
        switch self {
        case .plan(let before, _): return before.id!
        case .intervention(let before, _): return before.planId
        }
    }
}
