import SIPModel
import SIPWidgets

/// The register's lists (administrators): organisations with their principal and groups beside the
/// name, BUS groups with their area and chair, contact persons with their function, organisation
/// and deputy. Filtered as typed (`TextMatch`: case and diacritics folded); retired records are
/// marked and hidden until shown. Adding, changing and retiring go through the model, audited.
public struct RegisterListScreen: AppScreen {
    public enum Kind: Equatable, Sendable {
        case organisations, groups
        /// Every contact person, or those of one organisation.
        case contacts(agencyId: Int64?)
    }

    public enum Action: Hashable, Sendable {
        case up, down, pageUp, pageDown, first, last, edit, add, retire, toggleRetired, contacts
        case filter, applyFilter, clearFilter, back
    }

    /// One record as listed: its cells in the kind's columns, and what the filter looks in.
    public struct Row: Equatable, Sendable {
        public var id: Int64
        public var cells: [String]
        public var retired: Bool
    }

    public enum Loaded: Sendable {
        case rows([Row], title: String)
        case retired
    }

    public let kind: Kind
    public private(set) var all: [Row] = []
    /// The rows shown: the filter's matches, retired ones only when asked for.
    public private(set) var rows: [Row] = []
    public private(set) var showRetired = false
    public private(set) var filter = TextInput()
    public private(set) var filtering = false
    private var list = ListState()
    private var selectedId: Int64?
    private var heading = ""
    /// The record the retire question is about.
    private var retiring: Row?

    public init(_ kind: Kind) { self.kind = kind }

    public var selected: Row? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }

    /// The filter line names `/` and `v`, so the hint bar has room for the rest.
    static let browseKeys = KeyTable<Action>("register", [
        KeyBinding([.enter, .character("e")], .edit, .edit, hint: true),
        KeyBinding([.character("n")], .add, .newRecord, hint: true),
        KeyBinding([.character("r")], .retire, .retireRecord, hint: true),
        KeyBinding([.character("c")], .contacts, .contactPersons, hint: true),
        KeyBinding([.escape, .character("q")], .back, .back, hint: true),
        KeyBinding([.character("/")], .filter, .filter),
        KeyBinding([.character("v")], .toggleRetired, .toggleRetired),
    ] + ListKeys.bindings(Action.init(listMove:)))

    /// While the filter is typed, letters are text; the arrows and pages still move.
    static let filterKeys = KeyTable<Action>("register-filter", typing: true, [
        KeyBinding([.enter], .applyFilter, .applyFilter, hint: true),
        KeyBinding([.escape], .clearFilter, .clearFilter, hint: true),
    ] + ListKeys.bindings(Action.init(listMove:), typing: true))

    public var keys: KeyTable<Action> {
        if filtering { return Self.filterKeys }
        guard kind == .organisations else {
            return KeyTable(Self.browseKeys.name, Self.browseKeys.defaultBindings.filter { $0.action != .contacts })
        }
        return Self.browseKeys
    }

    public var isTyping: Bool { filtering }

    public func title(_ env: ScreenEnvironment) -> (left: String, right: String) {
        (heading, rows.count == all.count ? "\(all.count)" : "\(rows.count)/\(all.count)")
    }

    // MARK: The loop

    public mutating func load(_ env: ScreenEnvironment) -> [Command<Loaded>] {
        let kind = kind
        return [.query { session in try Self.read(kind, session) }]
    }

    public mutating func update(_ message: Message<Loaded>, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        let c = env.catalog
        switch message {
        case .key(let key):
            return handle(key, env)
        case .text(let text):
            guard filtering else { return text.flatMap { handle(.character($0), env) } }
            filter.insert(contentsOf: text)
            refilter()
        case .loaded(.rows(let rows, let title)):
            heading = title
            all = rows
            refilter()
        case .saved(.retired):
            return [.status(c.ui(.retiredDone), isError: false)] + load(env)
        case .confirmed(.removeRecord):
            guard let row = retiring else { return [] }
            retiring = nil
            let kind = kind
            return [
                .mutation { session in
                    switch kind {
                    case .organisations: try session.store.retireAgency(row.id)
                    case .groups: try session.store.retireBusGroup(row.id)
                    case .contacts: try session.store.retireContact(row.id)
                    }
                    return .retired
                }
            ]
        case .declined(.removeRecord):
            retiring = nil
            return [.status(c.ui(.notRetired), isError: false)]
        case .unreadable(let error):
            return [.dismiss, .error(error)]
        case .refused(let error):
            return [.error(error)]
        case .loaded, .saved, .confirmed, .declined, .notice, .resized:
            break
        }
        return []
    }

    mutating func handle(_ key: Key, _ env: ScreenEnvironment) -> [Command<Loaded>] {
        guard let action = keys.action(for: key) else {
            if filtering, filter.handle(key) == .edited { refilter() }
            return []
        }
        let page = max(1, env.viewport.height - 2)
        switch action {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: list.page(by: -page, count: rows.count)
        case .pageDown: list.page(by: page, count: rows.count)
        case .first: move(by: -rows.count)
        case .last: move(by: rows.count)
        case .filter: filtering = true
        case .applyFilter: filtering = false
        case .clearFilter:
            filtering = false
            filter = TextInput()
            refilter()
        case .back: return [.pop]
        case .toggleRetired:
            showRetired.toggle()
            refilter()
        case .add:
            switch kind {
            case .organisations: return [.push(FormScreen(OrganisationForm()))]
            case .groups: return [.push(FormScreen(BusGroupForm()))]
            case .contacts(let agencyId): return [.push(FormScreen(ContactForm(agencyId: agencyId)))]
            }
        case .edit:
            guard let row = selected else { return [] }
            switch kind {
            case .organisations: return [.push(FormScreen(OrganisationForm(agencyId: row.id)))]
            case .groups: return [.push(FormScreen(BusGroupForm(groupId: row.id)))]
            case .contacts: return [.push(FormScreen(ContactForm(contactId: row.id)))]
            }
        case .contacts:
            guard let row = selected else { return [] }
            return [.push(RegisterListScreen(.contacts(agencyId: row.id)))]
        case .retire:
            guard let row = selected else { return [] }
            if row.retired { return [.status(env.catalog.ui(.alreadyRetired), isError: false)] }
            retiring = row
            let question: Catalog.UIText =
                switch kind {
                case .organisations: .retireOrganisationQuestion
                case .groups: .retireGroupQuestion
                case .contacts: .retireContactQuestion
                }
            return [.confirm(.removeRecord(question: env.catalog.ui(question) + " " + row.cells[0]))]
        }
        if let row = selected { selectedId = row.id }
        return []
    }

    private mutating func move(by delta: Int) {
        list.move(by: delta, count: rows.count)
        selectedId = selected?.id
    }

    /// The rows shown again after the filter, the records or the retired toggle changed; the
    /// selection stays on the same record while it is shown.
    private mutating func refilter() {
        let match = TextMatch(filter.text)
        rows = all.filter { (showRetired || !$0.retired) && (match.isEmpty || $0.cells.contains(where: match.finds)) }
        list.selected = rows.firstIndex { $0.id == selectedId } ?? min(list.selected, max(0, rows.count - 1))
        list.clamp(count: rows.count)
        selectedId = selected?.id
    }

    // MARK: Reading

    /// The kind's records as rows, and the title they go under.
    static func read(_ kind: Kind, _ session: Session) throws -> Loaded {
        let c = session.catalog
        let listing = try session.store.registerListing()
        let groupNames = Dictionary(listing.groups.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let agencies = Dictionary(
            listing.organisations.map { ($0.agency.id!, $0.agency) }, uniquingKeysWith: { a, _ in a })
        switch kind {
        case .organisations:
            let rows = listing.organisations.map { o in
                let groups =
                    o.groupIds.isEmpty
                    ? c.ui(.servesAllGroups)
                    : o.groupIds.compactMap { groupNames[$0] }
                        .joined(separator: ", ")
                return Row(
                    id: o.agency.id!, cells: [o.agency.name, o.agency.principalName, groups],
                    retired: o.agency.retiredOn != nil)
            }
            return .rows(rows, title: c.ui(.organisations))
        case .groups:
            let rows = listing.groups.map {
                Row(id: $0.id!, cells: [$0.name, $0.area, $0.chair], retired: $0.retiredOn != nil)
            }
            return .rows(rows, title: c.ui(.busGroups))
        case .contacts(let agencyId):
            let names = Dictionary(listing.contacts.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
            let rows = listing.contacts.filter { agencyId == nil || $0.agencyId == agencyId }.map {
                Row(
                    id: $0.id!,
                    cells: [
                        $0.name, $0.role, agencies[$0.agencyId]?.name ?? "", $0.deputyId.flatMap { names[$0] } ?? "",
                    ],
                    retired: $0.retiredOn != nil)
            }
            let title = c.ui(.contactPersons) + (agencyId.flatMap { agencies[$0] }.map { " – " + $0.name } ?? "")
            return .rows(rows, title: title)
        }
    }

    // MARK: Rendering

    var headers: [Catalog.UIText] {
        switch kind {
        case .organisations: [.columnName, .columnPrincipal, .columnGroups]
        case .groups: [.columnName, .columnArea, .columnChair]
        case .contacts: [.columnName, .columnFunction, .columnOrganisation, .columnDeputy]
        }
    }

    /// The columns' widths in `width`: the name gets the most room, the rest share what is left.
    static func widths(_ count: Int, width: Int) -> [Int] {
        let room = max(count * 4, width - count)
        let shares = count == 3 ? [40, 25, 35] : [27, 20, 30, 23]
        var widths = shares.map { room * $0 / 100 }
        widths[count - 1] += room - widths.reduce(0, +)
        return widths
    }

    public mutating func render(into grid: inout Grid, _ env: ScreenEnvironment) {
        let viewport = env.viewport, c = env.catalog
        var y = viewport.top
        let prompt = c.ui(.filterPrompt) + (filtering ? ": " : " (/): ")
        grid.put(prompt, row: y, column: 0, role: .label)
        let room = max(1, viewport.width / 2)
        let shown = FormScreen.tail(of: filter.text, width: room - 1)
        grid.put(
            shown, row: y, column: DisplayWidth.of(prompt), maxWidth: room, role: filtering ? .fieldFocused : .normal)
        let state = c.ui(showRetired ? .retiredShown : .retiredHidden) + " (v)"
        let stateColumn = max(DisplayWidth.of(prompt) + room + 1, viewport.width - DisplayWidth.of(state))
        grid.put(state, row: y, column: stateColumn, maxWidth: viewport.width - stateColumn, role: .dim)
        let filterCursor = Position(
            row: y, column: min(viewport.width - 1, DisplayWidth.of(prompt) + DisplayWidth.of(shown)))
        y += 1
        // A retired record is marked in words, before its name: readable without colour.
        let mark = DisplayWidth.of(c.registerStatus(retired: true)) + 3
        let marks = showRetired && all.contains(where: \.retired)
        let widths = Self.widths(headers.count, width: viewport.width - (marks ? mark : 0))
        var x = marks ? mark : 0
        for (header, width) in zip(headers, widths) {
            grid.put(c.ui(header), row: y, column: x, maxWidth: width, role: .header)
            x += width + 1
        }
        y += 1
        let height = viewport.height - 2
        guard !rows.isEmpty else {
            let text = c.ui(all.isEmpty ? .noRecords : .noRecordMatches)
            if height > 1 { grid.put(text, row: y + 1, column: 1, maxWidth: viewport.width - 2) }
            grid.cursor = filtering ? filterCursor : Position(row: y, column: 0)
            return
        }
        let rows = rows
        ListView.draw(
            into: &grid, top: y, height: height, width: viewport.width, count: rows.count, state: &list
        ) { grid, index, row, selected in
            let record = rows[index]
            let role: StyleRole = selected ? .selected : record.retired ? .dim : .normal
            var x = 0
            if marks {
                if record.retired {
                    grid.put("(" + c.registerStatus(retired: true) + ")", row: row, column: 0, role: role)
                }
                x = mark
            }
            for (cell, width) in zip(record.cells, widths) {
                grid.put(cell, row: row, column: x, maxWidth: width, role: role)
                x += width + 1
            }
        }
        if filtering { grid.cursor = filterCursor }
    }
}

extension RegisterListScreen.Action: ListMoveActions {}
