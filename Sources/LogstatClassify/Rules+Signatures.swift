extension Rules {
  /// Phrases that name a blocklist; higher priority names the more specific list.
  static let blocklistPhrases: [(String, Blocklist, UInt8)] = [
    ("zen.spamhaus", .spamhausZen, 90), ("spamhaus zen", .spamhausZen, 90),
    ("sbl.spamhaus", .spamhausSBL, 90), ("sbl-xbl.spamhaus", .spamhausSBL, 90),
    ("spamhaus sbl", .spamhausSBL, 90), ("spamhaus.org/sbl", .spamhausSBL, 85),
    ("xbl.spamhaus", .spamhausXBL, 90), ("spamhaus xbl", .spamhausXBL, 90),
    ("spamhaus.org/xbl", .spamhausXBL, 85), ("cbl.abuseat", .spamhausXBL, 90),
    ("abuseat.org", .spamhausXBL, 85), ("spamhaus's xbl", .spamhausXBL, 90),
    ("pbl.spamhaus", .spamhausPBL, 90), ("spamhaus pbl", .spamhausPBL, 90),
    ("spamhaus.org/pbl", .spamhausPBL, 85), ("spamhaus.org/query/dbl", .spamhausDBL, 85),
    ("dbl.spamhaus", .spamhausDBL, 90), ("spamhaus dbl", .spamhausDBL, 90),
    ("spamhaus", .spamhaus, 50),
    ("barracudacentral", .barracuda, 80), ("barracuda reputation", .barracuda, 80),
    ("barracudanetworks.com/reputation", .barracuda, 80), ("barracuda", .barracuda, 40),
    ("spamcop", .spamcop, 80), ("sorbs", .sorbs, 80), ("uceprotect", .uceprotect, 80),
    ("mail-abuse.com", .trendMicro, 80), ("mail-abuse.org", .trendMicro, 80),
    ("trend micro", .trendMicro, 80), ("trendmicro", .trendMicro, 80),
    ("proofpoint.com/dnsbl", .proofpoint, 80), ("ipcheck.proofpoint", .proofpoint, 80),
    ("proofpoint", .proofpoint, 50),
    ("(s3150)", .microsoft, 85), ("(s3140)", .microsoft, 85), ("(s3115)", .microsoft, 85),
    ("banned sending ip", .microsoft, 80), ("sender.office.com", .microsoft, 75),
    ("customer block list", .microsoft, 60),
    ("[bl21]", .yahoo, 40), ("[bl22]", .yahoo, 40), ("[bl23]", .yahoo, 40),
    ("spamrats", .spamrats, 80), ("psbl", .psbl, 80), ("invaluement", .invaluement, 80),
    ("surbl", .surbl, 80), ("uribl", .uribl, 80), ("abusix", .abusix, 80),
    ("cloudmark", .cloudmark, 80), ("senderscore", .senderScore, 80),
    ("mailspike", .mailspike, 80), ("nixspam", .nixspam, 80), ("manitu", .nixspam, 80),
    ("backscatterer", .backscatterer, 80), ("dronebl", .dronebl, 80),
    ("lashback", .lashback, 80), ("unsubscore", .lashback, 80),
    ("abuse-att", .att, 60), ("dc=bellsouth", .att, 60), ("dnsbl:rbl", .att, 55),
    ("comcast block", .comcast, 60), ("talosintelligence", .talos, 70), ("senderbase", .talos, 70),
  ]

  /// Phrases in a reply that show which provider wrote it (used when the relay says nothing).
  static let providerPhrases: [(String, Provider, UInt8)] = [
    ("gsmtp", .google, 90), ("support.google.com", .google, 80), ("gmail", .google, 60),
    ("google", .google, 50),
    ("protection.outlook.com", .microsoft, 90), ("prod.outlook.com", .microsoft, 90),
    ("outlook.com", .microsoft, 70), ("sender.office.com", .microsoft, 80),
    ("go.microsoft.com", .microsoft, 70), ("office365", .microsoft, 70), ("hotmail", .microsoft, 60),
    ("(s3150)", .microsoft, 80), ("(s3140)", .microsoft, 80), ("resolver.adr", .microsoft, 60),
    ("storedrv", .microsoft, 60), ("microsoft", .microsoft, 50),
    ("yahoodns", .yahoo, 80), ("yahooinc", .yahoo, 80), ("yahoo", .yahoo, 70), ("[tss0", .yahoo, 85),
    ("[ts0", .yahoo, 80), ("aol.com", .yahoo, 60),
    ("icloud", .apple, 70), ("support.apple.com", .apple, 80),
    ("mxgmx", .gmx, 80), ("gmx", .gmx, 70), ("postmaster.web.de", .gmx, 80), ("kundenserver", .gmx, 80),
    ("ionos", .gmx, 60), ("1and1", .gmx, 60), ("(mxweb", .gmx, 80),
    ("mail.ru", .mailru, 80), ("yandex", .yandex, 80), ("zoho", .zoho, 80),
    ("protonmail", .proton, 80), ("proton.me", .proton, 80),
    ("messagingengine", .fastmail, 80), ("fastmail", .fastmail, 80),
    ("comcast", .comcast, 80), ("abuse-att", .att, 80), ("bellsouth", .att, 70),
    ("sbcglobal", .att, 70), ("prodigy.net", .att, 70), (" att.net", .att, 70),
    ("cox.net", .cox, 70), ("charter.net", .charter, 70), ("orange.fr", .orange, 70),
    ("wanadoo", .orange, 70), (" free.fr", .free, 70), ("t-online", .tOnline, 80),
    ("libero.it", .libero, 80), ("qq.com", .tencent, 70), ("tencent", .tencent, 80),
    ("netease", .netease, 80), ("dt:spm", .netease, 80), ("163.com", .netease, 60),
    ("126.com", .netease, 60), ("naver", .naver, 80), ("mimecast", .mimecast, 80),
    ("pphosted", .proofpoint, 80), ("iphmx", .cisco, 80),
  ]

  /// Every phrase rule, in one list for the automaton.
  static let allPhraseRules: [PhraseRule] = {
    var rules: [PhraseRule] = []
    for group in reasonPhrases + providerCodes + languagePhrases + weakWords {
      for phrase in group.phrases {
        rules.append(PhraseRule(phrase: phrase, meaning: .reason(group.reason), priority: group.priority))
      }
    }
    for (phrase, list, priority) in blocklistPhrases {
      rules.append(PhraseRule(phrase: phrase, meaning: .blocklist(list), priority: priority))
    }
    for (phrase, provider, priority) in providerPhrases {
      rules.append(PhraseRule(phrase: phrase, meaning: .provider(provider), priority: priority))
    }
    for (bits, phrases) in conceptPhrases {
      for phrase in phrases { rules.append(PhraseRule(phrase: phrase, meaning: .concept(bits), priority: 0)) }
    }
    return rules
  }()

  /// The cases in declaration order, stored once: `allCases` builds a new array per call.
  static let reasons: [Reason] = Reason.allCases
  static let blocklists: [Blocklist] = Blocklist.allCases
  static let providers: [Provider] = Provider.allCases

  /// The automaton over all phrase rules, built once per process and shared read-only.
  static let automaton = PhraseAutomaton(rules: allPhraseRules)

  /// The automaton over the phrases that can occur inside ` token ` (a token is printable
  /// ASCII with no space: `PhraseRule.fitsInToken`), for `ReplyMask`'s check of candidate
  /// tokens. It reports a match on ` token ` exactly when `automaton` does, from tables small
  /// enough to stay in the L1 cache (the full one waits on the last-level cache).
  static let tokenAutomaton = PhraseAutomaton(rules: allPhraseRules.filter(\.fitsInToken))

  /// The first two bytes of the same phrases, to skip the DFA for most tokens (`ReplyMask`).
  static let tokenPhraseStarts = TokenPhraseStarts(rules: allPhraseRules.filter(\.fitsInToken))
}
