import SIPDomain

extension Catalog {
    /// Messages of the command line (Sources/sip-tui).
    public enum CommandLineText: CatalogText {
        case noPlans, noDeviations, demoDone, checkOK, talliesRecounted, tuiPlans, needsTerminal, unknownTerminal
        case closedOn, purgeWouldRemove, purgeRemoved, purgeRequestsWouldRemove, purgeRequestsRemoved, allPlans, allGroupsShort, auditMalformedRow, handedOver
        case keysFileExists

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
    public static var purgeRequestsWouldRemove: Self { Self(.commandLine(.purgeRequestsWouldRemove)) }
    public static var purgeRequestsRemoved: Self { Self(.commandLine(.purgeRequestsRemoved)) }
    public static var allPlans: Self { Self(.commandLine(.allPlans)) }
    public static var allGroupsShort: Self { Self(.commandLine(.allGroupsShort)) }
}
