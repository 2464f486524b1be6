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

/// Where unsaved work was kept.
public enum KeptIn: Equatable, Sendable {
    case database
    /// The database could not take it (locked, full): an owner-only file under the state directory.
    case file
}

extension Store {
    /// How long a hang-up or quit waits for another session's lock before keeping the work in a file.
    public static let hangUpPatience: TimeInterval = 0.25

    /// Keeps a form's draft: in the database, or, when the database cannot be written within
    /// `patience` (another session holds the lock, the disk is full), in a draft file. Throws only
    /// when neither could keep it.
    @discardableResult
    public func saveDraft(
        planId: Int64?, fields: [String: String], patience: TimeInterval = Store.hangUpPatience
    ) throws -> KeptIn {
        let payload = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        let draft = FormDraft(user: context.user, planId: planId ?? 0, payload: payload, savedAt: context.now())
        do {
            try write(patience: patience) { db in try draft.upsert(db) }
            // The draft just kept was typed from the restored one: an older file is superseded.
            draftFiles.remove(.plan, user: draft.user, id: draft.planId)
            return .database
        } catch {
            try draftFiles.write(.plan, user: draft.user, id: draft.planId, fields: fields, savedAt: draft.savedAt)
            return .file
        }
    }

    /// The kept draft of this plan form: the database's or the draft file's, whichever is newer.
    public func draft(planId: Int64?) throws -> FormDraft? {
        let user = context.user
        let id = planId ?? 0
        let stored = try read { db in try FormDraft.fetchOne(db, key: ["user": user, "planId": id]) }
        guard let kept = draftFiles.read(.plan, user: user, id: id) else { return stored }
        if let stored, stored.savedAt > kept.savedAt { return stored }
        let payload = String(decoding: try JSONEncoder().encode(kept.fields), as: UTF8.self)
        return FormDraft(user: user, planId: id, payload: payload, savedAt: kept.savedAt)
    }

    /// The draft is saved or discarded: it goes from the database and from the draft files.
    public func deleteDraft(planId: Int64?) throws {
        let user = context.user
        let id = planId ?? 0
        draftFiles.remove(.plan, user: user, id: id)
        _ = try write { db in try FormDraft.deleteOne(db, key: ["user": user, "planId": id]) }
    }

    /// Keeps a meeting agenda point's unsaved notes: in the meeting, or in a draft file when the
    /// database cannot take them within `patience`; `applyKeptNotes` puts a file's notes back.
    @discardableResult
    public func keepAgendaNotes(
        itemId: Int64, notes: String, patience: TimeInterval = Store.hangUpPatience
    ) throws -> KeptIn {
        do {
            try saveAgendaNotes(itemId: itemId, notes: notes, patience: patience)
            draftFiles.remove(.notes, user: context.user, id: itemId)
            return .database
        } catch let error as SIPError where !error.isStorageProblem {
            throw error
        } catch {
            try draftFiles.write(
                .notes, user: context.user, id: itemId, fields: ["notes": notes], savedAt: context.now())
            return .file
        }
    }

    /// Notes kept in files at an earlier hang-up go into their meetings (as a hang-up that could
    /// write would have put them); each file goes once its notes are saved. The number saved.
    @discardableResult
    public func applyKeptNotes() -> Int {
        var applied = 0
        for itemId in draftFiles.ids(.notes, user: context.user) {
            guard let notes = draftFiles.read(.notes, user: context.user, id: itemId)?.fields["notes"] else { continue }
            do {
                try saveAgendaNotes(itemId: itemId, notes: notes, patience: Store.hangUpPatience)
                draftFiles.remove(.notes, user: context.user, id: itemId)
                applied += 1
            } catch {
                // Not now (locked, or no longer this user's to change): the file stays, nothing typed is lost.
                continue
            }
        }
        return applied
    }
}

extension SIPError {
    /// The database could not be written (locked, full, read-only): the work may be kept elsewhere.
    var isStorageProblem: Bool {
        switch self {
        case .locked, .readOnly, .storage, .cannotOpen, .corrupt: true
        default: false
        }
    }
}
