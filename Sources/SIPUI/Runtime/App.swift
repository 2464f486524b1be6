import Foundation
import SIPModel

/// One screen on the stack.
public enum Screen: Equatable, Sendable {
    case list(PlanListScreen)
    case detail(PlanDetailScreen)
    case form(FormScreen)
    case meeting(MeetingScreen)
    case interventions(InterventionsScreen)
    case viewer(TextViewScreen)
    case review(ReviewScreen)
    case deviations(DeviationsScreen)
    case spider(SpiderScreen)
}

/// What covers the screen for a moment.
public enum Overlay: Equatable, Sendable {
    case help
    /// The form has unsaved changes and the user asked to leave it.
    case confirmLeave
    /// A deliberate yes is needed (leaving meeting mode, finishing the meeting).
    case confirm(Confirmation)
}

/// One change this session made, and how to take it back.
enum UndoEntry: Equatable, Sendable {
    case plan(before: Plan, afterVersion: Int)
    case intervention(before: Intervention, after: Intervention)

    var planId: Int64 {
        switch self {
        case .plan(let before, _): return before.id!
        case .intervention(let before, _): return before.planId
        }
    }
}

/// The whole terminal application without a terminal: keys in, frames out. The backend feeds it
/// keys and the terminal size and draws what `render()` returns; tests do the same in memory.
public final class App {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public let store: Store
    public let catalog: Catalog
    public internal(set) var stack: [Screen]
    public internal(set) var overlay: Overlay?
    public internal(set) var message: (text: String, isError: Bool)?
    public internal(set) var isFinished = false
    public internal(set) var width: Int
    public internal(set) var height: Int
    private var redrawRequested = false
    var undoStack: [UndoEntry] = []
    /// Where the export form suggests writing the plan: the working directory unless told otherwise.
    public var exportDirectory = FileManager.default.currentDirectoryPath

    public init(store: Store, catalog: Catalog, width: Int = 80, height: Int = 24) {
        self.store = store
        self.catalog = catalog
        self.width = width
        self.height = height
        stack = [.list(PlanListScreen())]
        start()
    }

    /// The first screen follows the role: a coordinator's plans, a chair's review, an
    /// administrator's users. Not signed in (the library used directly): the plan list.
    private func start() {
        let access = store.access
        switch access?.role {
        case .busChair?:
            let groups = (try? store.busGroups()) ?? []
            let own = access?.reviewGroupId.map { id in groups.filter { $0.id == id } } ?? groups
            stack = [.review(ReviewScreen(groups: own, today: store.context.today, chairStart: true))]
            if case .review(let screen) = top { perform(screen.query) }
        case .administrator?:
            stack = [.viewer(TextViewScreen(title: catalog.ui(.administration), text: administrationText(), isStart: true))]
        case .coordinator?, nil:
            var list = PlanListScreen()
            list.offersReview = access == nil
            stack = [.list(list)]
            perform(.query(list.query))
        }
    }

    /// An administrator's start screen: the users and the settings, and the commands that change them.
    private func administrationText() -> String {
        var text = catalog.ui(.administrationIntro) + "\n\n"
        if let users = try? store.users(), let agencies = try? store.allAgencies(), let groups = try? store.busGroups() {
            text += TextReports.userTable(users, agencies: agencies, groups: groups, catalog: catalog, width: width - 1) + "\n"
        }
        if let deadlines = try? store.deadlines() {
            text += Deadlines.names.map { "\($0)=\(deadlines[$0]!)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var top: Screen { stack[stack.count - 1] }

    /// True once after Ctrl-L: the backend repaints the whole terminal.
    public func takeRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }

    public func resize(width: Int, height: Int) {
        let widthChanged = max(0, width) != self.width
        self.width = max(0, width)
        self.height = max(0, height)
        // The administrator's user table is laid out in columns for the width.
        if widthChanged, store.access?.role == .administrator, case .viewer(let start) = stack[0], start.isStart {
            stack[0] = .viewer(TextViewScreen(title: start.title, text: administrationText(), isStart: true))
        }
    }

    var bodyViewport: Viewport {
        Viewport(width: width, height: max(0, height - 2 - (message == nil ? 0 : 1)), top: 1)
    }

    /// Letters are text here (a form, the filter): `?` and `q` must not act as commands.
    var isTyping: Bool {
        switch top {
        case .list(let list): return list.isTyping
        case .form: return true
        case .meeting(let meeting): return !meeting.isAttendance
        case .detail, .interventions, .viewer, .review, .deviations, .spider: return false
        }
    }

    // MARK: Keys

    public func handle(_ key: Key) {
        if key == .resize { return }
        if isTooSmall {
            // Only q: Esc means "back" everywhere else and must not end the session by surprise.
            if key == .character("q") { quit() }
            return
        }
        message = nil
        if let overlay {
            handle(key, overlay: overlay)
            return
        }
        switch GlobalKeys.table(typing: isTyping).action(for: key) {
        case .help?:
            overlay = .help
            return
        case .redraw?:
            redrawRequested = true
            return
        case nil:
            break
        }
        let viewport = bodyViewport
        let effects: [Effect]
        switch top {
        case .list(var list):
            effects = list.handle(key, viewport: viewport)
            replaceTop(.list(list))
        case .detail(var detail):
            effects = detail.handle(key, viewport: viewport)
            replaceTop(.detail(detail))
        case .form(var form):
            effects = form.handle(key, viewport: viewport, catalog: catalog, today: store.context.today)
            replaceTop(.form(form))
        case .meeting(var meeting):
            effects = meeting.handle(key, viewport: viewport)
            replaceTop(.meeting(meeting))
        case .interventions(var list):
            effects = list.handle(key, viewport: viewport)
            replaceTop(.interventions(list))
        case .viewer(var viewer):
            effects = viewer.handle(key, viewport: viewport)
            replaceTop(.viewer(viewer))
        case .review(var review):
            effects = review.handle(key, viewport: viewport)
            replaceTop(.review(review))
        case .deviations(var register):
            effects = register.handle(key, viewport: viewport)
            replaceTop(.deviations(register))
        case .spider(var spider):
            effects = spider.handle(key, viewport: viewport)
            replaceTop(.spider(spider))
        }
        effects.forEach(perform)
    }

    private func handle(_ key: Key, overlay: Overlay) {
        switch overlay {
        case .help:
            self.overlay = nil
        case .confirmLeave:
            switch key {
            case .character(let c) where c == Character(catalog.ui(.yesKeys)) || c == "y" || c == "j":
                self.overlay = nil
                guard case .form(var form) = top else { return }
                let effects = form.save(catalog: catalog, today: store.context.today)
                replaceTop(.form(form))
                effects.forEach(perform)
            case .character("n"):
                self.overlay = nil
                if case .form(let form) = top, form.keepsDraft { try? store.deleteDraft(planId: form.planId) }
                pop()
            case .escape:
                self.overlay = nil
            default:
                break
            }
        case .confirm(let confirmation):
            switch key {
            case .character(let c) where c == Character(catalog.ui(.yesKeys)) || c == "y" || c == "j":
                self.overlay = nil
                confirmed(confirmation)
            case .character("n"), .escape:
                self.overlay = nil
            default:
                break
            }
        }
    }

    private func confirmed(_ confirmation: Confirmation) {
        switch confirmation {
        case .leaveMeeting:
            pop()
        case .closeDeviation(let id):
            perform(.deviationStatus(id, .closed))
        case .finishMeeting(let meetingId):
            do {
                try store.finishMeeting(meetingId, minutes: "")
                message = (catalog.ui(.meetingFinished), false)
                refreshMeeting()
            } catch let error as SIPError {
                show(error)
            } catch {
                message = (String(describing: error), true)
            }
        }
    }

    func replaceTop(_ screen: Screen) { stack[stack.count - 1] = screen }

    // MARK: Effects

    func perform(_ effect: Effect) {
        do {
            switch effect {
            case .query(let filter):
                guard case .list(var list) = stack[0] else { return }
                let page = try store.planPage(filter)
                let databaseIsEmpty = try page.total == 0 && store.planCount() == 0
                list.receive(page.rows, total: page.total, offset: filter.offset, databaseIsEmpty: databaseIsEmpty)
                stack[0] = .list(list)
            case .openPlan(let id):
                stack.append(.detail(PlanDetailScreen(document: try store.planDocument(id), catalog: catalog)))
            case .editPlan(let id):
                stack.append(.form(try editForm(for: try store.plan(id))))
            case .newPlan:
                stack.append(.form(try createForm()))
            case .savePlan(let plan, _):
                try save(plan)
            case .createPlan(let input):
                try create(input)
            case .back:
                if case .form(let form) = top, form.isDirty {
                    overlay = .confirmLeave
                } else {
                    // Leaving a form with nothing to keep also drops a draft it was opened with.
                    if case .form(let form) = top, form.keepsDraft { try? store.deleteDraft(planId: form.planId) }
                    pop()
                }
            case .quit:
                quit()
            case .showHelp:
                overlay = .help
            case .redraw:
                redrawRequested = true
            case .message(let text, let isError):
                message = (text, isError)
            case .submit(let mode, let values):
                try submit(mode, values)
            case .openForm(let request):
                stack.append(.form(try form(for: request)))
            case .openMeeting(let planId):
                stack.append(.meeting(try meetingScreen(planId: planId)))
            case .openInterventions(let planId):
                stack.append(.interventions(try interventionsScreen(planId: planId)))
            case .showInvitation(let planId):
                let document = try store.planDocument(planId)
                let text = try Invitation(document: document, zone: store.context.timeZone).text()
                stack.append(.viewer(TextViewScreen(title: catalog.ui(.showInvitation) + " – \(catalog(.planNumber)) \(planId)",
                                                    text: text)))
            case .undo(let planId):
                try undo(planId: planId)
            case .updateIntervention(let intervention):
                // The row as the list showed it: if someone changed it since, nothing is written.
                guard case .interventions(let list) = top,
                      let shown = list.rows.first(where: { $0.id == intervention.id }) else { return }
                defer { refreshInterventions() }
                let saved = try store.updateIntervention(intervention, expecting: shown)
                undoStack.append(.intervention(before: shown, after: saved))
                message = (catalog.ui(.saved), false)
            case .attendance(let meetingId, let participantId, let status):
                try store.recordAttendance(meetingId: meetingId, participantId: participantId, status: status)
            case .answer(let participantId, let answer):
                try store.setAnswer(participantId: participantId, answer)
            case .saveNotes(let itemId, let notes):
                try store.saveAgendaNotes(itemId: itemId, notes: notes)
                if case .meeting(var meeting) = top {
                    meeting.notesSaved(itemId: itemId, notes: notes)
                    replaceTop(.meeting(meeting))
                }
                // An earlier failure in this batch stays on screen.
                if message?.isError != true { message = (catalog.ui(.saved), false) }
            case .registerDeviation(let meetingId, let participantId):
                let status = try store.attendance(meetingId: meetingId)[participantId]
                guard status?.warrantsDeviation == true else {
                    message = (catalog.ui(.deviationNotNeeded), true)
                    return
                }
                let draft = try store.deviationDraft(meetingId: meetingId, participantId: participantId)
                let deviation = try store.registerDeviation(draft)
                message = ("\(catalog.ui(.deviationRegistered)) (\(deviation.id!)): \(draft.description)", false)
            case .confirm(let confirmation):
                overlay = .confirm(confirmation)
            case .openReview:
                stack.append(.review(ReviewScreen(groups: try store.busGroups(), today: store.context.today)))
                if case .review(let screen) = top { perform(screen.query) }
            case .loadReview(let groupId, let from, let to):
                guard case .review(var screen) = top else { return }
                // Counted only: the ids behind a figure are fetched when it is opened.
                screen.receive(try store.review(groupId: groupId, from: from, to: to, withIds: false), catalog: catalog)
                replaceTop(.review(screen))
            case .showTrends(let groupId, let to):
                let trends = try store.trends(groupId: groupId, to: to)
                let group = try groupId.map { id in try store.busGroups().first { $0.id == id }?.name ?? "" } ?? catalog.ui(.allGroups)
                stack.append(.viewer(TextViewScreen(title: "\(catalog.ui(.trends)) · \(group)",
                                                    text: trends.text(catalog: catalog, width: max(30, width - 4)))))
            case .openDeviations:
                stack.append(.deviations(DeviationsScreen(rows: try store.deviationSummaries())))
            case .showDeviation(let id):
                stack.append(.viewer(TextViewScreen(title: "\(catalog.entityName(.deviation)) \(id)",
                                                    text: try deviationText(id))))
            case .closeDeviation(let id):
                overlay = .confirm(.closeDeviation(id))
            case .deviationStatus(let id, let status):
                defer { refreshDeviations() }
                try store.changeDeviationStatus(id, to: status)
                message = (catalog.ui(.saved), false)
            case .escalateDeviation(let id, let level):
                defer { refreshDeviations() }
                try store.escalateDeviation(id, to: level)
                message = ("\(catalog.ui(.escalationLevel)): \(catalog.escalation(level))", false)
            case .openSpider(let groupId):
                guard let groupId, let group = try store.busGroups().first(where: { $0.id == groupId }) else {
                    message = (catalog.ui(.chooseGroupFirst), true)
                    return
                }
                stack.append(.spider(SpiderScreen(groupId: groupId, groupName: group.name, dimensions: try store.spiderDimensions(),
                                                  measurements: try store.selfAssessments(groupId: groupId))))
            case .showReviewList(let figure, let title):
                guard case .review(let screen) = top, let review = screen.review else { return }
                // The screen was counted without ids: collect them now, for the figure opened only.
                let ids = try store.reviewIds(figure, groupId: screen.groupId, from: review.from, to: review.to)
                let lines = try store.reviewList(figure.lists, ids: ids, on: screen.dates.to, catalog: catalog)
                stack.append(.viewer(TextViewScreen(title: title, text: lines.isEmpty ? "–" : lines.joined(separator: "\n"))))
            }
        } catch let error as SIPError {
            show(error)
        } catch is NoMeeting {
            message = (catalog.ui(.noMeeting), true)
        } catch {
            message = (String(describing: error), true)
        }
    }

    func show(_ error: SIPError) {
        message = (catalog.message(error), true)
    }

    private func save(_ plan: Plan) throws {
        guard case .form(var form) = top else { return }
        do {
            let before = try store.plan(plan.id!)
            let saved = try store.updatePlan(plan)
            undoStack.append(.plan(before: before, afterVersion: saved.version))
            try? store.deleteDraft(planId: plan.id)
            pop()
            message = (catalog.ui(.saved), false)
        } catch SIPError.conflict(let conflict) {
            form.receive(conflict: conflict)
            replaceTop(.form(form))
            message = (catalog.message(.conflict(conflict)), true)
        } catch let error as SIPError {
            if let field = error.field, form.mark(field.rawValue, catalog.message(error)) {
                replaceTop(.form(form))
                message = (catalog.ui(.mustFixFields), true)
            } else {
                throw error
            }
        }
    }

    private func create(_ input: NewPlanInput) throws {
        guard case .form(var form) = top else { return }
        do {
            let groupName = form.values["busGroupName"]
            let plan = try store.createPlan(
                childName: input.childName, personalNumber: input.personalNumber, birthDate: input.birthDate,
                sex: input.sex, busGroupId: groupName == nil ? input.busGroupId : nil, newBusGroupName: groupName,
                initiatorKind: input.initiator, requestDate: Day(iso: input.requestDate) ?? store.context.today,
                reason: input.reason, questions: input.questions)
            try? store.deleteDraft(planId: nil)
            stack.removeLast()
            if case .list(var list) = stack[0] {
                list.select(plan.id!)
                stack[0] = .list(list)
                perform(.query(list.query))
            }
            perform(.openPlan(plan.id!))
            message = (catalog.ui(.created), false)
        } catch let error as SIPError {
            let key = error.field.map { $0 == .name ? "childName" : $0 == .groupName ? "busGroupName" : $0.rawValue }
            if let key, form.mark(key, catalog.message(error)) {
                replaceTop(.form(form))
                message = (catalog.ui(.mustFixFields), true)
            } else {
                throw error
            }
        }
    }

    /// Leaves the top screen; what is below is refreshed so it shows what was saved.
    func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        switch top {
        case .list(let list):
            perform(.query(list.query))
        case .detail(var detail):
            if let document = try? store.planDocument(detail.planId) {
                detail.reload(document, catalog: catalog)
                replaceTop(.detail(detail))
            }
        case .meeting:
            refreshMeeting()
        case .interventions:
            refreshInterventions()
        case .deviations:
            refreshDeviations()
        case .spider(var spider):
            if let measurements = try? store.selfAssessments(groupId: spider.groupId) {
                spider.reload(measurements)
                replaceTop(.spider(spider))
            }
        case .form, .viewer, .review:
            break
        }
    }

    private func quit() {
        preserveUnsavedWork()
        isFinished = true
    }

    /// Keeps whatever is typed and unsaved: a plan form as a draft (with the version it was based
    /// on), meeting notes straight into the meeting. Called on quit, signals and terminal loss.
    public func preserveUnsavedWork() {
        for screen in stack {
            switch screen {
            case .form(let form) where form.isDirty && form.keepsDraft:
                var fields = form.values
                if case .edit(let plan) = form.mode {
                    // What the typing started from, so a later restore can merge three ways.
                    // A form already in conflict keeps the version its typing started from.
                    fields[Self.draftVersionKey] = String(form.conflict?.mine.version ?? plan.version)
                    for field in form.fields { fields[Self.draftBasePrefix + field.key] = field.original }
                }
                try? store.saveDraft(planId: form.planId, fields: fields)
            case .meeting(let meeting):
                for unsaved in meeting.unsavedNotes { try? store.saveAgendaNotes(itemId: unsaved.itemId, notes: unsaved.notes) }
            default:
                break
            }
        }
    }

    /// The draft field holding the plan version the draft was typed against.
    static let draftVersionKey = "__version"
    /// Draft fields holding each value as it was when the typing started.
    static let draftBasePrefix = "__base."

    // MARK: Forms

    func editForm(for plan: Plan) throws -> FormScreen {
        let c = catalog
        var fields: [FormField] = [
            .reason, .questions, .currentSituation, .childView, .childGoals, .longTermGoals, .shortTermGoals,
            .familyOwnActions,
        ].map { FormField(key: $0.rawValue, label: c.field($0), text: plan.text(of: $0), multiline: true) }
        var agencies = try store.agencies(forGroup: plan.busGroupId)
        // The current lead may belong to another group: it must stay a choice, or saving would clear it.
        if let lead = plan.leadAgencyId, !agencies.contains(where: { $0.id == lead }) {
            agencies.append(try store.agency(lead))
        }
        let choices = [FormField.Choice(id: "", label: c.ui(.noneChoice))]
            + agencies.map { FormField.Choice(id: String($0.id!), label: $0.name) }
        fields.append(FormField(key: "leadAgencyId", label: c.field(.leadAgency), choices: choices,
                                selected: plan.leadAgencyId.map(String.init) ?? ""))
        fields += [Field.leadPerson, .coordinator, .followUpDate, .followUpCaller].map {
            FormField(key: $0.rawValue, label: c.field($0), text: plan.text(of: $0))
        }
        let child = try store.read { db in try Child.fetchOne(db, key: plan.childId) }
        var form = FormScreen(mode: .edit(plan), fields: fields,
                                  title: "\(c.ui(.editPlanTitle)) \(plan.id!): \(child?.name ?? "")")
        try restoreDraft(into: &form)
        return form
    }

    func createForm() throws -> FormScreen {
        let c = catalog
        let groups = try store.busGroups()
        var fields = [
            FormField(key: "childName", label: c.ui(.childName), text: ""),
            FormField(key: "personalNumber", label: c.ui(.childNumber), text: ""),
            FormField(key: "birthDate", label: c.field(.birthDate), text: ""),
            FormField(key: "sex", label: c.ui(.sex), choices: Sex.allCases.map { .init(id: $0.rawValue, label: c.sex($0)) },
                      selected: Sex.unknown.rawValue),
        ]
        if groups.isEmpty {
            fields.append(FormField(key: "busGroupName", label: c.ui(.busGroup), text: ""))
        } else {
            fields.append(FormField(key: "busGroupId", label: c.ui(.busGroup),
                                    choices: groups.map { .init(id: String($0.id!), label: $0.name) },
                                    selected: String(groups[0].id!)))
        }
        fields += [
            FormField(key: "initiator", label: c.ui(.initiator),
                      choices: InitiatorKind.allCases.map { .init(id: $0.rawValue, label: c.initiator($0)) },
                      selected: InitiatorKind.guardian.rawValue),
            FormField(key: "requestDate", label: c.ui(.requestDate), text: store.context.today.iso),
            FormField(key: "reason", label: c.field(.reason), text: "", multiline: true),
            FormField(key: "questions", label: c.field(.questions), text: "", multiline: true),
        ]
        var form = FormScreen(mode: .create, fields: fields, title: c.ui(.newPlanTitle))
        try restoreDraft(into: &form)
        return form
    }

    /// Puts a kept draft back into the form. If the plan was saved by someone since the draft was
    /// typed, the form opens in conflict: their values beside the draft's, nothing overwritten.
    private func restoreDraft(into form: inout FormScreen) throws {
        guard form.keepsDraft, let draft = try store.draft(planId: form.planId) else { return }
        var fields = draft.fields
        let baseVersion = fields.removeValue(forKey: Self.draftVersionKey).flatMap(Int.init)
        // Only what the user changed comes back; fields they did not touch show what is saved now.
        var typed: [String: String] = [:]
        for (key, value) in fields where !key.hasPrefix(Self.draftBasePrefix) {
            if fields[Self.draftBasePrefix + key] != value { typed[key] = value }
        }
        form.restore(typed)
        // A typed field remembers what it was typed over, so only real disagreements are marked.
        for key in typed.keys { if let base = fields[Self.draftBasePrefix + key] { form.setOriginal(key, base) } }
        let time = LocalTimeText.short(draft.savedAt, store.context.timeZone)
        message = ("\(catalog.ui(.draftRestored)) \(time).", false)
        if case .edit(let current) = form.mode, let baseVersion, baseVersion != current.version {
            var base = current
            base.version = baseVersion
            form.receive(conflict: PlanConflict(mine: base, theirs: current))
        }
    }

    // MARK: Rendering

    public func render() -> Grid {
        var grid = Grid(width: width, height: height)
        guard width > 0, height > 0 else { return grid }
        if isTooSmall {
            renderTooSmall(&grid)
            return grid
        }
        let viewport = bodyViewport
        let title: (String, String)
        var hints: [(keys: String, text: String)]
        switch top {
        case .list(var list):
            list.render(into: &grid, viewport: viewport, catalog: catalog)
            replaceTop(.list(list))
            title = ("sip-tui", (list.totalIsCapped ? catalog.ui(.atLeast) + " " : "") + catalog.plans(list.total))
            hints = list.keys.hints(catalog)
        case .detail(var detail):
            detail.render(into: &grid, viewport: viewport)
            replaceTop(.detail(detail))
            title = ("\(catalog(.planNumber)) \(detail.planId): \(detail.document.child.name)", detail.position(viewport: viewport))
            hints = PlanDetailScreen.keys.hints(catalog)
        case .form(var form):
            form.render(into: &grid, viewport: viewport, catalog: catalog)
            replaceTop(.form(form))
            title = (form.title, "")
            hints = FormScreen.keys.hints(catalog)
        case .meeting(let meeting):
            meeting.render(into: &grid, viewport: viewport, catalog: catalog)
            title = (meeting.title, meeting.position)
            hints = meeting.keys.hints(catalog)
        case .interventions(var list):
            list.render(into: &grid, viewport: viewport, catalog: catalog)
            replaceTop(.interventions(list))
            title = (list.title, "")
            hints = InterventionsScreen.keys.hints(catalog)
        case .viewer(var viewer):
            viewer.render(into: &grid, viewport: viewport)
            replaceTop(.viewer(viewer))
            title = (viewer.title, "")
            hints = viewer.keys.hints(catalog)
        case .review(var review):
            review.render(into: &grid, viewport: viewport, catalog: catalog)
            replaceTop(.review(review))
            let period = switch review.period {
            case .last12Months: catalog.ui(.periodLast12)
            case .thisYear: catalog.ui(.periodThisYear)
            case .lastYear: catalog.ui(.periodLastYear)
            }
            // The group and the dates matter most: the richest title that fits, the period's name
            // going first, then the screen's; only then is the group's name cut.
            let dates = "\(review.dates.from.iso)–\(review.dates.to.iso)"
            let group = review.groupIndex == nil ? catalog.ui(.allGroups) : review.title
            let named = "\(catalog.ui(.review)) · \(group)"
            let choices = [(named, "\(period) \(dates)"), (named, dates), (group, dates)]
            title = choices.first { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) + 3 <= width } ?? (group, dates)
            hints = review.keys.hints(catalog)
        case .deviations(var register):
            register.render(into: &grid, viewport: viewport, catalog: catalog)
            replaceTop(.deviations(register))
            title = (catalog.ui(.deviationRegister), "\(register.rows.count)")
            hints = DeviationsScreen.keys.hints(catalog)
        case .spider(let spider):
            spider.render(into: &grid, viewport: viewport, catalog: catalog)
            title = ("\(catalog.ui(.selfAssessment)) · \(spider.groupName)", "")
            hints = SpiderScreen.keys.hints(catalog)
        }
        // Help first: it must never be the hint that does not fit.
        hints = GlobalKeys.table(typing: isTyping).hints(catalog) + hints
        Chrome.titleBar(&grid, left: title.0, right: title.1)
        Chrome.hintBar(&grid, hints: hints)
        if let message {
            grid.fill(row: height - 2, column: 0, count: width, role: .normal)
            grid.put(message.text, row: height - 2, column: 0, maxWidth: width, role: message.isError ? .error : .label)
        }
        switch overlay {
        case .help?: renderHelp(&grid)
        case .confirmLeave?: renderDialog(&grid, [catalog.ui(.unsavedQuestion), "",
                                                   "\(catalog.ui(.yesKeys))  \(catalog.ui(.save))",
                                                   "n  \(catalog.ui(.discard))", "Esc  \(catalog.ui(.keepEditing))"])
        case .confirm(let confirmation)?:
            let question = switch confirmation {
            case .leaveMeeting: catalog.ui(.leaveMeetingQuestion)
            case .finishMeeting: catalog.ui(.finishMeetingQuestion)
            case .closeDeviation: catalog.ui(.closeDeviationQuestion)
            }
            renderDialog(&grid, [question, "", "\(catalog.ui(.yesKeys))  \(catalog(.yes))", "n  \(catalog(.no))"])
        case nil: break
        }
        return grid
    }

    /// Every key of the current screen, then the global ones: generated from the live tables.
    public var helpEntries: [(keys: String, text: String)] {
        let screen: [(keys: String, text: String)] = switch top {
        case .list(let list): list.keys.help(catalog)
        case .detail: PlanDetailScreen.keys.help(catalog)
        case .form: FormScreen.keys.help(catalog)
        case .meeting(let meeting): meeting.keys.help(catalog)
        case .interventions: InterventionsScreen.keys.help(catalog)
        case .viewer(let viewer): viewer.keys.help(catalog)
        case .review(let review): review.keys.help(catalog)
        case .deviations: DeviationsScreen.keys.help(catalog)
        case .spider: SpiderScreen.keys.help(catalog)
        }
        return screen + GlobalKeys.table(typing: isTyping).help(catalog)
    }

    /// The keys of the screen in a box, in as many columns as it takes to show every one.
    private func renderHelp(_ grid: inout Grid) {
        let entries = helpEntries
        let rowsAvailable = max(1, height - 4)
        let columns = max(1, (entries.count + rowsAvailable - 1) / rowsAvailable)
        let perColumn = (entries.count + columns - 1) / columns
        let keyWidth = min(12, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let textWidth = entries.map { DisplayWidth.of($0.text) }.max() ?? 0
        let columnWidth = min((width - 2) / columns, keyWidth + 2 + textWidth + 2)
        let boxWidth = min(width - 2, max(30, columnWidth * columns + 2))
        let boxHeight = min(height - 2, perColumn + 2)
        let left = (width - boxWidth) / 2
        let topRow = max(1, (height - boxHeight) / 2)
        for r in 0..<boxHeight { grid.fill(row: topRow + r, column: left, count: boxWidth, role: .dialog) }
        grid.put(" " + catalog.ui(.helpTitle) + " (Esc)", row: topRow, column: left, maxWidth: boxWidth, role: .dialog)
        for (n, entry) in entries.enumerated() {
            let row = topRow + 1 + n % perColumn
            let x = left + 1 + (n / perColumn) * columnWidth
            guard row < topRow + boxHeight - 1 else { continue }
            grid.put(entry.keys, row: row, column: x + 1, maxWidth: keyWidth, role: .dialog)
            grid.put(entry.text, row: row, column: x + 2 + keyWidth, maxWidth: max(1, columnWidth - keyWidth - 3), role: .dialog)
        }
        grid.cursor = Position(row: topRow, column: left + 1)
    }

    private func renderDialog(_ grid: inout Grid, _ lines: [String]) {
        let boxWidth = min(width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let left = (width - boxWidth) / 2
        let topRow = max(1, (height - lines.count - 2) / 2)
        for r in 0..<(lines.count + 2) { grid.fill(row: topRow + r, column: left, count: boxWidth, role: .dialog) }
        for (n, line) in lines.enumerated() {
            grid.put(line, row: topRow + 1 + n, column: left + 2, maxWidth: boxWidth - 3, role: .dialog)
        }
        grid.cursor = Position(row: topRow + 1, column: left + 2)
    }

    private func renderTooSmall(_ grid: inout Grid) {
        let lines = [catalog.ui(.tooSmall), "\(width)x\(height) < \(Self.minimumWidth)x\(Self.minimumHeight)",
                     "q \(catalog.ui(.quit))"]
        for (n, line) in lines.enumerated() where n < height {
            grid.put(line, row: n, column: 0, maxWidth: width, role: n == 0 ? .warning : .normal)
        }
        grid.cursor = Position(row: 0, column: 0)
    }
}

/// Short local time for messages: "14:05" today, else "2026-03-16 14:05".
enum LocalTimeText {
    static func short(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
