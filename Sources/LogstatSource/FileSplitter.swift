import Glibc

/// Cuts a large plain file into newline-aligned byte ranges, so several workers
/// can read one file at once (each with `ChunkReader(byteRange:)`).
public enum FileSplitter {
  /// How far each probe reads when looking for the newline after a cut point.
  static let probeWindow = 64 << 10

  /// Newline-aligned byte ranges covering a plain file, about `count` of them (each starts right after a `"\n"`).
  ///
  /// The ranges are in file order, non-empty, contiguous, and cover
  /// `0..<size` exactly; each but the first starts right after a newline, so no
  /// line is split. A file smaller than `minimumSize` (or `count` ≤ 1) gives one
  /// range. Fewer ranges come back when a line spans several cut points. An
  /// empty file gives `[0..<0]`.
  /// - Throws: `InputError` when the file cannot be opened or read, or
  ///   `.notSplittable` for gzip (or other compressed) data and for anything
  ///   that is not a regular file (pipes, standard input): read those whole.
  /// - Complexity: O(count) reads of up to 64 KiB, more only around very long lines.
  public static func ranges(path: String, count: Int, minimumSize: Int64 = 8 << 20) throws(InputError)
    -> [Range<Int64>]
  {
    let input = InputFile(path: path)
    guard !input.isStandardInput else { throw InputError.notSplittable(path, why: "standard input") }
    // Look before opening: opening a named pipe would wait for a writer.
    var kind = stat()
    guard stat(path, &kind) == 0 else { throw InputError.opening(path, errno: errno) }
    if kind.isDirectory { throw InputError.isDirectory(path) }
    guard kind.isRegularFile else { throw InputError.notSplittable(path, why: "a pipe or device") }
    let file = try RawFile(input)
    let info = try file.status()
    var head = MagicBytes()
    try head.read(from: file, positional: true)
    guard head.format == .plain else { throw InputError.notSplittable(path, why: "compressed data") }

    let size = Int64(info.st_size)
    guard count > 1, size >= minimumSize, size > 0 else { return [0..<size] }
    // Safe because: the window is used only by the calls below and freed when this returns;
    // each read asks for at most `probeWindow` bytes and memchr searches only the bytes read.
    let window = UnsafeMutableRawPointer.allocate(byteCount: probeWindow, alignment: 16)
    defer { window.deallocate() }

    var bounds: [Int64] = [0]
    let step = size / Int64(count)
    for part in 1..<count {
      let target = step * Int64(part)
      guard target > bounds[bounds.count - 1] else { continue }
      let cut = try lineStartAtOrAfter(target, in: file, size: size, window: window)
      if cut < size && cut > bounds[bounds.count - 1] { bounds.append(cut) }
    }
    bounds.append(size)
    return (1..<bounds.count).map { bounds[$0 - 1]..<bounds[$0] }
  }

  /// The first offset ≥ `target` that starts a line (follows a newline), or `size`.
  private static func lineStartAtOrAfter(
    _ target: Int64, in file: RawFile, size: Int64, window: UnsafeMutableRawPointer
  ) throws(InputError) -> Int64 {
    // A line starts at `target` when the byte before it is a newline, so search from target - 1.
    var offset = target - 1
    while offset < size {
      let got = try file.read(into: window, count: probeWindow, at: offset)
      if got == 0 { break }  // the file shrank
      if let newline = memchr(window, 0x0A, got) {
        return offset + Int64(window.distance(to: newline)) + 1
      }
      offset += Int64(got)
    }
    return size
  }
}
