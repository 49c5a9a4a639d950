import Benchmark
import BenchmarkSupport
import Glibc
import LogstatScan

/// 16 MB of synthetic Postfix and Exim lines, built once.
nonisolated(unsafe) let postfixLog = SyntheticLog.postfix(bytes: 16 << 20)
nonisolated(unsafe) let eximLog = SyntheticLog.exim(bytes: 16 << 20)

/// Calls `body` for each line of `log` (memchr for the newline, as the engine does).
@inline(__always) func forEachLine(_ log: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
  log.withUnsafeBytes { all in
    guard let base = all.baseAddress else { return }
    var start = 0
    while start < all.count {
      let stop = memchr(base + start, 0x0A, all.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? all.count
      body(UnsafeRawBufferPointer(start: base + start, count: stop - start))
      start = stop + 1
    }
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(3), maxIterations: 20)

  Benchmark("Split lines (16 MB)") { benchmark in
    for _ in benchmark.scaledIterations {
      var lines = 0
      forEachLine(postfixLog) { _ in lines += 1 }
      blackHole(lines)
    }
  }

  Benchmark("Scan Postfix lines (16 MB)") { benchmark in
    for _ in benchmark.scaledIterations {
      var line = ScannedLine()
      var delivered = 0
      forEachLine(postfixLog) { bytes in
        if LineScanner.scan(bytes, into: &line) == .delivery { delivered += 1 }
      }
      blackHole(delivered)
    }
  }

  Benchmark("Scan Exim lines (16 MB)") { benchmark in
    for _ in benchmark.scaledIterations {
      var line = ScannedLine()
      var delivered = 0
      forEachLine(eximLog) { bytes in
        if LineScanner.scan(bytes, into: &line) == .delivery { delivered += 1 }
      }
      blackHole(delivered)
    }
  }
}
