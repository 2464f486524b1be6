import SIPDomain

extension Catalog {
    /// The administrator's screen.
    public enum AdministrationText: CatalogText {
        case administration, administrationIntro, atLeast

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .administration: return pick("Administration", "Administration")
            case .administrationIntro:
                return pick(
                    """
                    Som administratör hanterar du användare och inställningar; planerna visas för samordnare. \
                    Roller: coordinator, bus-chair, administrator.
                      sip-tui user add ANVÄNDARNAMN --name NAMN --role ROLL --org VERKSAMHET
                      sip-tui user set-role ANVÄNDARNAMN ROLL
                      sip-tui settings --set first-meeting-days=21
                      sip-tui audit --plan NR · backup FIL · restore FIL
                      sip-tui purge --closed-before DATUM --dry-run
                    """,
                    """
                    As an administrator you manage users and settings; plans are shown to coordinators. \
                    Roles: coordinator, bus-chair, administrator.
                      sip-tui user add LOGIN --name NAME --role ROLE --org ORGANISATION
                      sip-tui user set-role LOGIN ROLE
                      sip-tui settings --set first-meeting-days=21
                      sip-tui audit --plan NO · backup FILE · restore FILE
                      sip-tui purge --closed-before DATE --dry-run
                    """)
            case .atLeast: return pick("minst", "at least")
            }
        }
    }
}

extension Catalog.Text {
    public static var administration: Self { Self(.administration(.administration)) }
    public static var administrationIntro: Self { Self(.administration(.administrationIntro)) }
    public static var atLeast: Self { Self(.administration(.atLeast)) }
}
