import Foundation
import GRDB
import SIPModel

/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same demo.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// What `sip-tui demo` made.
public struct DemoSummary: Sendable, Equatable {
    public var groups = 0, agencies = 0, children = 0, plans = 0, meetings = 0, interventions = 0, deviations = 0
}

/// Fills an empty database with fictional, varied plans: every status, overdue follow-ups and
/// interventions, absences, deviations of every kind. Dates are relative to the session's today.
public struct DemoGenerator: Sendable {
    struct Words: Sendable {
        var girls, boys, surnames, places, reasons, questions: [String]
        var groups: [(name: String, municipality: String)]
        var goals: [String: [String]]
        var interventions: [(kind: String, what: String, frequency: String)]

        static func load() throws -> Words {
            func lines(_ name: String) throws -> [String] {
                try DataFile.rows("demo/" + name, columns: 1).map { $0[0] }
            }
            var goals: [String: [String]] = [:]
            for row in try DataFile.rows("demo/goals.txt", columns: 2) { goals[row[0], default: []].append(row[1]) }
            return Words(
                girls: try lines("girls.txt"), boys: try lines("boys.txt"), surnames: try lines("surnames.txt"),
                places: try lines("places.txt"), reasons: try lines("reasons.txt"),
                questions: try lines("questions.txt"),
                groups: try DataFile.rows("demo/groups.txt", columns: 2).map { ($0[0], $0[1]) },
                goals: goals,
                interventions: try DataFile.rows("demo/interventions.tsv", columns: 3).map { ($0[0], $0[1], $0[2]) })
        }
    }

    /// One BUS group's organisations, by kind.
    struct Area: Sendable {
        var groupId: Int64
        var agencies: [String: [Agency]]
    }

    /// Plans written per transaction: a national demo commits as it goes, so its write-ahead log
    /// and memory stay the size of one batch, not of the whole database.
    public static let batchSize = 50_000

    /// Fills the empty database with `planCount` plans. A demo of up to `batch` plans is one
    /// transaction; a larger one commits every `batch` plans (the same data either way), and a
    /// failure part-way leaves the batches before it (counted in the review's tallies).
    public static func run(store: Store, plans planCount: Int, seed: UInt64, batch: Int = batchSize) throws
        -> DemoSummary
    {
        let words = try Words.load()
        let context = store.context
        let planCount = max(0, planCount), batch = max(1, batch)
        var generator = DemoGenerator(
            words: words, rng: SeededRandom(seed: seed), today: context.today,
            zone: context.timeZone, user: context.user, now: context.now(),
            assessmentRng: SeededRandom(seed: seed &* 31 &+ 7),
            followUpRng: SeededRandom(seed: seed &* 131 &+ 17))
        // A county's demo touches every index page many times over: keep them in memory while it
        // runs (the default cache is 2 MB), then give the memory back.
        let cacheSize = try store.write { db in
            let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            return size
        }
        defer { try? store.write { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        var start = 0
        // A batch that fails leaves those before it: counted, as the last batch would have.
        do {
            repeat {
                let (from, end, before) = (start, min(planCount, start + batch), generator)
                // The generator goes into each transaction and comes out with its state moved on.
                generator = try store.write { db in
                    var generator = before
                    if from == 0 {
                        if try Plan.fetchCount(db) > 0 { throw SIPError.databaseNotEmpty }
                        // The register an area would import comes first, through the same import; the demo
                        // then adds the groups and organisations its scale needs, reusing a register's
                        // record by name.
                        _ = try store.importRegister(db, path: try DataFile.registerPath())
                    }
                    try ReviewTally.uncounted(db) {
                        if from == 0 { try generator.prepare(db, planCount: planCount) }
                        try generator.plans(db, from..<end)
                    }
                    if end == planCount {
                        // Counted once, from every batch's rows. The count's sorts take as much memory
                        // as the page cache allows: the default again, so the demo's memory does not
                        // grow with the county (the rows are in the kernel's page cache anyway).
                        try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                        try ReviewTally.fill(db)
                        try store.audit(db, .demo, detail: "plans=\(planCount) seed=\(seed)")
                        try DemoGenerator.makeCoordinator(db, login: context.user, now: context.now())
                    }
                    return generator
                }
                start = end
            } while start < planCount
        } catch {
            if start > 0 { try? store.write { db in try ReviewTally.fill(db) } }
            throw error
        }
        if store.access != nil { try store.signIn() }
        // A county's demo leaves half a gigabyte of WAL behind otherwise.
        try store.checkpoint()
        return generator.summary
    }

    /// The demo's user coordinates every demo plan, so a newcomer sees the whole demo.
    static func makeCoordinator(_ db: Database, login: String, now: Date) throws {
        if var user = try AppUser.fetchOne(db, key: login) {
            user.role = .coordinator
            user.allPlans = true
            try user.update(db)
        } else {
            try AppUser(
                login: login, name: Store.displayName(login), role: .coordinator, agencyId: nil, busGroupId: nil,
                allPlans: true, addedAt: now, addedBy: login
            ).insert(db)
        }
    }

    var words: Words
    var rng: SeededRandom
    let today: Day
    let zone: TimeZone
    let user: String
    let now: Date
    /// Self-assessments draw from their own sequence, so adding them changed no other demo data.
    var assessmentRng: SeededRandom
    /// The follow-up meetings held between the first and the latest, and what they agreed: their
    /// own sequence too, so adding them changed no other demo data.
    var followUpRng: SeededRandom
    var summary = DemoSummary()
    /// The groups the plans are spread over, and the deviation kinds they draw from (`prepare`).
    var areas: [Area] = []
    var deviationKinds: [String] = []
    /// Each agency's contact person: the one who represents it at the table.
    var contactNames: [Int64: String] = [:]
    var deviationKindCursor = 0
    /// The mötescirkel every demo meeting follows, read once.
    var agenda: [AgendaTemplateItem] = []

    /// The groups, organisations and self-assessments the plans are made in.
    mutating func prepare(_ db: Database, planCount: Int) throws {
        deviationKinds = try String.fetchAll(db, sql: "SELECT code FROM deviationKind ORDER BY code")
        agenda = try AgendaTemplateItem.order(AgendaTemplateItem.Columns.position).fetchAll(db)
        let groupCount = min(33, max(2, planCount / 8))
        let shared = try sharedAgencies(db)
        areas = []
        for index in 0..<groupCount {
            areas.append(try area(db, index: index, shared: shared))
        }
        // Two self-assessments per group, half a year apart, to compare.
        let dimensions = try String.fetchAll(db, sql: "SELECT code FROM spiderDimension ORDER BY position")
        for area in areas {
            for day in [today.adding(days: -200), today.adding(days: -20)] {
                for dimension in dimensions {
                    try db.execute(
                        sql: """
                            INSERT INTO selfAssessment (busGroupId, measuredOn, dimension, score, recordedBy) VALUES (?, ?, ?, ?, ?)
                            """, arguments: [area.groupId, day, dimension, assessmentRng.int(1...5), user])
                }
            }
        }
    }

    /// The plans numbered `indices` (from 0), in the areas `prepare` made.
    mutating func plans(_ db: Database, _ indices: Range<Int>) throws {
        let statuses = PlanStatus.allCases
        for index in indices {
            let area = areas[index % areas.count]
            // Cycle the statuses first so a small demo still has every one; then weight towards active.
            let status =
                index < statuses.count * 2
                ? statuses[index % statuses.count]
                : rng.pick([.draft, .invited, .active, .active, .active, .followUpDue, .closed, .closed])
            try makePlan(db, area: area, status: status, index: index, deviationKinds: deviationKinds)
        }
    }

    // MARK: Organisations

    mutating func sharedAgencies(_ db: Database) throws -> [String: [Agency]] {
        var result: [String: [Agency]] = [:]
        result["forsakringskassan"] = [
            try agency(
                db, kind: "forsakringskassan", principal: .state,
                principalName: "Försäkringskassan", name: "Försäkringskassan", group: nil)
        ]
        return result
    }

    mutating func area(_ db: Database, index: Int, shared: [String: [Agency]]) throws -> Area {
        let base = words.groups[index % words.groups.count]
        let place = words.places[index % words.places.count]
        let groupName = index < words.groups.count ? base.name : "Lokal BUS \(place) \(index + 1)"
        let municipality = index < words.groups.count ? base.municipality : "\(place)s kommun \(index + 1)"
        let town = groupName.replacingOccurrences(of: "Lokal BUS ", with: "")
        var group =
            try BusGroup.filter(BusGroup.Columns.name == groupName).fetchOne(db) ?? BusGroup(name: groupName)
        if group.id == nil { try group.insert(db) }
        summary.groups += 1
        let region = "Region Storstad"
        var agencies = shared
        func add(_ kind: String, _ type: PrincipalType, _ principal: String, _ name: String) throws {
            agencies[kind, default: []].append(
                try agency(
                    db, kind: kind, principal: type, principalName: principal,
                    name: name, group: group.id))
        }
        let school2 = words.places[(index + 3) % words.places.count]
        try add("skola", .municipality, municipality, "\(place)skolan")
        try add("skola", .municipality, municipality, "\(school2)s skola")
        try add("skola", .privat, "Friskolan \(school2) AB", "Friskolan \(school2)")
        try add("forskola", .municipality, municipality, "Förskolan \(words.places[(index + 5) % words.places.count])")
        try add("elevhalsa", .municipality, municipality, "Elevhälsan \(town)")
        try add("socialtjanst", .municipality, municipality, "Socialtjänsten \(town), barn och unga")
        try add("lss", .municipality, municipality, "LSS-handläggning \(town)")
        try add("bup", .region, region, "BUP \(town)")
        try add("bumm", .region, region, "BUMM \(town)")
        try add("habilitering", .region, region, "Habiliteringen \(town)")
        try add("bvc", .region, region, "BVC \(place)")
        try add("primarvard", .region, region, "Vårdcentralen \(place)")
        try add("polis", .state, "Polismyndigheten", "Lokalpolisområde \(town)")
        return Area(groupId: group.id!, agencies: agencies)
    }

    mutating func agency(
        _ db: Database, kind: String, principal: PrincipalType, principalName: String, name: String,
        group: Int64?
    ) throws -> Agency {
        // An organisation of the register is used as it is, with the groups it serves.
        let registered = try Agency.filter(Agency.Columns.principalName == principalName && Agency.Columns.name == name)
            .fetchOne(db)
        var agency =
            registered
            ?? Agency(kind: kind, principalType: principal, principalName: principalName, name: name, busGroupId: group)
        if registered == nil { try agency.insert(db) }
        summary.agencies += 1
        var contact = ContactPerson(
            agencyId: agency.id!, name: adultName(), role: contactRole(kind),
            phone: fictionalPhone(), email: "")
        contact.email = email(for: contact.name)
        try contact.insert(db)
        contactNames[agency.id!] = contact.name
        return agency
    }

    func contactRole(_ kind: String) -> String {
        switch kind {
        case "skola", "forskola": return "Rektor"
        case "elevhalsa": return "Skolkurator"
        case "socialtjanst": return "Socialsekreterare"
        case "bup", "primarvard": return "Psykolog"
        case "bumm", "bvc": return "Sjuksköterska"
        case "habilitering": return "Arbetsterapeut"
        case "lss": return "LSS-handläggare"
        default: return "Handläggare"
        }
    }

    // MARK: People

    mutating func adultName() -> String {
        "\(rng.chance(50) ? rng.pick(words.girls) : rng.pick(words.boys)) \(rng.pick(words.surnames))"
    }

    /// PTS reserves 070-1740605 to 070-1740699 for fiction: no demo number can ring a real phone.
    mutating func fictionalPhone() -> String { String(format: "070-174 06 %02d", rng.int(5...99)) }

    func email(for name: String) -> String {
        let ascii =
            name.lowercased().applyingTransform(.toLatin, reverse: false)?
            .folding(options: .diacriticInsensitive, locale: nil) ?? name.lowercased()
        return ascii.replacingOccurrences(of: " ", with: ".") + "@example.org"
    }

    mutating func child(_ db: Database) throws -> Child {
        let sexRoll = rng.int(0...99)
        let sex: Sex = sexRoll < 47 ? .girl : sexRoll < 94 ? .boy : sexRoll < 97 ? .other : .unknown
        let first =
            sex == .girl
            ? rng.pick(words.girls)
            : sex == .boy
                ? rng.pick(words.boys)
                : rng.pick(words.girls + words.boys)
        let born = today.adding(days: -rng.int(200...(17 * 365 + 300)))
        var number: String?
        let numberRoll = rng.int(0...99)
        if numberRoll < 92 {
            for _ in 0..<20 {
                let candidate = PersonalNumber.make(
                    born: born, serial: rng.int(0...999), coordination: numberRoll >= 86)
                // Asked of the database's unique index, not kept in memory: a national demo's numbers
                // would be a million strings.
                if try !Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM child WHERE personalNumber = ?)",
                    arguments: [candidate.digits])!
                {
                    number = candidate.digits
                    break
                }
            }
        }
        var child = Child(
            name: "\(first) \(rng.pick(words.surnames))", personalNumber: number, birthDate: born, sex: sex)
        child.id = try db.insertRow(
            "INSERT INTO child (name, personalNumber, birthDate, sex) VALUES (?, ?, ?, ?)",
            [child.name, child.personalNumber, child.birthDate, child.sex])
        summary.children += 1
        return child
    }

    // MARK: Plans

    mutating func makePlan(_ db: Database, area: Area, status: PlanStatus, index: Int, deviationKinds: [String]) throws
    {
        let child = try child(db)
        let surname = String(child.name.split(separator: " ").last ?? "")
        var guardians: [FamilyMember] = []
        for n in 0..<(rng.chance(70) ? 2 : 1) {
            var g = FamilyMember(
                childId: child.id!, role: .guardian,
                name: "\(n == 0 ? rng.pick(words.girls) : rng.pick(words.boys)) \(surname)",
                relation: n == 0 ? "mamma" : "pappa", phone: fictionalPhone(), email: "",
                address: "\(rng.pick(words.places))vägen \(rng.int(1...60)), \(rng.int(100...199)) \(rng.int(10...99))",
                invited: true)
            g.email = email(for: g.name)
            g.id = try insert(db, g)
            guardians.append(g)
        }
        if rng.chance(25) {
            var r = FamilyMember(
                childId: child.id!, role: .relative, name: "\(rng.pick(words.girls)) \(rng.pick(words.surnames))",
                relation: "mormor", phone: fictionalPhone(), email: "", address: "", invited: true)
            r.id = try insert(db, r)
        }

        let age = child.birthDate.age(on: today)
        let schoolKind = age < 6 ? "forskola" : "skola"
        let careKind =
            age < 6 ? rng.pick(["bvc", "habilitering", "bumm"]) : rng.pick(["bup", "bup", "habilitering", "bumm"])
        var kinds = [schoolKind, "socialtjanst", careKind]
        if age >= 6 { kinds.append("elevhalsa") }
        if rng.chance(30) { kinds.append(rng.pick(["lss", "primarvard", "forsakringskassan", "polis"])) }
        let agencies = kinds.compactMap { area.agencies[$0].map { rng.pick($0) } }
        let lead = agencies[rng.chance(60) ? 1 : (agencies.count > 2 ? 2 : 0)]

        // How far along the plan is decides its dates.
        let started = today.adding(
            days:
                -(status == .draft
                ? rng.int(0...10)
                : status == .invited
                    ? rng.int(5...25)
                    : rng.int(40...400)))
        let followUp: Day? =
            switch status {
            case .draft, .invited: nil
            case .active: rng.chance(25) ? today.adding(days: -rng.int(1...40)) : today.adding(days: rng.int(10...120))
            case .followUpDue: today.adding(days: -rng.int(0...20))
            case .closed: min(today.adding(days: -1), started.adding(days: rng.int(90...200)))
            }
        let initiator = rng.pick([InitiatorKind.guardian, .agency, .agency, .child])
        var plan = Plan(
            id: nil, childId: child.id!, busGroupId: area.groupId, initiatorKind: initiator,
            initiatorAgencyId: initiator == .agency ? agencies[0].id : nil,
            initiatorPerson: initiator == .guardian
                ? guardians[0].name : initiator == .child ? child.name : adultName(),
            requestDate: started, reason: rng.pick(words.reasons), questions: rng.pick(words.questions),
            currentSituation: status == .draft ? "" : goal("situation"),
            childView: status == .draft ? "" : goal("child_view"),
            childGoals: status == .draft ? "" : goal("child_goal"),
            longTermGoals: status == .draft ? "" : goal("long_goal"),
            shortTermGoals: status == .draft ? "" : goal("short_goal"),
            familyOwnActions: status == .draft ? "" : goal("family"), leadAgencyId: status == .draft ? nil : lead.id,
            leadPerson: status == .draft ? "" : adultName(), outsideCoordinator: adultName(), status: status,
            closedReason: status == .closed
                ? rng.pick([
                    "Målen är uppnådda.", "Familjen har flyttat från kommunen.",
                    "Vårdnadshavarna återkallade samtycket.",
                ]) : nil,
            closedKind: status == .closed ? .completed : nil,
            followUpDate: followUp, followUpCaller: status == .draft ? "" : lead.name, version: 1,
            createdAt: date(started, hour: 8), updatedAt: date(started, hour: 8))
        plan.id = try db.insertRow(
            """
            INSERT INTO "plan" (childId, busGroupId, initiatorKind, initiatorAgencyId, initiatorPerson, requestDate, reason,
                questions, currentSituation, childView, childGoals, longTermGoals, shortTermGoals, familyOwnActions,
                leadAgencyId, leadPerson, outsideCoordinator, status, closedReason, closedKind, followUpDate, followUpCaller,
                version, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                plan.childId, plan.busGroupId, plan.initiatorKind, plan.initiatorAgencyId, plan.initiatorPerson,
                // The goals go in as items, below.
                plan.requestDate, plan.reason, plan.questions, plan.currentSituation, plan.childView, "", "", "",
                plan.familyOwnActions, plan.leadAgencyId, plan.leadPerson,
                plan.outsideCoordinator, plan.status, plan.closedReason, plan.closedKind?.rawValue, plan.followUpDate,
                plan.followUpCaller, plan.version, sqlDate(plan.createdAt), sqlDate(plan.updatedAt),
            ])
        summary.plans += 1
        let planId = plan.id!
        try history(db, planId: planId, status: status, started: started)
        // Goals are items (v19): the child's own, the long-term and the short-term goal.
        for (position, (kind, text)) in [
            ("child", plan.childGoals), ("long", plan.longTermGoals), ("short", plan.shortTermGoals),
        ]
        .filter({ !$0.1.isEmpty }).enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO goal (planId, kind, text, worksTowards, position, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    planId, kind, text, kind == "child" ? child.name : lead.name, position + 1,
                    sqlDate(plan.createdAt),
                ])
        }

        // Consent for everything past the draft; one in eleven has a withdrawal to show.
        if status != .draft {
            for guardian in guardians {
                let withdrawn: Day? =
                    (status == .closed || status == .active) && index % 11 == 3
                    ? today.adding(days: -rng.int(1...20)) : nil
                var consent = Consent(
                    planId: planId, givenByMemberId: guardian.id, givenByChild: false,
                    information: "Uppgifter om hälsa, skolgång och familjens situation som behövs för planen.",
                    form: rng.chance(80) ? .written : .oral, validFrom: started,
                    validTo: started.adding(days: 730), withdrawnOn: withdrawn, recordedAt: now,
                    recordedBy: user)
                consent.id = try db.insertRow(
                    """
                    INSERT INTO consent (planId, givenByMemberId, givenByChild, information, form, validFrom, validTo,
                        withdrawnOn, recordedAt, recordedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        planId, consent.givenByMemberId, consent.givenByChild, consent.information,
                        consent.form.rawValue,
                        consent.validFrom, consent.validTo, consent.withdrawnOn, sqlDate(consent.recordedAt),
                        consent.recordedBy,
                    ])
                for agency in agencies {
                    try db.insertRow(
                        "INSERT INTO consentAgency (consentId, agencyId) VALUES (?, ?)", [consent.id, agency.id])
                }
            }
        }

        var participants: [Participant] = []
        for guardian in guardians {
            var p = Participant(
                planId: planId, agencyId: nil, familyMemberId: guardian.id, person: guardian.name,
                role: "Vårdnadshavare", invitationKind: .invitation)
            p.id = try insert(db, p)
            participants.append(p)
        }
        for agency in agencies {
            var p = Participant(
                planId: planId, agencyId: agency.id, familyMemberId: nil,
                person: contactNames[agency.id!] ?? adultName(),
                role: contactRole(agency.kind),
                invitationKind: agency.principalType.isMunicipalityOrRegion ? .summons : .invitation,
                answer: status == .draft
                    ? .noAnswer : rng.pick([.accepted, .accepted, .accepted, .noAnswer, .declined]))
            p.id = try insert(db, p)
            participants.append(p)
        }

        if status == .active || status == .followUpDue || status == .closed {
            for guardian in guardians {
                var copy = PlanCopy(planId: planId, recipient: guardian.name, givenOn: started.adding(days: 21))
                copy.id = try db.insertRow(
                    "INSERT INTO planCopy (planId, recipient, givenOn) VALUES (?, ?, ?)",
                    [planId, copy.recipient, copy.givenOn])
            }
        }
        try meetings(
            db, planId: planId, status: status, started: started, followUp: followUp,
            participants: participants, deviationKinds: deviationKinds, agencies: agencies)
        if status != .draft && status != .invited {
            try interventions(db, planId: planId, started: started, agencies: agencies, status: status)
            try heldFollowUps(
                db, planId: planId, status: status, started: started, followUp: followUp,
                participants: participants, agencies: agencies)
        }
        // Deviations of every kind, about one per plan on average, also unrelated to meetings.
        if rng.chance(55) || index < deviationKinds.count {
            try deviation(
                db, planId: planId, reporter: agencies[1],
                concerned: rng.pick(agencies.filter { $0.id != agencies[1].id }),
                occurred: min(today, started.adding(days: rng.int(0...30))), kinds: deviationKinds)
        }
    }

    mutating func goal(_ kind: String) -> String { rng.pick(words.goals[kind] ?? [""]) }

    mutating func history(_ db: Database, planId: Int64, status: PlanStatus, started: Day) throws {
        let path: [PlanStatus] =
            switch status {
            case .draft: [.draft]
            case .invited: [.draft, .invited]
            case .active: [.draft, .invited, .active]
            case .followUpDue: [.draft, .invited, .active, .followUpDue]
            case .closed: [.draft, .invited, .active, .closed]
            }
        var previous: PlanStatus?
        for (step, next) in path.enumerated() {
            var change = PlanStatusChange(
                planId: planId, fromStatus: previous, toStatus: next,
                changedAt: date(started.adding(days: step * 10), hour: 9),
                changedBy: user, note: next == .closed ? "Avslutad enligt plan" : "")
            change.id = try db.insertRow(
                """
                INSERT INTO planStatusChange (planId, fromStatus, toStatus, changedAt, changedBy, note) VALUES (?, ?, ?, ?, ?, ?)
                """,
                [planId, change.fromStatus, change.toStatus, sqlDate(change.changedAt), change.changedBy, change.note])
            previous = next
        }
    }

    func date(_ day: Day, hour: Int) -> Date { day.date(hour: hour, in: zone) }

    mutating func meetings(
        _ db: Database, planId: Int64, status: PlanStatus, started: Day, followUp: Day?,
        participants: [Participant], deviationKinds: [String], agencies: [Agency]
    ) throws {
        var schedule: [(MeetingKind, Day, Bool)] = []
        switch status {
        case .draft: break
        case .invited: schedule = [(.first, today.adding(days: rng.int(2...20)), false)]
        case .active:
            schedule = [(.first, started.adding(days: 20), true)]
            if let followUp, followUp >= today { schedule.append((.followUp, followUp, false)) }
        case .followUpDue: schedule = [(.first, started.adding(days: 20), true)]
        case .closed:
            schedule = [
                (.first, started.adding(days: 20), true), (.followUp, followUp ?? started.adding(days: 100), true),
            ]
        }
        for (kind, day, held) in schedule {
            var meeting = Meeting(
                planId: planId, kind: kind, startsAt: date(day, hour: rng.pick([9, 10, 13, 14])),
                durationMinutes: rng.pick([60, 90, 90, 120]),
                place: rng.chance(30) ? "Digitalt" : "Familjecentralen, mötesrum \(rng.int(1...4))",
                videoLink: rng.chance(30) ? "https://video.example.org/sip/\(planId)-\(kind.rawValue)" : "",
                minutes: held ? "Mötet genomfördes enligt mötescirkeln. Planen skrevs och lämnades till familjen." : "",
                held: held)
            meeting.id = try db.insertRow(
                """
                INSERT INTO meeting (planId, kind, startsAt, durationMinutes, place, videoLink, minutes, held)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    planId, meeting.kind, sqlDate(meeting.startsAt), meeting.durationMinutes, meeting.place,
                    meeting.videoLink,
                    meeting.minutes, meeting.held,
                ])
            summary.meetings += 1
            for item in agenda {
                var entry = AgendaItem(
                    meetingId: meeting.id!, position: item.position, title: item.titleSv,
                    notes: held ? "Genomgånget." : "")
                entry.id = try db.insertRow(
                    "INSERT INTO agendaItem (meetingId, position, title, notes) VALUES (?, ?, ?, ?)",
                    [entry.meetingId, entry.position, entry.title, entry.notes])
            }
            guard held else { continue }
            for participant in participants {
                let roll = rng.int(0...99)
                let attendance: AttendanceStatus =
                    participant.agencyId == nil || roll < 78
                    ? .present
                    : roll < 88 ? .absentWithNotice : roll < 95 ? .absentWithoutNotice : .declined
                try db.insertRow(
                    "INSERT INTO attendance (meetingId, participantId, status) VALUES (?, ?, ?)",
                    [meeting.id, participant.id, attendance])
                if attendance.warrantsDeviation,
                    let concerned = agencies.first(where: { $0.id == participant.agencyId })
                {
                    let reporter = agencies.first { $0.id != concerned.id } ?? concerned
                    try deviation(
                        db, planId: planId, reporter: reporter, concerned: concerned, occurred: day,
                        kinds: deviationKinds, kind: attendance == .declined ? "avbojde" : "uteblev")
                }
            }
        }
    }

    /// A follow-up about every three months between the first meeting and the latest, each held,
    /// with everyone there or excused, agreeing one or two new interventions: a plan of a year has
    /// several meetings behind it, as real ones do.
    mutating func heldFollowUps(
        _ db: Database, planId: Int64, status: PlanStatus, started: Day, followUp: Day?,
        participants: [Participant], agencies: [Agency]
    ) throws {
        let until = status == .closed ? (followUp ?? today) : min(today, followUp ?? today)
        var day = started.adding(days: 20 + 90)
        let kinds = Set(agencies.map(\.kind))
        let options = words.interventions.filter { kinds.contains($0.kind) }
        while day.adding(days: 5) < until {
            let meetingId = try db.insertRow(
                """
                INSERT INTO meeting (planId, kind, startsAt, durationMinutes, place, videoLink, minutes, held)
                VALUES (?, 'follow_up', ?, 60, ?, '', ?, 1)
                """,
                [
                    planId, sqlDate(date(day, hour: followUpRng.pick([9, 10, 13, 14]))),
                    followUpRng.chance(30) ? "Digitalt" : "Familjecentralen, mötesrum \(followUpRng.int(1...4))",
                    "Uppföljning: insatserna gicks igenom och planen justerades.",
                ])
            summary.meetings += 1
            for item in agenda {
                try db.insertRow(
                    "INSERT INTO agendaItem (meetingId, position, title, notes) VALUES (?, ?, ?, 'Genomgånget.')",
                    [meetingId, item.position, item.titleSv])
            }
            for participant in participants {
                let status: AttendanceStatus =
                    participant.agencyId == nil || followUpRng.chance(85) ? .present : .absentWithNotice
                try db.insertRow(
                    "INSERT INTO attendance (meetingId, participantId, status) VALUES (?, ?, ?)",
                    [meetingId, participant.id, status])
            }
            for _ in 0..<(followUpRng.chance(30) ? 2 : 1) where !options.isEmpty {
                let option = followUpRng.pick(options)
                guard let agency = agencies.first(where: { $0.kind == option.kind }) else { continue }
                let due = day.adding(days: followUpRng.int(30...180))
                let outcome: InterventionStatus =
                    status == .closed
                    ? .done
                    : due < today
                        ? followUpRng.pick([.done, .done, .ongoing])
                        : followUpRng.pick([.planned, .ongoing])
                try db.insertRow(
                    """
                    INSERT INTO intervention (planId, what, agencyId, person, frequency, startDate, dueDate, status, comment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
                    """,
                    [
                        planId, option.what, agency.id, contactNames[agency.id!] ?? "", option.frequency, day, due,
                        outcome,
                    ])
                summary.interventions += 1
            }
            day = day.adding(days: 90)
        }
    }

    mutating func interventions(
        _ db: Database, planId: Int64, started: Day, agencies: [Agency],
        status: PlanStatus
    ) throws {
        let kinds = Set(agencies.map(\.kind))
        let options = words.interventions.filter { kinds.contains($0.kind) }
        for option in options.shuffled(using: &rng).prefix(rng.int(3...7)) {
            guard let agency = agencies.first(where: { $0.kind == option.kind }) else { continue }
            let start = started.adding(days: 20 + rng.int(0...14))
            let due = start.adding(days: rng.int(30...240))
            let interventionStatus: InterventionStatus
            if status == .closed {
                interventionStatus = rng.chance(85) ? .done : .notDelivered
            } else if due < today {
                // Past due: mostly done, but some still owed: those are the overdue ones.
                interventionStatus = rng.pick([.done, .done, .ongoing, .planned, .notDelivered])
            } else {
                interventionStatus = rng.pick([.planned, .ongoing, .ongoing])
            }
            var intervention = Intervention(
                planId: planId, what: option.what, agencyId: agency.id!, person: adultName(),
                frequency: option.frequency, startDate: start, dueDate: due, status: interventionStatus,
                comment: interventionStatus == .notDelivered ? "Kunde inte genomföras på grund av personalbrist." : "")
            intervention.id = try db.insertRow(
                """
                INSERT INTO intervention (planId, what, agencyId, person, frequency, startDate, dueDate, status, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    planId, intervention.what, intervention.agencyId, intervention.person, intervention.frequency,
                    intervention.startDate, intervention.dueDate, intervention.status, intervention.comment,
                ])
            summary.interventions += 1
        }
    }

    mutating func deviation(
        _ db: Database, planId: Int64, reporter: Agency, concerned: Agency, occurred: Day,
        kinds: [String], kind: String? = nil
    ) throws {
        let code = kind ?? kinds[deviationKindCursor % kinds.count]
        if kind == nil { deviationKindCursor += 1 }
        let due = occurred.adding(days: 30)
        let answered = due < today && rng.chance(60)
        let status: DeviationStatus =
            answered ? rng.pick([.answered, .closed]) : (rng.chance(50) ? .registered : .sent)
        var deviation = Deviation(
            reportingAgencyId: reporter.id!, concernedAgencyId: concerned.id!, planId: planId, occurredOn: occurred,
            kind: code, description: "Samverkan fungerade inte enligt överenskommelsen. Se planens mötesanteckningar.",
            localAction: "Lyft med närmaste chef.", status: status,
            response: answered ? "Vi har sett över rutinerna och utsett en ersättare." : nil,
            responseDate: answered ? occurred.adding(days: rng.int(5...29)) : nil, responseDue: due, createdAt: now)
        deviation.id = try db.insertRow(
            """
            INSERT INTO deviation (reportingAgencyId, concernedAgencyId, planId, occurredOn, kind, description, localAction,
                status, response, responseDate, responseDue, createdAt, escalation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                deviation.reportingAgencyId, deviation.concernedAgencyId, deviation.planId, deviation.occurredOn,
                deviation.kind, deviation.description, deviation.localAction, deviation.status, deviation.response,
                deviation.responseDate, deviation.responseDue, sqlDate(deviation.createdAt),
                deviation.escalation.rawValue,
            ])
        var registered = DeviationChange(
            deviationId: deviation.id!, changedAt: date(occurred, hour: 16), changedBy: user,
            what: "registered", note: "")
        registered.id = try db.insertRow(
            """
            INSERT INTO deviationChange (deviationId, changedAt, changedBy, what, note) VALUES (?, ?, ?, ?, ?)
            """,
            [
                registered.deviationId, sqlDate(registered.changedAt), registered.changedBy, registered.what,
                registered.note,
            ])
        summary.deviations += 1
    }
}

extension DemoGenerator {
    /// A moment as GRDB stores it ("YYYY-MM-DD HH:MM:SS.SSS", UTC), by hand for whole seconds (all
    /// but `now`): GRDB's DateFormatter costs more than the insert itself.
    func sqlDate(_ date: Date) -> DatabaseValue {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(.down), let whole = Int(exactly: seconds) else { return date.databaseValue }
        let (days, rest) = whole.quotientAndRemainder(dividingBy: 86_400)
        guard rest >= 0 else { return date.databaseValue }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let day = Day(year: 1970, month: 1, day: 1)!.adding(days: days)
        return "\(day.iso) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)).000".databaseValue
    }

    func insert(_ db: Database, _ member: FamilyMember) throws -> Int64 {
        try db.insertRow(
            """
            INSERT INTO familyMember (childId, role, name, relation, phone, email, address, invited) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                member.childId, member.role, member.name, member.relation, member.phone, member.email, member.address,
                member.invited,
            ])
    }

    func insert(_ db: Database, _ participant: Participant) throws -> Int64 {
        try db.insertRow(
            """
            INSERT INTO participant (planId, agencyId, familyMemberId, person, role, invitationKind, answer)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                participant.planId, participant.agencyId, participant.familyMemberId, participant.person,
                participant.role,
                participant.invitationKind, participant.answer.rawValue,
            ])
    }
}

extension Database {
    /// Inserts one row through a statement compiled once per connection. The demo fills a county
    /// (100 000 plans, millions of rows) this way: Codable record encoding would cost most of the time.
    @discardableResult
    func insertRow(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        try cachedStatement(sql: sql).execute(arguments: arguments)
        return lastInsertedRowID
    }
}
