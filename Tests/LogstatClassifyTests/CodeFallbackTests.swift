import Testing

@testable import LogstatClassify

/// A reply whose words name no reason still gets one from its codes: the enhanced code's
/// subject, then the basic code read with the SMTP step it answered. Only x.0.x is `other`.
@Suite("Code and step fallbacks")
struct CodeFallbackTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let reason: Reason
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    // The enhanced code's subject, when its detail is unregistered or x.y.0.
    Case(text: "550 5.7.0 Mail rejected", reason: .policy),
    Case(text: "550 5.7.99 Go away", reason: .policy),
    Case(text: "550 5.2.0 Mailbox problem", reason: .policy),
    Case(text: "550 5.2.9 Mailbox problem", reason: .mailboxDisabled),
    Case(text: "550 5.1.99 Bad", reason: .userUnknown),
    Case(text: "451 4.3.9 Try later", reason: .serverError),
    Case(text: "451 4.4.9 Hmm", reason: .connectionFailed),
    Case(text: "451 4.4.24 Message failed to be replicated", reason: .serverError),
    Case(text: "501 5.5.9 What", reason: .protocolError),
    // Registered details that had no rule, or a wrong one.
    Case(text: "550 5.1.10 Recipient address has null MX", reason: .domainNotFound),
    Case(text: "550 5.7.27 Sender address has null MX", reason: .senderRejected),
    Case(text: "550 5.7.17 Mailbox owner has changed", reason: .userUnknown),
    Case(text: "451 4.4.7 Gone stale", reason: .other),
    // The basic code with the step: about the recipient at RCPT, the sender at MAIL, our IP at connect.
    Case(
      text: "host mx.example.org[192.0.2.1] said: 550 Go away (in reply to RCPT TO command)",
      reason: .userUnknown),
    Case(
      text: "host mx.example.org[192.0.2.1] said: 550 Go away (in reply to MAIL FROM command)",
      reason: .senderRejected),
    Case(
      text: "host mx.example.org[192.0.2.1] refused to talk to me: 554 Go away", reason: .policy),
    Case(
      text: "host mx.example.org[192.0.2.1] said: 552 Go away (in reply to end of DATA command)",
      reason: .messageTooLarge),
    Case(text: "521 mx.example.org does not accept mail", reason: .domainNotFound),
    // At connect, a listing needs a list or the words listed/blocked; naming our host is policy.
    Case(
      text: "host mx.example.org[192.0.2.1] refused to talk to me: 554 Your host is not welcome here",
      reason: .policy),
    Case(text: "554 Your host is not welcome here", reason: .blocklisted),
    Case(
      text: "host mx.example.org[192.0.2.1] refused to talk to me: 554 Your IP is blocked", reason: .blocklisted),
    // A DSN's "smtp;" type prefix does not hide the reply code.
    Case(text: "smtp; 554 Go away", reason: .other),
    // Uninformative codes stay `other`.
    Case(text: "550 5.0.0 Go away", reason: .other),
  ]

  @Test(arguments: cases)
  func fallsBackOnCodes(_ c: Case) {
    #expect(ReplyClassifier().classify(c.text).reason == c.reason)
  }

  @Test("a DSN's 'smtp;' prefix keeps the basic code, so a 4xx stays soft")
  func dsnPrefix() {
    let verdict = ReplyClassifier().classify("smtp; 450 User unknown")
    #expect(verdict.basicCode == 450)
    #expect(verdict.reason == .userUnknown)
    #expect(!verdict.isHard)
  }
}
