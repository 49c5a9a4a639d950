import Foundation
import LogstatSource
import LogstatTime
import Testing

@testable import LogstatEngine
@testable import logstat_gen

/// The gzip fan-out: segments hold the inflated stream in order, whole lines only, within their
/// bound, and account for every compressed byte; a damaged stream's error rides on the last
/// segment after its lines; a segment read again from the stream counts what it counted.
@Suite struct GzipFanOutTests {
  /// Takes every segment of `fanOut` in order, copying its bytes out and releasing its buffer.
  static func drain(_ fanOut: GzipFanOut, _ condition: NSCondition) -> [(GzipFanOut.Segment, [UInt8])] {
    var out: [(GzipFanOut.Segment, [UInt8])] = []
    while true {
      condition.lock()
      var segment = fanOut.takeSegment()
      while segment == nil && !fanOut.isExhausted {
        condition.wait()
        segment = fanOut.takeSegment()
      }
      condition.unlock()
      guard let segment else { return out }
      out.append((segment, Array(fanOut.bytes(of: segment))))
      fanOut.release(segment)
    }
  }

  static func plan(_ path: String, chunk: Int, segment: Int, jobs: Int = 2) -> RunPlan {
    var plan = RunPlan(
      inputs: [InputFile(path: path)], jobs: jobs, chunkSize: chunk, maxLineLength: 1024, zone: .utc,
      yearOverride: 2026, now: fixedNow)
    plan.segmentSize = segment
    return plan
  }

  @Test(arguments: [(4096, 10_000), (333, 1), (65_536, 200_000)])
  func segmentsHoldTheStreamInOrder(chunk: Int, segment: Int) throws {
    let scratch = try ScratchDirectory()
    let bytes = PipelinedReaderTests.lines()
    guard let gz = try PipelinedReaderTests.gzipFile(scratch, bytes) else { return }
    let plan = Self.plan(gz, chunk: chunk, segment: segment)
    let clock = LineClock.forInput(plan.inputs[0], probe: nil, plan: plan)
    let condition = NSCondition()
    let fanOut = try #require(GzipFanOut(plan.inputs[0], plan: plan, clock: clock, condition: condition, meter: nil))
    fanOut.start()
    let segments = Self.drain(fanOut, condition)
    var joined: [UInt8] = []
    var compressed: Int64 = 0
    for (k, (s, b)) in segments.enumerated() {
      #expect(s.index == k)
      #expect(s.offset == Int64(joined.count))
      #expect(s.count == b.count)
      #expect(s.isLast == (k == segments.count - 1))
      #expect(s.error == nil)
      // Whole lines only, and no more than the segment size plus one chunk.
      if !b.isEmpty { #expect(b.last == 0x0A) }
      #expect(b.count < segment + chunk + 1024 + 2 + 16)
      joined += b
      compressed += s.compressedBytes
    }
    #expect(joined == bytes)
    let size = try FileManager.default.attributesOfItem(atPath: gz)[.size] as? Int
    #expect(compressed == Int64(size ?? -1))
    #expect(segments.count >= bytes.count / (segment + chunk + 1024 + 18))
  }

  @Test func aPlainFileIsNotFannedOut() throws {
    let scratch = try ScratchDirectory()
    let path = try scratch.write("plain.log", PipelinedReaderTests.lines())
    let plan = Self.plan(path, chunk: 4096, segment: 10_000)
    let clock = LineClock.forInput(plan.inputs[0], probe: nil, plan: plan)
    #expect(GzipFanOut(plan.inputs[0], plan: plan, clock: clock, condition: NSCondition(), meter: nil) == nil)
  }

  @Test func aDamagedStreamEndsWithItsErrorOnTheLastSegment() throws {
    let scratch = try ScratchDirectory()
    let bytes = PipelinedReaderTests.lines()
    guard let gz = try PipelinedReaderTests.gzipFile(scratch, bytes) else { return }
    var data = try Data(contentsOf: URL(fileURLWithPath: gz))
    data = data.prefix(data.count / 2)
    try data.write(to: URL(fileURLWithPath: gz))
    let plan = Self.plan(gz, chunk: 4096, segment: 20_000)
    let clock = LineClock.forInput(plan.inputs[0], probe: nil, plan: plan)
    let condition = NSCondition()
    let fanOut = try #require(GzipFanOut(plan.inputs[0], plan: plan, clock: clock, condition: condition, meter: nil))
    fanOut.start()
    let segments = Self.drain(fanOut, condition)
    #expect(segments.count > 2)
    #expect(segments.dropLast().allSatisfy { $0.0.error == nil })
    #expect(segments.last?.0.error != nil)
    let joined = segments.flatMap(\.1)
    #expect(joined.count > 100_000)
    #expect(Array(bytes.prefix(joined.count)) == joined)
    #expect(joined.last == 0x0A)
  }

  /// A generated log: every segment read again from the stream counts what its first read did.
  @Test func aSegmentReadAgainCountsTheSame() throws {
    let log = try GeneratedLog { $0.seed = 12 }
    guard let gz = try log.scratch.gzip(log.path) else { return }
    let plan = Self.plan(gz, chunk: 4096, segment: 50_000)
    let clock = LineClock.forInput(plan.inputs[0], probe: nil, plan: plan)
    let condition = NSCondition()
    let fanOut = try #require(GzipFanOut(plan.inputs[0], plan: plan, clock: clock, condition: condition, meter: nil))
    fanOut.start()
    let segments = Self.drain(fanOut, condition)
    #expect(segments.count > 5)
    var lines = 0
    for (segment, bytes) in segments {
      let first = FileWorker(input: plan.inputs[0], clock: segment.clock, window: plan.window)
      bytes.withUnsafeBytes { first.runSegment($0, segment, plan: plan) }
      let again = FileWorker(input: plan.inputs[0], clock: segment.clock, window: plan.window)
      again.rereadSegment(segment, plan: plan)
      #expect(again.summary.lines == first.summary.lines)
      #expect(again.summary.bytesScanned == first.summary.bytesScanned)
      #expect(again.summary.firstEvent == first.summary.firstEvent)
      #expect(again.summary.lastEvent == first.summary.lastEvent)
      #expect(again.aggregate.lines.total == first.aggregate.lines.total)
      #expect(again.aggregate.lines.notMail == first.aggregate.lines.notMail)
      #expect(again.days == first.days)
      lines += first.summary.lines
    }
    #expect(lines == log.bytes.filter { $0 == 0x0A }.count)
  }
}
