/// Reads the start of a line: the timestamp (classic syslog, RFC 3339, Exim mainlog),
/// and for syslog lines the host and program tag.
enum LineHeader {
  /// The program that wrote a syslog line, as far as dispatch needs it.
  enum Program {
    case postfix
    case exim
    case other
  }

  /// Result of reading a header: where the message body starts and who wrote it.
  struct Parsed {
    var bodyStart: Int
    var program: Program
  }

  /// Reads the header of `b` into `line` (time, host, daemon). Nil when it is no log header we know.
  static func parse(_ b: UnsafeRawBufferPointer, into line: inout ScannedLine) -> Parsed? {
    var i = 0
    // Some syslog daemons leave NUL bytes at the start of a line after a crash.
    while i < b.count, b[i] == 0 { i += 1 }
    if b.count - i < 16 { return nil }

    if b.isDigit(i) {
      // 2026-11-22T06:25:01... (RFC 3339 syslog) or 2026-11-22 06:25:01 (Exim mainlog).
      guard let (end, sep) = readISODateTime(b, i, into: &line.time) else { return nil }
      if sep == Ch.upperT {
        return syslogRest(b, end, into: &line)
      }
      return eximRest(b, end, into: &line)
    }
    guard monthNumber(b, i) != 0 else { return nil }
    guard let end = readClassic(b, i, into: &line.time) else { return nil }
    return syslogRest(b, end, into: &line)
  }

  /// `Nov 22 06:25:01` or `Nov  2 06:25:01` (optionally `.123456`); returns the index after it.
  static func readClassic(_ b: UnsafeRawBufferPointer, _ i: Int, into t: inout LineTime) -> Int? {
    let month = monthNumber(b, i)
    guard month != 0, b[i + 3] == Ch.space else { return nil }
    var j = i + 4
    if b[j] == Ch.space { j += 1 }
    let (day, dayEnd) = b.number(at: j)
    guard day >= 1, day <= 31, dayEnd - j <= 2, dayEnd < b.count, b[dayEnd] == Ch.space else {
      return nil
    }
    j = dayEnd + 1
    guard let end = readClock(b, j, into: &t) else { return nil }
    t.year = 0
    t.month = month
    t.day = day
    t.utcOffset = nil
    return end
  }

  /// `HH:MM:SS` with optional fraction; returns the index after it.
  static func readClock(_ b: UnsafeRawBufferPointer, _ j: Int, into t: inout LineTime) -> Int? {
    let h = b.digits(j, 2)
    let m = b.digits(j + 3, 2)
    let s = b.digits(j + 6, 2)
    guard h >= 0, h < 24, m >= 0, m < 60, s >= 0, s <= 60,
      b[j + 2] == Ch.colon, b[j + 5] == Ch.colon
    else { return nil }
    t.hour = h
    t.minute = m
    t.second = s == 60 ? 59 : s
    var k = j + 8
    if k < b.count, b[k] == Ch.dot || b[k] == Ch.comma {
      k += 1
      while b.isDigit(k) { k += 1 }
    }
    return k
  }

  /// `YYYY-MM-DD[T ]HH:MM:SS[.frac]`; returns the index after it and the separator byte.
  static func readISODateTime(
    _ b: UnsafeRawBufferPointer, _ i: Int, into t: inout LineTime
  ) -> (Int, UInt8)? {
    guard b.count - i >= 19 else { return nil }
    let y = b.digits(i, 4)
    let mo = b.digits(i + 5, 2)
    let d = b.digits(i + 8, 2)
    let sep = b[i + 10]
    guard y > 0, mo >= 1, mo <= 12, d >= 1, d <= 31, b[i + 4] == Ch.dash, b[i + 7] == Ch.dash,
      sep == Ch.upperT || sep == Ch.space
    else { return nil }
    guard let end = readClock(b, i + 11, into: &t) else { return nil }
    t.year = y
    t.month = mo
    t.day = d
    t.utcOffset = nil
    return (end, sep)
  }

  /// `Z`, `+01:00`, `+0100` at `i`; returns the offset in seconds and the index after it.
  static func readOffset(_ b: UnsafeRawBufferPointer, _ i: Int) -> (Int, Int)? {
    guard i < b.count else { return nil }
    if b[i] == Ch.upperZ { return (0, i + 1) }
    guard b[i] == Ch.plus || b[i] == Ch.dash else { return nil }
    let sign = b[i] == Ch.plus ? 1 : -1
    let hh = b.digits(i + 1, 2)
    guard hh >= 0 else { return nil }
    var j = i + 3
    if j < b.count, b[j] == Ch.colon { j += 1 }
    let mm = b.digits(j, 2)
    guard mm >= 0 else { return nil }
    return (sign * (hh * 3600 + mm * 60), j + 2)
  }

  /// After an RFC 3339 or classic stamp: ` host program[pid]: body`.
  static func syslogRest(
    _ b: UnsafeRawBufferPointer, _ afterStamp: Int, into line: inout ScannedLine
  ) -> Parsed? {
    var j = afterStamp
    if let (offset, end) = readOffset(b, j) {
      line.time.utcOffset = offset
      j = end
    }
    guard j < b.count, b[j] == Ch.space else { return nil }
    j += 1
    let hostEnd = b.tokenEnd(j)
    guard hostEnd > j, hostEnd < b.count else { return nil }
    line.host = Span(j, hostEnd)
    let tagStart = hostEnd + 1
    // The tag ends at "[" (pid) or ":".
    var k = b.firstTagStop(from: tagStart)
    guard k < b.count, k > tagStart else { return nil }
    let tagEnd = k
    if b[k] == Ch.lbracket {
      guard let close = b.find(Ch.rbracket, from: k) else { return nil }
      k = close + 1
    }
    guard k + 1 < b.count, b[k] == Ch.colon, b[k + 1] == Ch.space else { return nil }
    let bodyStart = k + 2
    let program = classifyTag(b, tagStart, tagEnd, into: &line)
    return Parsed(bodyStart: bodyStart, program: program)
  }

  /// Decides Postfix (`postfix/smtp`, `postfix-out/smtp`, `postfix/submission/smtpd`) or Exim.
  static func classifyTag(
    _ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int, into line: inout ScannedLine
  ) -> Program {
    if b.matches("exim", at: start) {
      line.mta = .exim
      line.daemon = Span(start, end)
      return .exim
    }
    let slash = b.findLast(Ch.slash, from: start, to: end)
    let daemonStart = slash.map { $0 + 1 } ?? start
    line.daemon = Span(daemonStart, end)
    if b.matches("postfix", at: start) || (slash != nil && PostfixDaemon.of(b, line.daemon) != .other)
    {
      line.mta = .postfix
      return .postfix
    }
    return .other
  }

  /// After an Exim stamp: optional `.mmm`, ` +zzzz`, ` [pid]`, then the body.
  static func eximRest(
    _ b: UnsafeRawBufferPointer, _ afterStamp: Int, into line: inout ScannedLine
  ) -> Parsed? {
    var j = afterStamp
    guard j < b.count, b[j] == Ch.space else { return nil }
    j += 1
    if j < b.count, b[j] == Ch.plus || b[j] == Ch.dash, let (offset, end) = readOffset(b, j),
      end < b.count, b[end] == Ch.space
    {
      line.time.utcOffset = offset
      j = end + 1
    }
    if j < b.count, b[j] == Ch.lbracket, let close = b.find(Ch.rbracket, from: j),
      b.isDigit(j + 1), close + 1 < b.count, b[close + 1] == Ch.space
    {
      j = close + 2
    }
    line.mta = .exim
    return Parsed(bodyStart: j, program: .exim)
  }
}

extension UnsafeRawBufferPointer {
  /// Index of the first `[`, `:` or space from `i`, or `count`: eight bytes per step.
  @inline(__always) func firstTagStop(from i: Int) -> Int {
    var k = i
    if let base = baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while k + 8 <= count {
        // Safe: k + 8 <= count.
        let x = base.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        let a = x ^ (ones &* UInt64(Ch.lbracket))
        let c = x ^ (ones &* UInt64(Ch.colon))
        let s = x ^ (ones &* UInt64(Ch.space))
        // A zero byte in a, c or s marks a stop; the lowest flagged byte is always exact.
        let found =
          ((a &- ones) & ~a | (c &- ones) & ~c | (s &- ones) & ~s) & highs
        if found != 0 { return k + found.trailingZeroBitCount / 8 }
        k += 8
      }
    }
    while k < count, self[k] != Ch.lbracket, self[k] != Ch.colon, self[k] != Ch.space { k += 1 }
    return k
  }
}
