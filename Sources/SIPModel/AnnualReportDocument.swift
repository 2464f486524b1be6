import Foundation
import SIPDomain
import SIPText

/// The annual report as a print-ready HTML document (A4, SVG charts in black and white that read
/// in monochrome print), as CSV for a spreadsheet, and as JSON (`AnnualReport` itself).
public struct AnnualReportDocument {
    public let report: AnnualReport
    public let catalog: Catalog

    public init(_ report: AnnualReport, catalog: Catalog) { (self.report, self.catalog) = (report, catalog) }

    var threshold: Int { report.review.suppressBelow ?? 1 }
    func mark(_ state: Suppression) -> String { state == .small ? "<\(threshold)" : ".." }
    var months: [String] { catalog(.monthNames).split(separator: " ").map(String.init) }
    var title: String {
        "\(catalog(.annualReport)) \(report.year) – \(report.group ?? catalog(.allGroups))"
    }

    /// The review's rows of the year beside the year before's, by section and item.
    public var keyFigures: [(section: String, item: String, year: String, previous: String)] {
        let previous = Dictionary(
            ReviewTable.rows(report.previous, catalog: catalog).map { ("\($0.section)\u{0}\($0.item)", $0.count) },
            uniquingKeysWith: { a, _ in a })
        return ReviewTable.rows(report.review, catalog: catalog).map {
            ($0.section, $0.item, $0.count, previous["\($0.section)\u{0}\($0.item)"] ?? "–")
        }
    }

    func text(_ counts: AnnualReport.Counts) -> [(String, String)] {
        (Set(counts.counts.keys).union(counts.suppressed.keys)).sorted().map { key in
            (key, counts.suppressed[key].map(mark) ?? String(counts.counts[key] ?? 0))
        }
    }

    func escalationName(_ code: String) -> String { Escalation(rawValue: code).map(catalog.escalation) ?? code }

    /// Every section as (title, rows of (item, count)) after the key figures: what CSV and HTML share.
    var sections: [(String, [(String, String)])] {
        let c = catalog
        var out: [(String, [(String, String)])] = [
            (c(.deviationsPerMonth), zip(months, cells(report.deviationsPerMonth)).map { ($0, $1) }),
            (c(.plansStartedPerMonth), zip(months, cells(report.plansStartedPerMonth)).map { ($0, $1) }),
            (c(.byReportingOrganisation), text(report.byReportingOrganisation)),
            (c(.byPrincipal), text(report.byPrincipal)),
            (c(.byEscalation), text(report.byEscalation).map { (escalationName($0.0), $0.1) }),
            (
                c(.responseFromSending),
                [
                    (c.review(.answered), String(report.answeredAfterSending)),
                    (c.review(.medianDays), report.medianDaysFromSending.map { decimal($0) } ?? "–"),
                ]
            ),
        ]
        if let current = report.selfAssessment {
            out.append(
                (
                    c(.selfAssessment) + " " + current.measuredOn.iso,
                    report.spiderDimensions.map { d in (c.name(of: d), String(current.scores[d.code] ?? 0)) }
                ))
        }
        return out
    }

    func cells(_ series: AnnualReport.Monthly) -> [String] {
        zip(series.values, series.suppressed).map { value, state in state.map(mark) ?? String(value ?? 0) }
    }

    func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return catalog.usesDecimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    // MARK: CSV

    /// One table: section, item, the year, the year before (empty where there is none).
    public func csv() -> String {
        let c = catalog
        let header = [c(.csvSection), c(.csvItem), String(report.year), String(report.year - 1)]
        var lines = [header]
        lines += keyFigures.map { [$0.section, $0.item, $0.year, $0.previous] }
        let previousMonths = cells(report.previousDeviationsPerMonth)
        for (index, section) in sections.enumerated() {
            for (row, (item, count)) in section.1.enumerated() {
                lines.append([section.0, item, count, index == 0 ? previousMonths[row] : ""])
            }
        }
        if let previous = report.previousSelfAssessment {
            for d in report.spiderDimensions {
                lines.append(
                    [
                        c(.selfAssessment) + " " + previous.measuredOn.iso, c.name(of: d),
                        String(previous.scores[d.code] ?? 0), "",
                    ])
            }
        }
        lines += report.notes.map { [c(.whatWasDone), $0.group, $0.text, ""] }
        // The table by kind and month after an empty line, as a spreadsheet takes a second table.
        lines += [[], [c(.deviationsByKindAndMonth)]] + kindTable
        return SpreadsheetCSV.document(lines)
    }

    /// The table by kind and month as text: a heading row, a row per kind, the months' totals.
    public var kindTable: [[String]] {
        let c = catalog, table = report.deviationsByKindAndMonth
        let names = Dictionary(
            report.review.deviationKinds.map { ($0.code, c.name(of: $0)) }, uniquingKeysWith: { a, _ in a })
        func count(_ value: Int?, _ state: Suppression?) -> String { state.map(mark) ?? String(value ?? 0) }
        return [[c(.kindColumn)] + months + [c(.totalColumn), String(report.year - 1)]]
            + table.rows.map { row in
                [names[row.kind] ?? row.kind] + cells(row.months)
                    + [count(row.total, row.totalSuppressed), count(row.previousTotal, row.previousTotalSuppressed)]
            }
            + [
                [c(.totalColumn)] + cells(table.monthTotals)
                    + [
                        count(table.total, table.totalSuppressed),
                        count(table.previousTotal, table.previousTotalSuppressed),
                    ]
            ]
    }

    // MARK: HTML

    public func html() -> String {
        let c = catalog, h = HTMLText.escape
        var out = """
            <!DOCTYPE html>
            <html lang="\(c.language == .sv ? "sv" : "en")"><head><meta charset="utf-8"><title>\(h(title))</title>
            <style>
            @page { size: A4; margin: 16mm; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #000; background: #fff;
                   margin: 0; width: 100%; max-width: 178mm; }
            h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th, td { border: 0.6pt solid #000; padding: 1.5pt 4pt; text-align: left; overflow-wrap: anywhere; }
            td.n, th.n { text-align: right; width: 18mm; }
            figure { margin: 0; page-break-inside: avoid; break-inside: avoid; }
            svg { width: 100%; height: auto; display: block; }
            section { page-break-inside: avoid; break-inside: avoid; }
            p.note { font-size: 8.5pt; }
            table.kinds { font-size: 8pt; } table.kinds th, table.kinds td { padding: 1pt 2pt; }
            table.kinds col.kind { width: 34mm; } table.kinds col.total { width: 14mm; }
            table.kinds td.n, table.kinds th.n { width: auto; white-space: nowrap; overflow-wrap: normal; }
            table.kinds tr.sum td { font-weight: bold; }
            div.words p { margin: 0 0 4pt; white-space: pre-wrap; overflow-wrap: anywhere; }
            </style></head><body>
            <h1>\(h(title))</h1>
            <p>\(h(c(.period))): \(report.review.from.iso)–\(report.review.to.iso).
            \(h(c(.smallCountsShownAs))) &lt;\(threshold). \(h(c(.hiddenForTotals)))</p>

            """
        out += whatWasDone()
        out +=
            "<h2>\(h(c(.deviationsPerMonth)))</h2>\n<figure>"
            + barChart(
                [
                    ("\(report.year)", report.deviationsPerMonth),
                    ("\(report.year - 1)", report.previousDeviationsPerMonth),
                ])
            + "</figure>\n"
        out +=
            "<h2>\(h(c(.plansStartedPerMonth)))</h2>\n<figure>" + lineChart(report.plansStartedPerMonth)
            + "</figure>\n"
        out +=
            "<h2>\(h(c(.keyFigures)))</h2>\n<table><thead><tr><th>\(h(c(.csvSection)))</th><th>\(h(c(.csvItem)))</th>"
            + "<th class=\"n\">\(report.year)</th><th class=\"n\">\(report.year - 1)</th></tr></thead><tbody>\n"
        for row in keyFigures {
            out +=
                "<tr><td>\(h(row.section))</td><td>\(h(row.item))</td><td class=\"n\">\(h(row.year))</td>"
                + "<td class=\"n\">\(h(row.previous))</td></tr>\n"
        }
        out += "</tbody></table>\n" + kindTableHTML()
        for section in sections.dropFirst(2) {
            out += "<section><h2>\(h(section.0))</h2>\n<table><tbody>\n"
            for (item, count) in section.1 {
                out += "<tr><td>\(h(item))</td><td class=\"n\">\(h(count))</td></tr>\n"
            }
            if section.1.isEmpty { out += "<tr><td>–</td><td class=\"n\">0</td></tr>\n" }
            out += "</tbody></table></section>\n"
        }
        if report.selfAssessment == nil, report.group != nil {
            out += "<h2>\(h(c(.selfAssessment)))</h2><p>\(h(c(.noSelfAssessment)))</p>\n"
        }
        if let current = report.selfAssessment, let previous = report.previousSelfAssessment {
            out +=
                "<p class=\"note\">\(h(c(.comparedWith))) \(previous.measuredOn.iso): "
                + report.spiderDimensions.map { d in
                    let now = current.scores[d.code] ?? 0, then = previous.scores[d.code] ?? 0
                    return h(c.name(of: d)) + " \(then) → \(now)"
                }.joined(separator: "; ") + "</p>\n"
        }
        return out + "</body></html>\n"
    }

    /// The group's own words (in the county's report, each group's under its name), then that the
    /// deviations' notes are left out.
    func whatWasDone() -> String {
        let c = catalog, h = HTMLText.escape
        var out = "<section><h2>\(h(c(.whatWasDone)))</h2>\n<div class=\"words\">"
        for note in report.notes {
            if report.group == nil { out += "<h3>\(h(note.group))</h3>" }
            out += note.text.components(separatedBy: "\n\n").map { "<p>\(h($0))</p>" }.joined()
        }
        if report.notes.isEmpty, report.group != nil { out += "<p>\(h(c(.noAnnualNote)))</p>" }
        return out + "</div><p class=\"note\">\(h(c(.deviationNotesLeftOut)))</p></section>\n"
    }

    /// The table by kind and month, narrow enough for A4 portrait: 12 month columns, the total and
    /// the year before's.
    func kindTableHTML() -> String {
        let h = HTMLText.escape, rows = kindTable
        var out =
            "<section><h2>\(h(catalog(.deviationsByKindAndMonth)))</h2>\n<table class=\"kinds\"><colgroup>"
            + "<col class=\"kind\"><col span=\"12\"><col class=\"total\"><col class=\"total\"></colgroup>\n<thead><tr>"
            + rows[0].enumerated().map {
                $0.offset == 0 ? "<th>\(h($0.element))</th>" : "<th class=\"n\">\(h($0.element))</th>"
            }
            .joined() + "</tr></thead><tbody>\n"
        for (index, row) in rows.dropFirst().enumerated() {
            out += index == rows.count - 2 ? "<tr class=\"sum\">" : "<tr>"
            out +=
                row.enumerated().map {
                    $0.offset == 0 ? "<td>\(h($0.element))</td>" : "<td class=\"n\">\(h($0.element))</td>"
                }
                .joined() + "</tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    /// Bars per month, one series solid black and the other white with a black outline, so the
    /// two tell apart in monochrome print; a hidden month is drawn as its mark, without a bar.
    func barChart(_ series: [(String, AnnualReport.Monthly)]) -> String {
        let width = 640.0, height = 220.0, left = 36.0, bottom = 28.0, top = 24.0
        let maximum = max(1, series.flatMap { $0.1.values.compactMap { $0 } }.max() ?? 1)
        let slot = (width - left - 8) / 12, bar = slot / Double(series.count + 1)
        func y(_ v: Int) -> Double { height - bottom - Double(v) / Double(maximum) * (height - bottom - top) }
        var svg = svgHead(width, height, axis: left, bottom: bottom, maximum: maximum, y: y)
        for (index, (name, values)) in series.enumerated() {
            let fill = index == 0 ? "#000" : "#fff"
            for month in 0..<12 {
                let x = left + Double(month) * slot + bar * (Double(index) + 0.5)
                if let value = values.values[month] {
                    svg +=
                        "<rect x=\"\(f(x))\" y=\"\(f(y(value)))\" width=\"\(f(bar))\" height=\"\(f(y(0) - y(value)))\" "
                        + "fill=\"\(fill)\" stroke=\"#000\" stroke-width=\"1\"/>"
                } else if let state = values.suppressed[month] {
                    svg += label(x + bar / 2, y(0) - 3, mark(state), size: 8)
                }
            }
            // The legend: a swatch and the series' name.
            let lx = left + 10 + Double(index) * 90
            svg +=
                "<rect x=\"\(f(lx))\" y=\"4\" width=\"12\" height=\"10\" fill=\"\(fill)\" stroke=\"#000\"/>"
                + label(lx + 16, 13, name, size: 10, anchor: "start")
        }
        return svg + monthLabels(left: left, slot: slot, y: height - bottom + 14) + "</svg>"
    }

    /// A line through the months, each point a square with its value above it.
    func lineChart(_ series: AnnualReport.Monthly) -> String {
        let width = 640.0, height = 180.0, left = 36.0, bottom = 28.0, top = 16.0
        let maximum = max(1, series.values.compactMap { $0 }.max() ?? 1)
        let slot = (width - left - 8) / 12
        func y(_ v: Int) -> Double { height - bottom - Double(v) / Double(maximum) * (height - bottom - top) }
        var svg = svgHead(width, height, axis: left, bottom: bottom, maximum: maximum, y: y)
        let points = (0..<12).compactMap { m in series.values[m].map { (left + (Double(m) + 0.5) * slot, y($0)) } }
        svg +=
            "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\" points=\""
            + points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
        for month in 0..<12 {
            let x = left + (Double(month) + 0.5) * slot
            if let value = series.values[month] {
                svg += "<rect x=\"\(f(x - 3))\" y=\"\(f(y(value) - 3))\" width=\"6\" height=\"6\" fill=\"#000\"/>"
            } else if let state = series.suppressed[month] {
                svg += label(x, y(0) - 3, mark(state), size: 8)
            }
        }
        return svg + monthLabels(left: left, slot: slot, y: height - bottom + 14) + "</svg>"
    }

    func svgHead(
        _ width: Double, _ height: Double, axis left: Double, bottom: Double, maximum: Int, y: (Int) -> Double
    ) -> String {
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "font-family=\"DejaVu Sans, Arial, sans-serif\">"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - 4))\" y2=\"\(f(y(0)))\" stroke=\"#000\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(left))\" y2=\"\(f(y(maximum)))\" stroke=\"#000\"/>"
        for value in Set([0, maximum / 2, maximum]).sorted() {
            svg += label(left - 4, y(value) + 3, String(value), size: 9, anchor: "end")
        }
        return svg
    }

    func monthLabels(left: Double, slot: Double, y: Double) -> String {
        months.enumerated().map { label(left + (Double($0.offset) + 0.5) * slot, y, $0.element, size: 9) }.joined()
    }

    func label(_ x: Double, _ y: Double, _ text: String, size: Int, anchor: String = "middle") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\">\(HTMLText.escape(text))</text>"
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Every group's key figures side by side, with the county's total: what BUSSAM compares.
public struct GroupsSideBySide: Sendable {
    /// Each group's review (small counts hidden), then the county's.
    public var groups: [GroupReview]
    public var county: GroupReview

    /// The columns: a heading and the figure's text in a review.
    public static func columns(_ c: Catalog) -> [(String, (GroupReview) -> String)] {
        /// A list's total: known to a reader of the review (its cells are hidden so that it gives
        /// none away), hidden itself only when small.
        func sum(_ figures: [String: GroupReview.Figure], _ r: GroupReview) -> String {
            let total = figures.values.reduce(0) { $0 + $1.count }
            let state = CellSuppression.solve([total], dimensions: [], threshold: r.suppressBelow ?? 1)[0]
            return state.map(r.mark) ?? String(total)
        }
        func decimal(_ value: Double) -> String {
            let text = String(format: "%.1f", value)
            return c.usesDecimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        return [
            (c.review(.openPlansByStatus), { sum($0.openPlansByStatus, $0) }),
            (c.review(.startedInPeriod), { $0.text($0.plansStarted) }),
            (c.review(.overdue) + ": " + c.review(.firstMeeting), { $0.text($0.overdueFirstMeeting) }),
            (c.review(.overdue) + ": " + c.review(.followUp), { $0.text($0.overdueFollowUp) }),
            (c.review(.overdue) + ": " + c.review(.interventions), { $0.text($0.overdueInterventions) }),
            (c.review(.deviationsByKind), { sum($0.deviationsByKind, $0) }),
            (c.review(.deviations) + ": " + c.review(.openAtEnd), { $0.text($0.deviationsOpen) }),
            (c.review(.overdueAnswers), { $0.text($0.responseTimes.overdue) }),
            (
                c.review(.medianDays),
                { r in r.responseTimes.suppressed.map { _ in "–" } ?? r.responseTimes.medianDays.map(decimal) ?? "–" }
            ),
        ]
    }

    public func table(_ c: Catalog) -> [[String]] {
        let columns = Self.columns(c)
        return [[c(.csvGroup)] + columns.map(\.0)]
            + (groups + [county]).map { r in [r.group ?? c(.csvAllGroups)] + columns.map { $0.1(r) } }
    }

    public func csv(_ c: Catalog) -> String {
        SpreadsheetCSV.document(table(c))
    }

    public func html(_ c: Catalog, from: Day, to: Day) -> String {
        let h = HTMLText.escape, rows = table(c)
        let title = "\(c(.allGroups)), \(from.iso)–\(to.iso)"
        return """
            <!DOCTYPE html>
            <html lang="\(c.language == .sv ? "sv" : "en")"><head><meta charset="utf-8"><title>\(h(title))</title>
            <style>@page { size: A4 landscape; margin: 12mm; } body { font-family: "DejaVu Sans", Arial, sans-serif;
            font-size: 8.5pt; } table { border-collapse: collapse; width: 100%; } th, td { border: 0.6pt solid #000;
            padding: 1.5pt 3pt; } td { text-align: right; } td:first-child { text-align: left; }
            tr:last-child td { font-weight: bold; }</style></head><body>
            <h1>\(h(title))</h1>
            <table><thead><tr>\(rows[0].map { "<th>\(h($0))</th>" }.joined())</tr></thead><tbody>
            \(rows.dropFirst().map { "<tr>" + $0.map { "<td>\(h($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n"))
            </tbody></table></body></html>

            """
    }
}

extension Store {
    /// Every group's review for the period and the county's, small counts hidden.
    public func groupsSideBySide(from: Day, to: Day) throws -> GroupsSideBySide {
        let threshold = try suppressBelow()
        let groups = try busGroups().map {
            try review(groupId: $0.id, from: from, to: to, withIds: false).suppressed(below: threshold)
        }
        return GroupsSideBySide(
            groups: groups,
            county: try review(groupId: nil, from: from, to: to, withIds: false).suppressed(below: threshold))
    }
}
