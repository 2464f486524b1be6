import SIPDomain

extension Catalog {
    /// Consent: recording, withdrawing, what it covers.
    public enum ConsentText: CatalogText {
        case addConsent, withdrawConsent, givenBy, theChild, validFrom, validTo, consentCovers, withdrawnOn
        case consentWithdrawnBanner, consentAdded, consentWritten, consentOral, consent, consentValid
        case consentMissing, consentWithdrawn, validFromTo, givenByChild, covers
        case recordMaturity, maturityReason, maturityRecorded, consentWithdrawnNext, outsideConsentMark
        case notInvited, protectedIdentity, protectedIdentityMark

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .addConsent: return pick("Registrera samtycke", "Record consent")
            case .withdrawConsent: return pick("Återkalla samtycke", "Withdraw consent")
            case .givenBy: return pick("Lämnat av", "Given by")
            case .theChild: return pick("barnet självt", "the child")
            case .validFrom: return pick("Giltigt från", "Valid from")
            case .validTo: return pick("Giltigt till", "Valid to")
            case .consentCovers: return pick("Omfattar deltagande verksamheter", "Covers the organisations taking part")
            case .withdrawnOn: return pick("Återkallat den", "Withdrawn on")
            case .consentWithdrawnBanner:
                return pick(
                    "SAMTYCKE ÅTERKALLAT: dela inga uppgifter.",
                    "CONSENT WITHDRAWN: share nothing.")
            case .consentAdded: return pick("Samtycket är registrerat.", "The consent is recorded.")
            case .consentWritten: return pick("skriftligt", "written")
            case .consentOral: return pick("muntligt", "oral")
            case .consent: return pick("Samtycke", "Consent")
            case .consentValid: return pick("Giltigt samtycke finns", "Valid consent on record")
            case .consentMissing: return pick("Giltigt samtycke saknas", "No valid consent")
            case .consentWithdrawn: return pick("ÅTERKALLAT", "WITHDRAWN")
            case .validFromTo: return pick("Giltigt", "Valid")
            case .givenByChild: return pick("barnet självt", "the child")
            case .covers: return pick("omfattar", "covers")
            case .recordMaturity: return pick("Mognadsbedömning", "Maturity assessment")
            case .maturityReason:
                return pick("Skäl: varför barnet kan samtycka själv", "Reason: why the child can consent on their own")
            case .maturityRecorded:
                return pick("Mognadsbedömningen är registrerad.", "The maturity assessment is recorded.")
            case .consentWithdrawnNext:
                return pick(
                    "Ett samtycke är återkallat: inget delas med dem det gällde. "
                        + "Registrera nytt samtycke (c) eller avsluta planen (a).",
                    "A consent is withdrawn: nothing is shared with those it covered. "
                        + "Record a new consent (c) or close the plan (a).")
            case .outsideConsentMark:
                return pick("utanför samtycke: ser inget av planen", "outside consent: sees nothing of the plan")
            case .notInvited: return pick("Ingen inbjudan gjordes.", "Nobody was invited.")
            case .protectedIdentity: return pick("Skyddade personuppgifter", "Protected identity")
            case .protectedIdentityMark:
                return pick("skyddade personuppgifter: adressen visas inte", "protected identity: no address shown")
            }
        }
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
