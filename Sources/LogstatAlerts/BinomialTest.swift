#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One-sided binomial test: how surprising `k` or more events in `n` trials are at rate `p`.
public enum BinomialTest {
  /// P(X >= k) for X ~ Binomial(n, p), exact (summed in log space), in 0...1.
  /// - Complexity: O(k - np) terms at most, usually a few dozen.
  public static func upperTail(k: Int, n: Int, p: Double) -> Double {
    guard k > 0 else { return 1 }
    guard k <= n else { return 0 }
    guard p > 0 else { return 0 }
    guard p < 1 else { return 1 }
    if Double(k) <= Double(n) * p { return 1 }  // not a rise: never significant
    let logFirst =
      lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
      + Double(k) * log(p) + Double(n - k) * log1p(-p)
    // Sum the terms relative to the first: t(j+1)/t(j) = (n-j)/(j+1) * p/(1-p).
    let odds = p / (1 - p)
    var term = 1.0
    var sum = 1.0
    var j = k
    while j < n {
      term *= Double(n - j) / Double(j + 1) * odds
      sum += term
      if term < sum * 1e-15 { break }
      j += 1
    }
    return Swift.min(1, exp(logFirst + log(sum)))
  }

  /// Log-likelihood ratio of rate `q = k/n` against rate `p` over `n` trials (0 when q <= p):
  /// how strongly a segment departs upward from `p`, used to place an onset.
  public static func logLikelihoodRatio(k: Int, n: Int, p: Double) -> Double {
    guard n > 0, k > 0 else { return 0 }
    let q = Double(k) / Double(n)
    guard q > p else { return 0 }
    var llr = Double(k) * log(q / p)
    if k < n { llr += Double(n - k) * log((1 - q) / (1 - p)) }
    return llr
  }
}
