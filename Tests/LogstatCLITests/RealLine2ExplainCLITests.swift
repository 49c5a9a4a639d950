import Foundation
import Testing

/// The built binary on the second set of real log lines (`real-lines-2.tsv`), as an outside
/// checker runs it: `logstat explain --format json -` once for all lines. No line labelled soft
/// may come out `hard` (the suppression list), and the score equals the in-process one
/// (`RealLogLines2Tests`: 142 of 152 lines at the last measurement).
@Suite struct RealLine2ExplainCLITests {
  @Test func explainJSONOnTheSecondSet() throws {
    let run = try RealLineExplainRun("real-lines-2.tsv")
    #expect(run.lines == 152)
    #expect(run.softCalledHard == 0)
    #expect(run.right >= 141)
  }
}
