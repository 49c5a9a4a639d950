import LogstatScan

/// Counting `.event` lines and Exim special deliveries (see `EventCounters`).
extension Aggregate {
  mutating func event(_ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?) {
    events[line.event] += 1
    switch line.event {
    case .adminRemoved:
      if !line.queueID.isEmpty { adminRemoved(QueueKey(b.slice(line.queueID)), counted: true, epoch: epoch) }
    case .authFailure:
      let client = line.clientIP.isEmpty ? line.clientHost : line.clientIP
      if !client.isEmpty { events.authByClient.add(b.slice(client)) }
      if !line.user.isEmpty { events.authByUser.add(b.slice(line.user)) }
    case .warning, .error, .fatal, .panic:
      noteLogGroup(line, b)
    case .connect:
      if !line.clientHost.isEmpty { events.connectsByClient.add(b.slice(line.clientHost)) }
    case .tlsOutbound:
      if !line.relayHost.isEmpty { events.tlsByRelay.add(b.slice(line.relayHost)) }
    default:
      break
    }
  }

  /// The admin removed the message: its recipients still deferred end as `removed`, and the
  /// message is over (Postfix logs no `removed` of its own after `postsuper -d`).
  mutating func adminRemoved(_ key: QueueKey, counted: Bool, epoch: Int64?) {
    let i = open.findOrInsert(key)
    open.touch(i, epoch)
    for k in open[i].recipients.indices where open[i].recipients[k].last == .deferred {
      open[i].recipients[k].last = .removed
      open[i].recipients[k].lastCounted = counted
    }
    open[i].removedHere = true
    open[i].removalCounted = counted
    removed(key)
  }

  /// Exim pipe, file, `:blackhole:` ... deliveries: counted by kind, never under a domain,
  /// never a hard bounce for the suppression list.
  mutating func special(_ line: ScannedLine) {
    let outcome: Int
    switch line.status {
    case .sent, .suppressed: outcome = 0
    case .deferred: outcome = 1
    default: outcome = 2
    }
    events.special[Int(line.special.rawValue) * 3 + outcome] += 1
  }

  /// A Postfix `status=sent (forwarded as QUEUEID)`: pflogsumm counts it as forwarded.
  func isForwarded(_ line: ScannedLine, _ b: UnsafeRawBufferPointer) -> Bool {
    let text = b.slice(line.replyText)
    let prefix: StaticString = "forwarded as "
    guard text.count > prefix.utf8CodeUnitCount else { return false }
    for k in 0..<prefix.utf8CodeUnitCount where text[k] != prefix.utf8Start[k] { return false }
    return true
  }

  /// Groups a warning/error/fatal/panic line by `severity daemon: template`.
  mutating func noteLogGroup(_ line: ScannedLine, _ b: UnsafeRawBufferPointer) {
    let severity: StaticString
    switch line.event {
    case .warning: severity = "warning"
    case .error: severity = "error"
    case .fatal: severity = "fatal"
    default: severity = "panic"
    }
    let detail = b.slice(line.detail)
    let daemon = b.slice(line.daemon)
    // Safe because: `put` writes only while fewer than the buffer's bytes are used, and the key
    // built from it is interned (copied) before the closure returns.
    withUnsafeTemporaryAllocation(byteCount: 320, alignment: 1) { buffer in
      var n = 0
      func put(_ byte: UInt8) {
        if n < buffer.count {
          buffer[n] = byte
          n += 1
        }
      }
      // Safe because: a static string's bytes live for the whole program.
      for byte in UnsafeRawBufferPointer(start: severity.utf8Start, count: severity.utf8CodeUnitCount) { put(byte) }
      put(UInt8(ascii: " "))
      for byte in daemon.prefix(32) { put(byte) }
      put(UInt8(ascii: ":"))
      put(UInt8(ascii: " "))
      LogTemplate.write(detail, limit: 240) { put($0) }
      let key = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<n])
      events.logGroups.add(key, example: { String(decoding: detail.prefix(400), as: UTF8.self) })
    }
  }
}

/// Blanks what varies between lines of one kind of message: numbers, IP addresses, host
/// names given as `host[ip]`, addresses in `<...>`, queue IDs (tokens mixing digits and
/// letters) — so `pid 1332 exit status 1` and `pid 977 exit status 1` are one group.
enum LogTemplate {
  static func write(_ text: UnsafeRawBufferPointer, limit: Int, _ put: (UInt8) -> Void) {
    var i = 0
    var written = 0
    let hash = UInt8(ascii: "#")
    while i < text.count, written < limit {
      let c = text[i]
      if c == UInt8(ascii: "<") {
        // <address> -> <#>
        var j = i + 1
        while j < text.count, text[j] != UInt8(ascii: ">"), text[j] != UInt8(ascii: " ") { j += 1 }
        if j < text.count, text[j] == UInt8(ascii: ">") {
          put(c); put(hash); put(UInt8(ascii: ">"))
          written += 3
          i = j + 1
          continue
        }
      }
      if isWordByte(c) {
        // A token of letters, digits and .-_ : blanked when it holds a digit or a bracket follows.
        var j = i
        var digit = false
        while j < text.count, isWordByte(text[j]) {
          if text[j] &- UInt8(ascii: "0") < 10 { digit = true }
          j += 1
        }
        if j < text.count, text[j] == UInt8(ascii: "[") {
          // host[ip] -> #[#]
          var k = j + 1
          while k < text.count, text[k] != UInt8(ascii: "]") { k += 1 }
          put(hash); put(UInt8(ascii: "[")); put(hash); put(UInt8(ascii: "]"))
          written += 4
          i = Swift.min(text.count, k + 1)
          continue
        }
        if digit {
          put(hash)
          written += 1
        } else {
          for k in i..<j { put(text[k]) }
          written += j - i
        }
        i = j
        continue
      }
      if c == UInt8(ascii: "[") {
        var k = i + 1
        while k < text.count, text[k] != UInt8(ascii: "]") { k += 1 }
        put(UInt8(ascii: "[")); put(hash); put(UInt8(ascii: "]"))
        written += 3
        i = Swift.min(text.count, k + 1)
        continue
      }
      put(c)
      written += 1
      i += 1
    }
  }

  @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
    let lower = c | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || c &- UInt8(ascii: "0") < 10
      || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
  }
}
