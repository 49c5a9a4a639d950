// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode, and release builds
/// that drop the exclusivity checks the hot path never needs.
let swiftSettings: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
  name: "logstat",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "logstat", targets: ["logstat"]),
    .executable(name: "logstat-gen", targets: ["logstat-gen"]),
    // Libraries for the packages in Benchmarks/ and Fuzz/ (they depend on this one by path).
    .library(name: "LogstatSource", targets: ["LogstatSource"]),
    .library(name: "LogstatCodes", targets: ["LogstatCodes"]),
    .library(name: "LogstatKinds", targets: ["LogstatKinds"]),
    .library(name: "LogstatTables", targets: ["LogstatTables"]),
    .library(name: "LogstatScan", targets: ["LogstatScan"]),
    .library(name: "LogstatClassify", targets: ["LogstatClassify"]),
    .library(name: "LogstatEvents", targets: ["LogstatEvents"]),
    .library(name: "LogstatAggregate", targets: ["LogstatAggregate"]),
    .library(name: "LogstatRun", targets: ["LogstatRun"]),
    .library(name: "LogstatEngine", targets: ["LogstatEngine"]),
    .library(name: "LogstatReport", targets: ["LogstatReport"]),
    .library(name: "LogstatHistory", targets: ["LogstatHistory"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // Source: finds inputs, reads plain and gzip files, hands out newline-aligned chunks.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    // libsystemd's sd-journal, for journal files and the system journal.
    .systemLibrary(name: "CSystemd", providers: [.apt(["libsystemd-dev"])]),
    .target(
      name: "LogstatSource", dependencies: ["CZlib", "CSystemd", "LogstatTime"], swiftSettings: swiftSettings),
    // memmem from the C library (glibc declares it only under _GNU_SOURCE).
    .systemLibrary(name: "CStringSearch"),
    // The one parser of SMTP reply codes (basic `550`, enhanced `5.7.1`) and the packed form the
    // counts key on; shared by the scanner, the classifier and the counts. Standard library only.
    .target(name: "LogstatCodes", swiftSettings: swiftSettings),
    // The one hash-table core every table is built on (open addressing, one mixing function,
    // backward-shift delete); its invariant checks run after every mutation in debug builds.
    // Standard library only.
    .target(
      name: "LogstatTables",
      swiftSettings: swiftSettings + [.define("LOGSTAT_CHECKS", .when(configuration: .debug))]),
    // The words of a line's event (MTA, line kind, mail event, delivery status, special
    // recipient): written by the scanners, read by the events and the counts, so the counts need
    // no part of the scanner. Standard library only.
    .target(name: "LogstatKinds", swiftSettings: swiftSettings),
    // Scanner: bytes in, typed line fields out. Standard library only (and the C library's memmem).
    .target(
      name: "LogstatScan", dependencies: ["CStringSearch", "LogstatCodes", "LogstatKinds"], swiftSettings: swiftSettings),
    // Classifier: reply code + DSN + text -> reason, provider, blocklist, advice.
    .target(
      name: "LogstatClassify", dependencies: ["LogstatCodes", "LogstatTables"], swiftSettings: swiftSettings),
    // Events: Scan's fields and Classify's verdict turned into one typed event per line, the
    // only thing Aggregate reads (it never sees bytes). Standard library and the C library only.
    .target(
      name: "LogstatEvents",
      dependencies: ["LogstatCodes", "LogstatTables", "LogstatKinds", "LogstatScan", "LogstatClassify"],
      swiftSettings: swiftSettings),
    // Time: --since/--until expressions, local-time arithmetic, syslog year inference.
    .target(name: "LogstatTime", swiftSettings: swiftSettings),
    // Aggregate: correlation by queue ID and mergeable counters.
    .target(
      name: "LogstatAggregate",
      dependencies: ["LogstatCodes", "LogstatTables", "LogstatKinds", "LogstatClassify", "LogstatEvents"],
      swiftSettings: swiftSettings),
    // Run results: what a run or a trace found (per-file summaries, the merged aggregate, traced
    // messages), as plain values. Engine produces them and Report formats them; neither imports
    // the other.
    .target(
      name: "LogstatRun",
      dependencies: ["LogstatSource", "LogstatKinds", "LogstatScan", "LogstatClassify", "LogstatAggregate"],
      swiftSettings: swiftSettings),
    // Engine: runs a plan over inputs and returns the merged aggregate.
    .target(
      name: "LogstatEngine",
      dependencies: [
        "LogstatSource", "LogstatScan", "LogstatClassify", "LogstatEvents", "LogstatAggregate", "LogstatTime",
        "LogstatRun",
      ],
      swiftSettings: swiftSettings),
    // Reports: an immutable model and one writer per format.
    .target(
      name: "LogstatReport",
      dependencies: [
        "LogstatRun", "LogstatSource", "LogstatAggregate", "LogstatKinds", "LogstatScan", "LogstatClassify",
        "LogstatTime",
      ],
      swiftSettings: swiftSettings),
    // Alerts: sudden rises of blocks, bounces and deferrals against a baseline. Pure logic.
    .target(
      name: "LogstatAlerts", dependencies: ["LogstatAggregate", "LogstatClassify", "LogstatTime"],
      swiftSettings: swiftSettings),
    // History: per-day aggregates in SQLite (GRDB), the baseline for alerts.
    .target(
      name: "LogstatHistory",
      dependencies: [
        "LogstatAggregate", "LogstatClassify", "LogstatTime",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "logstat",
      dependencies: [
        "LogstatSource", "LogstatScan", "LogstatClassify", "LogstatTime", "LogstatAggregate", "LogstatRun",
        "LogstatEngine", "LogstatReport", "LogstatHistory", "LogstatAlerts",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings),
    // Generator of realistic, deterministic mail logs (with their truth) for tests and benchmarks.
    .executableTarget(
      name: "logstat-gen",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swiftSettings),

    .testTarget(name: "LogstatSourceTests", dependencies: ["LogstatSource", "CZlib"]),
    .testTarget(name: "LogstatScanTests", dependencies: ["LogstatScan", "LogstatCodes", "LogstatKinds"]),
    .testTarget(name: "LogstatTimeTests", dependencies: ["LogstatTime"]),
    .testTarget(name: "LogstatTablesTests", dependencies: ["LogstatTables"]),
    .testTarget(
      name: "LogstatEventsTests", dependencies: ["LogstatEvents", "LogstatScan", "LogstatClassify"]),
    .testTarget(
      name: "LogstatClassifyTests", dependencies: ["LogstatClassify", "LogstatCodes"], exclude: ["Corpus"]),
    .testTarget(
      name: "LogstatAggregateTests",
      dependencies: [
        "LogstatAggregate", "LogstatScan", "LogstatClassify", "LogstatEvents",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "LogstatEngineTests",
      dependencies: [
        "LogstatSource", "LogstatScan", "LogstatClassify", "LogstatTime", "LogstatAggregate", "LogstatRun", "LogstatEngine",
        "LogstatReport",
        "LogstatHistory", "logstat-gen",
      ],
      exclude: ["RealCorpus"]),
    .testTarget(
      name: "LogstatReportTests",
      dependencies: [
        "LogstatScan", "LogstatClassify", "LogstatEvents", "LogstatTime", "LogstatAggregate", "LogstatRun",
        "LogstatReport", "LogstatEngine",
      ],
      exclude: ["Golden"]),
    .testTarget(name: "LogstatCLITests", dependencies: ["logstat"]),
    .testTarget(name: "LogstatGenTests", dependencies: ["logstat-gen"]),
    .testTarget(
      name: "LogstatAlertsTests",
      dependencies: ["LogstatAlerts", "LogstatAggregate", "LogstatClassify", "LogstatTime"]),
    .testTarget(
      name: "LogstatHistoryTests",
      dependencies: [
        "LogstatHistory", "LogstatAlerts", "LogstatAggregate", "LogstatEngine", "LogstatRun", "LogstatSource",
        "LogstatTime", "logstat",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
)
