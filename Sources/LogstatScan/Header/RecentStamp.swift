/// The last classic syslog stamp a `ScannedLine` read (`Nov 22 06:25:01`, 15 bytes) and its
/// time, so a line that repeats it copies the time instead of parsing it.
///
/// A busy log writes dozens of lines a second: on a generated Postfix day 96% of the lines
/// carry the same stamp as the line before. Equal bytes parse to an equal time, so a hit is
/// exactly what `LineHeader.readClassic` would have produced. Only stamps without a fraction
/// are kept (a fraction's length is not part of the 15 bytes compared).
struct RecentStamp: Sendable {
  /// Bytes of a classic stamp without fraction: `Nov 22 06:25:01`. Computed from the literal
  /// (a `static let` of `String.utf8.count` cost a lazy-initialisation check on every line).
  @inline(__always) static var length: Int { ("Nov 22 06:25:01" as StaticString).utf8CodeUnitCount }

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

/// The last syslog host token a `ScannedLine` read (up to 16 bytes, no `[` or `:` in it), so a
/// line from the same host skips looking for a tag at the host's place, finding the space after
/// it and asking whether it is BusyBox's `facility.level`.
///
/// Exact: a token without `[` or `:` followed by a space is never a program tag, and whether it
/// is a facility depends on its bytes alone.
struct RecentHost: Sendable {
  /// Longest host kept: two words.
  static let maximumLength = 16

  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var lowMask: UInt64 = 0
  private var highMask: UInt64 = 0
  /// Bytes of the kept host; 0 when nothing is kept.
  private(set) var length = 0
  /// The kept token is `facility.level`, not a host name.
  private(set) var isFacility = false

  /// True when the kept host followed by a space starts at `j`.
  @inline(__always) func matches(_ b: UnsafeRawBufferPointer, _ j: Int) -> Bool {
    guard length != 0, j &+ RecentHost.maximumLength <= b.count, let base = b.baseAddress else {
      return false
    }
    // Safe because: j + 16 <= b.count, so both 8-byte loads lie in the buffer, and
    // j + length < j + 16 <= b.count for the byte read after the host.
    let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
    let y = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j &+ 8, as: UInt64.self))
    return (x ^ low) & lowMask == 0 && (y ^ high) & highMask == 0 && b[j &+ length] == Ch.space
  }

  /// Keeps the host token `j..<end` when it is short enough and holds no `[` or `:`.
  mutating func keep(_ b: UnsafeRawBufferPointer, _ j: Int, end: Int, isFacility: Bool) {
    let n = end &- j
    guard n > 0, n <= RecentHost.maximumLength, j &+ RecentHost.maximumLength <= b.count,
      let base = b.baseAddress
    else { return }
    for k in j..<end where b[k] == Ch.lbracket || b[k] == Ch.colon { return }
    // Safe because: j + 16 <= b.count.
    let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
    let y = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j &+ 8, as: UInt64.self))
    // Read little-endian: byte k of the token is bits 8k..<8k+8 of its word.
    lowMask = n >= 8 ? ~0 : (1 << UInt64(8 &* n)) &- 1
    highMask = n <= 8 ? 0 : n >= 16 ? ~0 : (1 << UInt64(8 &* (n &- 8))) &- 1
    low = x & lowMask
    high = y & highMask
    length = n
    self.isFacility = isFacility
  }
}
