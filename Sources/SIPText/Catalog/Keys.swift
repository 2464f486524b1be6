import SIPDomain

extension Catalog {
    /// Keys and what they do, in every key table; help and the frame around every screen.
    public enum KeysText: CatalogText {
        case help, back, quit, open, filter, edit, save, nextField, previousField, redraw, up, down, pageUp
        case pageDown, first, last, undo, helpTitle, tooSmall, yesKeys, undone, nothingToUndo
        case interrupt, suspend, nextChoice, previousChoice, confirmChoice, closeQuestion
        case nextMatch, previousMatch, eraseSearch, closeSearch
        case notUTF8, cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, deleteToEnd
        case deleteToStart, deleteWord, textKeysTitle

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .help: return pick("Hjälp", "Help")
            case .back: return pick("Tillbaka", "Back")
            case .quit: return pick("Avsluta", "Quit")
            case .open: return pick("Öppna", "Open")
            case .filter: return pick("Filtrera", "Filter")
            case .edit: return pick("Redigera", "Edit")
            case .save: return pick("Spara", "Save")
            case .nextField: return pick("Nästa fält", "Next field")
            case .previousField: return pick("Föregående fält", "Previous field")
            case .redraw: return pick("Rita om skärmen", "Redraw the screen")
            case .up: return pick("Upp", "Up")
            case .down: return pick("Ned", "Down")
            case .pageUp: return pick("Sida upp", "Page up")
            case .pageDown: return pick("Sida ned", "Page down")
            case .first: return pick("Första", "First")
            case .last: return pick("Sista", "Last")
            case .undo: return pick("Ångra senaste ändringen", "Undo the last change")
            case .helpTitle: return pick("Tangenter", "Keys")
            case .tooSmall: return pick("Terminalen är för liten", "The terminal is too small")
            case .yesKeys: return pick("j", "y")
            case .undone: return pick("Ångrat.", "Undone.")
            case .nothingToUndo: return pick("Inget att ångra.", "Nothing to undo.")
            case .interrupt: return pick("Avsluta, behåll osparat", "Quit, keep unsaved work")
            case .suspend: return pick("Pausa (fg tillbaka)", "Suspend (fg resumes)")
            case .nextChoice: return pick("Nästa val", "Next choice")
            case .previousChoice: return pick("Föregående val", "Previous choice")
            case .confirmChoice: return pick("Gör det valda", "Do what is chosen")
            case .closeQuestion: return pick("Stäng frågan, gör ingenting", "Close the question, do nothing")
            case .nextMatch: return pick("Nästa träff", "Next match")
            case .previousMatch: return pick("Föregående träff", "Previous match")
            case .eraseSearch: return pick("Radera i sökningen", "Erase in the search")
            case .closeSearch: return pick("Stäng sökningen", "Close the search")
            case .cursorLeft: return pick("Markören vänster", "Cursor left")
            case .cursorRight: return pick("Markören höger", "Cursor right")
            case .lineStart: return pick("Radens början", "Start of the line")
            case .lineEnd: return pick("Radens slut", "End of the line")
            case .deleteBackward: return pick("Radera före markören", "Delete before the cursor")
            case .deleteForward: return pick("Radera vid markören", "Delete at the cursor")
            case .deleteToEnd: return pick("Radera till radens slut", "Delete to the end of the line")
            case .deleteToStart: return pick("Radera till radens början", "Delete to the start of the line")
            case .deleteWord: return pick("Radera ordet före", "Delete the word before")
            case .textKeysTitle: return pick("I textfält", "In text fields")
            case .notUTF8:
                return pick(
                    "Terminalen är inte i UTF-8: tecken visas förenklade. Rätta: LANG=sv_SE.UTF-8",
                    "The terminal is not in UTF-8: letters are simplified. Fix: LANG=sv_SE.UTF-8")
            }
        }
    }
}

extension Catalog.Text {
    public static var help: Self { Self(.keys(.help)) }
    public static var nextMatch: Self { Self(.keys(.nextMatch)) }
    public static var previousMatch: Self { Self(.keys(.previousMatch)) }
    public static var eraseSearch: Self { Self(.keys(.eraseSearch)) }
    public static var closeSearch: Self { Self(.keys(.closeSearch)) }
    public static var notUTF8: Self { Self(.keys(.notUTF8)) }
    public static var cursorLeft: Self { Self(.keys(.cursorLeft)) }
    public static var cursorRight: Self { Self(.keys(.cursorRight)) }
    public static var lineStart: Self { Self(.keys(.lineStart)) }
    public static var lineEnd: Self { Self(.keys(.lineEnd)) }
    public static var deleteBackward: Self { Self(.keys(.deleteBackward)) }
    public static var deleteForward: Self { Self(.keys(.deleteForward)) }
    public static var deleteToEnd: Self { Self(.keys(.deleteToEnd)) }
    public static var deleteToStart: Self { Self(.keys(.deleteToStart)) }
    public static var deleteWord: Self { Self(.keys(.deleteWord)) }
    public static var textKeysTitle: Self { Self(.keys(.textKeysTitle)) }
    public static var back: Self { Self(.keys(.back)) }
    public static var quit: Self { Self(.keys(.quit)) }
    public static var open: Self { Self(.keys(.open)) }
    public static var filter: Self { Self(.keys(.filter)) }
    public static var edit: Self { Self(.keys(.edit)) }
    public static var save: Self { Self(.keys(.save)) }
    public static var nextField: Self { Self(.keys(.nextField)) }
    public static var previousField: Self { Self(.keys(.previousField)) }
    public static var redraw: Self { Self(.keys(.redraw)) }
    public static var up: Self { Self(.keys(.up)) }
    public static var down: Self { Self(.keys(.down)) }
    public static var pageUp: Self { Self(.keys(.pageUp)) }
    public static var pageDown: Self { Self(.keys(.pageDown)) }
    public static var first: Self { Self(.keys(.first)) }
    public static var last: Self { Self(.keys(.last)) }
    public static var undo: Self { Self(.keys(.undo)) }
    public static var helpTitle: Self { Self(.keys(.helpTitle)) }
    public static var tooSmall: Self { Self(.keys(.tooSmall)) }
    public static var yesKeys: Self { Self(.keys(.yesKeys)) }
    public static var undone: Self { Self(.keys(.undone)) }
    public static var nothingToUndo: Self { Self(.keys(.nothingToUndo)) }
    public static var interrupt: Self { Self(.keys(.interrupt)) }
    public static var suspend: Self { Self(.keys(.suspend)) }
    public static var nextChoice: Self { Self(.keys(.nextChoice)) }
    public static var previousChoice: Self { Self(.keys(.previousChoice)) }
    public static var confirmChoice: Self { Self(.keys(.confirmChoice)) }
    public static var closeQuestion: Self { Self(.keys(.closeQuestion)) }
}
