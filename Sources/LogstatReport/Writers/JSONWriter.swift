/// Writes the report as one JSON document (schema documented in docs/json-schema.md).
public enum JSONWriter {
  public static func render(_ m: ReportModel) -> String {
    document(m).rendered()
  }

  /// The JSON value of the whole report.
  public static func document(_ m: ReportModel) -> JSON {
    .object([
      ("schema", .string("logstat/\(ReportModel.schemaVersion)")),
      ("generated_at", .string(m.generatedAt)),
      ("time_zone", .string(m.timeZone)),
      ("window", .optional(m.window)),
      ("first_event", .optional(m.firstEvent)),
      ("last_event", .optional(m.lastEvent)),
      ("files", .array(m.files.map(file))),
      ("problems", .array(m.problems.map { .string($0) })),
      ("lines", lines(m.lines)),
      ("summary", summary(m.summary)),
      ("domains", .array(m.domains.map(domain))),
      ("dsn_codes", .array(m.dsnCodes.map(code))),
      ("reply_codes", .array(m.replyCodes.map(code))),
      ("senders", .array(m.senders.map(sender))),
      ("inbound", inbound(m.inbound)),
      ("timeline", .array(m.timeline.map(hour))),
      ("reasons", .array(m.reasons.map(reason))),
      ("providers", .array(m.providers.map(provider))),
      ("blocklists", .array(m.blocklists.map(blocklist))),
      ("alerts", .array(m.alerts.map(alert))),
    ])
  }

  static func file(_ f: FileRow) -> JSON {
    .object([
      ("path", .string(f.path)), ("gzip", .bool(f.gzip)), ("bytes", .int(Int(f.bytes))),
      ("lines", .int(f.lines)), ("not_mail", .int(f.notMail)), ("skipped", .int(f.skipped)),
      ("truncated_lines", .int(f.truncatedLines)), ("outside_window", .int(f.outsideWindow)),
      ("error", .optional(f.error)), ("skip_reason", .optional(f.skipReason)),
    ])
  }

  static func lines(_ l: LineSummary) -> JSON {
    .object([
      ("total", .int(l.total)), ("recognised", .int(l.recognised)),
      ("not_mail", .int(l.notMail)), ("skipped", .int(l.skipped)),
      ("address_probes", .int(l.probes)),
    ])
  }

  static func summary(_ s: Summary) -> JSON {
    .object([
      ("messages_received", .int(s.messagesReceived)),
      ("notifications_sent", .int(s.notificationsSent)),
      ("bytes_received", .int(s.bytesReceived)),
      ("recipients", .int(s.recipients)),
      ("attempts", .int(s.attempts)),
      ("delivered", .int(s.delivered)),
      ("deferred", .int(s.deferred)),
      ("deferred_recipients", .int(s.deferredRecipients)),
      ("deferred_then_delivered", .int(s.deferredThenDelivered)),
      ("still_deferred", .int(s.stillDeferred)),
      ("bounced", .int(s.bounced)),
      ("expired", .int(s.expired)),
      ("rejected", .int(s.rejected)),
      ("delivery_rate", .optional(s.deliveryRate)),
      ("bounce_rate", .optional(s.bounceRate)),
      ("deferral_rate", .optional(s.deferralRate)),
      ("delay_median_seconds", .optional(s.delayMedianSeconds)),
      ("delay_p95_seconds", .optional(s.delayP95Seconds)),
    ])
  }

  static func domain(_ d: DomainRow) -> JSON {
    .object([
      ("domain", .string(d.domain)), ("attempts", .int(d.attempts)),
      ("recipients", .int(d.recipients)), ("delivered", .int(d.delivered)),
      ("deferred", .int(d.deferred)), ("deferred_recipients", .int(d.deferredRecipients)),
      ("deferred_then_delivered", .int(d.deferredThenDelivered)),
      ("still_deferred", .int(d.stillDeferred)), ("bounced", .int(d.bounced)),
      ("expired", .int(d.expired)), ("rejected", .int(d.rejected)),
      ("notifications", .int(d.notifications)), ("delivery_rate", .optional(d.deliveryRate)),
      ("delay_median_seconds", .optional(d.delayMedianSeconds)),
      ("provider", .string(d.provider)), ("top_reason", .optional(d.topReason)),
    ])
  }

  static func reason(_ r: ReasonRow) -> JSON {
    .object([
      ("reason", .string(r.reason)), ("title", .string(r.title)), ("hard", .bool(r.hard)),
      ("fault", .string(r.fault)), ("failed", .int(r.failed)), ("deferred", .int(r.deferred)),
      ("rejected", .int(r.rejected)), ("share", .optional(r.share)),
      ("top_domains", .array(r.topDomains.map { .string($0) })),
      ("example", .optional(r.example)), ("advice", .string(r.advice)),
    ])
  }

  static func provider(_ p: ProviderRow) -> JSON {
    .object([
      ("provider", .string(p.provider)), ("name", .string(p.name)), ("domains", .int(p.domains)),
      ("attempts", .int(p.attempts)), ("recipients", .int(p.recipients)),
      ("delivered", .int(p.delivered)), ("deferred", .int(p.deferred)),
      ("bounced", .int(p.bounced)), ("expired", .int(p.expired)),
      ("delivery_rate", .optional(p.deliveryRate)), ("top_reason", .optional(p.topReason)),
    ])
  }

  static func blocklist(_ b: BlocklistRow) -> JSON {
    .object([
      ("blocklist", .string(b.blocklist)), ("name", .string(b.name)), ("count", .int(b.count)),
      ("first_seen", .optional(b.firstSeen)), ("last_seen", .optional(b.lastSeen)),
      ("domains", .array(b.domains.map { .string($0) })),
    ])
  }

  static func code(_ c: CodeRow) -> JSON {
    .object([
      ("code", .string(c.code)), ("meaning", .string(c.meaning)), ("sent", .int(c.sent)),
      ("deferred", .int(c.deferred)), ("bounced", .int(c.bounced)),
      ("final_bounced", .int(c.finalBounced)), ("final_expired", .int(c.finalExpired)),
      ("rejected", .int(c.rejected)),
    ])
  }

  static func sender(_ s: SenderRow) -> JSON {
    .object([
      ("domain", .string(s.domain)), ("messages", .int(s.messages)), ("bytes", .int(s.bytes)),
      ("recipients", .int(s.recipients)), ("delivered", .int(s.delivered)),
      ("bounced", .int(s.bounced)), ("expired", .int(s.expired)),
      ("still_deferred", .int(s.stillDeferred)), ("bounce_rate", .optional(s.bounceRate)),
    ])
  }

  static func inbound(_ i: InboundSection) -> JSON {
    .object([
      ("rejected", .int(i.rejected)),
      (
        "by_code",
        .array(
          i.byCode.map {
            .object([
              ("reply_code", $0.replyCode.map { .int($0) } ?? .null), ("dsn", .optional($0.dsn)),
              ("count", .int($0.count)),
            ])
          })
      ),
      ("clients", .array(i.clients.map { .object([("client", .string($0.name)), ("count", .int($0.count))]) })),
    ])
  }

  static func hour(_ h: HourRow) -> JSON {
    .object([
      ("hour", .string(h.hour)), ("delivered", .int(h.delivered)), ("deferred", .int(h.deferred)),
      ("bounced", .int(h.bounced)), ("expired", .int(h.expired)), ("rejected", .int(h.rejected)),
    ])
  }
}
