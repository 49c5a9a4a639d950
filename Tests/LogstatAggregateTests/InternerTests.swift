import Testing

@testable import LogstatAggregate

@Suite struct InternerTests {
  @Test func internsCaseFoldedAndStable() {
    var interner = Interner()
    let a = interner.intern("Example.COM")
    let b = interner.intern("example.com")
    let c = interner.intern("other.example")
    #expect(a == b)
    #expect(a != c)
    #expect(interner.count == 2)
    #expect(interner.string(a) == "example.com")
  }

  @Test func growsPastItsFirstTable() {
    var interner = Interner()
    let ids = (0..<1000).map { interner.intern("d\($0).example") }
    #expect(Set(ids).count == 1000)
    #expect((0..<1000).allSatisfy { interner.intern("D\($0).EXAMPLE") == ids[$0] })
  }
}
