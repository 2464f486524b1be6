import SIPWidgets

/// The keys that move a list's selection, the same on every list screen: arrows and j/k, a page,
/// the first and the last row.
enum ListKeys {
    static func moves<Action>(
        up: Action, down: Action, pageUp: Action, pageDown: Action, first: Action, last: Action
    ) -> [KeyBinding<Action>] {
        [
            KeyBinding([.up, .character("k")], up, .up),
            KeyBinding([.down, .character("j")], down, .down),
            KeyBinding([.pageUp], pageUp, .pageUp),
            KeyBinding([.pageDown], pageDown, .pageDown),
            KeyBinding([.home, .character("g")], first, .first),
            KeyBinding([.end, .character("G")], last, .last),
        ]
    }
}
