import Foundation
import GRDB
@_exported import SIPTestSupport

@testable import SIPDomain
@testable import SIPModel
@testable import SIPText

/// A clock the test sets: 2026-03-16 10:00 in Stockholm unless told otherwise.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ day: Day = Day(year: 2026, month: 3, day: 16)!, hour: Int = 10) { current = TestClock.date(day, hour: hour) }
    var now: Date { lock.withLock { current } }
    func set(_ day: Day, hour: Int = 10) { lock.withLock { current = TestClock.date(day, hour: hour) } }
    static func date(_ day: Day, hour: Int) -> Date { day.date(hour: hour, in: .stockholm) }
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A store in a temp dir with an injected user and clock.
struct TestStore: Sendable {
    let dir = TempDir()
    let clock: TestClock
    let store: Store

    init(clock: TestClock = TestClock(), user: String = "testare") throws {
        self.clock = clock
        store = try Store(
            path: dir.path("sip.sqlite"),
            context: SessionContext(user: user, now: { [clock] in clock.now }), busyTimeout: 0.05)
    }
}

extension TestStore {
    /// A signed-in session for `login` on the same database and clock.
    func session(_ login: String) throws -> Store {
        let store = try Store(
            path: store.path, context: SessionContext(user: login, now: { [clock] in clock.now }), busyTimeout: 0.05)
        try store.signIn()
        return store
    }
}

/// One child with two guardians, a BUS group, a municipal and a regional agency, a draft plan.
struct Fixture {
    let group: BusGroup
    let school: Agency
    let social: Agency
    let bup: Agency
    let insurance: Agency
    let child: Child
    let mother: FamilyMember
    let father: FamilyMember
    let plan: Plan

    init(_ store: Store) throws {
        group = try store.addBusGroup(name: "Lokal BUS Testby")
        school = try store.addAgency(
            kind: "skola", principalName: "Testby kommun", name: "Ängsskolan",
            busGroupId: group.id)
        social = try store.addAgency(
            kind: "socialtjanst", principalName: "Testby kommun",
            name: "Socialtjänsten Testby", busGroupId: group.id)
        bup = try store.addAgency(kind: "bup", principalName: "Region Test", name: "BUP Testby", busGroupId: group.id)
        insurance = try store.addAgency(
            kind: "forsakringskassan", principalName: "Försäkringskassan",
            name: "Försäkringskassan", busGroupId: nil)
        child = try store.addChild(name: "Åsa Öberg", personalNumber: "20150312-0006", sex: .girl)
        mother = try store.addFamilyMember(childId: child.id!, role: .guardian, name: "Märta Öberg", relation: "mamma")
        father = try store.addFamilyMember(childId: child.id!, role: .guardian, name: "Örjan Öberg", relation: "pappa")
        plan = try store.createPlan(
            NewPlan(
                childId: child.id!, busGroupId: group.id!, initiatorKind: .guardian,
                initiatorPerson: "Märta Öberg", requestDate: store.context.today,
                reason: "Hög frånvaro", questions: "Hur kommer Åsa tillbaka till skolan?"))
    }

    /// Both guardians consent, valid from today for a year.
    func consentBoth(_ store: Store) throws {
        for guardian in [mother, father] {
            try store.addConsent(
                planId: plan.id!, givenBy: .guardian(guardian.id!), information: "Skolgång och hälsa",
                validFrom: store.context.today, validTo: store.context.today.adding(days: 365),
                agencyIds: [school.id!, social.id!, bup.id!])
        }
    }
}

/// Moves a fresh draft plan (with consent on record) to `status` along allowed steps.
func drive(_ store: Store, plan id: Int64, to status: PlanStatus) throws {
    let path: [PlanStatus] =
        switch status {
        case .draft: []
        case .invited: [.invited]
        case .active: [.invited, .active]
        case .followUpDue: [.invited, .active, .followUpDue]
        case .closed: [.closed]
        }
    for step in path { try store.changeStatus(planId: id, to: step, note: step == .closed ? "Klar" : "") }
}

/// A connection for migrating an older file step by step (`Schema.migrator.migrate(_:upTo:)`), with
/// the SQL functions the store registers on every connection: the migrations' triggers call them.
func oldFileConfiguration() -> Configuration {
    var config = Configuration()
    config.prepareDatabase { db in
        db.add(function: Store.fold)
        db.add(function: AuditChain.function)
        db.add(function: Store.now { Date(timeIntervalSince1970: 1_780_000_000) })
    }
    return config
}
