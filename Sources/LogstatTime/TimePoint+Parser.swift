/// One parsed `--since` / `--until` expression, before it is resolved against "now" and a zone.
enum TimePoint: Sendable, Equatable {
  case now
  /// Local midnight starting today.
  case today
  /// Local midnight starting yesterday.
  case yesterday
  /// That many seconds before now (`90m`, `7d`): elapsed time, not calendar days.
  case ago(seconds: Int64)
  /// Local midnight starting that date.
  case date(year: Int, month: Int, day: Int)
  /// A local civil time without an offset.
  case local(CivilTime)
  /// An absolute instant: a date-time with an offset, or `@epoch`.
  case instant(Int64)
}

/// Why an expression did not parse, as a sentence fragment for `TimeExpressionError`.
struct TimePointProblem: Error, Equatable {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}

/// A strict byte-level parser for time expressions. It runs once per option, not per line, but
/// stays regex-free and String-light like the rest of the code.
struct TimePointParser {
  /// Durations above 100 years are refused: they are typos, and they keep `now - d` in range.
  static let longestDuration: Int64 = 36_525 * Civil.secondsPerDay

  /// The expression, ASCII letters lowercased, for matching.
  private let bytes: [UInt8]
  /// The expression as typed, for quoting in messages.
  private let original: [UInt8]
  private var index = 0

  /// Parses one expression; surrounding blanks are ignored, keywords and letters are
  /// case-insensitive.
  static func parse(_ text: String) throws(TimePointProblem) -> TimePoint {
    var bytes = Array(text.utf8)
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
    let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
    bytes.removeSubrange(..<start)
    guard !bytes.isEmpty else { throw TimePointProblem("it is empty") }
    var parser = TimePointParser(original: bytes)
    return try parser.parseExpression()
  }

  private init(original: [UInt8]) {
    self.original = original
    self.bytes = original.map(lowercased)
  }

  private mutating func parseExpression() throws(TimePointProblem) -> TimePoint {
    if bytes.elementsEqual("now".utf8) { return .now }
    if bytes.elementsEqual("today".utf8) { return .today }
    if bytes.elementsEqual("yesterday".utf8) { return .yesterday }
    if bytes[0] == UInt8(ascii: "@") { return try parseEpoch() }
    guard isDigit(bytes[0]) else {
      throw TimePointProblem("it is not a keyword, a duration, a date or a date-time")
    }
    let leadingDigits = bytes.prefix { isDigit($0) }.count
    if leadingDigits == 4, peek(at: 4) == UInt8(ascii: "-") { return try parseDateTime() }
    if let next = peek(at: leadingDigits), isLetter(next) { return try parseDuration() }
    if leadingDigits == bytes.count {
      throw TimePointProblem(
        "a number needs a unit, e.g. \(String(decoding: bytes, as: UTF8.self))m")
    }
    throw TimePointProblem("it is not a keyword, a duration, a date or a date-time")
  }

  /// `@1795330800`: seconds since 1970-01-01T00:00:00Z.
  private mutating func parseEpoch() throws(TimePointProblem) -> TimePoint {
    index = 1
    let negative = take(UInt8(ascii: "-"))
    guard let value = number(maxDigits: 12), index == bytes.count else {
      throw TimePointProblem("'@' must be followed by whole seconds since 1970, e.g. @1795330800")
    }
    return .instant(negative ? -value : value)
  }

  /// `90m`, `24h`, `1h30m`: amounts with units s, m, h, d, w, added up.
  private mutating func parseDuration() throws(TimePointProblem) -> TimePoint {
    var total: Int64 = 0
    while index < bytes.count {
      guard let amount = number(maxDigits: 9) else {
        throw TimePointProblem("expected a number at '\(rest)'")
      }
      guard let unit = peek(at: index) else {
        throw TimePointProblem("the last amount has no unit (use s, m, h, d or w)")
      }
      let scale: Int64
      switch unit {
      case UInt8(ascii: "s"): scale = 1
      case UInt8(ascii: "m"): scale = 60
      case UInt8(ascii: "h"): scale = 3_600
      case UInt8(ascii: "d"): scale = Civil.secondsPerDay
      case UInt8(ascii: "w"): scale = 7 * Civil.secondsPerDay
      default: throw TimePointProblem("unknown unit at '\(rest)' (use s, m, h, d or w)")
      }
      index += 1
      total += amount * scale  // cannot overflow: amount < 10^9, scale < 10^6, few terms
      guard total <= Self.longestDuration else {
        throw TimePointProblem("durations longer than 100 years are not accepted")
      }
    }
    return .ago(seconds: total)
  }

  /// `2026-11-22`, then optionally `T` or blank, `HH:MM[:SS[.fff]]` and an offset.
  private mutating func parseDateTime() throws(TimePointProblem) -> TimePoint {
    let year = try field(digits: 4, what: "a four-digit year")
    try expect("-", after: "the year")
    let month = try field(digits: 2, what: "a two-digit month (01-12)")
    guard (1...12).contains(month) else { throw TimePointProblem("month \(month) is not 01-12") }
    try expect("-", after: "the month")
    let day = try field(digits: 2, what: "a two-digit day")
    let monthLength = Civil.daysInMonth(year: year, month: month)
    guard (1...monthLength).contains(day) else {
      throw TimePointProblem(
        "\(Civil.pad(year, 4))-\(Civil.pad(month, 2)) has no day \(day) (it has \(monthLength))")
    }
    guard index < bytes.count else { return .date(year: year, month: month, day: day) }

    guard take(UInt8(ascii: "t")) || skipBlanks() else {
      throw TimePointProblem("expected 'T' or a blank before the time, found '\(rest)'")
    }
    let hour = try field(digits: 2, what: "a two-digit hour (00-23)")
    try expect(":", after: "the hour")
    let minute = try field(digits: 2, what: "two-digit minutes")
    var second = 0
    if take(UInt8(ascii: ":")) {
      second = try field(digits: 2, what: "two-digit seconds")
      if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
        // Fractions are validated and dropped: windows are whole seconds, like the stamps.
        guard number(maxDigits: 9) != nil else {
          throw TimePointProblem("expected fraction digits after the seconds")
        }
      }
    }
    guard hour <= 23 else { throw TimePointProblem("hour \(hour) is not 00-23") }
    guard minute <= 59 else { throw TimePointProblem("minute \(minute) is not 00-59") }
    guard second <= 59 else { throw TimePointProblem("second \(second) is not 00-59") }
    let civil = CivilTime(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second)

    _ = skipBlanks()
    guard index < bytes.count else { return .local(civil) }
    let offset = try parseOffset()
    guard index == bytes.count else { throw TimePointProblem("unexpected '\(rest)' at the end") }
    return .instant(
      Civil.epoch(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second,
        utcOffset: offset))
  }

  /// `Z`, `+01:00`, `+0100` or `-05`, in seconds east of UTC.
  private mutating func parseOffset() throws(TimePointProblem) -> Int {
    if take(UInt8(ascii: "z")) { return 0 }
    let sign: Int
    if take(UInt8(ascii: "+")) {
      sign = 1
    } else if take(UInt8(ascii: "-")) {
      sign = -1
    } else {
      throw TimePointProblem("expected an offset (Z, +01:00, +0100) at '\(rest)'")
    }
    let hours = try field(digits: 2, what: "two-digit offset hours", followedByDigits: true)
    var minutes = 0
    if index < bytes.count {
      _ = take(UInt8(ascii: ":"))
      minutes = try field(digits: 2, what: "two-digit offset minutes")
    }
    guard hours <= 23, minutes <= 59 else {
      throw TimePointProblem("offset \(hours):\(minutes) is out of range")
    }
    return sign * (hours * 3_600 + minutes * 60)
  }

  // MARK: - Small readers

  private var rest: String { String(decoding: original[index...], as: UTF8.self) }

  private func peek(at position: Int) -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard peek(at: index) == byte else { return false }
    index += 1
    return true
  }

  private mutating func skipBlanks() -> Bool {
    let start = index
    while let byte = peek(at: index), byte == 0x20 || byte == 0x09 { index += 1 }
    return index > start
  }

  private mutating func expect(_ character: Unicode.Scalar, after what: String)
    throws(TimePointProblem)
  {
    guard take(UInt8(ascii: character)) else {
      throw TimePointProblem("expected '\(character)' after \(what)")
    }
  }

  /// Exactly `digits` decimal digits; unless `followedByDigits`, no further digit may follow.
  private mutating func field(digits: Int, what: String, followedByDigits: Bool = false)
    throws(TimePointProblem) -> Int
  {
    var value = 0
    for offset in 0..<digits {
      guard let byte = peek(at: index + offset), isDigit(byte) else {
        throw TimePointProblem("expected \(what)")
      }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    if !followedByDigits, let byte = peek(at: index + digits), isDigit(byte) {
      throw TimePointProblem("expected \(what), found more digits")
    }
    index += digits
    return value
  }

  /// One to `maxDigits` decimal digits, or nil if none (or too many) are there.
  private mutating func number(maxDigits: Int) -> Int64? {
    var value: Int64 = 0
    var count = 0
    while let byte = peek(at: index), isDigit(byte) {
      count += 1
      guard count <= maxDigits else { return nil }
      value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      index += 1
    }
    return count == 0 ? nil : value
  }
}

private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
private func isLetter(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
private func lowercased(_ byte: UInt8) -> UInt8 {
  byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
}
