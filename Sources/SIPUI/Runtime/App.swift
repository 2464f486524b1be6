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
    private var terminalRequest: TerminalRequest?
    /// The choice marked in a question answered by choosing.
    private var choice = 0
    private var inBurst = false
    private var droppingRestOfBurst = false
    /// What the terminal can show; text is transliterated to it. A terminal not in UTF-8 is told so,
    /// and how to fix it, once, on the first screen.
    public var charset = TerminalCharset.unicode {
        didSet { if charset != .unicode && oldValue == .unicode { notify([catalog.ui(.notUTF8)]) } }
    }

    /// Says something on the status line of the first screen (a problem in keys.conf, the locale).
    public func notify(_ notices: [String]) {
        guard !notices.isEmpty else { return }
        let text = ([message?.text].compactMap { $0 } + notices).joined(separator: " | ")
        message = (text, false)
    }

    public init(store: Store, catalog: Catalog, width: Int = 80, height: Int = 24) {
        session = Session(store: store, catalog: catalog)
        self.width = width
        self.height = height
        session.width = width
        store.applyKeptNotes()
        push(startScreen())
    }

    /// The first screen follows the role: a coordinator's day ("Att göra", the plan list a key
    /// away), a chair's review, an administrator's users. Not signed in (the library used
    /// directly): the plan list.
    private func startScreen() -> any AppScreen {
        let access = store.access
        switch access?.role {
        case .busChair?:
            return ReviewScreen(today: store.context.today, chairOf: access?.reviewGroupId, chairStart: true)
        case .administrator?:
            return AdministrationScreen()
        case .coordinator?:
            return DayScreen()
        case nil:
            return PlanListScreen()
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

    /// What the keys ask of the terminal itself, which only the backend can do.
    public enum TerminalRequest: Equatable, Sendable {
        /// Ctrl-Z: leave the screen to the shell until `fg`.
        case suspend
        /// Ctrl-C: end the session as an interrupt does (unsaved work is kept).
        case interrupt
    }

    /// The request made by the last keys, once.
    public func takeTerminalRequest() -> TerminalRequest? {
        defer { terminalRequest = nil }
        return terminalRequest
    }

    /// Meeting mode is somewhere on the stack: the screen is shared with the family.
    public var inMeetingMode: Bool { entries.contains { $0.screen.isMeetingMode } }

    /// The choice marked in a question that is answered by choosing (0: the default, stay).
    public var dialogChoice: Int? {
        guard let dialog, isChosen(dialog.question) else { return nil }
        return choice
    }

    /// Keys that arrived together (typed ahead, a paste), handled in order. Once a question closes,
    /// the rest of them reaches no screen: what was typed at the question is not meant for the next one.
    public func handle(burst keys: [Key]) {
        beginBurst()
        var text = ""
        for key in keys {
            if case .character(let c) = key {
                text.append(c)
                continue
            }
            handle(text: text)
            text = ""
            handle(key)
        }
        handle(text: text)
        endBurst()
    }

    /// Characters typed or pasted in one burst: where letters are text, the screen takes them in one
    /// step (a megabyte pasted costs what one edit costs); anywhere else they are keys, one by one.
    public func handle(text: String) {
        guard !text.isEmpty else { return }
        let asText =
            text.count > 1 && !droppingRestOfBurst && !isTooSmall && !showingHelp && dialog == nil
            && isTyping
        guard asText else {
            for c in text { handle(.character(c)) }
            return
        }
        message = nil
        deliver(.text(text), to: entries[entries.count - 1].id)
    }

    /// The backend's burst: every key already waiting, between `beginBurst()` and `endBurst()`.
    public func beginBurst() { inBurst = true }

    public func endBurst() {
        inBurst = false
        droppingRestOfBurst = false
    }

    public func handle(_ key: Key) {
        if key == .resize || droppingRestOfBurst { return }
        defer { if !inBurst { droppingRestOfBurst = false } }
        if let action = GlobalKeys.anywhere.action(for: key) {
            leaveTerminal(action)
            return
        }
        if isTooSmall {
            // Only q: Esc means "back" everywhere else and must not end the session by surprise. Not
            // in meeting mode: quitting would show the shell on the screen the family sees.
            if key == .character("q") && !inMeetingMode { quit() }
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
        case .interrupt?, .suspend?:
            break  // handled above, whatever covers the screen
        case nil:
            deliver(.key(key), to: entries[entries.count - 1].id)
        }
    }

    private func isYes(_ key: Key) -> Bool {
        guard case .character(let c) = key else { return false }
        return c == Character(catalog.ui(.yesKeys)) || c == "y" || c == "j"
    }

    /// A dialog's keys: yes, no, or (where there is a third way) Esc to go back to what was on screen.
    /// Questions that guard meeting mode are answered by choosing instead (`choose`).
    private func answer(_ key: Key, to question: Confirmation, asker: Int) {
        if isChosen(question) {
            choose(key, question, asker: asker)
        } else if isYes(key) {
            closeDialog()
            deliver(.confirmed(question), to: asker)
        } else if key == .character("n") {
            closeDialog()
            deliver(.declined(question), to: asker)
        } else if key == .escape {
            closeDialog()
        }
    }

    /// Questions on the screen the family sees (every question while meeting mode is on the stack):
    /// typing never answers them. The default (0) changes nothing.
    func isChosen(_ question: Confirmation) -> Bool {
        switch question {
        case .leaveMeeting, .suspendInMeeting, .quitInMeeting: true
        case .finishMeeting, .closeDeviation, .unsavedChanges, .inviteOutsideConsent, .removeRecord, .sendKallelse:
            inMeetingMode
        }
    }

    /// What choosing means: nothing (the question closes), yes, or no.
    enum Answer { case none, yes, no }

    /// A chosen question's choices, the default first.
    func choices(_ question: Confirmation) -> [(label: String, answer: Answer)] {
        let c = catalog
        switch question {
        case .leaveMeeting: return [(c.ui(.stayInMeeting), .no), (c.ui(.leaveMeetingMode), .yes)]
        case .suspendInMeeting: return [(c.ui(.stayInMeeting), .no), (c.ui(.suspend), .yes)]
        case .quitInMeeting: return [(c.ui(.stayInMeeting), .no), (c.ui(.quitProgram), .yes)]
        case .unsavedChanges: return [(c.ui(.keepEditing), .none), (c.ui(.save), .yes), (c.ui(.discard), .no)]
        case .finishMeeting, .closeDeviation, .inviteOutsideConsent, .removeRecord, .sendKallelse:
            return [(c(.no), .no), (c(.yes), .yes)]
        }
    }

    /// Arrows and Tab move between the choices, Enter does the chosen one, Esc closes the question
    /// (staying). Letters, digits and Space do nothing, and are not passed on.
    private func choose(_ key: Key, _ question: Confirmation, asker: Int) {
        switch ChoiceKeys.table.action(for: key) {
        case .next?:
            choice = (choice + 1) % choices(question).count
        case .previous?:
            let count = choices(question).count
            choice = (choice + count - 1) % count
        case .close?:
            closeDialog()
        case .help?:
            showingHelp = true
        case .choose?:
            let chosen = choices(question)[choice].answer
            closeDialog()
            switch chosen {
            case .none: return
            case .no:
                deliver(.declined(question), to: asker)
                return
            case .yes: break
            }
            switch question {
            case .suspendInMeeting: terminalRequest = .suspend
            case .quitInMeeting: interrupt()
            default: deliver(.confirmed(question), to: asker)
            }
        case nil:
            break
        }
    }

    /// A question closes: the keys typed on after it in the same burst are dropped.
    private func closeDialog() {
        dialog = nil
        choice = 0
        droppingRestOfBurst = true
    }

    /// Ctrl-C and Ctrl-Z: at once, except while meeting mode is on the stack, where leaving the
    /// screen to the shell (or ending) is asked first.
    private func leaveTerminal(_ action: GlobalAction) {
        guard inMeetingMode else {
            if action == .interrupt { interrupt() } else if action == .suspend { terminalRequest = .suspend }
            return
        }
        showingHelp = false
        message = nil
        choice = 0
        switch action {
        case .interrupt: dialog = (.quitInMeeting, 0)
        case .suspend: dialog = (.suspendInMeeting, 0)
        case .help, .redraw: break
        }
    }

    /// Ends the session as an interrupt does: unsaved work is kept.
    private func interrupt() {
        quit()
        terminalRequest = .interrupt
    }

    // MARK: The interpreter

    /// A message that means the same to every screen, whatever it loads.
    enum Signal {
        case key(Key), text(String), confirmed(Confirmation), declined(Confirmation), notice(Notice), resized

        func message<Loaded>(_: Loaded.Type) -> Message<Loaded> {
            switch self {
            case .key(let key): .key(key)
            case .confirmed(let question): .confirmed(question)
            case .declined(let question): .declined(question)
            case .notice(let notice): .notice(notice)
            case .resized: .resized
            case .text(let text): .text(text)
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
            choice = 0
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
        case let unavailable as FormUnavailable: unavailable.message
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
        var grid = Grid(width: width, height: height, charset: charset)
        guard width > 0, height > 0 else { return grid }
        if isTooSmall {
            Chrome.tooSmall(
                &grid, minimum: (Self.minimumWidth, Self.minimumHeight), offersQuit: !inMeetingMode, catalog: catalog)
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
        // Help first: it must never be the hint that does not fit. Under a question answered by
        // choosing, only its own keys work.
        if dialogChoice != nil {
            hints = ChoiceKeys.table.hints(catalog)
        } else {
            hints = GlobalKeys.table(typing: isTyping).hints(catalog) + hints
        }
        Chrome.titleBar(&grid, left: title.left, right: title.right)
        Chrome.hintBar(&grid, hints: hints)
        if let message {
            grid.fill(row: height - 2, column: 0, count: width, role: .normal)
            grid.put(message.text, row: height - 2, column: 0, maxWidth: width, role: message.isError ? .error : .label)
        }
        switch overlay {
        case .help?:
            Chrome.help(&grid, entries: helpEntries, catalog: catalog)
        case .confirmLeave? where isChosen(.unsavedChanges):
            Chrome.choiceDialog(
                &grid, question: catalog.ui(.unsavedQuestion), choices: choices(.unsavedChanges).map(\.label),
                selected: choice)
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
                case .suspendInMeeting: catalog.ui(.suspendQuestion)
                case .quitInMeeting: catalog.ui(.quitQuestion)
                case .inviteOutsideConsent(let agency): catalog.message(SIPError.outsideConsent(agency))
                case .removeRecord(let question), .sendKallelse(_, _, let question): question
                }
            if isChosen(question) {
                Chrome.choiceDialog(&grid, question: text, choices: choices(question).map(\.label), selected: choice)
            } else {
                // A long question is wrapped to the dialog's room.
                let question = DisplayWidth.wrap(text, width: max(10, width - 8))
                Chrome.dialog(
                    &grid, question + ["", "\(catalog.ui(.yesKeys))  \(catalog(.yes))", "n  \(catalog(.no))"])
            }
        case nil:
            break
        }
        return grid
    }

    /// Every key of the current screen, then the global ones: generated from the live tables.
    public var helpEntries: [(keys: String, text: String)] {
        if dialogChoice != nil { return ChoiceKeys.table.help(catalog) + GlobalKeys.anywhere.help(catalog) }
        func keys<S: AppScreen>(_ screen: S) -> [(keys: String, text: String)] { screen.keys.help(catalog) }
        // Where letters are text, the editing keys too: help is the whole truth.
        let text = isTyping ? TextInput.keys.help(catalog) : []
        return keys(top) + text + GlobalKeys.table(typing: isTyping).help(catalog)
    }
}

/// Holds a screen's place on the stack for the moment the screen itself is being changed.
private struct Vacant: AppScreen {
    var keys: KeyTable<Never> { KeyTable([]) }
    func title(_ env: ScreenEnvironment) -> (left: String, right: String) { ("", "") }
    mutating func update(_ message: Message<Void>, _ env: ScreenEnvironment) -> [Command<Void>] { [] }
    mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {}
}
