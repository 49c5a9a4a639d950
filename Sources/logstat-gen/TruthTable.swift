/// The truth file: per recipient domain, what really happened in the generated log.
enum TruthTable {
  /// Column names, the sample's `summary-by-domain-*.tsv` columns plus `still_deferred`.
  static let header = [
    "domain", "recipients", "delivered", "deferred_then_sent", "bounced", "expired",
    "deferral_lines_in_log", "rejected", "dsn_notifications", "still_deferred",
  ]

  /// The TSV text: a header, one row per domain with any count (sorted by name), and TOTAL.
  static func tsv(_ truth: [DomainTruth], domains: DomainTable) -> String {
    var rows: [(String, DomainTruth)] = []
    var total = DomainTruth()
    for (i, t) in truth.enumerated() where t != DomainTruth() {
      rows.append((ByteArena.string(domains.domains[i].name), t))
      total.add(t)
    }
    rows.sort { $0.0 < $1.0 }
    var text = header.joined(separator: "\t") + "\n"
    for (name, t) in rows { text += name + "\t" + t.columns + "\n" }
    text += "TOTAL\t" + total.columns + "\n"
    return text
  }

  /// Sums all domains.
  static func total(_ truth: [DomainTruth]) -> DomainTruth {
    var total = DomainTruth()
    for t in truth { total.add(t) }
    return total
  }
}

extension DomainTruth {
  /// Adds another domain's counts.
  mutating func add(_ o: DomainTruth) {
    recipients += o.recipients
    delivered += o.delivered
    deferredThenSent += o.deferredThenSent
    bounced += o.bounced
    expired += o.expired
    deferralLines += o.deferralLines
    rejected += o.rejected
    dsnNotifications += o.dsnNotifications
    stillDeferred += o.stillDeferred
  }

  /// The numeric columns, tab-separated, in `TruthTable.header` order.
  var columns: String {
    [recipients, delivered, deferredThenSent, bounced, expired, deferralLines, rejected,
     dsnNotifications, stillDeferred].map(String.init).joined(separator: "\t")
  }
}
