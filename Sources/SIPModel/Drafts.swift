import Foundation
import GRDB
import SIPDomain
import SIPText

/// Unsaved form input, kept per user and plan (plan 0: a new plan not yet created).
public struct FormDraft: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public var user: String
    public var planId: Int64
    /// Field name to text, as JSON.
    public var payload: String
    public var savedAt: Date

    public var fields: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8))) ?? [:]
    }
}

extension Store {
    public func saveDraft(planId: Int64?, fields: [String: String]) throws {
        let payload = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        let draft = FormDraft(user: context.user, planId: planId ?? 0, payload: payload, savedAt: context.now())
        try write { db in try draft.upsert(db) }
    }

    public func draft(planId: Int64?) throws -> FormDraft? {
        let user = context.user
        return try read { db in try FormDraft.fetchOne(db, key: ["user": user, "planId": planId ?? 0]) }
    }

    public func deleteDraft(planId: Int64?) throws {
        let user = context.user
        _ = try write { db in try FormDraft.deleteOne(db, key: ["user": user, "planId": planId ?? 0]) }
    }
}
