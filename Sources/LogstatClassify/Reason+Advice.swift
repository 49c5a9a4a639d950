extension Reason {
  /// What the sender can do about it, in one or two sentences.
  public var advice: String {
    switch self {
    case .userUnknown:
      "The mailbox does not exist: check the address for typos; if it is right, the person has left or it never existed. Remove it from mailing lists now, because repeated sends to dead addresses hurt your reputation."
    case .mailboxDisabled:
      "The account was closed or suspended by its provider. Stop sending to it and reach the person another way for a new address."
    case .mailboxFull:
      "The recipient's mailbox is over its storage limit. Retrying later may work; if it keeps failing the mailbox is probably abandoned, so reach the person another way or drop the address."
    case .domainNotFound:
      "The domain after the @ does not exist or accepts no mail. Check its spelling (e.g. gmal.com for gmail.com) and remove the address if it is correct."
    case .dnsFailure:
      "A DNS lookup failed or timed out. This is usually temporary and the queue retries; if it persists, check your own resolver and the recipient domain's DNS servers and MX records."
    case .relayDenied:
      "The server you reached does not handle mail for this domain and will not relay it. Check the recipient domain's MX records and your own routing (relayhost, transport maps); if you relay through a smarthost, authenticate to it."
    case .blocklisted:
      "Your sending IP or domain is on a blocklist. Look it up on the list named in the reply, find and stop the cause (compromised account, bad list, open relay), then request delisting through the list's own site."
    case .reputation:
      "The receiver distrusts your IP or domain because of complaints, unexpected volume or spam-like traffic. Slow down, send only to people who asked for your mail, remove unengaged and invalid addresses, and check the provider's postmaster tools."
    case .rateLimited:
      "The receiver is limiting how fast you may send. Let the queue retry, and lower the concurrency and per-domain rate for this provider; warm up new IPs gradually."
    case .quotaExceeded:
      "Your own provider or relay's sending limit was reached. Spread sending over time or raise the plan's limits; the message can be sent again once the quota resets."
    case .spamContent:
      "The receiver's filter judged the message to be spam. Review the content, links and attachments, make sure recipients opted in, and authenticate with SPF, DKIM and DMARC."
    case .virus:
      "A virus or dangerous attachment was found. Scan the sending system and the attachment, and share files by link instead of sending executables or macros."
    case .authentication:
      "The message failed SPF, DKIM or DMARC checks. Publish an SPF record listing this server, sign with DKIM, and align the From: domain with them before resending."
    case .reverseDNS:
      "Your sending IP has no valid reverse DNS (PTR) or it does not match its forward name. Ask whoever owns the IP to set a PTR record to a name that resolves back to the same IP, and use that name in HELO."
    case .policy:
      "The receiving organisation's local rules refused the message. Ask the recipient or their postmaster to allow your domain, or reach them another way."
    case .messageTooLarge:
      "The message exceeds the receiver's size limit. Send large files as a download link, or compress and split them."
    case .tooManyRecipients:
      "Too many recipients in one transaction or message. Lower the recipients per message (e.g. smtp_destination_recipient_limit) and let the rest retry."
    case .greylisted:
      "The receiver asked for a retry to prove you are a real server. Nothing to do: the queue retries and delivery normally follows within minutes."
    case .connectionFailed:
      "No SMTP conversation could be held: the connection was refused, timed out or dropped. The queue retries; if it persists, check firewalls, outbound port 25 and the recipient's MX hosts."
    case .tlsFailure:
      "A TLS requirement or handshake failed. Check your TLS settings, certificates and protocol versions, and whether the policy requires TLS the other side does not offer."
    case .serverError:
      "The recipient's server reported a problem on its side. The queue retries; if it persists for days, tell the recipient's administrators."
    case .storageFull:
      "The recipient's server is short of disk space or resources. The queue retries; contact their administrators if it persists."
    case .loop:
      "The message went round in a loop between servers or back to yourself. Check MX records, forwarding and aliases, and your own mydestination/relay settings."
    case .protocolError:
      "The servers disagreed on the SMTP protocol (syntax, command order, HELO name). Check your MTA's HELO/EHLO name and settings; a proxy or firewall inspecting SMTP can also cause this."
    case .senderRejected:
      "The envelope sender (MAIL FROM) address or its domain was refused. Use a sender address in a domain that exists, has MX/A records and is allowed to send from this server."
    case .authRequired:
      "The server needs SMTP authentication, or it refused your credentials. Check the username, password and TLS settings used for this relay (e.g. smtp_sasl_password_maps)."
    case .invalidContent:
      "The message is malformed: bad headers, encoding or line structure. Check that the generating program writes valid RFC 5322 messages (Message-ID, Date, From, line length)."
    case .localError:
      "No remote server refused this: our own mail system failed while handling it (file or lock permissions, a pipe or command that is missing or exited with an error, a configuration or expansion mistake). The address is not at fault; read the MTA's own log around this line, fix the local setup, then flush the queue."
    case .other:
      "The reply was not recognised. Read the full text for clues and, if it repeats, ask the recipient's administrators what it means."
    }
  }
}
