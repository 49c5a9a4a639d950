/// How line time stamps are written.
enum StampStyle: String, Sendable, CaseIterable {
  /// Traditional syslog (`Nov  2 06:25:01`) for Postfix, `2026-11-22 06:25:01` for Exim.
  case classic
  /// rsyslog RFC 3339 (`2026-11-22T06:25:01.123456+01:00`) for Postfix,
  /// Exim with `+millisec` and `log_timezone` (`2026-11-22 06:25:01.123 +0100`).
  case rfc3339
}

/// Writes the time stamp at the start of each line, re-formatting the date only when the
/// second changes (many lines share a second).
struct StampWriter {
  let style: StampStyle
  let exim: Bool
  private var cachedSecond: Int64 = .min
  private var cache: [UInt8] = []

  /// Local time's offset from UTC in seconds, and its `+01:00` / `+0100` spellings.
  let utcOffset: Int
  private let offsetColon: [UInt8]
  private let offsetPlain: [UInt8]

  /// Creates a writer for one log dialect and stamp style; stamps show local time at `utcOffset`.
  init(style: StampStyle, exim: Bool, utcOffset: Int = 0) {
    self.style = style
    self.exim = exim
    self.utcOffset = utcOffset
    let sign = utcOffset < 0 ? "-" : "+"
    let h = abs(utcOffset) / 3600
    let m = abs(utcOffset) / 60 % 60
    let hh = h < 10 ? "0\(h)" : "\(h)"
    let mm = m < 10 ? "0\(m)" : "\(m)"
    offsetColon = Array("\(sign)\(hh):\(mm)".utf8)
    offsetPlain = Array(" \(sign)\(hh)\(mm)".utf8)
  }

  /// Parses `+01:00`, `-0500`, `Z` or `0` into seconds east of UTC.
  static func parseOffset(_ text: String) -> Int? {
    if text == "Z" || text == "0" { return 0 }
    let sign: Int
    switch text.first {
    case "+": sign = 1
    case "-": sign = -1
    default: return nil
    }
    let digits = text.dropFirst().filter { $0 != ":" }
    guard digits.count == 4, digits.allSatisfy(\.isNumber), let v = Int(digits) else { return nil }
    let h = v / 100, m = v % 100
    guard h <= 14, m < 60 else { return nil }
    return sign * (h * 3600 + m * 60)
  }

  /// Appends the stamp for `micros` (microseconds since the Unix epoch, UTC) and one space.
  mutating func write(_ micros: Int64, to out: LineBuffer) {
    let second = micros / 1_000_000
    if second != cachedSecond {
      cachedSecond = second
      cache = StampWriter.format(second: second + Int64(utcOffset), style: style, exim: exim)
    }
    // Safe because (the three copies here): each array is non-empty (a formatted stamp, an
    // offset such as `+00:00`), so it has a base address, and `bytes` copies it inside the closure.
    cache.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
    let fraction = Int(micros % 1_000_000)
    switch (style, exim) {
    case (.classic, _):
      break
    case (.rfc3339, false):
      out.byte(UInt8(ascii: "."))
      out.padded(fraction, width: 6)
      // Safe because: as above.
      offsetColon.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
    case (.rfc3339, true):
      out.byte(UInt8(ascii: "."))
      out.padded(fraction / 1000, width: 3)
      // Safe because: as above.
      offsetPlain.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
    }
    out.byte(UInt8(ascii: " "))
  }

  /// The part of the stamp that only changes once a second.
  static func format(second: Int64, style: StampStyle, exim: Bool) -> [UInt8] {
    let day = Int(second >= 0 ? second / 86_400 : (second - 86_399) / 86_400)
    let secOfDay = Int(second - Int64(day) * 86_400)
    let (y, m, d) = civil(fromDays: day)
    let scratch = LineBuffer(capacity: 0)
    if style == .classic && !exim {
      for i in 0..<3 { scratch.byte(monthNames[(m - 1) * 3 + i]) }
      scratch.byte(UInt8(ascii: " "))
      if d < 10 { scratch.byte(UInt8(ascii: " ")) }
      scratch.decimal(d)
    } else {
      scratch.padded(y, width: 4)
      scratch.byte(UInt8(ascii: "-"))
      scratch.padded(m, width: 2)
      scratch.byte(UInt8(ascii: "-"))
      scratch.padded(d, width: 2)
    }
    scratch.byte(exim || style == .classic ? UInt8(ascii: " ") : UInt8(ascii: "T"))
    scratch.padded(secOfDay / 3600, width: 2)
    scratch.byte(UInt8(ascii: ":"))
    scratch.padded(secOfDay / 60 % 60, width: 2)
    scratch.byte(UInt8(ascii: ":"))
    scratch.padded(secOfDay % 60, width: 2)
    // Safe because: `scratch` (at least 128 KiB, see LineBuffer) holds the `count` bytes just
    // written, and they are copied into the array while it is alive.
    return Array(UnsafeBufferPointer(start: scratch.base, count: scratch.count))
  }

  /// Gregorian (year, month, day) for a count of days since 1970-01-01 (H. Hinnant's algorithm).
  static func civil(fromDays z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Days since 1970-01-01 for a Gregorian date (inverse of `civil(fromDays:)`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS` (or with a space) into seconds since the epoch, UTC.
  static func parseStart(_ text: String) -> Int64? {
    let parts = text.split(whereSeparator: { "-T :".contains($0) }).map { Int($0) }
    guard parts.count == 6 || parts.count == 3, !parts.contains(nil) else { return nil }
    let p = parts.map { $0! }
    guard (1...12).contains(p[1]), (1...31).contains(p[2]) else { return nil }
    let hms = p.count == 6 ? p[3] * 3600 + p[4] * 60 + p[5] : 0
    return Int64(days(year: p[0], month: p[1], day: p[2])) * 86_400 + Int64(hms)
  }

  private static let monthNames: [UInt8] = Array("JanFebMarAprMayJunJulAugSepOctNovDec".utf8)
}

extension StampWriter {
  /// Writes `YYYYMMDDhhmmss` (UTC) for message-ids.
  static func compactUTC(_ micros: Int64, to out: LineBuffer) {
    let second = micros / 1_000_000
    let day = Int(second / 86_400)
    let secOfDay = Int(second % 86_400)
    let (y, m, d) = civil(fromDays: day)
    out.padded(y, width: 4)
    out.padded(m, width: 2)
    out.padded(d, width: 2)
    out.padded(secOfDay / 3600, width: 2)
    out.padded(secOfDay / 60 % 60, width: 2)
    out.padded(secOfDay % 60, width: 2)
  }
}

extension StampWriter {
  /// Writes `YYYY-MM-DDThh:mm:ss.mmmZ` (UTC), as Microsoft's replies quote the time.
  static func isoUTC(_ micros: Int64, to out: LineBuffer) {
    let second = micros / 1_000_000
    let (y, m, d) = civil(fromDays: Int(second / 86_400))
    let secOfDay = Int(second % 86_400)
    out.padded(y, width: 4)
    out.byte(UInt8(ascii: "-"))
    out.padded(m, width: 2)
    out.byte(UInt8(ascii: "-"))
    out.padded(d, width: 2)
    out.byte(UInt8(ascii: "T"))
    out.padded(secOfDay / 3600, width: 2)
    out.byte(UInt8(ascii: ":"))
    out.padded(secOfDay / 60 % 60, width: 2)
    out.byte(UInt8(ascii: ":"))
    out.padded(secOfDay % 60, width: 2)
    out.byte(UInt8(ascii: "."))
    out.padded(Int(micros % 1_000_000) / 1000, width: 3)
    out.byte(UInt8(ascii: "Z"))
  }
}
