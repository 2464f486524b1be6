import SIPDomain

extension Catalog {
    /// The second line under an error: what to do about it.
    public enum ErrorHintText: CatalogText {
        case hintNewDatabase, hintRepair, hintCheckPath, hintLocked, hintNewerVersion, hintPermissions
        case hintSharedGroup, hintAskAdministrator, hintPlantedFile, hintInstallShared

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var hintNewDatabase: Self { Self(.errorHint(.hintNewDatabase)) }
    public static var hintRepair: Self { Self(.errorHint(.hintRepair)) }
    public static var hintCheckPath: Self { Self(.errorHint(.hintCheckPath)) }
    public static var hintLocked: Self { Self(.errorHint(.hintLocked)) }
    public static var hintNewerVersion: Self { Self(.errorHint(.hintNewerVersion)) }
    public static var hintPermissions: Self { Self(.errorHint(.hintPermissions)) }
    public static var hintSharedGroup: Self { Self(.errorHint(.hintSharedGroup)) }
    public static var hintAskAdministrator: Self { Self(.errorHint(.hintAskAdministrator)) }
    public static var hintPlantedFile: Self { Self(.errorHint(.hintPlantedFile)) }
    public static var hintInstallShared: Self { Self(.errorHint(.hintInstallShared)) }
}
