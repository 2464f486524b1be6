import Foundation
import GRDB
import SIPDomain
import SIPText

/// A dimension of spindelmätning, reference data from `data/spider-dimensions.tsv`.
public struct SpiderDimension: Codable, Equatable, Sendable, FetchableRecord {
    public var position: Int
    public var code: String
    public var nameSv: String
    public var nameEn: String
}

extension SpiderDimension: NamedInBothLanguages {}

/// One measurement: a BUS group's scores (1-5) on every dimension, on one day.
public struct SelfAssessment: Codable, Equatable, Sendable {
    public var measuredOn: Day
    public var scores: [String: Int]
}

extension Store {
    public func spiderDimensions() throws -> [SpiderDimension] {
        try read { db in try SpiderDimension.fetchAll(db, sql: "SELECT * FROM spiderDimension ORDER BY position") }
    }

    /// Records a measurement. Every dimension needs a score from 1 to 5; one measurement per day.
    public func recordSelfAssessment(groupId: Int64, on day: Day, scores: [String: Int]) throws {
        let dimensions = try spiderDimensions()
        for dimension in dimensions {
            guard let score = scores[dimension.code], (1...5).contains(score) else {
                throw SIPError.invalidValue(
                    field: .status, value: "\(dimension.code)=\(scores[dimension.code].map(String.init) ?? "")")
            }
        }
        try write { db in
            guard try BusGroup.exists(db, key: groupId) else { throw SIPError.notFound(.busGroup, groupId) }
            try db.execute(
                sql: "DELETE FROM selfAssessment WHERE busGroupId = ? AND measuredOn = ?", arguments: [groupId, day])
            for dimension in dimensions {
                try db.execute(
                    sql: """
                        INSERT INTO selfAssessment (busGroupId, measuredOn, dimension, score, recordedBy) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [groupId, day, dimension.code, scores[dimension.code]!, self.context.user])
            }
            try self.audit(db, .recordSelfAssessment(group: groupId), detail: day.iso)
        }
    }

    /// A group's measurements, newest first.
    public func selfAssessments(groupId: Int64) throws -> [SelfAssessment] {
        try read { db in
            _ = try self.reviewGroup(db, groupId)
            var byDay: [Day: [String: Int]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT measuredOn, dimension, score FROM selfAssessment WHERE busGroupId = ?",
                arguments: [groupId])
            {
                byDay[row[0] as Day, default: [:]][row[1] as String] = row[2] as Int
            }
            return byDay.keys.sorted(by: >).map { SelfAssessment(measuredOn: $0, scores: byDay[$0]!) }
        }
    }
}

/// The spider drawn for a text terminal: one row per dimension, five cells per score, the
/// previous measurement beside it and the change. ASCII, so monochrome terminals show it too.
public enum SpiderChart {
    public static func lines(
        dimensions: [SpiderDimension], current: SelfAssessment, previous: SelfAssessment?,
        catalog c: Catalog, width: Int
    ) -> [String] {
        let nameWidth = max(12, min(34, width - 30))
        var out = [
            "\(c(.measurement)) \(current.measuredOn.iso)"
                + (previous.map { ", \(c(.comparedWith)) \($0.measuredOn.iso)" } ?? "")
        ]
        for dimension in dimensions {
            var name = c.name(of: dimension)
            if name.count > nameWidth { name = String(name.prefix(nameWidth - 1)) + "…" }
            let score = current.scores[dimension.code] ?? 0
            let bar = String(repeating: "##", count: score) + String(repeating: "..", count: 5 - score)
            var line = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " " + bar + " \(score)"
            if let before = previous?.scores[dimension.code] {
                let change = score - before
                line += "  (\(before)" + (change == 0 ? ", =" : change > 0 ? ", +\(change)" : ", \(change)") + ")"
            }
            out.append(line)
        }
        return out
    }
}
