import Foundation
import LogstatEngine
import LogstatReport
import Testing

@testable import logstat_gen
import LogstatRun

/// A generated log (about `bytes` long) written to a scratch directory, with its truth.
struct GeneratedLog {
  let scratch: ScratchDirectory
  let path: String
  let bytes: [UInt8]
  let truth: [String: DomainTruth]

  init(_ tweak: (inout GeneratorConfig) -> Void) throws {
    var config = GeneratorConfig()
    config.targetBytes = 600_000
    tweak(&config)
    let sink = OutputSink.inMemory()
    let generator = LogGenerator(config: config, sink: sink)
    try generator.run()
    scratch = try ScratchDirectory()
    bytes = sink.memory
    path = try scratch.write("mail.log", bytes)
    var truth: [String: DomainTruth] = [:]
    for (i, t) in generator.truth.enumerated() where t != DomainTruth() {
      truth[ByteArena.string(generator.domains.domains[i].name)] = t
    }
    self.truth = truth
  }

  /// The log cut at line boundaries into `parts` rotations (oldest first), written as
  /// `mail.log.N ... mail.log` in a directory of their own.
  func rotations(_ parts: Int) throws -> String {
    let dir = scratch.url.appendingPathComponent("rotated")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var cuts = [0]
    for k in 1..<parts {
      var at = bytes.count * k / parts
      while at < bytes.count, bytes[at - 1] != 0x0A { at += 1 }
      cuts.append(at)
    }
    cuts.append(bytes.count)
    for k in 0..<parts {
      let name = k == parts - 1 ? "mail.log" : "mail.log.\(parts - 1 - k)"
      try Data(bytes[cuts[k]..<cuts[k + 1]]).write(to: dir.appendingPathComponent(name))
    }
    return dir.path
  }
}

/// Generated logs: the same report for any jobs and cut, and the generator's truth.
@Suite struct ParallelGeneratedTests {
  static let cuts: [Knobs] = [
    Knobs(jobs: 2, chunkSize: 4096, rangeSize: 20_011),
    Knobs(jobs: 4, chunkSize: 1 << 20, rangeSize: 97_003),
    Knobs(jobs: 2, chunkSize: 333, rangeSize: nil),
    Knobs(jobs: 3, chunkSize: 65_536, rangeSize: 150_000),
  ]

  static let configs: [(String, @Sendable (inout GeneratorConfig) -> Void)] = [
    ("postfix classic", { $0.seed = 3 }),
    ("postfix rfc3339, long queue IDs", { $0.seed = 4; $0.stamps = .rfc3339; $0.longQueueIDs = true }),
    ("exim", { $0.seed = 5; $0.format = .exim }),
    ("exim rfc3339", { $0.seed = 6; $0.format = .exim; $0.stamps = .rfc3339 }),
  ]

  @Test(arguments: 0..<4)
  func sameReportForEveryCutAndTheTruth(which: Int) throws {
    let (name, tweak) = Self.configs[which]
    let log = try GeneratedLog(tweak)
    let (result, expected) = runJSON([log.path], Knobs())
    for knobs in Self.cuts {
      let (_, json) = runJSON([log.path], knobs)
      #expect(json == expected, "\(name): \(knobs)")
    }
    expectTruth(result, log.truth, name)
  }

  @Test func messagesCrossingRotationsAreJoined() throws {
    let log = try GeneratedLog { $0.seed = 8 }
    let (_, whole) = runJSON([log.path], Knobs())
    let rotated = try log.rotations(5)
    for knobs in [Knobs(), Knobs(jobs: 2, chunkSize: 1000, rangeSize: 30_000), Knobs(jobs: 4)] {
      let (_, json) = runJSON([rotated], knobs)
      #expect(withoutFiles(json) == withoutFiles(whole), "\(knobs)")
    }
  }

  @Test func gzipReadPipelinedGivesTheSameReport() throws {
    let log = try GeneratedLog { $0.seed = 9 }
    guard let gz = try log.scratch.gzip(log.path) else { return }
    let (_, plain) = runJSON([log.path], Knobs())
    for knobs in [Knobs(), Knobs(jobs: 2), Knobs(jobs: 2, chunkSize: 777)] {
      let (result, json) = runJSON([gz], knobs)
      #expect(result.files.first?.isGzip == true)
      #expect(withoutFiles(json) == withoutFiles(plain), "\(knobs)")
    }
  }

  /// One gzip stream inflated once and scanned by every worker in segments: the same report
  /// (files included) as one worker reading it, and as the plain log, for segments of any size.
  @Test(arguments: 0..<4)
  func gzipSegmentsScannedByEveryWorkerGiveTheSameReport(which: Int) throws {
    let (name, tweak) = Self.configs[which]
    let log = try GeneratedLog(tweak)
    guard let gz = try log.scratch.gzip(log.path) else { return }
    let (_, plain) = runJSON([log.path], Knobs())
    let (_, single) = runJSON([gz], Knobs())
    #expect(withoutFiles(single) == withoutFiles(plain), "\(name)")
    for knobs in [
      Knobs(jobs: 3, chunkSize: 4096, segmentSize: 10_007),
      Knobs(jobs: 4, chunkSize: 333, segmentSize: 1),
      Knobs(jobs: 3, chunkSize: 65_536, segmentSize: 150_000),
      Knobs(jobs: 3, chunkSize: 1 << 20),
      Knobs(jobs: 2, chunkSize: 4096, segmentSize: 10_007),
    ] {
      let (result, json) = runJSON([gz], knobs)
      #expect(result.files.first?.isGzip == true)
      #expect(result.files.first?.bytesScanned == Int64(log.bytes.count), "\(name): \(knobs)")
      #expect(json == single, "\(name): \(knobs)")
    }
  }

  /// Several gzip files and a plain one between them: segments of each stream and the plain
  /// file's ranges merge in input order.
  @Test func gzipRotationsAndPlainFilesMergeInOrder() throws {
    let log = try GeneratedLog { $0.seed = 11 }
    let rotated = try log.rotations(4)
    for name in ["mail.log.3", "mail.log.1"] {
      guard try log.scratch.gzip(rotated + "/" + name) != nil else { return }
      try FileManager.default.removeItem(atPath: rotated + "/" + name)
    }
    let (_, single) = runJSON([rotated], Knobs())
    #expect(single.contains("mail.log.3.gz"))
    for knobs in [
      Knobs(jobs: 3, chunkSize: 1000, rangeSize: 30_000, segmentSize: 20_000),
      Knobs(jobs: 4, chunkSize: 4096, segmentSize: 5_000),
      Knobs(jobs: 2, chunkSize: 4096, segmentSize: 5_000),
    ] {
      let (_, json) = runJSON([rotated], knobs)
      #expect(json == single, "\(knobs)")
    }
  }

  /// A classic-stamp log running across New Year: years inferred per range must match.
  @Test func newYearInsideACutFile() throws {
    let log = try GeneratedLog {
      $0.seed = 10
      $0.start = 1_767_218_400  // 2025-12-31T22:00:00Z
      $0.rate = 200
    }
    let (_, expected) = runJSON([log.path], Knobs(), yearOverride: nil)
    #expect(expected.contains("\"first_event\": \"2025-12-31"))
    for knobs in Self.cuts {
      let (_, json) = runJSON([log.path], knobs, yearOverride: nil)
      #expect(json == expected, "\(knobs)")
    }
    // The same across gzip segments, whose clocks are predicted the same way.
    guard let gz = try log.scratch.gzip(log.path) else { return }
    let (_, gzipped) = runJSON([gz], Knobs(), yearOverride: nil)
    for knobs in [Knobs(jobs: 3, chunkSize: 4096, segmentSize: 9_001), Knobs(jobs: 4, chunkSize: 500, segmentSize: 1)] {
      let (_, json) = runJSON([gz], knobs, yearOverride: nil)
      #expect(json == gzipped, "gzip: \(knobs)")
    }
    #expect(withoutFiles(gzipped) == withoutFiles(expected))
  }

  /// Per recipient domain, logstat's outcomes equal what the generator did.
  func expectTruth(_ result: RunResult, _ truth: [String: DomainTruth], _ name: String) {
    let model = ReportModel.build(from: result, now: fixedNow, zone: .utc)
    var seen: [String: DomainTruth] = [:]
    for row in model.domains {
      var t = DomainTruth()
      t.recipients = row.recipients
      t.delivered = row.delivered
      t.deferredThenSent = row.deferredThenDelivered
      t.bounced = row.bounced
      t.expired = row.expired
      t.deferralLines = row.deferred
      t.rejected = row.rejected
      t.dsnNotifications = row.notifications
      t.stillDeferred = row.stillDeferred
      if t != DomainTruth() { seen[row.domain] = t }
    }
    #expect(seen.count == truth.count, "\(name)")
    for (domain, t) in truth where seen[domain] != t {
      Issue.record("\(name): \(domain): logstat \(String(describing: seen[domain])), truth \(t)")
    }
  }
}
