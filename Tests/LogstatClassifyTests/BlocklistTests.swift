import Testing

@testable import LogstatClassify

@Suite("Blocklist extraction")
struct BlocklistTests {
  @Test(arguments: [
    ("550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org", Blocklist.spamhausZen),
    ("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using sbl-xbl.spamhaus.org", .spamhausSBL),
    ("550 5.7.1 Client host [192.0.2.1] blocked using pbl.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1", .spamhausPBL),
    ("554 5.7.1 Sender address [a@b.example] blocked using dbl.spamhaus.org", .spamhausDBL),
    ("550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL", .spamhausDBL),
    ("553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL", .spamhausXBL),
    ("553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list", .spamhaus),
    ("553 5.7.1 [BL22] Connections will not be accepted from 192.0.2.1", .yahoo),
    ("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org", .barracuda),
    ("550 5.7.1 blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1", .spamcop),
    ("554 5.7.1 blocked using dnsbl.sorbs.net", .sorbs),
    ("550 5.7.1 blocked using dnsbl-1.uceprotect.net; IP is UCEPROTECT-Level 1 listed.", .uceprotect),
    ("451 4.7.1 Mail from 192.0.2.1 deferred using Trend Micro Email Reputation database. Please see https://www.mail-abuse.com/cgi-bin/lookup?192.0.2.1", .trendMicro),
    ("554 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", .proofpoint),
    ("550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. ... on our block list (S3150).", .microsoft),
    ("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. visit https://sender.office.com/", .microsoft),
    ("550 blocked using noptr.spamrats.com", .spamrats),
    ("550 Mail from 192.0.2.1 refused - see http://www.psbl.org/listing?ip=192.0.2.1", .psbl),
    ("554 rejected due to spam URL in content (uribl.com)", .uribl),
    ("554 blocked using multi.surbl.org", .surbl),
    ("550 listed at combined.mail.abusix.zone", .abusix),
    ("554 listed on Cloudmark CSI", .cloudmark),
    ("554 blocked using ix.dnsbl.manitu.net", .nixspam),
    ("550 listed in cbl.abuseat.org", .spamhausXBL),
    ("553 5.3.0 flph829 DNSBL:RBL 521< 192.0.2.1 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", .att),
    ("550 blocked using bl.score.senderscore.com", .senderScore),
  ])
  func names(_ text: String, _ expected: Blocklist) {
    let verdict = ReplyClassifier().classify(text)
    #expect(verdict.blocklist == expected)
    #expect(verdict.reason == .blocklisted)
  }

  @Test(arguments: [
    "550 5.1.1 User unknown", "452 4.2.2 Mailbox full", "554 5.7.1 SPAM or UCE is not accepted here",
    "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume",
  ])
  func noBlocklist(_ text: String) {
    #expect(ReplyClassifier().classify(text).blocklist == nil)
  }

  @Test func everyBlocklistHasADisplayName() {
    for list in Blocklist.allCases { #expect(!list.displayName.isEmpty) }
  }
}
