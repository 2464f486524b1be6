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

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
