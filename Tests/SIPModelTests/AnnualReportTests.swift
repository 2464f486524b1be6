import Foundation
import GRDB
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

@Suite("The annual report and all groups side by side")
struct AnnualReportTests {
    @Test("the annual report's figures are the review's for the same year, and the year before's beside them")
    func sameAsTheReview() throws {
        let f = try PastPeriodFixture()
        try f.t.store.setDeadline("suppress-below", days: 1)
        let report = try f.t.store.annualReport(groupId: nil, year: 2025)
        let review = try f.t.store.review(groupId: nil, from: day("2025-01-01"), to: day("2025-12-31"), withIds: false)
        #expect(report.review == review.suppressed(below: 1))
        #expect(
            report.previous
                == (try f.t.store.review(groupId: nil, from: day("2024-01-01"), to: day("2024-12-31"), withIds: false))
                .suppressed(below: 1))
        // Counted by hand: deviations in September, October and December 2025; plans started in
        // January (E), February (A) and May (B); all three deviations went to Elevhälsan.
        #expect(report.deviationsPerMonth.values == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1])
        #expect(report.plansStartedPerMonth.values == [1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(report.previousDeviationsPerMonth.values == Array(repeating: 0, count: 12))
        #expect(report.byReportingOrganisation.counts == ["Norrskolan": 3])
        #expect(report.byPrincipal.counts == ["Region Test": 3])
        #expect(report.byEscalation.counts == ["local": 3])
        // d2 was sent on 2025-10-02 and closed unanswered; d1 was never sent: nothing answered after sending.
        #expect(report.answeredAfterSending == 0)
        // The key figures' column of the year is the review table's count column.
        let document = AnnualReportDocument(report, catalog: Catalog(.sv))
        #expect(document.keyFigures.map(\.year) == ReviewTable.rows(review, catalog: Catalog(.sv)).map(\.count))
        let csv = document.csv()
        #expect(csv.hasPrefix("\u{FEFF}Avsnitt;Post;2025;2024\r\n"))
        #expect(csv.contains(";Aktiv;1;0\r\n"))
    }

    @Test("small counts are hidden in the annual report and in every group's column side by side")
    func suppression() throws {
        let f = try PastPeriodFixture()
        #expect(try f.t.store.suppressBelow() == 3)
        let report = try f.t.store.annualReport(groupId: f.north.id, year: 2025)
        #expect(report.deviationsPerMonth.values[8] == nil && report.deviationsPerMonth.suppressed[8] == .small)
        #expect(report.byReportingOrganisation.counts.isEmpty)
        #expect(report.byReportingOrganisation.suppressed == ["Norrskolan": .small])
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!json.contains("\"Norrskolan\":2"))
        let html = AnnualReportDocument(report, catalog: Catalog(.sv)).html()
        #expect(html.contains("&lt;3") && !html.contains(">2</td>"))
        let side = try f.t.store.groupsSideBySide(from: day("2025-01-01"), to: day("2025-12-31"))
        let table = side.table(Catalog(.sv))
        #expect(table.count == 1 + 2 + 1, "a header, two groups, the county")
        #expect(table.last?.first == "Alla")
        // North had 2 open plans at the end of 2025, 2 deviations and 1 open: all hidden, the totals too.
        let north = try #require(table.first { $0.first == "Lokal BUS Norr" })
        #expect(north[1] == "<3" && north[6] == "<3" && north[7] == "<3")
        #expect(!side.csv(Catalog(.sv)).contains(";2;"))
        #expect(side.html(Catalog(.sv), from: day("2025-01-01"), to: day("2025-12-31")).contains("&lt;3"))
    }

    @Test("headless Chromium prints the annual report on A4 pages, the charts drawn and nothing cut at the right")
    func printed() throws {
        let f = try PastPeriodFixture()
        try f.t.store.setDeadline("suppress-below", days: 1)
        let report = try f.t.store.annualReport(groupId: f.north.id, year: 2025)
        let html = AnnualReportDocument(report, catalog: Catalog(.sv)).html()
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        try Self.printsOnA4(html)
    }

    @Test("the table by kind and month and the group's words print on A4 portrait, with counts wider than any county's")
    func printedWidest() throws {
        let f = try PastPeriodFixture()
        try f.t.store.setDeadline("suppress-below", days: 1)
        var report = try f.t.store.annualReport(groupId: nil, year: 2025)
        // Wider than any county's year: every kind, three digits in every month, four in the months'
        // totals, five and six in the years'.
        let kinds = report.review.deviationKinds.map(\.code)
        let cells = kinds.indices.map { k in (0..<12).map { 900 + k * 10 + $0 } }
        let months = (0..<12).map { m in cells.reduce(0) { $0 + $1[m] } }
        report.deviationsByKindAndMonth = KindByMonth(
            kinds: kinds, cells: cells, previous: kinds.map { _ in 99_999 },
            monthTotals: .init(values: months, suppressed: Array(repeating: nil, count: 12)), threshold: 1)
        report.notes = [
            AnnualNote(
                group: "Lokal BUS Norr",
                text: "Vi höll tolv möten. " + String(repeating: "Samverkansöverenskommelseuppföljning", count: 4)
                    + "\n\n" + String(repeating: "Andra stycket om väntetider till BUP och habiliteringen. ", count: 8))
        ]
        let html = AnnualReportDocument(report, catalog: Catalog(.sv)).html()
        #expect(html.contains("<table class=\"kinds\">") && html.contains(">10866</td>"))
        try Self.printsOnA4(html)
    }

    /// Prints `html` with headless Chromium: every page A4, the page drawn and nothing past the
    /// printable width.
    static func printsOnA4(_ html: String) throws {
        let dir = TempDir()
        let page = dir.path("arsrapport.html"), pdf = dir.path("arsrapport.pdf"), png = dir.path("arsrapport.png")
        try Data(html.utf8).write(to: URL(fileURLWithPath: page))
        let chromium = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
        #expect(shell(chromium + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"]).status == 0)
        let pdfText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        // A4: 595 × 842 points on every page.
        let boxes = pdfText.components(separatedBy: "/MediaBox [0 0 ").dropFirst().map { $0.prefix(14) }
        #expect(!boxes.isEmpty)
        #expect(boxes.allSatisfy { $0.hasPrefix("594.9") || $0.hasPrefix("595") }, "\(boxes)")
        // The printable width of A4 inside the margins, at 96 px an inch: 178 mm is 673 px. Drawn in
        // a wider window, nothing may reach past it.
        #expect(
            shell(chromium + ["--window-size=800,3200", "--screenshot=\(png)", "file://\(page)"]).status == 0)
        let check = shell([
            "/usr/bin/python3", "-c", Self.pngCheck, png,
        ])
        // width, height, dark pixels in all, dark pixels in the rightmost four columns
        let numbers = check.out.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(check.status == 0 && numbers.count == 4, "\(check.out)")
        guard numbers.count == 4 else { return }
        #expect(numbers[0] == 800)
        #expect(numbers[2] > 5000, "the page has text and charts")
        #expect(numbers[3] == 0, "nothing reaches past the printable width")
    }

    @Test("report --annual and --by-group on the command line; a bad year is one clear line")
    func command() throws {
        let dir = TempDir()
        let db = dir.path("r.sqlite")
        #expect(try Binary.run(["--db", db, "demo", "--plans", "20"]).status == 0)
        #expect(
            try Binary.run(["--db", db, "user", "set-role", SessionContext.current().user, "bus-chair", "--all-groups"])
                .status == 0)
        let year = String(Day(Date(), in: .stockholm).year - 1)
        let html = try Binary.run(["--db", db, "report", "--annual", year, "--format", "html"])
        #expect(html.status == 0 && html.out.contains("<svg") && html.out.contains("Årsrapport \(year)"))
        let csv = try Binary.run(["--db", db, "report", "--annual", year, "--format", "csv"])
        #expect(csv.status == 0 && csv.out.hasPrefix("\u{FEFF}Avsnitt;Post;\(year);"))
        let json = try Binary.run(["--db", db, "report", "--annual", year, "--format", "json"])
        #expect(try JSONDecoder().decode(AnnualReport.self, from: Data(json.out.utf8)).year == Int(year))
        let side = try Binary.run(["--db", db, "report", "--by-group"])
        #expect(side.status == 0 && side.out.hasPrefix("\u{FEFF}Grupp;") && side.out.contains("\r\nAlla;"))
        let bad = try Binary.run(["--db", db, "report", "--annual", "20255"])
        #expect(bad.status == 1 && !bad.err.isEmpty && !bad.err.contains("Fatal"))
    }

    /// Decodes a PNG (8-bit RGB or RGBA, as Chromium writes them) with the standard library and
    /// prints its width, height, the dark pixels and the dark pixels right of the printable width (674 px).
    static let pngCheck = """
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos+8])
            body = data[pos+8:pos+8+length]
            if kind == b'IHDR': width, height, depth, color = struct.unpack('>IIBB', body[:10])
            if kind == b'IDAT': idat += body
            pos += 12 + length
        channels = {2: 3, 6: 4}[color]
        raw = zlib.decompress(idat)
        stride = width * channels
        previous = bytearray(stride)
        dark = edge = 0
        for y in range(height):
            start = y * (stride + 1)
            kind = raw[start]
            line = bytearray(raw[start+1:start+1+stride])
            for i in range(stride):
                a = line[i-channels] if i >= channels else 0
                b = previous[i]
                c = previous[i-channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + a) & 255
                elif kind == 2: line[i] = (line[i] + b) & 255
                elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(width):
                r, g, b = line[x*channels:x*channels+3]
                if r + g + b < 384:
                    dark += 1
                    if x >= 674: edge += 1
            previous = line
        print(width, height, dark, edge)
        """
}
