/// Everything in the logs that says receivers distrust us, and how clean our lists look.
public struct ReputationSection: Sendable, Equatable {
  /// Outbound replies naming a blocklist, per list and listed address, most first.
  public var listings: [ListingRow] = []
  /// Blocklists, provider blocks, throttling, authentication, reverse DNS and spam content,
  /// always all six in `ReputationIssue.Category` order (zero counts included).
  public var issues: [ReputationIssue] = []
  /// Hard bounces, overall and per sender domain.
  public var hygiene = HygieneSection()

  public init(
    listings: [ListingRow] = [], issues: [ReputationIssue] = [], hygiene: HygieneSection = .init()
  ) {
    self.listings = listings
    self.issues = issues
    self.hygiene = hygiene
  }

  /// True when nothing points at a reputation problem.
  public var isClean: Bool {
    listings.isEmpty && issues.allSatisfy { $0.failed + $0.deferred == 0 }
  }
}

/// A blocklist named in outbound replies, for one listed address.
public struct ListingRow: Sendable, Equatable {
  /// Blocklist id (`spamhaus-zen`, ...).
  public var blocklist: String
  public var name: String
  /// Our IP address the reply names, or nil when the text names none.
  public var address: String?
  public var count: Int
  public var firstSeen: String?
  public var lastSeen: String?
  /// Recipient domains whose servers gave such replies.
  public var domains: [String]

  public init(
    blocklist: String, name: String, address: String?, count: Int, firstSeen: String?,
    lastSeen: String?, domains: [String]
  ) {
    self.blocklist = blocklist
    self.name = name
    self.address = address
    self.count = count
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.domains = domains
  }
}

/// One kind of distrust (a reason), with counts, where it happened and what to do.
public struct ReputationIssue: Sendable, Equatable {
  /// What kind of distrust, stable in the JSON schema.
  public enum Category: String, CaseIterable, Sendable {
    case blocklist, providerBlock = "provider-block", throttling, authentication
    case reverseDNS = "reverse-dns", spamContent = "spam-content"

    /// The reason id this category counts.
    public var reason: String {
      switch self {
      case .blocklist: "blocklisted"
      case .providerBlock: "reputation"
      case .throttling: "rate-limited"
      case .authentication: "authentication"
      case .reverseDNS: "reverse-dns"
      case .spamContent: "spam-content"
      }
    }

    /// A heading for people.
    public var title: String {
      switch self {
      case .blocklist: "Blocklisted"
      case .providerBlock: "Provider blocks (reputation)"
      case .throttling: "Throttling (rate limits)"
      case .authentication: "Authentication (SPF/DKIM/DMARC)"
      case .reverseDNS: "Reverse DNS"
      case .spamContent: "Spam content"
      }
    }
  }

  public var category: Category
  /// Recipients whose final outcome (bounced or expired) had this reason.
  public var failed: Int
  /// Deferred attempts with this reason.
  public var deferred: Int
  /// Affected recipient domains, most replies first (at most 10), and how many there were.
  public var domains: [CountRow]
  public var domainCount: Int
  /// Providers of the affected domains (display names), most replies first.
  public var providers: [String]
  public var advice: String

  public init(
    category: Category, failed: Int, deferred: Int, domains: [CountRow], domainCount: Int,
    providers: [String], advice: String
  ) {
    self.category = category
    self.failed = failed
    self.deferred = deferred
    self.domains = domains
    self.domainCount = domainCount
    self.providers = providers
    self.advice = advice
  }
}

/// Hard bounces (user unknown, mailbox disabled, domain not found): receivers read many of
/// them as a careless list.
public struct HygieneSection: Sendable, Equatable {
  /// Recipients that hard-bounced, over recipients with a final outcome.
  public var hardBounced = 0
  public var finalOutcomes = 0
  public var share: Double?
  /// Hard bounces by reason id.
  public var byReason: [CountRow] = []
  /// Sender domains with a final outcome, most hard bounces first.
  public var senders: [HygieneRow] = []
  public var advice = HygieneSection.standardAdvice

  /// Share of hard bounces above which receivers start to distrust a sender.
  public static let watchShare = 0.02
  public static let highShare = 0.05
  /// Fewer final outcomes than this are too few to judge.
  public static let minimumSample = 20

  public static let standardAdvice =
    "Receivers treat mail to dead addresses as a sign of a bought or neglected list: keep hard bounces under 2% of recipients. Remove every address that hard-bounced (logstat --suppression-list FILE writes them), confirm new sign-ups by mail, and stop mailing addresses that have not engaged for a long time."

  public init() {}

  /// `ok`, `watch`, `high`, or `few` (too few outcomes to judge), for a share of `n` outcomes.
  public static func level(share: Double?, outcomes n: Int) -> String {
    guard let share, n >= minimumSample else { return "few" }
    return share >= highShare ? "high" : share >= watchShare ? "watch" : "ok"
  }
}

/// Hard bounces of one sender domain.
public struct HygieneRow: Sendable, Equatable {
  public var domain: String
  /// Recipients with a final outcome (delivered, bounced, expired).
  public var finalOutcomes: Int
  public var hardBounced: Int
  public var share: Double?
  /// `ok`, `watch`, `high` or `few`: see `HygieneSection.level`.
  public var level: String

  public init(domain: String, finalOutcomes: Int, hardBounced: Int, share: Double?, level: String) {
    self.domain = domain
    self.finalOutcomes = finalOutcomes
    self.hardBounced = hardBounced
    self.share = share
    self.level = level
  }
}
