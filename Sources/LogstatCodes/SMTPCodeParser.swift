/// The one parser of SMTP reply codes: the basic code (`550`, RFC 5321) and the enhanced status
/// code (`5.7.1`, RFC 3463), used alike by the line scanners (`dsn=`, codes in reply texts),
/// the classifier (codes inside a normalised reply) and the counts (packed codes).
///
/// Only the grammar of one code at one position lives here; where to look for a code in a line
/// (after `said: `, after `#`, not the head of an IP address) stays with each caller. So a code
/// that is counted is one the classifier would read, and the other way round.
///
/// Every function reads bytes only inside `i..<end` of the buffer it is given and allocates
/// nothing.
public enum SMTPCodeParser {
  /// Length of a basic code: three digits.
  public static let basicLength = 3
  /// The shortest enhanced code, `5.1.1`. Computed from a `StaticString`, so it folds to a
  /// constant: a `static let` over `String.utf8.count` was a lazy-initialisation call on
  /// every use (16 instructions, on every `dsn=` and reply code).
  @inlinable @inline(__always) public static var shortestEnhancedLength: Int {
    ("5.1.1" as StaticString).utf8CodeUnitCount
  }
  /// At most this many digits in an enhanced code's subject or detail.
  public static let largestEnhancedPart = 3

  /// A basic reply code at `i`: `[245][0-5][0-9]` (success, transient or permanent; the second
  /// digit a category of RFC 5321 4.2.1). Says nothing about what follows: callers decide
  /// whether a space, `-` or the end must come next.
  @inlinable @inline(__always)
  public static func basic(_ b: UnsafeRawBufferPointer, at i: Int, end: Int) -> UInt16? {
    guard i >= 0, i &+ basicLength <= end else { return nil }
    let x = b[i] &- 48
    let y = b[i &+ 1] &- 48
    let z = b[i &+ 2] &- 48
    guard x == 2 || x == 4 || x == 5, y <= 5, z <= 9 else { return nil }
    return UInt16(x) &* 100 &+ UInt16(y) &* 10 &+ UInt16(z)
  }

  /// An enhanced status code starting at `i`: one class digit (2, 4 or 5), `.`, a subject of
  /// 1–3 digits in 0...7 (the subjects RFC 3463 defines), `.`, a detail of 1–3 digits, and
  /// no further digit. Returns the code packed (`EnhancedPacked`) and the bytes it spans.
  @inlinable
  public static func enhanced(
    _ b: UnsafeRawBufferPointer, at i: Int, end: Int
  ) -> (packed: UInt32, length: Int)? {
    guard i >= 0, i &+ shortestEnhancedLength <= end else { return nil }
    let klass = b[i] &- 48
    guard klass == 2 || klass == 4 || klass == 5 else { return nil }
    // The common shape, one digit each (`2.0.0`, `5.1.1`) and no digit after, read in one go
    // (the loop below took about 100 instructions for it, on every `dsn=` and reply); it reads
    // what the loop reads, which takes every other shape.
    let subject = b[i &+ 2] &- 48
    let detail = b[i &+ 4] &- 48
    if b[i &+ 1] == UInt8(ascii: "."), b[i &+ 3] == UInt8(ascii: "."), subject <= 9, detail <= 9,
      i &+ shortestEnhancedLength == end || b[i &+ shortestEnhancedLength] &- 48 > 9
    {
      guard subject <= 7 else { return nil }
      let packed = EnhancedPacked.pack(klass: UInt32(klass), subject: UInt32(subject), detail: UInt32(detail))
      return (packed, shortestEnhancedLength)
    }
    return enhancedByParts(b, at: i, klass: klass, end: end)
  }

  /// `enhanced(_:at:end:)` for any shape, part by part, after its class digit was read.
  @inlinable
  static func enhancedByParts(
    _ b: UnsafeRawBufferPointer, at i: Int, klass: UInt8, end: Int
  ) -> (packed: UInt32, length: Int)? {
    var j = i &+ 1
    var parts: (UInt32, UInt32) = (0, 0)
    for part in 0..<2 {
      guard j < end, b[j] == UInt8(ascii: ".") else { return nil }
      j &+= 1
      let first = j
      var value: UInt32 = 0
      while j < end {
        let d = b[j] &- 48
        guard d <= 9 else { break }
        guard j &- first < largestEnhancedPart else { return nil }  // a fourth digit
        value = value &* 10 &+ UInt32(d)
        j &+= 1
      }
      guard j > first else { return nil }
      if part == 0 { parts.0 = value } else { parts.1 = value }
    }
    guard parts.0 <= 7 else { return nil }
    return (EnhancedPacked.pack(klass: UInt32(klass), subject: parts.0, detail: parts.1), j &- i)
  }

  /// The enhanced code filling exactly `i..<end` (a `dsn=` value), packed; 0 when it is not one.
  @inlinable
  public static func wholeEnhanced(_ b: UnsafeRawBufferPointer, from i: Int, to end: Int) -> UInt32 {
    guard let (packed, length) = enhanced(b, at: i, end: end), i &+ length == end else { return 0 }
    return packed
  }
}

/// An enhanced status code `c.s.d` packed into one integer, `c * 1_000_000 + s * 1_000 + d`
/// (0 for none): what scanned lines carry and the counts key on, so counting needs no `String`.
public enum EnhancedPacked {
  @inlinable @inline(__always)
  public static func pack(klass: UInt32, subject: UInt32, detail: UInt32) -> UInt32 {
    klass &* 1_000_000 &+ subject &* 1_000 &+ detail
  }

  @inlinable public static func klass(_ p: UInt32) -> UInt32 { p / 1_000_000 }
  @inlinable public static func subject(_ p: UInt32) -> UInt32 { p / 1_000 % 1_000 }
  @inlinable public static func detail(_ p: UInt32) -> UInt32 { p % 1_000 }

  /// `5.7.1` from a packed code.
  public static func string(_ p: UInt32) -> String { "\(klass(p)).\(subject(p)).\(detail(p))" }

  /// Parses a whole string such as `5.7.1` (tests, merging saved reports); 0 when it is not one.
  public static func pack(_ s: String) -> UInt32 {
    var s = s
    return s.withUTF8 { u in
      // Safe because: `u` is valid for the whole closure and the parser reads only inside it.
      let b = UnsafeRawBufferPointer(u)
      return SMTPCodeParser.wholeEnhanced(b, from: 0, to: b.count)
    }
  }
}
