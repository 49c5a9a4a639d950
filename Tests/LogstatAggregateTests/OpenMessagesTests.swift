import Testing

@testable import LogstatAggregate

/// The open-message table against a dictionary doing the same inserts and removals.
@Suite struct OpenMessagesTests {
  func key(_ text: String) -> QueueKey {
    var s = text
    return s.withUTF8 { QueueKey(UnsafeRawBufferPointer($0)) }
  }

  @Test func findsEveryKeyAfterRandomInsertsAndRemovals() {
    var table = OpenMessages()
    var model: [QueueKey: Int] = [:]
    var rng = SystemRandomNumberGenerator()
    for step in 0..<20_000 {
      let k = key("4Q\(Int.random(in: 0..<3000, using: &rng))X")
      if let index = table.find(k) {
        #expect(model[k] != nil)
        #expect(table[index].size == model[k])
        if step % 3 == 0 {
          table.remove(at: index)
          model[k] = nil
        }
      } else {
        #expect(model[k] == nil)
        let index = table.insert(k)
        table[index].size = step
        model[k] = step
      }
      if step % 97 == 0 { table.checkInvariants() }
    }
    table.checkInvariants()
    #expect(table.count == model.count)
    for (k, size) in model { #expect(table.find(k).map { table[$0].size } == size) }
    #expect(Array(table.openEntries).count == model.count)
  }

  @Test func reusedSlotStartsFreshButKeepsCapacity() {
    var table = OpenMessages()
    let a = table.insert(key("A1B2C3D4E5"))
    table[a].born = true
    _ = table[a].recipient(42, domain: 1)
    table.remove(at: a)
    let b = table.insert(key("F6G7H8"))
    #expect(b == a)
    #expect(!table[b].born)
    #expect(table[b].recipients.isEmpty)
    #expect(table[b].recipients.capacity >= 1)
  }

  @Test func keysOfDifferentLengthsDiffer() {
    #expect(key("ABCDE") != key("ABCDE0"))
    #expect(key(String(repeating: "x", count: 30)) != key(String(repeating: "x", count: 31)))
    #expect(key("1a2b3c4d5e6f7g8h9i0j") == key("1a2b3c4d5e6f7g8h9i0j"))
  }
}
