extension Rules {
  /// The common reasons as the big providers of France, Germany, Spain, Italy, Portugal and
  /// Brazil, the Netherlands, Russia, Japan and China word them. Only ASCII is lower-cased by
  /// the scanner, so Cyrillic phrases are written without their first letter where a sentence
  /// may start with a capital, and accented words also come unaccented (many MTAs strip accents).
  static let languagePhrases: [Group] = [
    Group(.userUnknown, 86, [
      // French, German, Spanish, Italian, Portuguese, Dutch
      "adresse inconnue", "adresse invalide", "boite aux lettres inexistante", "boîte aux lettres inexistante",
      "compte inexistant", "destinataire invalide", "existiert nicht", "ungültige adresse", "ungueltige adresse",
      "kein postfach", "usuario no existe", "buzón no existe", "buzon no existe", "dirección no existe",
      "utente sconosciuto", "utente inesistente", "indirizzo inesistente", "casella inesistente",
      "usuário desconhecido", "usuario desconhecido", "utilizador desconhecido", "não existe", "nao existe",
      "onbekende gebruiker", "gebruiker onbekend", "bestaat niet", "onbekend adres",
      // Stems that cover gender and number: inexistant(e), inexistente, inesistente, inconnu(e)(s)...
      "inexist", "inesistent", "non esiste", "inconnu", "desconocid", "desconhecid", "sconosciut",
      "no se encuentra", "no se pudo encontrar la direcci", "nicht vorhanden", "n'existe pas", "n'existe plus", "introuvable", "non répertorié",
      "non repertorie",
      // Russian
      "ользователь не найден", "ет такого пользователя", "еизвестный пользователь", "дрес не существует",
      "ящик не существует", "не существует", "олучатель не найден", "пользователя нет", "нет такого ящика",
      // Japanese, Chinese
      "存在しない", "存在しません", "宛先不明", "ユーザーが見つかりません",
      "用户不存在", "收件人不存在", "邮箱不存在", "帐户不存在", "账户不存在", "帳號不存在", "地址不存在",
      // QQ Mail: "该用户未开通QQ邮箱", the address was never opened as a mailbox.
      "未开通",
    ]),
    // Names of the domain part, above the address words they contain.
    Group(.domainNotFound, 88, [
      "domaine inconnu", "domaine inexistant", "dominio inexistente", "dominio no existe", "dominio inesistente",
      "domain unbekannt", "domäne existiert nicht", "domein bestaat niet", "domaine n'existe pas",
      "domaine introuvable", "el dominio no existe", "il dominio non esiste", "o domínio não existe",
    ]),
    Group(.mailboxFull, 86, [
      "boite aux lettres pleine", "boîte aux lettres pleine", "quota depasse", "quota dépassé",
      "postfach ist voll", "speicherplatz", "quota überschritten", "kontingent überschritten",
      "buzón lleno", "buzon lleno", "cuota excedida", "casella di posta piena", "quota superata",
      "caixa postal cheia", "caixa de correio cheia", "cota excedida", "quota excedida", "caixa cheia",
      "mailbox vol", "postvak vol", "ist voll", "est pleine", "está lleno", "esta lleno", "è piena",
      "está cheia", "esta cheia", "is vol", "postvak is vol", "quotum overschreden",
      "ящик переполнен", "переполнен", "ревышена квота", "ревышен лимит ящика", "ет места",
      "メールボックスがいっぱい", "容量超過", "容量オーバー", "容量が不足",
      "邮箱已满", "空间已满", "空间不足", "容量已满", "信箱已满", "超出配额",
    ]),
    Group(.mailboxDisabled, 86, [
      "compte désactivé", "compte desactive", "konto deaktiviert", "konto gesperrt", "cuenta desactivada",
      "cuenta deshabilitada", "account disattivato", "conta desativada", "account gedeactiveerd",
      "ящик заблокирован", "ящик отключен", "аккаунт заблокирован",
      "停止されて", "已停用", "被冻结", "已冻结", "已注销",
    ]),
    Group(.blocklisted, 80, [
      "adresse ip bloquee", "adresse ip bloquée", "ip bloquee", "ip bloquée", "ip-adresse blockiert",
      "ip blockiert", "ip bloqueada", "ip bloccato", "ip bloccata", "ip geblokkeerd",
      "ip заблокирован", "заблокирован", "ブロックされ", "被拦截", "被屏蔽", "黑名单",
    ]),
    Group(.rateLimited, 86, [
      "trop de messages", "zu viele nachrichten", "zu viele verbindungen", "demasiados mensajes",
      "troppi messaggi", "muitas mensagens", "te veel berichten", "слишком много писем",
      "лишком много сообщений", "слишком много соединений", "слишком много подключений", "送信数", "频率过高", "过于频繁", "发送频率", "发信频率",
    ]),
    Group(.messageTooLarge, 86, [
      "message trop volumineux", "trop volumineux", "nachricht ist zu groß", "nachricht zu groß",
      "zu gross", "mensaje demasiado grande", "demasiado grande", "messaggio troppo grande",
      "troppo grande", "mensagem muito grande", "muito grande", "grande demais", "bericht te groot", "te groot",
      "слишком большое", "азмер письма превышает", "サイズが大きすぎ", "サイズ超過", "邮件过大", "邮件太大",
    ]),
    Group(.spamContent, 86, [
      "considéré comme spam", "considere comme spam", "pourriel", "courrier indésirable",
      "als spam", "unerwünschte", "considerado spam", "correo no deseado", "considerato spam",
      "posta indesiderata", "lixo eletrônico", "lixo eletronico", "als ongewenst", "спам",
      "迷惑メール", "垃圾邮件", "垃圾郵件",
    ]),
    // MARK: more reasons in the nine languages (written-2.tsv's development misses)
    Group(.relayDenied, 86, [
      "relais nicht", "relaying nicht", "relais refus", "relais interdit", "relais non autoris", "relay no permitido",
      "retransmisión denegada", "retransmision denegada", "relay non consentito", "relay não permitido",
      "relay nao permitido", "relay niet toegestaan", "етрансляц", "中继",
    ]),
    Group(.blocklisted, 84, [
      "sperrliste", "schwarze liste", "liste noire", "lista negra", "lista nera", "zwarte lijst",
      "ерный список", "ёрный список", "ブラックリスト", "黑名單",
    ]),
    Group(.reputation, 88, [
      "réputation", "reputación", "reputacion", "reputazione", "reputação", "reputacao", "reputatie",
      "епутаци", "信誉", "レピュテーション",
    ]),
    Group(.quotaExceeded, 88, [
      "limite d'envoi", "versandlimit", "sendelimit", "límite de envío", "limite de envio", "limite di invio",
      "verzendlimiet", "лимит отправки", "送信上限", "发送上限", "发信上限",
    ]),
    Group(.messageTooLarge, 86, [
      "taille maximale", "dépasse la taille", "depasse la taille", "tamaño máximo", "tamano maximo",
      "dimensione massima", "tamanho máximo", "tamanho maximo", "maximale größe", "maximale groesse",
      "maximale grootte", "аксимальный размер", "最大サイズ", "超过最大", "大小超过",
    ]),
    // The server's own disk, above the mailbox words "speicherplatz" and the like.
    Group(.storageFull, 90, [
      "speicherplatz des servers", "serverspeicher", "espace disque", "espacio en disco", "spazio su disco",
      "espaço em disco", "espaco em disco", "schijfruimte", "места на диске", "ディスク容量", "磁盘空间",
    ]),
  ]

  /// Single words that hint at a reason when nothing more specific is said: weaker than any
  /// phrase above and than a specific enhanced code, so they only decide short or unusual texts.
  static let weakWords: [Group] = [
    Group(.userUnknown, 35, ["unknown", "no such", "not exist", "undeliverable to", "bad address"]),
    Group(.mailboxFull, 60, ["is full"]),
    Group(.mailboxFull, 40, [" full ", "storage"]),
    Group(.mailboxDisabled, 55, ["inactive", "locked", "frozen", "suspend", "deleted"]),
    Group(.spamContent, 50, ["bulk", "junk", " filter"]),
    // Word starts: "rate" and "slow" also end "separate", "corporate" and such.
    Group(.rateLimited, 42, [" rate", "frequency", " slow", "limit exceeded", "throttle", "too fast"]),
    Group(.relayDenied, 55, ["relay", "relais"]),
    Group(.reverseDNS, 80, ["ptr", "reverse"]),
    Group(.senderRejected, 42, ["sender", "mail from"]),
    Group(.serverError, 30, ["temporar", "try again"]),
    Group(.loop, 80, [" hops"]),
    Group(.messageTooLarge, 50, ["size", "large"]),
    // " resolve " as a word: Exchange's RESOLVER.* status names are not DNS failures.
    Group(.dnsFailure, 55, ["dns", "lookup", " resolve ", " resolving", "name server"]),
    Group(.connectionFailed, 52, ["connect", "network", "unreachable", "timed out"]),
    Group(.authRequired, 80, ["password", "credentials", "login", "log in"]),
    Group(.authRequired, 48, ["authenticat"]),
    Group(.tlsFailure, 60, ["encrypt"]),
    Group(.other, 45, ["expired"]),
    Group(.localError, 50, ["mailer"]),
  ]
}
