import Testing

@testable import LogstatClassify

@Suite("Provider detection")
struct ProviderTests {
  @Test(arguments: [
    ("gmail-smtp-in.l.google.com[142.250.27.26]:25", Provider.google),
    ("aspmx.l.google.com", .google),
    ("alt1.gmail-smtp-in.l.google.com.", .google),
    ("example-com.mail.protection.outlook.com[52.101.1.1]:25", .microsoft),
    ("hotmail-com.olc.protection.outlook.com", .microsoft),
    ("mta7.am0.yahoodns.net[67.195.204.72]:25", .yahoo),
    ("mx-aol.mail.gm0.yahoodns.net", .yahoo),
    ("mx01.mail.icloud.com[17.57.154.6]:25", .apple),
    ("mx00.gmx.net", .gmx), ("mx-ha03.web.de", .gmx), ("mx00.ionos.de", .gmx), ("mx01.kundenserver.de", .gmx),
    ("mxs.mail.ru", .mailru), ("mx.yandex.ru", .yandex), ("mx.zoho.eu", .zoho),
    ("mail.protonmail.ch", .proton), ("in1-smtp.messagingengine.com", .fastmail),
    ("mx1.comcast.net", .comcast), ("ff-ip4-mx-vip1.prodigy.net", .att), ("cxr.mx.a.cloudfilter.net", .none),
    ("mx.orange.fr", .orange), ("mx1.free.fr", .free), ("mx00.t-online.de", .tOnline),
    ("mxbiz1.qq.com", .tencent), ("mx.naver.com", .naver),
    ("eu-smtp-inbound-1.mimecast.com", .mimecast), ("mx0a-001b2d01.pphosted.com", .proofpoint),
    ("d123.ess.barracudanetworks.com", .barracuda), ("mx1.hc123-45.iphmx.com", .cisco),
    ("none", .none), ("127.0.0.7[127.0.0.7]:2525", .none), ("[192.0.2.1]:25", .none),
    ("notgoogle.com", .none), ("mx.gmail.com.evil.example", .none), ("", .none),
  ])
  func relayHost(_ host: String, _ expected: Provider) {
    #expect(Provider.forRelayHost(host) == expected)
  }

  @Test(arguments: [
    ("gmail.com", Provider.google), ("googlemail.com", .google), ("GMail.COM", .google),
    ("hotmail.com", .microsoft), ("hotmail.co.uk", .microsoft), ("outlook.de", .microsoft),
    ("live.fr", .microsoft), ("msn.com", .microsoft),
    ("yahoo.com", .yahoo), ("yahoo.co.jp", .yahoo), ("ymail.com", .yahoo), ("aol.com", .yahoo),
    ("icloud.com", .apple), ("me.com", .apple), ("mac.com", .apple),
    ("gmx.de", .gmx), ("gmx.net", .gmx), ("web.de", .gmx), ("mail.ru", .mailru), ("bk.ru", .mailru),
    ("yandex.ru", .yandex), ("ya.ru", .yandex), ("proton.me", .proton), ("comcast.net", .comcast),
    ("sbcglobal.net", .att), ("nc.rr.com", .charter), ("t-online.de", .tOnline), ("qq.com", .tencent),
    ("jane@Gmail.com", .google), ("gmail.example", .none), ("example.com", .none),
    ("livejournal.com", .none), ("hotmail.example.org", .none),
  ])
  func recipientDomain(_ domain: String, _ expected: Provider) {
    #expect(Provider.forDomain(domain) == expected)
  }

  @Test("relay first, then the text's own signature, then the recipient domain")
  func precedence() {
    let classifier = ReplyClassifier()
    let hosted = classifier.classify(
      "550 5.1.1 User unknown", relayHost: "example-org.mail.protection.outlook.com[1.2.3.4]:25",
      recipientDomain: "example.org")
    #expect(hosted.provider == .microsoft)
    let byText = classifier.classify(
      "451 4.3.0 Mail server temporarily rejected message. a1si2 - gsmtp",
      relayHost: "127.0.0.7[127.0.0.7]:2525", recipientDomain: "gmail.example")
    #expect(byText.provider == .google)
    let byDomain = classifier.classify(
      "Connection timed out", relayHost: "none", recipientDomain: "yahoo.com")
    #expect(byDomain.provider == .yahoo)
    let nothing = classifier.classify("550 User unknown", relayHost: nil, recipientDomain: nil)
    #expect(nothing.provider == .none)
  }

  @Test func everyProviderHasADisplayName() {
    for provider in Provider.allCases { #expect(!provider.displayName.isEmpty) }
  }

  @Test func everyListedSuffixIsFoundInItsIndex() {
    for (table, index) in [
      (ProviderTables.relaySuffixes, ProviderTables.relayIndex),
      (ProviderTables.domainSuffixes, ProviderTables.domainIndex),
      (ProviderTables.domainBrands, ProviderTables.brandIndex),
    ] {
      index.checkInvariants()
      for (name, provider) in table {
        var bytes = Array(name.uppercased().utf8)
        let key = bytes.withUnsafeMutableBytes { ProviderTables.hash(UnsafeRawBufferPointer($0), 0, $0.count) }
        #expect(index.find(key) == provider, "\(name)")
      }
      var other = Array("not-a-provider.example".utf8)
      #expect(other.withUnsafeMutableBytes { index.find(ProviderTables.hash(UnsafeRawBufferPointer($0), 0, $0.count)) } == .none)
    }
  }
}
