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
    ],
    targets: [
        // No pkgConfig: SwiftPM would drop its -D_XOPEN_SOURCE flag with a warning anyway; the
        // header defines what it needs and the module map links ncursesw.
        .systemLibrary(name: "CNcurses"),
        .target(
            name: "SIPModel",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            // sql/: what the migrations run, frozen when each was written.
            resources: [.copy("Resources/data"), .copy("Resources/sql")]
        ),
        // The terminal UI without a terminal: screens as state machines rendering into a grid.
        .target(
            name: "SIPUI",
            dependencies: ["SIPModel"]
        ),
        .executableTarget(
            name: "sip-tui",
            dependencies: [
                "SIPModel",
                "SIPUI",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A writer process for the durability and concurrency tests; not a product.
        .executableTarget(
            name: "sip-stress",
            dependencies: ["SIPModel"]
        ),
        // Helpers both test targets share: temporary directories, the built binary, a tmux driver.
        .target(
            name: "SIPTestSupport",
            path: "Tests/SIPTestSupport"
        ),
        .testTarget(
            name: "SIPModelTests",
            // sip-tui is listed so that `swift test` builds the binary the command-line tests run.
            dependencies: ["SIPModel", "SIPTestSupport", "sip-tui", "sip-stress"]
        ),
        .testTarget(
            name: "SIPUITests",
            dependencies: ["SIPUI", "SIPModel", "SIPTestSupport", "sip-tui"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
