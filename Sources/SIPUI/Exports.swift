// The UI re-exports what its screens are drawn with.
@_exported import SIPWidgets
