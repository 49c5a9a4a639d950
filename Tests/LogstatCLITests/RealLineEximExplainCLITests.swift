import Foundation
import Testing

/// The built binary on the real Exim 4.96 lines (`real-lines-exim.tsv`, issue 13), as an outside
/// checker runs it: `logstat explain --format json -` once for all lines. No line labelled soft
/// (every local fault, deferral and 4xx) may come out `hard`; the score equals the in-process one
/// (`RealLogLinesEximTests`: 89 of 97; the first 87 scored 78 on arrival).
@Suite struct RealLineEximExplainCLITests {
  @Test func explainJSONOnTheEximLines() throws {
    let run = try RealLineExplainRun("real-lines-exim.tsv")
    #expect(run.lines == 97)
    #expect(run.softCalledHard == 0)
    #expect(run.right >= 89)
  }
}
