import LogstatClassify
import LogstatKinds
import LogstatScan

/// One line of a traced message's life, as typed values (strings are made only for the few
/// lines a trace keeps).
public struct TraceEvent: Sendable {
  /// What the line says about the message.
  public enum Kind: String, Sendable, CaseIterable {
    /// Postfix smtpd `client=host[ip]`: a client handed the message in.
    case client
    /// Postfix pickup `uid=N from=<s>`: the message was submitted locally.
    case submitted
    /// Postfix cleanup `message-id=<...>`: the message was created.
    case created
    /// Postfix qmgr `from=<s>, size=N` or Exim `<=`: the message entered the queue.
    case received
    /// Postfix qmgr `from=<s>, size=N` again: the message is back in the active queue for a retry.
    case retry
    /// One delivery attempt for one recipient (`to=... status=`, Exim `=> -> *> ** ==`).
    case attempt
    /// Postfix qmgr `status=expired, returned to sender`: the queue lifetime ran out.
    case expired
    /// Postfix bounce: a notification to the sender was queued under another queue ID.
    case notice
    /// Postfix `removed`, Exim `Completed`: the message left the queue.
    case removed
    /// Refused by our own server before queueing (no queue ID).
    case rejected
    /// Any other line of the message (warnings, hold, ...), kept as it was logged.
    case other
  }

  public var kind: Kind
  /// Epoch seconds, or nil when the line had no readable stamp.
  public var epoch: Int64?
  /// Index of the input the line came from.
  public var file: Int
  /// True when this line named the key (the others belong to the same message).
  public var matched: Bool
  public var sender: String?
  public var size: Int?
  public var clientHost: String?
  public var clientIP: String?
  public var messageID: String?
  public var recipient: String?
  public var originalRecipient: String?
  public var relayHost: String?
  public var relayIP: String?
  public var status: DeliveryStatus = .none
  public var dsn: String?
  public var reply: String?
  public var delayMillis: Int?
  /// Postfix bounce: the queue ID of the notification to the sender.
  public var relatedQueueID: String?
  /// The verdict on a failed attempt's or a reject's reply.
  public var classification: Classification?
  /// The whole line, for `other` lines only.
  public var line: String?

  public init(kind: Kind, epoch: Int64?, file: Int, matched: Bool) {
    self.kind = kind
    self.epoch = epoch
    self.file = file
    self.matched = matched
  }

  /// The relay as logged: `host[ip]`, or the host alone.
  public var relay: String? {
    guard let relayHost else { return nil }
    guard let relayIP, !relayIP.isEmpty else { return relayHost }
    return "\(relayHost)[\(relayIP)]"
  }

  /// The client as logged: `host[ip]`, or what is known of it.
  public var client: String? {
    switch (clientHost, clientIP) {
    case let (host?, ip?) where !ip.isEmpty: "\(host)[\(ip)]"
    case let (host?, _): host
    case let (nil, ip?): "[\(ip)]"
    default: nil
    }
  }
}

/// The word for a delivery status in trace output.
extension DeliveryStatus {
  public var word: String {
    switch self {
    case .none: "none"
    case .sent: "sent"
    case .deferred: "deferred"
    case .bounced: "bounced"
    case .expired: "expired"
    case .deliverable: "deliverable"
    case .undeliverable: "undeliverable"
    case .suppressed: "suppressed"
    case .removed: "removed"
    }
  }
}
