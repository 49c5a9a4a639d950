import Glibc

/// Rewrites the lines of a chunk in place, each into something no longer than itself (the
/// JSON log forms: `DockerJSONLines`, `JournalJSONLines`), keeping the newlines. Lines the
/// rewrite declines are moved down unchanged.
enum LineRewriter {
  /// Runs `rewrite` on every line (without its newline) of `count` bytes at `base`. `rewrite`
  /// gets the line and where its result goes (`base + write`, at or before the line's start)
  /// and returns the result's length, at most the line's, or nil to keep the line as it is.
  /// Returns the new byte count.
  /// - Complexity: O(count) plus the rewrites; one call of `rewrite` a line.
  @inline(__always)
  static func rewrite(
    _ base: UnsafeMutableRawPointer, count: Int,
    _ rewrite: (UnsafeRawBufferPointer, UnsafeMutableRawPointer) -> Int?
  ) -> Int {
    var read = 0
    var write = 0
    while read < count {
      // Safe because: `read < count`, so memchr looks only inside the chunk.
      let lineEnd: Int
      if let p = memchr(base + read, 0x0A, count - read) {
        lineEnd = base.distance(to: p)
      } else {
        lineEnd = count
      }
      // Safe because: `read..<lineEnd` lies inside the chunk, and `write <= read`.
      let line = UnsafeRawBufferPointer(start: base + read, count: lineEnd - read)
      if let made = rewrite(line, base + write) {
        write += made
      } else {
        // Safe because: `write <= read`, so the move stays inside the chunk (memmove allows overlap).
        if write != read { memmove(base + write, base + read, lineEnd - read) }
        write += lineEnd - read
      }
      if lineEnd < count {
        // Safe because: `write <= lineEnd < count`.
        base.storeBytes(of: 0x0A, toByteOffset: write, as: UInt8.self)
        write += 1
      }
      read = lineEnd + 1
    }
    return write
  }

  /// One line (no newline) through `decodeInPlace` when `starts` says it is of the form, else
  /// as it is: for the lines `InputProbe` dates an input by.
  static func decoded(
    _ line: [UInt8], starts: (UnsafeRawBufferPointer) -> Bool,
    decodeInPlace: (UnsafeMutableRawPointer, Int) -> Int
  ) -> [UInt8] {
    var copy = line
    // Safe because: the array's own bytes, decoded in place within `raw.count`, and not kept.
    let count = copy.withUnsafeMutableBytes { raw -> Int in
      guard let base = raw.baseAddress, starts(UnsafeRawBufferPointer(raw)) else { return raw.count }
      return decodeInPlace(base, raw.count)
    }
    copy.removeLast(copy.count - count)
    return copy
  }
}
