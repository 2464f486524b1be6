import SIPModel
import SIPWidgets

/// Every section of one plan, readable at 80x24 by scrolling. The focused line carries the cursor.
public struct PlanDetailScreen: AppScreen, Equatable, Sendable {
    public enum Action: Hashable, Sendable {
        case up, down, pageUp, pageDown, first, last, edit, back
        case meeting, interventions, consent, withdrawConsent, schedule, invitation, export, copy, close, undo
        case family, participant, deviation, maturity, correctChild, editFamily, editParticipant, handOver
        case send, reopen, changeMeeting
        // Issue 17: goals, a need nobody has taken on, languages and interpreters, the discharge plan.
        case goal, need, language, discharge
    }

    public let planId: Int64
    /// The plan as last read; nil until it is.
    public private(set) var document: PlanDocument?
    public private(set) var lines: [ReportLine] = []
    /// The "kallelse ej besvarad" deviations offered (a reply-by date passed): shown at the top,
    /// registered only when the user saves the form `r` opens with the first one filled in.
    public private(set) var offers: [DeviationDraft] = []
    /// The offers as shown: what is offered, then each organisation's line.
    private var offerLines: [String] = []
    /// The focused line (wrapped lines, as drawn).
    public private(set) var list = ListState()
    public var focus: Int { list.selected }
    /// The lines wrapped to the last width drawn: wrapping a whole plan is most of the work of a
    /// frame, and a key that only moves the focus does not change it.
    private var wrapped = Wrapped<VisualLine>()

    struct VisualLine: Equatable, Sendable {
        var text: String
        var indent: Int
        var role: StyleRole
    }

    public init(planId: Int64) {
        self.planId = planId
    }

    public enum Loaded: Sendable {
        case document(PlanDocument)
        /// Undo answered: whether there was a change of this session's to take back.
        case undone(Bool)
        case offers([DeviationDraft])
        /// Who the kallelse would go to: asked about before anything is sent.
        case dispatch(KallelseDispatch)
        /// What the sendmail command made of each recipient's mail.
        case sent([MailOutcome])
    }

    /// Shown, or back on top: the plan as it is now (what was saved above shows).
    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let id = planId
        return [
            .query { session in .document(try session.store.planDocument(id)) },
            // An offer that cannot be read is no offer; the plan still shows.
            .query { session in .offers((try? session.store.offeredDeviations(planId: id)) ?? []) },
        ]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        switch message {
        case .key(let key):
            return handle(key, viewport: env.viewport)
        case .loaded(.document(let document)):
            reload(document, catalog: env.catalog)
        case .loaded(.offers(let offers)):
            self.offers = offers
            offerLines =
                offers.isEmpty
                ? [] : [env.catalog(.offeredDeviation)] + offers.map { "  " + TerminalText.safe($0.description) }
            wrapped = Wrapped()
        case .loaded(.dispatch(let dispatch)):
            return confirmSending(dispatch, env.catalog)
        case .confirmed(.sendKallelse(let plan, let meeting, _)) where plan == planId:
            return [
                .mutation { session in
                    let store = session.store
                    return .sent(
                        try store.sendKallelse(
                            planId: plan, meetingId: meeting, catalog: session.catalog, mailer: try store.sendmail()
                        ).outcomes)
                }
            ]
        case .saved(.sent(let outcomes)):
            let failed = outcomes.filter { $0.failure != nil }
            let line = (failed.first ?? outcomes.first).map {
                env.catalog.mailOutcome($0.recipient, failure: $0.failure)
            }
            let summary = "\(outcomes.count - failed.count)/\(outcomes.count). " + (line ?? "")
            return load(env) + [.status(summary, isError: !failed.isEmpty)]
        case .saved(.undone(let undone)):
            guard undone else { return [.status(env.catalog.ui(.nothingToUndo), isError: false)] }
            return load(env) + [.status(env.catalog.ui(.undone), isError: false)]
        case .unreadable(let error):
            // A plan that cannot be read is not shown at all.
            if document == nil { return [.dismiss, .error(error)] }
            // No longer the user's to see (handed over to another organisation): it is not shown either.
            if case SIPError.planNotPermitted = error { return [.pop, .error(error)] }
            return [.error(error)]
        case .refused(let error):
            return [.error(error)]
        case .loaded, .saved, .confirmed, .declined, .notice, .resized, .text:
            break
        }
        return []
    }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        ("\(env.catalog(.planNumber)) \(planId): \(document?.child.name ?? "")", position(viewport: env.viewport))
    }

    public static let keys = KeyTable<Action>(
        "plan",
        [
            KeyBinding([.character("e"), .enter], .edit, .edit, hint: true),
            KeyBinding([.character("m")], .meeting, .meetingMode, hint: true),
            KeyBinding([.character("i")], .interventions, .interventions, hint: true),
            KeyBinding([.character("b")], .schedule, .scheduleMeeting, hint: true),
            KeyBinding([.character("B")], .changeMeeting, .changeMeeting),
            KeyBinding([.character("u")], .undo, .undo, hint: true),
            KeyBinding([.escape, .character("q")], .back, .back, hint: true),
            KeyBinding([.character("c")], .consent, .addConsent),
            KeyBinding([.character("w")], .withdrawConsent, .withdrawConsent),
            KeyBinding([.character("M")], .maturity, .recordMaturity),
            KeyBinding([.character("v")], .invitation, .showInvitation),
            KeyBinding([.character("x")], .export, .exportPlan),
            KeyBinding([.character("l")], .copy, .copyGiven),
            KeyBinding([.character("a")], .close, .closePlan),
            KeyBinding([.character("f")], .family, .addFamilyMember),
            KeyBinding([.character("d")], .participant, .inviteAgency),
            KeyBinding([.character("r")], .deviation, .newDeviation),
            KeyBinding([.character("K")], .correctChild, .correctChild),
            KeyBinding([.character("F")], .editFamily, .editFamilyMember),
            KeyBinding([.character("D")], .editParticipant, .editParticipant),
            KeyBinding([.character("H")], .handOver, .handOverPlan),
            KeyBinding([.character("s")], .send, .sendKallelse),
            KeyBinding([.character("o")], .reopen, .reopenPlan),
            KeyBinding([.character("T")], .goal, .keyGoal),
            KeyBinding([.character("N")], .need, .keyNeed),
            KeyBinding([.character("L")], .language, .keyLanguage),
            KeyBinding([.character("U")], .discharge, .keyDischarge),
            KeyBinding([.up, .character("k")], .up, .up),
            KeyBinding([.down, .character("j")], .down, .down),
            KeyBinding([.pageUp], .pageUp, .pageUp),
            KeyBinding([.pageDown, .character(" ")], .pageDown, .pageDown),
            KeyBinding([.home, .character("g")], .first, .first),
            KeyBinding([.end, .character("G")], .last, .last),
        ])

    public var keys: KeyTable<Action> { Self.keys }

    public mutating func reload(_ document: PlanDocument, catalog: Catalog) {
        self.document = document
        lines = TextReports.planLines(document, catalog: catalog)
        wrapped = Wrapped()
    }

    /// The lines at `width`, from the cache when it holds that width.
    func visualLines(width: Int) -> [VisualLine] {
        wrapped.width == width ? wrapped.lines : wrap(width: width)
    }

    private mutating func cachedLines(width: Int) -> [VisualLine] {
        if wrapped.width != width { wrapped = Wrapped(width: width, lines: wrap(width: width)) }
        return wrapped.lines
    }

    /// A closed plan takes no new meeting and no kallelse: said at once, before any form opens.
    private var closedRefusal: [Command<Loaded>]? {
        document?.plan.status == .closed ? [.error(SIPError.planClosed(planId))] : nil
    }

    /// The question before sending: who gets the kallelse (and who cannot, having no address).
    private func confirmSending(_ dispatch: KallelseDispatch, _ c: Catalog) -> [Command<Loaded>] {
        guard !dispatch.pending.isEmpty else {
            if dispatch.sent.isEmpty { return [.error(SIPError.noMailRecipients)] }
            return [.status(c(.nothingToSend), isError: false)]
        }
        var question =
            c(.sendQuestion) + " " + dispatch.pending.map { "\($0.address) (\($0.agency))" }.joined(separator: ", ")
        if dispatch.method == .request { question += ". \(c(.replyByLabel)) \(dispatch.replyBy.iso)" }
        if !dispatch.withoutAddress.isEmpty {
            question +=
                ". " + c(.kallelseWithoutAddress) + " " + dispatch.withoutAddress.map(\.agency).joined(separator: ", ")
        }
        return [
            .confirm(
                .sendKallelse(
                    planId: dispatch.planId, meetingId: dispatch.meetingId, question: TerminalText.safe(question + "?"))
            )
        ]
    }

    /// Report lines wrapped to the width, each visual line with its indent and role.
    private func wrap(width: Int) -> [VisualLine] {
        var out: [VisualLine] = []
        for line in offerLines {
            let indent = line.prefix { $0 == " " }.count
            for (n, part) in DisplayWidth.wrap(String(line.dropFirst(indent)), width: max(8, width - indent - 3))
                .enumerated()
            {
                out.append(VisualLine(text: part, indent: indent + (n > 0 ? 2 : 0), role: .warning))
            }
        }
        for line in lines {
            let role: StyleRole =
                switch line.kind {
                case .title: .label
                case .heading: .header
                case .warning: .warning
                case .body: .normal
                }
            if line.kind == .heading { out.append(VisualLine(text: "", indent: 0, role: .normal)) }
            let indent = min(line.indent, max(0, width / 4))
            // Continuation lines sit two columns further in: wrap to the narrower of the two.
            let wrapped = DisplayWidth.wrap(line.text, width: max(8, width - indent - 3))
            for (n, part) in wrapped.enumerated() {
                out.append(VisualLine(text: part, indent: indent + (n > 0 ? 2 : 0), role: role))
            }
        }
        return out
    }

    mutating func handle(_ key: Key, viewport: Viewport) -> [Command<Loaded>] {
        guard let action = Self.keys.action(for: key) else { return [] }
        let count = cachedLines(width: viewport.width).count
        let page = max(1, viewport.height - 1)
        switch action {
        case .up: list.move(by: -1, count: count)
        case .down: list.move(by: 1, count: count)
        // A page key turns the page: the view moves with the focus, as in a pager.
        case .pageUp: list.page(by: -page, count: count)
        case .pageDown: list.page(by: page, count: count)
        case .first: list.move(by: -count, count: count)
        case .last: list.move(by: count, count: count)
        case .edit: return [.push(FormScreen(PlanEditForm(planId: planId)))]
        case .back: return [.pop]
        case .meeting: return [.push(MeetingScreen(planId: planId))]
        case .interventions: return [.push(InterventionsScreen(planId: planId))]
        case .consent: return [.push(FormScreen(RecordConsentForm(planId: planId)))]
        case .withdrawConsent: return [.push(FormScreen(WithdrawConsentForm(planId: planId)))]
        case .maturity: return [.push(FormScreen(MaturityAssessmentForm(planId: planId)))]
        case .schedule:
            if let refusal = closedRefusal { return refusal }
            return [.push(FormScreen(MeetingForm(planId: planId)))]
        case .changeMeeting: return [.push(FormScreen(ChangeMeetingForm(planId: planId)))]
        case .send:
            if let refusal = closedRefusal { return refusal }
            let id = planId
            return [.query { session in .dispatch(try session.store.kallelseDispatch(planId: id)) }]
        case .reopen:
            guard document?.plan.status == .closed else { return [.error(SIPError.planNotClosed(planId))] }
            return [.push(FormScreen(ReopenForm(planId: planId)))]
        case .invitation: return [.push(TextViewScreen.invitation(planId: planId))]
        case .export: return [.push(FormScreen(ExportForm(planId: planId)))]
        case .copy: return [.push(FormScreen(CopyForm(planId: planId)))]
        case .close: return [.push(FormScreen(CloseForm(planId: planId)))]
        case .undo:
            let id = planId
            return [.mutation { session in .undone(try session.undoLast(planId: id)) }]
        case .family: return [.push(FormScreen(FamilyMemberForm(planId: planId)))]
        case .participant: return [.push(FormScreen(ParticipantForm(planId: planId)))]
        case .deviation: return [.push(FormScreen(DeviationForm(planId: planId, offer: offers.first)))]
        case .correctChild: return [.push(FormScreen(ChildCorrectionForm(planId: planId)))]
        case .editFamily: return [.push(FormScreen(FamilyMemberEditForm(planId: planId)))]
        case .editParticipant: return [.push(FormScreen(ParticipantEditForm(planId: planId)))]
        case .handOver: return [.push(FormScreen(HandOverForm(planId: planId)))]
        case .goal: return [.push(FormScreen(GoalForm(planId: planId)))]
        case .need: return [.push(FormScreen(NeedForm(planId: planId)))]
        case .language: return [.push(FormScreen(LanguageForm(planId: planId)))]
        case .discharge: return [.push(FormScreen(DischargeForm(planId: planId)))]
        }
        return []
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport
        let visual = cachedLines(width: viewport.width)
        list.clamp(count: visual.count)
        ListView.draw(
            into: &grid, top: viewport.top, height: viewport.height, width: viewport.width,
            count: visual.count, state: &list,
            cursorColumn: visual.isEmpty ? 0 : visual[list.selected].indent
        ) { grid, index, y, focused in
            let line = visual[index]
            grid.put(
                line.text, row: y, column: line.indent, maxWidth: viewport.width - line.indent,
                role: focused ? .selected : line.role)
        }
    }

    /// "12/80": where in the plan the reader is.
    public func position(viewport: Viewport) -> String {
        "\(focus + 1)/\(visualLines(width: viewport.width).count)"
    }
}
