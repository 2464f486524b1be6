import Foundation
import SIPDomain

/// The user's language. Swedish is the default: it is the users' language.
public enum Language: String, Sendable, CaseIterable {
    case sv, en

    /// This language's words: one file each in Catalog/Languages/.
    var words: any Catalog.Words {
        switch self {
        case .sv: return Catalog.Swedish()
        case .en: return Catalog.English()
        }
    }
}

/// Every user-facing string, in Swedish and English. Keys are checked by the compiler: a string
/// missing in one language does not build.
///
/// The catalog is grouped by area, one file each in this folder: every area is an enum of its texts
/// (`Catalog.PlanListText`, `Catalog.ReviewText`...) with their doc comments; `Catalog.Text`
/// names any of them (`.help`, `.planNumber`), so call sites write `c(.planNumber)` or `c.ui(.help)`.
/// The names of domain values are in Names.swift, errors in Errors.swift.
///
/// The words themselves are in one file per language, Languages/Swedish.swift and English.swift:
/// per area an exhaustive `switch` over its texts, so a text missing in a language does not build.
/// `Catalog.Words` (Languages/Words.swift) lists what every language says; `Language.words` picks
/// the user's. To add a language: copy English.swift to, say, German.swift, rename `English` to
/// `German` and the `english` prefix to `german`, translate, and add `case de` to `Language` with
/// `case .de: return Catalog.German()` in `words`. (Data files with their own language, such as
/// data/kallelse.en.txt, are named in `KallelseText`.)
///
/// The area files were once written pick-style (`pick("svenska", "English")` per case);
/// /work/tools/catalog-split.py turned them into this layout.
public struct Catalog: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// Numbers are written 15,5 in Swedish, 15.5 in English.
    public var usesDecimalComma: Bool { language == .sv }

    /// Fixed texts, by their name in `Catalog.Text`.
    public func callAsFunction(_ text: Text) -> String { text.entry.text(in: self) }

    /// Words of the terminal interface: the same texts as `callAsFunction`.
    public func ui(_ text: UIText) -> String { text.entry.text(in: self) }

    /// Earlier names of `Catalog.Text`: the command line's texts were `Key`, the interface's `UIText`.
    public typealias Key = Text
    public typealias UIText = Text
}

/// An area's texts: every case has its words in both languages.
public protocol CatalogText: CaseIterable, Hashable, Sendable {
    func text(in catalog: Catalog) -> String
}

extension Catalog {
    /// A fixed text of any area. Each area's file declares its names (`static var help`...).
    public struct Text: Hashable, Sendable, CaseIterable {
        let entry: Entry

        init(_ entry: Entry) { self.entry = entry }

        public static var allCases: [Text] {
            KeysText.allCases.map { Self(.keys($0)) } + PlanListText.allCases.map { Self(.planList($0)) }
                + PlanText.allCases.map { Self(.plan($0)) } + FormText.allCases.map { Self(.form($0)) }
                + MeetingText.allCases.map { Self(.meeting($0)) }
                + InterventionsText.allCases.map { Self(.interventions($0)) }
                + ConsentText.allCases.map { Self(.consent($0)) } + ReviewText.allCases.map { Self(.review($0)) }
                + DeviationsText.allCases.map { Self(.deviations($0)) }
                + AdministrationText.allCases.map { Self(.administration($0)) }
                + CommandLineText.allCases.map { Self(.commandLine($0)) }
                + ErrorHintText.allCases.map { Self(.errorHint($0)) }
                + SharedModeText.allCases.map { Self(.sharedMode($0)) }
                + CorrectionsText.allCases.map { Self(.corrections($0)) }
                + RegisterScreenText.allCases.map { Self(.registerScreen($0)) }
                + DayText.allCases.map { Self(.day($0)) }
                + MailText.allCases.map { Self(.mail($0)) }
                + FamilyText.allCases.map { Self(.family($0)) }
        }
    }

    /// Which area a text belongs to.
    enum Entry: Hashable, Sendable {
        case keys(KeysText)
        case planList(PlanListText)
        case plan(PlanText)
        case form(FormText)
        case meeting(MeetingText)
        case interventions(InterventionsText)
        case consent(ConsentText)
        case review(ReviewText)
        case deviations(DeviationsText)
        case administration(AdministrationText)
        case commandLine(CommandLineText)
        case errorHint(ErrorHintText)
        case sharedMode(SharedModeText)
        case corrections(CorrectionsText)
        case registerScreen(RegisterScreenText)
        case day(DayText)
        case mail(MailText)
        case family(FamilyText)

        func text(in c: Catalog) -> String {
            switch self {
            case .keys(let text): return text.text(in: c)
            case .planList(let text): return text.text(in: c)
            case .plan(let text): return text.text(in: c)
            case .form(let text): return text.text(in: c)
            case .meeting(let text): return text.text(in: c)
            case .interventions(let text): return text.text(in: c)
            case .consent(let text): return text.text(in: c)
            case .review(let text): return text.text(in: c)
            case .deviations(let text): return text.text(in: c)
            case .administration(let text): return text.text(in: c)
            case .commandLine(let text): return text.text(in: c)
            case .errorHint(let text): return text.text(in: c)
            case .sharedMode(let text): return text.text(in: c)
            case .corrections(let text): return text.text(in: c)
            case .registerScreen(let text): return text.text(in: c)
            case .day(let text): return text.text(in: c)
            case .mail(let text): return text.text(in: c)
            case .family(let text): return text.text(in: c)
            }
        }
    }
}
