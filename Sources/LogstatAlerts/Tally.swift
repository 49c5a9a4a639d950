import LogstatAggregate
import LogstatClassify

/// Delivery lines of one subject over some period, by what alerts measure.
public struct Tally: Sendable, Equatable {
  /// Sent, deferred, bounced and expired lines.
  public var attempts = 0
  public var deferred = 0
  /// Bounced and expired lines.
  public var bounced = 0
  /// Blocking lines (deferred or failed) per reason ordinal; only blocking reasons are non-zero.
  public var blockingByReason = ReasonCounts()
  /// Deferred lines by reason.
  public var deferredByReason = ReasonCounts()
  /// Bounced and expired lines by reason.
  public var bouncedByReason = ReasonCounts()

  public init() {}

  /// Lines with a blocking reason.
  public var blocking: Int { blockingByReason.total }

  /// How many lines count toward `metric`.
  public func events(_ metric: AlertMetric) -> Int {
    switch metric {
    case .blocking: blocking
    case .bounces: bounced
    case .deferrals: deferred
    }
  }

  /// Adds `count` lines of one status and reason (nil for sent lines).
  public mutating func add(_ status: AttemptStatus, reason: Reason?, count: Int = 1) {
    attempts += count
    switch status {
    case .sent: break
    case .deferred:
      deferred += count
      deferredByReason[reason ?? .other] += count
    case .bounced, .expired:
      bounced += count
      bouncedByReason[reason ?? .other] += count
    }
    if status != .sent, let reason, AlertMetric.isBlocking(reason) {
      blockingByReason[reason] += count
    }
  }

  /// Adds another tally.
  public mutating func merge(_ o: Tally) {
    attempts += o.attempts
    deferred += o.deferred
    bounced += o.bounced
    blockingByReason.merge(o.blockingByReason)
    deferredByReason.merge(o.deferredByReason)
    bouncedByReason.merge(o.bouncedByReason)
  }

  /// The most frequent reason among the lines that count toward `metric`, or nil.
  public func topReason(_ metric: AlertMetric) -> Reason? {
    switch metric {
    case .blocking: blockingByReason.top
    case .bounces: bouncedByReason.top
    case .deferrals: deferredByReason.top
    }
  }
}
