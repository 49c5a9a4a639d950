/// The finished report: sorted, immutable values that every writer formats and nothing else.
public struct ReportModel: Sendable, Equatable {
  /// JSON schema version; bump on any incompatible change.
  public static let schemaVersion = 1

  public var generatedAt: String
  public var timeZone: String
  /// The time window counted, e.g. `from 2026-11-22 00:00:00 +01:00 until ...`, or nil for all.
  public var window: String?
  /// First and last event times seen, local ISO 8601, or nil when no event was read.
  public var firstEvent: String?
  public var lastEvent: String?
  public var files: [FileRow]
  public var problems: [String]
  public var lines: LineSummary
  public var summary: Summary
  /// Most problems first; made from the aggregate when read (see `ReportRows`).
  public var domains: ReportRows<DomainRow>
  public var dsnCodes: [CodeRow]
  public var replyCodes: [CodeRow]
  public var senders: [SenderRow]
  public var inbound: InboundSection
  public var timeline: [HourRow]
  public var reasons: [ReasonRow] = []
  public var providers: [ProviderRow] = []
  public var blocklists: [BlocklistRow] = []
  /// Whether receivers distrust us: blocklists, provider blocks, authentication, hygiene.
  public var reputation = ReputationSection()
  /// `generatedAt`, `firstEvent` and `lastEvent` as epoch seconds (for Prometheus).
  public var generatedEpoch: Int64 = 0
  public var firstEventEpoch: Int64?
  public var lastEventEpoch: Int64?
  public var alerts: [AlertRow] = []
  /// Where the lines came from when logstat chose it itself (the system journal when no mail
  /// log file was found); nil when the inputs were named or are the usual log files.
  public var source: String?
  /// Every count the report was built from (the JSON `counts` block), for `logstat merge`.
  public var counts: JSON = .null
  /// Security and health events (auth failures, warnings, TLS, postscreen, admin actions).
  public var health = HealthSection()
  /// pflogsumm's daily totals (bytes, distinct addresses, top addresses, per day).
  public var traffic = TrafficSection()

  public init(
    generatedAt: String, timeZone: String, window: String? = nil, firstEvent: String?, lastEvent: String?,
    files: [FileRow], problems: [String], lines: LineSummary, summary: Summary,
    domains: [DomainRow], dsnCodes: [CodeRow], replyCodes: [CodeRow], senders: [SenderRow],
    inbound: InboundSection, timeline: [HourRow]
  ) {
    self.generatedAt = generatedAt
    self.timeZone = timeZone
    self.window = window
    self.firstEvent = firstEvent
    self.lastEvent = lastEvent
    self.files = files
    self.problems = problems
    self.lines = lines
    self.summary = summary
    self.domains = ReportRows(domains)
    self.dsnCodes = dsnCodes
    self.replyCodes = replyCodes
    self.senders = senders
    self.inbound = inbound
    self.timeline = timeline
  }
}

extension ReportModel {
  /// Files read (not skipped as outside the time window).
  public var filesRead: Int { files.count(where: { $0.skipReason == nil }) }
  /// Files skipped unread because they lie outside the time window.
  public var filesSkipped: Int { files.count - filesRead }
  /// Why files were skipped, in a few words: outside the window, not logs, or both.
  public var whySkipped: String {
    let reasons = files.compactMap(\.skipReason)
    let notLogs = reasons.filter { $0.hasPrefix("not a log") }.count
    if notLogs == 0 { return "outside the window" }
    return notLogs == reasons.count ? "not logs" : "not logs, or outside the window"
  }
  /// Lines read but outside the time window (not counted in `lines`).
  public var linesOutsideWindow: Int { files.reduce(0) { $0 + $1.outsideWindow } }
}

/// One input file as read.
public struct FileRow: Sendable, Equatable {
  public var path: String
  public var gzip: Bool
  public var bytes: Int64
  public var lines: Int
  public var notMail: Int
  public var skipped: Int
  public var truncatedLines: Int
  /// Lines read but outside the time window.
  public var outsideWindow: Int
  public var error: String?
  /// Why the file was not read (outside the time window), or nil when it was read.
  public var skipReason: String?
}

/// Lines read, by what the scanner made of them.
public struct LineSummary: Sendable, Equatable {
  public var total: Int
  public var recognised: Int
  public var notMail: Int
  public var skipped: Int
  public var probes: Int
  /// Lines with a number out of range (counted, without that number).
  public var damaged: Int = 0
}

/// Totals over all recipient domains, and the rates the counting rules define.
public struct Summary: Sendable, Equatable {
  public var messagesReceived: Int
  public var notificationsSent: Int
  public var bytesReceived: Int
  public var recipients: Int
  public var attempts: Int
  public var delivered: Int
  /// Deferred attempts (each retry counts).
  public var deferred: Int
  public var deferredRecipients: Int
  public var deferredThenDelivered: Int
  public var stillDeferred: Int
  public var bounced: Int
  public var expired: Int
  public var rejected: Int
  /// delivered / (delivered + bounced + expired), or nil when there is no final outcome.
  public var deliveryRate: Double?
  public var bounceRate: Double?
  /// deferred attempts / attempts.
  public var deferralRate: Double?
  public var delayMedianSeconds: Double?
  public var delayP95Seconds: Double?
}

/// One recipient domain.
public struct DomainRow: Sendable, Equatable {
  public var domain: String
  public var attempts: Int
  public var recipients: Int
  public var delivered: Int
  public var deferred: Int
  public var deferredRecipients: Int
  public var deferredThenDelivered: Int
  public var stillDeferred: Int
  public var bounced: Int
  public var expired: Int
  public var rejected: Int
  public var notifications: Int
  public var deliveryRate: Double?
  public var delayMedianSeconds: Double?
  /// Mailbox provider id (`google`, `microsoft`, ..., `none`).
  public var provider: String = "none"
  /// The most frequent reason among failures, else among deferrals; nil when none.
  public var topReason: String?

  /// Problem size used for sorting: failures first, then deferrals.
  public var problemScore: Int { (bounced + expired + stillDeferred) * 4 + deferred }
}

/// Counts for one status code (enhanced `5.1.1` or basic `550`).
public struct CodeRow: Sendable, Equatable {
  public var code: String
  public var meaning: String
  public var sent: Int
  public var deferred: Int
  public var bounced: Int
  public var finalBounced: Int
  public var finalExpired: Int
  public var rejected: Int
  public var total: Int { sent + deferred + bounced + rejected }
}

/// One sender domain (from correlation); bounce notifications we sent are not in here.
public struct SenderRow: Sendable, Equatable {
  public var domain: String
  public var messages: Int
  public var bytes: Int
  public var recipients: Int
  public var delivered: Int
  public var bounced: Int
  public var expired: Int
  public var stillDeferred: Int
  public var bounceRate: Double?
  /// Recipients that hard-bounced (address problems), and their share of final outcomes.
  public var hardBounced = 0
  public var hardBounceRate: Double?
}

/// Mail our own server refused before queueing it.
public struct InboundSection: Sendable, Equatable {
  public var rejected: Int
  public var byCode: [InboundCodeRow]
  /// Clients refused, most rejects first, with the reason most often given.
  public var clients: [InboundClientRow]
  /// Rejects by reason id, most first.
  public var byReason: [CountRow] = []
}

/// One client our server refused, and why most often.
public struct InboundClientRow: Sendable, Equatable {
  public var client: String
  /// Rejects: exact, or an upper bound when the client table overflowed (`countError` set).
  public var count: Int
  public var topReason: String?
  /// How far below `count` the true count may be; nil while the client table is exact.
  public var countError: Int? = nil
}

public struct InboundCodeRow: Sendable, Equatable {
  public var replyCode: Int?
  public var dsn: String?
  public var count: Int
}

public struct CountRow: Sendable, Equatable {
  public var name: String
  public var count: Int
}

/// What happened in one hour (local time).
public struct HourRow: Sendable, Equatable {
  public var hour: String
  /// Start of the hour, epoch seconds (for gaps in charts).
  public var start: Int64
  public var delivered: Int
  public var deferred: Int
  public var bounced: Int
  public var expired: Int
  public var rejected: Int
}

/// One reason why mail failed or was deferred, with what to do about it.
public struct ReasonRow: Sendable, Equatable {
  /// Reason id (`user-unknown`, ...), stable in the JSON schema.
  public var reason: String
  public var title: String
  public var hard: Bool
  public var fault: String
  /// Recipients whose final outcome (bounced or expired) had this reason.
  public var failed: Int
  /// Deferred attempts with this reason.
  public var deferred: Int
  /// Inbound rejects by our own server with this reason.
  public var rejected: Int
  /// Share of all failed recipients (0...1), or nil when nothing failed.
  public var share: Double?
  /// Recipient domains with the most failures and deferrals for this reason.
  public var topDomains: [String]
  public var example: String?
  public var advice: String
}

/// One mailbox provider: the recipient domains it hosts, added up.
public struct ProviderRow: Sendable, Equatable {
  public var provider: String
  public var name: String
  public var domains: Int
  public var attempts: Int
  public var recipients: Int
  public var delivered: Int
  public var deferred: Int
  public var bounced: Int
  public var expired: Int
  public var deliveryRate: Double?
  public var topReason: String?
  public var stillDeferred = 0
  public var delayMedianSeconds: Double?
  /// Recipients deferred at least once.
  public var deferredRecipients = 0

  /// Problem size used for sorting, as for domains.
  public var problemScore: Int { (bounced + expired + stillDeferred) * 4 + deferred }
}

/// A blocklist named in reply texts.
public struct BlocklistRow: Sendable, Equatable {
  public var blocklist: String
  public var name: String
  public var count: Int
  public var firstSeen: String?
  public var lastSeen: String?
  public var domains: [String]
}
