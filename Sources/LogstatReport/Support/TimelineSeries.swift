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

  /// Hours per bucket we round up to, so buckets read as whole days or parts of them.
  static let steps = [1, 2, 3, 4, 6, 12, 24, 48, 168, 336, 720, 2160, 8760]

  /// Buckets over `rows` (sorted by start), at most `maxBuckets` of them.
  init(_ rows: [HourRow], maxBuckets: Int) {
    guard let first = rows.first?.start, let last = rows.last?.start else { return }
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
}
