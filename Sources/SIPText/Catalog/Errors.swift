import SIPDomain

/// Errors: one clear line for each, and where one helps, a second line saying what to do
/// (the hints are `Catalog.ErrorHintText`).
extension Catalog {
    /// One clear line for an error.
    public func message(_ error: SIPError) -> String {
        switch error {
        case .required(let f): return pick("\(field(f)) måste fyllas i.", "\(field(f)) is required.")
        case .tooLong(let f, let max):
            return pick(
                "\(field(f)) är för lång (högst \(max) tecken).",
                "\(field(f)) is too long (at most \(max) characters).")
        case .invalidPersonalNumber(let problem):
            switch problem {
            case .format:
                return pick(
                    "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN.",
                    "Write the personal number as YYYYMMDD-NNNN.")
            case .date:
                return pick(
                    "Personnumret innehåller ett datum som inte finns.",
                    "The personal number holds a date that does not exist.")
            case .checkDigit:
                return pick(
                    "Personnumrets kontrollsiffra stämmer inte.",
                    "The personal number's check digit is wrong.")
            case .future: return pick("Personnumret ligger i framtiden.", "The personal number is in the future.")
            }
        case .invalidDate(let text):
            return pick(
                "\"\(text)\" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).",
                "\"\(text)\" is not a valid date (write YYYY-MM-DD).")
        case .invalidValue(let f, let value):
            return pick("Ogiltigt värde för \(field(f)): \(value)", "Invalid value for \(field(f)): \(value)")
        case .dateOrder(let f):
            return pick(
                "\(field(f)) ligger före startdatum.",
                "\(field(f)) is before the start date.")
        case .unknownStatus(let text):
            return pick(
                "Okänd status \"\(text)\". Välj: utkast, kallad, aktiv, uppföljning, avslutad.",
                "Unknown status \"\(text)\". Choose: draft, invited, active, follow_up_due, closed.")
        case .unknownGroup(let text):
            return pick(
                "Ingen BUS-grupp heter \"\(text)\".",
                "No BUS group is called \"\(text)\".")
        case .notFound(let entity, let id):
            return pick("\(entityName(entity)) \(id) finns inte.", "\(entityName(entity)) \(id) does not exist.")
        case .conflict:
            return pick(
                "Planen har ändrats av någon annan sedan du öppnade den. Inget har skrivits över.",
                "Someone else changed the plan since you opened it. Nothing was overwritten.")
        case .transitionNotAllowed(let from, let to):
            return pick(
                "En plan kan inte gå från \(status(from)) till \(status(to)).",
                "A plan cannot go from \(status(from)) to \(status(to)).")
        case .consentRequired:
            return pick(
                "Planen kan inte bli aktiv utan giltigt samtycke (barnets eller alla vårdnadshavares).",
                "The plan cannot become active without valid consent (the child's or every guardian's).")
        case .consentCoversNoOne:
            return pick(
                "Ett samtycke måste ange vilka verksamheter det gäller.",
                "A consent must name the organisations it covers.")
        case .outsideConsent(let agency):
            return pick(
                "\(agency) omfattas inte av något samtycke. Bekräfta för att bjuda in ändå; "
                    + "kallelsen visar då inga personuppgifter.",
                "\(agency) is not covered by any consent. Confirm to invite it anyway; "
                    + "its invitation then shows no personal details.")
        case .personalNumberUnavailable:
            return pick(
                "Personnumret kan inte användas för en ny plan här. Kontrollera numret, "
                    + "eller kontakta den centrala SIP-samordningen.",
                "This personal number cannot be used for a new plan here. Check the number, "
                    + "or contact the central SIP team.")
        case .duplicateOpenPlan(let id):
            return pick(
                "Barnet har redan en öppen plan som du kan se: \(id).",
                "This child already has an open plan you can see: \(id).")
        case .personalNumberOtherName:
            return pick(
                "Personnumret hör till ett barn du kan se, registrerat med ett annat namn. "
                    + "Kontrollera numret och namnet.",
                "The personal number belongs to a child you can see, recorded under another name. "
                    + "Check the number and the name.")
        case .personalNumberInUse:
            return pick(
                "Personnumret kan inte användas här. Kontrollera numret, "
                    + "eller kontakta den centrala SIP-samordningen.",
                "This personal number cannot be used here. Check the number, "
                    + "or contact the central SIP team.")
        case .familyMemberHasConsent:
            return pick(
                "Personen har lämnat samtycke och kan inte tas bort; samtycket hör till planens historik.",
                "This person gave a consent and cannot be removed; the consent is part of the plan's history.")
        case .nothingToHandOver(let login):
            return pick(
                "\"\(login)\" samordnar ingen öppen plan att lämna över (eller inte den angivna).",
                "\"\(login)\" coordinates no open plan to hand over (or not the one given).")
        case .leadNotPrincipal(let agency, let principal):
            return pick(
                "\(agency) kan inte ha huvudansvaret: huvudmannen är \(principalType(principal)). "
                    + "Bara en kommun eller en region kan ha huvudansvar för en SIP.",
                "\(agency) cannot hold overall responsibility: its principal is \(principalType(principal)). "
                    + "Only a municipality or a region can hold overall responsibility for a SIP.")
        case .assessmentNeedsFollowUp:
            return pick(
                "Målen bedöms vid ett uppföljningsmöte, inte vid det första mötet.",
                "Goals are assessed at a follow-up meeting, not at the first meeting.")
        case .identityInSharedText:
            return pick(
                "Texten liknar ett personnummer eller samordningsnummer, och alla läsare ser den. Inget sparades.",
                "The text holds what looks like an identity or coordination number; every reader sees it. Not saved.")
        case .closingReasonRequired:
            return pick(
                "Ange skäl för att avsluta planen.",
                "Give a reason for closing the plan.")
        case .meetingAlreadyHeld:
            return pick(
                "Mötet är redan genomfört. Boka ett nytt möte för uppföljningen (b).",
                "The meeting has already been held. Schedule a new one for the follow-up (b).")
        case .planClosed(let id):
            return pick(
                "Plan \(id) är avslutad: inga nya möten eller kallelser (öppna igen: o).",
                "Plan \(id) is closed: no new meetings or invitations (reopen: o).")
        case .planNotClosed(let id):
            return pick("Plan \(id) är inte avslutad.", "Plan \(id) is not closed.")
        case .meetingCancelled(let id):
            return pick("Möte \(id) är inställt.", "Meeting \(id) has been cancelled.")
        case .noMailRecipients:
            return pick(
                "Ingen inbjuden verksamhet har en kontaktperson med e-postadress att skicka kallelsen till.",
                "No invited organisation has a contact person with an e-mail address to send the invitation to.")
        case .invalidEmail(let text):
            return pick("\"\(text)\" är ingen användbar e-postadress.", "\"\(text)\" is not a usable e-mail address.")
        case .alreadyRegistered(let id):
            return pick(
                "Avvikelsen är redan registrerad (nummer \(id)).",
                "The deviation is already registered (number \(id)).")
        case .changedElsewhere(let entity):
            return pick(
                "\(entityName(entity)) har ändrats av någon annan sedan du öppnade den. "
                    + "Inget har skrivits över; öppna den igen.",
                "\(entityName(entity)) was changed by someone else since you opened it. "
                    + "Nothing was overwritten; open it again.")
        case .planPurged(let id):
            return pick(
                "Plan \(id) är gallrad; bara avidentifierad statistik finns kvar.",
                "Plan \(id) has been purged; only de-identified statistics remain.")
        case .requestAnswered(let id):
            return pick(
                "Begäran \(id) är redan besvarad.",
                "Request \(id) has already been answered.")
        case .requestNeedsOrganisation:
            return pick(
                "Bara den som arbetar för en verksamhet kan registrera en begäran om SIP.",
                "Only someone who works for an organisation can register a request for a SIP.")
        case .unknownUser(let login):
            return pick(
                "Användaren \"\(login)\" finns inte i den här databasen.",
                "The user \"\(login)\" is not a user of this database.")
        case .userRetired(let login):
            return pick(
                "Användaren \"\(login)\" har avslutats: hen kan inte väljas eller ta över planer.",
                "The user \"\(login)\" has been retired: they cannot be chosen or take over plans.")
        case .personRetired(let name):
            return pick(
                "\"\(name)\" har avslutats och kan inte väljas; välj någon annan.",
                "\"\(name)\" has been retired and cannot be chosen; choose someone else.")
        case .retiredCannotSignIn(let login):
            return pick(
                "Användaren \"\(login)\" har avslutats och kan inte logga in. Fråga en administratör.",
                "The user \"\(login)\" has been retired and cannot sign in. Ask an administrator.")
        case .userExists(let login):
            return pick(
                "Användaren \"\(login)\" finns redan; byt roll med: sip-tui user set-role",
                "The user \"\(login)\" already exists; change the role with: sip-tui user set-role")
        case .notPermitted(let role):
            return pick(
                "Det får du inte göra med rollen \(self.role(role)).",
                "Your role (\(self.role(role))) does not allow that.")
        case .planNotPermitted(let id):
            return pick(
                "Plan \(id) hör inte till din verksamhet; du kan inte öppna den.",
                "Plan \(id) does not involve your organisation; you cannot open it.")
        case .ambiguousAgency(let name, let ids):
            let numbers = ids.map(String.init).joined(separator: ", ")
            return pick(
                "Flera verksamheter heter \"\(name)\" (nummer \(numbers)); ange numret.",
                "Several organisations are called \"\(name)\" (numbers \(numbers)); give the number.")
        case .register(let problem): return registerProblem(problem)
        case .registerInvalid(let issues): return registerInvalid(issues)
        case .lastAdministrator:
            return pick(
                "Databasen måste ha minst en administratör. Utse en ny först.",
                "The database must keep at least one administrator. Appoint another first.")
        case .unknownSystemGroup(let group):
            return pick(
                "Det finns ingen grupp \"\(group)\" på den här datorn.",
                "There is no group \"\(group)\" on this computer.")
        case .cannotShare(let path, let group):
            return pick(
                "\(path) kunde inte delas med gruppen \(group).",
                "\(path) could not be shared with the group \(group).")
        case .sharedSetupUnsafe(let path, let expected, let found):
            return pick(
                "Delat läge: \(path) ska vara \(expected), är \(found); sip-tui startar inte.",
                "Shared mode: \(path) must be \(expected), is \(found); sip-tui does not start.")
        case .notInSharedMode:
            return pick(
                "Det här kommandot finns inte i delat läge.",
                "This command is not available in shared mode.")
        case .databaseNotEmpty:
            return pick(
                "Databasen innehåller redan planer; demodata skapas bara i en tom databas.",
                "The database already holds plans; demo data goes only into an empty database.")
        case .directoryMissing(let path):
            return pick(
                "Katalogen finns inte: \(path)",
                "The directory does not exist: \(path)")
        case .directoryNotWritable(let path):
            return pick("Katalogen går inte att skriva i: \(path)", "The directory is not writable: \(path)")
        case .cannotOpen(let path):
            return pick(
                "Databasen går inte att öppna: \(path)",
                "Cannot open the database: \(path)")
        case .notADatabase(let path):
            return pick(
                "Filen är ingen sip-tui-databas: \(path)",
                "The file is not a sip-tui database: \(path)")
        case .corrupt(let path): return pick("Databasen är skadad: \(path)", "The database is corrupt: \(path)")
        case .readOnly(let path):
            return pick(
                "Databasen är skrivskyddad: \(path)",
                "The database is read-only: \(path)")
        case .locked(let path):
            return pick(
                "Databasen är låst av en annan session: \(path)",
                "The database is locked by another session: \(path)")
        case .newerVersion(let path):
            return pick(
                "Databasen är skapad av en nyare version av sip-tui: \(path)",
                "The database was written by a newer version of sip-tui: \(path)")
        case .permissionsTooOpen(let path, let mode):
            return pick(
                "\(path) kan läsas av andra (läge \(mode)); bara ägaren får ha åtkomst.",
                "\(path) is readable by others (mode \(mode)); only its owner may have access.")
        case .notOwned(let path, let owner):
            return pick(
                "\(path) ägs av \(owner), inte av dig; sip-tui öppnar den inte.",
                "\(path) belongs to \(owner), not to you; sip-tui does not open it.")
        case .notAPlainFile(let path, let kind):
            return pick(
                "\(path) är \(fileKind(kind)), ingen vanlig fil; sip-tui öppnar den inte.",
                "\(path) is \(fileKind(kind)), not a plain file; sip-tui does not open it.")
        case .integrityFailed(let detail):
            return pick(
                "Integritetskontrollen misslyckades: \(detail)",
                "Integrity check failed: \(detail)")
        case .foreignKeyViolations(let count):
            return pick("\(count) trasiga referenser mellan tabeller.", "\(count) broken references between tables.")
        case .reviewTalliesStale(let count):
            return pick(
                "BUS-granskningens räknare stämmer inte med planerna och avvikelserna (\(count) skillnader).",
                "The BUS review's tallies differ from the plans and deviations (\(count) differences).")
        case .auditChainBroken(let row):
            return pick(
                "Granskningsloggen har ändrats utanför programmet: kedjan bryts vid rad \(row).",
                "The audit log was changed outside the program: its chain breaks at row \(row).")
        case .storage(let detail): return pick("Databasfel: \(detail)", "Database error: \(detail)")
        }
    }

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
    public func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .symlink: return pick("en symbolisk länk", "a symbolic link")
        case .fifo: return pick("en namngiven pipe (FIFO)", "a named pipe (FIFO)")
        case .device: return pick("en enhetsfil", "a device file")
        case .socket: return pick("en socket", "a socket")
        case .directory: return pick("en katalog", "a directory")
        case .other: return pick("en specialfil", "a special file")
        }
    }
}
