// swift-tools-version:6.0
// The hostile-YAML benchmark: times the audit of one manifest of each hostile shape at
// four doubling sizes. Kept out of the main package, like Fuzz/, so its build does not
// touch the main build, tests or CI. See "Hostile YAML" in ../../README.md.
import PackageDescription

let package = Package(
    name: "hostile-yaml",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "atom-audit", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "HostileYAML",
            dependencies: [.product(name: "AtomAudit", package: "atom-audit")]
        ),
    ]
)
