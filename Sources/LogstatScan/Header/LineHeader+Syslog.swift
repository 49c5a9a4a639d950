/// The syslog part of a header: `[host] [facility.level] program[pid]: body`, and what the body
/// may still hide (Exim's own stamp, a whole wrapped line).
extension LineHeader {
  /// After a stamp (and its optional offset): ` host program[pid]: body`. The host may be missing
  /// (`Sep 12 10:09:42 postfix/smtp[3137]: ...`) and BusyBox syslogd writes `facility.level`
  /// before the tag (`host mail.info postfix/smtp[3137]: ...`).
  static func syslogRest(
    _ b: UnsafeRawBufferPointer, _ afterStamp: Int, depth: Int, into line: inout ScannedLine
  ) -> Parsed? {
    var j = afterStamp
    // A space is no offset (`Z`, `+hh`, `-hh`): the common case skips the call.
    if j < b.count, b[j] != Ch.space, let (offset, end) = readOffset(b, j) {
      line.time.utcOffset = offset
      j = end
    }
    guard j < b.count, b[j] == Ch.space else { return nil }
    j += 1
    var tagStart = j
    var tag: (Int, Int)?
    if line.recentHost.matches(b, j) {
      // The previous line's host again (see `RecentHost`): no tag can start here.
      let hostEnd = j &+ line.recentHost.length
      tagStart = hostEnd + 1
      if !line.recentHost.isFacility { line.host = Span(j, hostEnd) }
      if let bodyStart = postfixTag(b, tagStart, into: &line) {
        return Parsed(bodyStart: bodyStart, program: .postfix)
      }
      tag = tagAt(b, tagStart)
    } else {
      tag = tagAt(b, j)
    }
    if tag == nil, tagStart == j {
      let hostEnd = b.tokenEnd(j)
      guard hostEnd > j, hostEnd < b.count else { return nil }
      tagStart = hostEnd + 1
      let facility = isFacilityLevel(b, j, hostEnd, knownFacility: true)
      if !facility { line.host = Span(j, hostEnd) }
      line.recentHost.keep(b, j, end: hostEnd, isFacility: facility)
      tag = tagAt(b, tagStart)
    }
    if tag == nil {
      // BusyBox: "host mail.info program[pid]: ".
      let levelEnd = b.tokenEnd(tagStart)
      guard levelEnd < b.count, isFacilityLevel(b, tagStart, levelEnd, knownFacility: false) else {
        return nil
      }
      tagStart = levelEnd + 1
      tag = tagAt(b, tagStart)
    }
    guard let (tagEnd, bodyStart) = tag else { return nil }
    let program = classifyTag(b, tagStart, tagEnd, into: &line)
    return body(b, bodyStart, program, depth: depth, into: &line)
  }

  /// A program tag at `start`: `name[pid]: ` or `name: `. Returns where the name ends and the
  /// body starts.
  @inline(__always) static func tagAt(_ b: UnsafeRawBufferPointer, _ start: Int) -> (Int, Int)? {
    var k = b.firstTagStop(from: start)
    guard k < b.count, k > start else { return nil }
    let tagEnd = k
    if b[k] == Ch.lbracket {
      guard let close = b.find(Ch.rbracket, from: k) else { return nil }
      k = close + 1
    }
    guard k + 1 < b.count, b[k] == Ch.colon, b[k + 1] == Ch.space else { return nil }
    return (tagEnd, k + 2)
  }

  /// `mail.info`, `local0.err`: BusyBox's `facility.level` token in `start..<end`. With
  /// `knownFacility` the facility must be a syslog facility name (used where the token could
  /// also be a host name).
  static func isFacilityLevel(
    _ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int, knownFacility: Bool
  ) -> Bool {
    guard end - start >= 6, end - start <= 16, let dot = b.find(Ch.dot, from: start, to: end) else {
      return false
    }
    let level = Span(dot + 1, end)
    var levelKnown = false
    switch level.count {
    case 3: levelKnown = b.matches("err", at: level.start)
    case 4:
      levelKnown = b.matches("crit", at: level.start) || b.matches("info", at: level.start)
        || b.matches("warn", at: level.start)
    case 5:
      levelKnown = b.matches("emerg", at: level.start) || b.matches("alert", at: level.start)
        || b.matches("debug", at: level.start) || b.matches("error", at: level.start)
        || b.matches("panic", at: level.start)
    case 6: levelKnown = b.matches("notice", at: level.start)
    case 7: levelKnown = b.matches("warning", at: level.start)
    default: levelKnown = false
    }
    guard levelKnown, dot - start >= 2 else { return false }
    guard knownFacility else { return true }
    let f = Span(start, dot)
    switch f.count {
    case 3: return b.matches("ftp", at: f.start) || b.matches("lpr", at: f.start)
    case 4:
      return b.matches("mail", at: f.start) || b.matches("kern", at: f.start)
        || b.matches("user", at: f.start) || b.matches("auth", at: f.start)
        || b.matches("news", at: f.start) || b.matches("uucp", at: f.start)
        || b.matches("cron", at: f.start)
    case 6:
      return b.matches("daemon", at: f.start) || b.matches("syslog", at: f.start)
        || (b.matches("local", at: f.start) && b.isDigit(f.start + 5))
    case 8: return b.matches("authpriv", at: f.start) || b.matches("security", at: f.start)
    default: return false
    }
  }

  /// What the body may still hide. Exim writing to syslog puts its own stamp first (the
  /// default `syslog_timestamp`); a container's journald or syslog line may carry a whole log
  /// line as its message. In both cases the inner header counts.
  static func body(
    _ b: UnsafeRawBufferPointer, _ bodyStart: Int, _ program: Program, depth: Int,
    into line: inout ScannedLine
  ) -> Parsed? {
    switch program {
    case .postfix:
      return Parsed(bodyStart: bodyStart, program: .postfix)
    case .exim:
      guard b.isDigit(bodyStart) else { return Parsed(bodyStart: bodyStart, program: .exim) }
      var inner = line.time
      guard let (end, sep) = readISODateTime(b, bodyStart, into: &inner), sep == Ch.space else {
        return Parsed(bodyStart: bodyStart, program: .exim)
      }
      let outer = line.time
      line.time = inner
      guard let rest = eximRest(b, end, into: &line) else {
        line.time = outer
        return Parsed(bodyStart: bodyStart, program: .exim)
      }
      keepMoreComplete(outer, in: &line)
      return rest
    case .other:
      guard depth < maxDepth, mayStartHeader(b, bodyStart) else {
        return Parsed(bodyStart: bodyStart, program: .other)
      }
      return inner(b, bodyStart, depth: depth, otherwise: Parsed(bodyStart: bodyStart, program: .other), into: &line)
    }
  }

  /// Tries a whole wrapped line at `start`; keeps it when it is a mail line, and otherwise
  /// restores the outer fields and returns `otherwise`.
  static func inner(
    _ b: UnsafeRawBufferPointer, _ start: Int, depth: Int, otherwise: Parsed?,
    into line: inout ScannedLine
  ) -> Parsed? {
    let outerTime = line.time
    let outerHost = line.host
    let outerDaemon = line.daemon
    let outerMTA = line.mta
    line.host = .none
    line.daemon = .none
    line.mta = .unknown
    if let parsed = parse(b, at: start, depth: depth + 1, lineStart: false, into: &line),
      parsed.program != .other
    {
      keepMoreComplete(outerTime, in: &line)
      return parsed
    }
    line.time = outerTime
    line.host = outerHost
    line.daemon = outerDaemon
    line.mta = outerMTA
    return otherwise
  }

  /// Of two stamps of one line (a wrapper's and the inner line's) the one that says more wins:
  /// an offset fixes the instant, a year fixes the date; on a tie the inner stamp stays.
  @inline(__always) static func keepMoreComplete(_ outer: LineTime, in line: inout ScannedLine) {
    func weight(_ t: LineTime) -> Int { (t.utcOffset != nil ? 2 : 0) + (t.year != 0 ? 1 : 0) }
    if weight(outer) > weight(line.time) { line.time = outer }
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
    let daemon = PostfixDaemon.of(b, line.daemon)
    if b.matches("postfix", at: start) || (slash != nil && daemon != .other) {
      line.mta = .postfix
      line.postfixDaemon = daemon
      return .postfix
    }
    return .other
  }

  /// The common tag `postfix/NAME[pid]: ` (also `postfix/submission/NAME`) at `start`, read
  /// without the general tag search: the name is found eight bytes at a time, the pid by its
  /// digits. Returns where the body starts, having set what `tagAt` and `classifyTag` would
  /// set; nil (and nothing set) for any other tag, which the general path then reads.
  ///
  /// Exact: `postfix/` holds no tag stop, so the first `[`, `:` or space after it ends the
  /// tag as `firstTagStop` finds it, the last `/` before that starts the daemon as in
  /// `classifyTag`, and a `]` right after the pid's digits is the first `]` `tagAt` finds.
  @inline(__always)
  static func postfixTag(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) -> Int? {
    guard b.matches("postfix/", at: start), let base = b.baseAddress else { return nil }
    var daemonStart = start &+ ("postfix/" as StaticString).utf8CodeUnitCount
    var k = daemonStart
    var end = 0
    while true {
      guard k &+ 8 <= b.count else { return nil }
      // Safe because: k + 8 <= b.count, so the eight-byte load lies in the line.
      let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
      let stops = tagStops(x, slash: true)
      if stops == 0 {
        // A name part of eight bytes or more (`submission`).
        k &+= 8
        continue
      }
      end = k &+ stops.trailingZeroBitCount &>> 3
      if b[end] != Ch.slash { break }
      daemonStart = end &+ 1
      k = daemonStart
    }
    k = end
    if b[k] == Ch.lbracket {
      let p = b.digitsEnd(from: k &+ 1)
      if p < b.count, b[p] == Ch.rbracket {
        k = p &+ 1
      } else {
        guard let close = b.find(Ch.rbracket, from: k) else { return nil }
        k = close &+ 1
      }
    }
    guard k &+ 1 < b.count, b[k] == Ch.colon, b[k &+ 1] == Ch.space else { return nil }
    line.daemon = Span(daemonStart, end)
    line.mta = .postfix
    line.postfixDaemon = PostfixDaemon.of(b, line.daemon)
    return k &+ 2
  }

  /// The high bit of each byte of `x` (read little-endian) that is `[`, `:` or a space (and
  /// `/` with `slash`); bytes above the lowest flagged one may be flagged wrongly, the
  /// lowest never is.
  @inline(__always) static func tagStops(_ x: UInt64, slash: Bool) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let a = x ^ (ones &* UInt64(Ch.lbracket))
    let c = x ^ (ones &* UInt64(Ch.colon))
    let s = x ^ (ones &* UInt64(Ch.space))
    var found = (a &- ones) & ~a | (c &- ones) & ~c | (s &- ones) & ~s
    if slash {
      let d = x ^ (ones &* UInt64(Ch.slash))
      found |= (d &- ones) & ~d
    }
    return found & highs
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
        // Safe because: k + 8 <= count and k >= i >= 0 (the tag's start in this line).
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
