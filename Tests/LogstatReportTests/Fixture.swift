@testable import LogstatReport

/// A fixed, hand-built report model (fixed clock and zone, rows already sorted) whose log
/// text is hostile: markup, quotes, spreadsheet formulas, terminal escapes, newlines, pipes,
/// backticks and a replaced invalid UTF-8 byte.
enum Fixture {
  /// Text that would break every format if a writer forgot to escape it.
  static let hostileReply =
    "550 5.1.1 <script>alert(\"x\")</script> 'quoted' & =cmd|' /C calc'!A0 \u{1B}[31mRED\u{1B}[0m\nnext line \u{FFFD} | `tick`"
  static let scriptDomain = "<script>alert(1)</script>.example"
  static let formulaSender = "=HYPERLINK(\"http://evil.example\")"
  static let pipeDomain = "pipe|tick`.example"

  /// Epoch of 2026-11-22 00:00 +01:00.
  static let dayStart: Int64 = 1_795_302_000

  static func hour(_ h: Int, _ d: Int, _ f: Int, _ b: Int, _ e: Int, _ r: Int) -> HourRow {
    let label = "2026-11-22 " + (h < 10 ? "0\(h)" : "\(h)") + ":00"
    return HourRow(
      hour: label, start: dayStart + Int64(h) * 3600, delivered: d, deferred: f, bounced: b,
      expired: e, rejected: r)
  }

  static func domain(
    _ name: String, attempts: Int, delivered: Int, deferred: Int, bounced: Int, expired: Int,
    stillDeferred: Int = 0, rejected: Int = 0, provider: String = "none", reason: String? = nil,
    delay: Double? = nil
  ) -> DomainRow {
    let finals = delivered + bounced + expired
    return DomainRow(
      domain: name, attempts: attempts, recipients: finals + stillDeferred, delivered: delivered,
      deferred: deferred, deferredRecipients: min(deferred, finals + stillDeferred),
      deferredThenDelivered: 0, stillDeferred: stillDeferred, bounced: bounced, expired: expired,
      rejected: rejected, notifications: 0,
      deliveryRate: finals == 0 ? nil : Double(delivered) / Double(finals),
      delayMedianSeconds: delay, provider: provider, topReason: reason)
  }

  static let model: ReportModel = {
    var m = ReportModel(
      generatedAt: "2026-11-23 06:00:00 +01:00", timeZone: "Europe/Berlin",
      window: "from 2026-11-22 00:00:00 +01:00 until 2026-11-23 00:00:00 +01:00",
      firstEvent: "2026-11-22 00:04:10 +01:00", lastEvent: "2026-11-22 23:58:00 +01:00",
      files: [
        FileRow(
          path: "/var/log/mail.log.1", gzip: false, bytes: 52_000, lines: 400, notMail: 12,
          skipped: 30, truncatedLines: 0, outsideWindow: 8, error: nil, skipReason: nil),
        FileRow(
          path: "/var/log/mail.log.2.gz\u{1B}]0;pwned\u{07}", gzip: true, bytes: 9_000,
          lines: 0, notMail: 0, skipped: 0, truncatedLines: 0, outsideWindow: 0, error: nil,
          skipReason: "ends before the window"),
      ],
      problems: ["logstat: /tmp/odd|name`x`.gz: truncated gzip <member> at offset 4096; the lines before it were counted."],
      lines: LineSummary(total: 392, recognised: 350, notMail: 12, skipped: 30, probes: 2),
      summary: Summary(
        messagesReceived: 120, notificationsSent: 4, bytesReceived: 3_400_000, recipients: 150,
        attempts: 190, delivered: 128, deferred: 36, deferredRecipients: 20,
        deferredThenDelivered: 14, stillDeferred: 2, bounced: 16, expired: 4, rejected: 9,
        deliveryRate: 128.0 / 148, bounceRate: 16.0 / 148, deferralRate: 36.0 / 190,
        delayMedianSeconds: 1.4, delayP95Seconds: 2_710),
      domains: [
        domain("gmail.com", attempts: 60, delivered: 40, deferred: 12, bounced: 6, expired: 0, provider: "google", reason: "reputation", delay: 1.1),
        domain(scriptDomain, attempts: 9, delivered: 0, deferred: 4, bounced: 3, expired: 2, reason: "user-unknown"),
        domain("outlook.com", attempts: 30, delivered: 24, deferred: 6, bounced: 2, expired: 0, provider: "microsoft", reason: "blocklisted", delay: 2.3),
        domain(pipeDomain, attempts: 5, delivered: 2, deferred: 1, bounced: 1, expired: 1, stillDeferred: 1, rejected: 2, reason: "authentication", delay: 40),
        domain("example.org", attempts: 80, delivered: 62, deferred: 13, bounced: 4, expired: 1, stillDeferred: 1, rejected: 7, delay: 0.4),
      ],
      dsnCodes: [
        CodeRow(code: "2.0.0", meaning: "Other undefined status", sent: 128, deferred: 0, bounced: 0, finalBounced: 0, finalExpired: 0, rejected: 0),
        CodeRow(code: "4.7.0", meaning: "Other or undefined security status", sent: 0, deferred: 20, bounced: 0, finalBounced: 0, finalExpired: 2, rejected: 0),
        CodeRow(code: "5.1.1", meaning: "Bad destination mailbox address", sent: 0, deferred: 0, bounced: 9, finalBounced: 9, finalExpired: 0, rejected: 3),
        CodeRow(code: "5.7.1", meaning: "Delivery not authorized, message refused", sent: 0, deferred: 0, bounced: 7, finalBounced: 7, finalExpired: 0, rejected: 6),
      ],
      replyCodes: [
        CodeRow(code: "250", meaning: "Accepted", sent: 128, deferred: 0, bounced: 0, finalBounced: 0, finalExpired: 0, rejected: 0),
        CodeRow(code: "550", meaning: "Mailbox unavailable or policy refusal", sent: 0, deferred: 0, bounced: 16, finalBounced: 16, finalExpired: 0, rejected: 9),
        CodeRow(code: "421", meaning: "Service not available, closing connection", sent: 0, deferred: 20, bounced: 0, finalBounced: 0, finalExpired: 2, rejected: 0),
      ],
      senders: [
        SenderRow(
          domain: "example.net", messages: 90, bytes: 2_500_000, recipients: 110, delivered: 96,
          bounced: 10, expired: 2, stillDeferred: 2, bounceRate: 10.0 / 108, hardBounced: 7,
          hardBounceRate: 7.0 / 108),
        SenderRow(
          domain: formulaSender, messages: 30, bytes: 900_000, recipients: 40, delivered: 32,
          bounced: 6, expired: 2, stillDeferred: 0, bounceRate: 6.0 / 40, hardBounced: 5,
          hardBounceRate: 5.0 / 40),
      ],
      inbound: InboundSection(
        rejected: 9,
        byCode: [
          InboundCodeRow(replyCode: 550, dsn: "5.7.1", count: 6),
          InboundCodeRow(replyCode: 550, dsn: "5.1.1", count: 3),
        ],
        clients: [
          InboundClientRow(client: "198.51.100.23", count: 5, topReason: "blocklisted"),
          InboundClientRow(client: "-2+3\"<b>", count: 3, topReason: "user-unknown"),
          InboundClientRow(client: "@SUM(A1)", count: 1, topReason: nil),
        ],
        byReason: [CountRow(name: "blocklisted", count: 6), CountRow(name: "user-unknown", count: 3)]),
      timeline: [
        hour(0, 10, 2, 1, 0, 0), hour(1, 4, 0, 0, 0, 1), hour(3, 1, 0, 0, 0, 0),
        hour(8, 30, 10, 5, 1, 2), hour(9, 40, 12, 6, 2, 3), hour(10, 25, 8, 3, 1, 2),
        hour(17, 12, 2, 1, 0, 1), hour(23, 6, 2, 0, 0, 0),
      ])
    m.generatedEpoch = 1_795_410_000
    m.firstEventEpoch = dayStart + 250
    m.lastEventEpoch = dayStart + 86_280
    m.reasons = [
      ReasonRow(
        reason: "user-unknown", title: "Recipient address does not exist", hard: true,
        fault: "recipient-address", failed: 10, deferred: 0, rejected: 3, share: 0.5,
        topDomains: [scriptDomain, "gmail.com"], example: hostileReply,
        advice: "Remove the address."),
      ReasonRow(
        reason: "reputation", title: "Poor sender reputation or complaints", hard: false,
        fault: "our-server", failed: 4, deferred: 20, rejected: 0, share: 0.2,
        topDomains: ["gmail.com"], example: "421-4.7.0 [192.0.2.25] unusual rate of unsolicited mail",
        advice: "Slow down and clean the list."),
      ReasonRow(
        reason: "blocklisted", title: "Sender IP or domain on a blocklist", hard: false,
        fault: "our-server", failed: 2, deferred: 6, rejected: 6, share: 0.1,
        topDomains: ["outlook.com"], example: nil, advice: "Request delisting."),
    ]
    m.providers = [
      ProviderRow(
        provider: "google", name: "Google (Gmail)", domains: 1, attempts: 60, recipients: 46,
        delivered: 40, deferred: 12, bounced: 6, expired: 0, deliveryRate: 40.0 / 46,
        topReason: "reputation", stillDeferred: 0, delayMedianSeconds: 1.1, deferredRecipients: 8),
      ProviderRow(
        provider: "none", name: "other / self-hosted", domains: 3, attempts: 94, recipients: 80,
        delivered: 64, deferred: 18, bounced: 8, expired: 4, deliveryRate: 64.0 / 76,
        topReason: "user-unknown", stillDeferred: 2, delayMedianSeconds: 0.5, deferredRecipients: 9),
    ]
    m.blocklists = [
      BlocklistRow(
        blocklist: "microsoft", name: "Microsoft", count: 8,
        firstSeen: "2026-11-22 08:10:00 +01:00", lastSeen: "2026-11-22 17:20:00 +01:00",
        domains: ["outlook.com"])
    ]
    var hygiene = HygieneSection()
    hygiene.hardBounced = 12
    hygiene.finalOutcomes = 148
    hygiene.share = 12.0 / 148
    hygiene.byReason = [CountRow(name: "user-unknown", count: 10), CountRow(name: "domain-not-found", count: 2)]
    hygiene.senders = [
      HygieneRow(domain: "example.net", finalOutcomes: 108, hardBounced: 7, share: 7.0 / 108, level: "high"),
      HygieneRow(domain: formulaSender, finalOutcomes: 40, hardBounced: 5, share: 5.0 / 40, level: "high"),
    ]
    m.reputation = ReputationSection(
      listings: [
        ListingRow(
          blocklist: "microsoft", name: "Microsoft", address: "192.0.2.25", count: 6,
          firstSeen: "2026-11-22 08:10:00 +01:00", lastSeen: "2026-11-22 17:20:00 +01:00",
          domains: ["outlook.com"]),
        ListingRow(
          blocklist: "spamhaus-zen", name: "Spamhaus ZEN", address: "2001:db8::25", count: 2,
          firstSeen: "2026-11-22 09:00:00 +01:00", lastSeen: "2026-11-22 09:30:00 +01:00",
          domains: [pipeDomain]),
      ],
      issues: ReputationIssue.Category.allCases.map { c in
        switch c {
        case .blocklist:
          ReputationIssue(category: c, failed: 2, deferred: 6, domains: [CountRow(name: "outlook.com", count: 8)], domainCount: 1, providers: ["Microsoft (Outlook/Exchange Online)"], advice: "Request delisting.")
        case .providerBlock:
          ReputationIssue(category: c, failed: 4, deferred: 20, domains: [CountRow(name: "gmail.com", count: 24)], domainCount: 1, providers: ["Google (Gmail)"], advice: "Slow down and clean the list.")
        case .authentication:
          ReputationIssue(category: c, failed: 1, deferred: 0, domains: [CountRow(name: pipeDomain, count: 1)], domainCount: 1, providers: [], advice: "Publish SPF, sign with DKIM, align DMARC.")
        default:
          ReputationIssue(category: c, failed: 0, deferred: 0, domains: [], domainCount: 0, providers: [], advice: "Advice for \(c.rawValue).")
        }
      },
      hygiene: hygiene)
    m.alerts = [
      AlertRow(
        kind: "sudden-rise", subjectKind: "provider", subject: "google", metric: "blocking",
        reason: "spam-content", baselineRate: 0.001, rate: 0.3, baselineEvents: 2,
        baselineAttempts: 2000, events: 30, attempts: 100,
        baseline: "14 days of history (2026-11-08 .. 2026-11-21)",
        since: "2026-11-22 03:00:00 +00:00", pValue: 0,
        example: "550-5.7.1 <script>alert(1)</script> unsolicited mail\u{1b}[31m",
        advice: "Review the content and check \"opt-in\".",
        message: "Google (Gmail): blocking rose from 0.1% to 30.0% since 2026-11-22 03:00"),
    ]
    return m
  }()
}
