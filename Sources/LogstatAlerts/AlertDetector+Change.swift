import LogstatClassify

/// A rise found in one subject's hourly series: from the onset on, `events` of `attempts`
/// against a baseline rate.
struct Change {
  var splitHour: Int64
  var onsetHour: Int64
  var events: Int
  var attempts: Int
  var baselineEvents: Int
  var baselineAttempts: Int
  var baselineRate: Double
  var pValue: Double
  var reason: Reason?
  /// Set for a baseline taken from the window itself: the first hour not in it.
  var withinWindow: Bool

  var rate: Double { Double(events) / Double(attempts) }
}

extension AlertDetector {
  /// The strongest rise of `metric` against a fixed baseline rate (from history), placing the
  /// onset where a step up from the baseline fits best; nil when it is not alert-worthy.
  static func riseAgainst(
    _ base: Tally, _ series: SubjectSeries, _ metric: AlertMetric, _ t: AlertThresholds
  ) -> Change? {
    let p0 = smoothedRate(base.events(metric), base.attempts)
    let hours = series.hours.keys.sorted()
    var suffix = HourCounts()
    var best: (index: Int, llr: Double, tally: HourCounts)?
    for index in hours.indices.reversed() {
      suffix.merge(series.hours[hours[index]]!)
      let llr = BinomialTest.logLikelihoodRatio(
        k: suffix.events(metric), n: suffix.attempts, p: p0)
      if llr > 0, llr >= (best?.llr ?? 0) { best = (index, llr, suffix) }
    }
    guard let best else { return nil }
    return judge(
      best.tally, metric, p0: p0, baseEvents: base.events(metric), baseAttempts: base.attempts,
      tried: hours.count, split: hours[best.index], series: series, t, withinWindow: false)
  }

  /// The strongest rise of `metric` after some hour against the window's earlier hours, for a
  /// subject without history; nil when none is alert-worthy.
  static func riseWithin(
    _ series: SubjectSeries, _ metric: AlertMetric, _ t: AlertThresholds
  ) -> Change? {
    let hours = series.hours.keys.sorted()
    guard hours.count >= 2 else { return nil }
    var prefixes: [HourCounts] = [HourCounts()]
    for h in hours {
      var next = prefixes[prefixes.count - 1]
      next.merge(series.hours[h]!)
      prefixes.append(next)
    }
    let total = prefixes[hours.count]
    var best: (index: Int, llr: Double, p0: Double)?
    var tried = 0
    for index in 1..<hours.count where prefixes[index].attempts >= t.minEarlierAttempts {
      tried += 1
      let before = prefixes[index]
      let p0 = smoothedRate(before.events(metric), before.attempts)
      let after = total.minus(before)
      let llr = BinomialTest.logLikelihoodRatio(k: after.events(metric), n: after.attempts, p: p0)
      if llr > 0, llr > (best?.llr ?? 0) { best = (index, llr, p0) }
    }
    guard let best else { return nil }
    let before = prefixes[best.index]
    return judge(
      total.minus(before), metric, p0: best.p0, baseEvents: before.events(metric),
      baseAttempts: before.attempts, tried: tried, split: hours[best.index], series: series, t,
      withinWindow: true)
  }

  /// Applies the thresholds to the lines after a split; returns the change when it passes.
  static func judge(
    _ after: HourCounts, _ metric: AlertMetric, p0: Double, baseEvents: Int, baseAttempts: Int,
    tried: Int, split: Int64, series: SubjectSeries, _ t: AlertThresholds, withinWindow: Bool
  ) -> Change? {
    let k = after.events(metric)
    let n = after.attempts
    guard n > 0, k >= t.minEvents else { return nil }
    let q = Double(k) / Double(n)
    guard q - p0 >= t.minRise, q >= t.minRatio * p0 else { return nil }
    let p = Swift.min(1, BinomialTest.upperTail(k: k, n: n, p: p0) * Double(Swift.max(tried, 1)))
    guard p < t.maxPValue else { return nil }
    let onset =
      series.hours.keys.sorted().first { $0 >= split && series.hours[$0]!.events(metric) > 0 }
      ?? split
    return Change(
      splitHour: split, onsetHour: onset, events: k, attempts: n, baselineEvents: baseEvents,
      baselineAttempts: baseAttempts, baselineRate: p0, pValue: p,
      reason: series.failures(from: split).topReason(metric), withinWindow: withinWindow)
  }

  /// (k + 1) / (n + 2): a rate that is never 0 or 1, so a clean baseline still allows a test.
  static func smoothedRate(_ k: Int, _ n: Int) -> Double {
    (Double(k) + 1) / (Double(n) + 2)
  }
}
