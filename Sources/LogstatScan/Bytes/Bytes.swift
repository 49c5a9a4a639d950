#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ASCII byte constants used by the scanner.
@usableFromInline enum Ch {
  @usableFromInline static let space = UInt8(ascii: " ")
  @usableFromInline static let tab = UInt8(ascii: "\t")
  @usableFromInline static let colon = UInt8(ascii: ":")
  @usableFromInline static let comma = UInt8(ascii: ",")
  @usableFromInline static let semicolon = UInt8(ascii: ";")
  @usableFromInline static let lt = UInt8(ascii: "<")
  @usableFromInline static let gt = UInt8(ascii: ">")
  @usableFromInline static let lbracket = UInt8(ascii: "[")
  @usableFromInline static let rbracket = UInt8(ascii: "]")
  @usableFromInline static let lparen = UInt8(ascii: "(")
  @usableFromInline static let rparen = UInt8(ascii: ")")
  @usableFromInline static let equals = UInt8(ascii: "=")
  @usableFromInline static let dash = UInt8(ascii: "-")
  @usableFromInline static let plus = UInt8(ascii: "+")
  @usableFromInline static let dot = UInt8(ascii: ".")
  @usableFromInline static let slash = UInt8(ascii: "/")
  @usableFromInline static let quote = UInt8(ascii: "\"")
  @usableFromInline static let zero = UInt8(ascii: "0")
  @usableFromInline static let nine = UInt8(ascii: "9")
  @usableFromInline static let upperT = UInt8(ascii: "T")
  @usableFromInline static let upperZ = UInt8(ascii: "Z")
  @usableFromInline static let at = UInt8(ascii: "@")
  @usableFromInline static let cr = UInt8(ascii: "\r")
  @usableFromInline static let newline = UInt8(ascii: "\n")
}

/// Small byte-level helpers over one line. All indices are offsets into `bytes`.
extension UnsafeRawBufferPointer {
  @inlinable @inline(__always) func isDigit(_ i: Int) -> Bool {
    i < count && self[i] &- Ch.zero < 10
  }

  /// ASCII letter or digit. Branch-free: queue IDs mix digits and letters at random, and a
  /// `digit || letter` test mispredicted on about every other byte of them.
  @inlinable @inline(__always) func isAlnum(_ i: Int) -> Bool {
    guard i < count else { return false }
    let b = self[i]
    let digit = Int(b &- Ch.zero) &+ 16  // 16...25 for a digit
    let letter = Int((b | 0x20) &- UInt8(ascii: "a"))  // 0...25 for a letter
    return Swift.min(digit, letter) < 26
  }

  /// Index of the first byte from `i` that is not an ASCII digit, or `count`: eight bytes a
  /// step (a pid's digits took five instructions each a byte at a time).
  @inlinable @inline(__always) func digitsEnd(from i: Int) -> Int {
    var j = i
    if i >= 0, let base = baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while j &+ 8 <= count {
        // Safe because: 0 <= i <= j and j + 8 <= count, so the load lies in the buffer.
        let raw = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
        // The high bit of each byte from `0` up, and of each byte past `9`, over the low seven
        // bits (no byte sum passes 0xFF, so nothing carries); bytes from 0x80 are no digits.
        let x = raw & ~highs
        let fromZero = x &+ ones &* UInt64(0x80 &- Ch.zero)
        let pastNine = x &+ ones &* UInt64(0x7F &- Ch.nine)
        let stops = ~(fromZero & ~pastNine & ~raw) & highs
        if stops != 0 { return j &+ stops.trailingZeroBitCount &>> 3 }
        j &+= 8
      }
    }
    while j < count, self[j] &- Ch.zero < 10 { j &+= 1 }
    return j
  }

  /// The value of `n` decimal digits at `i`, or -1 if any is not a digit.
  @inlinable @inline(__always) func digits(_ i: Int, _ n: Int) -> Int {
    guard i >= 0, i + n <= count else { return -1 }
    var v = 0
    var k = i
    // n is at most 4 here; wrapping arithmetic cannot overflow on so few digits.
    while k < i + n {
      let d = self[k] &- Ch.zero
      if d >= 10 { return -1 }
      v = v &* 10 &+ Int(d)
      k &+= 1
    }
    return v
  }

  /// Reads an unsigned decimal number at `i`; returns (value, end) or (-1, i).
  ///
  /// Saturating: a number too large for `Int` (any run of digits a damaged or edited line may
  /// hold) reads as `Int.max` and never wraps round to a small or negative value; callers
  /// compare with `ScannedLine.largestNumber` to tell a damaged field.
  @inlinable @inline(__always) func number(at i: Int) -> (value: Int, end: Int) {
    var j = i
    var v = 0
    while j < count {
      let d = self[j] &- Ch.zero
      if d >= 10 { break }
      // Below the bound, v * 10 + 9 cannot overflow; at or above it the value sticks at Int.max.
      v = v < Int.max / 10 ? v &* 10 &+ Int(d) : Int.max
      j += 1
    }
    return j == i ? (-1, i) : (v, j)
  }

  /// First index of `byte` in `from..<to`, or nil.
  @inlinable @inline(__always) func find(_ byte: UInt8, from: Int, to: Int? = nil) -> Int? {
    let end = Swift.min(to ?? count, count)
    // Safe because: memchr reads `from..<end`, inside the buffer (0 <= from, end <= count).
    guard from >= 0, from < end, let base = baseAddress else { return nil }
    guard let p = memchr(base + from, Int32(byte), end - from) else { return nil }
    return base.distance(to: UnsafeRawPointer(p))
  }

  /// Last index of `byte` in `from..<to`, or nil.
  @inlinable @inline(__always) func findLast(_ byte: UInt8, from: Int = 0, to: Int? = nil) -> Int? {
    var j = Swift.min(to ?? count, count) - 1
    while j >= from {
      if self[j] == byte { return j }
      j -= 1
    }
    return nil
  }

  /// True when the bytes at `i` equal the ASCII `literal`.
  @inlinable @inline(__always) func matches(_ literal: StaticString, at i: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    // Safe because: the guard keeps `i..<i + n` inside the buffer; the literal is `n` bytes.
    guard i >= 0, i + n <= count, let base = baseAddress else { return false }
    let p = base + i
    let q = UnsafeRawPointer(literal.utf8Start)
    // Literals are short: compare with two overlapping word loads instead of calling memcmp.
    // Safe because: with 8 <= n <= 16 the loads at 0 and n - 8 stay inside [p, p + n) and
    // [q, q + n) (unaligned loads need no alignment).
    if n >= 8 {
      if n > 16 { return memcmp(p, q, n) == 0 }
      return p.loadUnaligned(as: UInt64.self) == q.loadUnaligned(as: UInt64.self)
        && p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
          == q.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    // Safe because: with 4 <= n < 8 the loads at 0 and n - 4 stay inside both ranges.
    if n >= 4 {
      return p.loadUnaligned(as: UInt32.self) == q.loadUnaligned(as: UInt32.self)
        && p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
          == q.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    var k = 0
    // Safe because: k < n, and single bytes need no alignment.
    while k < n {
      if p.load(fromByteOffset: k, as: UInt8.self) != q.load(fromByteOffset: k, as: UInt8.self) {
        return false
      }
      k += 1
    }
    return true
  }

  /// The index just after `literal` when it starts at `i`, else nil: offsets past a literal
  /// come from the literal itself, never from a length counted by hand.
  @inlinable @inline(__always) func after(_ literal: StaticString, at i: Int) -> Int? {
    matches(literal, at: i) ? i + literal.utf8CodeUnitCount : nil
  }

  /// The index just after the first `literal` in `from..<to`, or nil (see `after(_:at:)`).
  @inlinable @inline(__always) func findEnd(_ literal: StaticString, from: Int, to: Int? = nil) -> Int? {
    find(literal, from: from, to: to).map { $0 + literal.utf8CodeUnitCount }
  }

  /// First index where `literal` starts in `from..<to`, or nil.
  @inlinable @inline(__always) func find(_ literal: StaticString, from: Int, to: Int? = nil) -> Int? {
    let n = literal.utf8CodeUnitCount
    let end = Swift.min(to ?? count, count)
    guard n > 0, from >= 0, from + n <= end, let base = baseAddress else { return nil }
    let first = literal.utf8Start.pointee
    var i = from
    while i + n <= end {
      // Safe because: memchr searches only starts with `n` bytes left before `end` (at most
      // `count`), so memcmp reads inside the buffer, and the literal is `n` bytes.
      guard let p = memchr(base + i, Int32(first), end - n + 1 - i) else { return nil }
      let k = base.distance(to: UnsafeRawPointer(p))
      if memcmp(base + k, literal.utf8Start, n) == 0 { return k }
      i = k + 1
    }
    return nil
  }

  /// Last index where `literal` starts in `from..<to`, or nil.
  @inlinable @inline(__always) func findLast(_ literal: StaticString, from: Int = 0, to: Int? = nil) -> Int? {
    let n = literal.utf8CodeUnitCount
    var i = Swift.min(to ?? count, count) - n
    while i >= from {
      if matches(literal, at: i) { return i }
      i -= 1
    }
    return nil
  }

  /// Index of the next space (or the end) from `i`.
  @inlinable @inline(__always) func tokenEnd(_ i: Int) -> Int {
    find(Ch.space, from: i) ?? count
  }
}
