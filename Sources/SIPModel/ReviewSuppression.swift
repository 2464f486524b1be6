import Foundation
import SIPDomain

/// Why a count is not shown: it is under the threshold, or it is hidden so that a small one cannot
/// be worked out from a total and the other cells of its list.
public enum Suppression: String, Codable, Sendable, Equatable {
    case small, secondary
}

/// Small-cell suppression for what chairs see. The counts stay exact in the model and the tallies;
/// this is applied to a copy at display and output.
public enum CellSuppression {
    /// Which cells to hide. `dimensions`: lists of cell indices whose sum a reader knows (or can
    /// work out). A count from 1 to `threshold - 1` is hidden (zero is shown); then, while the sum of
    /// a list pins down one of its hidden cells, the smallest non-zero shown cell of it is hidden too.
    public static func solve(_ values: [Int], dimensions: [[Int]], threshold: Int) -> [Suppression?] {
        var state: [Suppression?] = values.map { $0 > 0 && $0 < threshold ? .small : nil }
        guard threshold > 1 else { return state }
        var changed = true
        while changed {
            changed = false
            for dimension in dimensions where pinsDown(dimension, values, state, threshold) {
                let shown = dimension.filter { state[$0] == nil && values[$0] > 0 }
                if let next = shown.min(by: { (values[$0], $0) < (values[$1], $1) }) {
                    state[next] = .secondary
                    changed = true
                }
            }
        }
        return state
    }

    /// Whether a reader who knows the list's sum, its shown cells and what each mark allows
    /// (small: 1 to threshold-1; secondary: at least threshold) can tell a hidden cell's value.
    static func pinsDown(_ dimension: [Int], _ values: [Int], _ state: [Suppression?], _ threshold: Int) -> Bool {
        let hidden = dimension.filter { state[$0] != nil }
        guard !hidden.isEmpty else { return false }
        let sum = hidden.reduce(0) { $0 + values[$1] }
        let big = Int.max / 8
        func bounds(_ i: Int) -> (Int, Int) { state[i] == .small ? (1, threshold - 1) : (threshold, big) }
        let lows = hidden.reduce(0) { $0 + bounds($1).0 }
        let highs = hidden.reduce(0) { min(big, $0 + bounds($1).1) }
        for i in hidden where state[i] == .small {
            let (lo, hi) = bounds(i)
            let low = max(lo, sum - (highs - hi)), high = min(hi, sum - (lows - lo))
            if low >= high { return true }
        }
        return false
    }
}

extension GroupReview.Figure {
    private enum Keys: String, CodingKey { case count, ids, suppressed }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 0
        ids = try c.decodeIfPresent([Int64].self, forKey: .ids) ?? []
        suppressed = try c.decodeIfPresent(Suppression.self, forKey: .suppressed)
    }

    /// A hidden count is written as `"count": null` beside `"suppressed"`, with no ids.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        if let suppressed {
            try c.encodeNil(forKey: .count)
            try c.encode([Int64](), forKey: .ids)
            try c.encode(suppressed, forKey: .suppressed)
        } else {
            try c.encode(count, forKey: .count)
            try c.encode(ids, forKey: .ids)
        }
    }
}

extension GroupReview.ResponseTimes {
    private enum Keys: String, CodingKey { case answered, medianDays, maxDays, overdue, suppressed }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        answered = try c.decodeIfPresent(Int.self, forKey: .answered) ?? 0
        medianDays = try c.decodeIfPresent(Double.self, forKey: .medianDays)
        maxDays = try c.decodeIfPresent(Int.self, forKey: .maxDays)
        overdue = try c.decode(GroupReview.Figure.self, forKey: .overdue)
        suppressed = try c.decodeIfPresent(Suppression.self, forKey: .suppressed)
    }

    /// Few answers: their number, median and longest are null (one answer's days are its own).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(overdue, forKey: .overdue)
        if let suppressed {
            try c.encodeNil(forKey: .answered)
            try c.encodeNil(forKey: .medianDays)
            try c.encodeNil(forKey: .maxDays)
            try c.encode(suppressed, forKey: .suppressed)
        } else {
            try c.encode(answered, forKey: .answered)
            try c.encode(medianDays, forKey: .medianDays)
            try c.encode(maxDays, forKey: .maxDays)
        }
    }
}

extension GroupReview {
    /// The review as a chair may see it: counts from 1 to `threshold - 1` hidden, and as many more as
    /// it takes so no list's total gives one away. The sex-by-age cells that are hidden move from
    /// `openPlansBySexAndAge` to `openPlansBySexAndAgeSuppressed`.
    public func suppressed(below threshold: Int) -> GroupReview {
        var r = self
        r.suppressBelow = threshold
        func hide(_ figure: inout Figure, _ state: Suppression?) {
            guard let state else { return }
            figure.suppressed = state
            figure.ids = []
        }
        typealias ByKey = WritableKeyPath<GroupReview, [String: Figure]>
        let status = PlanStatus.allCases.filter(\.isOpen).map(\.rawValue)
        for (path, order) in [
            (\GroupReview.openPlansByStatus, status), (\.deviationsByKind, nil), (\.deviationsByConcerned, nil),
            (\.deviationsByStatus, nil),
        ] as [(ByKey, [String]?)] {
            let keys = Array(Set((order ?? []) + r[keyPath: path].keys)).sorted()
            let values = keys.map { r[keyPath: path][$0]?.count ?? 0 }
            let state = CellSuppression.solve(values, dimensions: [Array(keys.indices)], threshold: threshold)
            for (key, mark) in zip(keys, state) where mark != nil {
                hide(&r[keyPath: path][key, default: Figure(count: 0, ids: [])], mark)
            }
        }
        for path in [
            \GroupReview.plansStarted, \.overdueFirstMeeting, \.overdueFollowUp, \.overdueInterventions,
            \.responseTimes.overdue, \.plansWithUnassignedNeeds, \.overdueDischargeMeeting,
        ] {
            let state = CellSuppression.solve([r[keyPath: path].count], dimensions: [], threshold: threshold)
            hide(&r[keyPath: path], state[0])
        }
        if let mark = CellSuppression.solve([responseTimes.answered], dimensions: [], threshold: threshold)[0] {
            r.responseTimes.suppressed = mark
            (r.responseTimes.answered, r.responseTimes.medianDays, r.responseTimes.maxDays) = (0, nil, nil)
        }
        let cells = Sex.allCases.flatMap { sex in GroupReview.ageBands.map { (sex.rawValue, $0) } }
        let values = cells.map { openPlansBySexAndAge[$0.0]?[$0.1] ?? 0 }
        let state = CellSuppression.solve(values, dimensions: [Array(cells.indices)], threshold: threshold)
        for ((sex, band), mark) in zip(cells, state) {
            guard let mark else { continue }
            r.openPlansBySexAndAge[sex]?[band] = nil
            r.openPlansBySexAndAgeSuppressed[sex, default: [:]][band] = mark
        }
        return r
    }

    /// How a hidden count is shown: "<3" when it is small, ".." when it is hidden for a total.
    public func mark(_ state: Suppression) -> String {
        state == .small ? "<\(suppressBelow ?? 3)" : ".."
    }
}
