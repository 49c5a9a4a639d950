import CZlib

/// The zlib inflater for one gzip input: a `z_stream` allocated once at a fixed
/// address (zlib keeps pointers into it) plus the buffer of compressed bytes.
///
/// Not thread-safe; owned by one `ChunkReader`.
final class GzipInflater {
  /// The stream; it must never move, hence the manual allocation.
  private let stream: UnsafeMutablePointer<z_stream>
  /// Compressed bytes read from the file, consumed by zlib from `next_in`.
  let input: UnsafeMutableRawPointer
  /// Size of `input`.
  let inputCapacity: Int

  /// Sets up a gzip inflater (windowBits 15 + 16: gzip wrapper, 32 KiB window).
  init(inputCapacity: Int, path: String) throws(InputError) {
    // Safe because: the stream and the input buffer are owned by this object alone; the stream
    // is freed on the failure path below or in `deinit` (after inflateEnd), the buffer in `deinit`.
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = czlib_inflate_init2(stream, 15 + 16)
    guard status == Z_OK else {
      // Safe because: `input` is not allocated yet, and nothing else holds the stream.
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw InputError.outOfMemory(path, at: 0)
    }
    self.inputCapacity = inputCapacity
    // Safe because: freed only in `deinit`; readers write at most `inputCapacity` bytes into it.
    input = .allocate(byteCount: inputCapacity, alignment: 16)
  }

  deinit {
    // Safe because: zlib's state is released before the stream it points into, and no chunk
    // refers to `input` (inflated bytes live in the reader's own buffer).
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
    input.deallocate()
  }

  /// Compressed bytes given to zlib and not consumed yet.
  var availableInput: Int { Int(stream.pointee.avail_in) }

  /// The next compressed byte not consumed yet; only valid when `availableInput > 0`.
  var nextInputByte: UInt8 { stream.pointee.next_in.pointee }

  /// Hands zlib the first `count` bytes of `input`, which the caller has just filled.
  func refill(count: Int) {
    // Safe because: `input` is raw bytes, which Bytef (UInt8) may always view; count <= inputCapacity.
    stream.pointee.next_in = input.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_in = uInt(count)
  }

  /// Drops `count` unconsumed input bytes (zero padding between or after members).
  func skipInput(_ count: Int) {
    stream.pointee.next_in += count
    stream.pointee.avail_in -= uInt(count)
  }

  /// Inflates into `output` (at most `count` bytes, count ≤ UInt32.max) and returns
  /// the bytes produced and zlib's status code.
  func inflate(into output: UnsafeMutableRawPointer, count: Int) -> (produced: Int, status: Int32) {
    // Safe because: the caller's `output` has room for `count` bytes and is only written as
    // bytes; zlib keeps `next_out` only until this call returns (the next call resets it).
    stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_out = uInt(count)
    let status = CZlib.inflate(stream, Z_NO_FLUSH)
    let produced = count - Int(stream.pointee.avail_out)
    return (produced, status)
  }

  /// Starts a new gzip member with the same stream (several members back to back).
  func reset() {
    // inflateReset only fails on a stream that was never initialised.
    _ = inflateReset(stream)
  }

  /// zlib's explanation of the last error, e.g. "invalid block type".
  var reason: String {
    guard let text = stream.pointee.msg else { return "unknown zlib error" }
    return String(cString: text)
  }
}
