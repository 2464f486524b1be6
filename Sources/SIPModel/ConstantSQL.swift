import GRDB

extension Database {
    /// A statement for SQL that is the same on every call (its values are arguments), compiled once
    /// per connection and kept (GRDB's statement cache). Opening a plan makes a few dozen small
    /// reads; compiling each of them afresh (parsing, planning, GRDB's authorizer called for every
    /// column) took about half of the plan's read (`perf`, 10 000 plans). Never for SQL with values
    /// written into it: every distinct text would stay in the cache.
    func constant(_ sql: String) throws -> Statement { try cachedStatement(sql: sql) }
}
