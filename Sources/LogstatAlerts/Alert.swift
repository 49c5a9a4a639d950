import LogstatClassify

/// One alert: something that changed for the worse, with the numbers that show it.
public struct Alert: Sendable, Equatable {
  /// What kind of change; the raw values are stable in the JSON report.
  public enum Kind: String, Sendable, CaseIterable {
    /// A rate rose sharply against the baseline (history, or the window's earlier hours).
    case suddenRise = "sudden-rise"
    /// A subject without history blocks (almost) everything we send it.
    case blocksEverything = "blocks-everything"
    /// A blocklist names us that the baseline never saw.
    case newBlocklist = "new-blocklist"
    /// The history file could not be used, so alerts only compare within the window.
    case historyUnavailable = "history-unavailable"
    /// Our own MTA started failing locally (reason `local-error`): none in the baseline, a
    /// few in the window.
    case localErrors = "local-errors"
  }

  public var kind: Kind
  /// `domain`, `provider`, `blocklist` or `history`.
  public var subjectKind: String
  /// Domain name, provider id, blocklist id, or the history file's path.
  public var subject: String
  public var metric: AlertMetric?
  /// The most frequent reason among the rising lines.
  public var reason: Reason?
  /// Baseline rate and the counts it comes from.
  public var baselineRate: Double?
  public var baselineEvents = 0
  public var baselineAttempts = 0
  /// Where the baseline comes from: `14 days of history (...)`, `the window before ...`.
  public var baseline: String
  /// The rate since the onset, and its counts.
  public var rate: Double?
  public var events = 0
  public var attempts = 0
  /// First UTC hour (epoch / 3600) the rise showed, or nil.
  public var onsetHour: Int64?
  /// One-sided binomial p-value, Bonferroni-corrected for the onsets tried.
  public var pValue: Double?
  /// A reply text showing the reason, and what to do about it.
  public var example: String?
  public var advice: String?
  /// One line saying it all, for people.
  public var message: String

  public init(
    kind: Kind, subjectKind: String, subject: String, baseline: String, message: String
  ) {
    self.kind = kind
    self.subjectKind = subjectKind
    self.subject = subject
    self.baseline = baseline
    self.message = message
  }

  /// The alert for a history file that could not be opened, read or written.
  public static func historyUnavailable(path: String, problem: String) -> Alert {
    Alert(
      kind: .historyUnavailable, subjectKind: "history", subject: path,
      baseline: "no history",
      message: "history not used: \(problem) Alerts compare only within the window.")
  }
}

/// Rates as people read them: `0.10%`, `30.2%`.
enum Percent {
  static func format(_ rate: Double) -> String {
    let pct = rate * 100
    let hundredths = Int((pct * 100).rounded())
    if hundredths < 100 { return "0.\(hundredths < 10 ? "0" : "")\(hundredths)%" }
    let tenths = Int((pct * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
