/// The health and traffic sections as plain tables (title, columns, rows of text), cut to
/// `--top`; the text, Markdown, HTML and CSV writers only lay them out.
struct PlainTable {
  var title: String
  var columns: [String]
  /// Columns holding numbers (right-aligned).
  var numeric: Set<Int>
  var rows: [[String]]
  /// Rows before the cut.
  var total: Int
}

extension HealthSection {
  func tables(_ o: ReportOptions) -> [PlainTable] {
    var out: [PlainTable] = []
    out.append(
      PlainTable(
        title: "Security and health", columns: ["what", "count"], numeric: [1],
        rows: [
          ["failed SMTP AUTH (password guessing)", "\(authFailures)"],
          ["warning lines", "\(warnings)"], ["error lines", "\(errors)"],
          ["fatal lines", "\(fatals)"], ["panic lines", "\(panics)"],
          ["TLS sessions out", "\(tlsOutbound)"], ["TLS sessions in", "\(tlsInbound)"],
          ["TLS failures", "\(tlsFailures)"],
          ["postscreen PREGREET", "\(pregreet)"], ["postscreen DNSBL rank", "\(dnsblRank)"],
          ["postscreen HANGUP", "\(hangup)"], ["postscreen COMMAND LIMIT", "\(commandLimit)"],
          ["smtpd connections", "\(connections)"],
          ["messages removed by the admin", "\(adminRemovedMessages)"],
          ["recipients removed by the admin", "\(removedRecipients)"],
          ["frozen (Exim)", "\(frozen)"], ["queue runs skipping a frozen message", "\(frozenSkipped)"],
          ["unfrozen (Exim)", "\(unfrozen)"],
        ], total: 18))
    func named(_ title: String, _ what: String, _ rows: [NamedRow]) {
      guard !rows.isEmpty else { return }
      if rows.first?.countError != nil {
        out.append(
          PlainTable(
            title: title + NamedRow.boundedNote, columns: [what, "count", "count error"], numeric: [1, 2],
            rows: o.cut(rows).map { [$0.name, "\($0.count)", "\($0.countError ?? 0)"] }, total: rows.count))
        return
      }
      out.append(
        PlainTable(
          title: title, columns: [what, "count"], numeric: [1],
          rows: o.cut(rows).map { [$0.name, "\($0.count)"] }, total: rows.count))
    }
    named("Failed SMTP AUTH by client", "client", authByClient)
    named("Failed SMTP AUTH by user name", "user", authByUser)
    if !logGroups.isEmpty {
      out.append(
        PlainTable(
          title: "Warnings, errors, fatal and panic lines by kind", columns: ["kind", "count", "example"],
          numeric: [1], rows: o.cut(logGroups).map { [$0.group, "\($0.count)", $0.example] },
          total: logGroups.count))
    }
    named("Outbound TLS sessions by relay host", "relay", tlsByRelay)
    func shares(_ title: String, _ what: String, _ rows: [TLSShareRow]) {
      guard !rows.isEmpty else { return }
      out.append(
        PlainTable(
          title: title, columns: [what, "delivered", "over TLS", "TLS share"], numeric: [1, 2, 3],
          rows: o.cut(rows).map { [$0.name, "\($0.delivered)", "\($0.overTLS)", $0.share] }, total: rows.count))
    }
    shares("Deliveries over TLS by recipient domain (Exim X=)", "domain", tlsByDomain)
    shares("Deliveries over TLS by provider (Exim X=)", "provider", tlsByProvider)
    named("smtpd connections by client host", "client", connectionsByClient)
    if !special.isEmpty {
      out.append(
        PlainTable(
          title: "Exim special deliveries (no mailbox domain)", columns: ["kind", "delivered", "deferred", "failed"],
          numeric: [1, 2, 3], rows: special.map { [$0.kind, "\($0.delivered)", "\($0.deferred)", "\($0.failed)"] },
          total: special.count))
    }
    return out
  }
}

extension TrafficSection {
  func tables(_ o: ReportOptions) -> [PlainTable] {
    var out: [PlainTable] = []
    out.append(
      PlainTable(
        title: "Traffic", columns: ["what", "count"], numeric: [1],
        rows: [
          ["received", "\(received)"], ["delivered", "\(delivered)"], ["forwarded", "\(forwarded)"],
          ["deferred", "\(deferred)"], ["bounced", "\(bounced)"], ["rejected", "\(rejected)"],
          ["reject warnings", "\(rejectWarnings)"], ["held", "\(held)"], ["discarded", "\(discarded)"],
          ["bytes received", "\(bytesReceived)"], ["bytes delivered", "\(bytesDelivered)"],
          [addressesExact ? "senders" : "senders (at least)", "\(senders)"],
          [addressesExact ? "sending domains" : "sending domains (at least)", "\(sendingDomains)"],
          [addressesExact ? "recipients" : "recipients (at least)", "\(recipients)"],
          [addressesExact ? "recipient domains" : "recipient domains (at least)", "\(recipientDomains)"],
        ], total: 15))
    func named(_ title: String, _ rows: ReportRows<NamedRow>) {
      guard !rows.isEmpty else { return }
      if rows.first?.countError != nil {
        out.append(
          PlainTable(
            title: title + NamedRow.boundedNote,
            columns: ["address", "messages", "messages error", "bytes", "bytes error"], numeric: [1, 2, 3, 4],
            rows: o.cut(rows).map {
              [$0.name.isEmpty ? "<>" : $0.name, "\($0.count)", "\($0.countError ?? 0)", "\($0.bytes)", "\($0.bytesError ?? 0)"]
            },
            total: rows.count))
        return
      }
      out.append(
        PlainTable(
          title: title, columns: ["address", "messages", "bytes"], numeric: [1, 2],
          rows: o.cut(rows).map { [$0.name.isEmpty ? "<>" : $0.name, "\($0.count)", "\($0.bytes)"] },
          total: rows.count))
    }
    named("Senders by message count", sendersByCount)
    named("Senders by message size", sendersBySize)
    named("Recipients by message count", recipientsByCount)
    named("Recipients by message size", recipientsBySize)
    if !days.isEmpty {
      out.append(
        PlainTable(
          title: "Per day", columns: ["day", "received", "delivered", "deferred", "bounced", "expired", "rejected"],
          numeric: [1, 2, 3, 4, 5, 6],
          rows: days.map {
            [$0.day, "\($0.received)", "\($0.delivered)", "\($0.deferred)", "\($0.bounced)", "\($0.expired)", "\($0.rejected)"]
          }, total: days.count))
    }
    return out
  }
}

extension NamedRow {
  /// Title suffix of a table whose names overflowed their bound.
  static let boundedNote =
    " (more distinct names than the table keeps: counts are upper bounds, true values at most the error below)"
}
