import LogstatAggregate
import Testing

/// Exim deliveries over TLS are counted per recipient domain beside the deliveries, and merge.
@Suite struct TLSShareTests {
  static let lines = [
    "2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  1732256702 a1si123 - gsmtp\"",
    "2026-11-22 06:25:02 1tXyZa-000Abc-De -> Bob@GMail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK\"",
    "2026-11-22 06:25:03 1tXyZb-000Abc-Df => cat@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] C=\"250 2.0.0 OK\"",
    "2026-11-22 06:25:04 1tXyZc-000Abc-Dg => dan@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7] C=\"250 OK\"",
    "2026-11-22 06:25:05 1tXyZd-000Abc-Dh == eve@example.org R=dnslookup T=remote_smtp defer (-45) H=mx.example.org [192.0.2.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256: SMTP error from remote mail server after RCPT TO:<eve@example.org>: 452 4.2.2 Mailbox full",
  ]

  static func tls(_ a: Aggregate) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: a.events.tlsDeliveredByDomain.entries.map { ($0.name, $0.count) })
  }

  @Test func countsDeliveriesOverTLSPerDomain() {
    var a = aggregate(Self.lines)
    a.finish()
    #expect(Self.tls(a) == ["gmail.com": 2])
    #expect(a.events.eximDeliveredByDomain.entries.map { "\($0.name) \($0.count)" }.sorted() == ["example.org 1", "gmail.com 3"])
    #expect(counters(a, "gmail.com")?.delivered == 3)
    #expect(counters(a, "example.org")?.delivered == 1)
  }

  @Test func partsMergeToTheWhole() {
    var merged = aggregate(Array(Self.lines[0..<1]))
    merged.merge(aggregate(Array(Self.lines[1...])))
    #expect(Self.tls(merged) == ["gmail.com": 2])
    #expect(merged.events == aggregate(Self.lines).events)
  }
}
