extension Rules {
  /// The weight of a block said only by naming our IP, host or network as refused (no list
  /// named, no "listed" or "blocked"); at connect such a refusal is policy (`ReplyClassifier`).
  static let unlistedBlockWeight: UInt8 = 72

  /// Words that say what a reply is about, or what is wrong with it, but name no reason alone.
  ///
  /// A reason needs two phrases that may sit anywhere in the text ("the *address* you sent to
  /// was *rejected*", "*userid* ... *invalid*"): the DFA marks each concept it sees in one bit
  /// (the union over the text, in the same pass), and `Rules.reason(forConcepts:)` reads the
  /// pairs. Weaker than every specific phrase and code, stronger than single weak words.
  enum Concept {
    /// The recipient as a thing: user, recipient, mailbox, account, address.
    static let addressee: UInt16 = 1 << 0
    /// Does not exist or is not valid: unknown, invalid, not found, no such, wrong, undeliverable.
    static let missing: UInt16 = 1 << 1
    /// Refused: rejected, refused, denied, blocked, banned, not allowed, not accepted.
    static let refused: UInt16 = 1 << 2
    /// Our sending machine: IP, client, host, server, network, connection.
    static let ourMachine: UInt16 = 1 << 3
    /// Our sender address: sender, envelope from, mail from, return path.
    static let ourSender: UInt16 = 1 << 4
    /// Out of service: disabled, suspended, inactive, locked, closed, deactivated, frozen.
    static let outOfService: UInt16 = 1 << 5
    /// Full: full, quota, storage, space, capacity.
    static let full: UInt16 = 1 << 6
    /// The recipient's domain or host name.
    static let domain: UInt16 = 1 << 7
  }

  static let conceptPhrases: [(UInt16, [String])] = [
    (Concept.addressee, [
      " user", "recipient", "mailbox", " account", " address", "userid", "addressee", " rcpt",
      "destinataire", "destinatario", "destinatário", "empfänger", "empfaenger", "utente", "usuario", "usuário",
      "utilisateur", "gebruiker", "ontvanger", "postfach", "buzón", "buzon", "casella", "boîte", "boite",
      "ользовател", "олучател", "ящик", "用户", "收件人", "邮箱", "宛先", "ユーザ",
      "メールボックス",
    ]),
    (Concept.missing, [
      "unknown", "invalid", "not found", "not exist", "no such", "doesn't exist", "does not exist",
      "not valid", "wrong", "incorrect", "illegal", "undeliverable", "not listed", "not recogni",
      "not registered", "nonexist", "non-exist", "not present", "not known", "no longer", "bad ",
      "inconnu", "unbekannt", "inexist", "inesist", "sconosciut", "desconocid", "desconhecid", "onbekend",
      "не найден", "не существует", "不存在", "見つかりません", "n'existe", "introuvable", "répertorié",
      "repertorie", "gibt es nicht", "niet gevonden", "no encontrad", "não encontrad", "nao encontrad",
      "non trovat",
      // Could not be found or confirmed: "recipient verification failed", "couldn't find the user".
      "verification failed", "could not be verified", "unverified", "couldn't find", "could not find",
      "can't find", "cannot find",
    ]),
    (Concept.refused, [
      "rejected", "refused", "denied", "blocked", "banned", "not allowed", "not accepted", "not welcome",
      "not permitted", "prohibited", "forbidden", "rejet", "refus", "abgelehnt", "rechazad", "rifiutat",
      "recusad", "geweigerd", "отклонен", "拒绝", "拒否", "bloqu", "blockiert", "gesperrt", "bloccat",
      "geblokkeerd", "заблокирован", "ブロック", "拦截", "屏蔽",
    ]),
    (Concept.ourMachine, [
      " ip ", " ip:", " ip.", " ip,", "ip address", " client", " host", " server", " network", "connection from",
      "your mta", "relay host", "adresse ip", "dirección ip", "direccion ip", "indirizzo ip", "endereço ip",
      "endereco ip", "ip-adres", "serveur", "servidor", "сервер", "サーバ", "服务器", "ip地址",
    ]),
    (Concept.ourSender, [
      "sender", "envelope from", "mail from", "mail-from", "mailfrom", "return path", "return-path",
      "from address", "originator", " from domain", "from: domain",
    ]),
    (Concept.outOfService, [
      "disabled", "suspended", "inactive", "locked", "closed", "deactivated", "frozen", "expired",
      "not active", "désactivé", "desactiv", "deaktiviert", "sospes", " limited",
    ]),
    (Concept.domain, [" domain", "host name", "hostname", "domaine", "dominio", "domínio", "domäne", "домен", "域名"]),
    (Concept.full, [" full", "quota", "storage", " space", "capacity", " voll", "pleine", "plein ", "lleno", "llena", "piena", "pieno", "cheia", "一杯", "いっぱい"]),
  ]

  /// The reason two concepts name together, with its weight, if any. Precedence in one
  /// sentence: the sender before the recipient ("sender address rejected" is our sender), the
  /// mailbox before its domain, what is wrong with it (out of service, full, missing) before a
  /// bare refusal, and a refused address before a refused machine.
  @inline(__always)
  static func reason(forConcepts c: UInt16) -> (Reason, Int)? {
    func has(_ a: UInt16, _ b: UInt16) -> Bool { c & a != 0 && c & b != 0 }
    // Above the generic refusal words (policy, 50): a refusal that names our sender is about it.
    if has(Concept.ourSender, Concept.refused) || has(Concept.ourSender, Concept.missing) {
      return (.senderRejected, 52)
    }
    if has(Concept.addressee, Concept.outOfService) { return (.mailboxDisabled, 47) }
    if has(Concept.addressee, Concept.full) { return (.mailboxFull, 47) }
    if has(Concept.addressee, Concept.missing) { return (.userUnknown, 46) }
    if has(Concept.domain, Concept.missing) { return (.domainNotFound, 46) }
    // Our machine refused, with no address named: a block on our IP or host.
    if has(Concept.ourMachine, Concept.refused), c & Concept.addressee == 0 {
      return (.blocklisted, Int(Rules.unlistedBlockWeight) - 28)
    }
    if has(Concept.addressee, Concept.refused) { return (.userUnknown, 41) }
    return nil
  }
}
