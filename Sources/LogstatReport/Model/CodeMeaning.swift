import LogstatAggregate

/// Plain-words meanings of SMTP reply codes (RFC 5321) and enhanced status codes (RFC 3463).
enum CodeMeaning {
  static func basic(_ code: Int) -> String {
    switch code {
    case 250: return "Accepted"
    case 251: return "Accepted, will forward"
    case 252: return "Cannot verify, will try"
    case 421: return "Service not available, closing connection"
    case 450: return "Mailbox unavailable (temporary)"
    case 451: return "Local error in processing (temporary)"
    case 452: return "Insufficient storage or too many recipients (temporary)"
    case 454: return "TLS or authentication temporarily unavailable"
    case 500: return "Syntax error, command unrecognised"
    case 501: return "Syntax error in parameters"
    case 502: return "Command not implemented"
    case 503: return "Bad sequence of commands"
    case 504: return "Parameter not implemented"
    case 521: return "Host does not accept mail"
    case 530: return "Authentication required"
    case 535: return "Authentication failed"
    case 550: return "Mailbox unavailable or policy refusal"
    case 551: return "User not local"
    case 552: return "Storage allocation exceeded"
    case 553: return "Mailbox name not allowed"
    case 554: return "Transaction failed"
    case 556: return "Domain does not accept mail"
    default:
      switch code / 100 {
      case 2: return "Success"
      case 4: return "Temporary failure"
      case 5: return "Permanent failure"
      default: return ""
      }
    }
  }

  static func enhanced(_ packed: UInt32) -> String {
    EnhancedMeaning.text(packed)
  }
}
