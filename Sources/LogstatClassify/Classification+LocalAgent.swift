/// Replies logged by our own delivery agents (Postfix `lmtp`, `local`, `virtual`, `pipe`): the
/// peer they could not reach is our own LMTP server, mailbox store, socket or command.
extension Classification {
  /// This verdict for a reply logged by one of our own delivery agents: a connection it could not
  /// make (refused, timed out, lost) or a disk that is full is our own machinery failing, so
  /// local-error; any other reason (a full mailbox the LMTP server reported, an unknown user)
  /// stays as it is.
  public func loggedByLocalAgent() -> Classification {
    guard reason == .connectionFailed || reason == .storageFull else { return self }
    var result = self
    result.reason = .localError
    return result
  }

  /// This verdict for a text our own MTA wrote with no remote server named (an Exim line with no
  /// `H=` host and no `SMTP error from remote mail server`): a full disk there is our own disk
  /// ("Unable to create lock file ...: No space left on device"), so local-error.
  public func saidByOurMTA() -> Classification {
    guard reason == .storageFull else { return self }
    var result = self
    result.reason = .localError
    return result
  }

  /// This verdict for a failure our own MTA reports about its own machinery, whatever words
  /// came with it: an Exim delivery to a pipe, file or autoreply (the command, the file or
  /// the reply transport failed; no remote server was asked), or an Exim error number that
  /// names a local cause (`isLocalEximError`). Always local-error, so never hard.
  public func failedLocally() -> Classification {
    var result = self
    result.reason = .localError
    return result
  }

  /// Whether an Exim delivery error number (`defer (-17)`) names a failure of our own machine
  /// or configuration: a file, directory or lock problem (-2 to -9), a pipe, file or autoreply
  /// not allowed or not set up (-11 to -16), bad redirect or filter data (-17), a spool or
  /// path problem (-20, -21), a filter, header or write failure (-24 to -26), a failed
  /// expansion (-27), uid/gid (-28, -29), a missing transport (-30), a mailbox name too long
  /// (-31), an unknown mailbox format or failed create (-33, -34), chown (-39), a pipe that
  /// failed (-40) and a tainted name (-51), as Exim's `exim.h` numbers them. Remote answers
  /// (-44 to -46), retries (-52 to -57), quota (-22), DNS and hosts (-32, -36) are not.
  /// - Complexity: O(1).
  @inlinable
  public static func isLocalEximError(_ code: Int) -> Bool {
    switch code {
    case -9 ... -2, -17 ... -11, -21 ... -20, -31 ... -24, -34 ... -33, -40 ... -39, -51: return true
    default: return false
    }
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
