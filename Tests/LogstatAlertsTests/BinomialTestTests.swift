import Testing

@testable import LogstatAlerts

@Suite struct BinomialTestTests {
  @Test(arguments: [
    (3, 3, 0.5, 0.125),
    (2, 3, 0.5, 0.5),
    (2, 10, 0.1, 0.263_901_071_9),
    (5, 5, 0.1, 0.000_01),
    (1, 2, 0.9, 1.0),  // below the expected count: never significant
    (0, 10, 0.1, 1.0),
  ])
  func upperTailIsExact(k: Int, n: Int, p: Double, expected: Double) {
    #expect(abs(BinomialTest.upperTail(k: k, n: n, p: p) - expected) < 1e-9)
  }

  @Test func upperTailOfAHugeRiseIsTinyButNotNaN() {
    let p = BinomialTest.upperTail(k: 630, n: 2100, p: 0.001)
    #expect(p >= 0 && p < 1e-100)
  }

  @Test func logLikelihoodRatioIsZeroWithoutARise() {
    #expect(BinomialTest.logLikelihoodRatio(k: 1, n: 100, p: 0.05) == 0)
    #expect(BinomialTest.logLikelihoodRatio(k: 50, n: 100, p: 0.05) > 50)
  }

  @Test(arguments: [(0.001, "0.10%"), (0.3, "30.0%"), (0.0004, "0.04%"), (0.00999, "1.0%"), (1.0, "100.0%")])
  func percentages(rate: Double, text: String) {
    #expect(Percent.format(rate) == text)
  }
}
