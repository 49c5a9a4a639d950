/// The fields of a message's own lines that no count needs but `logstat trace` shows: the
/// Message-ID, the client that handed the message in, and the sender of a locally submitted one.
///
/// Read on demand, only for the few lines a trace keeps, so the counting path never pays for it.
public struct MessageDetails: Sendable, Equatable {
  /// The Message-ID header (Postfix `cleanup message-id=<...>`, Exim `<= ... id=...`), without
  /// angle brackets.
  public var messageID: Span = .none
  /// The client that handed the message in: Postfix `smtpd ... client=host[ip]`.
  public var clientHost: Span = .none
  public var clientIP: Span = .none
  /// The sender of a locally submitted message: Postfix `pickup ... uid=N from=<s>`.
  public var pickupSender: Span = .none
  /// True when `pickupSender` was read (so an empty one is `<>`).
  public var hasPickupSender = false

  public init() {}

  /// Reads the details of `line` (already scanned from `b`); empty for lines that hold none.
  /// - Complexity: O(n) in the line length.
  public static func read(_ b: UnsafeRawBufferPointer, _ line: ScannedLine) -> MessageDetails {
    var d = MessageDetails()
    guard !line.queueID.isEmpty else { return d }
    switch line.mta {
    case .exim:
      // `<= sender H=... S=123 id=abc@host`: the id runs to the next space.
      guard line.kind == .messageQueued, let id = b.find(" id=", from: line.queueID.end) else {
        return d
      }
      let start = id + " id=".utf8.count
      d.messageID = stripAngles(b, Span(start, b.tokenEnd(start)))
    case .postfix, .unknown:
      // Postfix body: `QUEUEID: ` then the daemon's text.
      let rest = line.queueID.end + ": ".utf8.count
      if let start = b.after("message-id=", at: rest) {
        d.messageID = stripAngles(b, Span(start, b.tokenEnd(start)))
      } else if let start = b.after("client=", at: rest) {
        let end = b.find(Ch.comma, from: start) ?? b.count
        if let open = b.find(Ch.lbracket, from: start, to: end),
          let close = b.find(Ch.rbracket, from: open, to: end)
        {
          d.clientHost = Span(start, open)
          d.clientIP = Span(open + 1, close)
        } else {
          d.clientHost = Span(start, end)
        }
      } else if b.matches("uid=", at: rest), let from = b.find(" from=<", from: rest),
        let (sender, _) = PostfixScanner.angleAddress(b, from + " from=".utf8.count)
      {
        d.pickupSender = sender
        d.hasPickupSender = true
      }
    }
    return d
  }

  /// `<x>` -> `x`; other values unchanged.
  static func stripAngles(_ b: UnsafeRawBufferPointer, _ s: Span) -> Span {
    guard s.count >= 2, b[s.start] == Ch.lt, b[s.end - 1] == Ch.gt else { return s }
    return Span(s.start + 1, s.end - 1)
  }
}
