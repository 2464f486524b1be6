import Foundation
import Testing

@testable import SIPDomain
@testable import SIPText

/// Every text of the catalog in both languages: each area's enum, and the names of the domain's values.
@Suite("The catalog")
struct CatalogTests {
    /// Words Swedish and English spell alike, where the same word is the right one in both.
    static let sameInBothLanguages: Set<String> = [
        "Administration",  // the administrator's screen
        "Filter",  // the plan list's filter prompt
        "Format",  // an export's file format
        "Period",  // the review's period
        "Person",  // a participant's person
        "Plan", "plan",  // "Plan 12", a plan's number
        "Relation",  // a family member's relation to the child
        "region",  // the principal type
        "Status", "status",  // a plan's, an intervention's status; the plan list's sort
    ]

    /// (Swedish, English) for every case of every area, and of every domain value the catalog names.
    static var pairs: [(name: String, sv: String, en: String)] {
        let sv = Catalog(.sv), en = Catalog(.en)
        func area<T: CatalogText>(_ type: T.Type) -> [(name: String, sv: String, en: String)] {
            type.allCases.map { ("\(type).\($0)", $0.text(in: sv), $0.text(in: en)) }
        }
        func names<T: CaseIterable>(_ type: T.Type, _ name: (Catalog) -> (T) -> String)
            -> [(name: String, sv: String, en: String)]
        {
            type.allCases.map { ("\(type).\($0)", name(sv)($0), name(en)($0)) }
        }
        return area(Catalog.KeysText.self) + area(Catalog.PlanListText.self) + area(Catalog.PlanText.self)
            + area(Catalog.FormText.self) + area(Catalog.MeetingText.self) + area(Catalog.InterventionsText.self)
            + area(Catalog.ConsentText.self) + area(Catalog.ReviewText.self) + area(Catalog.DeviationsText.self)
            + area(Catalog.AdministrationText.self) + area(Catalog.CommandLineText.self)
            + area(Catalog.ErrorHintText.self) + area(Catalog.SharedModeText.self)
            + area(Catalog.CorrectionsText.self) + area(Catalog.MailText.self)
            + names(Field.self, Catalog.field) + names(PlanStatus.self, Catalog.status)
            + names(Sex.self, Catalog.sex) + names(InterventionStatus.self, Catalog.interventionStatus)
            + names(DeviationStatus.self, Catalog.deviationStatus) + names(AttendanceStatus.self, Catalog.attendance)
            + names(MeetingKind.self, Catalog.meetingKind) + names(InitiatorKind.self, Catalog.initiator)
            + names(PrincipalType.self, Catalog.principalType) + names(Role.self, Catalog.role)
            + names(InvitationAnswer.self, Catalog.answer) + names(Escalation.self, Catalog.escalation)
    }

    @Test("every text has Swedish and English words")
    func nonEmpty() {
        for pair in Self.pairs {
            #expect(!pair.sv.trimmingCharacters(in: .whitespaces).isEmpty, "\(pair.name) has no Swedish text")
            #expect(!pair.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(pair.name) has no English text")
        }
    }

    @Test("Swedish and English differ, except the words spelt alike")
    func translated() {
        for pair in Self.pairs where pair.sv == pair.en {
            #expect(Self.sameInBothLanguages.contains(pair.sv), "\(pair.name) is \"\(pair.sv)\" in both languages")
        }
    }

    @Test("every area is reachable through Catalog.Text")
    func handles() {
        #expect(Set(Catalog.Text.allCases).count == Catalog.Text.allCases.count)
        #expect(Catalog(.sv)(.planNumber) == "Plan" && Catalog(.en).ui(.help) == "Help")
    }
}
