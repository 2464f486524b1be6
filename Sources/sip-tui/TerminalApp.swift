import CNcurses
import Foundation
import SIPModel

/// The terminal front end. The only file that talks to ncurses.
/// For now a start screen: what the database holds and how to begin.
struct TerminalApp {
    let store: Store
    let catalog: Catalog

    func run() throws {
        let rows = try store.planSummaries()
        setlocale(LC_ALL, "")
        guard initscr() != nil else { return }
        defer { endwin() }
        cbreak()
        noecho()
        keypad(sip_stdscr(), true)
        while true {
            draw(rows)
            var ch: wint_t = 0
            let result = get_wch(&ch)
            if result == ERR { break }  // terminal gone: do not spin
            if result == OK && (ch == wint_t(UInt8(ascii: "q")) || ch == 27) { break }
        }
    }

    private func draw(_ rows: [PlanSummary]) {
        erase()
        let width = Int(sip_cols())
        put(0, 0, catalog(.tuiTitle), width: width, attributes: sip_attr_bold())
        if rows.isEmpty {
            put(2, 0, catalog(.tuiEmpty), width: width, attributes: sip_attr_normal())
        } else {
            let overdue = rows.filter(\.overdue).count
            put(2, 0, "\(rows.count) \(catalog(.tuiPlans)), \(overdue) \(catalog(.overdue).lowercased())",
                width: width, attributes: sip_attr_normal())
            for (index, status) in PlanStatus.allCases.enumerated() {
                let count = rows.filter { $0.status == status }.count
                put(4 + Int32(index), 2, "\(catalog.status(status)): \(count)", width: width - 2,
                    attributes: sip_attr_normal())
            }
        }
        put(sip_lines() - 1, 0, catalog(.tuiQuit), width: width, attributes: sip_attr_reverse())
        move(sip_lines() - 1, 0)
        refresh()
    }

    private func put(_ y: Int32, _ x: Int32, _ text: String, width: Int, attributes: Int32) {
        guard width > 0, y >= 0, y < sip_lines() else { return }
        var safe = TerminalText.safe(text)
        if safe.count > width { safe = String(safe.prefix(max(0, width - 1))) + "…" }
        attrset(attributes)
        var wide = Array(safe.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        mvaddwstr(y, x, wide)
        attrset(sip_attr_normal())
    }
}
