import SIPDomain

/// Errors: one clear line for each, and where one helps, a second line saying what to do
/// (the hints are `Catalog.ErrorHintText`).
extension Catalog {
    /// One clear line for an error.
    public func message(_ error: SIPError) -> String { language.words.message(error, in: self) }

    /// A second line suggesting what to do, where one helps.
    public func hint(_ error: SIPError) -> String? {
        switch error {
        case .directoryMissing, .directoryNotWritable, .cannotOpen, .notADatabase: return self(.hintCheckPath)
        case .locked: return self(.hintLocked)
        case .newerVersion: return self(.hintNewerVersion)
        case .permissionsTooOpen: return self(.hintPermissions)
        case .cannotShare: return self(.hintSharedGroup)
        case .sharedSetupUnsafe: return self(.hintInstallShared)
        case .notOwned, .notAPlainFile: return self(.hintPlantedFile)
        case .unknownUser: return self(.hintAskAdministrator)
        case .databaseNotEmpty: return self(.hintNewDatabase)
        case .reviewTalliesStale: return self(.hintRepair)
        default: return nil
        }
    }
}

extension Catalog {
    /// What a path names instead of a plain file, after "is" ("är").
    public func fileKind(_ kind: FileKind) -> String { language.words.fileKind(kind, in: self) }
}
