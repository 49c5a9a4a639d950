import LogstatClassify
import LogstatKinds

/// The result of reading logs: mergeable `counts` and the `correlator` that joins a message's
/// lines into one life; one per worker, merged in input order.
///
/// Line-level counts (attempts, codes, hours) are added as lines arrive. Per-recipient
/// outcomes wait until a message's whole life is known (created and removed), which may
/// span partials; `merge(_:)` joins the pieces and `finish()` closes what stays open,
/// after which `counts` is all there is: what the JSON report's `counts` block, `logstat
/// merge` and saved state encode (`AggregateCounts: Codable`).
public struct Aggregate: Sendable {
  /// Every counter: a plain value with its own `merge`, encoded as the JSON `counts` block.
  public internal(set) var counts = AggregateCounts()
  /// Open messages, pieces waiting for an earlier partial, sweep state and cursors.
  var correlator = Correlator()
  /// Collect the addresses that hard-bounced (for `--suppression-list`).
  public var collectSuppression = false

  public init() {}

  /// An aggregate holding finished `counts` (decoded from a saved report or state), with no
  /// open messages: merging it adds its counts, as one run over its logs would.
  public init(counts: AggregateCounts) {
    self.counts = counts
    correlator.finished = true
  }

  static let minimumSweep = 32_768

  /// True when nothing comes before this aggregate's input (the first range of the first
  /// input, or the running total of a run): messages that end here without having begun are
  /// final at once, and births need not be remembered for an earlier piece, so neither
  /// `orphans` nor `bornFirst` grows with the input.
  public var startsInput: Bool {
    get { correlator.startsInput }
    set { correlator.startsInput = newValue }
  }

  /// Log-time seconds after a message's last line when it can no longer be continued: longer
  /// than any queue lifetime (Postfix 5 days, Exim's retry limits), so normally nothing is lost.
  public var staleAfter: Int64 {
    get { correlator.staleAfter }
    set { correlator.staleAfter = newValue }
  }

  /// Open messages that had no line for `staleAfter` seconds of log time and were closed
  /// early (counted as the logs ending for them) to keep memory bounded.
  public internal(set) var staleMessagesClosed: Int {
    get { correlator.staleMessagesClosed }
    set { correlator.staleMessagesClosed = newValue }
  }

  /// True once `finish()` ran (or the counts were decoded): nothing is open.
  public internal(set) var finished: Bool {
    get { correlator.finished }
    set { correlator.finished = newValue }
  }

  /// Messages whose life is still open (not yet removed from the queue).
  public var openMessages: Int { correlator.open.count + correlator.orphans.count }

  /// Final outcomes `removed` (the admin deleted the message), over all domains.
  public var removedRecipients: Int { counts.removedRecipients }
}
