import LogstatKinds

/// Reads the body of an Exim mainlog line (after the stamp and optional `[pid]`).
///
/// Safe because (every `UnsafeRawBufferPointer` read here): as in `PostfixScanner`, the
/// caller's line is valid for the call and every index is checked against `b.count` (or found
/// by a search bounded by it) before it is read.
enum EximScanner {
  /// Width of a message operator and its space (`=> `, `<= `, `** `...).
  static let operatorWidth = "=> ".utf8.count

  static func scan(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    line.kind = .skipped
    line.mta = .exim
    guard let idEnd = messageIDEnd(b, start) else {
      if isReject(b, start) {
        scanReject(b, start, into: &line)
      } else {
        scanUnqueued(b, start, into: &line)
      }
      return
    }
    line.queueID = Span(start, idEnd)
    let op = idEnd + 1
    guard op + 2 <= b.count else { return }
    let a = b[op]
    let c = b[op + 1]
    let hasSpace = op + operatorWidth <= b.count && b[op + operatorWidth - 1] == Ch.space
    let body = op + operatorWidth
    switch (a, c) {
    case (Ch.lt, Ch.equals) where hasSpace:
      scanArrival(b, body, into: &line)
    case (Ch.equals, Ch.gt) where hasSpace, (Ch.dash, Ch.gt) where hasSpace:
      scanDelivery(b, body, status: .sent, into: &line)
    case (UInt8(ascii: "*"), Ch.gt) where hasSpace:
      scanDelivery(b, body, status: .suppressed, into: &line)
    case (UInt8(ascii: "*"), UInt8(ascii: "*")) where hasSpace:
      scanDelivery(b, body, status: .bounced, into: &line)
    case (Ch.equals, Ch.equals) where hasSpace:
      scanDelivery(b, body, status: .deferred, into: &line)
    default:
      if b.matches("Completed", at: op) {
        line.kind = .messageRemoved
      } else if isReject(b, op) {
        scanReject(b, op, into: &line)
      } else {
        scanMessageEvent(b, op, into: &line)
      }
    }
  }

  /// Our server refused something: `rejected` (or `temporarily rejected`) comes before the
  /// first `: `, so outbound "SMTP error ...: 451 ... rejected ..." texts do not count.
  static func isReject(_ b: UnsafeRawBufferPointer, _ start: Int) -> Bool {
    if b.matches("rejected ", at: start) { return true }
    guard let r = b.find(" rejected ", from: start) else { return false }
    let colon = b.find(": ", from: start) ?? b.count
    return r < colon
  }

  /// Classic `1tXyZa-000Abc-De` (6-6-2) or Exim 4.97+ `1tXyZa-000000Abc-DeFg` (6-11-4).
  /// Returns the index of the space after the ID.
  static func messageIDEnd(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int? {
    var j = i
    while b.isAlnum(j) { j += 1 }
    guard j - i == 6, j < b.count, b[j] == Ch.dash else { return nil }
    let second = j + 1
    j = second
    while b.isAlnum(j) { j += 1 }
    let secondLength = j - second
    guard secondLength == 6 || secondLength == 11, j < b.count, b[j] == Ch.dash else { return nil }
    let third = j + 1
    j = third
    while b.isAlnum(j) { j += 1 }
    let thirdLength = j - third
    guard (secondLength == 6 && thirdLength == 2) || (secondLength == 11 && thirdLength == 4),
      j < b.count, b[j] == Ch.space
    else { return nil }
    return j
  }

  /// `<= sender H=host [ip] P=esmtps S=18233 id=...`; the sender is `<>` for bounces.
  static func scanArrival(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine)
  {
    let end = b.tokenEnd(start)
    line.hasSender = true
    if b.after("<>", at: start) == end {
      line.sender = Span(start, start)
      // `<= <> R=id`: a bounce Exim generated about message `id`, not mail from outside.
      if let id = b.after(" R=", at: end) { line.relatedQueueID = Span(id, b.tokenEnd(id)) }
    } else {
      line.sender = Span(start, end)
    }
    if let s = b.findEnd(" S=", from: end) {
      let n = b.number(at: s).value
      if n > ScannedLine.largestNumber { line.damaged = true } else { line.size = n }
    }
    if let h = b.findEnd(" H=", from: end) {
      readHost(b, h, intoClient: true, &line)
    }
    line.kind = .messageQueued
  }

  /// `=> addr <orig> R=r T=t H=host [ip] ... C="250 ..."`, `** addr R=r T=t H=h [ip]: text`,
  /// `** addr: text`, `== addr R=r T=t defer (-45) H=h [ip]: text`.
  static func scanDelivery(
    _ b: UnsafeRawBufferPointer, _ start: Int, status: DeliveryStatus,
    into line: inout ScannedLine
  ) {
    line.kind = .delivery
    line.status = status
    // The address ends at a space, or at ": " when the text follows at once. A pipe command
    // may hold spaces: it runs to its ` <parent>` (or ` R=`).
    var end = start
    if start < b.count, b[start] == UInt8(ascii: "|") {
      end = b.find(" <", from: start) ?? b.find(" R=", from: start) ?? b.find(": ", from: start) ?? b.count
    } else if start < b.count, b[start] == Ch.colon {
      // ":blackhole:", ":defer:", ":fail:" end in a colon of their own.
      end = b.tokenEnd(start)
    } else {
      while end < b.count, b[end] != Ch.space {
        if b[end] == Ch.colon, end + 1 == b.count || b[end + 1] == Ch.space { break }
        end += 1
      }
    }
    line.recipient = Span(start, end)
    var i = end
    if i + 1 < b.count, b[i] == Ch.space, b[i + 1] == Ch.lt, let gt = b.find(Ch.gt, from: i + 2) {
      line.originalRecipient = Span(i + 2, gt)
      i = gt + 1
    }
    line.special = specialRecipient(b, line.recipient, line.originalRecipient)
    if status == .sent || status == .suppressed {
      if let h = b.findEnd(" H=", from: i) { readHost(b, h, intoClient: false, &line) }
      // ` X=TLS1.3:cipher:bits` (before ` C="`, so a reply text cannot fake it).
      line.overTLS = b.find(" X=", from: i, to: b.find(" C=\"", from: i) ?? b.count) != nil
      var afterReply = i
      if let c = b.findEnd(" C=\"", from: i) {
        let close = b.findLast(Ch.quote, from: c) ?? b.count
        line.replyText = Span(c, Swift.max(c, close))
        afterReply = close
      }
      // ` QT=1m2s` (log_selector +queue_time): the time since the message arrived, as
      // Postfix's delay=; after the reply text, so the text cannot fake it.
      if let q = b.findEnd(" QT=", from: afterReply) { line.delayMillis = queueTimeMillis(b, q) }
      return
    }
    let colon = b.find(": ", from: i)
    // "defer (-17)": Exim's own error number (negative) names the failing step.
    if status == .deferred, let n = b.findEnd(" defer (-", from: i, to: colon ?? b.count) {
      let code = b.number(at: n)
      if code.value > 0, code.value < 1000, code.end < b.count, b[code.end] == Ch.rparen {
        line.eximError = -Int16(code.value)
      }
    }
    guard let colon else { return }
    if let h = b.findEnd(" H=", from: i, to: colon) { readHost(b, h, intoClient: false, &line) }
    var text = colon + ": ".utf8.count
    // "SMTP error from remote mail server after RCPT TO:<x>: 550 ..." -> the reply itself.
    if let step = b.after("SMTP error from remote mail server after ", at: text),
      let reply = b.findEnd(": ", from: step)
    {
      line.replyContext = Span(text, b.count)
      text = reply
    }
    line.replyText = Span(text, b.count)
    if status == .bounced,
      b.find("retry timeout exceeded", from: text) != nil
        || b.find("have been failing for a long time", from: text) != nil
    {
      line.status = .expired
    }
  }

  /// Exim's printed time at `i` (`QT=` values): numbers with units `w`, `d`, `h`, `m`, `s`
  /// (`1w2d`, `3h4m5s`, `0.123s` with +millisec), ending at a space or the line's end. In
  /// milliseconds; -1 when malformed or past `ScannedLine.largestNumber`.
  static func queueTimeMillis(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int {
    var total = 0
    var j = i
    while j < b.count, b[j] != Ch.space {
      let (whole, end) = b.number(at: j)
      guard whole >= 0, end > j, end < b.count, whole <= ScannedLine.largestNumber / 604_800_000 else { return -1 }
      var millis = whole * 1000
      var k = end
      if b[k] == Ch.dot {
        k += 1
        var scale = 100
        while b.isDigit(k) {
          millis += Int(b[k] &- Ch.zero) * scale
          scale /= 10
          k += 1
        }
        guard k < b.count else { return -1 }
      }
      let unit: Int
      switch b[k] {
      case UInt8(ascii: "w"): unit = 604_800
      case UInt8(ascii: "d"): unit = 86_400
      case UInt8(ascii: "h"): unit = 3_600
      case UInt8(ascii: "m"): unit = 60
      case UInt8(ascii: "s"): unit = 1
      default: return -1
      }
      total += millis * unit
      guard total <= ScannedLine.largestNumber else { return -1 }
      j = k + 1
    }
    return j > i ? total : -1
  }

  /// `host [ip]:port` or `(helo) [ip]` or `host (helo) [ip]` at `i`.
  static func readHost(
    _ b: UnsafeRawBufferPointer, _ i: Int, intoClient: Bool, _ line: inout ScannedLine
  ) {
    let hostEnd = b.tokenEnd(i)
    var ip = Span.none
    if i < b.count, b[i] == Ch.lbracket, let close = b.find(Ch.rbracket, from: i, to: hostEnd) {
      // "H=[ip]": no host name, only the address.
      if intoClient { line.clientIP = Span(i + 1, close) } else { line.relayIP = Span(i + 1, close) }
      return
    }
    if let open = b.find(Ch.lbracket, from: hostEnd, to: Swift.min(b.count, hostEnd + 80)),
      let close = b.find(Ch.rbracket, from: open)
    {
      ip = Span(open + 1, close)
    }
    if intoClient {
      line.clientHost = Span(i, hostEnd)
      line.clientIP = ip
    } else {
      line.relayHost = Span(i, hostEnd)
      line.relayIP = ip
    }
  }

  /// `H=(helo) [ip] F=<s> rejected RCPT <r>: text`, `rejected EHLO from [ip]: ...`,
  /// `rejected MAIL FROM:<s> H=... : text`, `H=... rejected after DATA: text`.
  static func scanReject(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    guard let rejected = b.find("rejected ", from: start) else { return }
    // "temporarily rejected" is a 4xx: still a refusal by our server, counted the same.
    line.kind = .inboundReject
    if let h = b.findEnd("H=", from: start) { readHost(b, h, intoClient: true, &line) }
    if let f = b.findEnd("F=<", from: start, to: rejected), let gt = b.find(Ch.gt, from: f) {
      line.sender = Span(f, gt)
      line.hasSender = true
    }
    var after = rejected + "rejected ".utf8.count
    if let address = b.after("RCPT <", at: after), let gt = b.find(Ch.gt, from: address) {
      line.recipient = Span(address, gt)
      after = gt + 1
    } else if let address = b.after("MAIL FROM:<", at: after), let gt = b.find(Ch.gt, from: address) {
      line.sender = Span(address, gt)
      line.hasSender = true
      after = gt + 1
    } else if b.matches("EHLO from ", at: after) || b.matches("HELO from ", at: after) {
      if let open = b.find(Ch.lbracket, from: after), let close = b.find(Ch.rbracket, from: open) {
        line.clientIP = Span(open + 1, close)
      }
    }
    if let text = b.findEnd(": ", from: after) {
      line.replyText = Span(text, b.count)
    }
  }
}
