import Foundation
import Testing

@testable import logstat_gen

@Suite struct RotationTests {
  @Test func rotatedGzippedFilesConcatenateToTheSingleLog() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("logstat-gen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var config = GeneratorConfig()
    config.targetBytes = 600_000
    config.seed = 9

    let single = OutputSink.inMemory()
    try LogGenerator(config: config, sink: single).run()

    let base = dir.appendingPathComponent("mail.log").path
    let rotated = try OutputSink.files(base: base, rotate: 3, gzip: true, totalBytes: config.targetBytes)
    try LogGenerator(config: config, sink: rotated).run()

    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["mail.log", "mail.log.1", "mail.log.2.gz"])
    let oldest = try gunzip(base + ".2.gz")
    let middle = try Data(contentsOf: URL(fileURLWithPath: base + ".1"))
    let newest = try Data(contentsOf: URL(fileURLWithPath: base))
    #expect(!oldest.isEmpty && !middle.isEmpty && !newest.isEmpty)
    #expect(oldest.last == 10 && middle.last == 10)
    #expect(Array(oldest + middle + newest) == single.memory)
  }

  private func gunzip(_ path: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }
}
