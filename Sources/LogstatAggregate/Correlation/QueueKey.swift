import LogstatEvents

/// The packed queue ID the correlator keys on (`LogstatEvents.QueueKey`): built once per line
/// when its `LineEvent` is, so correlating reads no bytes.
typealias QueueKey = LogstatEvents.QueueKey
