extension PostfixScanner {
  /// `from=<s>, size=N, nrcpt=N (queue active)`, `from=<s>, status=expired, returned to sender`,
  /// `removed`, and delivery-shaped lines qmgr writes itself (`to=<...>, relay=none, ... status=`).
  static func scanQmgr(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    if b.matches("removed", at: start) {
      line.kind = .messageRemoved
      return
    }
    if b.matches("to=<", at: start) {
      scanDelivery(b, start, into: &line)
      return
    }
    guard b.matches("from=<", at: start), let (sender, after) = angleAddress(b, start + "from=".utf8.count) else {
      return
    }
    line.sender = sender
    line.hasSender = true
    var i = after
    while i + 2 < b.count, b[i] == Ch.comma, b[i + 1] == Ch.space {
      let key = i + ", ".utf8.count
      if let value = b.after("size=", at: key) {
        let (n, end) = b.number(at: value)
        if n > ScannedLine.largestNumber {
          line.damaged = true
        } else {
          line.size = n
        }
        line.kind = .messageQueued
        i = end
      } else if b.matches("status=expired", at: key) || b.matches("status=force-expired", at: key) {
        line.status = .expired
        line.kind = .messageExpired
        return
      } else {
        i = b.find(Ch.comma, from: key) ?? b.count
      }
    }
  }

  /// `sender non-delivery notification: QID2` (also delivery-status and delay notifications).
  static func scanBounce(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    guard b.matches("sender ", at: start), let idStart = b.findEnd(": ", from: start) else { return }
    var j = idStart
    while b.isAlnum(j) { j += 1 }
    guard j > idStart else { return }
    line.relatedQueueID = Span(idStart, j)
    line.kind = .bounceNotice
  }

  /// smtpd/postscreen/milter: `STAGE from host[ip]: TEXT; from=<s> to=<r> proto=P helo=<h>`.
  /// postscreen writes `from [ip]:port: TEXT; from=<s>, to=<r>, ...` with commas.
  static func scanSmtpdReject(
    _ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine
  ) {
    line.kind = .inboundReject
    guard let clientStart = b.findEnd(" from ", from: start) else { return }
    var textStart = clientStart
    if let open = b.find(Ch.lbracket, from: clientStart), let close = b.find(Ch.rbracket, from: open)
    {
      line.clientHost = Span(clientStart, open)
      line.clientIP = Span(open + 1, close)
      textStart = close + 1
      // postscreen: "[ip]:port"
      if textStart < b.count, b[textStart] == Ch.colon, b.isDigit(textStart + 1) {
        textStart += 1
        while b.isDigit(textStart) { textStart += 1 }
      }
    }
    guard b.matches(": ", at: textStart) else { return }
    textStart += 2
    let envelope = b.findLast("; from=<", from: textStart) ?? b.count
    line.replyText = Span(textStart, envelope)
    if envelope < b.count { readEnvelope(b, envelope + "; ".utf8.count, into: &line) }
  }

  /// cleanup header/body checks:
  /// `header Subject: x from host[ip]; from=<s> to=<r> proto=P helo=<h>: 5.7.1 TEXT`.
  static func scanCleanupReject(
    _ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine
  ) {
    line.kind = .inboundReject
    guard let envelope = b.findLast("; from=<", from: start) else { return }
    if let from = b.findLast(" from ", from: start, to: envelope),
      let open = b.find(Ch.lbracket, from: from, to: envelope),
      let close = b.find(Ch.rbracket, from: open, to: envelope)
    {
      line.clientHost = Span(from + " from ".utf8.count, open)
      line.clientIP = Span(open + 1, close)
    }
    let afterEnvelope = readEnvelope(b, envelope + "; ".utf8.count, into: &line)
    if let text = b.findEnd(": ", from: afterEnvelope) {
      line.replyText = Span(text, b.count)
    }
  }

  /// `from=<s> to=<r> proto=...` (or with commas); returns the index after `helo=<...>` if present.
  @discardableResult
  static func readEnvelope(
    _ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine
  ) -> Int {
    var end = start
    if let (sender, after) = angleAddress(b, start + "from=".utf8.count) {
      line.sender = sender
      line.hasSender = true
      end = after
    }
    if let to = b.find("to=<", from: end), let (rcpt, after) = angleAddress(b, to + "to=".utf8.count) {
      line.recipient = rcpt
      end = after
    }
    if let helo = b.find("helo=<", from: end), let gt = b.find(Ch.gt, from: helo) {
      end = gt + 1
    }
    return end
  }
}
