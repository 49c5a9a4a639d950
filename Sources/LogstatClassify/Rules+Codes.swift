extension Rules {
  /// An enhanced-code rule: class (nil = 4 or 5), subject, a detail range, reason and weight.
  struct CodeRule {
    let klass: UInt8?
    let subject: UInt16
    let details: ClosedRange<UInt16>
    let reason: Reason
    let priority: UInt8
    init(
      _ klass: UInt8?, _ subject: UInt16, _ details: ClosedRange<UInt16>, _ reason: Reason,
      _ priority: UInt8
    ) {
      self.klass = klass
      self.subject = subject
      self.details = details
      self.reason = reason
      self.priority = priority
    }
  }

  /// What an enhanced code says by itself. Specific codes weigh 55-70, so they beat weak
  /// phrases but lose to a specific text; generic ones (x.7.1, x.4.0) weigh little.
  /// The first matching row wins, so provider-specific ranges come before RFC ones.
  static let codes: [CodeRule] = [
    // Microsoft 365 / Exchange Online specifics.
    CodeRule(5, 7, 504...505, .mailboxDisabled, 80),
    CodeRule(5, 7, 509...509, .authentication, 70),
    CodeRule(5, 7, 510...510, .policy, 60),
    CodeRule(5, 7, 511...511, .blocklisted, 65),
    CodeRule(5, 7, 512...512, .invalidContent, 65),
    CodeRule(5, 7, 513...513, .blocklisted, 65),
    CodeRule(5, 7, 515...515, .authentication, 70),
    CodeRule(5, 7, 520...520, .policy, 65),
    CodeRule(5, 7, 57...57, .authRequired, 65),
    CodeRule(5, 7, 350...350, .spamContent, 60),
    CodeRule(5, 7, 606...649, .blocklisted, 70),
    CodeRule(5, 7, 700...749, .reputation, 60),
    CodeRule(5, 7, 750...750, .policy, 60),
    CodeRule(4, 7, 650...650, .reputation, 60),
    CodeRule(4, 7, 500...699, .rateLimited, 60),
    CodeRule(5, 4, 1...1, .userUnknown, 80),  // Exchange Online directory-based edge blocking
    CodeRule(nil, 4, 14...14, .loop, 65),
    CodeRule(nil, 4, 316...316, .connectionFailed, 60),
    CodeRule(nil, 4, 300...300, .connectionFailed, 40),
    CodeRule(nil, 5, 211...211, .invalidContent, 60),
    CodeRule(nil, 6, 211...211, .invalidContent, 60),
    // RFC 3463 and later registrations.
    CodeRule(nil, 1, 0...0, .userUnknown, 55),
    CodeRule(nil, 1, 1...1, .userUnknown, 65),
    CodeRule(nil, 1, 2...2, .domainNotFound, 65),
    CodeRule(nil, 1, 3...3, .userUnknown, 55),
    CodeRule(nil, 1, 6...6, .userUnknown, 55),
    CodeRule(nil, 1, 7...8, .senderRejected, 60),
    CodeRule(nil, 1, 4...4, .serverError, 55),  // ambiguous: the receiver's directory matched several
    CodeRule(nil, 1, 9...9, .serverError, 50),
    CodeRule(nil, 1, 10...10, .domainNotFound, 65),  // the recipient domain has a null MX
    CodeRule(nil, 2, 1...1, .mailboxDisabled, 60),
    CodeRule(nil, 2, 2...2, .mailboxFull, 65),
    CodeRule(nil, 2, 3...3, .messageTooLarge, 60),
    CodeRule(nil, 3, 0...0, .serverError, 30),
    CodeRule(nil, 3, 1...1, .storageFull, 60),
    CodeRule(nil, 3, 2...2, .serverError, 50),
    CodeRule(nil, 3, 3...3, .protocolError, 40),
    CodeRule(nil, 3, 4...4, .messageTooLarge, 65),
    CodeRule(nil, 3, 5...5, .serverError, 50),
    CodeRule(nil, 4, 0...0, .serverError, 25),
    CodeRule(nil, 4, 1...2, .connectionFailed, 50),
    CodeRule(nil, 4, 3...3, .dnsFailure, 55),
    CodeRule(5, 4, 4...4, .domainNotFound, 45),  // unable to route, for good: no such mail domain
    CodeRule(nil, 4, 4...4, .dnsFailure, 40),
    CodeRule(nil, 4, 5...5, .rateLimited, 40),
    CodeRule(nil, 4, 6...6, .loop, 65),
    // Delivery time expired: the message gave up; its cause lies in the earlier attempts.
    CodeRule(nil, 4, 7...7, .other, 60),
    CodeRule(nil, 5, 0...0, .protocolError, 30),
    CodeRule(nil, 5, 1...2, .protocolError, 50),
    CodeRule(nil, 5, 3...3, .tooManyRecipients, 65),
    CodeRule(nil, 5, 4...6, .protocolError, 50),
    CodeRule(nil, 6, 0...9, .invalidContent, 55),
    CodeRule(nil, 7, 1...1, .policy, 20),
    CodeRule(nil, 7, 2...2, .policy, 30),
    CodeRule(nil, 7, 3...3, .tlsFailure, 40),
    CodeRule(nil, 7, 8...8, .authRequired, 65),
    CodeRule(nil, 7, 9...10, .authRequired, 40),
    CodeRule(nil, 7, 11...11, .tlsFailure, 60),
    CodeRule(nil, 7, 12...12, .authRequired, 50),
    CodeRule(nil, 7, 13...13, .mailboxDisabled, 60),
    CodeRule(nil, 7, 14...14, .policy, 40),
    CodeRule(nil, 7, 20...24, .authentication, 65),
    CodeRule(nil, 7, 25...25, .reverseDNS, 65),
    CodeRule(nil, 7, 26...26, .authentication, 65),
    CodeRule(nil, 7, 27...27, .senderRejected, 65),  // our sender's domain has a null MX
    CodeRule(nil, 7, 28...28, .reputation, 65),
    CodeRule(nil, 7, 29...29, .tlsFailure, 55),
    CodeRule(nil, 7, 30...30, .tlsFailure, 55),
    CodeRule(nil, 7, 32...32, .authentication, 60),
    CodeRule(nil, 7, 16...16, .messageTooLarge, 60),
    CodeRule(nil, 7, 17...18, .userUnknown, 55),  // the mailbox or domain changed owner
    // What the subject says when the detail is not registered (or is x.y.0): the weakest code
    // evidence, so any phrase outranks it, yet a coded reply is `other` only for x.0.x.
    CodeRule(nil, 1, 0...999, .userUnknown, 25),
    CodeRule(nil, 2, 0...0, .policy, 20),
    CodeRule(nil, 2, 4...4, .policy, 20),
    CodeRule(nil, 2, 0...999, .mailboxDisabled, 20),
    CodeRule(nil, 3, 0...999, .serverError, 20),
    // Only the registered network details: providers number their own store and replication
    // faults above them (Microsoft's 4.4.24 "failed to be replicated").
    CodeRule(nil, 4, 0...9, .connectionFailed, 20),
    CodeRule(nil, 5, 0...999, .protocolError, 20),
    CodeRule(nil, 7, 0...999, .policy, 15),
  ]

  /// The reason an enhanced code gives by itself, with its weight, if any.
  /// - Complexity: O(1): one load from a table built from `codes` at first use.
  @inline(__always)
  static func reason(for code: EnhancedCode) -> (Reason, UInt8)? {
    let index = (code.klass == 4 ? 0 : 8000) + Int(code.subject) * 1000 + Int(code.detail)
    let packed = codeTable[index]
    guard packed != 0, code.klass != 2 else { return nil }
    return (Rules.reasons[Int(packed & 0xFF) - 1], UInt8(packed >> 8))
  }

  /// (class 4 or 5) x subject 0-7 x detail 0-999 -> priority << 8 | (reason index + 1).
  static let codeTable: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 16000)
    for (offset, klass) in [(0, UInt8(4)), (8000, UInt8(5))] {
      for subject in 0..<8 {
        for detail in 0..<1000 {
          guard
            let rule = codes.first(where: {
              $0.subject == subject && $0.details.contains(UInt16(detail))
                && ($0.klass == nil || $0.klass == klass)
            })
          else { continue }
          let reasonIndex = Reason.allCases.firstIndex(of: rule.reason)!
          table[offset + subject * 1000 + detail] = UInt16(rule.priority) << 8 | UInt16(reasonIndex + 1)
        }
      }
    }
    return table
  }()

  /// The weakest evidence: what the basic reply code alone suggests, read with the step it
  /// answered (a 550 to `RCPT TO` is about the recipient, one at connect about our IP).
  static func reason(forBasic code: UInt16, step: SMTPStep) -> (Reason, UInt8)? {
    switch code {
    case 500, 501, 502, 503, 504, 555: return (.protocolError, 10)
    case 530, 534, 535, 538: return (.authRequired, 10)
    case 521, 556: return (.domainNotFound, 10)  // RFC 7504: this domain accepts no mail
    case 452: return (.storageFull, 10)
    case 552: return step == .data ? (.messageTooLarge, 10) : (.mailboxFull, 10)
    default: break
    }
    switch step {
    case .connect, .helo:
      return code / 100 == 4 ? (.connectionFailed, 8) : (.policy, 8)
    case .mailFrom:
      // A permanent refusal of our sender; a transient code keeps its own meaning below
      // (a bare "451 Temp error" after MAIL FROM is the receiver's error, not our sender).
      if code / 100 == 5 { return (.senderRejected, 8) }
    case .rcptTo:
      switch code {
      case 550, 551, 553: return (.userUnknown, 8)
      case 554: return (.policy, 8)
      default: break
      }
    case .data:
      if code == 550 || code == 554 { return (.policy, 8) }
    case .unknown: break
    }
    switch code {
    case 421, 451, 432: return (.serverError, 10)
    case 551: return (.userUnknown, 8)  // RFC 5321: user not local
    default: return nil
    }
  }
}
