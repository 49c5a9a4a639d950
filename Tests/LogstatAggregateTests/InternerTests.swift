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
    interner.checkInvariants()
    #expect(interner.count == 1000)
  }

  @Test func namesOfEveryLengthAndCaseMatchADictionary() {
    // Lengths 0 to 40 cross the eight-byte words of the hash and the compare; names that
    // differ in one byte, or only in case, or only in length.
    var interner = Interner()
    var model: [String: Int32] = [:]
    var serial: UInt64 = 0x9E3779B9
    for step in 0..<3_000 {
      serial = serial &* 6364136223846793005 &+ 1442695040888963407
      let length = Int(serial >> 58) % 41
      let letter = Character(UnicodeScalar(UInt8(65 + (serial >> 40) % 3)))
      let name = String(repeating: letter, count: length) + (step % 5 == 0 ? "" : "x")
      let id = interner.intern(name)
      if let known = model[name.lowercased()] {
        #expect(id == known, "\(name)")
      } else {
        #expect(Int(id) == model.count, "\(name)")
        model[name.lowercased()] = id
      }
    }
    interner.checkInvariants()
    #expect(interner.count == model.count)
    for (name, id) in model { #expect(interner.string(id) == name) }
  }
}
