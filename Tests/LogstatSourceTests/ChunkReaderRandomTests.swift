import Foundation
import LogstatSource
import Testing

/// Random inputs, random sizes: the reader always agrees with the naive split.
@Suite struct ChunkReaderRandomTests {
  /// A small deterministic generator (SplitMix64), so failures replay.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Bytes where newlines, CRs, NULs and high bytes are common, with an occasional long run.
  static func randomLog(_ generator: inout SplitMix) -> [UInt8] {
    let count = Int.random(in: 0...3000, using: &generator)
    let newlineChance = [2, 10, 60, 400].randomElement(using: &generator)!
    return (0..<count).map { _ in
      let roll = Int.random(in: 0..<newlineChance, using: &generator)
      if roll == 0 { return 0x0A }
      if roll == 1 && newlineChance > 2 { return [0x0D, 0x00, 0xFF].randomElement(using: &generator)! }
      return UInt8.random(in: 0x20...0x7E, using: &generator)
    }
  }

  @Test(arguments: 0..<4)
  func agreesWithTheNaiveSplit(seed: UInt64) throws {
    var generator = SplitMix(state: seed)
    let directory = TemporaryDirectory()
    for round in 0..<40 {
      let bytes = Self.randomLog(&generator)
      let chunkSize = Int.random(in: 1...300, using: &generator)
      let maxLineLength = Int.random(in: 1...500, using: &generator)
      let expected = expectedOutput(bytes, maxLineLength: maxLineLength)
      // Plain, one gzip member, or gzip split into members at a random byte.
      let split = Int.random(in: 0...bytes.count, using: &generator)
      let variants: [(String, [UInt8])] = [
        ("plain", bytes), ("gzip", gzip(bytes)),
        ("members", gzip(Array(bytes.prefix(split))) + gzip(Array(bytes.dropFirst(split)))),
      ]
      for (name, data) in variants {
        let path = directory.write(data, to: "r.log")
        let (result, reader) = try readFile(path, chunkSize: chunkSize, maxLineLength: maxLineLength)
        let note = "seed \(seed) round \(round) \(name) chunk \(chunkSize) max \(maxLineLength)"
        #expect(result.error == nil, "\(note)")
        expectSameBytes(result.bytes, expected.bytes, note)
        #expect(reader.truncatedLines == expected.truncated, "\(note)")
        #expect(chunksAreLineAligned(result.chunks), "\(note)")
      }
    }
  }
}
