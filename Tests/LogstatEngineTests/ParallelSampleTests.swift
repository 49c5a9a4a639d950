import Foundation
import LogstatEngine
import LogstatTime
import Testing

/// Any number of jobs, any chunk size and any way of cutting files into ranges gives the same
/// report as one job reading each file whole: on the bundled samples, whose messages cross
/// file boundaries (and, with ranges of a few hundred bytes, every range boundary).
@Suite struct ParallelSampleTests {
  static let cuts: [Knobs] = [1, 2, 4].flatMap { jobs in
    [
      Knobs(jobs: jobs, chunkSize: 7, rangeSize: 50),
      Knobs(jobs: jobs, chunkSize: 64, rangeSize: 333),
      Knobs(jobs: jobs, chunkSize: 4096, rangeSize: 1500),
      Knobs(jobs: jobs, chunkSize: 4 << 20, rangeSize: nil),
    ]
  }

  @Test(arguments: ["postfix", "exim", "postfix-rfc3339", ""])
  func sameReportForEveryCut(sample: String) {
    let path = Paths.samples.appendingPathComponent(sample).path
    let (_, expected) = runJSON([path], Knobs())
    for knobs in Self.cuts {
      let (_, json) = runJSON([path], knobs)
      #expect(json == expected, "\(sample): \(knobs)")
    }
  }

  @Test func sameReportWithInferredYears() {
    let path = Paths.samples.appendingPathComponent("postfix").path
    let (_, expected) = runJSON([path], Knobs(), yearOverride: nil)
    for knobs in Self.cuts {
      let (_, json) = runJSON([path], knobs, yearOverride: nil)
      #expect(json == expected, "\(knobs)")
    }
  }

  @Test(arguments: [("yesterday", nil), ("2026-11-21T12:00", "2026-11-22T08:00")] as [(String, String?)])
  func sameReportInsideATimeWindow(since: String, until: String?) throws {
    let path = Paths.samples.appendingPathComponent("postfix").path
    let window = try TimeExpression.resolveWindow(
      since: since, until: until, now: fixedNow + 43_200, zone: .utc)
    let (_, expected) = runJSON([path], Knobs(), window: window)
    for knobs in Self.cuts {
      let (_, json) = runJSON([path], knobs, window: window)
      #expect(json == expected, "\(knobs)")
    }
  }

  @Test func rangesOfOneFileAddUpInItsSummary() {
    let path = Paths.samples.appendingPathComponent("postfix/mail.log").path
    let (whole, _) = runJSON([path], Knobs())
    let (cut, _) = runJSON([path], Knobs(jobs: 3, chunkSize: 64, rangeSize: 200))
    #expect(cut.files.count == 1)
    #expect(cut.files[0].lines == whole.files[0].lines)
    #expect(cut.files[0].bytesRead == whole.files[0].bytesRead)
    #expect(cut.files[0].bytesScanned == whole.files[0].bytesScanned)
    #expect(cut.files[0].notMailLines == whole.files[0].notMailLines)
  }
}
