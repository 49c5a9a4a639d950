/// Classifies reply texts into a reason, provider and blocklist; one instance per worker.
///
/// Evidence is weighed, not nested: the best phrase in the text, the rule for the enhanced
/// code (from the text and from `dsn=`), and last the basic reply code. A specific phrase
/// outranks a specific code, which outranks a weak phrase; the code decides alone only when
/// the text says nothing more specific.
///
/// ```swift
/// let classifier = ReplyClassifier()
/// let verdict = classifier.classify("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown")
/// // verdict.reason == .userUnknown
/// ```
public final class ReplyClassifier {
  let buffer: ReplyBuffer
  let automaton: PhraseAutomaton
  /// The phrases that fit inside one token, for the mask's check (`Rules.tokenAutomaton`).
  let tokenAutomaton: PhraseAutomaton
  private var cache = ReplyCache()
  private var mask = ReplyMask()
  /// Off only in tests that compare answers with and without masking (`ReplyMaskTests`).
  var masksOpaqueTokens = true
  /// Off only in tests and benchmarks that compare cached answers with fresh ones.
  var usesCache = true
  /// Replies the cache did not answer (for the hit rate in tests and `Benchmarks/reply-cache.sh`).
  private(set) var cacheMisses = 0

  /// Makes a classifier; the shared rule automaton is built on first use in the process.
  public init() {
    buffer = ReplyBuffer()
    automaton = Rules.automaton
    tokenAutomaton = Rules.tokenAutomaton
  }

  // Safe because: the classifier is the mask's only owner, and no masked text outlives a
  // `classify` call.
  deinit { mask.deallocate() }

  /// Classifies one reply.
  ///
  /// - Parameters:
  ///   - text: The reply text as logged (multi-line, `host x said:` prefixes and Exim `\n` allowed).
  ///   - dsn: The enhanced status code the MTA logged (`dsn=5.1.1`), if any.
  ///   - relayHost: The relay host (`mx.example.com[1.2.3.4]:25`), if known.
  ///   - recipientDomain: The recipient's domain, used when the relay names no provider.
  /// - Complexity: O(text length); no allocation once the buffer has grown to the longest text.
  public func classify(
    text: UnsafeRawBufferPointer, dsn: EnhancedCode?, relayHost: UnsafeRawBufferPointer?,
    recipientDomain: UnsafeRawBufferPointer?
  ) -> Classification {
    // The cache key: the text with its unique IDs, IP literals and stamps masked (`ReplyMask`),
    // so the cache answers a reply seen before with another ID exactly; after Postfix's
    // `host NAME[ADDRESS] said: ` only the rest, which alone decides the answer
    // (`ReplyStructure.hostSaidPrefix`), so another server of the same provider hits too.
    let rest = ReplyStructure.hostSaidPrefix(text)
    // Safe because: `hostSaidPrefix` returns an offset inside the text.
    let keyed = rest.map { UnsafeRawBufferPointer(rebasing: text[$0...]) } ?? text
    var fingerprint = ReplyCache.fingerprint(masksOpaqueTokens ? mask.apply(keyed, tables: tokenAutomaton.tables) : keyed)
    // A rest never shares a key with a whole text of the same bytes.
    if rest != nil { fingerprint.1 = ~fingerprint.1 }
    let reply: Reply
    let hits: PhraseHits
    if usesCache, let found = cache.find(fingerprint) {
      (reply, hits) = found
    } else {
      // The classifier reads only the masked text: two texts with the same masked bytes get
      // the same answer.
      let text = masksOpaqueTokens ? mask.apply(text, tables: tokenAutomaton.tables) : text
      // Who said what: classify the innermost remote reply, not our MTA's wrapper around it.
      let structure = ReplyStructure.locate(text)
      var scanner = ReplyScanner(automaton: automaton, buffer: buffer)
      // Safe because: `locate` moves `start` and `end` only to offsets inside the text, and
      // falls back to the whole text when they cross, so 0 <= start < end <= text.count.
      var (inner, found) = scanner.run(
        UnsafeRawBufferPointer(rebasing: text[structure.start..<structure.end]))
      inner.step = structure.step
      inner.origin = structure.origin
      if inner.basicCode == nil, structure.quotedCode != 0 { inner.basicCode = structure.quotedCode }
      (reply, hits) = (inner, found)
      cacheMisses &+= 1
      // Keyed on the rest, the answer is stored only when `locate` kept to the rest (it did
      // not fall back to the whole text, host name included): then every text with this key
      // gets it.
      if rest == nil || structure.start > 0 { cache.store(fingerprint, (reply, hits)) }
    }

    var reason = Reason.other
    var weight = 0
    if hits.reason != 0 {
      reason = Rules.reasons[PhraseHits.value(hits.reason)]
      weight = PhraseHits.priority(hits.reason)
    }
    // Two concepts anywhere in the text ("address" and "rejected"): above single weak words.
    if hits.concepts != 0, let (byConcepts, conceptWeight) = Rules.reason(forConcepts: hits.concepts),
      conceptWeight > weight
    {
      reason = byConcepts
      weight = conceptWeight
    }
    if let code = reply.enhancedCode, let (byCode, codeWeight) = Rules.reason(for: code),
      Int(codeWeight) > weight
    {
      reason = byCode
      weight = Int(codeWeight)
    }
    if let code = dsn, let (byCode, codeWeight) = Rules.reason(for: code), Int(codeWeight) > weight {
      reason = byCode
      weight = Int(codeWeight)
    }
    if let basic = reply.basicCode, let (byBasic, basicWeight) = Rules.reason(forBasic: basic, step: reply.step),
      Int(basicWeight) > weight
    {
      reason = byBasic
    }

    // Precedence: a refusal that names our sender as the refused thing is about our sender, so
    // sender-rejected outranks the receiver's generic policy words (a policy phrase of 80 or more,
    // which names whose rule refused, still wins).
    if reason == .policy, weight < 80, hits.concepts & Rules.Concept.ourSender != 0,
      hits.concepts & (Rules.Concept.refused | Rules.Concept.missing) != 0
    {
      reason = .senderRejected
    }
    // Our sender named with general words about a missing or invalid address: the address is
    // our sender's, since no step yet named a recipient ("sender address is invalid").
    if reason == .userUnknown || reason == .mailboxDisabled, weight < 85, reply.step != .rcptTo,
      hits.concepts & Rules.Concept.ourSender != 0, hits.concepts & Rules.Concept.missing != 0
    {
      reason = .senderRejected
    }
    // The missing thing is the one named: with a domain named and no user, mailbox, recipient
    // or address, general words that something does not exist describe the domain.
    if reason == .userUnknown, weight < 84, hits.concepts & Rules.Concept.domain != 0,
      hits.concepts & Rules.Concept.missing != 0, hits.concepts & Rules.Concept.addressee == 0
    {
      reason = .domainNotFound
    }
    // Only our own MTA speaks without a reply code; a weak local hint under a remote code is policy.
    if reason == .localError, weight < 90, reply.basicCode != nil { reason = .policy }
    // After the data the message is what is refused: general words that a recipient was
    // refused (no code or phrase naming a bad address) refuse this message, not the address.
    // An "unknown user" given in answer to DATA is a filter too: the recipient was accepted at
    // RCPT TO, so Sisimai files it as filtered (LABELS.md R14); a provider's own code (90+) or a
    // provider named in the reply (Yahoo answers RCPT at DATA, R2) keeps its filing.
    if reason == .userUnknown, reply.step == .data, weight < 90, hits.provider == 0 { reason = .policy }
    reason = ReplyClassifier.adjust(reason, step: reply.step)
    // At connect or greeting every refusal is about our IP: it is a listing only when a list
    // is named or the words say listed or blocked, not when they just name our IP as refused.
    if reason == .blocklisted, reply.step == .connect || reply.step == .helo, hits.blocklist == 0,
      weight == Int(Rules.unlistedBlockWeight) || weight == Int(Rules.unlistedBlockWeight) - 28
    {
      reason = .policy
    }
    // x.1.7 and x.1.8 name the sender's address or domain: words about a missing address or
    // domain then describe our sender, never the recipient (whatever step was logged).
    if let code = reply.enhancedCode ?? dsn, code.subject == 1, code.detail == 7 || code.detail == 8 {
      reason = ReplyClassifier.adjust(reason, step: .mailFrom)
    }

    // Our own machine failing is our fault: a local socket that cannot be reached is our
    // delivery agent, a storage failure our own smtpd reports is our disk or queue.
    if reply.origin == .localSocket || (reply.origin == .ourServer && reason == .storageFull) {
      reason = .localError
    }

    // A list that failed to answer (open resolver, refused query) lists nobody.
    let blocklist: Blocklist? =
      hits.blocklist == 0 || reason == .dnsFailure
      ? nil : Rules.blocklists[PhraseHits.value(hits.blocklist)]

    var provider = Provider.none
    if let relayHost { provider = Provider.forRelayHost(relayHost) }
    if provider == .none, hits.provider != 0 {
      provider = Rules.providers[PhraseHits.value(hits.provider)]
    }
    if provider == .none, let recipientDomain { provider = Provider.forDomain(recipientDomain) }

    var verdict = Classification(
      reason: reason, provider: provider, blocklist: blocklist, basicCode: reply.basicCode,
      enhancedCode: reply.enhancedCode, dsn: dsn)
    verdict.step = reply.step
    return verdict
  }

  /// What the SMTP step makes of a reason: a refusal after `MAIL FROM` is about our sender
  /// (a `5.1.7` "no such domain" there is our sender's domain), one at connect or greeting is
  /// about our IP, never about an address that was not yet named.
  @inline(__always)
  static func adjust(_ reason: Reason, step: SMTPStep) -> Reason {
    switch step {
    case .mailFrom:
      switch reason {
      case .userUnknown, .mailboxDisabled, .domainNotFound, .policy, .other: return .senderRejected
      // A quota or "full" refused at MAIL FROM is our sending quota: no mailbox was named yet.
      case .mailboxFull: return .quotaExceeded
      default: return reason
      }
    case .connect, .helo:
      switch reason {
      case .userUnknown, .mailboxDisabled, .domainNotFound, .mailboxFull: return .policy
      default: return reason
      }
    default: return reason
    }
  }

  /// String convenience for tests, `explain` and the command line.
  public func classify(
    _ text: String, dsn: EnhancedCode? = nil, relayHost: String? = nil, recipientDomain: String? = nil
  ) -> Classification {
    var text = text
    var relay = relayHost ?? ""
    var domain = recipientDomain ?? ""
    // Safe because: the three strings' bytes are read only inside the closures.
    return text.withUTF8 { t in
      relay.withUTF8 { r in
        domain.withUTF8 { d in
          // Safe because: as above; `classify` keeps no pointer after it returns.
          classify(
            text: UnsafeRawBufferPointer(t), dsn: dsn,
            relayHost: relayHost == nil ? nil : UnsafeRawBufferPointer(r),
            recipientDomain: recipientDomain == nil ? nil : UnsafeRawBufferPointer(d))
        }
      }
    }
  }
}

@available(*, unavailable)
extension ReplyClassifier: Sendable {}
