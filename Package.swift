// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "atom-audit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atom-audit", targets: ["atom-audit"]),
        .library(name: "AtomAudit", targets: ["AtomAudit"]),
        .library(name: "AtomSite", targets: ["AtomSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "AtomAudit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "AtomSite",
            dependencies: ["AtomAudit", "CCmark"]
        ),
        .executableTarget(
            name: "atom-audit",
            dependencies: [
                "AtomAudit",
                "AtomSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (a seeded random generator).
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AtomAuditTests",
            dependencies: ["AtomAudit", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AtomSiteTests",
            dependencies: [
                "AtomSite",
                "AtomAudit",
                "TestSupport",
                // The reference the template engine is tested against (TemplateEngineTests).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AtomAuditCLITests",
            dependencies: ["atom-audit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
