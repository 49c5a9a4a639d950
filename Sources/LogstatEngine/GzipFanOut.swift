import Foundation
import LogstatScan
import LogstatSource

/// Inflates one gzip input on a thread of its own into a few reusable segment buffers of whole
/// lines, so every worker scans segments of the same stream at once (gzip cannot be cut into
/// byte ranges the way a plain file is).
///
/// Segments are handed out in stream order; each becomes a partial aggregate that the
/// `RunCoordinator` merges in input order, exactly like the ranges of a plain file. Memory is
/// bounded: `buffers` segments of at most `segmentSize` plus one reader chunk exist at once, and
/// the producer waits for a scanned buffer before it inflates more.
final class GzipFanOut: @unchecked Sendable {
  /// About how many inflated bytes one segment holds (`RunPlan.segmentSize` overrides it):
  /// large enough that merging the partials costs little, small enough that the buffers in
  /// flight stay a few MiB (1 GB gzip, 2 jobs: 16 MiB segments peak at 120 MB, 4 MiB at 79 MB,
  /// 1 MiB at 69 MB but with 10% more CPU in merges).
  static let segmentTarget = 2 << 20
  /// Fewest workers for which a gzip input is fanned out. The inflater needs a core of its own:
  /// with two workers on two cores, one worker scanning while a `PipelinedReader` inflates
  /// already keeps both cores busy, and fanning out only adds the partials' merging (1 GB
  /// gzip, quiet 2-core machine: 4.24-4.30 s and 77 MB fanned out, 3.92-3.93 s and 66 MB not).
  static let minimumJobs = 3

  /// True when a unit is read by all workers through a fan-out (`RunCoordinator`).
  static func applies(to unit: WorkUnit, plan: RunPlan) -> Bool {
    plan.jobs >= minimumJobs && unit.isGzip && unit.range == nil && unit.skipReason == nil
  }

  /// One segment: a filled buffer and what the reader had done when it was cut.
  struct Segment {
    /// Segment number within the file, from 0.
    var index: Int
    /// The buffer holding the segment's lines.
    var buffer: Int
    /// Bytes of whole lines in the buffer.
    var count: Int
    /// The clock at the segment's first line: exact for segment 0, predicted after it from the
    /// first stamp of every segment (checked when merging, like a plain file's ranges).
    var clock: LineClock
    /// Uncompressed offset of the segment in the stream the reader hands out.
    var offset: Int64
    /// Compressed bytes the reader consumed for this segment.
    var compressedBytes: Int64
    /// Lines the reader cut at the line cap inside this segment.
    var truncatedLines: Int
    /// The error that ended the stream right after this segment's lines, if any.
    var error: InputError?
    /// True for the last segment of the file.
    var isLast: Bool
  }

  let input: InputFile
  private let reader: ChunkReader
  private let segmentSize: Int
  private let buffers: [UnsafeMutableRawPointer]
  private let firstClock: LineClock
  private let meter: ProgressMeter?
  /// The coordinator's lock: segments, free buffers and the end are guarded by it, and the
  /// producer wakes waiting workers through it.
  private let condition: NSCondition
  // Guarded by `condition`:
  private var freeBuffers: [Int]
  private var filled: [Segment] = []
  private var producerDone = false

  /// Opens `input`; nil when it is not gzip or cannot be opened (a plain `FileWorker` then
  /// reads it and reports any error).
  init?(
    _ input: InputFile, plan: RunPlan, clock: LineClock, condition: NSCondition, meter: ProgressMeter?
  ) {
    guard
      let reader = try? ChunkReader(input, chunkSize: plan.chunkSize, maxLineLength: plan.maxLineLength),
      reader.isGzip
    else { return nil }
    self.input = input
    self.reader = reader
    self.segmentSize = max(1, plan.segmentSize ?? GzipFanOut.segmentTarget)
    self.firstClock = clock
    self.meter = meter
    self.condition = condition
    let count = max(2, plan.jobs + 1)
    // Safe because: a segment is filled while it holds fewer than `segmentSize` bytes, with
    // chunks of at most `largestChunk` bytes, so it never exceeds this size; the buffers are
    // freed in `deinit`, after the producer thread (which holds `self`) has returned.
    let capacity = segmentSize + reader.largestChunk
    buffers = (0..<count).map { _ in .allocate(byteCount: capacity, alignment: 64) }
    freeBuffers = Array((0..<count).reversed())
  }

  deinit {
    // Safe because: no segment is handed out any more (the producer and every worker that
    // scanned one held a reference until it was done with it).
    for b in buffers { b.deallocate() }
  }

  /// Starts the producer thread. It holds the fan-out (and so the reader) until the stream has
  /// ended; the run waits for every segment, so it never outlives the run.
  func start() {
    let thread = Thread { [self] in produce() }
    thread.name = "logstat-inflate"
    thread.start()
  }

  /// The next filled segment, or nil if none is ready now. Call with `condition` locked.
  func takeSegment() -> Segment? {
    filled.isEmpty ? nil : filled.removeFirst()
  }

  /// True once every segment has been filled and taken. Call with `condition` locked.
  var isExhausted: Bool { producerDone && filled.isEmpty }

  /// The bytes of a segment taken with `takeSegment()`; valid until `release` is called.
  func bytes(of segment: Segment) -> UnsafeRawBufferPointer {
    // Safe because: the producer filled `count` bytes of this buffer and does not touch it
    // again until `release` puts it back on the free list.
    UnsafeRawBufferPointer(start: buffers[segment.buffer], count: segment.count)
  }

  /// Gives a scanned segment's buffer back to the producer.
  func release(_ segment: Segment) {
    condition.lock()
    freeBuffers.append(segment.buffer)
    condition.broadcast()
    condition.unlock()
  }

  /// The producer: inflates into free buffers, a segment at a time, until the stream ends.
  private func produce() {
    var years = firstClock.years
    var line = ScannedLine()
    var index = 0
    var offset: Int64 = 0
    var compressed: Int64 = 0
    var truncated = 0
    var reported: Int64 = 0
    var ended = false
    while !ended {
      condition.lock()
      while freeBuffers.isEmpty { condition.wait() }
      let buffer = freeBuffers.removeLast()
      condition.unlock()
      let base = buffers[buffer]
      var count = 0
      var error: InputError?
      while count < segmentSize {
        do {
          guard let chunk = try reader.next() else {
            ended = true
            break
          }
          // Safe because: `count < segmentSize` and `chunk.count <= largestChunk`, so the copy
          // stays inside the buffer's `segmentSize + largestChunk` bytes; a chunk is never
          // empty, so it has a base address.
          (base + count).copyMemory(from: chunk.baseAddress!, byteCount: chunk.count)
          count += chunk.count
        } catch let e {
          error = e
          ended = true
          break
        }
        if let meter {
          meter.add(reader.compressedBytesRead - reported)
          reported = reader.compressedBytesRead
        }
      }
      var clock = firstClock
      if index > 0 {
        // As `WorkPlanner.predictedClocks` does for ranges: feed the first stamp of each segment.
        // Safe because: the first line lies inside the `count` bytes just filled.
        let first = UnsafeRawBufferPointer(start: base, count: count)
        let stop = first.firstIndex(of: 0x0A) ?? count
        LineScanner.scan(UnsafeRawBufferPointer(rebasing: first[..<stop]), into: &line)
        let time = line.time
        if !time.isUnset, time.year == 0 { _ = years.year(month: time.month, day: time.day) }
        clock.years = years
      }
      let segment = Segment(
        index: index, buffer: buffer, count: count, clock: clock, offset: offset,
        compressedBytes: reader.compressedBytesRead - compressed,
        truncatedLines: reader.truncatedLines - truncated, error: error, isLast: ended)
      index += 1
      offset += Int64(count)
      compressed = reader.compressedBytesRead
      truncated = reader.truncatedLines
      condition.lock()
      filled.append(segment)
      if ended { producerDone = true }
      condition.broadcast()
      condition.unlock()
    }
  }
}
