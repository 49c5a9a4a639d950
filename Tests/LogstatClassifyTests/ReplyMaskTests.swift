#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import LogstatClassify

/// The reply cache keys on the text with its opaque tokens masked (`ReplyMask`); these tests
/// prove masking changes no answer and that it masks what varies between copies of a reply.
@Suite("Reply mask")
struct ReplyMaskTests {
  /// The masked form of `text` as a String.
  static func masked(_ text: String) -> String {
    var mask = ReplyMask()
    defer { mask.deallocate() }
    var text = text
    return text.withUTF8 { t in
      let out = mask.apply(UnsafeRawBufferPointer(t), tables: Rules.automaton.tables)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Every field of every line of every corpus file (`Corpus/*.tsv`: labelled texts, real
  /// replies, whole log lines), the files found by listing the folder so new ones count too.
  static func corpusTexts() throws -> [(String, String)] {
    var names: [String] = []
    guard let dir = opendir(RealCorpus.folder) else {
      throw ReadError(path: RealCorpus.folder)
    }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".tsv") { names.append(name) }
    }
    closedir(dir)
    var texts: [(String, String)] = []
    for name in names.sorted() {
      let data = try readFile(RealCorpus.folder + "/" + name)
      for (index, line) in data.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
        for field in line.split(separator: "\t") {
          texts.append(("\(name):\(index + 1)", String(field)))
        }
      }
    }
    return texts
  }

  @Test("masking changes no answer on any corpus file, with and without relay and dsn")
  func sameAnswerOnEveryCorpusText() throws {
    let texts = try ReplyMaskTests.corpusTexts()
    #expect(texts.count > 3000)
    let masking = ReplyClassifier()
    let plain = ReplyClassifier()
    plain.masksOpaqueTokens = false
    var maskedTexts = 0
    for (place, text) in texts {
      if ReplyMaskTests.masked(text) != text { maskedTexts += 1 }
      let a = masking.classify(text)
      let b = plain.classify(text)
      #expect(a == b, "\(place): \(text)")
      let dsn = EnhancedCode("5.1.1")
      let c = masking.classify(text, dsn: dsn, relayHost: "mx.example.net[192.0.2.7]:25", recipientDomain: "example.net")
      let d = plain.classify(text, dsn: dsn, relayHost: "mx.example.net[192.0.2.7]:25", recipientDomain: "example.net")
      #expect(c == d, "\(place) with dsn and relay: \(text)")
    }
    // The test means something only if the corpus has texts that get masked.
    #expect(maskedTexts > 20)
  }

  @Test("the same reply with another unique ID, stamp or client address masks to the same bytes")
  func idsMaskAlike() {
    let gmail = { (id: String) in
      "host gmail-smtp-in.l.google.com[142.250.102.27] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser \(id) - gsmtp (in reply to RCPT TO command)"
    }
    let a = ReplyMaskTests.masked(gmail("713a6946f159si352874597ejb.452"))
    #expect(a == ReplyMaskTests.masked(gmail("c64dd3d0ee46si020706195ejb.793")))
    #expect(a.contains(" 0 - gsmtp"))
    #expect(a.contains("550-5.1.1 The email"))  // codes are kept
    let other = ReplyMaskTests.masked("host mx2.zentrayor.com[120.136.50.70] said: 550 5.1.1 <ines.jackson4@dorzenlabs.de>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)")
    #expect(other == "host 0] said: 550 5.1.1 <@>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)")
    let outlook = { (stamp: String, client: String) in
      "451 4.7.500 Server busy. Please try again later from [\(client)]. (S77719) [AM4PEPF00027A6A.eurprd04.prod.outlook.com \(stamp) 08DD0A0B1C2D3E54]"
    }
    let b = ReplyMaskTests.masked(outlook("2026-11-20T00:00:01.760Z", "203.0.113.25"))
    #expect(b == ReplyMaskTests.masked(outlook("2026-11-21T13:59:41.002Z", "198.51.100.201")))
    #expect(b.hasPrefix("451 4.7.500 Server busy. Please try again later from [0]. "))
    #expect(b.hasSuffix(" 0 0]"))
  }

  @Test("tokens a rule or the code grammar reads are kept")
  func rulesKeepTheirTokens() {
    // A blocklist's return code (rule "127.255.255."), a list code with six digits
    // (rule "bl000000"), codes in every position the scanner reads them.
    for text in [
      "554 5.7.1 rejected: listed at 127.255.255.254 by the resolver",
      "550 5.7.1 Service unavailable; blocked [BL000000] see the postmaster page",
      "550 #5.1.1 mailbox 12345678 unknown",
      "550-5.7.1 [203.0.113.25] 550-5.7.1 blocked",
      "421 4.7.0 [4.16.55.1] deferred",
    ] {
      let m = ReplyMaskTests.masked(text)
      #expect(ReplyClassifier().classify(m) == ReplyClassifier().classify(text), "\(text)")
    }
    #expect(ReplyMaskTests.masked("listed at 127.255.255.254 by") == "listed at 127.255.255.254 by")
    #expect(ReplyMaskTests.masked("blocked [BL000000] see") == "blocked [BL000000] see")
    #expect(ReplyMaskTests.masked("550 #5.1.1 mailbox 12345678 unknown") == "550 #5.1.1 mailbox 0 unknown")
  }

  @Test("an address masks to an address: the words around it stay adjacent, words after its colon stay")
  func addressesStayAddresses() {
    // The scanner drops an address token whole, so "mailbox <x@y> is full" reads "mailbox is full";
    // a `0` in its place would come between the words.
    let full = "551 bounce as<the destination mailbox <someone@example.net> is full> queue as 100.1.AbCdE.720k.1140313037.someone@example.net (in reply to end of DATA command)"
    #expect(ReplyMaskTests.masked(full).contains("mailbox <@> is full>"))
    #expect(ReplyClassifier().classify(ReplyMaskTests.masked(full)).reason == .mailboxFull)
    #expect(ReplyClassifier().classify(full).reason == .mailboxFull)
    // Words glued after an address's colon are read, so such a token is not masked.
    #expect(ReplyMaskTests.masked("550 (someone@example.net:rejected) by policy") == "550 (someone@example.net:rejected) by policy")
  }

  @Test("a cached answer for one ID is the answer for another")
  func cacheAnswersAcrossIDs() {
    let classifier = ReplyClassifier()
    let first = classifier.classify(
      "host aspmx.l.google.com[142.250.40.27] said: 452-4.2.2 The recipient's inbox is out of storage space and inactive. Please 452-4.2.2 direct the recipient to 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp 07acab787022si025436345ejb.30 - gsmtp (in reply to RCPT TO command)")
    let second = classifier.classify(
      "host aspmx.l.google.com[142.250.40.27] said: 452-4.2.2 The recipient's inbox is out of storage space and inactive. Please 452-4.2.2 direct the recipient to 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp 4a4ebe7fef3dsi674028526ejb.297 - gsmtp (in reply to RCPT TO command)")
    #expect(first == second)
    #expect(first.reason == .mailboxFull)
  }

  @Test("the eight-byte digit and @ finder marks exactly the digits and @s")
  func digitsAndAtsIsExact() {
    for value in 0..<256 {
      for position in 0..<8 {
        // The byte under test among neighbours that are neither (and, once, all 0xFF).
        for filler: UInt64 in [0x2020_2020_2020_2020, 0xFFFF_FFFF_FFFF_FFFF, 0] {
          let shift = UInt64(position * 8)
          let x = (filler & ~(0xFF << shift)) | (UInt64(value) << shift)
          let expected: UInt64 = (0x30...0x39).contains(value) || value == 0x40 ? 0x80 << shift : 0
          #expect(ReplyMask.digitsAndAts(x) == expected, "byte \(value) at \(position)")
        }
      }
    }
  }
}
