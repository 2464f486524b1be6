import SIPDomain

extension Catalog {
    /// Consent: recording, withdrawing, what it covers.
    public enum ConsentText: CatalogText {
        case addConsent, withdrawConsent, givenBy, theChild, validFrom, validTo, consentCovers, withdrawnOn
        case consentWithdrawnBanner, consentAdded, consentWritten, consentOral, consent, consentValid
        case consentMissing, consentWithdrawn, validFromTo, givenByChild, covers
        case recordMaturity, maturityReason, maturityRecorded, consentWithdrawnNext, outsideConsentMark
        case notInvited, protectedIdentity, protectedIdentityMark

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var addConsent: Self { Self(.consent(.addConsent)) }
    public static var withdrawConsent: Self { Self(.consent(.withdrawConsent)) }
    public static var givenBy: Self { Self(.consent(.givenBy)) }
    public static var theChild: Self { Self(.consent(.theChild)) }
    public static var validFrom: Self { Self(.consent(.validFrom)) }
    public static var validTo: Self { Self(.consent(.validTo)) }
    public static var consentCovers: Self { Self(.consent(.consentCovers)) }
    public static var withdrawnOn: Self { Self(.consent(.withdrawnOn)) }
    public static var consentWithdrawnBanner: Self { Self(.consent(.consentWithdrawnBanner)) }
    public static var consentAdded: Self { Self(.consent(.consentAdded)) }
    public static var consentWritten: Self { Self(.consent(.consentWritten)) }
    public static var consentOral: Self { Self(.consent(.consentOral)) }
    public static var consent: Self { Self(.consent(.consent)) }
    public static var consentValid: Self { Self(.consent(.consentValid)) }
    public static var consentMissing: Self { Self(.consent(.consentMissing)) }
    public static var consentWithdrawn: Self { Self(.consent(.consentWithdrawn)) }
    public static var validFromTo: Self { Self(.consent(.validFromTo)) }
    public static var givenByChild: Self { Self(.consent(.givenByChild)) }
    public static var covers: Self { Self(.consent(.covers)) }
    public static var recordMaturity: Self { Self(.consent(.recordMaturity)) }
    public static var maturityReason: Self { Self(.consent(.maturityReason)) }
    public static var maturityRecorded: Self { Self(.consent(.maturityRecorded)) }
    public static var consentWithdrawnNext: Self { Self(.consent(.consentWithdrawnNext)) }
    public static var outsideConsentMark: Self { Self(.consent(.outsideConsentMark)) }
    public static var notInvited: Self { Self(.consent(.notInvited)) }
    public static var protectedIdentity: Self { Self(.consent(.protectedIdentity)) }
    public static var protectedIdentityMark: Self { Self(.consent(.protectedIdentityMark)) }
}
