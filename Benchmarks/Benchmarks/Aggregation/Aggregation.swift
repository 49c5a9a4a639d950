import Benchmark
import BenchmarkSupport
import Glibc
import LogstatAggregate
import LogstatEvents
import LogstatScan

nonisolated(unsafe) let postfixLog = SyntheticLog.postfix(bytes: 16 << 20)

/// Scans `log` into events and aggregates them into a fresh aggregate (no classification:
/// the Classification suite measures that, and this one stays comparable with earlier runs).
func aggregate(_ log: [UInt8], epoch: Int64 = 1_795_132_800) -> Aggregate {
  var total = Aggregate()
  var maker = LineEventMaker()
  log.withUnsafeBytes { all in
    guard let base = all.baseAddress else { return }
    var start = 0
    while start < all.count {
      let stop = memchr(base + start, 0x0A, all.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? all.count
      let bytes = UnsafeRawBufferPointer(start: base + start, count: stop - start)
      maker.withEvent(bytes, epoch: epoch + Int64(start >> 12), classify: false) { total.add($0) }
      start = stop + 1
    }
  }
  return total
}

/// 100 partials of 160 KB each: the pieces a parallel run merges.
nonisolated(unsafe) let partials: [Aggregate] = {
  let piece = postfixLog.count / 100
  return (0..<100).map { k in
    var end = min(postfixLog.count, (k + 1) * piece)
    while end < postfixLog.count, postfixLog[end - 1] != 10 { end += 1 }
    var start = k * piece
    while start > 0, start < postfixLog.count, postfixLog[start - 1] != 10 { start += 1 }
    return aggregate(Array(postfixLog[start..<end]))
  }
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(3), maxIterations: 20)

  Benchmark("Scan + aggregate Postfix (16 MB)") { benchmark in
    for _ in benchmark.scaledIterations {
      var total = aggregate(postfixLog)
      total.finish()
      blackHole(total.messagesReceived)
    }
  }

  Benchmark("Merge 100 partials in order") { benchmark in
    blackHole(partials.count)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var total = Aggregate()
      for p in partials { total.merge(p) }
      total.finish()
      blackHole(total.openMessages)
    }
  }
}
