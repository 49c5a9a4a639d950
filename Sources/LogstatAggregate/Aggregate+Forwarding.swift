import LogstatClassify

/// The names the counting code (+Add, +Events, +Reasons, +Reputation, +Merge) and the report,
/// alerts and history read, kept on `Aggregate` as forwarders to where each now lives:
/// `counts` (every mergeable counter) or `correlator` (message state, sweep, cursors). Each
/// forwards its `_modify` too, so counting in place stays in place (no copy of a table).
extension Aggregate {
  public internal(set) var lines: LineCounters {
    get { counts.lines }
    set { counts.lines = newValue }
    _modify { yield &counts.lines }
  }
  public internal(set) var domains: Interner {
    get { counts.domains }
    set { counts.domains = newValue }
    _modify { yield &counts.domains }
  }
  public internal(set) var domainCounters: [DomainCounters] {
    get { counts.domainCounters }
    set { counts.domainCounters = newValue }
    _modify { yield &counts.domainCounters }
  }
  public internal(set) var senders: Interner {
    get { counts.senders }
    set { counts.senders = newValue }
    _modify { yield &counts.senders }
  }
  public internal(set) var senderCounters: [SenderCounters] {
    get { counts.senderCounters }
    set { counts.senderCounters = newValue }
    _modify { yield &counts.senderCounters }
  }
  public internal(set) var dsnCounters: DSNCodeCounts {
    get { counts.dsnCounters }
    set { counts.dsnCounters = newValue }
    _modify { yield &counts.dsnCounters }
  }
  public internal(set) var replyCodeCounters: ReplyCodeCounts {
    get { counts.replyCodeCounters }
    set { counts.replyCodeCounters = newValue }
    _modify { yield &counts.replyCodeCounters }
  }
  public internal(set) var inbound: InboundCounters {
    get { counts.inbound }
    set { counts.inbound = newValue }
    _modify { yield &counts.inbound }
  }
  public internal(set) var hours: [Int64: HourCounters] {
    get { counts.hours }
    set { counts.hours = newValue }
    _modify { yield &counts.hours }
  }
  public internal(set) var domainHours: DomainHours {
    get { counts.domainHours }
    set { counts.domainHours = newValue }
    _modify { yield &counts.domainHours }
  }
  public internal(set) var messagesReceived: Int {
    get { counts.messagesReceived }
    set { counts.messagesReceived = newValue }
    _modify { yield &counts.messagesReceived }
  }
  public internal(set) var notificationsSent: Int {
    get { counts.notificationsSent }
    set { counts.notificationsSent = newValue }
    _modify { yield &counts.notificationsSent }
  }
  public internal(set) var bytesReceived: Int {
    get { counts.bytesReceived }
    set { counts.bytesReceived = newValue }
    _modify { yield &counts.bytesReceived }
  }
  public internal(set) var firstTime: Int64? {
    get { counts.firstTime }
    set { counts.firstTime = newValue }
    _modify { yield &counts.firstTime }
  }
  public internal(set) var lastTime: Int64? {
    get { counts.lastTime }
    set { counts.lastTime = newValue }
    _modify { yield &counts.lastTime }
  }
  public internal(set) var domainProviders: [Provider] {
    get { counts.domainProviders }
    set { counts.domainProviders = newValue }
    _modify { yield &counts.domainProviders }
  }
  var providerResolved: [Bool] {
    get { counts.providerResolved }
    set { counts.providerResolved = newValue }
    _modify { yield &counts.providerResolved }
  }
  public internal(set) var inboundReasons: ReasonCounts {
    get { counts.inboundReasons }
    set { counts.inboundReasons = newValue }
    _modify { yield &counts.inboundReasons }
  }
  public internal(set) var blocklists: [Blocklist: BlocklistStats] {
    get { counts.blocklists }
    set { counts.blocklists = newValue }
    _modify { yield &counts.blocklists }
  }
  public internal(set) var examples: [ReasonExample?] {
    get { counts.examples }
    set { counts.examples = newValue }
    _modify { yield &counts.examples }
  }
  public internal(set) var hardBouncedAddresses: Set<String> {
    get { counts.hardBouncedAddresses }
    set { counts.hardBouncedAddresses = newValue }
    _modify { yield &counts.hardBouncedAddresses }
  }
  public internal(set) var listings: [ListingKey: BlocklistStats] {
    get { counts.listings }
    set { counts.listings = newValue }
    _modify { yield &counts.listings }
  }
  var clients: NamedCounts {
    get { counts.clients }
    set { counts.clients = newValue }
    _modify { yield &counts.clients }
  }
  var clientReasonCounts: CountTable {
    get { counts.clientReasonCounts }
    set { counts.clientReasonCounts = newValue }
    _modify { yield &counts.clientReasonCounts }
  }
  public internal(set) var senderHardBounces: [Int32: Int] {
    get { counts.senderHardBounces }
    set { counts.senderHardBounces = newValue }
    _modify { yield &counts.senderHardBounces }
  }
  public internal(set) var events: EventCounters {
    get { counts.events }
    set { counts.events = newValue }
    _modify { yield &counts.events }
  }
  public internal(set) var bytesDelivered: Int {
    get { counts.bytesDelivered }
    set { counts.bytesDelivered = newValue }
    _modify { yield &counts.bytesDelivered }
  }
  public internal(set) var senderAddresses: NamedCounts {
    get { counts.senderAddresses }
    set { counts.senderAddresses = newValue }
    _modify { yield &counts.senderAddresses }
  }
  public internal(set) var recipientAddresses: NamedCounts {
    get { counts.recipientAddresses }
    set { counts.recipientAddresses = newValue }
    _modify { yield &counts.recipientAddresses }
  }

  var open: OpenMessages {
    get { correlator.open }
    set { correlator.open = newValue }
    _modify { yield &correlator.open }
  }
  var orphans: [(QueueKey, MessageState)] {
    get { correlator.orphans }
    set { correlator.orphans = newValue }
    _modify { yield &correlator.orphans }
  }
  var orphanKeys: QueueIDSet {
    get { correlator.orphanKeys }
    set { correlator.orphanKeys = newValue }
    _modify { yield &correlator.orphanKeys }
  }
  var bornFirst: QueueIDSet {
    get { correlator.bornFirst }
    set { correlator.bornFirst = newValue }
    _modify { yield &correlator.bornFirst }
  }
  var sweepAt: Int {
    get { correlator.sweepAt }
    set { correlator.sweepAt = newValue }
    _modify { yield &correlator.sweepAt }
  }
  var hourCursor: Dictionary<Int64, HourCounters>.Index? {
    get { correlator.cursors.hour }
    set { correlator.cursors.hour = newValue }
    _modify { yield &correlator.cursors.hour }
  }
  var hourCursorKey: Int64 {
    get { correlator.cursors.hourKey }
    set { correlator.cursors.hourKey = newValue }
    _modify { yield &correlator.cursors.hourKey }
  }
}
