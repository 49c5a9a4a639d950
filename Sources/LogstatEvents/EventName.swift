import LogstatTables
import LogstatScan

/// Bytes of one line that an event hands on without copying: a borrowed view, valid only while
/// the line's buffer is (the scope that built the event).
///
/// Counting code cannot slice or search it; it can ask whether it is empty, make the `String`
/// a report shows, or (in LogstatEvents) have it parsed.
public struct EventText {
  @usableFromInline let base: UnsafeRawPointer?
  @usableFromInline let length: Int

  /// No bytes (a field the line does not have).
  @inlinable public static var none: EventText { EventText(base: nil, length: 0) }

  @usableFromInline init(base: UnsafeRawPointer?, length: Int) {
    self.base = base
    self.length = length
  }

  /// The bytes of `span` in line `b`.
  init(_ b: UnsafeRawBufferPointer, _ span: LogstatScan.Span) {
    // Safe because: spans are made by the scanner inside 0...b.count of this same line, and the
    // slice below is bounds-checked.
    let bytes = b.slice(span)
    self.init(base: bytes.baseAddress, length: bytes.count)
  }

  /// The bytes themselves; only parsers in this module read them.
  @usableFromInline var bytes: UnsafeRawBufferPointer {
    // Safe because: `base` and `length` were taken from a buffer of the line this event was
    // built from, which the caller keeps alive while the event is used.
    UnsafeRawBufferPointer(start: base, count: length)
  }

  @inlinable public var isEmpty: Bool { length == 0 }

  /// The text as a `String` (invalid UTF-8 repaired): for report values only.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The text as a `String` of at most `maximumBytes` UTF-8 bytes: a longer text is cut at a
  /// character boundary and ends in `…` (empty when not even that fits), and no `String` of
  /// the whole text is made.
  public func string(cappedAt maximumBytes: Int) -> String {
    let b = bytes
    guard b.count > maximumBytes else { return String(decoding: b, as: UTF8.self) }
    let ellipsis = "…"
    guard maximumBytes >= ellipsis.utf8.count else { return "" }
    var end = maximumBytes - ellipsis.utf8.count
    // Back off continuation bytes (10xxxxxx) so a character is not cut in two.
    while end > 0, b[end] & 0xC0 == 0x80 { end -= 1 }
    // Safe because: 0 <= end < maximumBytes < b.count (a cap below the ellipsis' three bytes
    // once made `end` negative).
    return String(decoding: UnsafeRawBufferPointer(rebasing: b[..<end]), as: UTF8.self) + ellipsis
  }

  /// Calls `body` with the bytes: for tables that store names (the interner's arena).
  public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    try body(bytes)
  }

  /// The part after the last `@` (the whole text when it has none): looked for eight bytes a
  /// step from the end, then byte by byte in the first few.
  @usableFromInline var domainPart: EventText {
    guard let base else { return self }
    var i = length
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    while i >= 8 {
      // Safe because: 8 <= i <= length, so the 8-byte load at i - 8 lies in the text.
      let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i &- 8, as: UInt64.self)) ^ (ones &* 0x40)
      // The high bit of each zero byte of `x` (each `@`) and of no other: exact, no carries.
      let at = ~(((x & lows) &+ lows) | x | lows)
      if at != 0 {
        // The highest flagged byte is the last `@`.
        let k = i &- 8 &+ (7 &- at.leadingZeroBitCount &>> 3)
        // Safe because: 0 <= k < length, so the rest of the text starts inside it or at its end.
        return EventText(base: base + (k &+ 1), length: length &- k &- 1)
      }
      i &-= 8
    }
    while i > 0 {
      i -= 1
      // Safe because: 0 <= i < length, inside the line's buffer.
      if base.load(fromByteOffset: i, as: UInt8.self) == UInt8(ascii: "@") {
        return EventText(base: base + (i + 1), length: length - i - 1)
      }
    }
    return self
  }

  /// True when the text is exactly `literal` (ASCII, case-sensitive).
  func equals(_ literal: StaticString) -> Bool {
    length == literal.utf8CodeUnitCount && bytes.elementsEqual(
      // Safe because: a static string's bytes live for the whole program.
      UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// True when the text starts with `literal` and has more after it.
  func hasProperPrefix(_ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard length > n else { return false }
    let b = bytes
    for k in 0..<n where b[k] != literal.utf8Start[k] { return false }
    return true
  }
}

/// A name that the counts key on (an address, a domain, a host, a user), as a borrowed view of
/// the line with its case-folded hash computed once when the event is built.
///
/// Counting code only interns it, hashes it or compares it (`Interner.intern(_:)`,
/// `NamedCounts.add(_:)`); the hash is the interner's (`NameHash`), so an interner reuses it.
public struct EventName {
  public let text: EventText
  /// `NameHash.of` the bytes: ASCII case-folded.
  public let hash: UInt64

  /// No name.
  @inlinable public static var none: EventName { EventName(text: .none, hash: 0) }

  public init(_ text: EventText) {
    self.text = text
    self.hash = NameHash.of(text.bytes)
  }

  @usableFromInline init(text: EventText, hash: UInt64) {
    self.text = text
    self.hash = hash
  }

  /// The name at `span` of line `b`.
  init(_ b: UnsafeRawBufferPointer, _ span: LogstatScan.Span) { self.init(EventText(b, span)) }

  @inlinable public var isEmpty: Bool { text.isEmpty }
  @inlinable public var count: Int { text.length }

  /// The name as written, as a `String` (report values only).
  public var string: String { text.string }

  /// Calls `body` with the name's bytes: for tables that store names (the interner's arena).
  public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    try body(text.bytes)
  }

  /// True when both names are the same bytes after ASCII case folding.
  public static func equalFolded(_ x: EventName, _ y: EventName) -> Bool {
    guard x.hash == y.hash, x.count == y.count else { return false }
    let a = x.text.bytes
    let b = y.text.bytes
    for k in 0..<a.count where NameHash.lower(a[k]) != NameHash.lower(b[k]) { return false }
    return true
  }

  /// The part after the last `@` (the whole name when it has none), with its own hash.
  var domainPart: EventName { EventName(text.domainPart) }
}

/// The hash of names for counting: ASCII case-folded, eight bytes at a time, folded and finished
/// with the tables' one mixing function (`TableHash`). The one definition: the interner hashes
/// with it, and events carry it.
public enum NameHash {
  /// The hash of `bytes` lower-cased.
  @inlinable @inline(__always) public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let n = bytes.count
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: n)
    var k = 0
    // Safe because: k + 8 <= n = bytes.count, and unaligned loads need no alignment.
    while k + 8 <= n {
      h = TableHash.combine(h, lowerWord(bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
      k += 8
    }
    if k < n {
      var tail: UInt64 = 0
      if n >= 8 {
        // The last 1...7 bytes with one load: the word ending at `n`, shifted so byte `k` is
        // the lowest; the same word the byte loop below builds (zero above the tail's bytes,
        // which lower-casing leaves zero).
        // Safe because: n >= 8, so the 8-byte load at n - 8 lies inside `bytes`.
        let last = bytes.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        tail = lowerWord(UInt64(littleEndian: last) &>> UInt64(truncatingIfNeeded: (8 &- (n &- k)) &* 8))
      } else {
        var shift: UInt64 = 0
        while k < n {
          tail |= UInt64(lower(bytes[k])) << shift
          shift += 8
          k += 1
        }
      }
      h = TableHash.combine(h, tail)
    }
    return TableHash.mix(h)
  }

  /// ASCII lower-casing of one byte; bytes ≥ 0x80 are left alone.
  @inlinable @inline(__always) public static func lower(_ b: UInt8) -> UInt8 {
    b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
  }

  /// ASCII lower-casing of eight bytes at once; bytes ≥ 0x80 are left alone.
  @inlinable @inline(__always) public static func lowerWord(_ x: UInt64) -> UInt64 {
    let heptets = x & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = heptets &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set from 0x41 ("A")
    let pastZ = heptets &+ 0x2525_2525_2525_2525  // high bit set from 0x5B (after "Z")
    let upper = atLeastA & ~pastZ & ~x & 0x8080_8080_8080_8080
    return x | (upper >> 2)
  }
}
