/// A large output buffer that log lines are formatted into byte by byte.
///
/// The generator writes every line here and hands the filled buffer to an `OutputSink`
/// in big blocks, so no `String` is created per line and the write(2) calls stay large.
///
/// Writes are not bounds-checked (the hot path of a 1 GB log). What keeps them inside: the
/// generator flushes once `isFull`, that is with at least `lineHeadroom` bytes free, and one
/// event writes far less than that (a message's few lines of at most a few hundred bytes of
/// reply text, and a host name of at most `GeneratorConfig.maxHostnameLength` bytes each).
final class LineBuffer {
  /// Start of the buffer; valid for the lifetime of this object.
  let base: UnsafeMutablePointer<UInt8>
  /// Total bytes the buffer can hold.
  let capacity: Int
  /// Bytes currently held.
  var count = 0

  /// Room kept free for one more line before `isFull` reports true.
  static let lineHeadroom = 64 * 1024

  /// Creates a buffer of `capacity` bytes (at least twice the line headroom).
  init(capacity: Int) {
    self.capacity = max(capacity, 2 * LineBuffer.lineHeadroom)
    // Safe because: owned by this object alone and freed in `deinit`; writes stay inside it
    // as the type's comment explains.
    base = .allocate(capacity: self.capacity)
  }

  // Safe because: sinks copy the bytes during `write`, so no view of them outlives the buffer.
  deinit { base.deallocate() }

  /// True once the buffer may not have room for another full line.
  var isFull: Bool { count > capacity - LineBuffer.lineHeadroom }

  /// Appends one byte.
  @inline(__always)
  func byte(_ b: UInt8) {
    base[count] = b
    count &+= 1
  }

  /// Appends `n` bytes from `p`.
  @inline(__always)
  func bytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
    (base + count).update(from: p, count: n)
    count &+= n
  }

  /// Appends a string literal's UTF-8 bytes.
  @inline(__always)
  func text(_ s: StaticString) {
    bytes(s.utf8Start, s.utf8CodeUnitCount)
  }

  /// Appends a stored byte string.
  @inline(__always)
  func text(_ s: BStr) {
    bytes(ByteArena.base + Int(s.offset), Int(s.length))
  }

  /// Appends a stored byte string with ASCII letters lower-cased.
  func lowercased(_ s: BStr) {
    let p = ByteArena.base + Int(s.offset)
    for i in 0..<Int(s.length) {
      let b = p[i]
      byte(b &- 65 < 26 ? b | 0x20 : b)
    }
  }

  /// Appends a stored byte string in one of a few mixed-case spellings (`Gmail.com`, `GMAIL.COM`).
  func mixedCase(_ s: BStr, style: Int) {
    let p = ByteArena.base + Int(s.offset)
    var startOfLabel = true
    for i in 0..<Int(s.length) {
      let b = p[i]
      let isLower = b &- 97 < 26
      if isLower && (style == 0 || startOfLabel) {
        byte(b & 0xDF)
      } else {
        byte(b)
      }
      startOfLabel = b == UInt8(ascii: ".")
    }
  }

  /// Appends a non-negative integer in decimal.
  @inline(__always)
  func decimal(_ value: Int) {
    var digits = 1
    var t = value
    while t >= 10 {
      t /= 10
      digits &+= 1
    }
    padded(value, width: digits)
  }

  /// Appends `value` in decimal, zero-padded to `width` digits.
  @inline(__always)
  func padded(_ value: Int, width: Int) {
    var v = value
    var i = width
    while i > 0 {
      i -= 1
      base[count + i] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
      v /= 10
    }
    count &+= width
  }

  /// Appends the low `digits` hex digits of `value`, upper case.
  @inline(__always)
  func hexUpper(_ value: UInt64, digits: Int) {
    var v = value
    var i = digits
    while i > 0 {
      i -= 1
      let d = UInt8(truncatingIfNeeded: v & 15)
      base[count + i] = d < 10 ? 48 &+ d : 55 &+ d
      v >>= 4
    }
    count &+= digits
  }

  /// Appends `value` in base 62 (0-9A-Za-z), zero-padded to `digits` (Exim message IDs).
  @inline(__always)
  func base62(_ value: UInt64, digits: Int) {
    var v = value
    var i = digits
    while i > 0 {
      i -= 1
      base[count + i] = LineBuffer.base62Digits[Int(v % 62)]
      v /= 62
    }
    count &+= digits
  }

  /// Appends a duration in seconds the way Postfix prints `delay=`: 0.01, 1.2, 16.
  func seconds(micros: Int64) {
    let m = max(0, Int(micros))
    if m >= 10_000_000 {
      decimal(m / 1_000_000)
    } else if m >= 1_000_000 {
      decimal(m / 1_000_000)
      let tenth = (m / 100_000) % 10
      if tenth != 0 {
        byte(UInt8(ascii: "."))
        decimal(tenth)
      }
    } else {
      let hundredths = m / 10_000
      if hundredths == 0 {
        byte(UInt8(ascii: "0"))
      } else {
        text("0.")
        if hundredths % 10 == 0 {
          decimal(hundredths / 10)
        } else {
          padded(hundredths, width: 2)
        }
      }
    }
  }

  private static let base62Digits: [UInt8] = Array(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
}
