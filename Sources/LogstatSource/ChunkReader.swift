import Glibc

/// Reads one input as newline-aligned chunks of whole lines, inflating gzip in-process.
///
/// One reusable buffer holds the bytes: each call to `next()` first rolls the
/// incomplete last line to the front, then refills with large reads (or zlib
/// output) until about `chunkSize` bytes are held, and hands out everything up
/// to the last newline. Newlines are found with `memrchr`, and only in bytes not
/// searched before. gzip is detected by its magic bytes (`1f 8b`), never by name;
/// several gzip members back to back are read whole.
///
/// Lines longer than `maxLineLength` are cut: their first `maxLineLength` bytes
/// are handed out as a line ending in `"\n"`, the rest up to the next newline is
/// skipped, and `truncatedLines` counts them. Memory therefore stays bounded
/// (about `chunkSize + maxLineLength`, plus 1 MiB of compressed input for gzip).
///
/// On a damaged or truncated gzip file or a read error, every complete line
/// before the damage is handed out first; the call after that throws, and
/// later calls return nil. A regular file is read up to its size when opened:
/// a file that grows while read (a live log) still ends; nothing waits for more data.
///
/// Docker `json-file` logs (first bytes `{"log":"`) are handed out as the lines they carry
/// (`DockerJSONLines`) and `journalctl -o json` output (`JournalJSONLines`), decoded inside the chunk.
///
/// One reader per worker: it is not `Sendable`.
public final class ChunkReader {
  /// The input being read.
  public let input: InputFile
  /// The target number of bytes per chunk (a chunk may be shorter at the end, or longer by a partial read).
  public let chunkSize: Int
  /// The longest line handed out whole, not counting its newline.
  public let maxLineLength: Int
  /// True when the input starts with the gzip magic bytes `1f 8b`.
  public private(set) var isGzip = false
  /// Bytes of the file consumed so far (compressed bytes for gzip).
  public internal(set) var compressedBytesRead: Int64 = 0
  /// Uncompressed bytes handed out in chunks so far.
  public private(set) var bytesProduced: Int64 = 0
  /// Lines cut at `maxLineLength` so far.
  public internal(set) var truncatedLines = 0

  let file: RawFile
  /// The reusable line buffer: `capacity` = chunkSize + maxLineLength + 2 bytes.
  let buffer: UnsafeMutableRawPointer
  let capacity: Int
  /// Bytes held in `buffer`.
  var end = 0
  /// Start of the incomplete last line; `[0, lineStart)` holds whole lines.
  var lineStart = 0
  /// `[lineStart, searched)` is known to hold no newline.
  var searched = 0
  /// Length of the chunk last handed out; rolled away on the next call.
  var handedOut = 0
  /// True while skipping the rest of a line cut at `maxLineLength`.
  var skippingOverlongLine = false
  /// True once no more bytes will arrive (end of input, or `pendingError` set).
  var sourceExhausted = false
  /// True once `next()` has returned nil or thrown.
  var finished = false
  /// An error met while filling, thrown after the complete lines before it are handed out.
  var pendingError: InputError?
  /// Next file offset for positional reads (byte ranges only).
  var position: Int64 = 0
  /// End of the byte range being read, or nil to read the whole input with read(2).
  let rangeEnd: Int64?
  /// For a regular file read whole: its size when opened; reading stops there.
  let sizeAtOpen: Int64?
  /// The inflater, for gzip input.
  let inflater: GzipInflater?
  /// True once the compressed input hit end of file.
  var compressedAtEOF = false
  /// True after a gzip member ended, until the next one starts.
  var betweenMembers = false
  /// Docker `json-file` input (`DockerJSONLines`), told by the first chunk's first bytes; nil
  /// until then. Its lines are handed out decoded.
  public private(set) var isDockerJSON: Bool?
  /// `journalctl -o json` input (`JournalJSONLines`), told the same way; its entries are handed
  /// out as syslog lines.
  public private(set) var isJournalJSON: Bool?

  /// Opens `input` and detects gzip.
  /// - Parameters:
  ///   - chunkSize: about how many bytes each chunk holds (≥ 1); also the size of plain reads.
  ///   - maxLineLength: lines longer than this are cut and counted in `truncatedLines` (≥ 1).
  ///   - byteRange: for plain regular files only, read just these bytes with pread
  ///     (ranges from `FileSplitter` start right after a newline).
  /// - Throws: `InputError` when the input cannot be opened or read, is a directory,
  ///   is compressed with a format we do not inflate, or a byte range was asked of gzip input.
  public init(
    _ input: InputFile, chunkSize: Int = 4 << 20, maxLineLength: Int = 1 << 20,
    byteRange: Range<Int64>? = nil
  ) throws(InputError) {
    precondition(chunkSize >= 1 && maxLineLength >= 1, "chunkSize and maxLineLength must be positive")
    self.input = input
    self.chunkSize = chunkSize
    self.maxLineLength = maxLineLength
    file = try RawFile(input)
    let info = try file.status()
    if info.isDirectory { throw InputError.isDirectory(input.path) }
    // Without this bound a writer faster than us (a live log) would keep us reading forever.
    sizeAtOpen = byteRange == nil && info.isRegularFile ? Int64(info.st_size) : nil

    var head = MagicBytes()
    try head.read(from: file, positional: byteRange != nil)
    let format = head.format
    if case .other(let name, let tool) = format {
      throw InputError.unsupportedCompression(input.path, format: name, tool: tool)
    }
    if format == .journal {
      throw InputError.journalNotAFile(input.path)
    }
    if let byteRange, format == .gzip {
      throw InputError.notSplittable(input.path, why: "gzip data (range \(byteRange))")
    }
    rangeEnd = byteRange?.upperBound
    position = byteRange?.lowerBound ?? 0
    if format == .gzip {
      // At least the detection bytes, which are copied in below (a 1-byte chunk overflowed it).
      inflater = try GzipInflater(
        inputCapacity: max(MagicBytes.wanted, min(chunkSize, 1 << 20)), path: input.path)
    } else {
      inflater = nil
    }
    // Room for a chunk plus the longest partial line, and at least for the detection bytes.
    capacity = max(chunkSize + maxLineLength + 2, MagicBytes.wanted)
    // Safe because: the reader owns the buffer alone and frees it in `deinit`; every write below
    // stays under `capacity` (see `next()` and `scanNewBytes()`).
    buffer = .allocate(byteCount: capacity, alignment: 64)

    // Hand the bytes read for detection to the right consumer.
    if byteRange == nil {
      compressedBytesRead = Int64(head.count)
      if let inflater {
        isGzip = true
        head.copy(to: inflater.input)
        inflater.refill(count: head.count)
        compressedAtEOF = head.hitEndOfFile
      } else {
        // Safe because: head.count <= MagicBytes.wanted <= capacity.
        head.copy(to: buffer)
        end = head.count
        sourceExhausted = head.hitEndOfFile
        scanNewBytes()
      }
    }
  }

  deinit {
    // Safe because: a chunk handed out is valid only until the next call, and there is none.
    buffer.deallocate()
  }

  /// The largest chunk `next()` can hand out: the size of its buffer. A consumer that copies
  /// chunks (`PipelinedReader`) sizes its own buffers with it.
  public var largestChunk: Int { capacity }

  /// The next chunk of complete lines, or nil at the end of the input.
  ///
  /// Each line ends with `"\n"`, except the input's final line when the input
  /// lacks a final newline. The bytes stay valid until the next call.
  /// - Throws: `InputError` for damaged or truncated gzip data or a read error,
  ///   after every complete line before it has been handed out.
  public func next() throws(InputError) -> UnsafeRawBufferPointer? {
    if finished { return nil }
    rollHandedOutChunk()
    while true {
      if lineStart > 0 && (end >= chunkSize || sourceExhausted) {
        return handOut(lineStart)
      }
      if sourceExhausted {
        finished = true
        if let error = pendingError {
          // The incomplete line at the break is dropped: it was cut by the damage.
          pendingError = nil
          throw error
        }
        return end > 0 ? handOut(end) : nil
      }
      let want = end < chunkSize ? chunkSize - end : chunkSize
      // Safe because: `end < capacity` here (with no whole line held, `scanNewBytes` has cut
      // the partial line to at most maxLineLength bytes), and fill writes at most
      // `capacity - end` bytes.
      let count = fill(into: buffer + end, count: min(want, capacity - end))
      if count == 0 {
        sourceExhausted = true
      } else {
        acceptNewBytes(count)
      }
    }
  }

  /// Moves the bytes after the chunk last handed out to the front of the buffer.
  private func rollHandedOutChunk() {
    guard handedOut > 0 else { return }
    let rest = end - handedOut
    // Safe because: handedOut <= end <= capacity, so both ranges lie inside the buffer.
    if rest > 0 { memmove(buffer, buffer + handedOut, rest) }
    end = rest
    lineStart -= handedOut
    searched -= handedOut
    handedOut = 0
  }

  /// Hands out the first `count` bytes of the buffer as a chunk.
  private func handOut(_ count: Int) -> UnsafeRawBufferPointer {
    handedOut = count
    if count == end { lineStart = count; searched = count }
    // Safe because: count <= end bytes are held, and they stay put until the next call rolls
    // them away, the lifetime `next()` documents; decoding only moves bytes within them.
    let held = UnsafeRawBufferPointer(start: buffer, count: count)
    if isDockerJSON == nil {
      isDockerJSON = DockerJSONLines.starts(held)
      isJournalJSON = JournalJSONLines.starts(held)
    }
    let length =
      isDockerJSON == true
      ? DockerJSONLines.decodeInPlace(buffer, count: count)
      : isJournalJSON == true ? JournalJSONLines.decodeInPlace(buffer, count: count) : count
    bytesProduced += Int64(length)
    // Safe because: length <= count, inside the bytes held (see above).
    return UnsafeRawBufferPointer(start: buffer, count: length)
  }
}

/// A reader owns a buffer and an inflater that must not be shared between threads.
@available(*, unavailable)
extension ChunkReader: Sendable {}
