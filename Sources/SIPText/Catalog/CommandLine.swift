import SIPDomain

extension Catalog {
    /// Messages of the command line (Sources/sip-tui).
    public enum CommandLineText: CatalogText {
        case noPlans, noDeviations, demoDone, checkOK, talliesRecounted, tuiPlans, needsTerminal, unknownTerminal
        case closedOn, purgeWouldRemove, purgeRemoved, allPlans, allGroupsShort, auditMalformedRow, handedOver
        case keysFileExists

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .noPlans: return pick("Inga planer.", "No plans.")
            case .noDeviations: return pick("Inga avvikelser.", "No deviations.")
            case .demoDone: return pick("Demodata skapad", "Demo data created")
            case .checkOK: return pick("Databasen är hel", "The database is sound")
            case .talliesRecounted:
                return pick(
                    "BUS-granskningens räknare är omräknade",
                    "The review's tallies are recounted")
            case .tuiPlans: return pick("planer", "plans")
            case .auditMalformedRow: return pick("FELAKTIG LOGGRAD", "MALFORMED LOG ROW")
            case .needsTerminal:
                return pick(
                    "Gränssnittet behöver en terminal; använd underkommandona i skript (sip-tui --help).",
                    "The interface needs a terminal; use the subcommands in scripts (sip-tui --help).")
            case .unknownTerminal:
                return pick(
                    "Okänd terminaltyp (TERM); prova TERM=xterm-256color.",
                    "Unknown terminal type (TERM); try TERM=xterm-256color.")
            case .keysFileExists:
                return pick(
                    "keys.conf finns redan; den skrivs inte över:", "keys.conf exists already; not overwritten:")
            case .closedOn: return pick("avslutad", "closed")
            case .purgeWouldRemove:
                return pick(
                    "%d planer skulle gallras (--dry-run: inget ändrat).",
                    "%d plans would be purged (--dry-run: nothing changed).")
            case .purgeRemoved:
                return pick(
                    "%d planer gallrade; avidentifierad statistik finns kvar.",
                    "%d plans purged; de-identified statistics remain.")
            case .allPlans: return pick("(alla planer)", "(every plan)")
            case .handedOver: return pick("Plan %lld överlämnad:", "Plan %lld handed over:")
            case .allGroupsShort: return pick("(alla grupper)", "(every group)")
            }
        }
    }
}

extension Catalog.Text {
    public static var noPlans: Self { Self(.commandLine(.noPlans)) }
    public static var noDeviations: Self { Self(.commandLine(.noDeviations)) }
    public static var demoDone: Self { Self(.commandLine(.demoDone)) }
    public static var checkOK: Self { Self(.commandLine(.checkOK)) }
    public static var auditMalformedRow: Self { Self(.commandLine(.auditMalformedRow)) }
    public static var talliesRecounted: Self { Self(.commandLine(.talliesRecounted)) }
    public static var tuiPlans: Self { Self(.commandLine(.tuiPlans)) }
    public static var needsTerminal: Self { Self(.commandLine(.needsTerminal)) }
    public static var keysFileExists: Self { Self(.commandLine(.keysFileExists)) }
    public static var unknownTerminal: Self { Self(.commandLine(.unknownTerminal)) }
    public static var closedOn: Self { Self(.commandLine(.closedOn)) }
    public static var purgeWouldRemove: Self { Self(.commandLine(.purgeWouldRemove)) }
    public static var handedOver: Self { Self(.commandLine(.handedOver)) }
    public static var purgeRemoved: Self { Self(.commandLine(.purgeRemoved)) }
    public static var allPlans: Self { Self(.commandLine(.allPlans)) }
    public static var allGroupsShort: Self { Self(.commandLine(.allGroupsShort)) }
}
