import Foundation
import SIPDomain

/// The written plan given to the family and the organisations: every field the guidance lists,
/// the law's four points marked. One section model, three renderings.
public struct PlanExport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, md, html }

    public enum Item: Equatable, Sendable {
        case field(String, String)
        case paragraph(String)
        case table([String], [[String]])
    }

    public struct Section: Equatable, Sendable {
        public var title: String
        /// 1-4 for the sections that answer the law's four points.
        public var legalPoint: Int?
        public var items: [Item]
    }

    /// Section titles every export carries, in order: the template.
    public static func templateTitles(_ c: Catalog = Catalog(.sv)) -> [String] {
        [
            .sectionChild, .sectionConsent, .sectionInitiative, .sectionParticipants, .sectionQuestions,
            .sectionSituation, .sectionChildView, .sectionGoals, .sectionFamilyActions, .sectionInterventions,
            .sectionByPrincipal, .sectionByOthers, .sectionLead, .sectionContacts, .sectionFollowUp,
            .sectionEvaluation, .sectionClosing, .sectionCopies,
        ].map { c.export($0) }
    }

    /// The document's language, for HTML's lang attribute.
    public let language: Language

    public let title: String
    public let sections: [Section]

    public init(_ d: PlanDocument, catalog c: Catalog = Catalog(.sv)) {
        let p = d.plan
        let e = c.export
        language = c.language
        func or(_ text: String?) -> String { (text?.isEmpty ?? true) ? "–" : text! }
        func period(_ i: PlanDocument.InterventionInfo) -> String { "\(i.startDate.iso) – \(i.dueDate.iso)" }
        let interventionHeader = [
            c.field(.what), e(.responsible), c.field(.person), c.field(.frequency), e(.period), c.field(.status),
        ]
        func rows(_ items: [PlanDocument.InterventionInfo]) -> [[String]] {
            items.map {
                [$0.what, $0.agency, or($0.person), or($0.frequency), period($0), c.interventionStatus($0.status)]
            }
        }
        let byId = Dictionary(uniqueKeysWithValues: d.interventions.map { ($0.id, $0) })
        func grouped(_ groups: [PlanDocument.PrincipalInterventions]) -> [Item] {
            groups.isEmpty
                ? [.paragraph(e(.none))]
                : groups.map { g in
                    .table(
                        ["\(e(.principalLabel)): \(g.principal) (\(c.principalType(g.principalType)))"],
                        g.interventionIds.compactMap { byId[$0] }.map { ["\($0.what) – \($0.agency), \(period($0))"] })
                }
        }
        let lastHeld = d.meetings.last { $0.held }
        let attendance = Dictionary(
            uniqueKeysWithValues: (lastHeld?.attendance ?? []).map { ($0.participantId, $0.status) })
        let invitedOn = d.history.first { $0.to == .invited }?.at.prefix(10)

        title = "\(e(.exportTitle)) \(p.id)"
        sections = [
            Section(
                title: e(.sectionChild),
                items: [
                    .field(e(.child), d.child.name),
                    .field(c.field(.personalNumber), or(d.child.personalNumber?.formatted)),
                    .field(c.field(.birthDate), d.child.birthDate.iso),
                    .table(
                        [e(.guardian), c.field(.phone), c.field(.email), c.field(.address)],
                        d.guardians.map { [$0.name, $0.phone, $0.email, $0.address] }),
                    .table(
                        [e(.relativeInvited), c.field(.relation), c.field(.phone)],
                        d.relatives.filter(\.invited).map { [$0.name, $0.relation, $0.phone] }),
                ] + Self.languageItems(d, c)),
            Section(
                title: e(.sectionConsent),
                items: [.field(e(.validConsentToday), d.consentValid ? e(.consentYes) : e(.consentNo))]
                    + d.consents.map { s in
                        .field(
                            s.givenByChild ? e(.childItself) : or(s.givenBy),
                            "\(s.information) \(e(.covers)): \(s.agencies.joined(separator: ", ")). "
                                + "\(e(.validFrom)) \(s.validFrom.iso)–\(s.validTo?.iso ?? e(.untilFurther))"
                                + (s.withdrawnOn.map { ". \(e(.withdrawnMark)) \($0.iso)" } ?? "") + ".")
                    }),
            Section(
                title: e(.sectionInitiative),
                items: [
                    .field(
                        e(.initiative),
                        [c.initiator(p.initiator.kind), p.initiator.agency ?? "", p.initiator.person]
                            .filter { !$0.isEmpty }.joined(separator: ", ")),
                    .field(c.field(.requestDate), p.requestDate.iso),
                    .field(e(.invitationSent), or(invitedOn.map(String.init))),
                    .field(
                        e(.meetings),
                        d.meetings.isEmpty
                            ? "–"
                            : d.meetings.map {
                                "\(c.meetingKind($0.kind)) \($0.startsAt.prefix(16).replacingOccurrences(of: "T", with: " ")), \(or($0.place))"
                                    + ($0.cancelled ? " (\(c(.cancelledMeeting)))" : "")
                            }.joined(separator: "; ")),
                    .field(c.field(.coordinator), or(p.coordinator)),
                ] + Self.dischargeItems(d, c) + Self.interpreterItems(d, c)),
            Section(
                title: e(.sectionParticipants),
                items: [
                    .table(
                        [c.field(.name), c.field(.role), c.field(.agencyName), e(.attendance)],
                        d.participants.map {
                            [$0.person, $0.role, $0.agency ?? e(.family), attendance[$0.id].map(c.attendance) ?? "–"]
                        })
                ]),
            Section(
                title: e(.sectionQuestions),
                items: [.paragraph(or(p.questions)), .field(c.field(.reason), or(p.reason))]),
            Section(title: e(.sectionSituation), items: [.paragraph(or(p.currentSituation))]),
            Section(
                title: e(.sectionChildView),
                items: [
                    .field(c.field(.childView), or(p.childView))
                ]
                    // Goals are items since v19; a text from before is still shown.
                    + (p.childGoals.isEmpty ? [] : [.field(c.field(.childGoals), p.childGoals)])
                    + Self.goalItems(d, c, kinds: [.child]) + Self.participationItems(d, c)),
            Section(
                title: e(.sectionGoals),
                items: (p.longTermGoals.isEmpty ? [] : [.field(c.field(.longTermGoals), p.longTermGoals)])
                    + (p.shortTermGoals.isEmpty ? [] : [.field(c.field(.shortTermGoals), p.shortTermGoals)])
                    + (d.goals.contains { $0.kind != .child }
                        ? Self.goalItems(d, c, kinds: [.long, .short]) : [.paragraph(c(.noGoals))])),
            Section(title: e(.sectionFamilyActions), items: [.paragraph(or(p.familyOwnActions))]),
            Section(
                title: e(.sectionInterventions), legalPoint: 1,
                items: [.table(interventionHeader, rows(d.interventions))] + Self.unassignedNeedItems(d, c)),
            Section(title: e(.sectionByPrincipal), legalPoint: 2, items: grouped(d.legal.interventionsByPrincipal)),
            Section(
                title: e(.sectionByOthers), legalPoint: 3, items: grouped(d.legal.measuresByOthers)
            ),
            Section(
                title: e(.sectionLead), legalPoint: 4,
                items: d.legal.overallResponsibility.map { r in
                    [
                        .field(e(.principalLabel), "\(r.principal) (\(c.principalType(r.principalType)))"),
                        .field(c.field(.agencyName), r.agency),
                        .field(c.field(.leadPerson), or(r.person)),
                    ]
                } ?? [.paragraph(e(.notAppointed))]),
            Section(
                title: e(.sectionContacts),
                items: [
                    .table(
                        [c.field(.agencyName), c.field(.name), c.field(.role), c.field(.phone), c.field(.email)],
                        d.contacts.map { [$0.agency, $0.name, $0.role, $0.phone, $0.email] })
                ]),
            Section(
                title: e(.sectionFollowUp),
                items: [.field(e(.date), or(p.followUpDate?.iso)), .field(e(.calls), or(p.followUpCaller))]),
            Section(
                title: e(.sectionEvaluation),
                items: Self.evaluationItems(d, c)),
            Section(
                title: e(.sectionClosing),
                items: [
                    .paragraph(
                        p.status == .closed
                            ? "\(e(.closedAs)) (\(p.closedKind.map { $0 == .refused ? e(.closedRefused) : $0 == .completed ? e(.closedCompleted) : e(.closedOther) } ?? "")): \(or(p.closedReason))"
                            : e(.notClosed))
                ]),
            Section(
                title: e(.sectionCopies),
                items: [
                    .table([e(.copyTo), e(.date)], d.copies.map { [$0.recipient, $0.givenOn.iso] }),
                    .paragraph(e(.originalTo)),
                    .table(
                        [e(.signedBy), e(.signature), e(.date)],
                        [[e(.guardian), "", ""], [e(.guardian), "", ""], [c.field(.coordinator), "", ""]]),
                ]),
        ]
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .md: return markdown()
        case .html: return html()
        }
    }

    func legalLabel(_ n: Int) -> String { String(format: Catalog(language).export(.legalLabel), n) }

    func text() -> String {
        func safe(_ text: String) -> String { TerminalText.safe(text, keepNewlines: true) }
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
        for s in sections {
            out += "\n" + s.title.uppercased() + (s.legalPoint.map { "  [\(legalLabel($0))]" } ?? "") + "\n"
            for item in s.items {
                switch item {
                case .field(let label, let value):
                    out += "  \(safe(label)): \(safe(value).replacingOccurrences(of: "\n", with: "\n    "))\n"
                case .paragraph(let text): out += "  " + safe(text).replacingOccurrences(of: "\n", with: "\n  ") + "\n"
                case .table(let header, let rows):
                    out += "  " + header.map(safe).joined(separator: " | ") + "\n"
                    out +=
                        rows.isEmpty
                        ? "  –\n" : rows.map { "  - " + $0.map(safe).joined(separator: " | ") + "\n" }.joined()
                }
            }
        }
        return out
    }

    /// Text from the data as Markdown that shows it and nothing else: HTML's <, > and & as
    /// entities, so no raw HTML passes; backslash, emphasis, code, link brackets and the table's bar
    /// escaped everywhere; block markers (heading, list, quote, rule) escaped at a line's start.
    /// No link can be formed, so none but a renderer's own http(s) autolinks can be followed.
    static func markdownText(_ raw: String) -> String {
        var out = ""
        let shown = TerminalText.safe(raw, keepNewlines: true)
        for (index, line) in shown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out += "\n" }
            let indent = line.prefix { $0 == " " }
            out += indent.isEmpty ? "" : String(repeating: "&#32;", count: indent.count)
            var atStart = true
            var rest = line.dropFirst(indent.count)
            // An ordered-list marker (digits, then . or )) at the start: its punctuation escaped.
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let next = rest.dropFirst(digits.count).first, next == "." || next == ")" {
                out += String(digits) + "\\" + String(next)
                rest = rest.dropFirst(digits.count + 1)
                atStart = false
            }
            for character in rest {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(character)
                case "#", "-", "+", "=":
                    out += (atStart ? "\\" : "") + String(character)
                default: out.append(character)
                }
                atStart = false
            }
        }
        return out
    }

    func markdown() -> String {
        let md = Self.markdownText
        func cell(_ text: String) -> String { md(text).replacingOccurrences(of: "\n", with: "<br>") }
        var out = "# " + title + "\n"
        for s in sections {
            out += "\n## " + s.title + "\n"
            if let n = s.legalPoint { out += "\n> **\(legalLabel(n))**\n" }
            for item in s.items {
                switch item {
                case .field(let label, let value):
                    out += "\n**\(md(label)):** \(md(value).replacingOccurrences(of: "\n", with: "  \n"))\n"
                case .paragraph(let text): out += "\n" + md(text).replacingOccurrences(of: "\n", with: "  \n") + "\n"
                case .table(let header, let rows):
                    out +=
                        "\n| " + header.map(cell).joined(separator: " | ") + " |\n|"
                        + String(repeating: " --- |", count: header.count) + "\n"
                    out +=
                        rows.isEmpty
                        ? "| –" + String(repeating: " |", count: header.count) + "\n"
                        : rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |\n" }.joined()
                }
            }
        }
        return out
    }

    /// Text as HTML: control characters shown, markup characters escaped, newlines as <br>.
    public static func htmlEscaped(_ text: String) -> String {
        TerminalText.safe(text, keepNewlines: true).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    func html() -> String {
        func h(_ text: String) -> String { HTMLText.escape(text) }
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(h(title))</title>
            <style>
            body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 48em; margin: 2em auto; color: #000; }
            h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #444; margin-top: 1.4em; }
            .legal { border-left: 4px solid #000; padding-left: .8em; }
            .legal-label { font-weight: bold; font-size: 9pt; text-transform: uppercase; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; } th, td { border: 1px solid #888; padding: .2em .4em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
            dt { font-weight: bold; } dd { margin: 0 0 .4em 0; } .nobr { white-space: nowrap; } td:empty { height: 2.4em; min-width: 10em; }
            @page { size: A4; margin: 20mm; }
            @media print { body { margin: 0; max-width: none; } .nobr { white-space: normal; } h2 { break-after: avoid; } section { break-inside: avoid-page; } table { break-inside: auto; } tr { break-inside: avoid; } }
            </style></head><body>
            <h1>\(h(title))</h1>

            """
        for s in sections {
            out += s.legalPoint == nil ? "<section>\n" : "<section class=\"legal\">\n"
            out += "<h2>\(h(s.title))</h2>\n"
            if let n = s.legalPoint { out += "<p class=\"legal-label\">\(h(legalLabel(n)))</p>\n" }
            for item in s.items {
                switch item {
                case .field(let label, let value): out += "<dl><dt>\(h(label))</dt><dd>\(h(value))</dd></dl>\n"
                case .paragraph(let text): out += "<p>\(h(text))</p>\n"
                case .table(let header, let rows):
                    out += "<table><tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n"
                    out +=
                        rows.isEmpty
                        ? "<tr><td colspan=\"\(header.count)\">–</td></tr>\n"
                        // Short cells (dates, periods, phone numbers) stay on one line.
                        : rows.map {
                            "<tr>" + $0.map { "<td\($0.count <= 25 ? " class=\"nobr\"" : "")>\(h($0))</td>" }.joined()
                                + "</tr>\n"
                        }.joined()
                    out += "</table>\n"
                }
            }
            out += "</section>\n"
        }
        return out + "</body></html>\n"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Text into HTML: control characters as the terminal shows them, markup characters escaped, line
/// breaks as <br>.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        TerminalText.safe(text, keepNewlines: true).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
