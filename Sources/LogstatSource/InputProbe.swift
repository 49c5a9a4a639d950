import CZlib
import Glibc

/// What `InputProbe` learns about an input without reading it all.
public struct ProbeResult: Sendable, Equatable {
  /// The first line without its newline (a carriage return is kept), cut at
  /// `InputProbe.lineLimit` bytes; nil for an empty input or one that cannot be probed.
  public var firstLine: [UInt8]?
  /// The last line likewise (plain files only; nil for gzip).
  public var lastLine: [UInt8]?
  /// Modification time, seconds since the epoch.
  public var modificationTime: Int64
  /// Size in bytes on disk (compressed size for gzip).
  public var size: Int64
  /// True when the data starts with the gzip magic bytes.
  public var isGzip: Bool
  /// A systemd journal file (read through sd-journal, never cut into byte ranges).
  public var isJournal = false

  /// Creates a result.
  public init(firstLine: [UInt8]?, lastLine: [UInt8]?, modificationTime: Int64, size: Int64, isGzip: Bool) {
    self.firstLine = firstLine
    self.lastLine = lastLine
    self.modificationTime = modificationTime
    self.size = size
    self.isGzip = isGzip
  }
}

/// Peeks at an input's first and last line (e.g. to date it) without reading it all.
public enum InputProbe {
  /// Longest line prefix returned.
  public static let lineLimit = 64 << 10
  /// How far back from the end the start of the last line is looked for.
  static let lastLineSearchLimit: Int64 = 4 << 20

  /// First line and (for plain files, read backwards from the end) last line, and the
  /// file's modification time and size; for gzip only the first line.
  ///
  /// Standard input and pipes are not read (that would consume them): their
  /// result has no lines, size 0 and time 0.
  /// - Throws: `InputError` when the input cannot be opened or read, is a
  ///   directory, uses a compression we do not read, or its gzip data is
  ///   damaged before the first newline.
  public static func probe(_ input: InputFile) throws(InputError) -> ProbeResult {
    // Look before opening: opening a named pipe would wait for a writer.
    var kind = stat()
    guard input.isStandardInput || stat(input.path, &kind) == 0 else {
      throw InputError.opening(input.path, errno: errno)
    }
    if kind.isDirectory { throw InputError.isDirectory(input.path) }
    guard !input.isStandardInput, kind.isRegularFile else {
      return ProbeResult(firstLine: nil, lastLine: nil, modificationTime: 0, size: 0, isGzip: false)
    }
    let file = try RawFile(input)
    let info = try file.status()
    var head = MagicBytes()
    try head.read(from: file, positional: true)
    var result = ProbeResult(
      firstLine: nil, lastLine: nil, modificationTime: Int64(info.st_mtim.tv_sec), size: Int64(info.st_size),
      isGzip: head.format == .gzip)
    switch head.format {
    case .journal:
      // Binary: no first or last line; the journal reader seeks by time itself.
      result.isJournal = true
    case .other(let name, let tool):
      throw InputError.unsupportedCompression(input.path, format: name, tool: tool)
    case .gzip:
      let reader = try ChunkReader(input, chunkSize: lineLimit, maxLineLength: lineLimit)
      // Safe because: the chunk lives in the reader's buffer, and the reader is kept alive
      // until the line has been copied out (without this, ARC may free it after `next()`).
      try withExtendedLifetime(reader) { () throws(InputError) in
        if let chunk = try reader.next() { result.firstLine = firstLine(of: chunk) }
      }
    case .plain:
      // Safe because: `scratch` is freed when this returns, after both lines were copied into
      // arrays; every read asks for at most `lineLimit` bytes, and only `got` bytes are viewed.
      let scratch = UnsafeMutableRawPointer.allocate(byteCount: lineLimit, alignment: 16)
      defer { scratch.deallocate() }
      let got = try file.read(into: scratch, count: lineLimit, at: 0)
      if got > 0 { result.firstLine = firstLine(of: UnsafeRawBufferPointer(start: scratch, count: got)) }
      result.lastLine = try lastLine(of: file, size: result.size, scratch: scratch)
    }
    return result
  }

  /// The bytes before the first newline (all of them if there is none).
  private static func firstLine(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
    let line = bytes.firstIndex(of: 0x0A).map { bytes[..<$0] } ?? bytes[...]
    return JournalJSONLines.decoded(DockerJSONLines.decoded(Array(line.prefix(lineLimit))))
  }

  /// The last line of a plain file: searches backwards from the end (ignoring
  /// the final newline) for the newline before it, then reads its first bytes.
  private static func lastLine(of file: RawFile, size: Int64, scratch: UnsafeMutableRawPointer) throws(InputError)
    -> [UInt8]?
  {
    guard size > 0 else { return nil }
    var lineEnd = size
    // Safe because: `scratch` holds lineLimit bytes (see `probe`); one byte is read and loaded.
    if try file.read(into: scratch, count: 1, at: size - 1) == 1,
      scratch.load(as: UInt8.self) == 0x0A
    {
      lineEnd = size - 1
    }
    var lineStart: Int64 = 0
    var blockEnd = lineEnd
    while blockEnd > 0 {
      guard lineEnd - blockEnd < lastLineSearchLimit else { return nil }
      let blockStart = max(0, blockEnd - Int64(lineLimit))
      let got = try file.read(into: scratch, count: Int(blockEnd - blockStart), at: blockStart)
      if got == 0 { return nil }  // the file shrank while probed
      if let newline = czlib_memrchr(scratch, 0x0A, got) {
        lineStart = blockStart + Int64(scratch.distance(to: newline)) + 1
        break
      }
      blockEnd = blockStart
    }
    let length = Int(min(lineEnd - lineStart, Int64(lineLimit)))
    let got = try file.read(into: scratch, count: length, at: lineStart)
    // Safe because: length <= lineLimit, the scratch size, and only the `got` bytes read are copied.
    return JournalJSONLines.decoded(DockerJSONLines.decoded(Array(UnsafeRawBufferPointer(start: scratch, count: got))))
  }
}
