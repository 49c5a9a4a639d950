import LogstatClassify
import LogstatSource

extension FileWorker {
  /// Scans one segment of an inflated gzip stream (`GzipFanOut`) into this worker's aggregate,
  /// and fills in the summary the way `run` does for a whole input.
  func runSegment(_ bytes: UnsafeRawBufferPointer, _ segment: GzipFanOut.Segment, plan: RunPlan) {
    aggregate.collectSuppression = plan.collectSuppression
    scan(bytes)
    finishSegment(segment)
  }

  /// Reads a segment again, from a fresh inflate of the stream (its buffer is gone by the time
  /// the merge finds that its predicted clock was wrong): rare, so simple beats fast.
  func rereadSegment(_ segment: GzipFanOut.Segment, plan: RunPlan) {
    aggregate.collectSuppression = plan.collectSuppression
    let start = segment.offset
    let end = start + Int64(segment.count)
    do {
      let reader = try ChunkReader(
        summary.input, chunkSize: plan.chunkSize, maxLineLength: plan.maxLineLength)
      var at: Int64 = 0
      while at < end, let chunk = try reader.next() {
        // Chunks and segments both end after a newline (offsets count the bytes the reader
        // hands out, the same on every read), so the overlap holds whole lines only.
        let lower = max(at, start)
        let upper = min(at + Int64(chunk.count), end)
        if lower < upper {
          // Safe because: `at <= lower < upper <= at + chunk.count`, so the slice lies inside
          // the chunk, which stays valid until the next `reader.next()`.
          scan(UnsafeRawBufferPointer(rebasing: chunk[Int(lower - at)..<Int(upper - at)]))
        }
        at += Int64(chunk.count)
      }
    } catch {
      // The first read got this far without an error; its own error (if any) is kept below.
    }
    finishSegment(segment)
  }

  private func finishSegment(_ segment: GzipFanOut.Segment) {
    summary.isGzip = true
    summary.bytesRead = segment.compressedBytes
    summary.bytesScanned = Int64(segment.count)
    summary.truncatedLines = segment.truncatedLines
    summary.error = segment.error
    summary.lines = aggregate.lines.total + summary.outsideWindowLines
    summary.notMailLines = aggregate.lines.notMail
    summary.skippedLines = aggregate.lines.skipped
    summary.damagedLines = aggregate.lines.damaged
  }
}
