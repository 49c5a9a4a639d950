import Foundation
import LogstatSource

/// Reads a `ChunkReader` on a thread of its own (for gzip: inflating) into a ring of reusable
/// buffers, so inflating the next chunks overlaps with scanning this one.
///
/// One consumer thread calls `next()`; it hands out one buffer at a time, which goes back to the
/// producer on the following call. Errors from the reader are thrown after the chunks before them.
/// Several buffers (not two) let either side run ahead through a scheduling gap of the other on
/// a busy machine instead of stalling at every hand-over.
final class PipelinedReader: ChunkSource {
  /// Buffers in the ring: how many chunks the producer may be ahead of the scanner.
  static let bufferCount = 4

  /// Everything the producer thread touches. The thread holds it strongly, so it never needs a
  /// reference to the `PipelinedReader` itself, and the reader's `deinit` can stop the thread
  /// and wait for it while both still own the state.
  private final class Pipe: @unchecked Sendable {
    struct Filled {
      var buffer: Int
      var count: Int
      var compressedBytesRead: Int64
    }

    let reader: ChunkReader
    let buffers: [UnsafeMutableRawPointer]
    /// The size of each buffer: the reader's largest chunk.
    let bufferSize: Int
    let condition = NSCondition()
    /// Signalled once when the producer has returned.
    let done = DispatchSemaphore(value: 0)
    // Guarded by `condition` (`@unchecked Sendable` is safe because of it; `reader` is used
    // by the producer thread only, and `buffers` never changes after init):
    var freeBuffers: [Int]
    var filled: [Filled] = []
    var producerDone = false
    var producerError: InputError?
    var stopRequested = false
    var finalCompressedBytesRead: Int64 = 0
    var truncatedLines = 0

    init(_ reader: ChunkReader, count: Int) {
      self.reader = reader
      // Safe because: each buffer holds the largest chunk the reader can hand out (its own
      // buffer's size, which may exceed chunkSize + maxLineLength + 2 for tiny sizes); they are
      // freed in `deinit`, which runs only after the producer thread, which holds the pipe, ended.
      bufferSize = reader.largestChunk
      buffers = (0..<count).map { _ in .allocate(byteCount: reader.largestChunk, alignment: 64) }
      freeBuffers = Array(0..<count)
    }

    deinit {
      // Safe because: the last references are the consumer's and the finished producer's; a
      // chunk handed out is valid only until the consumer's next call, and there is none.
      for b in buffers { b.deallocate() }
    }

    /// The producer: fills free buffers from the reader until it ends or is asked to stop.
    func produce() {
      defer { done.signal() }
      while true {
        condition.lock()
        while freeBuffers.isEmpty && !stopRequested { condition.wait() }
        if stopRequested {
          condition.unlock()
          return
        }
        let index = freeBuffers.removeLast()
        condition.unlock()
        do {
          guard let chunk = try reader.next() else { break }
          // Safe because: a chunk is never empty (so it has a base address) and never exceeds
          // the reader's `largestChunk`, the size every ring buffer was allocated with; this
          // buffer was taken off the free list under the lock, so the consumer does not read it
          // until it is appended to `filled`.
          buffers[index].copyMemory(from: chunk.baseAddress!, byteCount: chunk.count)
          condition.lock()
          filled.append(Filled(buffer: index, count: chunk.count, compressedBytesRead: reader.compressedBytesRead))
          condition.signal()
          condition.unlock()
        } catch {
          condition.lock()
          producerError = error
          condition.unlock()
          break
        }
      }
      condition.lock()
      producerDone = true
      truncatedLines = reader.truncatedLines
      finalCompressedBytesRead = reader.compressedBytesRead
      condition.signal()
      condition.unlock()
    }
  }

  private let pipe: Pipe
  /// The size of each ring buffer (tests check it against the chunks handed out).
  var bufferSize: Int { pipe.bufferSize }
  /// The buffer last handed out (consumer side only).
  private var handedOut: Int?

  let isGzip: Bool
  private(set) var compressedBytesRead: Int64 = 0
  private(set) var bytesProduced: Int64 = 0
  private(set) var truncatedLines = 0

  /// Starts reading `reader` on a new thread.
  init(_ reader: ChunkReader, buffers: Int = PipelinedReader.bufferCount) {
    isGzip = reader.isGzip
    let pipe = Pipe(reader, count: max(2, buffers))
    self.pipe = pipe
    let thread = Thread { pipe.produce() }
    thread.name = "logstat-inflate"
    thread.start()
  }

  deinit {
    pipe.condition.lock()
    pipe.stopRequested = true
    pipe.condition.broadcast()
    pipe.condition.unlock()
    // The producer may be inside reader.next(); wait so no thread outlives its reader.
    pipe.done.wait()
  }

  func next() throws(InputError) -> UnsafeRawBufferPointer? {
    let pipe = self.pipe
    pipe.condition.lock()
    defer { pipe.condition.unlock() }
    if let index = handedOut {
      pipe.freeBuffers.append(index)
      handedOut = nil
      pipe.condition.signal()
    }
    while pipe.filled.isEmpty && !pipe.producerDone { pipe.condition.wait() }
    if pipe.filled.isEmpty {
      compressedBytesRead = pipe.finalCompressedBytesRead
      truncatedLines = pipe.truncatedLines
      if let error = pipe.producerError {
        pipe.producerError = nil
        throw error
      }
      return nil
    }
    let chunk = pipe.filled.removeFirst()
    handedOut = chunk.buffer
    compressedBytesRead = chunk.compressedBytesRead
    bytesProduced += Int64(chunk.count)
    // Safe because: the producer filled `count` bytes of this buffer and will not touch it
    // again until the next call puts it back on the free list.
    return UnsafeRawBufferPointer(start: pipe.buffers[chunk.buffer], count: chunk.count)
  }
}
