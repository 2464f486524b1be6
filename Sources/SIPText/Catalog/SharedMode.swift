import SIPDomain

extension Catalog {
    /// The shared mode (the program setgid to a service group) and `install-shared`.
    public enum SharedModeText: CatalogText {
        case databaseOptionIgnored, installSteps, installNeedsRoot, installDone, installCheckFailed
        case stepGroup, stepDirectory, stepBinary, stepConfiguration, stepCheck

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
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
