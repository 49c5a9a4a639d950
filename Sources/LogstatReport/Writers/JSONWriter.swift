/// Writes the report as one JSON document (schema documented in docs/json-schema.md).
public enum JSONWriter {
  /// The report as one JSON document with a final newline.
  public static func render(_ m: ReportModel, options: ReportOptions = ReportOptions(top: nil)) -> String {
    document(m, options: options).rendered()
  }

  /// Writes the report as `render` would, to `sink` in pieces as it is made: neither the
  /// document's text nor a value per domain is held whole.
  public static func write(_ m: ReportModel, options: ReportOptions = ReportOptions(top: nil), to sink: JSONSink) throws {
    try document(m, options: options).write(to: sink)
  }

  /// The JSON value of the report: the header keys always, then the keys of each selected
  /// section, in the documented order.
  public static func document(_ m: ReportModel, options o: ReportOptions = ReportOptions(top: nil)) -> JSON {
    let all: [(String, JSON, ReportSection?)] = [
      ("schema", .string("logstat/\(ReportModel.schemaVersion)"), nil),
      ("generated_at", .string(m.generatedAt), nil),
      ("time_zone", .string(m.timeZone), nil),
      ("window", .optional(m.window), nil),
      ("first_event", .optional(m.firstEvent), nil),
      ("last_event", .optional(m.lastEvent), nil),
      ("files", .array(m.files.map(file)), nil),
      ("problems", .array(m.problems.map { .string($0) }), nil),
      ("lines", lines(m.lines), nil),
      ("summary", summary(m.summary), .summary),
      ("domains", rows(o.cut(m.domains), domain), .domains),
      ("dsn_codes", .array(o.cut(m.dsnCodes).map(code)), .codes),
      ("reply_codes", .array(o.cut(m.replyCodes).map(code)), .codes),
      ("senders", .array(o.cut(m.senders).map(sender)), .senders),
      ("inbound", inbound(m.inbound, o), .inbound),
      ("timeline", .array(m.timeline.map(hour)), .timeline),
      ("reasons", .array(m.reasons.map(reason)), .reasons),
      ("providers", .array(o.cut(m.providers).map(provider)), .providers),
      ("blocklists", .array(m.blocklists.map(blocklist)), .reputation),
      ("reputation", reputation(m.reputation, o), .reputation),
      ("health", health(m.health, o), .health),
      ("traffic", traffic(m.traffic, o), .traffic),
      ("sections", .array(o.sections.map { .string($0.rawValue) }), nil),
      ("alerts", .array(m.alerts.map(alert)), .alerts),
      ("counts", m.counts, nil),
    ]
    return .object(all.filter { $0.2.map(o.shows) ?? true }.map { ($0.0, $0.1) })
  }

  /// `rows` as an array made one element at a time while it is written.
  static func rows<Rows: RandomAccessCollection & Sendable>(
    _ rows: Rows, _ json: @escaping @Sendable (Rows.Element) -> JSON
  ) -> JSON where Rows.Index == Int {
    let start = rows.startIndex
    return .elements(JSONElements(count: rows.count) { json(rows[start + $0]) })
  }

  static func named(_ rows: [NamedRow], _ o: ReportOptions, bytes: Bool = false) -> JSON {
    .array(o.cut(rows).map { namedRow($0, bytes: bytes) })
  }

  /// Addresses with counts and bytes, each made as it is written.
  static func named(_ rows: ReportRows<NamedRow>, _ o: ReportOptions) -> JSON {
    self.rows(o.cut(rows)) { namedRow($0, bytes: true) }
  }

  /// `{name, count[, count_error][, bytes[, bytes_error]]}`: the errors only when the table
  /// overflowed its bound (then `count` is an upper bound and `count - count_error` a lower one).
  static func namedRow(_ r: NamedRow, bytes: Bool) -> JSON {
    var fields: [(String, JSON)] = [("name", .string(r.name)), ("count", .int(r.count))]
    if let e = r.countError { fields.append(("count_error", .int(e))) }
    if bytes {
      fields.append(("bytes", .int(r.bytes)))
      if let e = r.bytesError { fields.append(("bytes_error", .int(e))) }
    }
    return .object(fields)
  }

  static func tlsShares(_ rows: [TLSShareRow], _ o: ReportOptions) -> JSON {
    .array(o.cut(rows).map {
      .object([("name", .string($0.name)), ("delivered", .int($0.delivered)), ("over_tls", .int($0.overTLS))])
    })
  }

  static func health(_ h: HealthSection, _ o: ReportOptions) -> JSON {
    .object([
      ("auth_failures", .int(h.authFailures)),
      ("auth_failures_by_client", named(h.authByClient, o)),
      ("auth_failures_by_user", named(h.authByUser, o)),
      ("log_lines", .object([
        ("warning", .int(h.warnings)), ("error", .int(h.errors)), ("fatal", .int(h.fatals)), ("panic", .int(h.panics)),
      ])),
      ("log_groups", .array(o.cut(h.logGroups).map {
        .object([("group", .string($0.group)), ("count", .int($0.count)), ("example", .string($0.example))])
      })),
      ("tls", .object([
        ("outbound_sessions", .int(h.tlsOutbound)), ("inbound_sessions", .int(h.tlsInbound)),
        ("failures", .int(h.tlsFailures)), ("outbound_by_relay", named(h.tlsByRelay, o)),
        ("delivered_by_domain", tlsShares(h.tlsByDomain, o)), ("delivered_by_provider", tlsShares(h.tlsByProvider, o)),
      ])),
      ("postscreen", .object([
        ("pregreet", .int(h.pregreet)), ("dnsbl_rank", .int(h.dnsblRank)), ("hangup", .int(h.hangup)),
        ("command_limit", .int(h.commandLimit)),
      ])),
      ("connections", .int(h.connections)),
      ("connections_by_client", named(h.connectionsByClient, o)),
      ("admin_removed_messages", .int(h.adminRemovedMessages)),
      ("removed_recipients", .int(h.removedRecipients)),
      ("frozen", .int(h.frozen)), ("frozen_skipped", .int(h.frozenSkipped)), ("unfrozen", .int(h.unfrozen)),
      ("special_deliveries", .array(h.special.map {
        .object([
          ("kind", .string($0.kind)), ("delivered", .int($0.delivered)), ("deferred", .int($0.deferred)),
          ("failed", .int($0.failed)),
        ])
      })),
    ])
  }

  static func traffic(_ t: TrafficSection, _ o: ReportOptions) -> JSON {
    .object([
      ("received", .int(t.received)), ("delivered", .int(t.delivered)), ("forwarded", .int(t.forwarded)),
      ("deferred", .int(t.deferred)), ("bounced", .int(t.bounced)), ("rejected", .int(t.rejected)),
      ("reject_warnings", .int(t.rejectWarnings)), ("held", .int(t.held)), ("discarded", .int(t.discarded)),
      ("bytes_received", .int(t.bytesReceived)), ("bytes_delivered", .int(t.bytesDelivered)),
      ("senders", .int(t.senders)), ("sending_domains", .int(t.sendingDomains)),
      ("recipients", .int(t.recipients)), ("recipient_domains", .int(t.recipientDomains)),
    ] + (t.addressesExact ? [] : [("addresses_exact", JSON.bool(false))]) + [
      ("top_senders_by_count", named(t.sendersByCount, o)),
      ("top_senders_by_size", named(t.sendersBySize, o)),
      ("top_recipients_by_count", named(t.recipientsByCount, o)),
      ("top_recipients_by_size", named(t.recipientsBySize, o)),
      ("days", .array(t.days.map {
        .object([
          ("day", .string($0.day)), ("received", .int($0.received)), ("delivered", .int($0.delivered)),
          ("deferred", .int($0.deferred)), ("bounced", .int($0.bounced)), ("expired", .int($0.expired)),
          ("rejected", .int($0.rejected)),
        ])
      })),
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
      ("address_probes", .int(l.probes)), ("damaged", .int(l.damaged)),
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
      ("still_deferred", .int(p.stillDeferred)),
      ("delay_median_seconds", .optional(p.delayMedianSeconds)),
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
      ("hard_bounced", .int(s.hardBounced)), ("hard_bounce_rate", .optional(s.hardBounceRate)),
    ])
  }

  static func inbound(_ i: InboundSection, _ o: ReportOptions) -> JSON {
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
      (
        "clients",
        .array(
          o.cut(i.clients).map {
            var fields: [(String, JSON)] = [("client", .string($0.client)), ("count", .int($0.count))]
            if let e = $0.countError { fields.append(("count_error", .int(e))) }
            fields.append(("top_reason", .optional($0.topReason)))
            return .object(fields)
          })
      ),
      ("by_reason", counts(i.byReason, key: "reason")),
    ])
  }

  static func hour(_ h: HourRow) -> JSON {
    .object([
      ("hour", .string(h.hour)), ("delivered", .int(h.delivered)), ("deferred", .int(h.deferred)),
      ("bounced", .int(h.bounced)), ("expired", .int(h.expired)), ("rejected", .int(h.rejected)),
    ])
  }
}

extension JSONWriter {
  /// `[{key: name, count: n}]`.
  static func counts(_ rows: [CountRow], key: String) -> JSON {
    .array(rows.map { .object([(key, .string($0.name)), ("count", .int($0.count))]) })
  }

  static func reputation(_ r: ReputationSection, _ o: ReportOptions) -> JSON {
    .object([
      (
        "listings",
        .array(
          o.cut(r.listings).map {
            .object([
              ("blocklist", .string($0.blocklist)), ("name", .string($0.name)),
              ("address", .optional($0.address)), ("count", .int($0.count)),
              ("first_seen", .optional($0.firstSeen)), ("last_seen", .optional($0.lastSeen)),
              ("domains", .array($0.domains.map { .string($0) })),
            ])
          })
      ),
      (
        "issues",
        .array(
          r.issues.map {
            .object([
              ("category", .string($0.category.rawValue)), ("reason", .string($0.category.reason)),
              ("title", .string($0.category.title)), ("failed", .int($0.failed)),
              ("deferred", .int($0.deferred)), ("domain_count", .int($0.domainCount)),
              ("domains", counts($0.domains, key: "domain")),
              ("providers", .array($0.providers.map { .string($0) })),
              ("advice", .string($0.advice)),
            ])
          })
      ),
      ("hygiene", hygiene(r.hygiene, o)),
    ])
  }

  static func hygiene(_ h: HygieneSection, _ o: ReportOptions) -> JSON {
    .object([
      ("hard_bounced", .int(h.hardBounced)), ("final_outcomes", .int(h.finalOutcomes)),
      ("share", .optional(h.share)),
      ("level", .string(HygieneSection.level(share: h.share, outcomes: h.finalOutcomes))),
      ("by_reason", counts(h.byReason, key: "reason")),
      (
        "senders",
        .array(
          o.cut(h.senders).map {
            .object([
              ("domain", .string($0.domain)), ("final_outcomes", .int($0.finalOutcomes)),
              ("hard_bounced", .int($0.hardBounced)), ("share", .optional($0.share)),
              ("level", .string($0.level)),
            ])
          })
      ),
      ("advice", .string(h.advice)),
    ])
  }
}
