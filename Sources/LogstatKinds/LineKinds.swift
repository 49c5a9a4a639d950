// The words a line's event is made of: which MTA wrote it, what kind of line it is, which mail
// event, delivery status or special recipient it names. The scanners write them, and the events
// and counts read them, so they live below both: the counts need no part of the scanner.

/// Which mail program wrote a line.
public enum MTA: UInt8, Sendable {
  case unknown, postfix, exim
}

/// What a line says, as far as the counts are concerned.
public enum LineKind: UInt8, Sendable, CaseIterable {
  /// Not a mail log line at all (another program, garbage, a header we cannot read).
  case notMail
  /// A mail line of a kind logstat does not count (connect, cleanup message-id, warnings, ...).
  case skipped
  /// One delivery attempt for one recipient: Postfix `to=... status=`, Exim `=> -> *> ** ==`.
  case delivery
  /// A new message was created: Postfix `cleanup message-id=`. (Exim's `<=` is `messageQueued`.)
  case messageCreated
  /// A message entered the queue: Postfix `qmgr from=<> size= nrcpt=`, Exim `<=`.
  case messageQueued
  /// Postfix `qmgr ... status=expired, returned to sender`: the message's deferred recipients expired.
  case messageExpired
  /// The message left the queue: Postfix `qmgr removed`, Exim `Completed`.
  case messageRemoved
  /// Our own server refused mail before queueing it (the inbound side).
  case inboundReject
  /// Postfix `bounce`: a notification to the sender was queued under another queue ID.
  case bounceNotice
  /// A message entered from outside: Postfix `smtpd ... client=`, `pickup ... uid=`/`sender=`.
  /// (Exim's `<=` says it itself: `messageQueued` without a bounce's `R=`.)
  case messageEntered
  /// A counted event that is neither a delivery nor a reject: admin actions, held/discarded
  /// messages, reject warnings, security and health events (`ScannedLine.event` says which).
  case event
}

/// What an `.event` line reports.
public enum MailEvent: UInt8, Sendable, CaseIterable {
  case none
  /// Postfix `hold:` (cleanup or smtpd access action): the message was put on hold.
  case held
  /// Postfix `discard:`: the message was accepted and thrown away.
  case discarded
  /// Postfix `reject_warning:` (`warn_if_reject`): would have been rejected.
  case rejectWarning
  /// The admin removed the message (Postfix `postsuper: ID: removed`, Exim `removed by USER`).
  case adminRemoved
  /// Exim `Frozen`: the message was frozen.
  case frozen
  /// Exim `Message is frozen`: a queue run skipped a frozen message.
  case frozenSkipped
  /// Exim `Unfrozen by USER`.
  case unfrozen
  /// A failed SMTP AUTH (Postfix `SASL ... authentication failed`, Exim authenticator failed).
  case authFailure
  /// Postfix `warning:`/`error:`/`fatal:`/`panic:` lines, Exim panic-log lines.
  case warning, error, fatal, panic
  /// A TLS session was set up for an outbound delivery (Postfix `... TLS connection established to`).
  case tlsOutbound
  /// A TLS session was set up for an inbound client (`... TLS connection established from`).
  case tlsInbound
  /// A TLS handshake or session failed (in or out).
  case tlsFailure
  /// postscreen verdicts.
  case pregreet, dnsblRank, hangup, commandLimit
  /// smtpd `connect from host[ip]`.
  case connect
  /// Postfix `sender non-delivery notification` etc. is a `bounceNotice`, not an event.
}

/// Exim deliveries that go to no mailbox domain: they are counted apart, by kind.
public enum SpecialRecipient: UInt8, Sendable, CaseIterable {
  case none
  case blackhole, pipe, file, filter, forcedDefer, forcedFail
  /// Any other `:word:` item.
  case other
  /// `>address`: an autoreply (Exim's autoreply transport, a filter's `mail`/`vacation`), a
  /// message our own machine writes, not a delivery to that mailbox.
  case autoreply
}

/// The outcome word of a delivery line.
public enum DeliveryStatus: UInt8, Sendable, CaseIterable {
  case none, sent, deferred, bounced, expired
  /// Address-verification probe results (Postfix `verify`), not real mail.
  case deliverable, undeliverable
  /// Exim `*>`: delivery suppressed (for example by `-N`).
  case suppressed
  /// Not a line status: the final outcome of recipients whose message the admin removed.
  case removed
}
