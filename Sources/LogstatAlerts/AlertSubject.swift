import LogstatClassify

/// Who an alert is about: a recipient domain or a mailbox provider (all the domains it hosts).
public enum AlertSubject: Sendable, Hashable, Comparable, CustomStringConvertible {
  case domain(String)
  case provider(Provider)

  /// `domain` or `provider`, as in the JSON report.
  public var kind: String {
    switch self {
    case .domain: "domain"
    case .provider: "provider"
    }
  }

  /// The domain name or the provider id (`google`).
  public var name: String {
    switch self {
    case .domain(let d): d
    case .provider(let p): p.rawValue
    }
  }

  /// `gmail.com` or `Google (Gmail)`, for messages.
  public var description: String {
    switch self {
    case .domain(let d): d
    case .provider(let p): p.displayName
    }
  }

  /// Providers first, then domains, each by name: the order alerts are listed in.
  public static func < (a: AlertSubject, b: AlertSubject) -> Bool {
    (a.kind == "provider" ? 0 : 1, a.name) < (b.kind == "provider" ? 0 : 1, b.name)
  }
}

/// What an alert measures, as a share of delivery attempts (delivery lines).
public enum AlertMetric: String, Sendable, CaseIterable, Hashable {
  /// Deferred or failed lines whose reply is a block: blocklisted, reputation, rate-limited,
  /// spam-content, authentication or policy.
  case blocking
  /// Bounced and expired lines.
  case bounces
  /// Deferred lines (each retry counts).
  case deferrals

  /// `blocking replies`, for messages.
  public var phrase: String {
    switch self {
    case .blocking: "blocking replies"
    case .bounces: "bounces"
    case .deferrals: "deferrals"
    }
  }

  /// The reasons that count as blocking: the receiver refuses us, not the address.
  public static let blockingReasons: [Reason] = [
    .blocklisted, .reputation, .rateLimited, .spamContent, .authentication, .policy,
  ]

  /// `blockingReasons` by ordinal, for a lookup per cell.
  static let blockingByOrdinal: [Bool] = Reason.allCases.map { blockingReasons.contains($0) }

  /// True when `reason` is one of `blockingReasons`.
  @inline(__always)
  public static func isBlocking(_ reason: Reason) -> Bool { blockingByOrdinal[reason.ordinal] }
}
