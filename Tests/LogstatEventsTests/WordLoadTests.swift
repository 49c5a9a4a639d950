@testable import LogstatEvents
import LogstatScan
import Testing

/// The word-at-a-time readings in LogstatEvents must give what the byte-at-a-time ones gave:
/// `QueueKey(line:_:)` packs what copying the ID's bytes packs, `domainPart` starts after the
/// last `@`, whatever the lengths and places.
@Suite struct WordLoadTests {
  @Test func wordLoadsPackWhatACopyPacks() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var bytes: [UInt8] = []
    for _ in 0..<64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
    }
    var checked = 0
    bytes.withUnsafeBytes { b in
      for start in 0..<b.count {
        for length in 0...min(30, b.count - start) {
          let span = Span(start, start + length)
          #expect(QueueKey(line: b, span) == QueueKey(b.slice(span)), "\(start) \(length)")
          checked += 1
        }
      }
    }
    #expect(checked > 1_000)
  }

  @Test func theDomainStartsAfterTheLastAt() {
    let alphabet: [UInt8] = [0x40, 0x40, 0x41, 0x3F, 0xC0, 0x00, 0x80, 0xFF, 0x2E, 0x61, 0x7A]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var checked = 0
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 58)  // 0...63
      var bytes: [UInt8] = []
      var s = state
      for _ in 0..<length {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(alphabet[Int(s >> 40) % alphabet.count])
      }
      bytes.withUnsafeBytes { b in
        let text = EventText(base: b.baseAddress, length: b.count)
        let domain = text.domainPart
        let expected = b.lastIndex(of: 0x40).map { b.count - $0 - 1 } ?? b.count
        #expect(domain.length == expected, "\(Array(b))")
        #expect(domain.base == b.baseAddress.map { $0 + (b.count - expected) }, "\(Array(b))")
        checked += 1
      }
    }
    #expect(checked == 3000)
  }
}
