extension Rules {
  /// Codes that providers and gateways put in their replies, as data: each names a reason
  /// more precisely than the words around it. Written from the providers' published meanings
  /// (Orange/La Poste `OFRnnn_xxx`/`LPNnnn_xxx`, Yahoo `[TSS04]`, Microsoft `RESOLVER.*`,
  /// Google `?p=` help slugs, Apple `[HMxx]`, NetEase `DT:`/`MI:`/`RP:`, Cox `AUP#`...).
  /// A code ends with a space in the normalised reply, so `_510 ` does not match `_5100`.
  static let providerCodes: [Group] = [
    // Orange and La Poste: the three digits after the underscore are the cause.
    Group(.blocklisted, 97, ["_101 ", "_102 ", "_103 ", "_510 ", "_999 ", "lpnaaa_", "[103]", "[999]"]),
    Group(.rateLimited, 97, ["_104 ", "[104]"]),
    Group(.authRequired, 97, ["_305 ", "_402 "]),
    Group(.authentication, 97, ["_401 ", "_517 "]),
    Group(.senderRejected, 97, ["_403 ", "_405 ", "_415 ", "_421 "]),
    Group(.userUnknown, 97, ["_416 ", "lpn416", "[416]"]),
    Group(.mailboxFull, 97, ["_417 ", "[417]"]),
    Group(.mailboxDisabled, 97, ["_420 ", "_426 "]),
    Group(.serverError, 97, ["_505 ", "[505]"]),
    Group(.spamContent, 97, ["_506 ", "[506]"]),
    Group(.messageTooLarge, 97, ["_514 "]),
    Group(.policy, 97, ["_630 "]),
    // Yahoo and AOL.
    Group(.reputation, 97, ["[tss04]", "[tss05]", "[tss09]", "[tss11]", "[ts01]", "[ts02]", "[ts03]", "[ipts04]", "[ipts0"]),
    Group(.blocklisted, 97, ["[bl21]", "[bl22]", "[bl23]"]),
    Group(.policy, 97, ["[ph01]", "[cs01]", "[hm08]", "[hm0"]),
    Group(.authentication, 97, ["[hme1]"]),
    // Microsoft: resolver codes say what the directory or transport found.
    Group(.userUnknown, 97, ["resolver.adr.recipnotfound", "resolver.adr.exrecipnotfound", "resolver.adr.recipientnotfound"]),
    Group(.tooManyRecipients, 97, ["resolver.adr.reciplimit"]),
    // AuthRequired: the group accepts only authenticated (internal) senders: the recipient's rule.
    Group(.policy, 97, ["resolver.rst.authrequired", "resolver.rst.notauthorized", "resolver.rst.deliverytosendernotallowed"]),
    Group(.serverError, 97, ["resolver.adr.badprimary", "resolver.adr.ambiguous", "resolver.adr.crossforest"]),
    Group(.messageTooLarge, 97, ["resolver.rst.recipsizelimit"]),
    Group(.reputation, 96, ["(s775)", "(s844)", "(s843)"]),
    // Google help slugs.
    Group(.userUnknown, 97, ["?p=nosuchuser"]),
    Group(.mailboxFull, 97, ["?p=overquotatemp", "?p=overquotaperm"]),
    Group(.mailboxDisabled, 97, ["?p=disableduser"]),
    Group(.spamContent, 97, ["?p=unsolicitedmessageerror"]),
    Group(.reputation, 97, ["?p=unsolicitedratelimiterror"]),
    Group(.rateLimited, 97, ["?p=receivingrateperm", "?p=receivingrate"]),
    Group(.messageTooLarge, 97, ["?p=maxsizeerror"]),
    Group(.authentication, 97, ["?p=dmarcrejection", "?p=unauthenticated"]),
    Group(.protocolError, 97, ["?p=helo"]),
    Group(.invalidContent, 97, ["?p=rfcmessagenoncompliant", "?p=utf8"]),
    Group(.reverseDNS, 97, ["?p=ipv6autherror"]),
    Group(.relayDenied, 97, ["?p=notauthorizederror"]),
    Group(.authRequired, 97, ["?p=wantautherror"]),
    Group(.tooManyRecipients, 97, ["?p=toomanyrecipientserror"]),
    Group(.loop, 97, ["?p=mailloop"]),
    // Gmail's "Send mail as" address refused by the other account's server: our sender
    // (Sisimai's Google Groups decoder files it rejected).
    Group(.senderRejected, 97, ["?p=customfromdenied"]),
    // Google Groups: "the group ... may not exist, or you may not have permission to post",
    // in whatever language; every notice ends with the groups help address. The group refuses
    // this sender (Sisimai: rejected), whatever the words about a missing group say.
    Group(.senderRejected, 97, ["groups.google.com/support"]),
    // NetEase (163.com, 126.com): DT = content, MI = message or sender, RP = rate, IP = address.
    Group(.spamContent, 97, ["dt:spm", "dt:sum"]),
    Group(.blocklisted, 97, ["dt:rbl", "ip:rbl"]),
    // MI:DMC too many messages on one connection; RP:DRC too many recipients on one connection.
    Group(.authentication, 97, ["mi:spf"]),
    Group(.invalidContent, 97, ["mi:imf"]),
    Group(.reputation, 97, ["mi:sfq", "rp:cel", "mi:cel"]),
    Group(.rateLimited, 97, ["rp:trc", "mi:dmc", "rp:r00", "mi:stc", "rp:qrc"]),
    Group(.tooManyRecipients, 97, ["rp:drc"]),
    Group(.reverseDNS, 97, ["rp:rdn"]),
    // Cox AUP codes.
    Group(.blocklisted, 97, ["aup#cxbl", "aup#cdrbl", "aup#ipbl"]),
    Group(.reverseDNS, 97, ["aup#cxdns"]),
    Group(.authentication, 97, ["aup#cxsndr"]),
    Group(.rateLimited, 97, ["aup#cxcnct", "aup#cxmxrt"]),
    Group(.spamContent, 97, ["aup#urlbl"]),
    // Comcast (BL000000 IP block, RL000000 rate limit, PTR0 reverse DNS).
    Group(.blocklisted, 97, ["#bl000", "#bl00"]),
    Group(.rateLimited, 97, ["#rl000", "#rl00"]),
    // GMX / web.de / 1&1.
    Group(.blocklisted, 96, ["bl000000", "ip address is black listed"]),
    // T-Online ends a refusal of a blocked IP with "(BL)".
    Group(.blocklisted, 96, [" (bl) "]),
    // GoDaddy (secureserver.net): IBnnn codes.
    Group(.authRequired, 97, [" ib401"]),
    Group(.invalidContent, 97, [" ib501", " ib502"]),
    Group(.senderRejected, 97, [" ib506"]),
    Group(.authentication, 97, [" ib508"]),
    Group(.reverseDNS, 97, [" ib108"]),
    Group(.spamContent, 97, [" ib212"]),
    Group(.virus, 97, [" ib705"]),
    Group(.tooManyRecipients, 97, [" ib605"]),
    Group(.rateLimited, 97, [" ib007", " ib101", " ib504", " ib510", " ib607"]),
    Group(.blocklisted, 97, [" ib104", " ib105", " ib106", " ib110", " ib111", " ib112", " ib113"]),
    Group(.reputation, 97, [" ib103"]),
    // i.ua: the help page number names the cause.
    Group(.relayDenied, 97, ["i.ua/err/1/", "i.ua/err/6/"]),
    Group(.userUnknown, 97, ["i.ua/err/2/"]),
    Group(.mailboxDisabled, 97, ["i.ua/err/3/"]),
    Group(.mailboxFull, 97, ["i.ua/err/4/"]),
    Group(.rateLimited, 97, ["i.ua/err/5/"]),
    Group(.protocolError, 97, ["i.ua/err/7/"]),
    Group(.senderRejected, 97, ["i.ua/err/8/"]),
    Group(.blocklisted, 97, ["i.ua/err/9/"]),
    Group(.policy, 97, ["i.ua/err/10/"]),
    // Gateways: Mimecast, Proofpoint, Barracuda, Cisco, Trend Micro, Symantec/MessageLabs.
    Group(.reputation, 96, ["ct ip reputation"]),
    Group(.senderRejected, 96, ["envelope blocked - user"]),
    Group(.spamContent, 96, ["proofpoint essentials", "message blocked due to spam content"]),
    Group(.blocklisted, 96, ["barracuda reputation", "(x:blocked)", "ers-rbl", "cyren"]),
    Group(.policy, 96, ["rejected by ironport", "message filter rejection"]),
    // Orange and La Poste: "service refusé / service refused, please try later" with a code the
    // tables above do not name files with its family (103, 510, 999: the sending IP refused).
    Group(.blocklisted, 85, ["service refus"]),
    // Microsoft resolver codes as Sisimai files them: a group that wants an authenticated sender
    // asks us to log in; one that names who may send refuses our sender (LABELS.md R10).
    Group(.authRequired, 98, ["resolver.rst.authrequired"]),
    Group(.senderRejected, 98, ["resolver.rst.notauthorized"]),
    // Orange's codes also printed with a space ("OFR 305"): the same three digits, the same cause.
    Group(.blocklisted, 97, ["ofr 101 ", "ofr 102 ", "ofr 103 ", "ofr 510 ", "ofr 999 "]),
    Group(.rateLimited, 97, ["ofr 104 "]),
    Group(.authRequired, 97, ["ofr 305 ", "ofr 402 "]),
    Group(.authentication, 97, ["ofr 401 ", "ofr 517 "]),
    Group(.senderRejected, 97, ["ofr 403 ", "ofr 405 ", "ofr 415 ", "ofr 421 "]),
    Group(.userUnknown, 97, ["ofr 416 "]),
    Group(.mailboxFull, 97, ["ofr 417 "]),
    Group(.mailboxDisabled, 97, ["ofr 420 ", "ofr 426 "]),
    Group(.serverError, 97, ["ofr 505 "]),
    Group(.spamContent, 97, ["ofr 506 "]),
    Group(.messageTooLarge, 97, ["ofr 514 "]),
    Group(.policy, 97, ["ofr 630 "]),
    // Microsoft: an address the transport could not take as SMTP: the receiver's own fault.
    Group(.serverError, 97, ["resolver.adr.invalidinsmtp"]),
    // Microsoft throttling the receiving organisation's queue: a rate, not a mailbox quota.
    Group(.rateLimited, 96, ["organization queue quota", "organisation queue quota"]),
  ]
}
