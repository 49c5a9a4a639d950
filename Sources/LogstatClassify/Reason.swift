/// Why a reply refused or deferred a message: one id per reply, stable in the JSON schema.
///
/// The raw values are part of logstat's JSON output; never rename one.
public enum Reason: String, CaseIterable, Sendable, Codable, Hashable {
  case userUnknown = "user-unknown"
  case mailboxDisabled = "mailbox-disabled"
  case mailboxFull = "mailbox-full"
  case domainNotFound = "domain-not-found"
  case dnsFailure = "dns-failure"
  case relayDenied = "relay-denied"
  case blocklisted = "blocklisted"
  case reputation = "reputation"
  case rateLimited = "rate-limited"
  case quotaExceeded = "quota-exceeded"
  case spamContent = "spam-content"
  case virus = "virus"
  case authentication = "authentication"
  case reverseDNS = "reverse-dns"
  case policy = "policy"
  case messageTooLarge = "message-too-large"
  case tooManyRecipients = "too-many-recipients"
  case greylisted = "greylisted"
  case connectionFailed = "connection-failed"
  case tlsFailure = "tls-failure"
  case serverError = "server-error"
  case storageFull = "storage-full"
  case loop = "loop"
  case protocolError = "protocol-error"
  case senderRejected = "sender-rejected"
  case authRequired = "auth-required"
  case invalidContent = "invalid-content"
  /// Our own MTA failed locally (permissions, lock files, a pipe or command, configuration).
  case localError = "local-error"
  case other = "other"
}

/// Where the cause of a refusal lies, so a reader knows who has to act.
public enum Fault: String, CaseIterable, Sendable, Codable, Hashable {
  /// The recipient address itself is wrong or gone: remove or correct it.
  case recipientAddress = "recipient-address"
  /// Our sending server, its configuration, or its (IP/domain) reputation.
  case ourServer = "our-server"
  /// The message we sent: its content, size, headers or authentication.
  case ourMessage = "our-message"
  /// The recipient's mail server: full, broken, busy or strict.
  case recipientServer = "recipient-server"
  /// The network path or DNS between the two servers.
  case network = "network"

  /// A short phrase for reports ("the recipient's server").
  public var title: String {
    switch self {
    case .recipientAddress: "the recipient address"
    case .ourServer: "our server or its reputation"
    case .ourMessage: "our message"
    case .recipientServer: "the recipient's server"
    case .network: "the network or DNS"
    }
  }
}

extension Reason {
  /// Hard bounces mean the address should be removed; only address problems are hard.
  public var isHard: Bool {
    switch self {
    case .userUnknown, .mailboxDisabled, .domainNotFound: true
    default: false
    }
  }

  /// Where the fault lies for this reason.
  public var fault: Fault {
    switch self {
    case .userUnknown, .mailboxDisabled, .domainNotFound: .recipientAddress
    case .blocklisted, .reputation, .quotaExceeded, .reverseDNS, .senderRejected,
      .authRequired, .relayDenied, .tlsFailure, .localError:
      .ourServer
    case .spamContent, .virus, .authentication, .messageTooLarge, .tooManyRecipients,
      .invalidContent:
      .ourMessage
    case .policy, .mailboxFull, .rateLimited, .greylisted, .serverError, .storageFull, .loop,
      .protocolError, .other:
      .recipientServer
    case .dnsFailure, .connectionFailed: .network
    }
  }

  /// A short human label for tables ("Mailbox full").
  public var title: String {
    switch self {
    case .userUnknown: "Recipient address does not exist"
    case .mailboxDisabled: "Mailbox disabled or suspended"
    case .mailboxFull: "Mailbox full"
    case .domainNotFound: "Recipient domain does not exist"
    case .dnsFailure: "DNS lookup failed"
    case .relayDenied: "Relaying denied"
    case .blocklisted: "Sender IP or domain on a blocklist"
    case .reputation: "Poor sender reputation or complaints"
    case .rateLimited: "Rate limited by the receiver"
    case .quotaExceeded: "Our sending quota exceeded"
    case .spamContent: "Message looks like spam"
    case .virus: "Virus or malware detected"
    case .authentication: "SPF/DKIM/DMARC authentication failed"
    case .reverseDNS: "Missing or bad reverse DNS"
    case .policy: "Refused by the receiver's policy"
    case .messageTooLarge: "Message too large"
    case .tooManyRecipients: "Too many recipients"
    case .greylisted: "Greylisted, retry later"
    case .connectionFailed: "Connection failed"
    case .tlsFailure: "TLS required or failed"
    case .serverError: "Receiving server error"
    case .storageFull: "Receiving server out of storage"
    case .loop: "Mail loop"
    case .protocolError: "SMTP protocol or syntax error"
    case .senderRejected: "Envelope sender refused"
    case .authRequired: "SMTP authentication required or failed"
    case .invalidContent: "Malformed message"
    case .localError: "Our own mail server failed locally"
    case .other: "Other or unrecognised"
    }
  }
}
