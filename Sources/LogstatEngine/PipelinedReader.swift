import Foundation
import LogstatSource

/// Reads a `ChunkReader` on a thread of its own (for gzip: inflating) into two reusable
/// buffers, so inflating the next chunk overlaps with scanning this one.
///
/// Not `Sendable` in spirit: one consumer thread; the producer only touches what the lock guards.
/// The consumer's `next()` hands out one buffer at a time; it goes back to the producer on the
/// following call. Errors from the reader are thrown after the chunks before them.
final class PipelinedReader: ChunkSource, @unchecked Sendable {
  private struct Filled {
    var buffer: Int
    var count: Int
    var compressedBytesRead: Int64
  }

  private let reader: ChunkReader
  private let capacity: Int
  private var buffers: [UnsafeMutableRawPointer] = []
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var freeBuffers: [Int]
  private var filled: [Filled] = []
  private var producerDone = false
  private var producerError: InputError?
  private var stopRequested = false
  private var finalCompressedBytesRead: Int64 = 0
  // Consumer side only:
  private var handedOut: Int?
  private let done = DispatchSemaphore(value: 0)

  let isGzip: Bool
  private(set) var compressedBytesRead: Int64 = 0
  private(set) var bytesProduced: Int64 = 0
  private(set) var truncatedLines = 0

  /// Starts reading `reader` on a new thread.
  init(_ reader: ChunkReader) {
    self.reader = reader
    isGzip = reader.isGzip
    let size = reader.chunkSize + reader.maxLineLength + 2
    capacity = size
    buffers = (0..<2).map { _ in .allocate(byteCount: size, alignment: 64) }
    freeBuffers = [0, 1]
    let thread = Thread { [unowned(unsafe) self] in self.produce() }
    thread.name = "logstat-inflate"
    thread.start()
  }

  deinit {
    condition.lock()
    stopRequested = true
    condition.broadcast()
    condition.unlock()
    done.wait()
    for b in buffers { b.deallocate() }
  }

  /// The producer: fills free buffers from the reader until it ends.
  private func produce() {
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
        // Safe: a chunk never exceeds the reader's buffer, which is `capacity` bytes.
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

  func next() throws(InputError) -> UnsafeRawBufferPointer? {
    condition.lock()
    defer { condition.unlock() }
    if let index = handedOut {
      freeBuffers.append(index)
      handedOut = nil
      condition.signal()
    }
    while filled.isEmpty && !producerDone { condition.wait() }
    if filled.isEmpty {
      compressedBytesRead = finalCompressedBytesRead
      if let error = producerError {
        producerError = nil
        throw error
      }
      return nil
    }
    let chunk = filled.removeFirst()
    handedOut = chunk.buffer
    compressedBytesRead = chunk.compressedBytesRead
    bytesProduced += Int64(chunk.count)
    return UnsafeRawBufferPointer(start: buffers[chunk.buffer], count: chunk.count)
  }
}
