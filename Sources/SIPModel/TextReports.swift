import Foundation

/// Plain-text renderings for the command line. Every value from the database goes through
/// `TerminalText.safe` before it is printed.
public enum TextReports {
    static func cell(_ text: String, _ width: Int) -> String {
        let safe = TerminalText.safe(text)
        if safe.count > width { return String(safe.prefix(max(0, width - 1))) + "…" }
        return safe + String(repeating: " ", count: width - safe.count)
    }

    public static func planTable(_ rows: [PlanSummary], catalog c: Catalog) -> String {
        guard !rows.isEmpty else { return c(.noPlans) + "\n" }
        var out = cell(c(.planNumber), 6) + " " + cell(c(.child), 22) + " " + cell(c.field(.personalNumber), 13) + " "
            + cell(c.field(.status), 12) + " " + cell(c(.lead), 26) + " " + cell(c(.nextDate), 11) + "\n"
        for row in rows {
            out += cell(String(row.id), 6) + " " + cell(row.childName, 22) + " "
                + cell(row.personalNumberMasked ?? "-", 13) + " " + cell(c.status(row.status), 12) + " "
                + cell(row.leadAgency ?? "-", 26) + " " + cell(row.nextDate?.iso ?? "-", 10)
                + (row.overdue ? "  " + c(.overdue) : "") + "\n"
        }
        return out
    }

    public static func deviationTable(_ rows: [DeviationSummary], catalog c: Catalog) -> String {
        guard !rows.isEmpty else { return c(.noDeviations) + "\n" }
        var out = cell("#", 5) + " " + cell(c.field(.occurredOn), 10) + " " + cell(c(.kind), 28) + " "
            + cell(c(.concerning), 24) + " " + cell(c.field(.status), 11) + " " + cell(c(.responseDue), 11) + "\n"
        for row in rows {
            out += cell(String(row.id), 5) + " " + cell(row.occurredOn.iso, 10) + " " + cell(row.kindName, 28) + " "
                + cell(row.concernedAgency, 24) + " " + cell(c.deviationStatus(row.status), 11) + " "
                + cell(row.responseDue.iso, 10) + (row.overdue ? "  " + c(.overdue) : "") + "\n"
        }
        return out
    }

    /// The whole plan as readable text, section by section.
    public static func planText(_ d: PlanDocument, catalog c: Catalog) -> String {
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        func value(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            let safe = TerminalText.safe(text, keepNewlines: true).replacingOccurrences(of: "\n", with: "\n    ")
            line("  \(label): \(safe)")
        }
        func heading(_ text: String) { line(); line(text); line(String(repeating: "-", count: text.count)) }

        let p = d.plan
        line("\(c(.planNumber)) \(p.id): \(TerminalText.safe(d.child.name))  [\(c.status(p.status))]"
             + (p.overdue ? "  \(c(.overdue))" : ""))
        value(c(.group), p.busGroup)
        value(c.field(.requestDate), p.requestDate.iso)
        value(c.field(.initiatorPerson), [c.initiator(p.initiator.kind), p.initiator.agency, p.initiator.person]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "))
        value(c.field(.coordinator), p.coordinator)

        heading(c(.child))
        value(c.field(.name), d.child.name)
        value(c.field(.personalNumber), d.child.personalNumber?.formatted)
        value(c(.birthDate), d.child.birthDate.iso)
        value(c(.child_sex), c.sex(d.child.sex))
        for (title, people) in [(c(.guardians), d.guardians), (c(.relatives), d.relatives)] where !people.isEmpty {
            line("  \(title):")
            for m in people {
                line("    " + TerminalText.safe([m.name, m.relation, m.phone, m.email, m.address]
                    .filter { !$0.isEmpty }.joined(separator: ", ")))
            }
        }

        heading(c(.consent))
        line("  " + (d.consentValid ? c(.consentValid) : c(.consentMissing)))
        for consent in d.consents {
            let who = consent.givenByChild ? c(.givenByChild) : (consent.givenBy ?? "?")
            let withdrawn = consent.withdrawnOn.map { "  \(c(.consentWithdrawn)) \($0.iso)" } ?? ""
            line("  - " + TerminalText.safe(who) + ": \(c(.validFromTo)) \(consent.validFrom.iso)–"
                 + "\(consent.validTo?.iso ?? "")\(withdrawn)")
            line("    \(c(.covers)): " + TerminalText.safe(consent.agencies.joined(separator: ", ")))
            value("  " + c.field(.information), consent.information)
        }

        heading(c.field(.questions))
        value(c.field(.reason), p.reason)
        value(c.field(.questions), p.questions)
        value(c.field(.currentSituation), p.currentSituation)
        value(c.field(.childView), p.childView)
        value(c.field(.childGoals), p.childGoals)
        value(c.field(.longTermGoals), p.longTermGoals)
        value(c.field(.shortTermGoals), p.shortTermGoals)
        value(c.field(.familyOwnActions), p.familyOwnActions)

        heading(c(.participants))
        for participant in d.participants {
            line("  - " + TerminalText.safe([participant.person, participant.role, participant.agency ?? ""]
                .filter { !$0.isEmpty }.joined(separator: ", ")))
        }

        heading(c(.interventions))
        for i in d.interventions {
            line("  - " + TerminalText.safe(i.what) + (i.overdue ? "  \(c(.overdue))" : ""))
            line("    " + TerminalText.safe("\(i.agency) (\(i.principal)), \(i.person), \(i.frequency)"))
            line("    \(i.startDate.iso)–\(i.dueDate.iso), \(c.interventionStatus(i.status))")
            value("  " + c.field(.comment), i.comment)
        }

        heading(c(.legalPoints))
        line("  " + c(.legalNeeds))
        for need in d.legal.needs { line("    - " + TerminalText.safe(need)) }
        let whats = Dictionary(uniqueKeysWithValues: d.interventions.map { ($0.id, $0.what) })
        for (title, groups) in [(c(.legalByPrincipal), d.legal.interventionsByPrincipal),
                                (c(.legalByOthers), d.legal.measuresByOthers)] {
            line("  " + title)
            if groups.isEmpty { line("    " + c(.none)) }
            for group in groups {
                line("    " + TerminalText.safe(group.principal) + ":")
                for id in group.interventionIds { line("      - " + TerminalText.safe(whats[id] ?? "")) }
            }
        }
        line("  " + c(.legalOverall))
        if let r = d.legal.overallResponsibility {
            line("    " + TerminalText.safe([r.principal, r.agency, r.person].filter { !$0.isEmpty }
                .joined(separator: ", ")))
        } else {
            line("    " + c(.none))
        }
        line("  \(c(.follow)): \(p.followUpDate?.iso ?? "-")"
             + (p.followUpCaller.isEmpty ? "" : ", " + TerminalText.safe(p.followUpCaller)))

        heading(c(.meetings))
        for m in d.meetings {
            line("  - \(c.meetingKind(m.kind)) \(m.startsAt), \(m.durationMinutes) min, " + TerminalText.safe(m.place))
            for a in m.attendance where a.status != .present {
                line("    " + TerminalText.safe(a.person) + ": " + c.attendance(a.status))
            }
        }

        if !d.deviations.isEmpty {
            heading(c(.deviations))
            for dev in d.deviations {
                line("  - \(dev.occurredOn.iso) " + TerminalText.safe("\(dev.kind), \(dev.concernedAgency)")
                     + ": \(c.deviationStatus(dev.status))")
            }
        }

        heading(c(.history))
        for h in d.history {
            line("  \(h.at) \(h.from.map(c.status) ?? "-") → \(c.status(h.to)) (" + TerminalText.safe(h.by) + ")"
                 + (h.note.isEmpty ? "" : ": " + TerminalText.safe(h.note)))
        }
        return out
    }
}
