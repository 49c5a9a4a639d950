/// Counts for one recipient domain: delivery attempts (lines) and final outcomes (recipients).
public struct DomainCounters: Sendable, Equatable {
  /// Delivery lines: sent + deferred + bounced (+ Exim expiry lines).
  public var attempts = 0
  /// Deferred delivery lines (each retry counts).
  public var deferredAttempts = 0
  /// Recipients (message, address) whose final outcome was counted here.
  public var recipients = 0
  public var delivered = 0
  public var bounced = 0
  public var expired = 0
  /// Recipients still deferred when the logs end.
  public var stillDeferred = 0
  /// Recipients of messages the admin removed from the queue (a final outcome of its own).
  public var removed = 0
  /// Recipients deferred at least once (unique per message and address).
  public var deferredRecipients = 0
  /// Recipients delivered after at least one deferral.
  public var deferredThenDelivered = 0
  /// Recipients of bounce notifications we sent (sender `<>`); also counted in the outcomes.
  public var notifications = 0
  /// Inbound: our own server refused a recipient at this domain.
  public var rejected = 0
  /// Delay of delivered attempts.
  public var delay = DelayHistogram()
  /// Deferred attempts by reason.
  public var deferredReasons = ReasonCounts()
  /// Final failures (bounced + expired recipients) by reason.
  public var failedReasons = ReasonCounts()
  /// Hard bounces (address problems: remove the address).
  public var hardBounces = 0

  public init() {}

  public mutating func merge(_ o: DomainCounters) {
    deferredReasons.merge(o.deferredReasons)
    failedReasons.merge(o.failedReasons)
    hardBounces += o.hardBounces
    attempts += o.attempts
    deferredAttempts += o.deferredAttempts
    recipients += o.recipients
    delivered += o.delivered
    bounced += o.bounced
    expired += o.expired
    stillDeferred += o.stillDeferred
    removed += o.removed
    deferredRecipients += o.deferredRecipients
    deferredThenDelivered += o.deferredThenDelivered
    notifications += o.notifications
    rejected += o.rejected
    delay.merge(o.delay)
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
