/// The classifier's knowledge, as data: phrases that name a reason, with their weight.
///
/// Phrases are matched against the normalised reply (lower case, single spaces, reply-code
/// prefixes removed, one space at each end), so a leading space asks for a word start.
/// Priorities: 95 names a list or a provider's own code, 80-90 a specific phrase,
/// 60-75 a usual but looser wording, 30-50 a weak hint that a specific enhanced code
/// (weighted 55-70 in `Rules.codes`) outranks. On a tie the earlier match wins.
/// Adding a new text is adding one phrase here.
enum Rules {
  /// A group of phrases for one reason at one priority.
  struct Group {
    let reason: Reason
    let priority: UInt8
    let phrases: [String]
    init(_ reason: Reason, _ priority: UInt8, _ phrases: [String]) {
      self.reason = reason
      self.priority = priority
      self.phrases = phrases
    }
  }

  static let reasonPhrases: [Group] = [
    // MARK: specific wordings that outrank the broad words they contain
    Group(.authRequired, 95, [
      "web browser", "failed to authenticate", "identity changes", "unauthenticated senders not allowed",
      "application-specific password",
    ]),
    Group(.authentication, 95, ["authentication requirements", "authentication level"]),
    Group(.policy, 95, [
      "user reject", "refuse to receive", "refuses to receive", "only accepting mail from", "not accepting any mail",
      "user rules", "blocked by the recipient", "sender was not authenticated", "not in allowed-senders",
      "not authenticated for group", "recipient preferences",
    ]),
    Group(.protocolError, 95, ["bad helo", "helo/ehlo argument", "no data before greeting", "ehlo/helo first"]),
    Group(.quotaExceeded, 96, ["relay limit exceeded", "relay sending limit"]),
    Group(.reverseDNS, 95, ["forward dns entry", "dns check failure", "no rdns"]),
    Group(.senderRejected, 98, [
      "sender address has been blacklisted", "sender address has been blocked", "sender address is blocked",
      "sender address was blocked", "sender is in my black list", "email address has been blacklisted",
      "address is on senderfilterconfig", "backscatter", "third-party dsn", "unsigned dsn",
      "fully qualified email address required", "registered gateway user", "bouncedeny", "block policy for header from", "block policy for envelope from",
      "empty email address", "unresolvable rfc.5321", "unroutable sender", "sorry, your domain has been",
      "sorry, your email address has been", "your envelope sender",
    ]),
    Group(.serverError, 88, [
      "system error", "suspiciousremoteservererror", "expansion problem", "journaling",
    ]),
    Group(.blocklisted, 93, ["ip has been blocked", "has been temporarily blocked", "ip has been temporarily blocked"]),
    Group(.mailboxDisabled, 95, ["banned recipient"]),
    Group(.authRequired, 97, ["send anonymous mail", "authentication not allowed"]),
    // A relay that wants us to log in first, however it words it.
    Group(.authRequired, 95, ["don't authenticate", "do not authenticate"]),
    Group(.invalidContent, 95, ["blank from", "provide a valid from", "not allowed as a from"]),
    Group(.rateLimited, 92, ["messages per session", "per session"]),
    Group(.spamContent, 98, ["blacklisted url", "by our filter", "mail score (", "scoringupperlimit"]),
    Group(.tlsFailure, 95, ["dnssec", "mta-sts", "requires encryption", "ciphers", "dane"]),
    Group(.virus, 98, ["prohibited virus"]),
    Group(.tlsFailure, 100, ["tlsa"]),
    Group(.localError, 60, [" router"]),
    Group(.domainNotFound, 95, [
      "mail-enabled subscriptions", "missing mx", "mxs point to missing", "mail domain mentioned",
      "domain may not exist", "dns domain",
    ]),
    Group(.domainNotFound, 88, ["host not found"]),
    Group(.blocklisted, 96, ["comcast block"]),
    Group(.messageTooLarge, 97, ["recipsizelimit", "sizelimit"]),
    Group(.invalidContent, 97, [
      "duplicate header", "multiple subject", "rfcmessagenoncompliant", "disallowed header", "encoded-word",
      "rfc 5322 compliant", "mime headers", "binary content", "base64 encoding", "8-bit data",
    ]),
    Group(.mailboxDisabled, 92, ["suspend the service", "archivee", "temporarily inactive", "currently suspended"]),
    Group(.relayDenied, 95, ["client was not authenticated"]),
    // MARK: recipient address
    Group(.userUnknown, 85, [
      "user unknown", "unknown user", "no such user", "user not found", "user does not exist",
      "user doesn't exist", "user doesn't have a", "user does not have a", "no mailbox here by that name",
      "not a valid mailbox", "recipient not found", "recipientnotfound", "recipnotfound", "address invalid", "unknown recipient",
      "recipient unknown", "no such recipient", "mailbox not found", "mailbox does not exist",
      "no such mailbox", "mailbox unknown", "unknown mailbox", "address unknown", "not our customer",
      "addressee unknown", "unknown local part", "unknown local-part",
      "unknown or illegal alias", "not a known user", "address does not exist",
      "account that you tried to reach does not exist", "account does not exist",
      "no such address", "invalid recipient", "recipient does not exist", "mailbox is unknown",
      "email address could not be found", "not a valid user", "no such account",
      "unknown email address", "recipient is not valid", "non-existent user", "nonexistent user",
      "user is unknown", "bad recipient", "user invalid", "invalid user", "mailbox unavailable: user not found",
      "unknown address", "no such local user", "not a valid recipient", "address not found",
      "user not exist", "doesn't have an account", "does not have an account",
      "not listed in domino directory", "not listed in public name", "not present in directory",
      "can't accept user", "addresses were unknown", "rejected recipients", "not an active address",
      "mailbox invalid", "mailbox not present", "no account by that name", "no mail box",
      "no such person", "recipient not exist", "recipient not ok", "badrcptto", "validrcptto",
      "envelope recipient has been denied", "no one at this address", "missing home directory",
      "user not known", "unknown virtual user", ") unknown", "nicht gefunden",
      "notfound", "unavaiable", "badrecipientto",
      "utilisateur inconnu", "destinataire inconnu", "unbekannt", "nessun utente", "no existe",
      "usuario desconocido", "recipient is not accepted", "not a local address",
      "recipient doesn't exist", "no longer exists", "cannot be verified", "not a member of domain",
      "mailbox not available", "has been replaced by",
      // Moved away without a forwarding address (RFC 3463 x.1.6).
      "has moved", "no forwarding address", "account or domain may not exist",
    ]),
    // Nobody left to deliver to: usually unknown recipients, but a protocol code (5.5.x) outranks it.
    Group(.userUnknown, 45, ["no valid recipients"]),
    Group(.userUnknown, 70, [
      "invalid mailbox", "mailbox is unavailable", "account unavailable",
      "name directory", "bad destination mailbox", "invalid address",
      "mailbox name not allowed", "no mailbox",
      "mailbox unavailable", "no longer valid", "not found in directory", "does not exist",
      "mailbox is not available",
    ]),
    // MARK: what the address is, then what is wrong with it: the common words for an address
    // (user, account, mailbox, recipient, address) paired with the words for "unknown",
    // "disabled" and "full", so a wording never seen still names its reason. Below the specific
    // phrases above, above weak hints and generic codes; kept small, as each adds DFA states.
    Group(.userUnknown, 84, [
      "user is invalid", "user no longer exists", "account unknown", "account not found",
      "account doesn't exist", "account invalid", "account is invalid", "account no longer exists",
      "unknown account", "invalid account", "mailbox doesn't exist", "mailbox is invalid",
      "mailbox no longer exists", "recipient invalid", "recipient is invalid", "recipient no longer exists",
      "address doesn't exist", "address is invalid", "address no longer exists", "email address unknown",
      "email address not found", "email address does not exist", "email address doesn't exist",
      "email address invalid", "email address is invalid", "email address no longer exists",
      "invalid email address", "no such email address",
    ]),
    Group(.mailboxDisabled, 84, [
      "user disabled", "user is disabled", "user has been disabled", "user inactive", "user is inactive",
      "user suspended", "user has been suspended", "user deactivated", "user closed", "user locked",
      "user expired", "disabled user", "suspended user", "deactivated user", "disabled account",
      "suspended account", "deactivated account", "mailbox suspended", "mailbox deactivated", "mailbox closed",
      "mailbox locked", "mailbox expired", "disabled mailbox", "suspended mailbox", "recipient disabled",
      "recipient is disabled", "recipient has been disabled", "recipient inactive", "recipient is inactive",
      "recipient suspended", "recipient has been suspended", "recipient deactivated", "recipient closed",
      "recipient locked", "recipient expired", "suspended recipient", "deactivated recipient",
      "address disabled", "address is disabled", "address has been disabled", "address inactive",
      "address is inactive", "address suspended", "address has been suspended", "address deactivated",
      "address closed", "address locked", "address expired", "disabled address", "suspended address",
      "deactivated address", "email address disabled", "email address is disabled",
      "email address has been disabled", "email address inactive", "email address is inactive",
      "email address suspended", "email address has been suspended", "email address deactivated",
      "email address closed", "email address locked", "email address expired", "disabled email address",
      "suspended email address", "deactivated email address",
    ]),
    Group(.mailboxFull, 84, [
      "user full", "user is full", "user over quota", "user quota exceeded", "account full",
      "account over quota", "account quota exceeded", "mailbox over quota", "recipient full",
      "recipient is full", "recipient over quota", "recipient quota exceeded", "address full",
      "address is full", "address over quota", "address quota exceeded", "email address full",
      "email address is full", "email address over quota", "email address quota exceeded",
    ]),
    // A prefix only: the cause after it ("Mailer error", "Disabled recipient address") decides.
    // Postfix's prefix alone is a refusal of the recipient by policy; the cause after it
    // (unknown, disabled, full...) outweighs it whenever it says more.
    Group(.policy, 45, ["recipient address rejected"]),
    Group(.userUnknown, 40, ["address rejected", "recipient rejected", "not found"]),
    Group(.mailboxDisabled, 88, [
      "account has been disabled", "account is disabled", "account disabled", "mailbox disabled",
      "mailbox is disabled", "disabled or discontinued", "account that you tried to reach is disabled",
      "account has been suspended", "mailbox currently suspended", "account suspended",
      "mailbox has been suspended", "account is suspended", "mailbox is inactive", "mailbox inactive",
      "account is inactive", "account inactive", "inactive account", "account has expired",
      "account expired", "account deactivated", "account has been deactivated", "account closed",
      "account has been closed", "mailbox is frozen", "account is locked", "account locked",
      "no longer active", "has been terminated", "mailbox has been disabled", "user account is disabled",
      "[suspend]", "not accepting messages", "mailbox is suspended", "account blocked by owner",
      "temporary locked", "temporarily locked", "archived recipient", "inactive user", "is terminated",
      "account is expired", "mailbox is expired", "expired account", "account blocked", "account is blocked",
      "account has been blocked", "mailbox blocked", "mailbox is blocked", "mailbox has been blocked",
      "account has been frozen", "account is frozen", "account frozen",
      "no longer accepts mail", "user not active", "disabled recipient", "mailbox is deactivated", "deactivated mailbox",
    ]),
    Group(.mailboxDisabled, 65, ["is inactive", "deactivated", "disabled", "suspended", "no longer in use"]),
    Group(.mailboxFull, 88, [
      "mailbox full", "mailbox is full", "over quota", "over the quota", "overquota",
      "disk quota exceeded", "mailbox limit exceeded", "mailbox size limit exceeded",
      "exceeded storage allocation", "exceeds storage allocation", "out of storage space", "inbox is full",
      "full mailbox", "mail quota exceeded", "mailbox quota exceeded", "account is full",
      "mailbox has exceeded", "exceeded its storage", "storage quota", "mailbox exceeds",
      "quota exceeded for", "user has exceeded", "mailbox over", "mailfolder is full",
      "over their storage", "insufficient space in mailbox", "mailbox would exceed", "quota full",
      "inbox is out of storage", "has exceeded its quota", "exceeds quota", "exceeded quota",
      "not enough storage space in the mailbox", "mailbox size exceeded", "mailbox is over",
      "quotaexceeded", "recipient's mailbox is full", "too many messages on the server",
      "space has been used up", "recipient's mailbox exceeded", "number of messages in", "pleine", "postfach voll", "casella piena", "mailbox limit", "exceeded their mailbox",
    ]),
    Group(.mailboxFull, 95, ["mailbox full or sending limit exceeded"]),
    Group(.mailboxFull, 60, ["quota exceeded", "quota", "mailbox space", "storage limit"]),
    // Exim's router found no route for the address: its domain (Sisimai files it hostunknown, as
    // Exim's own test logs and the real corpora label it); words naming the user outrank it.
    Group(.domainNotFound, 70, ["unrouteable address"]),
    // Exim's transport refused a message whose lines are longer than it may send (RFC 5322's 998).
    Group(.invalidContent, 88, ["lines too long for transport", "message has lines too long"]),
    Group(.domainNotFound, 86, [
      "host or domain name not found", "domain not found", "domain does not exist", "no such domain",
      "couldn't find any host named", "could not find any host named", "unrouteable mail domain",
      "domain name not found", "find the recipient domain", "null mx", "domain does not accept mail",
      "bad destination system address", "all relevant mx records point to non-existent hosts",
      "unknown domain", "domain is not valid", "invalid domain", "nxdomain", "no mx or a record",
      "mx record for domain not found", "domain has no mx", "domain name does not exist",
      "non-existent domain", "nonexistent domain", "domain doesn't exist", "not a valid domain",
      "domain is not reachable", "host unknown", "unknown host", "domain must exist",
      "nullmx", "no mx found", "no mx record", "no mx for", "no mx host", "no valid mx",
    ]),
    Group(.policy, 90, ["does not accept mail from", "not accepting mail with", "list of senders"]),
    // MARK: network and DNS
    Group(.dnsFailure, 90, [
      "lookup failed temporarily", "servfail", "dns records", "lookup failure", "name server reply", "nameserver",
      "name or service not known", "host lookup did not complete", "temporary lookup failure",
      "dns lookup failed", "dns failure", "dns error", "dns timeout", "dns problem",
      "unable to resolve", "name server failure", "failure in name resolution", "domain lookup failed",
      "mx lookup failed", "dns query failed", "could not resolve", "cannot resolve",
      "temporary dns", "dns temporary", "resolver failure", "dns resolution",
      "name server timeout", "lookup error",
    ]),
    // NXDOMAIN said plainly outranks a generic "DNS error"; "try again" makes it temporary.
    Group(.dnsFailure, 93, ["not found, try again"]),
    Group(.domainNotFound, 92, ["domain name not found"]),
    // A DNSBL that refused the checking server's query (open or public resolver, too many
    // queries, Spamhaus returnc codes 127.255.255.x): nobody is listed, the receiver's DNS failed.
    Group(.dnsFailure, 99, [
      "open resolver", "public resolver", "open dns resolver", "public dns resolver", "query refused",
      "queries refused", "refused query", "/returnc/", "returnc", "127.255.255.", "excessive number of queries",
      "dnsbl query failed", "dnsbl lookup failed", "rbl lookup failed", "rbl query failed",
      "query via public", "queries via public", "unable to query", "not a valid dnsbl",
      "dnsbl error", "rbl error", "dnsbl timeout", "rbl timeout",
    ]),
    Group(.connectionFailed, 85, [
      "connection refused", "connection timed out", "lost connection", "connection reset",
      "no route to host", "network is unreachable", "host is unreachable", "closed connection",
      "connection closed", "failing for a long time", "retry time not reached", "smtp timeout",
      "could not connect", "couldn't connect", "unable to connect", "establish an smtp connection",
      "connection dropped", "connection failed", "cannot connect", "broken pipe", "connection lost",
      "timed out while", "conversation timed out", "no answer from host", "connection terminated",
      "unreachable", "timeout - closing connection", "conversation with", "connect to",
      "remote host closed", "network error", "read timeout", "connection attempt failed",
      "connection aborted",
    ]),
    Group(.connectionFailed, 66, ["delivery temporarily suspended"]),
    Group(.connectionFailed, 60, ["timed out", "timeout"]),
    Group(.tlsFailure, 88, [
      "tls is required", "tls required", "starttls", "tls handshake", "handshake failure",
      "handshake failed", "certificate verification failed", "certificate verify failed",
      "cannot start tls", "tls negotiation failed", "not sent over tls", "over a tls connection", "encryption required",
      "no shared cipher", "wrong version number", "tls not available", "tls failure", "tls error",
      "tls connection", "ssl routines", "certificate not verified", "requiretls", "untrusted certificate", "certificate has expired",
      "certificate verification error", "must use tls", "must issue a starttls", "ssl handshake",
      "tls session", "server certificate not trusted", "require tls", "tls negotiation",
    ]),
    Group(.tlsFailure, 60, [" tls", " ssl", "certificate"]),
    // MARK: our server and reputation
    Group(.relayDenied, 86, [
      "relay access denied", "relaying denied", "relay denied", "relay not permitted", "unable to relay",
      "relaying not allowed", "not permitted to relay", "relay prohibited", "we do not relay",
      "not allowed to relay", "no relaying", "relay not allowed", "relaying prohibited",
      "allowed rcpthost", "non-local address", "not local host", "not in my list of allowed", "cannot relay", "can't relay",
      "relaying to", "relay access", "relay attempt", "relaying is not allowed", "relay is not allowed",
      "is not a local domain", "user not local", "relay not authorized",
      "relaying disallowed", "relaying mail to", "not a gateway", "as a relay", "mail relay",
      "configured to relay", "handle mail for", "specified domain is not allowed",
    ]),
    Group(.relayDenied, 96, ["mail relay denied", "not an open relay"]),
    // Authentication asked for only to relay: the refusal is the relay.
    Group(.relayDenied, 91, ["to a non-local", "non-local e-mail address"]),
    Group(.blocklisted, 95, ["bad sender ip"]),
    Group(.blocklisted, 97, [
      "blocked using", "listed at", "dnsbl", "spamhaus", "barracudacentral", "barracuda reputation",
      "spamcop", "sorbs", "uceprotect", "mail-abuse.com", "mail-abuse.org", "trend micro",
      "email reputation database", "ipcheck.proofpoint", "dnsbl-lookup", "(s3150)", "(s3140)",
      "banned sending ip", "sender.office.com", "[bl21]", "[bl22]", "[bl23]", "blocked by prs",
      "abuseat", "psbl", "spamrats", "invaluement", "surbl", "uribl", "abusix", "mailspike",
      "senderscore", "backscatterer", "dronebl", "nixspam", "lashback", "0spam", "spameatingmonkey",
      "cloudmark", "junkemailfilter", "hostkarma", "rbl.", "rbl:", " rbl ", " rbls",
      "blocklisted", "blacklisted", "block listed", "black listed", "on our block list",
      "customer block list", "is on a blocklist", "is on a blacklist",
    ]),
    Group(.blocklisted, 82, [
      "blacklist", "blocklist", "block list", "black list", "refused spam site", "spam site",
      "blocked for abuse", "invalid ip for sending", "no access from mail server", "open proxy",
      "bounce attack", "abus detecte", "not allowed to connect", "bad commands from", "bad ip profile", "is_blocked", "ip blocked", "ip address is blocked",
      "ip is blocked", "ip has been blocked", "dynamic/residential", "residential ip", " dynamic ip",
      "listed in", "listed on", "user defined policy matched", "banned sender", "rejected because the ip is",
      "your ip address is listed", "host is blacklisted", "is blocked by", "blocked ip",
      "is blocked", "address is blocked",
    ]),
    Group(.blocklisted, 90, [
      "dynamically-assigned", "dynamically assigned", "ip address rejected",
      "like a spammer", "known spammer", "suspiciously like", "too many spams", "unwanted messages have been sent",
      "as abusive", "zombied", "spam ips", "smtp server of your isp", "mail from your ip",
      "accepting mail from your ip", "ip address is listed", "bad ip",
    ]),
    Group(.blocklisted, Rules.unlistedBlockWeight, [" your ip", "not accepting connections"]),
    // Our IP, host or network named as the thing refused: a block on the sender's address
    // (the verb varies: blocked, banned, refused, denied, not accepted, not welcome).
    Group(.blocklisted, Rules.unlistedBlockWeight, [
      "your host", "your server", "your mail server", "your network", "your mta", "sending ip", "sending host",
      "sending server", "spam source", "spammer", "banned", "refusing connections", "all mail from",
      "from ip address", "from your ip", "connections from",
    ]),
    Group(.blocklisted, 55, ["blocked"]),
    Group(.reputation, 95, [
      "unusual rate of unsolicited", "unsolicited mail originating from your", "[tss0", "[ts0",
      "unexpected volume or user complaints", "traffic not accepted from this ip",
      "blocked by spam statistics", "due to ip reputation", "low reputation", "poor reputation",
      "bad reputation", "sender reputation", "ip reputation", "domain reputation", "reputation of",
      "user complaints", "spam complaints", "permanently deferred", "possible abuse",
      "excessive unknown recipients", "possible open relay", "patterns characteristic of spam",
      "temporarily deferred due to", "deferred due to user complaints", "senderbase", "talos",
      "reputation score", "suspicious activity", "unusual rate of", "access denied, please try again later", "[gl01]", "[tss", "too many complaints",
      "high complaint", "deprioritized",
    ]),
    Group(.reputation, 70, ["reputation", "complaints", "abuse"]),
    Group(.rateLimited, 86, [
      "rate limit", "ratelimit", "rate-limit", "rate limited", "too many connections",
      "too many concurrent", "too many sessions", "connection limit", "receiving mail too quickly",
      "receiving mail at a rate", "too quickly", "excessive volume", "server busy", "max message per connection",
      "maximum number of concurrent", "throttl", "slow down", "exceeded the rate", "too many requests",
      "message rate", "connection rate", "too many login attempts", "frequency limited", "thread limit",
      "same message-id", "too many errors", "mail flood",
      "too many messages", "too many simultaneous", "too much mail", "sending too fast",
      "exceeded the maximum number of connections", "try again later, closing connection",
      "limits for how many messages", "rp-001", "rp-002", "rp-003",
      "too many invalid recipients", "too many bad recipients",
      "receiving too many messages", "rate exceeded", "deferred due to excessive",
    ]),
    Group(.rateLimited, 92, [
      "sending too many", "too many emails", "too many mails", "too many e-mails",
      "received this hour", "too many recipients from", "trop de connexions", "try again slower",
    ]),
    Group(.rateLimited, 80, ["per hour", "per minute", "per second"]),
    Group(.rateLimited, 60, ["busy", "too many"]),
    Group(.quotaExceeded, 92, [
      "sending limit", "sending quota", "daily sending", "daily user sending limit",
      "submission quota exceeded", "email quota exceeded", "message quota exceeded",
      "maximum sending rate exceeded", "too many messages sent", "hourly limit", "daily limit",
      "sending rate exceeded", "outgoing message limit", "message limit exceeded",
      "exceeded your daily", "sending limits exceeded", "user has exceeded the limit",
      "exceeded the daily", "daily quota", "hourly quota", "quota of messages", "outbound quota", "sending paused",
      "sending quota exceeded", "sending limit exceeded", "messages per day", "send limit",
    ]),
    Group(.quotaExceeded, 95, ["submissionquota", "submission.exception"]),
    // A quota that belongs to the sender or to our relaying is our sending quota, not a mailbox.
    Group(.quotaExceeded, 93, [
      "sender quota", "sender's quota", "senders quota", "quota for sender", "relay quota",
    ]),
    // Sending turned off for our account is about our sender, not the recipient's mailbox.
    Group(.senderRejected, 94, ["sending for this account", "sending is disabled", "sending has been disabled"]),
    Group(.reverseDNS, 92, [
      "reverse dns", "reverse-dns", "rdns", "ptr record", "ptr resource record", "reverse lookup",
      "reverse hostname", "cannot find your hostname", "no ptr", "ipv6 sending guidelines",
      "dns ptr", "failure in dns look-up", "reverse mapping", "reverse dns lookup",
      "hostname does not match", "does not resolve to your ip", "ptr lookup", "fcrdns",
      "forward confirmed", "reverse name", "invalid ptr", "generic reverse", "reverse address",
      "resolve your address", "mismatches client ip", "unresolvable",
    ]),
    Group(.senderRejected, 90, [
      "sender address rejected", "sender rejected", "sender denied", "sender verify failed",
      "sender verification failed", "invalid sender", "bad sender", "sender address has null mx",
      "requires valid sender domain", "invalid dns mx or a/aaaa resource record",
      "domain of sender address", "mail sending denied", "sender domain", "sender not allowed",
      "sender is not allowed", "sender address is not", "unverified sender", "sender unknown",
      "unknown sender", "sender blocked", "sender is blocked", "sender mx", "batv", "bogus mail from",
      "not owned by user", "address is not verified", "sender email address", "sender was rejected",
      "sender not", "from: domain is invalid", "null sender", "mailfrom failed", "verify mailfrom",
    ]),
    Group(.senderRejected, 72, ["this sender", "your domain", "expéditeur", "expediteur", "émetteur", "emetteur",
      "envelope senders", "returned mail not accepted", "absender", "remitente",
      "mittente", "remetente", "afzender", "тправител", "发件人", "送信者"]),
    Group(.senderRejected, 75, [
      "mail from refused", "from address", "sender's domain", "envelope sender", "mail from address", "sender address",
      "return path", "return-path",
    ]),
    Group(.authRequired, 90, [
      "authentication required", "authentication is required", "auth required", "smtp auth",
      "must authenticate", "authentication credentials invalid", "username and password not accepted",
      "authentication unsuccessful", "client not authenticated", "invalid credentials",
      "must check for new mail first", "proper authentication required", "authentication mechanism is too weak",
      "authentication failed", "please authenticate", "login denied", "invalid login",
      "authentication needed", "not authenticated", "sasl", "auth failed", "authenticate first",
      "password not accepted", "bad username or password", "incorrect authentication data",
      "relaying requires authentication", "requires authentication", "authentication failure",
      "authentication turned on",
    ]),
    Group(.authRequired, 93, ["not logged in"]),
    // Exchange's NDR tokens, written without spaces.
    Group(.authRequired, 95, ["authrequired"]),
    Group(.domainNotFound, 92, ["nonexistentdomain"]),
    Group(.loop, 92, ["mxloopback"]),
    Group(.dnsFailure, 91, [" mx lookup"]),
    Group(.domainNotFound, 86, ["illegal host", "mail exchanger"]),
    Group(.connectionFailed, 85, ["not responding"]),
    Group(.reverseDNS, 85, ["ip name lookup failed"]),
    // MARK: our own MTA, failing before or without any remote server
    Group(.localError, 96, [
      "lock file", "lockfile", "unable to lock", "failed to lock", "child process of",
      "transport returned", "command died with", "command output:", "command not found",
      "argument list too long", "tainted", "failed to expand", "expansion of", "expansion failed",
      "unknown transport", "transport not found", "no transport", "mail system configuration error",
      "unknown mail transport error", "mail transport unavailable", "cannot update mailbox",
      "cannot append message", "is not owned by recipient", "not a regular file", "has too many links",
      "unable to set uid", "unable to set gid", "delivery to file is not allowed",
      "delivery to command is not allowed", "delivery to files is not allowed",
      "delivery to pipes is not allowed", "maildir delivery failed", "error in router",
      "error in transport", "router returned", "cannot spawn", "unable to spawn", "execve",
      "local delivery failed", "panic", "configuration error in", "getpwnam", "pipe to |", "x-unix",
      "procmail", "command failed", "_transport unset", "|| exit", "|ifs=", "/bin/sh", "command time limit",
      "user output file", "wrong uid", "wrong gid", "wrong mode", "wrong permissions", "terminated by signal",
      "non-zero status", "filter file", "forward file", "no transport set",
    ]),
    // A transport, filter or pipe command of ours that could not run, or whose output failed
    // the delivery (Exim's return_output), and a delivery to a file or pipe our own rules
    // refuse: our MTA's fault, whoever is named as recipient.
    Group(.localError, 96, [
      "filter process failed", "transport filter", "unable to execute", "cannot execute", "could not execute",
      "failed to execute", "return message generated", "delivery to file", "delivery to pipe",
      "delivery to command",
    ]),
    // A local delivery that failed for the mailbox's size or quota, or for the disk, is that
    // cause, not our fault: "cannot append message to file X: File too large" (mailbox_size_limit).
    Group(.mailboxFull, 97, ["file too large", "disk quota exceeded"]),
    Group(.storageFull, 97, ["no space left on device"]),
    // A remote "Permission denied" with a reply code is policy: see ReplyClassifier.
    Group(.localError, 55, ["permission denied"]),
    // MARK: our message
    Group(.authentication, 93, [
      "sender is unauthenticated", "spf check failed", "spf validation failed", "does not pass dmarc",
      "dmarc verification", "dmarc policy", "authentication checks", "meet the required authentication",
      "spf authentication didn't pass", "dkim authentication didn't pass", "isn't aligned",
      "not aligned", "authentication results", "sender authentication", "unauthenticated email",
      "message does not have authentication information", "dmarc", " spf", "spf ", "dkim",
      "domainkeys", "sender policy framework", "anti-spoofing", "spoof", "unauthenticated",
      "not authorized to send on behalf", "is not authorized to send in the name",
      "not permitted by the domain owner", "arc validation",
    ]),
    Group(.spamContent, 88, [
      "likely unsolicited mail", "looks like spam", "suspicion of spam", "considered spam", "consider spam", "considered as spam",
      "detected as spam", "identified as spam", "classified as spam", "rejected as spam", "spam message",
      "spam content", "content restrictions", "rejected due to content", "spam score", "high spam",
      "spam detected", "dt:spm", "mi:spm", "junk mail", "junkmail", "phishing", "spammy",
      "message content rejected", "content filter", "content rejected", "bulk mail", "spam or uce",
      " uce ", "appears to be spam", "message is spam", "spam filter", "spam rejected", "rejected: spam",
      "blocked by spam", "as spam", "rspamd", "spamassassin", "spam blocked", "spam-like",
      "message looks suspicious", "objectionable content", "characteristics of spam",
      "unwanted bulk", "unsolicited", "content denied", "message filtered",
      "unacceptable content", "bulk email", "bulk.advertising", "mail content", "recurrent pattern",
      "mass mailer",
    ]),
    Group(.spamContent, 60, ["spam", " scored ", "score exceeded", "score too high", "scored too high"]),
    Group(.spamContent, 95, ["spam or virus", "virus or spam", "spam/virus", "no spam please", "spamprofiler"]),
    Group(.virus, 92, [
      "virus",
      "malware", "infected", "potential security issue", "illegal attachment", "trojan",
      "clamav", "eicar", "malicious", "security risk", "ransomware", "dangerous attachment",
      "executable attachment",
    ]),
    // An attachment refused for its file type is the attachment, not our IP ("banned").
    Group(.virus, 93, ["banned file", "banned attachment", "forbidden attachment", "prohibited attachment"]),
    // A domain that declares it takes no mail outranks the DNS words that report it.
    Group(.domainNotFound, 95, [
      "indicated no smtp service", "lookups failed permanently", "doesn't receive email", "does not receive email",
      "doesn't receive mail", "does not receive mail",
    ]),
    // The receiver's own configuration failed: outranks the "X rejected:" prefix around it.
    Group(.serverError, 93, ["configuration error", "config error"]),
    // An error the server cannot name is its own, whatever address code it put in front.
    Group(.serverError, 90, ["unknown error", "unexpected error", "undefined error"]),
    // The recipient (person) chose to refuse: their rule, not an unknown address.
    Group(.policy, 95, ["rejected by this user", "rejected by the user", "rejected by recipients", "rejected by the recipient"]),
    // Our MX choice is wrong for this server: it is not the destination, so it will not relay.
    Group(.relayDenied, 95, ["do not point to us", "does not point to us", "doesn't point to us", "not pointing to us"]),
    // An address the receiver cannot parse (source routes, nesting): a syntax error.
    Group(.protocolError, 90, ["source-routed", "angle-brackets", "angle brackets"]),
    Group(.mailboxFull, 88, ["quota violation"]),
    // A recipient not on the server's list of recipients does not exist there.
    Group(.userUnknown, 84, ["not in recipient list", "not in the recipient list", "not in user list", "not in the user list"]),
    // Our sender judged a source of spam (not this message): the sender's standing.
    Group(.reputation, 90, ["spam sender"]),
    // A check still running (address verification) asks to retry later: a deferral by design.
    Group(.greylisted, 95, ["verification in progress"]),
    // Unsolicited content in French (La Poste, Orange) and plain English.
    Group(.spamContent, 90, [
      "non sollicit", "courrier indésirable", "courrier indesirable", "pourriel", "unsolicited email",
    ]),
    Group(.messageTooLarge, 88, [
      "message size exceeds", "exceeds size limit", "too large", "message too big", "too big",
      "exceeds fixed maximum", "maximum message size", "message size limits", "size limits",
      "exceeds the maximum size", "size exceeds", "message length exceeds", "maximum allowed size",
      "exceeds the size", "message is larger", "larger than the destination", "message exceeded",
      "exceeded the size", "attachment size", "taille limite",
    ]),
    Group(.messageTooLarge, 75, ["maximum size", "size limit", "mail size", "message size"]),
    Group(.tooManyRecipients, 88, [
      "too many recipients", "recipient limit", "reciplimit", "number of recipients",
      "maximum number of recipients", "recipients limit", "too many rcpt", "too many addresses",
      "recipients per message",
    ]),
    Group(.invalidContent, 88, [
      "invalid message content", "malformed", "rfc 5322", "rfc5322", "rfc 2822", "rfc2822", "rfc 822",
      "rfc822", "messageid header", "message-id header", "invalid header", "duplicate header",
      "missing header", "header is missing", "8-bit", "8bit", "invalid character", "non-ascii",
      "invalid mime", "mime error", "bare linefeed", "barelinefeeds", "bare lf",
      "header field", "headers are not", "invalid message", "message format", "date header",
      "from header", "missing a valid", "from: header", "invalid content", "corrupt", "message content invalid",
      "invalid structure", "invalid data",
    ]),
    Group(.policy, 90, [
      "local policy", "policy reasons", "not accepted for policy reasons", "policy violation",
      "policy-related", "policy rejection", "policy restrictions", "security policies",
      "administrative prohibition", "administratively denied", "delivery not authorized",
      "envelope blocked", "blocked senders", "not authorized to send email directly",
      "external forwarding", "ip not in whitelist", "rejected by policy", "denied by policy",
      "resolver.rst", "message not allowed", "policy reason", "due to policy", "by policy",
      "not whitelisted", "not on the whitelist", "members-only", "members only", "closed mailing list",
      "not subscribed", "non-member", "organizational settings", "banned content", "restricted to internal", "only accepts mail from",
      "does not accept messages from", "message refused",
    ]),
    Group(.policy, 75, ["no smtp service"]),
    // The recipient's own filter or rules refused it (Sisimai's "filtered").
    Group(.policy, 80, [
      "by filter", "mail filter", "recipient's filter", "recipient filter", "recipient's rules", "user's filter",
      "filtering rules", "filter rules", "mailbox rules",
    ]),
    Group(.policy, 60, ["by administrator"]),
    Group(.policy, 55, [" attachment"]),
    // A rule against a kind of attachment or of sending software is policy.
    Group(.policy, 91, ["attachment type", "attachments are not allowed", "mass mailer"]),
    Group(.policy, 75, ["recipient address rejected: access denied", "only internal mail"]),
    Group(.policy, 50, [
      "policy", "not authorized", "access denied", "client host rejected", "not allowed",
      "prohibited", "refused", "restricted", "denied", "rejected for",
    ]),
    // MARK: the recipient's server
    // A greylist named outranks the list or refusal words around it: it is a deferral by design.
    Group(.greylisted, 98, [
      "greylist", "graylist", "grey-list", "gray-list", "grey list", "gray list", "postgrey",
      "not yet authorized to deliver", "try again in a few minutes", "temporarily greylisted",
      "deferred for greylisting",
    ]),
    Group(.storageFull, 90, [
      "insufficient system storage", "insufficient storage", "disk full", "no space left",
      "out of disk space", "not enough space", "system storage", "storage full",
      "queue file write error", "mail system full", "disk is full", "file system full",
      "insufficient disk space",
    ]),
    Group(.loop, 92, [
      "loops back to myself", "mail loop", "routing loop", "loop detected", "too many hops",
      "hop count exceeded", "hop count", "mailing loop", "forwarding loop", "loop count",
      "received headers", "mail forwarding loop", "looping", "loop back",
    ]),
    Group(.loop, 60, [" loop"]),
    Group(.protocolError, 88, [
      "syntax error", "command unrecognized", "command not recognized", "unrecognized command",
      "bad sequence of commands", "command not implemented", "pipelining", "protocol error",
      "protocol violation", "need fully-qualified", "invalid helo",
      "invalid command", "cannot decode response",
      "unexpected command", "parameter not implemented", "not implemented",
      "unknown command", "bad command", "invalid argument", "unexpected data", "line too long", "syntax:",
    ]),
    Group(.protocolError, 95, ["too many unauthenticated commands"]),
    // Gave up without a reason of its own: the cause is in the earlier deferrals.
    Group(.other, 95, ["retry timeout exceeded"]),
    // An expiry that names its cause ("message expired, connection refused") is that cause.
    Group(.other, 50, ["message expired", "delivery time expired", "delivery expired"]),
    // The sender's MTA gave up for good: its words outrank the last cause it quotes beside them.
    Group(.other, 92, [
      "queue too long", "not going to try again", "in the queue for too long", "message timed out",
      "delivery timeout", "too old to be delivered", "giving up on", "gave up on",
      "has been delayed", "attempts will continue", "for more than", "allowed queue period",
      "after multiple retries", "not been collected", "sitting in queue",
    ]),
    Group(.serverError, 85, [
      "temporary server error", "server error", "mailer error", "internal system error", "internal error", "internal server error",
      "local error in processing", "service not available", "mail queue has been stopped",
      "queue has been stopped", "temporarily rejected message", "resources temporarily unavailable",
      "resource temporarily unavailable", "system not accepting network messages", "temporary problem",
      "system problem", "temporary failure", "misconfigured",
      "temporarily unavailable", "out of memory", "temporarily deferred",
      "temporary error", "internal failure", "local problem", "unable to process", "processing error",
      "service temporarily", "server is unavailable",
    ]),
    // The receiver's own directory or home-directory machinery failed.
    Group(.serverError, 80, ["ldap", "homedir"]),
    // The receiver's own machinery failed, in general words.
    Group(.serverError, 60, [
      "system call", "error while", "error occurred", "database", "backend", "not ready", "could not load",
      "failed to load", "unable to load",
    ]),
    Group(.connectionFailed, 70, ["host is down", "host down", "server is down", "server down"]),
    // The session ended under us: the socket failed, or the other side hung up mid-command.
    Group(.connectionFailed, 68, ["socket error", "unexpected eof", "eof in response", "eof from", "said goodbye"]),
    Group(.policy, 80, ["external mail", "external senders", "outside senders"]),
    Group(.rateLimited, 86, ["connection count", "connections exceeded", "number of connections"]),
    Group(.reputation, 92, ["sender score"]),
    Group(.domainNotFound, 86, ["host name not found", "hostname not found"]),
    Group(.mailboxFull, 86, ["mailbox has reached", "mailbox reached", "reached its quota", "at capacity"]),
    // Our sender's domain: the sender word qualifies the domain words after it.
    Group(.senderRejected, 90, ["sender's domain", "senders domain"]),
    // Sending as someone else: Exchange's SendAsDenied and its wordings.
    Group(.senderRejected, 95, ["sendasdenied", "not allowed to send as", "send as denied"]),
    Group(.invalidContent, 80, ["character set", "charset", "non-latin", "non-western"]),
    Group(.protocolError, 60, [" command rejected"]),
    Group(.spamContent, 90, ["nature of the content", "suspicious content", "suspicious links", "suspicious url"]),
    // MARK: single words, the last resort before the reply code: a text no phrase above
    // knows still names its subject ("relay", "dns", "size", "full"). Each weighs less than
    // any specific enhanced code, so only a bare or generic code gives way to them.
    Group(.userUnknown, 35, [" unknown", " exist", "invalid recipient", "invalid address", " no such "]),
    Group(.mailboxFull, 40, [" full", " storage"]),
    Group(.relayDenied, 42, [" relay"]),
    Group(.dnsFailure, 38, [" dns", " resolve "]),
    Group(.domainNotFound, 36, [" mx ", " mx.", " domain"]),
    Group(.messageTooLarge, 40, [" size", " large"]),
    Group(.senderRejected, 34, [" sender"]),
    Group(.protocolError, 40, [" helo", " ehlo", " command"]),
    Group(.invalidContent, 38, [" header", " mime"]),
    Group(.authRequired, 40, [" authenticat", " auth "]),
    Group(.connectionFailed, 40, [" connection"]),
    // A host that takes no mail at all (RFC 7504, Sisimai's "notaccept"): as good as no domain.
    Group(.domainNotFound, 80, ["does not accept mail", "accepts no mail", "not accept any mail"]),
    Group(.mailboxDisabled, 70, ["has been closed", "is closed", "not active"]),
    Group(.serverError, 45, ["service unavailable", "please try again", "try later", "unavailable", "try again later",
      "not available"]),
    // MARK: from real-3's development part (general signals, not one reply's wording)
    // A delivery program or file the mail system could not run or write: its own failure, not
    // the address ("no such file" must not read as "no such user").
    // (Below the mailbox-full words: sendmail ends a full-mailbox refusal with "Can't create output".)
    Group(.localError, 85, ["can't create output", "cannot create output"]),
    Group(.localError, 92, ["no such file or directory"]),
    // Sendmail's and Postfix's "MX list for X points back to" this host: a mail loop.
    Group(.loop, 95, [" points back to", "mx list for"]),
    // Storage that belongs to one recipient is that mailbox's quota, not the server's disk.
    Group(.mailboxFull, 92, ["recipient storage", "user storage", "mailbox storage"]),
    // A mailbox named as the thing out of space is that mailbox, not the server's disk.
    Group(.mailboxFull, 92, [
      "mailbox has no space", "mailbox is out of space", "mailbox has insufficient", "no space left in mailbox",
      "no space left in the mailbox", "mailbox has run out of", "mailbox ran out of",
    ]),
    // A lookup that timed out is the resolver's, not a connection's.
    Group(.dnsFailure, 90, ["dns lookup", "lookup timed out", "dns query timed out", "dns request timed out"]),
    // Our standing judged and named, in word orders the phrases above do not cover.
    Group(.reputation, 95, ["reputation poor", "reputation is poor", "reputation is low", "reputation too low", "reputation is too low"]),
    // A per-hour or per-day allowance that is ours ("your"), however it is worded.
    Group(.quotaExceeded, 90, [
      "hourly message limit", "your hourly", "your daily message", "your message limit", "reached your limit",
      "reached your sending", "hourly sending limit",
    ]),
    // A client that should have gone through its provider's relay: an IP policy, not relaying.
    Group(.policy, 95, ["bypassing", "bypass the"]),
    // The receiver could not verify our sender address: that is the cause, whatever hedged
    // list words ("may be blacklisted") the explanation adds.
    Group(.senderRejected, 99, ["sender verify failed", "sender verification failed"]),
    // An operating-system error number in a reply: the receiving system failed.
    Group(.serverError, 80, ["errno=", "errno "]),
    // MARK: from real-3's development misses, round 2
    // Exim refusing to run a transport as a user on its never_users list: our configuration.
    Group(.localError, 92, ["never_users"]),
    // A limit on how much one client may do, however it is counted.
    Group(.rateLimited, 90, ["reached its limit", "has reached the limit", "limit for processing"]),
    // A content filter's verdict names its score and rules; list names among those rule names
    // (RCVD_IN_BL_SPAMCOP_NET) are tests of the score, not the reason.
    Group(.spamContent, 99, ["spamassassin score", "content filter rejection", "content filtering"]),
    // The recipient's directory server failing (qmail-ldap and the like), whatever it says about
    // its own credentials: a server fault, not our authentication.
    Group(.serverError, 96, ["ldap server"]),
    // Sendmail's expiry ("Message could not be delivered for 5 days / will be deleted from queue"):
    // an expiry, above the weak "deleted" of a closed account, below any cause named beside it.
    Group(.other, 60, ["could not be delivered for", "deleted from queue"]),
    // Sendmail's delivery program (its "mailer") exited with a status: a mailer error
    // (Sisimai's mailererror), above the generic "mailer error" of a server.
    Group(.localError, 90, ["unknown mailer error"]),
    // A table (map, LDAP, SQL) the receiver could not read: its own system, not DNS, unless a
    // host or domain name is what failed to resolve (LABELS.md R1).
    Group(.serverError, 91, ["temporary lookup failure", "table lookup failure", "lookup table"]),
    // Our client made too many errors in the session (Postfix smtpd_hard_error_limit): protocol.
    Group(.protocolError, 93, ["too many errors", "too many bad commands", "too many invalid commands", "too many protocol errors"]),
    // The recipient's list of blocked senders refused our sender address (LABELS.md R6).
    Group(.senderRejected, 92, ["blocked senders", "blocked sender list"]),
    // A Postfix access map's REJECT says "Access denied" after any "X command rejected:" prefix:
    // the receiver's rule, not a fault in the command (LABELS.md R5).
    Group(.policy, 89, ["command rejected: access denied"]),
    // A server that names its own load is busy, whatever its code says (LABELS.md R9).
    Group(.serverError, 89, ["server busy", "server is busy", "agent busy", "system busy", "system is busy", "server too busy"]),
    // A per-day count of what we may send is our sending quota, however it is worded.
    Group(.quotaExceeded, 88, [
      "daily message limit", "daily message quota", "send per day", "messages per day", "emails per day",
      "maximum number of messages you",
    ]),
    // A header line over the limit is the message's form, not an SMTP command line.
    Group(.invalidContent, 90, ["header line too long", "header too long", "headers too long"]),
    // A recipient missing from the receiver's directory does not exist there.
    Group(.userUnknown, 84, ["not in our directory", "not in the directory", "not in directory", "not in our ldap", "not in the ldap"]),
    // An attachment refused for its type or name is the receiver's rule (Sisimai's
    // policyviolation); only words that name a virus or malware make it virus (LABELS.md R11).
    Group(.policy, 94, [
      "illegal attachment", "banned file", "banned attachment", "forbidden attachment", "prohibited attachment",
      "attachment is not allowed", "attachments not allowed", "attachment extension", "attachment type is not",
    ]),
    // Too many login or authentication attempts: SMTP AUTH, not a sending rate.
    Group(.authRequired, 92, ["login attempts", "authentication attempts", "auth attempts", "logon attempts"]),
    // A resolver's error said in words: below "host not found" (an authoritative no-such-host).
    Group(.dnsFailure, 86, ["name service error"]),
    // A relay refusal that says whom it would relay for (authenticated users) is the relay.
    Group(.relayDenied, 94, ["relay access denied", "relaying not permitted", "relay not permitted"]),
    // Our account's own outgoing limit, in more wordings.
    Group(.quotaExceeded, 88, ["outgoing mail limit", "outbound mail limit", "messaging limit", "sending limit reached"]),
    // First contact delayed on purpose: greylisting by another name.
    Group(.greylisted, 95, ["first-time sender", "first time sender", "intentional policy rejection"]),
    // A list or a group that takes mail only from its members or from inside: the receiver's rule.
    Group(.policy, 85, ["mailing list", "internal senders", "only from internal"]),
    // Postfix's own HELO checks name the fault of the name (not found, invalid, not fully
    // qualified): protocol errors. Any other text after "Helo command rejected:" is an access
    // rule of the receiver, so the prefix alone is policy, and a specific cause after it wins.
    Group(.policy, 61, ["helo command rejected"]),
    Group(.protocolError, 90, [
      "helo command rejected: host not found", "helo command rejected: invalid name",
      "helo command rejected: invalid ip",
    ]),
    // SPF's own wording: our IP is not allowed to send for that domain (authentication), above
    // "sender is not allowed" (sender-rejected).
    Group(.authentication, 92, ["allowed to send mail from", "allowed to send from", "authorized to send mail from"]),
    // A content signature or pattern named as spam outranks the "blocked using" of a DNSBL and
    // the "security policies" around it; Orange/La Poste's words "unsolicited" outrank its code (R4).
    Group(.spamContent, 98, [
      "spam pattern", "spamsignature", "spam signature", "likely unsolicited", "contenu non sollicit", "unsolicited bulk",
    ]),
    // qmail's and others' sender-domain check: our sender's domain must resolve.
    Group(.senderRejected, 88, ["domain must resolve"]),
    // An address the receiver's verification could not confirm, and the unverifiable sending IPs
    // of Exim's reverse-DNS checks.
    Group(.reverseDNS, 85, ["unverifyable sending", "unverifiable sending", "unverifyable ip", "unverifiable ip"]),
    // qmail's "couldn't find any host by that name" and its variants: no such domain.
    Group(.domainNotFound, 87, ["find any host"]),
    // A mailbox inactive for long is out of service, above the queue-time words ("for more than")
    // and the 5.1.1 code beside it.
    Group(.mailboxDisabled, 93, ["inactive mailbox", "inactive recipient"]),
    // The quota words name the cause, above the local-delivery wrapper around them and an address
    // that happens to contain a spam word.
    Group(.mailboxFull, 97, ["disc quota exceeded", "exceeded its disk space", "disk space limit", "mailbox size limit exceeded"]),
    // Yahoo's 4.16.5x deferrals (unexpected volume or complaints): reputation.
    Group(.reputation, 90, [" 4.16.5"]),
    // Exchange's Japanese NDR for an address missing from the directory.
    Group(.userUnknown, 84, ["ディレクトリのリストにありません", "ディレクトリにありません"]),
    // Words that say DKIM is missing outrank a provider's code beside them (LABELS.md R4).
    Group(.authentication, 98, ["dkim is not", "dkim n'est", "no dkim", "missing dkim", "without dkim"]),
    // The SMTP "too much mail data" (over the mailbox's room, Sisimai's mailboxfull), and a tenant's
    // queue quota (Exchange Online's "organization/recipient queue quota exceeded"): a rate.
    Group(.mailboxFull, 90, ["too much mail data"]),
    Group(.rateLimited, 92, ["queue quota"]),
    // A mailbox quota named inside our local-delivery wrapper (maildir delivery, command output)
    // is the recipient's full mailbox (" mail": not Gmail's "email quota", our sending quota).
    Group(.mailboxFull, 97, ["diskspace quota", " mail quota exceeded"]),
    // An address that matches several directory entries: the receiver's directory is at fault,
    // as Microsoft's RESOLVER.ADR.Ambiguous says.
    Group(.serverError, 90, ["several matches found", "not unique", "ambiguous recipient", "ambiguous address"]),
    // Recipients that chose not to take mail from our sender: their rule.
    Group(.policy, 90, ["are not accepting mail from"]),
    // A required header missing or malformed, named by its field: the message's form.
    Group(.invalidContent, 88, ["without to:", "without from:", "without date:", "without a to:", "to: field", "to: header"]),
    // MARK: from real-lines-2's development misses
    // Exim's pipe transport names its own process: a pipe of ours that hung or failed.
    Group(.localError, 96, ["pipe delivery process"]),
    // A client that broke the SMTP dialogue (talked before the greeting, sent commands out of
    // turn) or kept sending commands that are not mail: protocol, as the hard error limit (R2).
    Group(.protocolError, 93, ["synchronization error", "nonmail commands", "non-mail commands"]),
    // MARK: from written-2's development misses
    // The recipient receiving faster than the receiver allows: a rate, whatever x.2.x code says.
    Group(.rateLimited, 88, ["receiving mail too fast", "receiving mail too quickly", "mail too quickly"]),
    Group(.messageTooLarge, 85, ["bigger than the", "is bigger than"]),
    // An account nobody has used for long is closed by its provider.
    // Above "not logged in" (93, SMTP AUTH): a duration says the owner stopped using it.
    Group(.mailboxDisabled, 94, ["mailbox frozen", "account frozen", "has not logged in for", "not been used for"]),
    // Postfix's DNSBL logger (dnsblog) failing to query a list: nobody was listed (item 4).
    Group(.dnsFailure, 98, ["lookup error for dns query", "dnsblog"]),
    // Exim: the domain's lowest MX is this host itself, so delivery would come back here.
    Group(.loop, 95, ["points to local host", "points to the local host"]),
    // MARK: from real-5's development misses
    // Sender ID's Purported Responsible Address is our sender's identity: a refusal that cannot
    // determine it refuses our sender (Sisimai: rejected).
    Group(.senderRejected, 92, ["purported responsible address"]),
    // Our host or network not allowed, with no list named: the receiver's own IP policy
    // (Mimecast's "Host network not allowed"; Sisimai: policyviolation).
    Group(.policy, 95, ["network not allowed"]),
    // A message classified as spam is the content, above the SPF/DKIM advice that may follow it.
    Group(.spamContent, 96, ["spam classification", "classified as spam"]),
    // A limit on the header section (its size or number of fields) is the message's form, not
    // its size: invalid content (Sisimai: contenterror), above "too large".
    Group(.invalidContent, 90, ["headers too large", "header too large", "header section too large", "too many headers"]),
    // MARK: from providers.tsv's development misses (issue 13, batch 2)
    // A message with too many recipients names its own count, above the "sending limits" link
    // Google prints after it; the sender's submission quota is our own sending quota, not a
    // mailbox's; a range's "permitted limits" is a rate; a server that says it rejected the
    // message for now names no listing of ours; a policy that prohibits the mail is the rule.
    Group(.tooManyRecipients, 93, ["has too many recipients", "too many recipients for"]),
    Group(.quotaExceeded, 96, ["submission quota"]),
    Group(.rateLimited, 90, ["permitted limits"]),
    Group(.serverError, 85, ["server has temporarily rejected", "server temporarily rejected"]),
    Group(.policy, 90, ["policy that prohibits"]),
    // MARK: from real-lines-2's third development misses (issue 13, batch 2-4)
    // Exim refusing for now because its own ACL cannot be evaluated (an unknown verb or condition,
    // a condition not allowed in that ACL): our configuration, above the words the ACL quotes.
    Group(.localError, 97, [" acl condition", "acl verb", "acl error", " in acl for ", " data acl", "condition/modifier",
      " or helo acl", " connection acl", "non-smtp acl"]),
    // Exim's router retry time for an address the router deferred before: no cause of its own
    // (unlike the transport's "retry time not reached for any host", which follows host failures).
    Group(.other, 90, ["routing defer (-52)"]),
    // MARK: from written-2's second batch (issue 13, 13p)
    // Our IP that the receiver cannot turn into a name is our missing PTR, not a DNS outage; mail
    // from outside an organisation and a transport rule are the receiver's rules; a pipe of ours
    // that exited with a status is our own delivery failing.
    Group(.reverseDNS, 92, ["resolve your ip", "ip address to a host name", "ip address to a hostname"]),
    Group(.policy, 92, ["from outside the organi", "from outside of the organi", "transport rule"]),
    Group(.localError, 92, ["pipe to /", "exited with status"]),
    // MARK: from providers.tsv's third batch (13p)
    // Zoho's 541 "rejected by destination domain" (Sisimai's Zoho table: our sender refused) and
    // a sender on the receiving domain's own list: our envelope sender, not our IP.
    Group(.senderRejected, 94, ["rejected by destination domain", "sender is on"]),
    // Fastmail refusing a From address the account may not use: our sender's identity, above
    // the "header" of a malformed message.
    Group(.senderRejected, 93, ["from this header address", "not authorised to send from"]),
    // Exim's ratelimit ACL wording ("Sender rate overlimit"): a rate, not the sender's address.
    Group(.rateLimited, 92, ["rate overlimit"]),
    // Exim's own words for what its ACLs and local_scan decided: a SpamAssassin score is the
    // content; a DROP verb in the ACL is the receiver's rule; a header without a valid sender is
    // the message's form; queue_domains is our own queueing choice (no cause); local_scan's
    // library or a transport's DBM file failing is our machine.
    Group(.spamContent, 90, [" hits="]),
    Group(.policy, 90, ["by drop in acl"]),
    Group(.invalidContent, 92, ["valid sender in any header"]),
    Group(.other, 90, ["queue_domains"]),
    Group(.localError, 94, ["local_scan() library", "dbm file"]),
    // MARK: from real-6's development misses (issue 13, round 7)
    // A list manager refusing a poster who is not a member refuses our sender (Sisimai files
    // fml's "not member" and Google Groups' "permission to post" as rejected), above the
    // "mailing list" of a members-only list's own rule.
    Group(.senderRejected, 90, ["you are not a member", "not member article", "permission to post"]),
    // DragonFly's dma: a lookup that found no such host is an authoritative answer (its
    // temporary failures say "temporary"), above the "lookup failure" of an outage.
    Group(.domainNotFound, 92, ["dns lookup failure: host"]),
    // Coremail (the server of NetEase, Sina and many Chinese hosts) names an unknown recipient
    // "unavailable mail user" or "not user of this server" (providers.tsv batch 4).
    Group(.userUnknown, 88, ["unavailable mail user", "not user of this server", "not a user of this server"]),
    // MARK: from real-lines-3's development misses (round 8, 13y)
    // Exim's redirect router that cannot parse an alias or forward file ("syntax error in
    // redirection data", "error in redirect data") and Postfix's own bounce or trace daemon
    // failing are our machine, above the "syntax error" of a remote command.
    Group(.localError, 95, ["redirection data", "redirect data", "bounce or trace service"]),
    // A host that resolves to ourselves ("remote host address is the local host", Exim's
    // self=defer): the mail would come back to us, as "MX points to local host" does.
    Group(.loop, 95, ["is the local host"]),
    // The socket error of a connect our host could not even start (no address of that family,
    // EADDRNOTAVAIL), as Exim logs it per host without Postfix's "connect to" wrapper.
    Group(.connectionFailed, 85, ["cannot assign requested address"]),
    // MARK: from the real Exim 4.96 runs on loopback (issue 13, 13x)
    // Hosts our own configuration names that do not resolve: a router's route list (Exim's
    // `lookup of host "X" failed in R router`, which host_find_failed = fail turns into a **
    // bounce) and an smtp transport's hosts option ("failed to lookup IP address for X"). The
    // recipient's domain is not at fault (dnslookup's own failures say "Unrouteable address" or
    // name the MX records), so local-error, above the domain-not-found of "host ... lookup".
    Group(.localError, 96, ["lookup of host \"", "failed to lookup ip address for"]),
    // A transport or router whose uid or gid names no user or group (Exim's `Failed to find
    // user "X" from expanded string "..." for the T transport`): our configuration.
    Group(.localError, 96, ["failed to find user", "failed to find group", "from expanded string"]),
  ]
}
