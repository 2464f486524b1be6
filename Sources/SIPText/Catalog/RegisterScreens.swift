import SIPDomain

extension Catalog {
    /// The register's screens (administrators): lists of organisations, BUS groups and contact
    /// persons, their forms, and retiring.
    public enum RegisterScreenText: CatalogText {
        case organisations, busGroups, contactPersons, registerHint
        case newRecord, retireRecord, toggleRetired
        case columnName, columnPrincipal, columnGroups, columnArea, columnChair, columnFunction, columnOrganisation
        case columnDeputy
        case retiredShown, retiredHidden, noRecords, noRecordMatches
        case newOrganisation, editOrganisation, newBusGroup, editBusGroup, newContact, editContact
        case kindLabel, principalLabel, principalNameLabel, groupsLabel, areaLabel, chairLabel, organisationLabel
        case functionLabel, deputyLabel
        case added, nothingChanged, retiredDone, notRetired, alreadyRetired
        case retireOrganisationQuestion, retireGroupQuestion, retireContactQuestion

        public func text(in c: Catalog) -> String { c.language.words.text(self, in: c) }
    }
}

extension Catalog.Text {
    public static var organisations: Self { Self(.registerScreen(.organisations)) }
    public static var busGroups: Self { Self(.registerScreen(.busGroups)) }
    public static var contactPersons: Self { Self(.registerScreen(.contactPersons)) }
    public static var registerHint: Self { Self(.registerScreen(.registerHint)) }
    public static var newRecord: Self { Self(.registerScreen(.newRecord)) }
    public static var retireRecord: Self { Self(.registerScreen(.retireRecord)) }
    public static var toggleRetired: Self { Self(.registerScreen(.toggleRetired)) }
    public static var columnName: Self { Self(.registerScreen(.columnName)) }
    public static var columnPrincipal: Self { Self(.registerScreen(.columnPrincipal)) }
    public static var columnGroups: Self { Self(.registerScreen(.columnGroups)) }
    public static var columnArea: Self { Self(.registerScreen(.columnArea)) }
    public static var columnChair: Self { Self(.registerScreen(.columnChair)) }
    public static var columnFunction: Self { Self(.registerScreen(.columnFunction)) }
    public static var columnOrganisation: Self { Self(.registerScreen(.columnOrganisation)) }
    public static var columnDeputy: Self { Self(.registerScreen(.columnDeputy)) }
    public static var retiredShown: Self { Self(.registerScreen(.retiredShown)) }
    public static var retiredHidden: Self { Self(.registerScreen(.retiredHidden)) }
    public static var noRecords: Self { Self(.registerScreen(.noRecords)) }
    public static var noRecordMatches: Self { Self(.registerScreen(.noRecordMatches)) }
    public static var newOrganisation: Self { Self(.registerScreen(.newOrganisation)) }
    public static var editOrganisation: Self { Self(.registerScreen(.editOrganisation)) }
    public static var newBusGroup: Self { Self(.registerScreen(.newBusGroup)) }
    public static var editBusGroup: Self { Self(.registerScreen(.editBusGroup)) }
    public static var newContact: Self { Self(.registerScreen(.newContact)) }
    public static var editContact: Self { Self(.registerScreen(.editContact)) }
    public static var kindLabel: Self { Self(.registerScreen(.kindLabel)) }
    public static var principalLabel: Self { Self(.registerScreen(.principalLabel)) }
    public static var principalNameLabel: Self { Self(.registerScreen(.principalNameLabel)) }
    public static var groupsLabel: Self { Self(.registerScreen(.groupsLabel)) }
    public static var areaLabel: Self { Self(.registerScreen(.areaLabel)) }
    public static var chairLabel: Self { Self(.registerScreen(.chairLabel)) }
    public static var organisationLabel: Self { Self(.registerScreen(.organisationLabel)) }
    public static var functionLabel: Self { Self(.registerScreen(.functionLabel)) }
    public static var deputyLabel: Self { Self(.registerScreen(.deputyLabel)) }
    public static var added: Self { Self(.registerScreen(.added)) }
    public static var nothingChanged: Self { Self(.registerScreen(.nothingChanged)) }
    public static var retiredDone: Self { Self(.registerScreen(.retiredDone)) }
    public static var notRetired: Self { Self(.registerScreen(.notRetired)) }
    public static var alreadyRetired: Self { Self(.registerScreen(.alreadyRetired)) }
    public static var retireOrganisationQuestion: Self { Self(.registerScreen(.retireOrganisationQuestion)) }
    public static var retireGroupQuestion: Self { Self(.registerScreen(.retireGroupQuestion)) }
    public static var retireContactQuestion: Self { Self(.registerScreen(.retireContactQuestion)) }
}
