// swift-tools-version:5.4
// Tools version 5.4 on purpose: a plain `.target` with a main.swift still links as an
// executable, which is what libFuzzer needs (see ../STYLE notes in README "Fuzzing").
import PackageDescription

let logstat: [Target.Dependency] = [
  .product(name: "LogstatScan", package: "logstat"),
  .product(name: "LogstatClassify", package: "logstat"),
  .product(name: "LogstatEvents", package: "logstat"),
  .product(name: "LogstatAggregate", package: "logstat"),
]

let package = Package(
  name: "LogstatFuzz",
  dependencies: [
    .package(name: "logstat", path: "..")
  ],
  targets: [
    // Shared checks: scanning lines, span bounds, a file to hand to ChunkReader.
    .target(name: "FuzzSupport", dependencies: logstat + [.product(name: "LogstatSource", package: "logstat")]),
    .target(name: "FuzzPostfix", dependencies: ["FuzzSupport"]),
    .target(name: "FuzzExim", dependencies: ["FuzzSupport"]),
    .target(name: "FuzzLineSplitter", dependencies: ["FuzzSupport"]),
    .target(name: "FuzzGzip", dependencies: ["FuzzSupport"]),
    .target(
      name: "FuzzClassify", dependencies: [.product(name: "LogstatClassify", package: "logstat")]),
    // `logstat merge`'s reader (SavedReport.decode) on arbitrary and spliced JSON.
    .target(name: "FuzzMerge", dependencies: [.product(name: "LogstatReport", package: "logstat")]),
    // The history URL parser and the password redaction.
    .target(name: "FuzzHistoryURL", dependencies: [.product(name: "LogstatHistory", package: "logstat")]),
  ]
)
