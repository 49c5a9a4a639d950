/// Counts for one recipient domain: delivery attempts (lines) and final outcomes (recipients).
///
/// Most domains of a long tail only ever see deliveries: the counters that stay 0 for them
/// (deferrals, failures, removals, rejects) live in `rare`, an array made on the first such
/// count, so such a domain's counters take 72 bytes instead of 144.
public struct DomainCounters: Sendable {
  /// Delivery lines: sent + deferred + bounced (+ Exim expiry lines).
  public var attempts = 0
  /// Recipients (message, address) whose final outcome was counted here.
  public var recipients = 0
  public var delivered = 0
  /// The counters of `Rare`, by its raw value; empty while all are 0.
  private var rare: [Int] = []
  /// Delay of delivered attempts.
  public var delay = DelayHistogram()
  /// Deferred attempts by reason.
  public var deferredReasons = ReasonCounts()
  /// Final failures (bounced + expired recipients) by reason.
  public var failedReasons = ReasonCounts()

  /// The counters most domains never use, in `rare`.
  private enum Rare: Int, CaseIterable {
    case deferredAttempts, bounced, expired, stillDeferred, removed, deferredRecipients
    case deferredThenDelivered, notifications, rejected, hardBounces
  }

  @inline(__always) private func get(_ r: Rare) -> Int { rare.isEmpty ? 0 : rare[r.rawValue] }

  @inline(__always) private mutating func set(_ r: Rare, _ n: Int) {
    if rare.isEmpty {
      guard n != 0 else { return }
      rare = [Int](repeating: 0, count: Rare.allCases.count)
    }
    rare[r.rawValue] = n
  }

  /// Deferred delivery lines (each retry counts).
  public var deferredAttempts: Int {
    get { get(.deferredAttempts) }
    set { set(.deferredAttempts, newValue) }
  }
  public var bounced: Int {
    get { get(.bounced) }
    set { set(.bounced, newValue) }
  }
  public var expired: Int {
    get { get(.expired) }
    set { set(.expired, newValue) }
  }
  /// Recipients still deferred when the logs end.
  public var stillDeferred: Int {
    get { get(.stillDeferred) }
    set { set(.stillDeferred, newValue) }
  }
  /// Recipients of messages the admin removed from the queue (a final outcome of its own).
  public var removed: Int {
    get { get(.removed) }
    set { set(.removed, newValue) }
  }
  /// Recipients deferred at least once (unique per message and address).
  public var deferredRecipients: Int {
    get { get(.deferredRecipients) }
    set { set(.deferredRecipients, newValue) }
  }
  /// Recipients delivered after at least one deferral.
  public var deferredThenDelivered: Int {
    get { get(.deferredThenDelivered) }
    set { set(.deferredThenDelivered, newValue) }
  }
  /// Recipients of bounce notifications we sent (sender `<>`); also counted in the outcomes.
  public var notifications: Int {
    get { get(.notifications) }
    set { set(.notifications, newValue) }
  }
  /// Inbound: our own server refused a recipient at this domain.
  public var rejected: Int {
    get { get(.rejected) }
    set { set(.rejected, newValue) }
  }
  /// Hard bounces (address problems: remove the address).
  public var hardBounces: Int {
    get { get(.hardBounces) }
    set { set(.hardBounces, newValue) }
  }

  public init() {}

  public mutating func merge(_ o: DomainCounters) {
    deferredReasons.merge(o.deferredReasons)
    failedReasons.merge(o.failedReasons)
    attempts += o.attempts
    recipients += o.recipients
    delivered += o.delivered
    if !o.rare.isEmpty {
      if rare.isEmpty {
        rare = o.rare
      } else {
        for k in rare.indices { rare[k] += o.rare[k] }
      }
    }
    delay.merge(o.delay)
  }
}

extension DomainCounters: Equatable {
  /// Equal when every count is (rare counters never made equal all zeros).
  public static func == (a: DomainCounters, b: DomainCounters) -> Bool {
    a.attempts == b.attempts && a.recipients == b.recipients && a.delivered == b.delivered
      && Rare.allCases.allSatisfy { a.get($0) == b.get($0) } && a.delay == b.delay
      && a.deferredReasons == b.deferredReasons && a.failedReasons == b.failedReasons
  }
}

/// Counts for one sender domain (from correlation): messages, their recipients and outcomes.
public struct SenderCounters: Sendable, Equatable {
  public var messages = 0
  public var bytes = 0
  public var recipients = 0
  public var delivered = 0
  public var bounced = 0
  public var expired = 0
  public var stillDeferred = 0

  public init() {}

  public mutating func merge(_ o: SenderCounters) {
    messages += o.messages
    bytes = bytes.addingSaturated(o.bytes)
    recipients += o.recipients
    delivered += o.delivered
    bounced += o.bounced
    expired += o.expired
    stillDeferred += o.stillDeferred
  }
}

/// Per status-code counts: attempts (lines) by status, and final outcomes.
public struct CodeCounters: Sendable, Equatable {
  public var deferredAttempts = 0
  public var bouncedAttempts = 0
  public var sentAttempts = 0
  public var finalBounced = 0
  public var finalExpired = 0
  public var rejected = 0

  public init() {}

  public var total: Int { deferredAttempts + bouncedAttempts + sentAttempts + rejected }

  public mutating func merge(_ o: CodeCounters) {
    deferredAttempts += o.deferredAttempts
    bouncedAttempts += o.bouncedAttempts
    sentAttempts += o.sentAttempts
    finalBounced += o.finalBounced
    finalExpired += o.finalExpired
    rejected += o.rejected
  }
}

/// Counts per hour: what happened in that hour (lines).
public struct HourCounters: Sendable, Equatable {
  public var delivered = 0
  public var deferred = 0
  public var bounced = 0
  public var expired = 0
  public var rejected = 0
  /// Messages created in that hour.
  public var received = 0

  public init() {}

  public mutating func merge(_ o: HourCounters) {
    received += o.received
    delivered += o.delivered
    deferred += o.deferred
    bounced += o.bounced
    expired += o.expired
    rejected += o.rejected
  }
}
