/// The mailbox provider or filtering service that answered, so hosted domains group together.
public enum Provider: String, CaseIterable, Sendable, Codable, Hashable {
  case google
  case microsoft
  case yahoo
  case apple
  case gmx
  case mailru
  case yandex
  case zoho
  case proton
  case fastmail
  case comcast
  case att
  case cox
  case charter
  case orange
  case free
  case tOnline = "t-online"
  case libero
  case tencent
  case netease
  case naver
  case mimecast
  case proofpoint
  case barracuda
  case cisco
  case none

  /// The name shown in reports.
  public var displayName: String {
    switch self {
    case .google: "Google (Gmail)"
    case .microsoft: "Microsoft (Outlook/Exchange Online)"
    case .yahoo: "Yahoo/AOL"
    case .apple: "Apple iCloud"
    case .gmx: "GMX/web.de/1&1/IONOS"
    case .mailru: "Mail.ru"
    case .yandex: "Yandex"
    case .zoho: "Zoho"
    case .proton: "Proton"
    case .fastmail: "Fastmail"
    case .comcast: "Comcast"
    case .att: "AT&T"
    case .cox: "Cox"
    case .charter: "Charter/Spectrum"
    case .orange: "Orange"
    case .free: "Free"
    case .tOnline: "T-Online"
    case .libero: "Libero"
    case .tencent: "Tencent (QQ)"
    case .netease: "NetEase (163/126)"
    case .naver: "Naver"
    case .mimecast: "Mimecast"
    case .proofpoint: "Proofpoint"
    case .barracuda: "Barracuda"
    case .cisco: "Cisco Secure Email"
    case .none: "none"
    }
  }
}
