import Foundation
import SIPModel
import SIPWidgets

/// What covers the screen for a moment.
public enum Overlay: Equatable, Sendable {
    case help
    /// The form has unsaved changes and the user asked to leave it.
    case confirmLeave
    /// A deliberate yes is needed (leaving meeting mode, finishing the meeting).
    case confirm(Confirmation)
}

/// The whole terminal application without a terminal: keys in, frames out. It keeps the stack of
/// screens and the overlay, and interprets the screens' commands against the session; the
/// screens decide everything else. The backend feeds it keys and the terminal size and draws
/// what `render()` returns; tests do the same in memory.
public final class App {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public let session: Session
    public var store: Store { session.store }
    public var catalog: Catalog { session.catalog }
    public var exportDirectory: String {
        get { session.exportDirectory }
        set { session.exportDirectory = newValue }
    }

    /// A screen on the stack, with the id its commands' answers are addressed to.
    struct Entry {
        let id: Int
        var screen: any AppScreen
    }

    private var entries: [Entry] = []
    private var lastId = 0
    /// The question on screen and the screen that asked it.
    private var dialog: (question: Confirmation, asker: Int)?
    private var showingHelp = false
    public internal(set) var message: (text: String, isError: Bool)?
    public internal(set) var isFinished = false
    public internal(set) var width: Int
    public internal(set) var height: Int
    private var redrawRequested = false

    public init(store: Store, catalog: Catalog, width: Int = 80, height: Int = 24) {
        session = Session(store: store, catalog: catalog)
        self.width = width
        self.height = height
        session.width = width
        store.applyKeptNotes()
        push(startScreen())
    }

    /// The first screen follows the role: a coordinator's plans, a chair's review, an
    /// administrator's users. Not signed in (the library used directly): the plan list.
    private func startScreen() -> any AppScreen {
        let access = store.access
        switch access?.role {
        case .busChair?:
            return ReviewScreen(today: store.context.today, chairOf: access?.reviewGroupId, chairStart: true)
        case .administrator?:
            return AdministrationScreen()
        case .coordinator?, nil:
            var list = PlanListScreen()
            list.offersReview = access == nil
            return list
        }
    }

    /// The screens, bottom first.
    public internal(set) var stack: [any AppScreen] {
        get { entries.map(\.screen) }
        set {
            precondition(newValue.count == entries.count, "screens are pushed and popped by commands")
            for index in entries.indices { entries[index].screen = newValue[index] }
        }
    }

    public var top: any AppScreen { entries[entries.count - 1].screen }

    func replaceTop(_ screen: any AppScreen) { entries[entries.count - 1].screen = screen }

    public var overlay: Overlay? {
        if showingHelp { return .help }
        switch dialog?.question {
        case .unsavedChanges?: return .confirmLeave
        case let question?: return .confirm(question)
        case nil: return nil
        }
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// True once after Ctrl-L: the backend repaints the whole terminal.
    public func takeRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }

    public func resize(width: Int, height: Int) {
        let widthChanged = max(0, width) != self.width
        self.width = max(0, width)
        self.height = max(0, height)
        session.width = self.width
        if widthChanged { for entry in entries { deliver(.resized, to: entry.id) } }
    }

    var bodyViewport: Viewport {
        Viewport(width: width, height: max(0, height - 2 - (message == nil ? 0 : 1)), top: 1)
    }

    var environment: ScreenEnvironment {
        ScreenEnvironment(
            catalog: catalog, today: store.context.today, timeZone: store.context.timeZone,
            viewport: bodyViewport, width: width)
    }

    var isTyping: Bool { top.isTyping }

    // MARK: Keys

    public func handle(_ key: Key) {
        if key == .resize { return }
        if isTooSmall {
            // Only q: Esc means "back" everywhere else and must not end the session by surprise.
            if key == .character("q") { quit() }
            return
        }
        message = nil
        if showingHelp {
            showingHelp = false
            return
        }
        if let dialog {
            answer(key, to: dialog.question, asker: dialog.asker)
            return
        }
        switch GlobalKeys.table(typing: isTyping).action(for: key) {
        case .help?:
            showingHelp = true
        case .redraw?:
            redrawRequested = true
        case nil:
            deliver(.key(key), to: entries[entries.count - 1].id)
        }
    }

    private func isYes(_ key: Key) -> Bool {
        guard case .character(let c) = key else { return false }
        return c == Character(catalog.ui(.yesKeys)) || c == "y" || c == "j"
    }

    /// A dialog's keys: yes, no, or (where there is a third way) Esc to go back to what was on screen.
    private func answer(_ key: Key, to question: Confirmation, asker: Int) {
        if isYes(key) {
            dialog = nil
            deliver(.confirmed(question), to: asker)
        } else if key == .character("n") {
            dialog = nil
            deliver(.declined(question), to: asker)
        } else if key == .escape {
            dialog = nil
        }
    }

    // MARK: The interpreter

    /// A message that means the same to every screen, whatever it loads.
    enum Signal {
        case key(Key), confirmed(Confirmation), declined(Confirmation), notice(Notice), resized

        func message<Loaded>(_: Loaded.Type) -> Message<Loaded> {
            switch self {
            case .key(let key): .key(key)
            case .confirmed(let question): .confirmed(question)
            case .declined(let question): .declined(question)
            case .notice(let notice): .notice(notice)
            case .resized: .resized
            }
        }
    }

    private func index(of id: Int) -> Int? { entries.lastIndex { $0.id == id } }

    private func deliver(_ signal: Signal, to id: Int) {
        guard let index = index(of: id) else { return }
        func open<S: AppScreen>(_: S) { deliver(signal.message(S.Loaded.self), to: id, as: S.self) }
        open(entries[index].screen)
    }

    /// Hands the screen `id` a message and runs what it asks, in order. The screen is written back
    /// before its commands run, so answers that come back to it find it as it left itself.
    private func deliver<S: AppScreen>(_ message: Message<S.Loaded>, to id: Int, as _: S.Type) {
        guard let index = index(of: id), var screen = take(index, as: S.self) else { return }
        let commands = screen.update(message, environment)
        entries[index].screen = screen
        for command in commands { execute(command, from: id, as: S.self) }
    }

    /// Moves a screen out of the stack, so that the screen's buffers are not shared while it changes them.
    private func take<S: AppScreen>(_ index: Int, as _: S.Type) -> S? {
        guard let screen = entries[index].screen as? S else { return nil }
        entries[index].screen = Vacant()
        return screen
    }

    private func execute<S: AppScreen>(_ command: Command<S.Loaded>, from id: Int, as _: S.Type) {
        switch command {
        case .query(let read):
            let answer: Message<S.Loaded>
            do { answer = .loaded(try read(session)) } catch { answer = .unreadable(error) }
            deliver(answer, to: id, as: S.self)
        case .mutation(let write):
            let answer: Message<S.Loaded>
            do { answer = .saved(try write(session)) } catch { answer = .refused(error) }
            deliver(answer, to: id, as: S.self)
        case .run(let write):
            do { try write(session) } catch { deliver(.refused(error), to: id, as: S.self) }
        case .push(let screen):
            push(screen)
        case .pop:
            pop(id)
        case .dismiss:
            pop(id, showBelow: false)
        case .confirm(let question):
            dialog = (question, id)
        case .status(let text, let isError):
            say(text, isError: isError)
        case .error(let error):
            say(describe(error), isError: true)
        case .notify(let notice):
            for entry in entries { deliver(.notice(notice), to: entry.id) }
        case .quit:
            quit()
        case .help:
            showingHelp = true
        case .redraw:
            redrawRequested = true
        }
    }

    /// An error shown stays for the rest of the key: a later "saved" in the same batch does not hide it.
    private func say(_ text: String, isError: Bool) {
        if !isError, message?.isError == true { return }
        message = (text, isError)
    }

    func describe(_ error: any Error) -> String {
        switch error {
        case let error as SIPError: catalog.message(error)
        case is NoMeeting: catalog.ui(.noMeeting)
        default: String(describing: error)
        }
    }

    private func push(_ screen: any AppScreen) {
        lastId += 1
        entries.append(Entry(id: lastId, screen: screen))
        show(lastId)
    }

    /// The screen is shown (pushed, or on top again): it reads what it needs.
    private func show(_ id: Int) {
        guard let index = index(of: id) else { return }
        func open<S: AppScreen>(_: S) {
            guard var screen = take(index, as: S.self) else { return }
            let commands = screen.load(environment)
            entries[index].screen = screen
            for command in commands { execute(command, from: id, as: S.self) }
        }
        open(entries[index].screen)
    }

    /// Leaves the screen `id`; the one below is shown again, so it reads what was saved.
    private func pop(_ id: Int, showBelow: Bool = true) {
        guard entries.count > 1, let index = index(of: id), index > 0 else { return }
        entries.removeSubrange(index...)
        if showBelow { show(entries[entries.count - 1].id) }
    }

    private func quit() {
        preserveUnsavedWork()
        isFinished = true
    }

    /// Keeps whatever is typed and unsaved: a plan form as a draft (with the version it was based
    /// on), meeting notes straight into the meeting. Called on quit, signals and terminal loss.
    /// What the database cannot take at once (another session's lock, a full disk) goes to a draft
    /// file, offered back when the form opens again (notes: put back when the program starts).
    public func preserveUnsavedWork() {
        for entry in entries {
            for work in entry.screen.unsavedWork {
                switch work {
                case .planDraft(let planId, let fields): _ = try? store.saveDraft(planId: planId, fields: fields)
                case .agendaNotes(let itemId, let notes): _ = try? store.keepAgendaNotes(itemId: itemId, notes: notes)
                }
            }
        }
    }

    // MARK: Rendering

    public func render() -> Grid {
        var grid = Grid(width: width, height: height)
        guard width > 0, height > 0 else { return grid }
        if isTooSmall {
            Chrome.tooSmall(&grid, minimum: (Self.minimumWidth, Self.minimumHeight), catalog: catalog)
            return grid
        }
        let env = environment
        var title = (left: "", right: "")
        var hints: [(keys: String, text: String)] = []
        let index = entries.count - 1
        func open<S: AppScreen>(_: S) {
            guard var screen = take(index, as: S.self) else { return }
            screen.render(into: &grid, env)
            title = screen.title(env)
            hints = screen.keys.hints(catalog)
            entries[index].screen = screen
        }
        open(entries[index].screen)
        // Help first: it must never be the hint that does not fit.
        hints = GlobalKeys.table(typing: isTyping).hints(catalog) + hints
        Chrome.titleBar(&grid, left: title.left, right: title.right)
        Chrome.hintBar(&grid, hints: hints)
        if let message {
            grid.fill(row: height - 2, column: 0, count: width, role: .normal)
            grid.put(message.text, row: height - 2, column: 0, maxWidth: width, role: message.isError ? .error : .label)
        }
        switch overlay {
        case .help?:
            Chrome.help(&grid, entries: helpEntries, catalog: catalog)
        case .confirmLeave?:
            Chrome.dialog(
                &grid,
                [
                    catalog.ui(.unsavedQuestion), "", "\(catalog.ui(.yesKeys))  \(catalog.ui(.save))",
                    "n  \(catalog.ui(.discard))", "Esc  \(catalog.ui(.keepEditing))",
                ])
        case .confirm(let question)?:
            let text =
                switch question {
                case .leaveMeeting: catalog.ui(.leaveMeetingQuestion)
                case .finishMeeting: catalog.ui(.finishMeetingQuestion)
                case .closeDeviation: catalog.ui(.closeDeviationQuestion)
                case .unsavedChanges: catalog.ui(.unsavedQuestion)
                case .inviteOutsideConsent(let agency): catalog.message(SIPError.outsideConsent(agency))
                }
            // A long question is wrapped to the dialog's room.
            let question = DisplayWidth.wrap(text, width: max(10, width - 8))
            Chrome.dialog(&grid, question + ["", "\(catalog.ui(.yesKeys))  \(catalog(.yes))", "n  \(catalog(.no))"])
        case nil:
            break
        }
        return grid
    }

    /// Every key of the current screen, then the global ones: generated from the live tables.
    public var helpEntries: [(keys: String, text: String)] {
        func keys<S: AppScreen>(_ screen: S) -> [(keys: String, text: String)] { screen.keys.help(catalog) }
        return keys(top) + GlobalKeys.table(typing: isTyping).help(catalog)
    }
}

/// Holds a screen's place on the stack for the moment the screen itself is being changed.
private struct Vacant: AppScreen {
    var keys: KeyTable<Never> { KeyTable([]) }
    func title(_ env: ScreenEnvironment) -> (left: String, right: String) { ("", "") }
    mutating func update(_ message: Message<Void>, _ env: ScreenEnvironment) -> [Command<Void>] { [] }
    mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {}
}
