import SIPDomain

extension Catalog {
    /// The administrator's screen.
    public enum AdministrationText: CatalogText {
        case administration, administrationIntro, atLeast

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var administration: Self { Self(.administration(.administration)) }
    public static var administrationIntro: Self { Self(.administration(.administrationIntro)) }
    public static var atLeast: Self { Self(.administration(.atLeast)) }
}
