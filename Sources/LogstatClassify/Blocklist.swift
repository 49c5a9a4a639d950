/// A DNS blocklist or provider block list that a reply names as the reason for a refusal.
public enum Blocklist: String, CaseIterable, Sendable, Codable, Hashable {
  case spamhaus
  case spamhausZen = "spamhaus-zen"
  case spamhausSBL = "spamhaus-sbl"
  case spamhausXBL = "spamhaus-xbl"
  case spamhausPBL = "spamhaus-pbl"
  case spamhausDBL = "spamhaus-dbl"
  case barracuda
  case spamcop
  case sorbs
  case uceprotect
  case trendMicro = "trend-micro"
  case proofpoint
  case microsoft
  case yahoo
  case spamrats
  case psbl
  case invaluement
  case surbl
  case uribl
  case abusix
  case cloudmark
  case senderScore = "senderscore"
  case mailspike
  case nixspam
  case backscatterer
  case dronebl
  case lashback
  case att
  case comcast
  case talos

  /// The name shown in reports.
  public var displayName: String {
    switch self {
    case .spamhaus: "Spamhaus"
    case .spamhausZen: "Spamhaus ZEN"
    case .spamhausSBL: "Spamhaus SBL"
    case .spamhausXBL: "Spamhaus XBL/CBL"
    case .spamhausPBL: "Spamhaus PBL"
    case .spamhausDBL: "Spamhaus DBL"
    case .barracuda: "Barracuda Reputation Block List"
    case .spamcop: "SpamCop"
    case .sorbs: "SORBS"
    case .uceprotect: "UCEPROTECT"
    case .trendMicro: "Trend Micro ERS / MAPS"
    case .proofpoint: "Proofpoint"
    case .microsoft: "Microsoft block list (S3150 / banned sending IP)"
    case .yahoo: "Yahoo block list (BL21-23)"
    case .spamrats: "SpamRATS"
    case .psbl: "PSBL"
    case .invaluement: "Invaluement"
    case .surbl: "SURBL"
    case .uribl: "URIBL"
    case .abusix: "Abusix Mail Intelligence"
    case .cloudmark: "Cloudmark CSI"
    case .senderScore: "SenderScore (Validity)"
    case .mailspike: "Mailspike"
    case .nixspam: "NiX Spam (manitu)"
    case .backscatterer: "Backscatterer"
    case .dronebl: "DroneBL"
    case .lashback: "LashBack UBL"
    case .att: "AT&T block list"
    case .comcast: "Comcast block list"
    case .talos: "Cisco Talos"
    }
  }
}
