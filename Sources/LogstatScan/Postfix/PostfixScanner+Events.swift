import LogstatKinds

/// Postfix lines that are counted as events: admin and policy actions on a queued message
/// (`hold:`, `discard:`, `reject_warning:`, `proxy-reject:`), and lines without a queue ID
/// (warnings, SASL failures, TLS sessions, postscreen verdicts, smtpd connections).
extension PostfixScanner {
  /// smtpd/cleanup/postscreen actions after `QUEUEID: ` or `NOQUEUE: `.
  static func scanActions(_ b: UnsafeRawBufferPointer, _ rest: Int, into line: inout ScannedLine) {
    let daemon = line.postfixDaemon
    let event: MailEvent
    let textStart: Int
    if let text = b.after("hold: ", at: rest) {
      event = .held
      textStart = text
    } else if let text = b.after("discard: ", at: rest) {
      event = .discarded
      textStart = text
    } else if let text = b.after("reject_warning: ", at: rest) {
      event = .rejectWarning
      textStart = text
    } else if let text = b.after("proxy-reject: ", at: rest) {
      scanProxyReject(b, text, into: &line)
      return
    } else {
      return
    }
    if daemon == .cleanup {
      scanCleanupReject(b, textStart, into: &line)
    } else {
      scanSmtpdReject(b, textStart, into: &line)
    }
    // Same fields as a reject, but not a refusal: keep the text as detail, unclassified.
    line.kind = .event
    line.event = event
    line.detail = line.replyText
    line.replyText = .none
  }

  /// `proxy-reject: END-OF-MESSAGE: 554 5.7.1 text; from=<s> to=<r> proto=P helo=<h>`: the
  /// before-queue content filter refused the message, so our server refused it.
  static func scanProxyReject(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    line.kind = .inboundReject
    var textStart = start
    if let text = b.findEnd(": ", from: start, to: Swift.min(b.count, start + 40)) { textStart = text }
    let envelope = b.findLast("; from=<", from: textStart) ?? b.count
    line.replyText = Span(textStart, envelope)
    if envelope < b.count { readEnvelope(b, envelope + "; ".utf8.count, into: &line) }
  }

  /// Lines without a queue ID.
  static func scanUnqueued(
    _ b: UnsafeRawBufferPointer, _ start: Int, _ daemon: PostfixDaemon, into line: inout ScannedLine
  ) {
    guard start < b.count else { return }
    switch b[start] {
    case UInt8(ascii: "w") where b.matches("warning: ", at: start):
      let text = start + "warning: ".utf8.count
      if !scanAuthFailure(b, text, into: &line) {
        if b.find("TLS library problem", from: text) != nil {
          event(.tlsFailure, &line)
        } else {
          event(.warning, &line)
          line.detail = Span(text, b.count)
        }
      }
    case UInt8(ascii: "e") where b.matches("error: ", at: start):
      event(.error, &line)
      line.detail = Span(start + "error: ".utf8.count, b.count)
    case UInt8(ascii: "f") where b.matches("fatal: ", at: start):
      event(.fatal, &line)
      line.detail = Span(start + "fatal: ".utf8.count, b.count)
    case UInt8(ascii: "p") where b.matches("panic: ", at: start):
      event(.panic, &line)
      line.detail = Span(start + "panic: ".utf8.count, b.count)
    case UInt8(ascii: "c") where daemon == .smtpd && b.matches("connect from ", at: start):
      event(.connect, &line)
      readClient(b, start + "connect from ".utf8.count, into: &line)
    case UInt8(ascii: "S") where b.matches("SSL_accept error from ", at: start)
      || b.matches("SSL_connect error to ", at: start):
      event(.tlsFailure, &line)
    case UInt8(ascii: "T"), UInt8(ascii: "V"), UInt8(ascii: "U"), UInt8(ascii: "A"):
      scanTLS(b, start, into: &line)
    case UInt8(ascii: "P") where daemon == .postscreen && b.matches("PREGREET ", at: start):
      event(.pregreet, &line)
      readPostscreenClient(b, start, into: &line)
    case UInt8(ascii: "D") where daemon == .postscreen && b.matches("DNSBL rank ", at: start):
      event(.dnsblRank, &line)
      readPostscreenClient(b, start, into: &line)
    case UInt8(ascii: "H") where daemon == .postscreen && b.matches("HANGUP ", at: start):
      event(.hangup, &line)
      readPostscreenClient(b, start, into: &line)
    case UInt8(ascii: "C") where daemon == .postscreen && b.matches("COMMAND ", at: start):
      guard let from = b.find(" from ", from: start),
        b.find(" LIMIT", from: start, to: from) != nil
      else { return }
      event(.commandLimit, &line)
      readPostscreenClient(b, start, into: &line)
    default:
      return
    }
  }

  @inline(__always) static func event(_ e: MailEvent, _ line: inout ScannedLine) {
    line.kind = .event
    line.event = e
  }

  /// `host[ip]: SASL LOGIN authentication failed: reason[, sasl_username=user]`.
  static func scanAuthFailure(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) -> Bool {
    let tokenEnd = b.tokenEnd(start)
    guard let open = b.find(Ch.lbracket, from: start, to: tokenEnd),
      let close = b.find(Ch.rbracket, from: open, to: tokenEnd),
      let mechanism = b.after(": SASL ", at: close + 1),
      let failed = b.find(" authentication failed", from: mechanism)
    else { return false }
    event(.authFailure, &line)
    line.clientHost = Span(start, open)
    line.clientIP = Span(open + 1, close)
    line.detail = Span(Swift.min(b.count, failed + " authentication failed".utf8.count), b.count)
    if let u = b.findEnd("sasl_username=", from: failed) {
      var end = u
      while end < b.count, b[end] != Ch.comma, b[end] != Ch.space { end += 1 }
      line.user = Span(u, end)
    }
    return true
  }

  /// `Trusted TLS connection established to host[ip]:25: TLSv1.3 ...` (also Verified,
  /// Untrusted, Anonymous; `from host[ip]` for smtpd).
  static func scanTLS(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    guard let direction = b.findEnd(" TLS connection established ", from: start, to: Swift.min(b.count, start + 40))
    else { return }
    if let host = b.after("to ", at: direction) {
      event(.tlsOutbound, &line)
      if let open = b.find(Ch.lbracket, from: host), let close = b.find(Ch.rbracket, from: open) {
        line.relayHost = Span(host, open)
        line.relayIP = Span(open + 1, close)
      }
    } else if let client = b.after("from ", at: direction) {
      event(.tlsInbound, &line)
      readClient(b, client, into: &line)
    }
  }

  /// `host[ip]` at `i`.
  static func readClient(_ b: UnsafeRawBufferPointer, _ i: Int, into line: inout ScannedLine) {
    guard let open = b.find(Ch.lbracket, from: i), let close = b.find(Ch.rbracket, from: open) else { return }
    line.clientHost = Span(i, open)
    line.clientIP = Span(open + 1, close)
  }

  /// postscreen names its client `[ip]:port`.
  static func readPostscreenClient(_ b: UnsafeRawBufferPointer, _ i: Int, into line: inout ScannedLine) {
    guard let open = b.find(Ch.lbracket, from: i), let close = b.find(Ch.rbracket, from: open) else { return }
    line.clientIP = Span(open + 1, close)
  }
}
