import LogstatAggregate
import LogstatClassify
import LogstatScan

/// The `counts` block of a JSON report: every count the report was built from (not rates, not
/// cut by `--top`), so `logstat merge` rebuilds the aggregate and merges reports from several
/// hosts exactly, delays included (as delay histogram buckets).
enum ReportCounts {
  /// Version of the `counts` block; bump on any incompatible change.
  static let version = 1

  /// The counts of `a`, each list sorted by its key so equal aggregates give equal blocks.
  static func encode(_ a: Aggregate) -> JSON {
    .object([
      ("version", .int(version)),
      (
        "lines",
        .object([
          ("total", .int(a.lines.total)), ("by_kind", .array(a.lines.byKind.map { .int($0) })),
          ("probes", .int(a.lines.probes)), ("damaged", .int(a.lines.damaged)),
        ])
      ),
      ("messages_received", .int(a.messagesReceived)),
      ("notifications_sent", .int(a.notificationsSent)),
      ("bytes_received", .int(a.bytesReceived)),
      ("first_epoch", a.firstTime.map { .int(Int($0)) } ?? .null),
      ("last_epoch", a.lastTime.map { .int(Int($0)) } ?? .null),
      ("domains", domains(a)),
      ("senders", senders(a)),
      ("dsn_codes", .array(a.dsnCounters.sorted { $0.key < $1.key }.map { code(Int($0.key), $0.value) })),
      ("reply_codes", .array(a.replyCodeCounters.sorted { $0.key < $1.key }.map { code($0.key, $0.value) })),
      ("inbound", inbound(a)),
      ("hours", .array(a.hours.sorted { $0.key < $1.key }.map { hour($0.key, $0.value) })),
      ("blocklists", .array(a.blocklists.sorted { $0.key.rawValue < $1.key.rawValue }.map {
        stats([("blocklist", .string($0.key.rawValue))], $0.value, a)
      })),
      ("listings", .array(a.listings.sorted {
        ($0.key.blocklist.rawValue, $0.key.address) < ($1.key.blocklist.rawValue, $1.key.address)
      }.map {
        stats([("blocklist", .string($0.key.blocklist.rawValue)), ("address", .string($0.key.address))], $0.value, a)
      })),
      ("events", events(a.events)),
      ("bytes_delivered", .int(a.bytesDelivered)),
      ("sender_addresses", named(a.senderAddresses)),
      ("recipient_addresses", named(a.recipientAddresses)),
    ] + bound("sender_addresses", a.senderAddresses) + bound("recipient_addresses", a.recipientAddresses) + [
      ("examples", .array(Reason.allCases.compactMap { r in
        a.examples[r.ordinal].map {
          .object([("reason", .string(r.rawValue)), ("text", .string($0.text)), ("domain", .string($0.domain))])
        }
      })),
    ])
  }

  /// Every name with a count, bytes or example, sorted by name; each entry made as it is
  /// written (one per recipient address can be millions).
  /// A table that overflowed its bound also gives, per name, `count_error` and `bytes_error`
  /// (the true values are at most that much below `count` and `bytes`).
  static func named(_ n: NamedCounts) -> JSON {
    let ids = n.sortedIDs.filter { n.counts[Int($0)] > 0 || n.bytes[Int($0)] > 0 }
    let exact = n.isExact
    return .elements(JSONElements(count: ids.count) { k in
      let id = Int(ids[k])
      var fields: [(String, JSON)] = [
        ("name", .string(n.names.string(Int32(id)))), ("count", .int(n.counts[id])), ("bytes", .int(n.bytes[id])),
      ]
      if !exact {
        fields.append(("count_error", .int(n.countError(Int32(id)))))
        fields.append(("bytes_error", .int(n.bytesError(Int32(id)))))
      }
      if let e = n.example(Int32(id)) { fields.append(("example", .string(e))) }
      return .object(fields)
    })
  }

  /// `KEY_bound`, only for a table that overflowed its bound: the most a name not listed was
  /// counted (`count_floor`) and had bytes (`bytes_floor`), and how many names were dropped.
  static func bound(_ key: String, _ n: NamedCounts) -> [(String, JSON)] {
    guard !n.isExact else { return [] }
    return [
      (
        key + "_bound",
        .object([
          ("count_floor", .int(n.countFloor)), ("bytes_floor", .int(n.bytesFloor)),
          ("dropped_names", .int(n.droppedNames)),
        ])
      )
    ]
  }

  static func events(_ e: EventCounters) -> JSON {
    .object([
      ("by_event", .object(MailEvent.allCases.filter { e[$0] > 0 }.map { (String(describing: $0), .int(e[$0])) })),
      ("special", .array(SpecialRecipient.allCases.flatMap { kind in
        (0..<3).compactMap { outcome -> JSON? in
          let n = e.special(kind, outcome)
          return n > 0 ? .array([.string(String(describing: kind)), .int(outcome), .int(n)]) : nil
        }
      })),
      ("auth_by_client", named(e.authByClient)), ("auth_by_user", named(e.authByUser)),
      ("connects_by_client", named(e.connectsByClient)), ("log_groups", named(e.logGroups)),
      ("tls_by_relay", named(e.tlsByRelay)), ("tls_delivered_by_domain", named(e.tlsDeliveredByDomain)),
      ("exim_delivered_by_domain", named(e.eximDeliveredByDomain)),
    ] + bound("auth_by_client", e.authByClient) + bound("auth_by_user", e.authByUser)
      + bound("connects_by_client", e.connectsByClient) + bound("tls_by_relay", e.tlsByRelay) + [
      ("forwarded", .int(e.forwarded)),
    ])
  }

  /// One entry per domain with any count, sorted by name, each made as it is written.
  static func domains(_ a: Aggregate) -> JSON {
    let ids = a.domains.sortedIDs.filter { a.domainCounters[Int($0)] != DomainCounters() }
    return .elements(JSONElements(count: ids.count) { k in
      let id = Int(ids[k])
      let name = a.domains.string(ids[k])
      let c = a.domainCounters[id]
      let delay = c.delay.nonEmptyBuckets.map { JSON.array([.int($0.bucket), .int(Int($0.count))]) }
      return .object([
        ("name", .string(name)), ("provider", .string(a.domainProviders[id].rawValue)),
        ("attempts", .int(c.attempts)), ("deferred_attempts", .int(c.deferredAttempts)),
        ("recipients", .int(c.recipients)), ("delivered", .int(c.delivered)),
        ("bounced", .int(c.bounced)), ("expired", .int(c.expired)),
        ("still_deferred", .int(c.stillDeferred)), ("removed", .int(c.removed)),
        ("deferred_recipients", .int(c.deferredRecipients)),
        ("deferred_then_delivered", .int(c.deferredThenDelivered)),
        ("notifications", .int(c.notifications)), ("rejected", .int(c.rejected)),
        ("hard_bounces", .int(c.hardBounces)), ("delay_histogram", .array(delay)),
        ("failed_reasons", reasons(c.failedReasons)), ("deferred_reasons", reasons(c.deferredReasons)),
      ])
    })
  }

  /// One entry per sender domain with any count, sorted by name, each made as it is written.
  static func senders(_ a: Aggregate) -> JSON {
    let ids = a.senders.sortedIDs.filter {
      a.senderCounters[Int($0)] != SenderCounters() || (a.senderHardBounces[$0] ?? 0) > 0
    }
    return .elements(JSONElements(count: ids.count) { k in
      let id = Int(ids[k])
      let name = a.senders.string(ids[k])
      let c = a.senderCounters[id]
      let hard = a.senderHardBounces[Int32(id)] ?? 0
      return .object([
        ("name", .string(name)), ("messages", .int(c.messages)), ("bytes", .int(c.bytes)),
        ("recipients", .int(c.recipients)), ("delivered", .int(c.delivered)),
        ("bounced", .int(c.bounced)), ("expired", .int(c.expired)),
        ("still_deferred", .int(c.stillDeferred)), ("hard_bounces", .int(hard)),
      ])
    })
  }

  /// `{reason: count}` for the non-zero reasons, in declaration order.
  static func reasons(_ r: ReasonCounts) -> JSON {
    .object(Reason.allCases.filter { r[$0] > 0 }.map { ($0.rawValue, .int(r[$0])) })
  }

  static func code(_ key: Int, _ c: CodeCounters) -> JSON {
    .object([
      ("key", .int(key)), ("sent", .int(c.sentAttempts)), ("deferred", .int(c.deferredAttempts)),
      ("bounced", .int(c.bouncedAttempts)), ("final_bounced", .int(c.finalBounced)),
      ("final_expired", .int(c.finalExpired)), ("rejected", .int(c.rejected)),
    ])
  }

  static func inbound(_ a: Aggregate) -> JSON {
    .object([
      ("total", .int(a.inbound.total)),
      ("by_code", .array(a.inbound.byCode.sorted { $0.key < $1.key }.map { .array([.int(Int($0.key)), .int($0.value)]) })),
      ("by_client", .array(a.inboundByClient.sorted { $0.key < $1.key }.map {
        .object([("client", .string($0.key)), ("count", .int($0.value))])
      })),
      ("reasons", reasons(a.inboundReasons)),
      ("client_reasons", .array(a.inboundClientReasons.sorted {
        ($0.key.client, $0.key.reason.ordinal) < ($1.key.client, $1.key.reason.ordinal)
      }.map {
        .object([("client", .string($0.key.client)), ("reason", .string($0.key.reason.rawValue)), ("count", .int($0.value))])
      })),
    ])
  }

  static func hour(_ h: Int64, _ c: HourCounters) -> JSON {
    .object([
      ("hours_since_epoch", .int(Int(h))), ("delivered", .int(c.delivered)), ("deferred", .int(c.deferred)),
      ("bounced", .int(c.bounced)), ("expired", .int(c.expired)), ("rejected", .int(c.rejected)),
      ("received", .int(c.received)),
    ])
  }

  static func stats(_ head: [(String, JSON)], _ s: BlocklistStats, _ a: Aggregate) -> JSON {
    .object(head + [
      ("count", .int(s.count)), ("first_epoch", s.first.map { .int(Int($0)) } ?? .null),
      ("last_epoch", s.last.map { .int(Int($0)) } ?? .null),
      ("domains", .array(s.domainIDs.map { a.domains.string($0) }.sorted().map { .string($0) })),
    ])
  }
}
