// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "atom-audit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atom-audit", targets: ["atom-audit"]),
        .library(name: "AtomAudit", targets: ["AtomAudit"]),
        .library(name: "AtomIO", targets: ["AtomIO"]),
        .library(name: "AtomSite", targets: ["AtomSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
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
        // The outside world: file system calls, content on disk and in git, concurrency.
        .target(
            name: "AtomIO",
            dependencies: ["AtomAudit", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "AtomSite",
            dependencies: ["AtomAudit", "AtomIO", "CCmark"]
        ),
        .executableTarget(
            name: "atom-audit",
            dependencies: [
                "AtomAudit",
                "AtomIO",
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
            dependencies: ["AtomAudit", "AtomIO", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AtomIOTests",
            dependencies: ["AtomIO", "AtomAudit", "TestSupport"]
        ),
        .testTarget(
            name: "AtomSiteTests",
            dependencies: [
                "AtomSite",
                "AtomAudit",
                "AtomIO",
                "TestSupport",
                // The reference the template engine is tested against (TemplateEngineTests).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AtomAuditCLITests",
            dependencies: ["atom-audit", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
