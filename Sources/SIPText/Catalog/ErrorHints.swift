import SIPDomain

extension Catalog {
    /// The second line under an error: what to do about it.
    public enum ErrorHintText: CatalogText {
        case hintNewDatabase, hintRepair, hintCheckPath, hintLocked, hintNewerVersion, hintPermissions
        case hintSharedGroup, hintAskAdministrator, hintPlantedFile, hintInstallShared

        public func text(in c: Catalog) -> String {
            func pick(_ sv: String, _ en: String) -> String { c.pick(sv, en) }
            switch self {
            case .hintNewDatabase: return pick("Ange en ny fil med --db.", "Give a new file with --db.")
            case .hintRepair:
                return pick(
                    "Räkna om dem med: sip-tui check --repair",
                    "Recount them with: sip-tui check --repair")
            case .hintCheckPath:
                return pick(
                    "Kontrollera sökvägen eller ange en annan med --db.",
                    "Check the path or give another with --db.")
            case .hintLocked:
                return pick(
                    "En annan session skriver just nu. Försök igen om en stund.",
                    "Another session is writing. Try again in a moment.")
            case .hintNewerVersion: return pick("Uppdatera sip-tui.", "Update sip-tui.")
            case .hintPermissions:
                return pick(
                    "Rätta med: chmod 600 FIL, eller dela med en grupp: --shared-group GRUPP",
                    "Fix with: chmod 600 FILE, or share it with a group: --shared-group GROUP")
            case .hintPlantedFile:
                return pick(
                    "Någon annan kan ha lagt den där. Ta bort den, eller välj en katalog som bara du kan skriva i.",
                    "Someone else may have put it there. Remove it, or choose a directory only you can write in.")
            case .hintSharedGroup:
                return pick(
                    "Be systemadministratören lägga till dig i gruppen.",
                    "Ask the system administrator to add you to the group.")
            case .hintInstallShared:
                return pick(
                    "Systemadministratören rättar installationen: sip-tui install-shared --group GRUPP --dir KATALOG",
                    "The server's administrator fixes the installation: sip-tui install-shared --group GROUP --dir DIR")
            case .hintAskAdministrator:
                return pick(
                    "Be en administratör lägga till dig: "
                        + "sip-tui user add ANVÄNDARNAMN --name NAMN --role ROLL",
                    "Ask an administrator to add you: sip-tui user add LOGIN --name NAME --role ROLE")
            }
        }
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
