/// The verdict on one reply: why it failed, who answered, and which blocklist it names.
public struct Classification: Sendable, Equatable, Hashable {
  /// The one reason id for the reply.
  public var reason: Reason
  /// The provider that answered, from the relay host, the text or the recipient domain.
  public var provider: Provider
  /// The blocklist named in the text, if any.
  public var blocklist: Blocklist?
  /// The basic SMTP reply code found in the text.
  public var basicCode: UInt16?
  /// The enhanced status code found in the text.
  public var enhancedCode: EnhancedCode?
  /// The enhanced status code the MTA logged (`dsn=`), as given by the caller.
  public var dsn: EnhancedCode?
  /// The SMTP step the reply answered, when the MTA's wrapper names it.
  public var step: SMTPStep = .unknown

  /// Makes a classification from its parts.
  public init(
    reason: Reason, provider: Provider = .none, blocklist: Blocklist? = nil,
    basicCode: UInt16? = nil, enhancedCode: EnhancedCode? = nil, dsn: EnhancedCode? = nil
  ) {
    self.reason = reason
    self.provider = provider
    self.blocklist = blocklist
    self.basicCode = basicCode
    self.enhancedCode = enhancedCode
    self.dsn = dsn
  }

  /// The more specific of the text's enhanced code and the logged DSN (the text's on a tie).
  public var bestCode: EnhancedCode? {
    switch (enhancedCode, dsn) {
    case let (text?, logged?): text.isGeneric && !logged.isGeneric ? logged : text
    case let (text?, nil): text
    case let (nil, logged?): logged
    case (nil, nil): nil
    }
  }

  /// True when a code says the failure is temporary: a 4xx reply, a `4.x.x` enhanced code
  /// in the text or a `4.x.x` DSN. Such a reply is never a hard bounce, whatever its words.
  public var isTransient: Bool {
    if let basic = basicCode, basic / 100 == 4 { return true }
    if let code = enhancedCode, code.klass == 4 { return true }
    if let code = dsn, code.klass == 4 { return true }
    return false
  }

  /// Hard bounce: the address should be removed from lists. The code class decides first
  /// (4xx is never hard), then the reason (only address problems are hard).
  public var isHard: Bool { reason.isHard && !isTransient }
}
