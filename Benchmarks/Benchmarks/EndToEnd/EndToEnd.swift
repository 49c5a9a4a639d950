import Benchmark
import BenchmarkSupport
import Foundation
import LogstatEngine
import LogstatSource

/// A 64 MB synthetic Postfix log and its gzip, written once to the temporary directory.
nonisolated(unsafe) let files: (plain: String, gzip: String?) = {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-bench")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let plain = dir.appendingPathComponent("postfix-64M.log").path
  if !FileManager.default.fileExists(atPath: plain) {
    FileManager.default.createFile(atPath: plain, contents: Data(SyntheticLog.postfix(bytes: 64 << 20)))
  }
  let gz = plain + ".gz"
  if !FileManager.default.fileExists(atPath: gz) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    p.arguments = ["-k", "-f", plain]
    try? p.run()
    p.waitUntilExit()
  }
  return (plain, FileManager.default.fileExists(atPath: gz) ? gz : nil)
}()

func run(_ path: String, jobs: Int) -> Int {
  let plan = RunPlan(inputs: [InputFile(path: path)], jobs: jobs, now: 1_795_392_000)
  return Engine.run(plan).aggregate.lines.total
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(5), maxIterations: 10)

  for jobs in [1, 2] {
    Benchmark("End to end, plain 64 MB, jobs \(jobs)") { benchmark in
      blackHole(files.plain)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { blackHole(run(files.plain, jobs: jobs)) }
    }
    Benchmark("End to end, gzip of 64 MB, jobs \(jobs)") { benchmark in
      guard let gz = files.gzip else { return }
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { blackHole(run(gz, jobs: jobs)) }
    }
  }
}
