import Testing

@testable import LogstatClassify

/// The reply cache must stay exact: a text answered from the cache gets what a fresh
/// classification gives. Its key skips Postfix's `host NAME[ADDRESS] said: ` and the masked
/// tokens; the mask decides with a small token automaton and a map of phrase-start pairs.
@Suite("Reply cache key")
struct ReplyCacheKeyTests {
  /// Wrappers around a corpus text: several servers of one provider and of others, so the
  /// later copies are answered from the entry the first one stored.
  static let hosts = [
    "mx1.example.net[192.0.2.1]", "mx2.example.net[192.0.2.2]",
    "gmail-smtp-in.l.google.com[142.250.102.27]", "alt2.gmail-smtp-in.l.google.com[64.233.184.27]",
    "quinroshome-com.mail.protection.outlook.com[52.101.97.48]", "mx.example.org[2001:db8::25]",
  ]

  /// Every cached answer equals a fresh one (no cache) for `texts`, each given bare and under
  /// every wrapper, with and without a dsn and relay; returns the number of cache hits.
  static func compare(_ texts: [(String, String)]) -> (hits: Int, total: Int) {
    let cached = ReplyClassifier()
    let fresh = ReplyClassifier()
    fresh.usesCache = false
    var total = 0
    for (place, text) in texts {
      var variants = [text]
      for host in hosts { variants.append("host \(host) said: \(text)") }
      for variant in variants {
        #expect(cached.classify(variant) == fresh.classify(variant), "\(place): \(variant)")
        let dsn = EnhancedCode("4.7.0")
        let a = cached.classify(variant, dsn: dsn, relayHost: "mx.example.net[192.0.2.7]:25")
        let b = fresh.classify(variant, dsn: dsn, relayHost: "mx.example.net[192.0.2.7]:25")
        #expect(a == b, "\(place) with dsn and relay: \(variant)")
        total += 2
      }
    }
    return (total - cached.cacheMisses, total)
  }

  @Test("cached answers equal fresh ones on every corpus text, bare and under six host wrappers")
  func cachedEqualsFreshOnCorpus() throws {
    let texts = try ReplyMaskTests.corpusTexts()
    #expect(texts.count > 3000)
    let (hits, total) = ReplyCacheKeyTests.compare(texts)
    // Every wrapped copy after the first of a text shares its key (the host is not in it),
    // and each second call (with a dsn) hits: the test means something only with many hits.
    #expect(hits > total / 2)
  }

  @Test("cached answers equal fresh ones on the sample logs' replies")
  func cachedEqualsFreshOnSampleLogs() throws {
    var texts: [(String, String)] = []
    for path in ["postfix/mail.log", "postfix/mail.log.1", "postfix-rfc3339/maillog", "exim/mainlog"] {
      let data = try readFile(RealCorpus.folder + "/../../../samples/" + path)
      for (index, line) in data.split(separator: "\n").enumerated() {
        // The reply inside `status=... (...)` when there is one; the whole line otherwise.
        var text = Substring(line)
        if let status = line.firstRange(of: "status="), let open = line[status.upperBound...].firstIndex(of: "("),
          let close = line.lastIndex(of: ")"), open < close
        {
          text = line[line.index(after: open)..<close]
        }
        texts.append(("\(path):\(index + 1)", String(text)))
      }
    }
    #expect(texts.count > 50)
    let (hits, total) = ReplyCacheKeyTests.compare(texts)
    #expect(hits > 0 && hits < total)
  }

  @Test("only a plain host name and address make a 'host ... said:' wrapper the key skips")
  func hostSaidPrefix() {
    func prefix(_ s: String) -> Int? {
      var s = s
      return s.withUTF8 { ReplyStructure.hostSaidPrefix(UnsafeRawBufferPointer($0)) }
    }
    #expect(prefix("host mx.example.net[192.0.2.1] said: 550 5.1.1 unknown") == 37)
    #expect(prefix("host mx.example.org[2001:db8::25] said: 550 no") == 40)
    // A name with a byte a marker could hold, an address that is a path, no `said:`.
    #expect(prefix("host mx_1.example.net[192.0.2.1] said: 550 no") == nil)
    #expect(prefix("host (mx).example.net[192.0.2.1] said: 550 no") == nil)
    #expect(prefix("host mx.example.net[/var/run/lmtp] said: 550 no") == nil)
    #expect(prefix("host mx.example.net[192.0.2.1] refused to talk to me: 554 no") == nil)
    #expect(prefix("connect to mx.example.net[192.0.2.1]:25: Connection timed out") == nil)
  }

  @Test("a mask that has seen every corpus text masks each as a fresh mask does (the token memo)")
  func memoMasksAsFresh() throws {
    var warm = ReplyMask()
    defer { warm.deallocate() }
    var differ = 0
    var masked = 0
    // Twice over: the second pass is answered from the memo wherever an entry survived.
    for (place, text) in try ReplyMaskTests.corpusTexts() + ReplyMaskTests.corpusTexts() {
      var copy = text
      let out = copy.withUTF8 { t in
        String(decoding: warm.apply(UnsafeRawBufferPointer(t), tables: Rules.tokenAutomaton.tables), as: UTF8.self)
      }
      let fresh = ReplyMaskTests.masked(text)
      if out != fresh { differ += 1 }
      if fresh != text { masked += 1 }
      #expect(out == fresh, "\(place): \(text)")
    }
    #expect(differ == 0)
    #expect(masked > 40)
  }

  /// Whether the full automaton finds a phrase in ` token ` (the reference for the mask).
  static func fullMatch(_ token: [UInt8]) -> Bool {
    let bytes = [0x20] + token.map(ByteKinds.lower) + [0x20]
    return bytes.withUnsafeBytes { Rules.automaton.match($0) != PhraseHits() }
  }

  /// The same with the token automaton and the pair map, as the mask asks it.
  static func tokenMatch(_ token: [UInt8]) -> Bool {
    let padded = [0x20] + token + [0x20]
    return padded.withUnsafeBytes {
      ReplyMask.hasPhrase($0, 1, 1 + token.count, tables: Rules.tokenAutomaton.tables)
    }
  }

  @Test("the token automaton and pair map find a phrase in a token exactly when the full automaton does")
  func tokenAutomatonAgreesWithFull() throws {
    var tokens = Set<[UInt8]>()
    for (_, text) in try ReplyMaskTests.corpusTexts() {
      for token in text.utf8.split(whereSeparator: { $0 <= 0x20 || $0 == 0x7F }) where token.allSatisfy({ $0 < 0x7F }) {
        tokens.insert(Array(token))
      }
    }
    // Every phrase that fits in a token, alone and inside ID-like neighbours: each must match.
    var phrases = 0
    for rule in Rules.allPhraseRules where rule.fitsInToken {
      let core = Array(rule.phrase.utf8).filter { $0 != 0x20 }
      guard !core.isEmpty else { continue }
      tokens.insert(core)
      tokens.insert(Array("x9".utf8) + core + Array("7q".utf8))
      phrases += 1
    }
    #expect(phrases > 500)
    var matched = 0
    for token in tokens {
      let full = ReplyCacheKeyTests.fullMatch(token)
      #expect(ReplyCacheKeyTests.tokenMatch(token) == full, "\(String(decoding: token, as: UTF8.self))")
      if full { matched += 1 }
    }
    // Both answers occur often: the test compares something.
    #expect(matched > 1000)
    #expect(tokens.count - matched > 1000)
  }
}
