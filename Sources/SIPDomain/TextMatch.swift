import Foundation

/// How a picker finds what is typed among names. Case and canonical form never matter (the plan
/// list's filter folds the same way: NFC, Unicode lower case), and a letter typed without a
/// diacritic finds it with one as well: "oberg" finds "Öberg", "angby" finds "Ängby", "helene" finds
/// "Hélène", so a keyboard without åäö still finds every name. A letter typed with a diacritic finds
/// only itself: in Swedish å, ä and ö are letters of their own, and someone who types "ö" means ö
/// ("bör" does not find "Bor", "åsa" does not find "Asa").
public struct TextMatch: Sendable {
    /// The typed letters, folded, and whether each is bare (has no diacritic to keep).
    private let letters: [Character]
    private let bare: [Bool]

    public init(_ typed: String) {
        letters = Self.fold(typed)
        bare = letters.map { Self.strip($0) == $0 }
    }

    public var isEmpty: Bool { letters.isEmpty }

    /// Whether `text` contains the typed letters anywhere (an empty search finds everything).
    public func finds(_ text: String) -> Bool {
        guard !letters.isEmpty else { return true }
        let folded = Self.fold(text)
        guard folded.count >= letters.count else { return false }
        // A name is short: its letters without diacritics are worked out once, only when needed.
        var stripped: [Character]?
        for start in 0...(folded.count - letters.count) {
            var found = true
            for (offset, letter) in letters.enumerated() {
                let candidate = folded[start + offset]
                if candidate == letter { continue }
                if bare[offset] {
                    if stripped == nil { stripped = folded.map(Self.strip) }
                    if stripped![start + offset] == letter { continue }
                }
                found = false
                break
            }
            if found { return true }
        }
        return false
    }

    /// NFC and Unicode lower case, as characters (a decomposed "ö" is one character, equal to "ö").
    static func fold(_ text: String) -> [Character] {
        Array(text.precomposedStringWithCanonicalMapping.lowercased())
    }

    /// A letter without its diacritics: "ö" is "o", "é" is "e".
    static func strip(_ letter: Character) -> Character {
        String(letter).folding(options: .diacriticInsensitive, locale: nil).first ?? letter
    }
}
