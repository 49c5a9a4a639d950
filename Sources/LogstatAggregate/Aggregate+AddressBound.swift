extension Aggregate {
  /// Prunes the sender and recipient address tables back to their bound, keeping every
  /// address an open message still refers to (its bytes and message count are added when it
  /// closes), and translates those references to the new IDs.
  ///
  /// Runs once per `NamedCounts.defaultCapacity / 2` new addresses: O(table + open messages).
  /// With `final` (no message is open), prunes any table above its capacity.
  mutating func boundAddresses(final: Bool = false) {
    func over(_ t: NamedCounts) -> Bool { t.needsPruning || (final && t.count > (t.capacity ?? Int.max)) }
    let pruneRecipients = over(recipientAddresses)
    let pruneSenders = over(senderAddresses)
    guard pruneRecipients || pruneSenders else { return }
    var heldRecipients = [Bool](repeating: false, count: pruneRecipients ? recipientAddresses.count : 0)
    var heldSenders = [Bool](repeating: false, count: pruneSenders ? senderAddresses.count : 0)
    func note(_ s: MessageState) {
      if pruneSenders, s.senderAddress >= 0 { heldSenders[Int(s.senderAddress)] = true }
      if pruneRecipients {
        for r in s.recipients where r.address >= 0 { heldRecipients[Int(r.address)] = true }
      }
    }
    open.markHeldAddresses(senders: &heldSenders, recipients: &heldRecipients)
    for (_, state) in orphans { note(state) }

    let recipientMap = pruneRecipients ? recipientAddresses.prune(keeping: heldRecipients) : []
    let senderMap = pruneSenders ? senderAddresses.prune(keeping: heldSenders) : []
    func remap(_ s: inout MessageState) {
      if pruneSenders, s.senderAddress >= 0 { s.senderAddress = senderMap[Int(s.senderAddress)] }
      if pruneRecipients {
        for k in s.recipients.indices where s.recipients[k].address >= 0 {
          s.recipients[k].address = recipientMap[Int(s.recipients[k].address)]
        }
      }
    }
    for i in 0..<open.slabCount where open.isOpen(i) { remap(&open[i]) }
    for k in orphans.indices { remap(&orphans[k].1) }
  }
}
