// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sip-tui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sip-tui", targets: ["sip-tui"]),
        .library(name: "SIPModel", targets: ["SIPModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the audit log's hash chain (Foundation on Linux has no CryptoKit).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"4.0.0"),
    ],
    targets: [
        // No pkgConfig: SwiftPM would drop its -D_XOPEN_SOURCE flag with a warning anyway; the
        // header defines what it needs and the module map links ncursesw.
        .systemLibrary(name: "CNcurses"),
        // Layers, each only above the ones it names: the compiler keeps the direction.
        // The domain: days, personal numbers, records as values, rules, errors. No database.
        .target(name: "SIPDomain"),
        // Words and documents, from domain values: the one catalog, the plan as text and HTML.
        .target(name: "SIPText", dependencies: ["SIPDomain"]),
        // The store: GRDB records, migrations (frozen SQL), access, queries, the review.
        .target(
            name: "SIPModel",
            dependencies: [
                "SIPDomain", "SIPText", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/data"), .copy("Resources/sql")]
        ),
        // Fictional demo data, through the store.
        .target(name: "SIPDemo", dependencies: ["SIPModel"]),
        // What screens are drawn with: the cell grid, themes, keys and key tables, text input, chrome.
        .target(name: "SIPWidgets", dependencies: ["SIPDomain", "SIPText"]),
        // The terminal UI without a terminal: screens as state machines rendering into a grid,
        // their commands interpreted against the store.
        .target(
            name: "SIPUI",
            dependencies: ["SIPModel", "SIPWidgets"]
        ),
        .executableTarget(
            name: "sip-tui",
            dependencies: [
                "SIPModel",
                "SIPDemo",
                "SIPUI",
                "SIPWidgets",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A writer process for the durability and concurrency tests; not a product.
        .executableTarget(
            name: "sip-stress",
            dependencies: ["SIPModel"]
        ),
        // Helpers both test targets share: temporary directories, the built binary, a tmux driver, a real SMTP server.
        .target(
            name: "SIPTestSupport",
            path: "Tests/SIPTestSupport"
        ),
        .testTarget(
            name: "SIPModelTests",
            // sip-tui is listed so that `swift test` builds the binary the command-line tests run.
            dependencies: ["SIPModel", "SIPDemo", "SIPTestSupport", "sip-tui", "sip-stress"]
        ),
        .testTarget(
            name: "SIPUITests",
            dependencies: ["SIPUI", "SIPWidgets", "SIPModel", "SIPDemo", "SIPTestSupport", "sip-tui"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
