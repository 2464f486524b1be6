import Foundation
import SIPDomain

/// The annual report's deviations by kind and month: a row per kind with its twelve months, the
/// year's total and the year before's, and a row of the months' totals. Small counts are hidden
/// as everywhere a chair looks, and as many more as it takes so that no row's or month's total
/// (nor the year's) gives a hidden one away.
public struct KindByMonth: Codable, Equatable, Sendable {
    public struct Row: Codable, Equatable, Sendable {
        /// The deviation kind's code (`data/deviation-kinds.tsv`).
        public var kind: String
        /// January first; a hidden month is null with its mark in `suppressed`.
        public var months: AnnualReport.Monthly
        public var total: Int?
        public var totalSuppressed: Suppression?
        /// The kind's total the year before.
        public var previousTotal: Int?
        public var previousTotalSuppressed: Suppression?
    }

    public var rows: [Row]
    /// Each month's total: the report's `deviationsPerMonth` is this (a month the table must hide
    /// is hidden in the chart too).
    public var monthTotals: AnnualReport.Monthly
    public var total: Int?
    public var totalSuppressed: Suppression?
    public var previousTotal: Int?
    public var previousTotalSuppressed: Suppression?

    /// - Parameters:
    ///   - cells: per kind (in `kinds`' order), the count per month, January first.
    ///   - previous: per kind, the year before's total.
    ///   - monthTotals: the months' totals as the report shows them elsewhere (its chart): the
    ///     table starts from those; the ones it hides besides, the report hides in its chart too.
    public init(
        kinds: [String], cells: [[Int]], previous: [Int], monthTotals: AnnualReport.Monthly, threshold: Int
    ) {
        let totals = cells.map { $0.reduce(0, +) }
        // A kind's total as the review's deviations by kind hide it: one list, its sum known.
        func list(_ values: [Int]) -> [Suppression?] {
            let order = kinds.indices.sorted { kinds[$0] < kinds[$1] }
            let sorted = CellSuppression.solve(
                order.map { values[$0] }, dimensions: [Array(order.indices)], threshold: threshold)
            var state = [Suppression?](repeating: nil, count: values.count)
            for (position, index) in order.enumerated() { state[index] = sorted[position] }
            return state
        }
        func single(_ value: Int) -> Suppression? {
            CellSuppression.solve([value], dimensions: [], threshold: threshold)[0]
        }
        let totalState = list(totals), previousState = list(previous)
        let state = Self.solve(cells, rowState: totalState, columnState: monthTotals.suppressed, threshold: threshold)
        rows = kinds.indices.map { k in
            Row(
                kind: kinds[k],
                months: .init(
                    values: (0..<12).map { state.cells[k][$0] == nil ? cells[k][$0] : nil }, suppressed: state.cells[k]),
                total: state.rows[k] == nil ? totals[k] : nil, totalSuppressed: state.rows[k],
                previousTotal: previousState[k] == nil ? previous[k] : nil, previousTotalSuppressed: previousState[k])
        }
        let monthSums = (0..<12).map { m in cells.reduce(0) { $0 + $1[m] } }
        self.monthTotals = .init(
            values: (0..<12).map { state.columns[$0] == nil ? monthSums[$0] : nil }, suppressed: state.columns)
        let sum = totals.reduce(0, +), previousSum = previous.reduce(0, +)
        totalSuppressed = single(sum)
        total = totalSuppressed == nil ? sum : nil
        previousTotalSuppressed = single(previousSum)
        previousTotal = previousTotalSuppressed == nil ? previousSum : nil
    }

    /// What to hide in a table with row and column totals: its cells, and the totals it hides
    /// beyond those it was given hidden.
    struct Solution: Equatable {
        var cells: [[Suppression?]]
        var rows: [Suppression?]
        var columns: [Suppression?]
    }

    /// Which counts of a table with row and column totals to hide. The totals start as the report
    /// shows them elsewhere (the key figures by kind, the chart's months); the year's total is
    /// known. Counts from 1 to `threshold - 1` are hidden; then, while what a reader can work out
    /// from every shown count, total and mark pins a hidden count (a cell's or a total's) to one
    /// value, another count on a line with it is hidden: a non-zero shown cell there (one that
    /// closes a rectangle of hidden cells first, then the smallest), or, when no such line has one
    /// left (a month with one kind only), the smallest shown total. The report then hides those
    /// totals where else it shows them.
    ///
    /// The reader's bounds (a small count 1 to `threshold - 1`, a count hidden for a total at least
    /// `threshold`) are followed through every row, every column and the year's total until they no
    /// longer narrow: interval propagation, sound if not every conceivable inference.
    static func solve(
        _ cells: [[Int]], rowState: [Suppression?], columnState: [Suppression?], threshold: Int
    ) -> Solution {
        let width = columnState.count, height = cells.count
        let values = cells.flatMap { $0 }
        let rowBase = values.count, columnBase = rowBase + height, grand = columnBase + width
        let rowSums = cells.map { $0.reduce(0, +) }
        let columnSums = (0..<width).map { c in cells.reduce(0) { $0 + $1[c] } }
        let all = values + rowSums + columnSums + [values.reduce(0, +)]
        // Variables: the cells, then the rows' totals, the columns' and the year's.
        var state: [Suppression?] =
            values.map { $0 > 0 && $0 < threshold ? .small : nil } + rowState + columnState
            + [CellSuppression.solve([all[grand]], dimensions: [], threshold: threshold)[0]]
        func solution() -> Solution {
            Solution(
                cells: (0..<height).map { Array(state[$0 * width..<($0 + 1) * width]) },
                rows: Array(state[rowBase..<columnBase]), columns: Array(state[columnBase..<grand]))
        }
        guard threshold > 1, !values.isEmpty else { return solution() }
        // Each equation: its parts add up to its whole.
        var equations: [(whole: Int, parts: [Int])] = (0..<height).map { r in
            (rowBase + r, (0..<width).map { r * width + $0 })
        }
        equations += (0..<width).map { c in (columnBase + c, (0..<height).map { $0 * width + c }) }
        equations += [(grand, (0..<height).map { rowBase + $0 }), (grand, (0..<width).map { columnBase + $0 })]

        /// The hidden counts a reader can tell exactly.
        func disclosed(skipping: Set<Int>) -> [Int] {
            var lo = all.indices.map { v in state[v] == nil ? all[v] : state[v] == .small ? 1 : threshold }
            var hi: [Int?] = all.indices.map { v in state[v] == nil ? all[v] : state[v] == .small ? threshold - 1 : nil
            }
            var changed = true, passes = 0
            while changed && passes < 1000 {
                changed = false
                passes += 1
                for (whole, parts) in equations {
                    let lows = parts.reduce(0) { $0 + lo[$1] }
                    let open = parts.filter { hi[$0] == nil }.count
                    let highs = parts.reduce(0) { $0 + (hi[$1] ?? 0) }
                    func narrow(_ v: Int, _ newLo: Int, _ newHi: Int?) {
                        let l = max(lo[v], newLo), h = [hi[v], newHi].compactMap { $0 }.min()
                        if l != lo[v] || h != hi[v] {
                            (lo[v], hi[v]) = (l, h)
                            changed = true
                        }
                    }
                    narrow(whole, lows, open > 0 ? nil : highs)
                    for part in parts {
                        let othersOpen = open - (hi[part] == nil ? 1 : 0)
                        narrow(
                            part, othersOpen > 0 ? 0 : lo[whole] - (highs - (hi[part] ?? 0)),
                            hi[whole].map { $0 - (lows - lo[part]) })
                    }
                }
            }
            return all.indices.filter { state[$0] != nil && !skipping.contains($0) && lo[$0] == hi[$0] }
        }

        var unfixable = Set<Int>()
        while case let found = disclosed(skipping: unfixable), !found.isEmpty {
            let lines = equations.filter { line in found.contains { line.whole == $0 || line.parts.contains($0) } }
            let shown = Set(lines.flatMap { [$0.whole] + $0.parts }).filter { state[$0] == nil && all[$0] > 0 }
            // A cell whose row and column both hold a hidden count closes a rectangle; a total whose
            // own line holds one leaves two unknowns there.
            func besideHidden(_ v: Int) -> Bool {
                guard v < rowBase else {
                    return equations.contains { $0.whole == v && $0.parts.contains { state[$0] != nil } }
                }
                let (r, c) = (v / width, v % width)
                return (0..<width).contains { state[r * width + $0] != nil }
                    && (0..<height).contains { state[$0 * width + c] != nil }
            }
            // A cell before a total (the totals are shown elsewhere too); the year's total stays.
            func rank(_ v: Int) -> (Int, Int, Int, Int) { (v < rowBase ? 0 : 1, besideHidden(v) ? 0 : 1, all[v], v) }
            if let next = shown.filter({ $0 != grand }).min(by: { rank($0) < rank($1) }) {
                state[next] = .secondary
            } else {
                unfixable.formUnion(found)
            }
        }
        return solution()
    }
}
