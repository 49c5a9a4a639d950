import LogstatKinds
import LogstatScan
import Testing

/// Exim writes the TLS cipher of a delivery as ` X=` before the reply: such a line went over TLS.
@Suite struct EximTLSTests {
  /// Real line: an Exim smarthost delivery quoted in a Linux kernel mailing-list thread
  /// (found with the code search, "X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes"), and
  /// the `=>` example of /work/shared/FORMATS.md.
  @Test(arguments: [
    "2024-03-01 10:00:00 1rg0aB-00000000XyZ-0aBc => rick.chang@mediatek.com R=smarthost T=remote_msa H=smtp.kernel.org [35.85.114.177] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes A=client_auth_plain K C=\"250 2.0.0 Ok: 338 bytes queued as 8DCF4C34100\"",
    "2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  1732256702 a1si123 - gsmtp\"",
    "2026-11-22 06:25:02 1tXyZa-000Abc-De -> bob@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK\"",
  ])
  func deliveryWithCipherIsOverTLS(line: String) {
    let s = Scanned(line)
    #expect(s.kind == .delivery)
    #expect(s.status == .sent)
    #expect(s.overTLS)
  }

  @Test func plainDeliveryAndFakedReplyAreNot() {
    #expect(!Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7] C=\"250 OK\"").overTLS)
    // ` X=` inside the reply text is the remote server's, not our cipher.
    #expect(!Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7] C=\"250 OK id X=1\"").overTLS)
    // The `<=` arrival line's X= is inbound TLS, not a delivery.
    #expect(!Scanned("2026-11-22 06:25:01 1tXyZa-000Abc-De <= news@example.net H=app1.example.net [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=18233 id=1@example.net").overTLS)
    // Deferred attempts are not deliveries.
    #expect(!Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De == ann@example.org R=dnslookup T=remote_smtp defer (-45) H=mx.example.org [192.0.2.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256: SMTP error from remote mail server after RCPT TO:<ann@example.org>: 452 4.2.2 Mailbox full").overTLS)
  }
}
