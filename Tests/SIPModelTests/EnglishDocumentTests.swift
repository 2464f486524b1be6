import Foundation
import Testing

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// Issue 17 build 4 and issue 19 build 6: under `--lang en` every document the program writes is in
/// English, its section titles, labels and headings included. Compared with the Swedish catalog:
/// none of the Swedish texts appears where the document puts its own words.
@Suite("Documents in English")
struct EnglishDocumentTests {
    /// Every Swedish text a document could put in a title, a label or a table heading, where the
    /// English text differs.
    static func swedishDocumentWords() -> Set<String> {
        let sv = Catalog(.sv), en = Catalog(.en)
        var pairs: [(String, String)] = []
        pairs += Catalog.ExportText.allCases.map { (sv.export($0), en.export($0)) }
        pairs += Catalog.FamilyText.allCases.map { ($0.text(in: sv), $0.text(in: en)) }
        pairs += Catalog.KallelseText.allCases.map { (sv.kallelse($0), en.kallelse($0)) }
        pairs += Field.allCases.map { (sv.field($0), en.field($0)) }
        pairs += GoalKind.allCases.map { (sv.goalKind($0), en.goalKind($0)) }
        return Set(pairs.filter { $0.0 != $0.1 }.map(\.0))
    }

    /// The document's own words in its HTML: the title, the section titles, the labels, the table
    /// headings.
    static func ownWords(_ html: String) throws -> [String] {
        let tags = try Regex(#"<(h1|h2|dt|th|p class="legal-label")>(.*?)</(h1|h2|dt|th|p)>"#)
        return html.matches(of: tags).compactMap { $0.output[2].substring.map(String.init) }
    }

    /// A word of the document that is a Swedish catalog text (whole, or before a comma or colon).
    static func swedish(_ words: [String]) -> [String] {
        let swedish = swedishDocumentWords()
        return words.filter { word in
            swedish.contains { word == $0 || word.hasPrefix($0 + ",") || word.hasPrefix($0 + ":") }
        }
    }

    @Test("every document under en: no Swedish section title, label or heading, every English title there")
    func documents() throws {
        let (_, document) = try FamilyDocumentTests.plan()
        for audience in PlanExport.Audience.allCases {
            let html = PlanExport(document, for: audience, catalog: Catalog(.en)).render(.html)
            let words = try Self.ownWords(html)
            #expect(words.count >= 5, "\(audience)")
            #expect(Self.swedish(words).isEmpty, "\(audience): \(Self.swedish(words))")
            #expect(html.contains("<html lang=\"en\">"))
            // The same document in Swedish is found out by the same check: it does test something.
            let swedish = try Self.ownWords(PlanExport(document, for: audience, catalog: Catalog(.sv)).render(.html))
            #expect(!Self.swedish(swedish).isEmpty, "\(audience) in Swedish")
        }
        let full = PlanExport(document, for: .professionals, catalog: Catalog(.en))
        #expect(full.sections.map(\.title) == PlanExport.templateTitles(Catalog(.en)))
        let text = full.render(.text)
        for title in PlanExport.templateTitles(Catalog(.sv)) { #expect(!text.contains(title.uppercased()), "\(title)") }
        #expect(text.contains("Legal requirement 1 of 4") && !text.contains("Lagkrav"))
        #expect(text.contains("Coordinated individual plan (SIP) – plan \(document.plan.id)"))
        #expect(full.render(.md).contains("## Copies and signatures"))
    }

    @Test("the kallelse under en: the English template, English words and dates, the letter and the event")
    func kallelse() throws {
        let (t, document) = try FamilyDocumentTests.plan()
        let invitation = try Invitation(document: document, zone: t.store.context.timeZone, catalog: Catalog(.en))
        let text = try invitation.text()
        #expect(text.hasPrefix("Invitation to a SIP follow-up\n"))
        #expect(text.contains("You are invited to a meeting about a coordinated individual plan (SIP) for Åsa Öberg."))
        #expect(text.contains("Date:        Sunday 14 June 2026"), "\(text)")
        #expect(text.contains("(60 minutes)") && text.contains("About SIP"))
        let swedish = try DataFile.text("kallelse.txt").split(separator: "\n").filter {
            !$0.hasPrefix("#") && !$0.contains("{{") && $0.count > 3
        }
        #expect(swedish.count > 5)
        for line in swedish { #expect(!text.contains(line), "\(line)") }
        for word in Self.swedishDocumentWords() where word.count > 4 { #expect(!text.contains(word), "\(word)") }
        let letter = try invitation.letterHTML()
        #expect(letter.contains("<html lang=\"en\">") && letter.contains("<h1>Invitation to a SIP follow-up</h1>"))
        // Unfolded (RFC 5545 3.1): long lines go on after CRLF and a space.
        let ics = invitation.ics(organizer: "mailto:anna@soc.example", now: t.clock.now)
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("SUMMARY:SIP meeting\\, plan \(document.plan.id)"))
        #expect(ics.contains("DESCRIPTION:Coordinated individual plan (SIP). The question and the participants "))
        #expect(ics.contains("PRODID:-//sip-tui//SIP//EN"))
        // Swedish stays the default.
        let svenska = try Invitation(document: document, zone: t.store.context.timeZone).text()
        #expect(svenska.hasPrefix("Kallelse till uppföljning av SIP\n") && svenska.contains("söndag 14 juni 2026"))
    }

    @Test("the agenda under en: the template's English titles and guidance; a renamed item keeps its name")
    func agenda() throws {
        let (t, document) = try FamilyDocumentTests.plan()
        let meeting = try #require(document.meetings.last)
        let second = try t.store.agenda(meetingId: meeting.id)[1].id!
        try t.store.write { db in
            try db.execute(sql: "UPDATE agendaItem SET title = 'Vårt eget' WHERE id = ?", arguments: [second])
        }
        let english = try t.store.agenda(meetingId: meeting.id, in: Catalog(.en))
        #expect(
            english.items.map(\.title) == ["Introduction", "Vårt eget", "Needs and goals", "Interventions", "Summary"])
        #expect(english.guidance[1]?.hasPrefix("The chair introduces themselves") == true)
        #expect(english.guidance.values.allSatisfy { !$0.contains("ä") && !$0.contains("å") && !$0.contains("ö") })
        let items = try t.store.agenda(meetingId: meeting.id, in: Catalog(.sv)).items
        #expect(items.first?.title == "Inledning")
    }
}
