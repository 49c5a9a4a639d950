extension EnhancedCode {
  /// The registered meaning of the code (RFC 3463 and its successors), or of its subject.
  ///
  /// Provider-specific details (Microsoft's 5.7.509, 5.7.606...) fall back to the subject text.
  public var meaning: String {
    if let text = EnhancedCode.detailMeanings[Int(subject) * 1000 + Int(detail)] {
      return text
    }
    let subjectText = EnhancedCode.subjectMeanings[Int(subject)]
    return "\(subjectText) (detail \(detail) is not registered; provider-specific)"
  }

  /// What the class digit says: success, temporary or permanent failure.
  public var classMeaning: String {
    switch klass {
    case 2: "Success"
    case 4: "Persistent transient failure (will be retried)"
    default: "Permanent failure"
    }
  }

  static let subjectMeanings: [String] = [
    "Other or undefined status",
    "Addressing status",
    "Mailbox status",
    "Mail system status",
    "Network and routing status",
    "Mail delivery protocol status",
    "Message content or media status",
    "Security or policy status",
  ]

  /// subject * 1000 + detail -> registered text.
  static let detailMeanings: [Int: String] = [
    0: "Other undefined status",
    1_000: "Other address status",
    1_001: "Bad destination mailbox address",
    1_002: "Bad destination system address",
    1_003: "Bad destination mailbox address syntax",
    1_004: "Destination mailbox address ambiguous",
    1_005: "Destination address valid",
    1_006: "Destination mailbox has moved, no forwarding address",
    1_007: "Bad sender's mailbox address syntax",
    1_008: "Bad sender's system address",
    1_009: "Message relayed to non-compliant mailer",
    1_010: "Recipient address has null MX",
    2_000: "Other or undefined mailbox status",
    2_001: "Mailbox disabled, not accepting messages",
    2_002: "Mailbox full",
    2_003: "Message length exceeds administrative limit",
    2_004: "Mailing list expansion problem",
    3_000: "Other or undefined mail system status",
    3_001: "Mail system full",
    3_002: "System not accepting network messages",
    3_003: "System not capable of selected features",
    3_004: "Message too big for system",
    3_005: "System incorrectly configured",
    3_006: "Requested priority was changed",
    4_000: "Other or undefined network or routing status",
    4_001: "No answer from host",
    4_002: "Bad connection",
    4_003: "Directory server failure",
    4_004: "Unable to route",
    4_005: "Mail system congestion",
    4_006: "Routing loop detected",
    4_007: "Delivery time expired",
    5_000: "Other or undefined protocol status",
    5_001: "Invalid command",
    5_002: "Syntax error",
    5_003: "Too many recipients",
    5_004: "Invalid command arguments",
    5_005: "Wrong protocol version",
    5_006: "Authentication exchange line is too long",
    6_000: "Other or undefined media error",
    6_001: "Media not supported",
    6_002: "Conversion required and prohibited",
    6_003: "Conversion required but not supported",
    6_004: "Conversion with loss performed",
    6_005: "Conversion failed",
    6_006: "Message content not available",
    6_007: "Non-ASCII addresses not permitted for that sender/recipient",
    6_008: "UTF-8 string reply is required, but not permitted by the SMTP client",
    6_009: "UTF-8 header message cannot be transferred to one or more recipients",
    7_000: "Other or undefined security status",
    7_001: "Delivery not authorized, message refused",
    7_002: "Mailing list expansion prohibited",
    7_003: "Security conversion required but not possible",
    7_004: "Security features not supported",
    7_005: "Cryptographic failure",
    7_006: "Cryptographic algorithm not supported",
    7_007: "Message integrity failure",
    7_008: "Authentication credentials invalid",
    7_009: "Authentication mechanism is too weak",
    7_010: "Encryption needed",
    7_011: "Encryption required for requested authentication mechanism",
    7_012: "A password transition is needed",
    7_013: "User account disabled",
    7_014: "Trust relationship required",
    7_015: "Priority level is too low",
    7_016: "Message is too big for the specified priority",
    7_017: "Mailbox owner has changed",
    7_018: "Domain owner has changed",
    7_019: "RRVS test cannot be completed",
    7_020: "No passing DKIM signature found",
    7_021: "No acceptable DKIM signature found",
    7_022: "No valid author-matched DKIM signature found",
    7_023: "SPF validation failed",
    7_024: "SPF validation error",
    7_025: "Reverse DNS validation failed",
    7_026: "Multiple authentication checks failed",
    7_027: "Sender address has null MX",
    7_028: "Mail flood detected",
    7_029: "ARC validation failure",
    7_030: "REQUIRETLS support required",
  ]
}
