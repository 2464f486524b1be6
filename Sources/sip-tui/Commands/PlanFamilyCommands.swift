import ArgumentParser
import Foundation
import SIPModel

// Issue 17: the child and the family from the command line. Every change goes through the model
// and is audited; a refusal is one line in the user's language and exit code 1.

extension GoalKind: ExpressibleByArgument {}
extension AssessedBy: ExpressibleByArgument {}

extension GoalOutcome: ExpressibleByArgument {
    /// Accepts the codes with a hyphen as well: `not-achieved`, `not-relevant`.
    public init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
}

/// The meeting given must be one of the plan's: a number of another plan's meeting is refused.
private func requireMeeting(_ store: Store, plan: Int64, _ meeting: Int64) throws {
    guard try store.meetings(planId: plan).contains(where: { $0.id == meeting }) else {
        throw SIPError.notFound(.meeting, meeting)
    }
}

extension PlanCommand {
    struct Lead: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give overall responsibility (huvudansvar) to an organisation of a kommun or a region.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The organisation (name or number).") var org: String
        @Option(help: "The person with overall responsibility there.") var person: String?

        func run() throws {
            _ = try global.withStore(requiring: .plans) { store in
                try store.setLead(planId: id, agencyId: try store.agency(matching: org).id!, person: person)
            }
            print(global.catalog.ui(.saved))
        }
    }

    struct Goals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a plan's goals with every assessment, or add or change one.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "Add a goal of this kind: child|long|short.") var add: GoalKind?
        @Option(help: "Change this goal (its number) instead.") var change: Int64?
        @Option(help: "The kind, when changing a goal.") var kind: GoalKind?
        @Option(help: "The goal's text.") var text: String?
        @Option(help: "Who works towards it.") var who: String = ""
        @Option(help: "An intervention (number) that serves it; repeat for several.") var intervention: [Int64] = []

        func run() throws {
            let c = global.catalog
            let document = try global.withStore(requiring: .plans) { store -> PlanDocument in
                if let kind = add ?? kind, let text {
                    try store.saveGoal(
                        planId: id, goalId: change,
                        GoalDraft(kind: kind, text: text, worksTowards: who, interventionIds: intervention))
                } else if add != nil || change != nil {
                    throw SIPError.required(field: .goal)
                }
                return try store.planDocument(id)
            }
            for goal in document.goals {
                print("\(goal.id) " + TerminalText.safe("\(c.goalKind(goal.kind)): \(goal.text)"))
                if !goal.worksTowards.isEmpty {
                    print("    " + TerminalText.safe("\(c.field(.worksTowards)): \(goal.worksTowards)"))
                }
                if !goal.interventionIds.isEmpty {
                    print("    \(c(.servedBy)): " + goal.interventionIds.map(String.init).joined(separator: ", "))
                }
                for a in goal.assessments {
                    print(
                        "    \(a.on.iso) \(c.assessedBy(a.by)): \(c.outcome(a.outcome))"
                            + (a.comment.isEmpty ? "" : " – " + TerminalText.safe(a.comment)))
                }
            }
            if document.goals.isEmpty { print(c(.noGoals)) }
        }
    }

    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assess a goal at a follow-up meeting, by the professionals or by the child and family.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The goal (number, see `plan goals`).") var goal: Int64
        @Option(help: "The follow-up meeting (number).") var meeting: Int64
        @Option(help: "professionals|family") var by: AssessedBy
        @Option(help: "achieved|partly|not-achieved|not-relevant") var outcome: GoalOutcome
        @Option(help: "A comment.") var comment: String = ""

        func run() throws {
            _ = try global.withStore(requiring: .plans) { store in
                // The goal must be this plan's: the model checks it against the meeting's plan.
                try requireMeeting(store, plan: id, meeting)
                try store.assessGoal(goalId: goal, meetingId: meeting, by: by, outcome: outcome, comment: comment)
            }
            print(global.catalog(.assessmentSaved))
        }
    }

    struct Participation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record how the child took part in a meeting, with the child's own words.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The meeting (number).") var meeting: Int64
        @Flag(help: "The child was there.") var present = false
        @Flag(help: "The child was heard before the meeting.") var heardBefore = false
        @Option(help: "Who represented the child.") var representedBy: String = ""
        @Option(help: "conversation|drawing|written; repeat for several.") var way: [String] = []
        @Option(help: "The child's own words.") var words: String = ""

        func run() throws {
            for w in way where !["conversation", "drawing", "written"].contains(w) {
                global.fail(.invalidValue(field: .childWords, value: w))
            }
            _ = try global.withStore(requiring: .plans) { store in
                try requireMeeting(store, plan: id, meeting)
                try store.recordParticipation(
                    ChildParticipation(
                        meetingId: meeting, present: present, heardBefore: heardBefore, representedBy: representedBy,
                        byConversation: way.contains("conversation"), byDrawing: way.contains("drawing"),
                        byWrittenAnswer: way.contains("written"), childWords: words))
            }
            print(global.catalog(.participationSaved))
        }
    }

    struct Need: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a need the meeting identified; without --org, one no organisation has taken on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "What is needed.") var what: String
        @Option(help: "The organisation taking it on (name or number).") var org: String?
        @Option(help: "The meeting that identified it (number).") var meeting: Int64?

        func run() throws {
            _ = try global.withStore(requiring: .plans) { store in
                try store.recordNeed(
                    planId: id, what: what, meetingId: meeting,
                    agencyId: try org.map { try store.agency(matching: $0).id! })
            }
            print(global.catalog(.needSaved))
        }
    }

    struct Language: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A family member's language and the language an interpreter is needed in.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The family member (number, see `plan show --json`).") var member: Int64
        @Option(help: "Their language.") var language: String = ""
        @Option(help: "The language an interpreter is needed in (empty: none).") var interpreter: String = ""

        func run() throws {
            _ = try global.withStore(requiring: .plans) { store in
                try store.setLanguage(planId: id, memberId: member, language: language, interpreter: interpreter)
            }
            print(global.catalog(.languageSaved))
        }
    }

    struct Interpreter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The interpreter booked for a meeting (empty: none); with --lacking, the meetings lacking one.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number (not with --lacking).") var id: Int64?
        @Option(help: "The meeting (number).") var meeting: Int64?
        @Option(help: "The interpreter booked, in words.") var booked: String = ""
        @Option(help: "List meetings from today for this many days lacking an interpreter.") var lacking: Int?

        func run() throws {
            if let days = lacking {
                let gaps = try global.withStore(requiring: .plans) { store in
                    try store.meetingsLackingInterpreter(
                        from: store.context.today, to: store.context.today.adding(days: max(0, days)))
                }
                for gap in gaps {
                    print(
                        "\(gap.planId) \(gap.meetingId) \(ISO8601DateFormatter().string(from: gap.startsAt)) "
                            + TerminalText.safe(gap.languages.joined(separator: ", ")))
                }
                return
            }
            guard let id, let meeting else { global.fail(.required(field: .interpreterBooked)) }
            _ = try global.withStore(requiring: .plans) { store in
                try requireMeeting(store, plan: id, meeting)
                try store.bookInterpreter(meetingId: meeting, booked: booked)
            }
            print(global.catalog(.interpreterSaved))
        }
    }

    struct Discharge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a plan a discharge plan (lag 2017:612) notified on a day, or --off an ordinary one.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan number.") var id: Int64
        @Option(help: "The day the notice of discharge came (YYYY-MM-DD).") var notified: String?
        @Flag(help: "An ordinary plan again.") var off = false

        func run() throws {
            let day: Day?
            do {
                day = off ? nil : try Day.parseOptional(notified ?? "")
            } catch let error as SIPError {
                global.fail(error)
            }
            if !off && day == nil { global.fail(.required(field: .notifiedOn)) }
            let info = try global.withStore(requiring: .plans) { store in
                try store.setDischarge(planId: id, notifiedOn: day)
                return try store.planKind(planId: id)
            }
            let c = global.catalog
            print(c(.dischargeSaved) + (info.firstMeetingDue.map { " \(c(.dischargeDue)): \($0.iso)" } ?? ""))
        }
    }
}
