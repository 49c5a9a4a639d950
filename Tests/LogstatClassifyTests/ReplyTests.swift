import Testing

@testable import LogstatClassify

@Suite("Reply codes and normalisation")
struct ReplyTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let basic: UInt16?
    let enhanced: String?
    let normalized: String
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(
      text: "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown",
      basic: 550, enhanced: "5.1.1",
      normalized: " recipient address rejected: user unknown "),
    Case(
      text: "550-5.7.1 [192.0.2.1      12] Our system has detected that this message is\n550-5.7.1 likely unsolicited mail. To reduce\n550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError a1 - gsmtp",
      basic: 550, enhanced: "5.7.1",
      normalized: " [192.0.2.1 12] our system has detected that this message is likely unsolicited mail. to reduce https://support.google.com/mail/?p=unsolicitedmessageerror a1 - gsmtp "),
    Case(
      text: "452-4.2.2 The email account that you tried to reach is over quota. Please direct\\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
      basic: 452, enhanced: "4.2.2",
      normalized: " the email account that you tried to reach is over quota. please direct the recipient to https://support.google.com/mail/?p=overquotatemp "),
    Case(
      text: "host mx.example.com[192.0.2.1] said: 550 Sorry, no mailbox here by that name. (#5.1.1)",
      basic: 550, enhanced: "5.1.1",
      normalized: " host mx.example.com[192.0.2.1] said: sorry, no mailbox here by that name. (#5.1.1) "),
    Case(
      text: "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred - 4.16.55.1; see x",
      basic: 421, enhanced: "4.7.0",
      normalized: " [tss04] messages from 192.0.2.1 temporarily deferred - 4.16.55.1; see x "),
    Case(
      text: "connect to mx.example.com[192.0.2.1]:25: Connection refused",
      basic: nil, enhanced: nil,
      normalized: " connect to mx.example.com[192.0.2.1]:25: connection refused "),
    Case(
      text: "451 Greylisted, please try again in 300 seconds",
      basic: 451, enhanced: nil, normalized: " greylisted, please try again in 300 seconds "),
    Case(
      text: "550 5 2 1 mail from refused spam site",
      basic: 550, enhanced: nil, normalized: " 5 2 1 mail from refused spam site "),
    Case(
      text: "554 5.7.1 Service unavailable; client [5.6.7.8] blocked using zen.spamhaus.org",
      basic: 554, enhanced: "5.7.1",
      normalized: " service unavailable; client [5.6.7.8] blocked using zen.spamhaus.org "),
    Case(
      text: "Unknown host 5.6.7.8 said hello", basic: nil, enhanced: nil,
      normalized: " unknown host 5.6.7.8 said hello "),
    Case(
      text: "451 example.yahoo.com Resources temporarily unavailable [#4.16.1].",
      basic: 451, enhanced: nil,
      normalized: " example.yahoo.com resources temporarily unavailable [#4.16.1]. "),
    Case(text: "", basic: nil, enhanced: nil, normalized: " "),
    Case(
      text: "  \t550\r\n  User\tUNKNOWN  ", basic: 550, enhanced: nil, normalized: " user unknown "),
    Case(
      text: "SMTP timeout after end of data (12345 bytes written)", basic: nil, enhanced: nil,
      normalized: " smtp timeout after end of data (12345 bytes written) "),
  ]

  @Test(arguments: cases)
  func parse(_ example: Case) {
    let (reply, normalized) = Reply.parse(example.text)
    #expect(reply.basicCode == example.basic)
    #expect(reply.enhancedCode?.description == example.enhanced)
    #expect(normalized == example.normalized)
  }

  @Test("one buffer is reused across replies of different lengths")
  func bufferReuse() {
    let buffer = ReplyBuffer(capacity: 8)
    var long = "550 5.1.1 " + String(repeating: "very long text ", count: 100)
    let first = long.withUTF8 { Reply.parse(UnsafeRawBufferPointer($0), into: buffer) }
    #expect(first.basicCode == 550)
    #expect(buffer.count == 1 + 100 * 15)
    var short = "452 4.5.3 Too many recipients"
    let second = short.withUTF8 { Reply.parse(UnsafeRawBufferPointer($0), into: buffer) }
    #expect(second.enhancedCode == EnhancedCode("4.5.3"))
    #expect(buffer.string == " too many recipients ")
  }
}
