/// One alert, as every writer shows it: what rose, from what to what, since when, and why.
public struct AlertRow: Sendable, Equatable {
  /// `sudden-rise`, `blocks-everything`, `new-blocklist` or `history-unavailable`.
  public var kind: String
  /// `domain`, `provider`, `blocklist` or `history`.
  public var subjectKind: String
  /// Domain name, provider id, blocklist id, or the history file's path.
  public var subject: String
  /// `blocking`, `bounces` or `deferrals`; nil for blocklist and history alerts.
  public var metric: String?
  /// The most frequent reason id among the rising lines.
  public var reason: String?
  /// The rate before (baseline) and since the onset, in 0...1.
  public var baselineRate: Double?
  public var rate: Double?
  public var baselineEvents: Int
  public var baselineAttempts: Int
  public var events: Int
  public var attempts: Int
  /// What the baseline is: `14 days of history (...)`, `the window before ...`, `no history`.
  public var baseline: String
  /// Local time of the first hour the rise showed.
  public var since: String?
  /// One-sided binomial p-value (corrected for the onsets tried).
  public var pValue: Double?
  public var example: String?
  public var advice: String?
  /// One line saying it all.
  public var message: String

  public init(
    kind: String, subjectKind: String, subject: String, metric: String? = nil,
    reason: String? = nil, baselineRate: Double? = nil, rate: Double? = nil,
    baselineEvents: Int = 0, baselineAttempts: Int = 0, events: Int = 0, attempts: Int = 0,
    baseline: String, since: String? = nil, pValue: Double? = nil, example: String? = nil,
    advice: String? = nil, message: String
  ) {
    self.kind = kind
    self.subjectKind = subjectKind
    self.subject = subject
    self.metric = metric
    self.reason = reason
    self.baselineRate = baselineRate
    self.rate = rate
    self.baselineEvents = baselineEvents
    self.baselineAttempts = baselineAttempts
    self.events = events
    self.attempts = attempts
    self.baseline = baseline
    self.since = since
    self.pValue = pValue
    self.example = example
    self.advice = advice
    self.message = message
  }
}
