/// Header forms around or instead of the classic syslog stamp: `<PRI>`, RFC 5424,
/// `journalctl -o short-full`, `docker logs -t`, Kubernetes CRI files and docker compose prefixes.
extension LineHeader {
  /// After an RFC 3339 stamp: either `docker logs -t`'s stamp before a whole line (the inner
  /// line counts), or an rsyslog line ` host program[pid]: body`.
  static func rfc3339Rest(
    _ b: UnsafeRawBufferPointer, _ afterStamp: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    var j = afterStamp
    if let (offset, end) = readOffset(b, j) {
      line.time.utcOffset = offset
      j = end
    }
    // Kubernetes' CRI log files (`/var/log/containers/*.log`): `STAMP stdout F line`, where `F`
    // marks a whole line and `P` a part of one that the runtime split.
    let streamEnd = j + criStreamLength
    if depth < maxDepth, streamEnd + 2 < b.count,
      b.matches(" stdout ", at: j) || b.matches(" stderr ", at: j),
      b[streamEnd] == UInt8(ascii: "F") || b[streamEnd] == UInt8(ascii: "P"), b[streamEnd + 1] == Ch.space,
      mayStartHeader(b, streamEnd + 2),
      let parsed = inner(b, streamEnd + 2, depth: depth, otherwise: nil, into: &line)
    {
      return parsed
    }
    if depth < maxDepth, j + 1 < b.count, b[j] == Ch.space, mayStartHeader(b, j + 1),
      let parsed = inner(b, j + 1, depth: depth, otherwise: nil, into: &line)
    {
      return parsed
    }
    return syslogRest(b, j, depth: depth, into: &line)
  }

  /// Length of a CRI log line's stream field with its spaces: ` stdout ` or ` stderr `.
  static let criStreamLength = " stdout ".utf8.count

  /// `<PRI>` then a classic, ISO or RFC 5424 (`<PRI>1 `) header.
  static func priRest(
    _ b: UnsafeRawBufferPointer, _ i: Int, depth: Int, lineStart: Bool, into line: inout ScannedLine
  ) -> Parsed? {
    var j = i + 1
    while j < i + 4, b.isDigit(j) { j += 1 }
    guard j > i + 1, j < b.count, b[j] == Ch.gt else { return nil }
    j += 1
    if b.isDigit(j), j + 1 < b.count, b[j + 1] == Ch.space {
      return rfc5424Rest(b, j + 2, depth: depth, into: &line)
    }
    return parse(b, at: j, depth: depth, lineStart: false, into: &line)
  }

  /// RFC 5424 after `<PRI>1 `: `TIMESTAMP HOST APP PROCID MSGID SD [MSG]`; `-` is a nil field.
  static func rfc5424Rest(
    _ b: UnsafeRawBufferPointer, _ start: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    var j = start
    if b.matches("- ", at: j) {
      j += 2
    } else {
      guard let (end, sep) = readISODateTime(b, j, into: &line.time), sep == Ch.upperT else {
        return nil
      }
      j = end
      if let (offset, after) = readOffset(b, j) {
        line.time.utcOffset = offset
        j = after
      }
      guard j < b.count, b[j] == Ch.space else { return nil }
      j += 1
    }
    let hostEnd = b.tokenEnd(j)
    guard hostEnd < b.count else { return nil }
    if !(hostEnd == j + 1 && b[j] == Ch.dash) { line.host = Span(j, hostEnd) }
    let appStart = hostEnd + 1
    let appEnd = b.tokenEnd(appStart)
    let procEnd = appEnd < b.count ? b.tokenEnd(appEnd + 1) : b.count
    let msgIDEnd = procEnd < b.count ? b.tokenEnd(procEnd + 1) : b.count
    guard appEnd > appStart, msgIDEnd < b.count, let sdEnd = structuredDataEnd(b, msgIDEnd + 1) else {
      return nil
    }
    var bodyStart = sdEnd
    if bodyStart < b.count, b[bodyStart] == Ch.space { bodyStart += 1 }
    // A UTF-8 byte order mark may open the message.
    if b.count - bodyStart >= 3, b[bodyStart] == 0xEF, b[bodyStart + 1] == 0xBB,
      b[bodyStart + 2] == 0xBF
    {
      bodyStart += 3
    }
    let program: Program
    if appEnd == appStart + 1, b[appStart] == Ch.dash {
      program = .other
    } else {
      program = classifyTag(b, appStart, appEnd, into: &line)
    }
    return body(b, bodyStart, program, depth: depth, into: &line)
  }

  /// The index after RFC 5424 structured data at `i`: `-` or `[id k="v" ...]...`, where a
  /// quoted value may hold escaped `\"`, `\]` and `\\`.
  static func structuredDataEnd(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int? {
    guard i < b.count else { return nil }
    if b[i] == Ch.dash { return i + 1 }
    var j = i
    while j < b.count, b[j] == Ch.lbracket {
      j += 1
      var quoted = false
      while j < b.count {
        let c = b[j]
        if quoted, c == UInt8(ascii: "\\") {
          j += 2
          continue
        }
        if c == Ch.quote { quoted.toggle() } else if !quoted, c == Ch.rbracket { break }
        j += 1
      }
      guard j < b.count else { return nil }
      j += 1
    }
    return j > i ? j : nil
  }

  /// `journalctl -o short-full`: `Tue 2023-09-12 10:09:42 CEST host program[pid]: body`.
  /// `UTC`/`GMT` and numeric zone names (`+03`, `-0530`) give an offset; any other
  /// abbreviation is the local zone's (journalctl writes the zone it runs in).
  static func shortFullRest(
    _ b: UnsafeRawBufferPointer, _ i: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    guard let (end, sep) = readISODateTime(b, i + 4, into: &line.time), sep == Ch.space,
      end < b.count, b[end] == Ch.space
    else { return nil }
    let zoneStart = end + 1
    let zoneEnd = b.tokenEnd(zoneStart)
    guard zoneEnd > zoneStart, zoneEnd - zoneStart <= 6, zoneEnd < b.count else { return nil }
    let zone = Span(zoneStart, zoneEnd)
    if (zone.count == 3 && (b.matches("UTC", at: zoneStart) || b.matches("GMT", at: zoneStart)))
      || (zone.count == 1 && b[zoneStart] == Ch.upperZ)
    {
      line.time.utcOffset = 0
    } else if b[zoneStart] == Ch.plus || b[zoneStart] == Ch.dash {
      let hh = b.digits(zoneStart + 1, 2)
      guard hh >= 0 else { return nil }
      let mm = zone.count >= 5 ? b.digits(zoneEnd - 2, 2) : 0
      guard mm >= 0 else { return nil }
      line.time.utcOffset = (b[zoneStart] == Ch.plus ? 1 : -1) * (hh * 3600 + mm * 60)
    } else {
      var k = zoneStart
      while k < zoneEnd, (b[k] | 0x20) &- UInt8(ascii: "a") < 26 { k += 1 }
      guard k == zoneEnd else { return nil }
    }
    return syslogRest(b, zoneEnd, depth: depth, into: &line)
  }

  /// `Mon` ... `Sun` followed by a space and a digit (journalctl's weekday).
  @inline(__always) static func isWeekday(_ b: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    guard i + 5 <= b.count, b[i + 3] == Ch.space, b.isDigit(i + 4) else { return false }
    let key = (UInt32(b[i] | 0x20) << 16) | (UInt32(b[i + 1] | 0x20) << 8) | UInt32(b[i + 2] | 0x20)
    switch key {
    case 0x6d_6f6e, 0x74_7565, 0x77_6564, 0x74_6875, 0x66_7269, 0x73_6174, 0x73_756e: return true
    default: return false
    }
  }

  /// docker compose: `name  | <line>` (colour escapes allowed around the name and the bar).
  static func composeRest(
    _ b: UnsafeRawBufferPointer, _ i: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    guard depth < maxDepth else { return nil }
    var j = skipEscapes(b, i)
    let nameStart = j
    let limit = Swift.min(b.count, j + 128)
    while j < limit, b[j] != Ch.space, b[j] != UInt8(ascii: "|"), b[j] != 0x1B { j += 1 }
    guard j > nameStart else { return nil }
    j = skipEscapes(b, j)
    while j < limit, b[j] == Ch.space { j += 1 }
    j = skipEscapes(b, j)
    guard j < limit, b[j] == UInt8(ascii: "|") else { return nil }
    j = skipEscapes(b, j + 1)
    if j < b.count, b[j] == Ch.space { j += 1 }
    j = skipEscapes(b, j)
    return parse(b, at: j, depth: depth + 1, lineStart: false, into: &line)
  }

  /// Skips ANSI colour sequences (`ESC [ ... m`) at `i`.
  static func skipEscapes(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int {
    var j = i
    while j + 1 < b.count, b[j] == 0x1B, b[j + 1] == Ch.lbracket {
      var k = j + 2
      while k < b.count, b[k] &- Ch.zero < 10 || b[k] == Ch.semicolon { k += 1 }
      guard k < b.count, b[k] == UInt8(ascii: "m") else { return j }
      j = k + 1
    }
    return j
  }
}
