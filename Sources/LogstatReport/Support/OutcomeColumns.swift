/// The columns of the domain and provider tables in every format for people: the recipients,
/// what became of them, and how many retries it took. Every number in a row counts recipients
/// (final outcomes); attempts (lines) appear only as "retries each", an average per retried
/// recipient, never beside recipient counts as if they were of one kind.
struct OutcomeColumns {
  var recipients: Int
  var delivered: Int
  var bounced: Int
  var expired: Int
  var stillDeferred: Int
  var deliveryRate: Double?
  /// Recipients deferred at least once.
  var retried: Int
  /// Deferred attempts (lines).
  var retries: Int
  var delaySeconds: Double?

  /// Headings, in cell order.
  static let headings = [
    "recipients", "delivered", "bounced", "expired", "pending", "delivery", "retried", "retries",
    "delay",
  ]

  /// The one-line legend printed under the tables that use these columns.
  static let legend =
    "Recipients by final outcome (pending: still deferred when the logs end; delivery: delivered / (delivered + bounced + expired)); retried: recipients deferred at least once; retries: deferred attempts per retried recipient; delay: median of delivered."

  /// Cells in `headings` order.
  var cells: [String] {
    [
      "\(recipients)", "\(delivered)", "\(bounced)", "\(expired)", "\(stillDeferred)",
      Format.percent(deliveryRate), "\(retried)", retriesEach, Format.seconds(delaySeconds),
    ]
  }

  /// `2.5` deferred attempts per retried recipient, `-` when none was retried.
  var retriesEach: String {
    guard retried > 0 else { return retries > 0 ? "\(retries)" : "-" }
    let tenths = Int((Double(retries) * 10 / Double(retried)).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}

extension DomainRow {
  var outcomeColumns: OutcomeColumns {
    OutcomeColumns(
      recipients: recipients, delivered: delivered, bounced: bounced, expired: expired,
      stillDeferred: stillDeferred, deliveryRate: deliveryRate, retried: deferredRecipients,
      retries: deferred, delaySeconds: delayMedianSeconds)
  }
}

extension ProviderRow {
  var outcomeColumns: OutcomeColumns {
    OutcomeColumns(
      recipients: recipients, delivered: delivered, bounced: bounced, expired: expired,
      stillDeferred: stillDeferred, deliveryRate: deliveryRate, retried: deferredRecipients,
      retries: deferred, delaySeconds: delayMedianSeconds)
  }
}
