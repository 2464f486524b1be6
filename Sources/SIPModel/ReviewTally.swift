import GRDB
import SIPDomain
import SIPText

/// The counts behind the BUS review, kept current by triggers as plans, children, interventions and
/// deviations change, so a county's review adds up a few thousand tallies instead of reading
/// every open plan, intervention and deviation.
///
/// A tally is (group, figure, bucket, item) → n. Group 0 is the whole county (every plan's and
/// deviation's count is added there too, and a deviation without a group only there). A bucket is
/// the date the figure is later compared with (request, follow-up, due and birth dates) or a
/// deviation's month or day; the review sums the buckets its period or today selects: whole months
/// from the month buckets, the days before and after them from the day buckets.
///
/// Every trigger adds the changed row's new contributions and removes its old ones, so a REPLACE
/// (which deletes the old row) is counted only with `recursive_triggers` on, as the store's
/// connections have it; `sip-tui check` recounts and compares. The triggers and the fill are
/// generated from `sources`; migration v11 runs them as frozen in `Resources/sql/v11-review-tally.sql`,
/// so changing a figure's rule needs a new migration that drops the triggers and the table and
/// installs a newly frozen script (see `frozenInstall`).
package enum ReviewTally {
    static let table = "reviewTally"
    static let wholeCounty: Int64 = 0

    enum Figure: Hashable {
        /// Open plans, by status.
        case open
        /// Plans by request date.
        case started
        /// Open plans by follow-up date.
        case followUp
        /// Open plans by the child's birth date, by sex.
        case child
        /// Interventions still owed (planned or ongoing) in open plans, by due date.
        case owed
        /// Deviations not yet answered, by the date the answer is due.
        case unanswered
        /// Plans waiting for their first meeting (draft or invited, none held) with a consent in
        /// force, by the day the earliest such consent began (`FirstMeetingMarks`).
        case firstMeetingDue
        /// Deviations by the month, and by the day, they occurred.
        case deviations(DeviationDimension, Span)

        /// Every figure, in the order its contributions are written into the triggers.
        static var all: [Figure] {
            [.open, .started, .followUp, .child, .owed, .unanswered, .firstMeetingDue]
                + Span.allCases.flatMap { span in DeviationDimension.allCases.map { .deviations($0, span) } }
        }

        /// What counts for the figure, by the table whose rows change it.
        var contributions: [(table: String, contribution: Contribution)] {
            func from(
                _ table: String, group: String, bucket: String, item: String = "''", tables: String = "",
                condition: String = "1", fills: Bool = true
            ) -> (table: String, contribution: Contribution) {
                (
                    table,
                    Contribution(
                        figure: self, group: group, bucket: bucket, item: item, tables: tables,
                        condition: condition, fills: fills)
                )
            }
            switch self {
            case .open:
                return [from("plan", group: "ROW.busGroupId", bucket: "''", item: "ROW.status", condition: openPlan)]
            case .started:
                return [from("plan", group: "ROW.busGroupId", bucket: "ROW.requestDate")]
            case .followUp:
                return [
                    from(
                        "plan", group: "ROW.busGroupId", bucket: "ROW.followUpDate",
                        condition: "\(openPlan) AND ROW.followUpDate IS NOT NULL")
                ]
            case .child:
                return [
                    from(
                        "plan", group: "ROW.busGroupId", bucket: "c.birthDate", item: "c.sex", tables: "child c",
                        condition: "c.id = ROW.childId AND \(openPlan)"),
                    // A child's new sex or birth date moves its open plans.
                    from(
                        "child", group: "p.busGroupId", bucket: "ROW.birthDate", item: "ROW.sex",
                        tables: "\"plan\" p", condition: "p.childId = ROW.id AND p.status <> 'closed'",
                        fills: false),
                ]
            case .owed:
                return [  // A plan closing (or moving) moves its owed interventions.
                    from(
                        "plan", group: "ROW.busGroupId", bucket: "i.dueDate", tables: "intervention i",
                        condition: "i.planId = ROW.id AND i.status \(owedStatus) AND \(openPlan)", fills: false),
                    from(
                        "intervention", group: "p.busGroupId", bucket: "ROW.dueDate", tables: "\"plan\" p",
                        condition: "p.id = ROW.planId AND ROW.status \(owedStatus) AND p.status <> 'closed'"),
                ]
            case .unanswered:
                return [
                    from(
                        "deviation", group: "ROW.busGroupId", bucket: "ROW.responseDue",
                        condition: "ROW.status \(OverdueRule.unansweredStatus)")
                ]
            case .firstMeetingDue:
                return [
                    from(
                        "plan", group: "ROW.busGroupId", bucket: "ROW.consentSince",
                        condition:
                            "ROW.status IN ('draft','invited') AND ROW.consentSince IS NOT NULL AND NOT ROW.meetingHeld"
                    )
                ]
            case .deviations(let dimension, let span):
                return [
                    from(
                        "deviation", group: "ROW.busGroupId", bucket: span.bucket, item: dimension.item,
                        condition: dimension.condition)
                ]
            }
        }

        var name: String {
            switch self {
            case .open: "open"
            case .started: "started"
            case .followUp: "followUp"
            case .child: "child"
            case .owed: "owed"
            case .unanswered: "unanswered"
            case .firstMeetingDue: "firstMeetingDue"
            case .deviations(let dimension, let span): "deviation-\(dimension.rawValue)-\(span.rawValue)"
            }
        }
    }

    /// What the review divides a period's deviations by.
    enum DeviationDimension: String, CaseIterable {
        case kind, concerned, status
        /// Days from occurrence to answer, of the answered ones.
        case days

        var item: String {
            switch self {
            case .kind: "ROW.kind"
            case .concerned: "ROW.concernedAgencyId"
            case .status: "ROW.status"
            case .days: "CAST(julianday(ROW.responseDate) - julianday(ROW.occurredOn) AS INTEGER)"
            }
        }
        var condition: String { self == .days ? "ROW.responseDate IS NOT NULL" : "1" }
    }

    /// Months hold most of a period; days its ends when it starts or ends inside a month.
    enum Span: String, CaseIterable {
        case month, day
        var bucket: String { self == .month ? "substr(ROW.occurredOn, 1, 7)" : "ROW.occurredOn" }
    }

    /// One figure's contribution from a row of a source table, possibly through rows of `tables`.
    /// `ROW` stands for the source row in the expressions: `NEW` or `OLD` in a trigger, each row
    /// of the table when it is counted afresh.
    struct Contribution {
        var figure: Figure
        var group: String
        var bucket: String
        var item: String
        var tables = ""
        var condition = "1"
        /// Counted from this source when the table is filled; false where another source owns
        /// the figure and this one only moves it (a plan closing moves its owed interventions).
        var fills = true
    }

    struct Source {
        var table: String
        /// The columns of `ROW` the contributions read: a change to any of them (the id too, when
        /// rows are renumbered) moves the row's contributions.
        var columns: [String]
        var contributions: [Contribution]
        /// Whether rows come and go here (a child without plans counts nothing, and cannot be
        /// removed while a plan refers to it).
        var insertsAndDeletes = true
    }

    static let openPlan = "ROW.status <> 'closed'"
    static let owedStatus = "IN ('planned','ongoing')"

    /// The tables the figures are counted from, and what of theirs moves a count.
    static let tables: [(table: String, columns: [String], insertsAndDeletes: Bool)] = [
        (
            "plan",
            ["id", "busGroupId", "status", "requestDate", "followUpDate", "childId", "consentSince", "meetingHeld"],
            true
        ),
        ("intervention", ["planId", "status", "dueDate"], true),
        ("child", ["id", "sex", "birthDate"], false),
        (
            "deviation",
            ["busGroupId", "occurredOn", "kind", "concernedAgencyId", "status", "responseDate", "responseDue"], true
        ),
    ]

    /// Each table's contributions, figure by figure in `Figure.all`'s order: what the triggers and
    /// the fill are generated from (and the frozen scripts were).
    static var sources: [Source] {
        tables.map { table in
            Source(
                table: table.table, columns: table.columns,
                contributions: Figure.all.flatMap { figure in
                    figure.contributions.filter { $0.table == table.table }.map(\.contribution)
                }, insertsAndDeletes: table.insertsAndDeletes)
        }
    }

    /// The contributions of `row` (`NEW` or `OLD` in a trigger; `r` over the table `from` names)
    /// as (figure, grp, bucket, item).
    static func contributions(_ contributions: [Contribution], row: String, from: String? = nil) -> String {
        func bound(_ sql: String) -> String { sql.replacingOccurrences(of: "ROW.", with: "\(row).") }
        return contributions.map {
            let tables = [from ?? "", $0.tables].filter { !$0.isEmpty }.joined(separator: ", ")
            return "SELECT '\($0.figure.name)' AS figure, \(bound($0.group)) AS grp, \(bound($0.bucket)) AS bucket, "
                + "\(bound($0.item)) AS item \(tables.isEmpty ? "" : "FROM \(tables) ")WHERE \(bound($0.condition))"
        }.joined(separator: " UNION ALL ")
    }

    static let upsert = "ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n"

    /// Adds (or, with `sign` -1, removes) the contributions of a trigger's `row` to their group and to the county.
    static func change(_ contributions: [Contribution], row: String, sign: Int) -> String {
        guard !contributions.isEmpty else { return "" }
        return """
            INSERT INTO \(table) (busGroupId, figure, bucket, item, n)
            SELECT CASE WHEN level.whole THEN \(wholeCounty) ELSE x.grp END, x.figure, x.bucket, x.item, \(sign)
            FROM (\(Self.contributions(contributions, row: row))) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
            WHERE level.whole OR x.grp IS NOT NULL \(upsert);
            """
    }

    /// Every trigger, by name: on each source table, one for inserts, deletes and updates.
    static var triggers: [(name: String, sql: String)] {
        sources.flatMap { source -> [(name: String, sql: String)] in
            let own = source.contributions, on = "\"\(source.table)\""
            func trigger(_ event: String, _ timing: String, when: String = "", _ body: String...) -> (
                name: String, sql: String
            ) {
                let name = "\(table)_\(source.table)_\(event)"
                return (
                    name, "CREATE TRIGGER \(name) \(timing) ON \(on)\(when) BEGIN\n\(body.joined(separator: "\n"))\nEND"
                )
            }
            // Updates only when a value read changed: saving a form rewrites every column unchanged.
            let changed = " WHEN " + source.columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
            let update = trigger(
                "update", "AFTER UPDATE OF \(source.columns.joined(separator: ", "))", when: changed,
                change(own, row: "OLD", sign: -1), change(own, row: "NEW", sign: 1))
            guard source.insertsAndDeletes else { return [update] }
            return [
                trigger("insert", "AFTER INSERT", change(own, row: "NEW", sign: 1)),
                // Before: a plan's cascade removes its interventions once the plan row is gone.
                trigger("delete", "BEFORE DELETE", change(own, row: "OLD", sign: -1)),
                update,
            ]
        }
    }

    static func createTriggers(_ db: Database) throws {
        for trigger in triggers { try db.execute(sql: trigger.sql) }
    }

    static func dropTriggers(_ db: Database) throws {
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger.name)") }
    }

    /// Counts every figure afresh: each group's from the rows, then the county's as their sum (plus
    /// what has no group), into `target` (the tallies, or a temporary table to compare them with).
    package static func fill(_ db: Database, into target: String = table) throws {
        for statement in fillSQL(into: target) { try db.execute(sql: statement) }
    }

    /// The statements of `fill`.
    static func fillSQL(into target: String = table) -> [String] {
        var statements = ["DELETE FROM \(target)"]
        for source in sources {
            let own = source.contributions.filter(\.fills)
            guard !own.isEmpty else { continue }
            // The columns read once into a temporary table: each contribution would otherwise scan
            // the table with its texts again.
            statements.append(
                """
                WITH source AS MATERIALIZED (SELECT \(source.columns.joined(separator: ", ")) FROM "\(source.table)")
                INSERT INTO \(target) (busGroupId, figure, bucket, item, n)
                SELECT IFNULL(x.grp, \(wholeCounty)), x.figure, x.bucket, x.item, COUNT(*)
                FROM (\(contributions(own, row: "r", from: "source AS r"))) AS x WHERE 1 GROUP BY 1, 2, 3, 4 \(upsert)
                """)
        }
        statements.append(
            """
            INSERT INTO \(target) (busGroupId, figure, bucket, item, n)
            SELECT \(wholeCounty), figure, bucket, item, SUM(n) FROM \(target) WHERE busGroupId <> \(wholeCounty)
            GROUP BY figure, bucket, item \(upsert)
            """)
        return statements
    }

    /// How many tallies differ from a fresh count of the rows: 0 when they are true. Reads only
    /// (the count goes to a temporary table).
    static func differences(_ db: Database) throws -> Int {
        let recount = "temp.reviewTallyRecount"
        try createTable(db, named: recount)
        defer { try? db.execute(sql: "DROP TABLE \(recount)") }
        try fill(db, into: recount)
        let columns = "busGroupId, figure, bucket, item, n"
        return try Int.fetchOne(
            db,
            sql: """
                SELECT (\(FirstMeetingMarks.wrong)) + (SELECT COUNT(*) FROM (SELECT \(columns) FROM main.\(table) WHERE n <> 0
                                              EXCEPT SELECT \(columns) FROM \(recount)))
                     + (SELECT COUNT(*) FROM (SELECT \(columns) FROM \(recount)
                                              EXCEPT SELECT \(columns) FROM main.\(table) WHERE n <> 0))
                """) ?? 0
    }

    static func createTable(_ db: Database, named name: String) throws {
        try db.execute(sql: createTableSQL(named: name))
    }

    static func createTableSQL(named name: String) -> String {
        """
        CREATE TABLE \(name) (
            busGroupId INTEGER NOT NULL,
            figure TEXT NOT NULL,
            bucket TEXT NOT NULL,
            item TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (busGroupId, figure, bucket, item)
        ) WITHOUT ROWID
        """
    }

    /// The newest frozen install script in `Resources/sql`; the migration that installs the tallies
    /// runs that file. A figure whose rule changes needs a new migration with a new file (and this
    /// name changed to it): `FrozenMigrationTests` checks that `installSQL` still produces it.
    static let frozenInstall = "v29-review-tally.sql"

    /// The table, its triggers and its counts, as one script: what `frozenInstall` holds.
    static var installSQL: String {
        let statements = [createTableSQL(named: table)] + triggers.map(\.sql) + fillSQL()
        return "-- Generated from ReviewTally.sources by ReviewTally.installSQL and frozen: never edit this file.\n"
            + "-- A changed figure gets a new migration and a new file.\n\n"
            + statements.map { $0 + ";\n" }.joined(separator: "\n")
    }

    /// Runs `body` (a bulk load) without the triggers, then counts afresh: a county's demo would
    /// otherwise update a tally for every row it writes. What it loads has no history (migration
    /// v21's tables): like the rows from before them, it counts as it is, as far back as can be told.
    package static func suspended<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let result = try uncounted(db, body)
        try fill(db)
        return result
    }

    /// Runs `body` (one batch of a bulk load) without the triggers and without counting afresh:
    /// the tallies are stale until `fill`, which a load in batches runs once, after its last
    /// batch (a count after every batch would recount the whole database each time).
    package static func uncounted<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try dropTriggers(db)
        let histories = ["planHistory", "interventionHistory"]
        let before = try histories.map { try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM \($0)") ?? 0 }
        let result = try body()
        for (table, last) in zip(histories, before) {
            try db.execute(sql: "DELETE FROM \(table) WHERE id > ?", arguments: [last])
        }
        try createTriggers(db)
        return result
    }
}

/// What a plan carries for the review's plans waiting for a first meeting (migration v28), kept by
/// triggers on consents and meetings: `consentSince`, the day its earliest consent not withdrawn
/// began, and `meetingHeld`, whether any meeting of it was held. A tally counts plans from their
/// own row; these carry what it needs of the plan's consents and meetings onto that row. Migration
/// v28 installed triggers from this SQL: a change to it needs a new migration.
enum FirstMeetingMarks {
    enum Column: String, CaseIterable {
        case consentSince, meetingHeld

        /// The value the column should have for the plan row `"plan"`.
        var value: String {
            switch self {
            case .consentSince:
                "(SELECT MIN(c.validFrom) FROM consent c WHERE c.planId = \"plan\".id AND c.withdrawnOn IS NULL)"
            case .meetingHeld: "EXISTS (SELECT 1 FROM meeting m WHERE m.planId = \"plan\".id AND m.held)"
            }
        }
    }

    /// The plans whose marks are not what their consents and meetings say.
    static var wrong: String {
        "SELECT COUNT(*) FROM \"plan\" WHERE "
            + Column.allCases.map { "\($0.rawValue) IS NOT \($0.value)" }.joined(separator: " OR ")
    }

    /// Sets `column` of the plans `plans` selects where it is wrong: what the triggers run.
    static func update(_ column: Column, _ plans: String) -> String {
        "UPDATE \"plan\" SET \(column.rawValue) = \(column.value) WHERE \(plans) AND \(column.rawValue) IS NOT \(column.value);"
    }

    /// Sets the marks that are wrong (written by a program without the triggers), before a recount.
    static var mend: String { Column.allCases.map { update($0, "1") }.joined(separator: "\n") }
}
