import LogstatKinds

/// Exim lines counted as events or refusals beyond the plain mainlog forms: special
/// recipients, the admin's actions on a message, refusals worded without `rejected`, failed
/// authentication and TLS errors.
extension EximScanner {
  /// `:blackhole:`, `:defer:`, `:fail:`, `|command`, `/file`, `>autoreply`, and deliveries
  /// made by the system filter: none of them is a mailbox at a domain.
  static func specialRecipient(_ b: UnsafeRawBufferPointer, _ r: Span, _ parent: Span) -> SpecialRecipient {
    guard !r.isEmpty else { return .none }
    let first = b[r.start]
    if first == Ch.colon, r.count >= 3, b[r.end - 1] == Ch.colon {
      switch r.count {
      case 11 where b.matches(":blackhole:", at: r.start): return .blackhole
      case 7 where b.matches(":defer:", at: r.start): return .forcedDefer
      case 6 where b.matches(":fail:", at: r.start): return .forcedFail
      default: return .other
      }
    }
    if isSystemFilter(b, r) || isSystemFilter(b, parent) { return .filter }
    if first == UInt8(ascii: "|") { return .pipe }
    if first == Ch.slash { return .file }
    if first == Ch.gt { return .autoreply }
    return .none
  }

  @inline(__always) static func isSystemFilter(_ b: UnsafeRawBufferPointer, _ s: Span) -> Bool {
    s.count == 13 && b.matches("system-filter", at: s.start)
  }

  /// After a message ID: `removed by USER`, `Frozen ...`, `Message is frozen`, `Unfrozen by USER`.
  static func scanMessageEvent(_ b: UnsafeRawBufferPointer, _ op: Int, into line: inout ScannedLine) {
    guard op < b.count else { return }
    switch b[op] {
    case UInt8(ascii: "r") where b.matches("removed by ", at: op):
      event(.adminRemoved, &line)
      let user = op + "removed by ".utf8.count
      line.user = Span(user, b.tokenEnd(user))
    case UInt8(ascii: "F") where b.matches("Frozen", at: op):
      event(.frozen, &line)
    case UInt8(ascii: "M") where b.matches("Message is frozen", at: op):
      event(.frozenSkipped, &line)
    case UInt8(ascii: "U") where b.matches("Unfrozen by ", at: op):
      event(.unfrozen, &line)
      let user = op + "Unfrozen by ".utf8.count
      line.user = Span(user, b.tokenEnd(user))
    default:
      return
    }
  }

  /// Lines without a message ID that are not `rejected ...`.
  static func scanUnqueued(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    if b.matches("SMTP protocol synchronization error", at: start) {
      // "...: rejected connection from H=[ip] input=..." or "...: rejected \"EHLO x\" H=...".
      line.kind = .inboundReject
      if let h = b.findEnd("H=", from: start) { readHost(b, h, intoClient: true, &line) }
      line.replyText = Span(start, b.find(": rejected", from: start) ?? b.count)
    } else if let dropped = b.find(" dropped by '", from: start) {
      // "H=host [ip] dropped by 'connect' ACL: text" (also SMTP connection ... dropped).
      line.kind = .inboundReject
      if let h = b.findEnd("H=", from: start, to: dropped) { readHost(b, h, intoClient: true, &line) }
      if line.clientIP.isEmpty, let open = b.find(Ch.lbracket, from: start, to: dropped),
        let close = b.find(Ch.rbracket, from: open, to: dropped)
      {
        line.clientIP = Span(open + 1, close)
      }
      if let text = b.findEnd(": ", from: dropped) { line.replyText = Span(text, b.count) }
    } else if let failed = b.find(" authenticator failed for ", from: start, to: Swift.min(b.count, start + 64)) {
      // "dovecot_login authenticator failed for (helo) [ip]:port I=[ip]:587: 535 ... (set_id=user)".
      event(.authFailure, &line)
      let host = failed + " authenticator failed for ".utf8.count
      if let open = b.find(Ch.lbracket, from: host), let close = b.find(Ch.rbracket, from: open) {
        line.clientHost = Span(host, Swift.max(host, open - 1))
        line.clientIP = Span(open + 1, close)
      }
      if let id = b.findEnd("(set_id=", from: failed), let close = b.find(Ch.rparen, from: id) {
        line.user = Span(id, close)
      }
      line.detail = Span(start, failed)
    } else if b.matches("TLS error on connection ", at: start) {
      event(.tlsFailure, &line)
      if let open = b.find(Ch.lbracket, from: start), let close = b.find(Ch.rbracket, from: open) {
        line.clientIP = Span(open + 1, close)
      }
    }
  }

  @inline(__always) static func event(_ e: MailEvent, _ line: inout ScannedLine) {
    line.kind = .event
    line.event = e
  }
}
