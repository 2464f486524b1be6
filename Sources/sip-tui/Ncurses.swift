// The one file that talks to the terminal. Everything it draws comes from SIPUI's grid.
import CNcurses
import Foundation
import SIPModel
import SIPUI

#if canImport(Glibc)
    import Glibc
#endif

/// Set from signal handlers; read by the event loop.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0
/// The terminal's settings before we touched them, for the crash handler.
nonisolated(unsafe) private var originalTermios = termios()
nonisolated(unsafe) private var haveOriginalTermios = false
/// The thread that owns the terminal: a signal that lands on another thread is passed on to it,
/// so that a write blocked on a stalled terminal returns (EINTR) at once.
nonisolated(unsafe) private var terminalThread = pthread_self()
/// /dev/null, opened in advance: on a signal, output goes there so nothing can block on the terminal.
nonisolated(unsafe) private var nullDevice: Int32 = -1
/// The terminal's own output, kept aside for the last reset.
nonisolated(unsafe) private var terminalOutput: Int32 = -1

/// Why the event loop ended.
enum SessionEnd: Equatable {
    case quit
    case signal(Int32)
    case terminalLost
}

struct NcursesTerminal {
    let app: App
    let theme: Theme
    /// Set only in a session `bench --sessions` runs.
    var hook: BenchSessionHook?

    /// Starts the terminal, runs until the user quits, a signal arrives or the terminal goes away,
    /// and always restores the terminal.
    static func run(store: Store, catalog: Catalog, theme asked: Theme? = nil, notices: [String] = []) throws
        -> SessionEnd
    {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal
        }
        setlocale(LC_ALL, "")
        installSignalHandlers()
        if tcgetattr(STDIN_FILENO, &originalTermios) == 0 { haveOriginalTermios = true }
        let environment = ProcessInfo.processInfo.environment
        // Asked before ncurses takes the terminal: only when the palette depends on the answer.
        let answered = asked == nil && environment["NO_COLOR"].map(\.isEmpty) != false ? queryBackground() : nil
        guard let screen = sip_newterm_stdio() else { throw TerminalError.unknownTerminal }
        defer {
            endwin()
            delscreen(screen)
        }
        let colors = has_colors() ? Int(sip_colors()) : 0
        let theme = Theme.select(environment: environment, terminalColors: colors, asked: asked, answered: answered)
        configure(theme: theme)
        let app = App(store: store, catalog: catalog, width: Int(sip_cols()), height: Int(sip_lines()))
        app.charset = charset
        app.notify(notices)
        let terminal = NcursesTerminal(app: app, theme: theme, hook: BenchSessionHook())
        let end = terminal.loop()
        defer { terminal.hook?.finish() }
        if end != .quit {
            // Output may be stalled (a terminal that does not read): nothing more is written to it
            // that could block, so the draft is kept and the program ends whatever the terminal does.
            if nullDevice >= 0 { dup2(nullDevice, STDOUT_FILENO) }
            app.preserveUnsavedWork()
            endwin()
            restoreTerminalWithoutBlocking()
        }
        return end
    }

    /// The terminal's settings as they were, and a reset of its screen mode, written only if the
    /// terminal takes it at once.
    private static func restoreTerminalWithoutBlocking() {
        if haveOriginalTermios { tcsetattr(STDIN_FILENO, TCSANOW, &originalTermios) }
        guard terminalOutput >= 0 else { return }
        let flags = fcntl(terminalOutput, F_GETFL)
        _ = fcntl(terminalOutput, F_SETFL, flags | O_NONBLOCK)
        let reset = "\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r"
        _ = reset.withCString { write(terminalOutput, $0, strlen($0)) }
        _ = fcntl(terminalOutput, F_SETFL, flags)
    }

    enum TerminalError: Error { case notATerminal, unknownTerminal }

    /// What the locale lets the terminal show (after `setlocale`).
    static var charset: TerminalCharset { TerminalCharset.from(codeset: String(cString: sip_codeset())) }

    /// Asks the terminal for its background colour (OSC 11), followed by a request for its
    /// attributes (DA1) that every terminal answers: when that answer comes first, the terminal
    /// does not know OSC 11, and nothing is waited for beyond it. At most 200 ms in all.
    static func queryBackground() -> Theme.Background? {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let query = "\u{1B}]11;?\u{1B}\\\u{1B}[c"
        _ = query.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        var answer = [UInt8]()
        let deadline = DispatchTime.now().uptimeNanoseconds + 200_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let left = Int32((deadline - min(deadline, DispatchTime.now().uptimeNanoseconds)) / 1_000_000)
            guard poll(&descriptor, 1, max(1, left)) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            guard count > 0 else { break }
            answer += buffer[0..<count]
            // The DA1 answer (Esc [ ? ... c) comes last: everything is in.
            if let text = String(bytes: answer, encoding: .isoLatin1), let da = text.range(of: "\u{1B}[?"),
                text[da.upperBound...].contains("c")
            {
                break
            }
        }
        return String(bytes: answer, encoding: .isoLatin1).flatMap { Theme.background(osc11: $0) }
    }

    /// ESCDELAY from the environment, as ncurses reads it, else 25 ms.
    static var escapeDelay: Int { KeyDecoder.escapeDelayMilliseconds(environment: ProcessInfo.processInfo.environment) }

    private static func configure(theme: Theme) {
        // Raw, not cbreak: Ctrl-C and Ctrl-Z arrive as keys, not signals, so that meeting mode can ask
        // before the program ends or leaves the screen to the shell (outside it they act at once).
        raw()
        noecho()
        nonl()
        keypad(sip_stdscr(), true)
        // ncurses waits this long after Esc for the rest of a sequence it knows; the decoder
        // recognises the ones it does not know within the same delay.
        set_escdelay(Int32(escapeDelay))
        useLineMoves()
        curs_set(1)
        // Flow control off, so that Ctrl-S saves instead of freezing the terminal; kept as the
        // program's mode, so that it holds again after a suspend and fg.
        var settings = termios()
        if tcgetattr(STDIN_FILENO, &settings) == 0 {
            settings.c_iflag &= ~tcflag_t(IXON | IXOFF)
            tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        }
        def_prog_mode()
        configureColors(theme: theme)
        timeout(200)
    }

    /// A list moving by a line is sent as a terminal scroll plus the new line, not a repaint of
    /// every row: on a thin client that is most of the bytes of scrolling.
    static func useLineMoves() {
        idlok(sip_stdscr(), true)
    }

    static func configureColors(theme: Theme) {
        guard theme.usesColor else { return }
        start_color()
        use_default_colors()
        for (index, pair) in ColorPairs.pairs(theme).enumerated() {
            init_pair(Int16(index + 1), Int16(pair.fg?.rawValue ?? -1), Int16(pair.bg?.rawValue ?? -1))
        }
    }

    private static func installSignalHandlers() {
        terminalThread = pthread_self()
        nullDevice = open("/dev/null", O_WRONLY | O_CLOEXEC)
        terminalOutput = dup(STDOUT_FILENO)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            // Only async-signal-safe calls here: a flag, and passing the signal to the terminal's thread.
            if pthread_equal(pthread_self(), terminalThread) == 0 {
                pthread_kill(terminalThread, signal)
                return
            }
            pendingSignal = signal
            // Writes from now on cannot block: a frame being written to a stalled terminal ends.
            if nullDevice >= 0 { dup2(nullDevice, STDOUT_FILENO) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns at once
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaction(signal, &action, nil) }
        // A crash (Swift traps arrive as SIGILL or SIGTRAP) restores the terminal before dying.
        var crash = sigaction()
        crash.__sigaction_handler.sa_handler = { signal in
            if haveOriginalTermios { tcsetattr(STDIN_FILENO, TCSANOW, &originalTermios) }
            let reset = "\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
            _ = reset.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigemptyset(&crash.sa_mask)
        crash.sa_flags = 0
        for signal in [SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP] { sigaction(signal, &crash, nil) }
    }

    private func loop() -> SessionEnd {
        var decoder = KeyDecoder(escapeDelayMilliseconds: Self.escapeDelay)
        var drawn: Grid?
        var fastErrors = 0
        var dirty = true
        // Whether the heap's free pages went back to the kernel since the last key.
        var released = true
        while true {
            if pendingSignal != 0 { return .signal(pendingSignal) }
            if app.takeRedrawRequest() {
                clearok(sip_curscr(), true)
                drawn = nil
                dirty = true
            }
            // An idle timeout changes nothing: render only after input, so an idle session costs no CPU.
            if dirty {
                hook?.beginFrame()
                drawn = draw(app.render(), over: drawn)
                hook?.endFrame(app)
                dirty = false
            }
            var value: wint_t = 0
            let started = DispatchTime.now().uptimeNanoseconds
            let result = get_wch(&value)
            if result == ERR {
                if pendingSignal != 0 { return .signal(pendingSignal) }
                // Input ends without waiting when the terminal is gone: many quick ERRs in a row
                // mean a dead connection, not an idle user. Stop instead of spinning.
                let elapsed = DispatchTime.now().uptimeNanoseconds - started
                fastErrors = elapsed < 50_000_000 ? fastErrors + 1 : 0
                if fastErrors > 20 { return .terminalLost }
                let late = decoder.timeout()
                for key in late {
                    app.handle(key)
                    hook?.handled(1)
                    dirty = true
                    if let end = serveRequests() { return end }
                }
                // A lone Esc delivered now is the last key's work (a screen left, the list read again):
                // the heap goes back at the next pause, after its frame, not before it.
                if !late.isEmpty {
                    released = false
                } else if !released {
                    sip_release_free_memory()
                    released = true
                }
                continue
            }
            fastErrors = 0
            released = false
            // The key, and every key already waiting (a paste): one frame for the whole batch, and the
            // signal flag checked between keys, so that neither drawing nor a long paste delays it.
            // The batch is one burst: once a question closes, the keys typed on after it reach no screen.
            timeout(0)
            app.beginBurst()
            defer {
                app.endBurst()
                timeout(200)
            }
            var status = result
            // A paste's characters are handed over together (one edit, not one a character), before any
            // other key and before the session ends, so that nothing typed is lost.
            var typed = ""
            defer { app.handle(text: typed) }
            while status != ERR {
                if pendingSignal != 0 { return .signal(pendingSignal) }
                var keys: [Key] = []
                if status == sip_key_code_yes() {
                    let key = Self.key(forCode: Int32(value))
                    if key == .resize {
                        app.resize(width: Int(sip_cols()), height: Int(sip_lines()))
                        drawn = nil
                        erase()
                        dirty = true
                    }
                    if let key { keys = decoder.feed(key, at: DispatchTime.now().uptimeNanoseconds) }
                } else if let key = Self.key(forCharacter: UInt32(value)) {
                    keys = decoder.feed(key, at: DispatchTime.now().uptimeNanoseconds)
                }
                // A lone Esc held back (to tell it from a sequence, or from Esc then a digit) changes
                // nothing yet: no frame until it is delivered, so that each frame answers a key.
                if !keys.isEmpty { dirty = true }
                hook?.handled(keys.count)
                for key in keys {
                    if case .character(let c) = key {
                        typed.append(c)
                        continue
                    }
                    app.handle(text: typed)
                    typed = ""
                    app.handle(key)
                    if let end = serveRequests() { return end }
                }
                status = get_wch(&value)
            }
            app.handle(text: typed)
            typed = ""
            if let end = serveRequests() { return end }
        }
    }

    /// What the keys asked of the terminal: how the session ends, or nil to go on.
    private func serveRequests() -> SessionEnd? {
        switch app.takeTerminalRequest() {
        case .interrupt?:
            // Ctrl-C ends the session as the signal it used to be: unsaved work kept, status 130.
            return .signal(SIGINT)
        case .suspend?:
            // ncurses' own SIGTSTP handler leaves curses mode, stops, and repaints after fg.
            raise(SIGTSTP)
            return nil
        case nil:
            return app.isFinished ? .quit : nil
        }
    }

    /// A typed character as a key. In raw mode Ctrl-\ arrives as a character instead of SIGQUIT:
    /// it means what Ctrl-C means.
    static func key(forCharacter value: UInt32) -> Key? {
        value == 0x1C ? .control("c") : Key.fromCharacter(value)
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case sip_key_resize(): return .resize
        default:
            for n in 1...12 where code == sip_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private func draw(_ grid: Grid, over previous: Grid?) -> Grid {
        FrameWriter(theme: theme).draw(grid, over: previous)
    }
}

/// Puts a frame on the ncurses screen.
struct FrameWriter {
    let theme: Theme
    /// Each role's ncurses attributes, worked out once.
    private let roleAttributes: [StyleRole: Int32]

    init(theme: Theme) {
        self.theme = theme
        let pairs = ColorPairs.pairs(theme)
        var table: [StyleRole: Int32] = [:]
        for role in StyleRole.allCases {
            let a = theme.attributes(role)
            var value = sip_attr_normal()
            if a.bold { value |= sip_attr_bold() }
            if a.reverse { value |= sip_attr_reverse() }
            if a.underline { value |= sip_attr_underline() }
            if theme.usesColor, a.foreground != nil || a.background != nil,
                let pair = pairs.firstIndex(where: { $0.fg == a.foreground && $0.bg == a.background })
            {
                value |= sip_color_pair(Int32(pair + 1))
            }
            table[role] = value
        }
        roleAttributes = table
    }

    /// Writes the rows that differ from the last frame, then parks the cursor. ncurses sends only
    /// the cells that changed; we avoid even touching unchanged rows.
    func draw(_ grid: Grid, over previous: Grid?) -> Grid {
        let sameSize = previous.map { $0.width == grid.width && $0.height == grid.height } ?? false
        if !sameSize { erase() }
        for row in 0..<grid.height {
            if sameSize, let previous, (0..<grid.width).allSatisfy({ previous[row, $0] == grid[row, $0] }) {
                continue
            }
            drawRow(row, of: grid)
        }
        move(Int32(grid.cursor.row), Int32(grid.cursor.column))
        refresh()
        return grid
    }

    private func drawRow(_ row: Int, of grid: Grid) {
        var column = 0
        while column < grid.width {
            let role = grid[row, column].role
            var text: [wchar_t] = []
            let start = column
            // A run of same-styled, single-width cells goes out in one call; a wide character is
            // placed on its own so any disagreement about its width cannot shift the rest.
            while column < grid.width && grid[row, column].role == role {
                let cell = grid[row, column]
                if cell.isContinuation {
                    column += 1
                    continue
                }
                let wide = DisplayWidth.of(Character(cell.text)) != 1
                if wide && !text.isEmpty { break }
                text += cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                column += 1
                if wide { break }
            }
            attrset(attributes(role))
            text.append(0)
            mvaddwstr(Int32(row), Int32(start), text)
        }
        attrset(sip_attr_normal())
    }

    private func attributes(_ role: StyleRole) -> Int32 { roleAttributes[role] ?? sip_attr_normal() }
}

/// The colour pairs a theme uses, numbered from 1.
enum ColorPairs {
    static func pairs(_ theme: Theme) -> [(fg: TerminalColor?, bg: TerminalColor?)] {
        var pairs: [(fg: TerminalColor?, bg: TerminalColor?)] = []
        for role in StyleRole.allCases {
            let a = theme.attributes(role)
            guard a.foreground != nil || a.background != nil else { continue }
            if !pairs.contains(where: { $0.fg == a.foreground && $0.bg == a.background }) {
                pairs.append((a.foreground, a.background))
            }
        }
        return pairs
    }
}

/// A real ncurses screen whose output goes to a file instead of a terminal: the benchmark counts
/// the bytes each key sends, through the same drawing code a session uses.
final class RecordingTerminal {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let writer: FrameWriter
    private var drawn: Grid?
    private(set) var bytesWritten = 0

    init?(path: String, term: String, width: Int, height: Int, theme: Theme) {
        setlocale(LC_ALL, "")
        guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r") else { return nil }
        guard let screen = newterm(term, output, input) else {
            fclose(output)
            fclose(input)
            return nil
        }
        self.screen = screen
        self.output = output
        self.input = input
        writer = FrameWriter(theme: theme)
        resizeterm(Int32(height), Int32(width))
        NcursesTerminal.useLineMoves()
        NcursesTerminal.configureColors(theme: theme)
        fflush(output)
        bytesWritten = Int(ftell(output))
    }

    /// Draws `grid` over the previous frame and returns the bytes this sent.
    func draw(_ grid: Grid) -> Int {
        drawn = writer.draw(grid, over: drawn)
        fflush(output)
        let total = Int(ftell(output))
        defer { bytesWritten = total }
        return total - bytesWritten
    }

    deinit {
        set_term(screen)
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }
}
