import LogstatClassify
import LogstatTime

/// Finds sudden blocks and other rises in a window's counts: pure logic, no I/O.
///
/// Rules (thresholds in `AlertThresholds`):
/// - **sudden-rise**: for each domain and provider with enough lines, the rate of blocking
///   replies, bounces or deferrals since an onset hour is compared with the baseline rate (its
///   history over the baseline days, or, without usable history, the window's earlier hours) by
///   a one-sided binomial test. A blocking alert hides the bounce and deferral alerts of the same
///   subject, and a provider's alert hides the same alert of the domains it hosts.
/// - **blocks-everything**: a subject without usable history whose lines are nearly all blocks.
/// - **new-blocklist**: a blocklist named in outbound replies that the baseline never saw
///   (only with history: without it, every list would be "new").
public enum AlertDetector {
  /// The alerts for `input`, providers first, then domains, then blocklists, each by name.
  /// `zone` is used for the times in messages.
  public static func detect(
    _ input: AlertInput, thresholds t: AlertThresholds = AlertThresholds(), zone: LocalZone
  ) -> [Alert] {
    var alerts: [Alert] = []
    var raised: [AlertSubject: Set<AlertMetric>] = [:]
    for subject in input.window.keys.sorted() {
      let series = input.window[subject]!
      guard series.total.attempts >= t.minAttempts else { continue }
      var covered: Set<AlertMetric> = []
      if case .domain(let d) = subject, let p = input.providers[d], p != .none {
        covered = raised[.provider(p)] ?? []
        // The provider's block explains whatever else rose at its domains.
        if covered.contains(.blocking) { continue }
      }
      let base = input.baseline?.tallies[subject]
      let usable = base.map { $0.attempts >= t.minBaselineAttempts } ?? false
      var found: [Alert] = []
      for metric in AlertMetric.allCases where !covered.contains(metric) {
        if metric != .blocking, raised[subject]?.contains(.blocking) == true { break }
        let change =
          usable
          ? riseAgainst(base!, series, metric, t) : riseWithin(series, metric, t)
        guard let change else { continue }
        raised[subject, default: []].insert(metric)
        let label =
          change.withinWindow
          ? "the window before \(zone.timestamp(change.splitHour * 3600))"
          : input.baseline?.label ?? "no history"
        found.append(rise(subject, metric, change, label, input, zone))
      }
      if !usable, raised[subject]?.contains(.blocking) != true,
        let alert = blocksEverything(subject, series, input, t, zone)
      {
        raised[subject, default: []].insert(.blocking)
        found.append(alert)
      }
      alerts += found
    }
    if let baseline = input.baseline, !baseline.days.isEmpty {
      alerts += newBlocklists(input, baseline, t, zone)
    }
    if let alert = localErrors(input, t, zone) { alerts.append(alert) }
    return alerts
  }

  /// Our own MTA failing locally (permissions, lock files, a pipe, configuration): at least
  /// `localErrorMinLines` such lines in the window and none in the baseline days.
  static func localErrors(_ input: AlertInput, _ t: AlertThresholds, _ zone: LocalZone) -> Alert? {
    guard input.localErrors >= t.localErrorMinLines, (input.baseline?.localErrors ?? 0) == 0 else { return nil }
    let label = input.baseline?.label ?? "no history"
    var message = "our own mail server failed locally on \(input.localErrors) delivery attempts"
    if input.localErrorFirstHour != .max { message += " since \(zone.timestamp(input.localErrorFirstHour * 3600))" }
    message += "; none in \(label)"
    var a = Alert(kind: .localErrors, subjectKind: "server", subject: "local", baseline: label, message: message)
    a.reason = .localError
    a.events = input.localErrors
    a.onsetHour = input.localErrorFirstHour == .max ? nil : input.localErrorFirstHour
    a.example = input.localErrorExample
    a.advice = Reason.localError.advice
    return a
  }

  static func rise(
    _ subject: AlertSubject, _ metric: AlertMetric, _ c: Change, _ label: String,
    _ input: AlertInput, _ zone: LocalZone
  ) -> Alert {
    var message = "\(subject) (\(subject.kind)): \(metric.phrase) rose from "
    message += "\(Percent.format(c.baselineRate)) to \(Percent.format(c.rate)) of delivery attempts "
    message += "(\(c.events) of \(c.attempts)) since \(zone.timestamp(c.onsetHour * 3600))"
    if let r = c.reason { message += ", mostly \(r.rawValue)" }
    message += "; baseline: \(label)"
    var a = Alert(
      kind: .suddenRise, subjectKind: subject.kind, subject: subject.name, baseline: label,
      message: message)
    a.metric = metric
    a.reason = c.reason
    a.baselineRate = c.baselineRate
    a.baselineEvents = c.baselineEvents
    a.baselineAttempts = c.baselineAttempts
    a.rate = c.rate
    a.events = c.events
    a.attempts = c.attempts
    a.onsetHour = c.onsetHour
    a.pValue = c.pValue
    if let r = c.reason {
      a.example = input.examples[subject]?[r]
      a.advice = r.advice
    }
    return a
  }

  /// A subject without usable history that blocks nearly everything we send it.
  static func blocksEverything(
    _ subject: AlertSubject, _ series: SubjectSeries, _ input: AlertInput, _ t: AlertThresholds,
    _ zone: LocalZone
  ) -> Alert? {
    let total = series.total
    let rate = Double(total.blocking) / Double(total.attempts)
    guard total.blocking >= t.minEvents, rate >= t.blocksEverythingRate else { return nil }
    let reason = total.topReason(.blocking)
    let onset = series.hours.keys.sorted().first { series.hours[$0]!.blocking > 0 }
    let label = input.baseline == nil ? "no history" : "no history for this \(subject.kind)"
    var message = "\(subject) (\(subject.kind)): \(Percent.format(rate)) of \(total.attempts) "
    message += "delivery attempts were blocked"
    if let reason { message += " (mostly \(reason.rawValue))" }
    if let onset { message += " since \(zone.timestamp(onset * 3600))" }
    message += ", with no history to compare with"
    var a = Alert(
      kind: .blocksEverything, subjectKind: subject.kind, subject: subject.name, baseline: label,
      message: message)
    a.metric = .blocking
    a.reason = reason
    a.rate = rate
    a.events = total.blocking
    a.attempts = total.attempts
    a.onsetHour = onset
    if let reason {
      a.example = input.examples[subject]?[reason]
      a.advice = reason.advice
    }
    return a
  }

  /// Blocklists named in the window's outbound replies that the baseline days never named.
  static func newBlocklists(
    _ input: AlertInput, _ baseline: Baseline, _ t: AlertThresholds, _ zone: LocalZone
  ) -> [Alert] {
    var alerts: [Alert] = []
    for (list, seen) in input.blocklists.sorted(by: { $0.key.rawValue < $1.key.rawValue })
    where seen.count >= t.blocklistMinHits && !baseline.blocklists.contains(list) {
      var message = "\(list.displayName) named us in \(seen.count) replies"
      if seen.firstHour != .max { message += " since \(zone.timestamp(seen.firstHour * 3600))" }
      message += "; not seen in \(baseline.label)"
      var a = Alert(
        kind: .newBlocklist, subjectKind: "blocklist", subject: list.rawValue,
        baseline: baseline.label, message: message)
      a.reason = .blocklisted
      a.events = seen.count
      a.onsetHour = seen.firstHour == .max ? nil : seen.firstHour
      a.example = input.blocklistExample
      a.advice = Reason.blocklisted.advice
      alerts.append(a)
    }
    return alerts
  }
}
