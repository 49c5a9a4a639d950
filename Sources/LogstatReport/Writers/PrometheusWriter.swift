/// Writes the report as node_exporter textfile-collector metrics: `logstat_` names, `# HELP` and
/// `# TYPE` before each family, escaped label values, and bounded label sets (the top N
/// domains and codes by problem size, the rest added up under `other`).
///
/// Every value describes the report's window, so every family is a gauge: a later run over
/// another window may give smaller numbers, which a counter must never do.
public enum PrometheusWriter {
  /// The selected sections as exposition-format gauges.
  public static func render(_ m: ReportModel, options o: ReportOptions = ReportOptions()) -> String {
    var w = Exposition()
    w.family("logstat_report_generated_timestamp_seconds", "When the report was made (Unix time).")
    w.sample([], Double(m.generatedEpoch))
    if let last = m.lastEventEpoch {
      w.family("logstat_last_event_timestamp_seconds", "Time of the latest counted log event (Unix time).")
      w.sample([], Double(last))
    }
    for section in o.sections {
      switch section {
      case .alerts: alerts(m, &w)
      case .summary: summary(m, &w)
      case .domains: domains(m, o, &w)
      case .providers: providers(m, &w)
      case .codes: codes(m, o, &w)
      case .reasons: reasons(m, &w)
      case .reputation: reputation(m, &w)
      case .inbound: inbound(m, &w)
      case .health: health(m, &w)
      case .traffic: traffic(m, &w)
      case .senders, .timeline: break
      }
    }
    return w.out
  }

  /// Security and health totals (no per-client labels: their number is unbounded).
  static func health(_ m: ReportModel, _ w: inout Exposition) {
    let h = m.health
    w.family("logstat_auth_failures", "Failed SMTP AUTH attempts (password guessing).")
    w.sample([], h.authFailures)
    w.family("logstat_log_lines", "warning, error, fatal and panic lines written by the mail servers.")
    for (severity, n) in [("warning", h.warnings), ("error", h.errors), ("fatal", h.fatals), ("panic", h.panics)] {
      w.sample([("severity", severity)], n)
    }
    w.family("logstat_tls_sessions", "TLS sessions set up, by direction.")
    w.sample([("direction", "outbound")], h.tlsOutbound)
    w.sample([("direction", "inbound")], h.tlsInbound)
    w.family("logstat_tls_failures", "TLS handshakes or sessions that failed.")
    w.sample([], h.tlsFailures)
    w.family("logstat_postscreen_events", "postscreen verdicts, by kind.")
    for (kind, n) in [("pregreet", h.pregreet), ("dnsbl_rank", h.dnsblRank), ("hangup", h.hangup), ("command_limit", h.commandLimit)] {
      w.sample([("kind", kind)], n)
    }
    w.family("logstat_smtpd_connections", "Connections to smtpd.")
    w.sample([], h.connections)
    w.family("logstat_admin_removed_recipients", "Recipients of messages the admin removed from the queue.")
    w.sample([], h.removedRecipients)
  }

  /// pflogsumm's totals.
  static func traffic(_ m: ReportModel, _ w: inout Exposition) {
    let t = m.traffic
    w.family("logstat_bytes", "Bytes of messages received and delivered (each delivered recipient counts its message).")
    w.sample([("direction", "received")], t.bytesReceived)
    w.sample([("direction", "delivered")], t.bytesDelivered)
    w.family("logstat_policy_actions", "Messages held, discarded, forwarded, and reject warnings.")
    for (action, n) in [("held", t.held), ("discarded", t.discarded), ("forwarded", t.forwarded), ("reject_warning", t.rejectWarnings)] {
      w.sample([("action", action)], n)
    }
    w.family("logstat_distinct", "Distinct senders, sending domains, recipients and recipient domains.")
    for (what, n) in [("senders", t.senders), ("sending_domains", t.sendingDomains), ("recipients", t.recipients), ("recipient_domains", t.recipientDomains)] {
      w.sample([("what", what)], n)
    }
  }

  /// One gauge per alert kind, zero when none was raised, so an alerting rule can watch it.
  static func alerts(_ m: ReportModel, _ w: inout Exposition) {
    w.family("logstat_alerts", "Alerts raised by this run, by kind (sudden rise, blocks everything, new blocklist, history unavailable).")
    for kind in ["sudden-rise", "blocks-everything", "new-blocklist", "local-errors", "history-unavailable"] {
      w.sample([("kind", kind)], m.alerts.filter { $0.kind == kind }.count)
    }
  }

  static func summary(_ m: ReportModel, _ w: inout Exposition) {
    let s = m.summary
    // Three states that add up to the files named: `read` whole, `error` (read in part or
    // not at all), `skipped` (outside the window, unread).
    let failed = m.files.count(where: { $0.error != nil })
    w.family("logstat_files", "Input files by what happened to them (state: read, error, skipped; they add up to the files named).")
    w.sample([("state", "read")], m.filesRead - failed)
    w.sample([("state", "error")], failed)
    w.sample([("state", "skipped")], m.filesSkipped)
    w.family("logstat_input_problems", "Input problems (unreadable, corrupt or truncated input).")
    w.sample([], m.problems.count)
    w.family("logstat_lines", "Log lines read, by what they were.")
    w.sample([("kind", "recognised")], m.lines.recognised)
    w.sample([("kind", "other_mail")], m.lines.skipped)
    w.sample([("kind", "not_mail")], m.lines.notMail)
    w.sample([("kind", "outside_window")], m.linesOutsideWindow)
    w.family("logstat_messages_received", "Messages received (created in the queue).")
    w.sample([], s.messagesReceived)
    w.family("logstat_notifications_sent", "Bounce notifications we sent.")
    w.sample([], s.notificationsSent)
    w.family("logstat_received_bytes", "Bytes of the messages received.")
    w.sample([], s.bytesReceived)
    w.family("logstat_recipients", "Recipients by final outcome.")
    for (status, n) in outcomes(s.delivered, s.bounced, s.expired, s.stillDeferred) {
      w.sample([("status", status)], n)
    }
    // A total and its subset never share a family: `sum()` over a family must mean something.
    w.family("logstat_delivery_attempts", "Delivery attempts (lines: sent, deferred, bounced, expired), all of them.")
    w.sample([], s.attempts)
    w.family("logstat_deferred_attempts", "Deferred delivery attempts (each retry counts); also in logstat_delivery_attempts.")
    w.sample([], s.deferred)
    w.family("logstat_rejected", "Mail refused by our own server before queueing.")
    w.sample([], s.rejected)
    let rates: [(String, String, Double?)] = [
      ("logstat_delivery_ratio", "Delivered / (delivered + bounced + expired).", s.deliveryRate),
      ("logstat_bounce_ratio", "Bounced / (delivered + bounced + expired).", s.bounceRate),
      ("logstat_deferral_ratio", "Deferred attempts / attempts.", s.deferralRate),
    ]
    for (name, help, value) in rates {
      guard let value else { continue }
      w.family(name, help)
      w.sample([], value)
    }
    // Plain gauges: a `quantile` label belongs to a summary, which also needs `_sum` and
    // `_count` over all time; ours describe the window only.
    if let d = s.delayMedianSeconds {
      w.family("logstat_delivery_delay_median_seconds", "Median delivery delay of delivered attempts.")
      w.sample([], d)
    }
    if let d = s.delayP95Seconds {
      w.family("logstat_delivery_delay_p95_seconds", "95th percentile delivery delay of delivered attempts.")
      w.sample([], d)
    }
  }

  static func outcomes(_ delivered: Int, _ bounced: Int, _ expired: Int, _ stillDeferred: Int) -> [(String, Int)] {
    [("delivered", delivered), ("bounced", bounced), ("expired", expired), ("still_deferred", stillDeferred)]
  }

  static func domains(_ m: ReportModel, _ o: ReportOptions, _ w: inout Exposition) {
    let top = o.top ?? m.domains.count
    let shown = m.domains.prefix(top)
    var other = DomainRow(
      domain: "other", attempts: 0, recipients: 0, delivered: 0, deferred: 0, deferredRecipients: 0,
      deferredThenDelivered: 0, stillDeferred: 0, bounced: 0, expired: 0, rejected: 0,
      notifications: 0, deliveryRate: nil, delayMedianSeconds: nil, provider: "other")
    for d in m.domains.dropFirst(top) {
      other.delivered += d.delivered
      other.bounced += d.bounced
      other.expired += d.expired
      other.stillDeferred += d.stillDeferred
      other.deferred += d.deferred
      other.rejected += d.rejected
    }
    let rows = Array(shown) + (m.domains.count > top ? [other] : [])
    w.family("logstat_domain_recipients", "Recipients by recipient domain and final outcome (top domains, the rest as domain=\"other\").")
    for d in rows {
      for (status, n) in outcomes(d.delivered, d.bounced, d.expired, d.stillDeferred) {
        w.sample([("domain", d.domain), ("provider", d.provider), ("status", status)], n)
      }
    }
    w.family("logstat_domain_deferred_attempts", "Deferred delivery attempts by recipient domain.")
    for d in rows { w.sample([("domain", d.domain), ("provider", d.provider)], d.deferred) }
    w.family("logstat_domain_rejected", "Inbound rejects naming a recipient at this domain.")
    for d in rows { w.sample([("domain", d.domain)], d.rejected) }
  }

  static func providers(_ m: ReportModel, _ w: inout Exposition) {
    w.family("logstat_provider_recipients", "Recipients by mailbox provider and final outcome.")
    for p in m.providers {
      for (status, n) in outcomes(p.delivered, p.bounced, p.expired, p.stillDeferred) {
        w.sample([("provider", p.provider), ("status", status)], n)
      }
    }
    w.family("logstat_provider_deferred_attempts", "Deferred delivery attempts by mailbox provider.")
    for p in m.providers { w.sample([("provider", p.provider)], p.deferred) }
  }

  /// Enhanced and basic codes are two views of the same lines, so each has its own family.
  static func codes(_ m: ReportModel, _ o: ReportOptions, _ w: inout Exposition) {
    let families = [
      (m.dsnCodes, "logstat_enhanced_status_code_lines", "enhanced (RFC 3463)"),
      (m.replyCodes, "logstat_basic_status_code_lines", "basic (RFC 5321)"),
    ]
    for (codes, family, kind) in families {
      w.family(family, "Delivery attempts and inbound rejects by \(kind) status code and status (top codes, the rest as code=\"other\").")
      let top = o.top ?? codes.count
      var rows = codes.prefix(top).map { ($0.code, $0) }
      if codes.count > top {
        var other = CodeRow(code: "other", meaning: "", sent: 0, deferred: 0, bounced: 0, finalBounced: 0, finalExpired: 0, rejected: 0)
        for c in codes.dropFirst(top) {
          other.sent += c.sent
          other.deferred += c.deferred
          other.bounced += c.bounced
          other.rejected += c.rejected
        }
        rows.append(("other", other))
      }
      for (code, c) in rows {
        for (status, n) in [("sent", c.sent), ("deferred", c.deferred), ("bounced", c.bounced), ("rejected", c.rejected)] where n > 0 {
          w.sample([("code", code), ("status", status)], n)
        }
      }
    }
  }

  static func reasons(_ m: ReportModel, _ w: inout Exposition) {
    w.family("logstat_reason_recipients", "Recipients that finally failed (bounced or expired), by reason.")
    for r in m.reasons { w.sample([("reason", r.reason), ("kind", r.hard ? "hard" : "soft")], r.failed) }
    w.family("logstat_reason_deferred_attempts", "Deferred delivery attempts by reason.")
    for r in m.reasons { w.sample([("reason", r.reason)], r.deferred) }
  }

  static func reputation(_ m: ReportModel, _ w: inout Exposition) {
    let r = m.reputation
    w.family("logstat_blocklist_replies", "Outbound replies naming a blocklist, by list.")
    var byList: [(String, Int)] = []
    for l in r.listings {
      if let k = byList.firstIndex(where: { $0.0 == l.blocklist }) { byList[k].1 += l.count } else { byList.append((l.blocklist, l.count)) }
    }
    for (list, n) in byList { w.sample([("blocklist", list)], n) }
    w.family("logstat_reputation_issue_recipients", "Recipients that finally failed for a reputation reason, by category.")
    for i in r.issues { w.sample([("category", i.category.rawValue), ("reason", i.category.reason)], i.failed) }
    w.family("logstat_reputation_issue_deferred_attempts", "Deferred attempts for a reputation reason, by category.")
    for i in r.issues { w.sample([("category", i.category.rawValue), ("reason", i.category.reason)], i.deferred) }
    w.family("logstat_hard_bounced_recipients", "Recipients that hard-bounced (address problems).")
    w.sample([], r.hygiene.hardBounced)
    if let share = r.hygiene.share {
      w.family("logstat_hard_bounce_ratio", "Hard bounces / recipients with a final outcome.")
      w.sample([], share)
    }
  }

  static func inbound(_ m: ReportModel, _ w: inout Exposition) {
    w.family("logstat_inbound_rejects", "Mail refused by our own server, by reason.")
    for r in m.inbound.byReason { w.sample([("reason", r.name)], r.count) }
  }
}

/// Builds exposition text: a family's HELP and TYPE lines, then its samples.
struct Exposition {
  var out = ""
  var name = ""

  mutating func family(_ name: String, _ help: String) {
    self.name = name
    out += "# HELP \(name) \(help.replacing("\\", with: "\\\\").replacing("\n", with: "\\n"))\n"
    out += "# TYPE \(name) gauge\n"
  }

  mutating func sample(_ labels: [(String, String)], _ value: Int) {
    line(labels, String(value))
  }

  mutating func sample(_ labels: [(String, String)], _ value: Double) {
    line(labels, value.isFinite ? JSON.number(value) : "NaN")
  }

  private mutating func line(_ labels: [(String, String)], _ value: String) {
    out += name
    if !labels.isEmpty {
      out += "{" + labels.map { "\($0.0)=\"\(PromText.label($0.1))\"" }.joined(separator: ",") + "}"
    }
    out += " " + value + "\n"
  }
}
