/// Replies logged by our own delivery agents (Postfix `lmtp`, `local`, `virtual`, `pipe`): the
/// peer they could not reach is our own LMTP server, mailbox store, socket or command.
extension Classification {
  /// This verdict for a reply logged by one of our own delivery agents: a connection it could not
  /// make (refused, timed out, lost) is our own machinery failing, so local-error; any other
  /// reason (a full mailbox the LMTP server reported, an unknown user) stays as it is.
  public func loggedByLocalAgent() -> Classification {
    guard reason == .connectionFailed else { return self }
    var result = self
    result.reason = .localError
    return result
  }

  /// Whether a Postfix program name (the part after `postfix/`, e.g. `lmtp` in
  /// `postfix/lmtp[123]`) names a delivery agent that delivers to our own machine or mailbox
  /// server: `lmtp`, `local`, `virtual` or `pipe`.
  /// - Complexity: O(1); no allocation.
  @inlinable
  public static func isLocalAgent(_ name: UnsafeRawBufferPointer) -> Bool {
    func equals(_ word: StaticString) -> Bool {
      guard name.count == word.utf8CodeUnitCount else { return false }
      let w = word.utf8Start
      for i in 0..<name.count where name[i] != w[i] { return false }
      return true
    }
    switch name.count {
    case 4: return equals("lmtp") || equals("pipe")
    case 5: return equals("local")
    case 7: return equals("virtual")
    default: return false
    }
  }
}
