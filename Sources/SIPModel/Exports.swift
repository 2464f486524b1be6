// The store re-exports the layers below it: `import SIPModel` gives the domain, its words and its store.
@_exported import SIPDomain
@_exported import SIPText
