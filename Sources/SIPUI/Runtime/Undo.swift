import SIPModel
import SIPWidgets

extension Session {
    func recordUndo(_ entry: UndoEntry) { undoLog.append(entry) }

    /// Takes back this session's last change to the plan: its fields, or an intervention.
    /// False when this session changed nothing of it.
    func undoLast(planId: Int64) throws -> Bool {
        guard let index = undoLog.lastIndex(where: { $0.planId == planId }) else { return false }
        switch undoLog.remove(at: index) {
        case .plan(let before, let afterVersion):
            try store.undoPlanChange(before: before, afterVersion: afterVersion)
        case .intervention(let before, let after):
            try store.undoInterventionChange(before: before, after: after)
        }
        return true
    }
}
