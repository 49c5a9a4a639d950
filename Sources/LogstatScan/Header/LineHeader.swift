/// Reads the start of a line: the timestamp and, for syslog lines, the host and program tag.
///
/// Every header form real servers write ends up here: classic syslog (with or without a host, a
/// `<PRI>` prefix or BusyBox's `facility.level`), RFC 3339, RFC 5424, ISO stamps with a space
/// (syslog-ng, Exim mainlog), `journalctl -o short-full` and `-o short-unix`, and container wrappers (`docker logs -t`,
/// docker compose, a journald line whose message is itself a whole log line). A wrapped line
/// parses exactly like its inner line; see `LineHeader+Wrappers.swift`.
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

  /// How many wrappers deep an inner line is still looked for (compose around `docker -t`
  /// around journald is three).
  static let maxDepth = 3

  /// Reads the header of `b` into `line` (time, host, daemon). Nil when it is no log header we know.
  static func parse(_ b: UnsafeRawBufferPointer, into line: inout ScannedLine) -> Parsed? {
    var i = 0
    // Some syslog daemons leave NUL bytes at the start of a line after a crash.
    while i < b.count, b[i] == 0 { i += 1 }
    return parse(b, at: i, depth: 0, lineStart: true, into: &line)
  }

  /// Reads a header starting at `i`. `lineStart` allows the docker compose `name  | ` prefix,
  /// which only ever starts a physical line (and is costly to look for elsewhere).
  static func parse(
    _ b: UnsafeRawBufferPointer, at i: Int, depth: Int, lineStart: Bool, into line: inout ScannedLine
  ) -> Parsed? {
    if b.count - i < 16 { return nil }
    let first = b[i]
    if first &- Ch.zero < 10 {
      // 2026-11-22T06:25:01... (RFC 3339 syslog, docker -t) or 2026-11-22 06:25:01 (Exim, syslog-ng).
      if let (end, sep) = readISODateTime(b, i, into: &line.time) {
        if sep == Ch.upperT { return rfc3339Rest(b, end, depth: depth, into: &line) }
        return isoSpaceRest(b, end, depth: depth, into: &line)
      }
      // 1764842400.123456 host program[pid]: ... (`journalctl -o short-unix`).
      if let end = readEpoch(b, i, into: &line.time) {
        return syslogRest(b, end, depth: depth, into: &line)
      }
    } else if first == Ch.lt {
      return priRest(b, i, depth: depth, lineStart: lineStart, into: &line)
    } else if line.recentStamp.matches(b, i) {
      // The previous line's stamp again: its time, without parsing it.
      line.time = line.recentStamp.time
      return syslogRest(b, i &+ RecentStamp.length, depth: depth, into: &line)
    } else if monthNumber(b, i) != 0 {
      if let end = readClassic(b, i, into: &line.time) {
        line.recentStamp.keep(b, i, end: end, line.time)
        return syslogRest(b, end, depth: depth, into: &line)
      }
    } else if isWeekday(b, i) {
      if let parsed = shortFullRest(b, i, depth: depth, into: &line) { return parsed }
    }
    guard lineStart else { return nil }
    return composeRest(b, i, depth: depth, into: &line)
  }

  /// True when a wrapped line may start at `i`: a digit, `<` or a month or weekday name.
  /// Cheap, so normal lines pay almost nothing for the wrapper checks.
  @inline(__always) static func mayStartHeader(_ b: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    guard i < b.count else { return false }
    let c = b[i]
    return c &- Ch.zero < 10 || c == Ch.lt || monthNumber(b, i) != 0 || isWeekday(b, i)
  }

  /// `Nov 22 06:25:01` or `Nov  2 06:25:01` (optionally `.123456`); returns the index after it.
  static func readClassic(_ b: UnsafeRawBufferPointer, _ i: Int, into t: inout LineTime) -> Int? {
    let month = monthNumber(b, i)
    guard month != 0, i + 16 <= b.count, b[i + 3] == Ch.space else { return nil }
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

  /// The earliest and latest epoch seconds read as a `short-unix` stamp (2000 to 2100): ten
  /// digits or nine, so no other line form that starts with digits is taken for one.
  static let epochRange = 946_684_800..<4_102_444_800

  /// `SECONDS.FRACTION` (UTC epoch seconds, as `journalctl -o short-unix` writes them) followed by
  /// a space; returns the index of that space. The fraction is required: it tells the stamp
  /// from a number that starts some other line.
  static func readEpoch(_ b: UnsafeRawBufferPointer, _ i: Int, into t: inout LineTime) -> Int? {
    var j = i
    var seconds = 0
    while j < b.count, j - i < 10, b.isDigit(j) {
      seconds = seconds &* 10 &+ Int(b[j] &- Ch.zero)
      j += 1
    }
    guard j - i >= 9, j < b.count, b[j] == Ch.dot, epochRange.contains(seconds) else { return nil }
    let fraction = j + 1
    j = fraction
    while b.isDigit(j) { j += 1 }
    guard j > fraction, j < b.count, b[j] == Ch.space else { return nil }
    // Days since 1970-01-01 to a civil date (proleptic Gregorian, era arithmetic).
    let days = seconds / 86_400
    let secondOfDay = seconds - days * 86_400
    let z = days + 719_468
    let era = z / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let month = mp < 10 ? mp + 3 : mp - 9
    t.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    t.month = month
    t.day = dayOfYear - (153 * mp + 2) / 5 + 1
    t.hour = secondOfDay / 3_600
    t.minute = secondOfDay / 60 % 60
    t.second = secondOfDay % 60
    t.utcOffset = 0
    return j
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

  /// After an ISO stamp with a space: Exim's mainlog (`[pid] ID ...`, hot path first), or a
  /// syslog-ng line `host program[pid]: body` when its tag names Postfix or Exim.
  static func isoSpaceRest(
    _ b: UnsafeRawBufferPointer, _ afterStamp: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    guard let exim = eximRest(b, afterStamp, into: &line) else { return nil }
    if EximScanner.messageIDEnd(b, exim.bodyStart) != nil { return exim }
    let stamp = line.time
    if let syslog = syslogRest(b, afterStamp, depth: depth, into: &line), syslog.program != .other {
      return syslog
    }
    // Not a syslog line after all: undo what the attempt wrote.
    line.time = stamp
    line.host = .none
    line.daemon = .none
    line.mta = .exim
    return exim
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
