// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The link engine's lanes (four doubles at a time, in GeoCore, Radio and Planning) are compiled for the
/// Haswell instruction set (AVX2, FMA, BMI) where the machine that builds has it, which makes the mobile
/// stage 10–20 % faster; the numbers stay the same to the bit (Swift never fuses a multiply and an add by
/// itself). Such a binary runs only on machines with that instruction set: `GIGAPLAN_PORTABLE=1` at build
/// time makes one for any x86-64 machine.
let lanesSettings: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
    guard ProcessInfo.processInfo.environment["GIGAPLAN_PORTABLE"] == nil,
        let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let present = Set(flags.split(separator: " ").map(String.init))
    let haswell = [
        "avx", "avx2", "bmi1", "bmi2", "fma", "f16c", "movbe", "abm", "popcnt", "sse4_1", "sse4_2", "ssse3",
        "pclmulqdq", "xsave", "xsaveopt", "rdrand", "fsgsbase", "cx16", "lahf_lm",
    ]
    return haswell.allSatisfy(present.contains) ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
    #else
    return []
    #endif
}()

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
        .systemLibrary(name: "CSHA256"), .systemLibrary(name: "CFileCache"),
        .target(
            name: "GeoCore", dependencies: ["CGEOS", "CPROJ", "CSQLite", "CZlib", "CGDAL", "CMalloc", "CFileCache"],
            swiftSettings: lanesSettings), .target(name: "Radio", swiftSettings: lanesSettings),
        .target(
            name: "Planning", dependencies: ["GeoCore", "Radio", .product(name: "Yams", package: "Yams")],
            swiftSettings: lanesSettings),
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
            path: "tools/generate-city"),
        .target(name: "BenchSupport", dependencies: ["GeoCore"], path: "tools/bench-support"),
        .executableTarget(
            name: "bench-loader", dependencies: ["GeoCore", "Planning", "BenchSupport"], path: "tools/bench-loader"),
        .executableTarget(
            name: "bench-writers", dependencies: ["GeoCore", "Planning", "Reports", "BenchSupport"],
            path: "tools/bench-writers"),
        .target(name: "CFuzzing", path: "tools/fuzz/CFuzzing"),
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
