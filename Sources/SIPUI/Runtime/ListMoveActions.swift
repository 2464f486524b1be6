import SIPWidgets

/// A screen's own actions for the list keys' moves, so that its key table can take the common list
/// keys (`ListKeys.bindings(Action.init(listMove:))`) while its handler keeps its own cases.
protocol ListMoveActions {
    static var up: Self { get }
    static var down: Self { get }
    static var pageUp: Self { get }
    static var pageDown: Self { get }
    static var first: Self { get }
    static var last: Self { get }
}

extension ListMoveActions {
    init(listMove move: ListMove) {
        switch move {
        case .up: self = .up
        case .down: self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .first: self = .first
        case .last: self = .last
        }
    }
}
