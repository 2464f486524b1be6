import SIPDomain

extension Catalog {
    /// The shared mode (the program setgid to a service group) and `install-shared`.
    public enum SharedModeText: CatalogText {
        case databaseOptionIgnored, installSteps, installNeedsRoot, installDone, installCheckFailed
        case stepGroup, stepDirectory, stepBinary, stepConfiguration, stepCheck

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .databaseOptionIgnored:
                return pick(
                    "delat läge: --db och SIP_TUI_DB gäller inte; databasen är",
                    "shared mode: --db and SIP_TUI_DB do not apply; the database is")
            case .installSteps:
                return pick(
                    "Stegen för delat läge (kör dem som root, eller kör install-shared som root):",
                    "The steps of the shared mode (run them as root, or run install-shared as root):")
            case .installNeedsRoot:
                return pick(
                    "Bara root kan utföra stegen; här är de.",
                    "Only root can perform the steps; here they are.")
            case .installDone:
                return pick(
                    "Delat läge installerat och kontrollerat. Den som först startar programmet blir administratör.",
                    "Shared mode installed and checked. Whoever starts the program first becomes its administrator.")
            case .installCheckFailed:
                return pick("Kontrollen av installationen misslyckades.", "The installation's check failed.")
            case .stepGroup:
                return pick(
                    "en systemgrupp som ingen person tillhör",
                    "a system group no person belongs to")
            case .stepDirectory:
                return pick(
                    "databasens katalog: bara gruppen kommer in",
                    "the database's directory: only the group can enter")
            case .stepBinary:
                return pick(
                    "programmet, setgid till gruppen, med sina resurser",
                    "the program, setgid to the group, with its resources")
            case .stepConfiguration:
                return pick(
                    "konfigurationen: root äger den, den anger databasen",
                    "the configuration: root's own, it names the database")
            case .stepCheck:
                return pick(
                    "kontroll: den installerade kopian startar i säkert läge (AT_SECURE)",
                    "check: the installed copy starts in secure mode (AT_SECURE)")
            }
        }
    }
}

extension Catalog.Text {
    public static var databaseOptionIgnored: Self { Self(.sharedMode(.databaseOptionIgnored)) }
    public static var installSteps: Self { Self(.sharedMode(.installSteps)) }
    public static var installNeedsRoot: Self { Self(.sharedMode(.installNeedsRoot)) }
    public static var installDone: Self { Self(.sharedMode(.installDone)) }
    public static var installCheckFailed: Self { Self(.sharedMode(.installCheckFailed)) }
    public static var stepGroup: Self { Self(.sharedMode(.stepGroup)) }
    public static var stepDirectory: Self { Self(.sharedMode(.stepDirectory)) }
    public static var stepBinary: Self { Self(.sharedMode(.stepBinary)) }
    public static var stepConfiguration: Self { Self(.sharedMode(.stepConfiguration)) }
    public static var stepCheck: Self { Self(.sharedMode(.stepCheck)) }
}
