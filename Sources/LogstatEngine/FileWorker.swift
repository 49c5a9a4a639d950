#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LogstatAggregate
import LogstatClassify
import LogstatScan
import LogstatSource
import LogstatTime

/// Reads one input (or one byte range of it) into its own aggregate.
///
/// Owns its reader, scanner state and clock; never shared between threads.
final class FileWorker {
  private var line = ScannedLine()
  private let classifier = ReplyClassifier()
  private var clock: LineClock
  private let window: TimeWindow
  var aggregate = Aggregate()
  var summary: FileSummary

  init(input: InputFile, clock: LineClock, window: TimeWindow) {
    self.clock = clock
    self.window = window
    self.summary = FileSummary(input: input)
  }

  /// Reads the whole input (or `range` of it) chunk by chunk.
  func run(plan: RunPlan, range: Range<Int64>? = nil) {
    aggregate.collectSuppression = plan.collectSuppression
    let reader: ChunkReader
    do {
      reader = try ChunkReader(
        summary.input, chunkSize: plan.chunkSize, maxLineLength: plan.maxLineLength,
        byteRange: range)
    } catch {
      summary.error = error
      return
    }
    do {
      while let chunk = try reader.next() {
        scan(chunk)
      }
    } catch {
      summary.error = error
    }
    summary.isGzip = reader.isGzip
    summary.bytesRead = reader.compressedBytesRead
    summary.bytesScanned = reader.bytesProduced
    summary.truncatedLines = reader.truncatedLines
    summary.lines = aggregate.lines.total + summary.outsideWindowLines
    summary.notMailLines = aggregate.lines.notMail
    summary.skippedLines = aggregate.lines.skipped
  }

  /// Classifies the reply of a failed delivery or an inbound reject; nil for other lines.
  @inline(__always)
  func classify(_ b: UnsafeRawBufferPointer) -> Classification? {
    switch line.kind {
    case .delivery:
      guard line.status == .deferred || line.status == .bounced || line.status == .expired else {
        return nil
      }
    case .inboundReject:
      break
    default:
      return nil
    }
    let dsn = line.dsn.isEmpty ? nil : EnhancedCode(bytes: b.slice(line.dsn))
    let relay = line.relayHost.isEmpty ? nil : b.slice(line.relayHost)
    return classifier.classify(
      text: b.slice(line.replyText), dsn: dsn, relayHost: relay, recipientDomain: nil)
  }

  /// Splits a chunk of whole lines at newlines and feeds each line through scan and aggregate.
  /// - Complexity: O(n) in the chunk size; no allocation per line.
  func scan(_ chunk: UnsafeRawBufferPointer) {
    guard let base = chunk.baseAddress else { return }
    var start = 0
    let end = chunk.count
    while start < end {
      let stop: Int
      if let p = memchr(base + start, 0x0A, end - start) {
        stop = base.distance(to: UnsafeRawPointer(p))
      } else {
        stop = end
      }
      let bytes = UnsafeRawBufferPointer(start: base + start, count: stop - start)
      LineScanner.scan(bytes, into: &line)
      let epoch = line.time.isUnset ? nil : clock.epoch(line.time)
      if let t = epoch, !window.contains(t) {
        // Before the window: context for the messages it holds; after it: nothing.
        summary.outsideWindowLines += 1
        if let since = window.since, t < since {
          aggregate.add(line, bytes: bytes, epoch: epoch, counted: false)
        }
      } else {
        aggregate.add(line, bytes: bytes, epoch: epoch, verdict: classify(bytes))
      }
      start = stop + 1
    }
  }
}
