import Foundation
import SIPDomain

/// One line of a rendered report, with what it is (so a screen can style it).
public struct ReportLine: Equatable, Sendable {
    public enum Kind: Sendable { case title, heading, body, warning }
    public var text: String
    public var indent: Int
    public var kind: Kind
}

/// Plain-text renderings for the command line. Every value from the database goes through
/// `TerminalText.safe` before it is printed.
public enum TextReports {
    package static func cell(_ text: String, _ width: Int) -> String {
        DisplayWidth.pad(TerminalText.safe(text), to: width)
    }

    /// The users, one per line; with `width`, the last column (the group) is cut to fit.
    public static func userTable(
        _ users: [AppUser], agencies: [Agency], groups: [BusGroup], catalog c: Catalog,
        width: Int? = nil
    ) -> String {
        // A retired user's role is marked: the role column grows to hold the mark.
        func role(_ user: AppUser) -> String {
            c.role(user.role) + (user.isRetired ? " (" + c.ui(.retiredMark) + ")" : "")
        }
        var widths = [12, 16, max(14, users.map { DisplayWidth.of(role($0)) + 1 }.max() ?? 0), 20]
        // Narrower than the table: the organisation's and then the name's columns give way (to 8),
        // so a row stays one line with room for the group.
        if let width {
            var excess = widths.reduce(0, +) + widths.count + 8 - width
            for column in [3, 1] where excess > 0 {
                let cut = min(excess, widths[column] - 8)
                widths[column] -= cut
                excess -= cut
            }
        }
        // The columns, then the group, cut to what is left of `width`.
        func line(_ fields: [String], _ group: String) -> String {
            let room = width.map { max(4, $0 - widths.reduce(0) { $0 + $1 + 1 }) }
            return zip(fields, widths).map { cell($0, $1) + " " }.joined()
                + (room.map { DisplayWidth.fit(TerminalText.safe(group), to: $0) } ?? TerminalText.safe(group)) + "\n"
        }
        let agencyNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id!, $0.name) })
        var out = line([c.field(.login), c.field(.name), c.field(.role), c.field(.agencyName)], c(.group))
        for user in users {
            let organisation =
                user.role == .coordinator && user.allPlans
                ? c(.allPlans) : user.agencyId.flatMap { agencyNames[$0] } ?? "-"
            let group =
                user.role != .busChair
                ? "-"
                : user.allPlans
                    ? c(.allGroupsShort)
                    : user.busGroupId.flatMap { groupNames[$0] } ?? "-"
            // A retired user stays in the list, marked: their history is theirs.
            out += line([user.login, user.name, role(user), organisation], group)
        }
        return out
    }

    /// The whole plan as readable text, section by section: what `plan show` prints.
    public static func planText(_ d: PlanDocument, catalog c: Catalog) -> String {
        var out = ""
        for line in planLines(d, catalog: c) {
            switch line.kind {
            case .heading:
                out += "\n" + line.text + "\n" + String(repeating: "-", count: line.text.count) + "\n"
            default:
                out += String(repeating: " ", count: line.indent) + line.text + "\n"
            }
        }
        return out
    }

    /// The plan as structured lines: the one layout both `plan show` and the detail screen render.
    /// Texts are already terminal-safe; multi-line values become several lines.
    public static func planLines(_ d: PlanDocument, catalog c: Catalog) -> [ReportLine] {
        var out: [ReportLine] = []
        var pendingKind = ReportLine.Kind.body
        func line(_ text: String = "") {
            let indent = text.prefix { $0 == " " }.count
            out.append(ReportLine(text: String(text.dropFirst(indent)), indent: indent, kind: pendingKind))
            pendingKind = .body
        }
        func warn(_ text: String) {
            pendingKind = .warning
            line(text)
        }
        func value(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            let parts = TerminalText.safe(text, keepNewlines: true).split(
                separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: label.prefix { $0 == " " }.count + 2)
            line("  \(label): \(parts[0])")
            for part in parts.dropFirst() { line(indent + "  " + part) }
        }
        func heading(_ text: String) {
            pendingKind = .heading
            line(text)
        }

        let p = d.plan
        pendingKind = .title
        line(
            "\(c(.planNumber)) \(p.id): \(TerminalText.safe(d.child.name))  [\(c.status(p.status))]"
                + (p.overdue ? "  \(c(.overdue))" : ""))
        value(c(.group), p.busGroup)
        value(c.field(.requestDate), p.requestDate.iso)
        value(
            c.field(.initiatorPerson),
            [c.initiator(p.initiator.kind), p.initiator.agency, p.initiator.person]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "))
        value(c.field(.coordinator), p.coordinator)
        out += dischargeLines(d, catalog: c)
        // A withdrawal is marked at the top, with what can happen next.
        if d.consentWithdrawn { warn("  × " + c(.consentWithdrawnNext)) }

        heading(c(.child))
        value(c.field(.name), d.child.name)
        value(c.field(.personalNumber), d.child.personalNumber?.formatted)
        value(c(.birthDate), d.child.birthDate.iso)
        value(c(.childSex), c.sex(d.child.sex))
        for (title, people) in [(c(.guardians), d.guardians), (c(.relatives), d.relatives)] where !people.isEmpty {
            line("  \(title):")
            for m in people {
                line(
                    "    "
                        + TerminalText.safe(
                            [m.name, m.relation, m.phone, m.email, m.address]
                                .filter { !$0.isEmpty }.joined(separator: ", "))
                        + (m.protectedIdentity ? " (\(c(.protectedIdentityMark)))" : ""))
            }
        }
        out += languageLines(d, catalog: c)

        heading(c(.consent))
        if d.consentValid { line("  " + c(.consentValid)) } else { warn("  " + c(.consentMissing)) }
        for consent in d.consents {
            let who = consent.givenByChild ? c(.givenByChild) : (consent.givenBy ?? "?")
            let withdrawn = consent.withdrawnOn.map { "  \(c(.consentWithdrawn)) \($0.iso)" } ?? ""
            if consent.withdrawnOn != nil { pendingKind = .warning }
            line(
                "  - " + TerminalText.safe(who) + ": \(c(.validFromTo)) \(consent.validFrom.iso)–"
                    + "\(consent.validTo?.iso ?? "")\(withdrawn)")
            line("    \(c(.covers)): " + TerminalText.safe(consent.agencies.joined(separator: ", ")))
            value("  " + c.field(.information), consent.information)
        }

        heading(c.field(.questions))
        for spec in PlanField.all where spec.isNarrative {
            value(c.field(spec.field), spec.document.map { p[keyPath: $0] })
        }

        heading(c(.participants))
        let uncovered = Set(d.uncoveredParticipants)
        for participant in d.participants {
            let outside = uncovered.contains(participant.id)
            if outside { pendingKind = .warning }
            line(
                "  - "
                    + TerminalText.safe(
                        [participant.person, participant.role, participant.agency ?? ""]
                            .filter { !$0.isEmpty }.joined(separator: ", "))
                    + (outside ? "  (\(c(.outsideConsentMark)))" : ""))
        }

        out += goalLines(d, catalog: c)

        heading(c(.interventions))
        for i in d.interventions {
            if i.overdue { pendingKind = .warning }
            line("  - " + TerminalText.safe(i.what) + (i.overdue ? "  \(c(.overdue))" : ""))
            line("    " + TerminalText.safe("\(i.agency) (\(i.principal)), \(i.person), \(i.frequency)"))
            line("    \(i.startDate.iso)–\(i.dueDate.iso), \(c.interventionStatus(i.status))")
            value("  " + c.field(.comment), i.comment)
        }

        heading(c(.legalPoints))
        line("  " + c(.legalNeeds))
        for need in d.legal.needs { line("    - " + TerminalText.safe(need)) }
        let whats = Dictionary(uniqueKeysWithValues: d.interventions.map { ($0.id, $0.what) })
        for (title, groups) in [
            (c(.legalByPrincipal), d.legal.interventionsByPrincipal),
            (c(.legalByOthers), d.legal.measuresByOthers),
        ] {
            line("  " + title)
            if groups.isEmpty { line("    " + c(.none)) }
            for group in groups {
                line("    " + TerminalText.safe(group.principal) + ":")
                for id in group.interventionIds { line("      - " + TerminalText.safe(whats[id] ?? "")) }
            }
        }
        out += needLines(d, catalog: c)
        line("  " + c(.legalOverall))
        if let r = d.legal.overallResponsibility {
            line(
                "    "
                    + TerminalText.safe(
                        [r.principal, r.agency, r.person].filter { !$0.isEmpty }
                            .joined(separator: ", ")))
        } else {
            line("    " + c(.none))
        }
        line(
            "  \(c(.follow)): \(p.followUpDate?.iso ?? "-")"
                + (p.followUpCaller.isEmpty ? "" : ", " + TerminalText.safe(p.followUpCaller)))

        heading(c(.meetings))
        for m in d.meetings {
            line(
                "  - \(c.meetingKind(m.kind)) \(m.startsAt), \(m.durationMinutes) min, " + TerminalText.safe(m.place)
                    + (m.cancelled ? " (\(c(.cancelledMeeting)))" : ""))
            for a in m.attendance where a.status != .present {
                line("    " + TerminalText.safe(a.person) + ": " + c.attendance(a.status))
            }
            out += meetingFamilyLines(m, catalog: c)
        }

        if !d.deviations.isEmpty {
            heading(c(.deviations))
            for dev in d.deviations {
                line(
                    "  - \(dev.occurredOn.iso) " + TerminalText.safe("\(dev.kind), \(dev.concernedAgency)")
                        + ": \(c.deviationStatus(dev.status))")
            }
        }

        heading(c(.history))
        for h in d.history {
            line(
                "  \(h.at) \(h.from.map(c.status) ?? "-") → \(c.status(h.to))"
                    + (h.by.isEmpty ? "" : " (" + TerminalText.safe(h.by) + ")")
                    + (h.note.isEmpty ? "" : ": " + TerminalText.safe(h.note)))
        }
        return out
    }
}
