// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gigaplan", platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gigaplan", targets: ["gigaplan"]), .library(name: "GeoCore", targets: ["GeoCore"]),
        .library(name: "Radio", targets: ["Radio"]), .library(name: "Planning", targets: ["Planning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CGDAL", providers: [.apt(["libgdal-dev"])]), .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSHA256"),
        .target(name: "GeoCore", dependencies: ["CGEOS", "CPROJ", "CSQLite", "CZlib", "CGDAL", "CMalloc"]),
        .target(name: "Radio"),
        .target(name: "Planning", dependencies: ["GeoCore", "Radio", .product(name: "Yams", package: "Yams")]),
        .target(name: "Reports", dependencies: ["Planning", "GeoCore", "Radio", "CSHA256"]),
        .executableTarget(
            name: "gigaplan",
            dependencies: [
                "GeoCore", "Radio", "Planning", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "generate-city",
            dependencies: ["GeoCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "tools/generate-city"), .target(name: "CFuzzing", path: "tools/fuzz/CFuzzing"),
        .target(name: "FuzzTargets", dependencies: ["GeoCore", "Planning"], path: "tools/fuzz/FuzzTargets"),
        .executableTarget(
            name: "gigaplan-fuzz", dependencies: ["FuzzTargets", "CFuzzing"], path: "tools/fuzz/gigaplan-fuzz"),
        .target(name: "TestSupport", dependencies: ["GeoCore"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "RadioTests", dependencies: ["Radio", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "GeoCore", "TestSupport", "FuzzTargets"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Planning", "GeoCore", "TestSupport"]),
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport"]),
    ], swiftLanguageModes: [.v6])
