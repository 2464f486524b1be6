import Foundation
import SIPDomain
import SIPText

extension Invitation {
    /// The e-mail to one invited organisation's person: plan number, time, place or link, the
    /// question in general terms and the reply-by date, with the .ics attached. No child's name,
    /// personal number or address, and no family member's name: a mailbox is read by many.
    func mail(
        to address: String, from: String?, dispatch: KallelseDispatch, catalog c: Catalog, now: Date,
        participantId: Int64, answers: [Int64: InvitationAnswer]
    ) -> MailMessage {
        let cancel = dispatch.method == .cancel
        let subject =
            cancel ? c(.mailCancelSubject) : dispatch.sequence > 0 ? c(.mailUpdateSubject) : c(.mailRequestSubject)
        let place = mailPlace
        let link = Self.uri(meeting.videoLink)
        func line(_ label: Catalog.Text, _ value: String) -> String { "\(c(label)): \(value)" }
        var lines = [cancel ? c(.mailCancelled) : c(.mailGreeting), ""]
        lines.append(line(.mailPlan, String(document.plan.id)))
        lines.append(
            line(.mailTime, "\(local(start, "EEEE d MMMM yyyy")) \(local(start, "HH:mm"))–\(local(end, "HH:mm"))"))
        lines.append(
            line(
                .mailPlace,
                place.isEmpty ? (meeting.place.isEmpty ? "–" : c(.mailPlaceGiven)) : TerminalText.safe(place)))
        if let link { lines.append(line(.mailLink, link)) }
        if !cancel {
            lines.append(line(.mailReplyBy, dispatch.replyBy.iso))
            lines += ["", "\(c(.mailQuestion)) \(c(.mailNoDetails))", "", c(.mailReply)]
        }
        lines += [c(.mailAttached), "", line(.mailCoordinator, TerminalText.safe(document.plan.coordinator))]
        // Replies go to the organiser: the configured sender when there is one, never a guess.
        let organizer = from.map { "mailto:" + $0 } ?? "urn:sip-tui:user:\(document.plan.coordinator)"
        let stamp = Int(now.timeIntervalSince1970)
        return MailMessage(
            from: from, to: address, subject: String(format: subject, document.plan.id),
            body: lines.joined(separator: "\n") + "\n",
            calendar: (
                ics(
                    organizer: organizer, now: now, method: dispatch.method, sequence: dispatch.sequence, forMail: true,
                    answers: answers),
                dispatch.method
            ),
            date: now,
            messageId: "sip-\(document.plan.id)-\(meeting.id)-\(dispatch.sequence)-\(participantId)-\(stamp)@sip-tui")
    }

    /// The family's kallelse as a letter to print: the invitation text (data/kallelse.txt, or the
    /// language's own, kallelse.en.txt) as an
    /// A4 page with a print stylesheet.
    public func letterHTML() throws -> String {
        let h = PlanExport.htmlEscaped
        let paragraphs = try text().components(separatedBy: "\n\n").map {
            $0.trimmingCharacters(in: .newlines)
        }.filter { !$0.isEmpty }
        let title = paragraphs.first ?? ""
        var out = """
            <!DOCTYPE html>
            <html lang="\(catalog.language.rawValue)"><head><meta charset="utf-8"><title>\(h(title))</title>
            <style>
            body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.45; max-width: 40em; margin: 2em auto; color: #000; }
            h1 { font-size: 17pt; margin-bottom: 1.2em; } p { margin: 0 0 1em 0; } .details { white-space: pre-wrap; font-family: inherit; }
            @page { size: A4; margin: 25mm 20mm; }
            @media print { body { margin: 0; max-width: none; } p { break-inside: avoid; } }
            </style></head><body>
            <h1>\(h(title))</h1>

            """
        for paragraph in paragraphs.dropFirst() {
            out += "<p class=\"details\">\(h(paragraph))</p>\n"
        }
        return out + "</body></html>\n"
    }
}
