/// The last classic syslog stamp a `ScannedLine` read (`Nov 22 06:25:01`, 15 bytes) and its
/// time, so a line that repeats it copies the time instead of parsing it.
///
/// A busy log writes dozens of lines a second: on a generated Postfix day 96% of the lines
/// carry the same stamp as the line before. Equal bytes parse to an equal time, so a hit is
/// exactly what `LineHeader.readClassic` would have produced. Only stamps without a fraction
/// are kept (a fraction's length is not part of the 15 bytes compared).
struct RecentStamp: Sendable {
  /// Bytes of a classic stamp without fraction: `Nov 22 06:25:01`.
  static let length = "Nov 22 06:25:01".utf8.count

  /// Bytes 0..<8 and 7..<15 of the stamp, loaded as words; 0 when nothing is kept (a stamp
  /// starts with a letter, so its first word is never 0).
  private var head: UInt64 = 0
  private var tail: UInt64 = 0
  private(set) var time = LineTime()

  /// True when the `length` bytes at `i` are the kept stamp and no fraction follows them.
  @inline(__always) func matches(_ b: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    // `readClassic` needs one byte past the stamp too.
    guard head != 0, i &+ RecentStamp.length < b.count, let base = b.baseAddress else { return false }
    // Safe because: i + 15 < b.count, so both 8-byte loads (at i and i + 7) lie in the buffer.
    let h = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    let t = base.loadUnaligned(fromByteOffset: i &+ RecentStamp.length &- 8, as: UInt64.self)
    guard h == head, t == tail else { return false }
    let after = b[i &+ RecentStamp.length]
    return after != Ch.dot && after != Ch.comma
  }

  /// Keeps the stamp at `i..<end` and its parsed time when it is a plain 15-byte stamp.
  @inline(__always) mutating func keep(_ b: UnsafeRawBufferPointer, _ i: Int, end: Int, _ parsed: LineTime) {
    guard end == i &+ RecentStamp.length, let base = b.baseAddress else { return }
    // Safe because: readClassic read the 15 bytes at i (end = i + 15 <= b.count).
    head = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    tail = base.loadUnaligned(fromByteOffset: i &+ RecentStamp.length &- 8, as: UInt64.self)
    time = parsed
  }
}
