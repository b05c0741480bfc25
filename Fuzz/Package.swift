// swift-tools-version:6.0
// A libFuzzer target for content loading and scoring, kept out of the main package
// so its build, tests and CI are unaffected. See "Fuzzing" in ../README.md.
import PackageDescription

let package = Package(
    name: "atom-audit-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "atom-audit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzContent",
            dependencies: ["FuzzerDriver", .product(name: "AtomAudit", package: "atom-audit")]
        ),
        .target(name: "FuzzerDriver"),
    ]
)
