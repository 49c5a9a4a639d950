// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// logstat's benchmarks: a package of their own, so `swift build` / `swift test` at the root
/// never build the benchmark tool. Run from this folder: `swift package benchmark`.
let benchmarkPlugin: Target.PluginUsage = .plugin(name: "BenchmarkPlugin", package: "benchmark")
let benchmark: Target.Dependency = .product(name: "Benchmark", package: "benchmark")
/// The root package's identity is its folder's name (a checkout may be named anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()
func logstat(_ product: String) -> Target.Dependency { .product(name: product, package: root) }

let package = Package(
  name: "logstat-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(path: "../"),
  ],
  targets: [
    // Synthetic, deterministic Postfix and Exim lines for the suites.
    .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
    .executableTarget(
      name: "Scanning",
      dependencies: [
        benchmark, "BenchmarkSupport", logstat("LogstatScan"),
      ],
      path: "Benchmarks/Scanning", plugins: [benchmarkPlugin]),
    .executableTarget(
      name: "Aggregation",
      dependencies: [
        benchmark, "BenchmarkSupport", logstat("LogstatScan"),
        logstat("LogstatEvents"), logstat("LogstatAggregate"),
      ],
      path: "Benchmarks/Aggregation", plugins: [benchmarkPlugin]),
    .executableTarget(
      name: "Classification",
      dependencies: [benchmark, logstat("LogstatClassify")],
      path: "Benchmarks/Classification", plugins: [benchmarkPlugin]),
    .executableTarget(
      name: "EndToEnd",
      dependencies: [
        benchmark, "BenchmarkSupport", logstat("LogstatEngine"),
        logstat("LogstatSource"),
      ],
      path: "Benchmarks/EndToEnd", plugins: [benchmarkPlugin]),
  ]
)
