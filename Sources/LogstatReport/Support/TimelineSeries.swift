import LogstatTime

/// The timeline as evenly spaced buckets of whole hours, empty hours included, for charts.
struct TimelineSeries {
  /// One bucket: the hours from `start` (epoch seconds) on.
  struct Bucket: Equatable {
    var start: Int64
    /// The local hour label of the bucket's first hour with events, or nil when empty.
    var label: String?
    var delivered = 0
    var deferred = 0
    var bounced = 0
    var expired = 0
    var rejected = 0
    /// Final failures in the bucket: bounced and expired.
    var failed: Int { bounced + expired }
    var total: Int { delivered + deferred + bounced + expired + rejected }
  }

  var buckets: [Bucket] = []
  /// Hours per bucket.
  var hours = 1
  /// Seconds east of UTC of the rows' local labels (read from the first row).
  var utcOffset = 0

  /// Hours per bucket we round up to, so buckets read as whole days or parts of them.
  static let steps = [1, 2, 3, 4, 6, 12, 24, 48, 168, 336, 720, 2160, 8760]

  /// Buckets over `rows` (sorted by start), at most `maxBuckets` of them.
  init(_ rows: [HourRow], maxBuckets: Int) {
    guard let first = rows.first?.start, let last = rows.last?.start else { return }
    utcOffset = TimelineSeries.offset(of: rows[0])
    let span = Int((last - first) / 3600) + 1
    let needed = (span + max(1, maxBuckets) - 1) / max(1, maxBuckets)
    hours = TimelineSeries.steps.first { $0 >= needed } ?? needed
    let count = (span + hours - 1) / hours
    buckets = (0..<count).map { Bucket(start: first + Int64($0 * hours) * 3600) }
    for row in rows {
      let k = Int((row.start - first) / 3600) / hours
      guard k >= 0, k < buckets.count else { continue }
      if buckets[k].label == nil { buckets[k].label = row.hour }
      buckets[k].delivered += row.delivered
      buckets[k].deferred += row.deferred
      buckets[k].bounced += row.bounced
      buckets[k].expired += row.expired
      buckets[k].rejected += row.rejected
    }
  }

  /// `1 hour`, `6 hours`, `1 day`, `1 week`.
  var bucketName: String {
    switch hours {
    case 1: "1 hour"
    case 24: "1 day"
    case 168: "1 week"
    case let h where h % 24 == 0: "\(h / 24) days"
    default: "\(hours) hours"
    }
  }

  /// A one-line bar chart of `values`: ` ` for zero, then eight block heights up to the max.
  static func sparkline(_ values: [Int]) -> String {
    let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let top = values.max() ?? 0
    return String(
      values.map { v -> Character in
        guard v > 0, top > 0 else { return " " }
        let level = (v * 8 + top - 1) / top
        return blocks[min(7, max(0, level - 1))]
      })
  }

  /// One time tick: where (in buckets from the first bucket's start) and its label.
  struct Tick: Equatable {
    var offset: Double
    var label: String
  }

  /// At most `maxTicks` ticks at regular local times: every 1, 2, 3, 6 or 12 hours, or every
  /// 1, 2 or 7 days at midnight. A tick at midnight (and the first) shows the date, the
  /// others `HH:00`, so labels never repeat the date and never crowd each other.
  func ticks(maxTicks: Int) -> [Tick] {
    guard let first = buckets.first?.start else { return [] }
    let end = first + Int64(buckets.count * hours) * 3600
    let spanHours = Int((end - first) / 3600)
    let step = [1, 2, 3, 6, 12, 24, 48, 168, 336, 720, 2160, 8760].first { spanHours / $0 < max(2, maxTicks) } ?? 8760
    let stepSeconds = Int64(step) * 3600
    let offset = Int64(utcOffset)
    // The first local time at or after `first` that is a multiple of the step (days count
    // from local midnight).
    var t = ((first + offset + stepSeconds - 1) / stepSeconds) * stepSeconds - offset
    func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var out: [Tick] = []
    while t <= end {
      let c = Civil.civil(epoch: t, utcOffset: utcOffset)
      let date = "\(c.year)-\(pad(c.month))-\(pad(c.day))"
      let time = "\(pad(c.hour)):00"
      let label: String
      if step >= 24 || c.hour == 0 {
        label = date
      } else {
        label = out.isEmpty ? "\(date) \(time)" : time
      }
      out.append(Tick(offset: Double(t - first) / Double(hours * 3600), label: label))
      t += stepSeconds
    }
    return out
  }

  /// Seconds east of UTC at which `row.hour` (`YYYY-MM-DD HH:00`, local) names `row.start`.
  static func offset(of row: HourRow) -> Int {
    let parts = row.hour.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    guard parts.count >= 4 else { return 0 }
    let local = Civil.epoch(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: 0, second: 0)
    return Int(local - row.start)
  }
}
