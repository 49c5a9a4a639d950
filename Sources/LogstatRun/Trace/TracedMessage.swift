import LogstatKinds
import LogstatScan

/// One message found by `logstat trace`: its lines in order and what became of each recipient.
public struct TracedMessage: Sendable {
  /// Where a recipient (or a message) ended up.
  public enum Outcome: String, Sendable {
    case delivered
    case bounced
    case expired
    /// Deferred at its last attempt and the message still in the queue at the end of the logs.
    case deferred
    /// Left the queue without delivery, bounce or expiry (deleted by an operator).
    case removed
    /// Refused by our own server before queueing.
    case rejected
    /// Exim `*>`: delivery suppressed.
    case suppressed
    /// Address verification probe (Postfix `verify`), no real delivery.
    case probe
    /// In the queue with no delivery attempt logged yet.
    case queued
    /// Recipients ended differently (see each recipient).
    case mixed
  }

  /// One recipient's attempts and final outcome.
  public struct Recipient: Sendable {
    public var address: String
    public var attempts: Int
    public var outcome: Outcome
    /// Index into `events` of the recipient's last attempt.
    public var lastAttempt: Int
  }

  /// Postfix queue ID or Exim message ID; nil for a reject before queueing.
  public var queueID: String?
  public var mta: MTA
  public var events: [TraceEvent]
  /// Filled by `finish()`.
  public private(set) var recipients: [Recipient] = []
  public private(set) var outcome: Outcome = .queued
  /// True once the message left the queue (`removed`, `Completed`).
  public private(set) var isRemoved = false
  public private(set) var isExpired = false

  public init(queueID: String?, mta: MTA, events: [TraceEvent] = []) {
    self.queueID = queueID
    self.mta = mta
    self.events = events
  }

  /// Epoch of the first stamped line.
  public var firstEpoch: Int64? { events.lazy.compactMap(\.epoch).first }
  public var lastEpoch: Int64? { events.reversed().lazy.compactMap(\.epoch).first }

  /// The first value of a field over the events (sender, size, client, Message-ID).
  public func first<T>(_ field: (TraceEvent) -> T?) -> T? {
    for e in events { if let v = field(e) { return v } }
    return nil
  }

  /// Works out each recipient's outcome (its last status) and the message's.
  public mutating func finish() {
    isRemoved = events.contains { $0.kind == .removed }
    isExpired = events.contains { $0.kind == .expired }
    if events.contains(where: { $0.kind == .rejected }) {
      outcome = .rejected
      return
    }
    var order: [String] = []
    var byAddress: [String: Recipient] = [:]
    for (k, e) in events.enumerated() where e.kind == .attempt {
      guard let address = e.recipient else { continue }
      let key = address.lowercased()
      if byAddress[key] == nil {
        order.append(key)
        byAddress[key] = Recipient(address: address, attempts: 0, outcome: .queued, lastAttempt: k)
      }
      byAddress[key]!.attempts += 1
      byAddress[key]!.lastAttempt = k
      byAddress[key]!.outcome = outcome(of: e.status)
    }
    recipients = order.map { byAddress[$0]! }
    for k in recipients.indices where recipients[k].outcome == .deferred {
      if isExpired {
        recipients[k].outcome = .expired
      } else if isRemoved {
        recipients[k].outcome = .removed
      }
    }
    let outcomes = Set(recipients.map(\.outcome))
    if outcomes.count == 1, let only = outcomes.first {
      outcome = only
    } else if outcomes.isEmpty {
      outcome = isExpired ? .expired : isRemoved ? .removed : .queued
    } else {
      outcome = .mixed
    }
  }

  private func outcome(of status: DeliveryStatus) -> Outcome {
    switch status {
    case .sent: .delivered
    case .bounced: .bounced
    case .expired: .expired
    case .deferred, .none: .deferred
    case .suppressed: .suppressed
    case .removed: .removed
    case .deliverable, .undeliverable: .probe
    }
  }
}
