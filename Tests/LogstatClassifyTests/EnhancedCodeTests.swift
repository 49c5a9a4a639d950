import Testing

@testable import LogstatClassify

@Suite("EnhancedCode")
struct EnhancedCodeTests {
  @Test(arguments: [
    ("5.1.1", "5.1.1"), ("4.7.0", "4.7.0"), ("5.7.509", "5.7.509"), ("2.0.0", "2.0.0"),
    ("5.1.10", "5.1.10"), ("4.4.316", "4.4.316"),
  ])
  func parsesValidCodes(_ input: String, _ printed: String) {
    #expect(EnhancedCode(input)?.description == printed)
  }

  @Test(arguments: [
    "", "5", "5.1", "5.1.", "3.1.1", "6.0.0", "5.8.1", "5.1.1000", "5.1234.1", "x.1.1", "5.1.1 ",
    "5..1", "55.1.1",
  ])
  func rejectsInvalidCodes(_ input: String) {
    #expect(EnhancedCode(input) == nil)
  }

  @Test(arguments: [
    ("5.1.1", "Bad destination mailbox address"),
    ("5.1.2", "Bad destination system address"),
    ("4.2.2", "Mailbox full"),
    ("5.2.1", "Mailbox disabled, not accepting messages"),
    ("5.3.4", "Message too big for system"),
    ("4.4.1", "No answer from host"),
    ("5.4.6", "Routing loop detected"),
    ("5.5.3", "Too many recipients"),
    ("5.7.1", "Delivery not authorized, message refused"),
    ("5.7.8", "Authentication credentials invalid"),
    ("5.7.26", "Multiple authentication checks failed"),
    ("5.1.10", "Recipient address has null MX"),
    ("5.7.509", "Security or policy status (detail 509 is not registered; provider-specific)"),
  ])
  func meaning(_ code: String, _ text: String) {
    #expect(EnhancedCode(code)?.meaning == text)
  }

  @Test func ordering() {
    let codes = ["5.7.1", "4.2.2", "5.1.10", "5.1.2", "4.7.0"].compactMap(EnhancedCode.init)
    #expect(codes.sorted().map(\.description) == ["4.2.2", "4.7.0", "5.1.2", "5.1.10", "5.7.1"])
    #expect(EnhancedCode("4.7.0")!.isTransient)
    #expect(EnhancedCode("5.0.0")!.isGeneric)
  }

  @Test("bestCode prefers the specific one of text code and dsn=")
  func bestCode() {
    let classifier = ReplyClassifier()
    let generic = classifier.classify("550 5.0.0 Mailbox unavailable", dsn: EnhancedCode("5.1.1"))
    #expect(generic.bestCode == EnhancedCode("5.1.1"))
    let both = classifier.classify("550 5.7.509 Access denied", dsn: EnhancedCode("5.7.1"))
    #expect(both.bestCode == EnhancedCode("5.7.509"))
    let none = classifier.classify("Connection refused", dsn: EnhancedCode("4.4.1"))
    #expect(none.bestCode == EnhancedCode("4.4.1"))
  }
}
