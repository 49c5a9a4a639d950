import LogstatAggregate
import LogstatEvents

extension Aggregate {
  /// Adds each of `lines` as the engine does: scanned, classified (failed deliveries and
  /// inbound rejects; `classify: false` leaves that out), turned into its event, added.
  mutating func add(
    lines: [String], epoch: Int64? = 0, counted: Bool = true, classify: Bool = true
  ) {
    var maker = LineEventMaker()
    for line in lines {
      maker.withEvent(line, epoch: epoch, counted: counted, classify: classify) { add($0) }
    }
  }
}
