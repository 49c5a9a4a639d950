/// The reply texts, modelled on what the big providers and common MTAs really answer.
extension ReplyPool {
  // swift-format-ignore
  mutating func build() {
    let s = \ReplyPool.sent, d = \ReplyPool.deferred, b = \ReplyPool.bounced

    // Accepted.
    add(s, .google, .smtp, .data, "2.0.0", "250 2.0.0 OK  %n %t - gsmtp")
    add(s, .microsoft, .smtp, .data, "2.6.0", "250 2.6.0 <%m> [InternalId=%n, Hostname=AM9PR04MB8147.eurprd04.prod.outlook.com] 18233 bytes in 0.127, 139.826 KB/sec Queued mail for delivery")
    add(s, .microsoft, .smtp, .data, "2.6.0", "250 2.6.0 <%m> [InternalId=%n, Hostname=DM6PR11MB4691.namprd11.prod.outlook.com] Queued mail for delivery")
    add(s, .yahoo, .smtp, .data, "2.0.0", "250 ok dirdel")
    add(s, .apple, .smtp, .data, "2.0.0", "250 2.0.0 Ok: queued as %q")
    add(s, .generic, .smtp, .data, "2.0.0", "250 2.0.0 Ok: queued as %q", w: 6)
    add(s, .generic, .smtp, .data, "2.0.0", "250 OK id=1%q-0004HN-2e", w: 2)
    add(s, .generic, .smtp, .data, "2.0.0", "250 Requested mail action okay, completed: id=1M%q", w: 2)
    add(s, .generic, .smtp, .data, "2.0.0", "250 2.0.0 %q Message accepted for delivery", w: 1)

    // Google.
    add(b, .google, .smtp, .rcpt, "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser %t - gsmtp", w: 60)
    add(b, .google, .smtp, .rcpt, "5.2.1", "550-5.2.1 The email account that you tried to reach is inactive. For more 550-5.2.1 information, go to 550 5.2.1  https://support.google.com/mail/?p=DisabledUser %t - gsmtp", w: 8)
    add(b, .google, .smtp, .rcpt, "5.2.2", "552-5.2.2 The recipient's inbox is out of storage space. Please direct the 552-5.2.2 recipient to 552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm %t - gsmtp", w: 8)
    add(b, .google, .smtp, .data, "5.7.1", "550-5.7.1 [%i] Gmail has detected that this message is likely 550-5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this 550-5.7.1 message has been blocked. For more information, go to 550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError %t - gsmtp", w: 10)
    add(b, .google, .smtp, .data, "5.7.26", "550-5.7.26 Unauthenticated email from %S is not accepted due to domain's 550-5.7.26 DMARC policy. Please contact the administrator of %S domain if 550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to 550 5.7.26  https://support.google.com/mail/?p=DmarcRejection %t - gsmtp", w: 6)
    add(b, .google, .smtp, .mail, "5.2.3", "552-5.2.3 Your message exceeded Google's message size limits. To view our 552-5.2.3 size guidelines, go to 552 5.2.3  https://support.google.com/mail/?p=MaxSizeError %t - gsmtp", w: 2)
    add(d, .google, .smtp, .data, "4.7.28", "421-4.7.28 [%i      15] Gmail has detected an unusual rate of unsolicited mail 421-4.7.28 originating from your IP address. To protect our users from spam, mail 421-4.7.28 sent from your IP address has been temporarily rate limited. For more 421 4.7.28 information, go to  https://support.google.com/mail/?p=UnsolicitedRateLimitError %t - gsmtp", w: 30)
    add(d, .google, .smtp, .rcpt, "4.2.2", "452-4.2.2 The recipient's inbox is out of storage space and inactive. Please 452-4.2.2 direct the recipient to 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp %t - gsmtp", w: 20)
    add(d, .google, .smtp, .rcpt, "4.2.1", "450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450-4.2.1 message at a later time. If the user is able to receive mail at that 450-4.2.1 time, your message will be delivered. For more information, go to 450 4.2.1  https://support.google.com/mail/?p=ReceivingRate %t - gsmtp", w: 15)
    add(d, .google, .smtp, .rcpt, "4.3.0", "451 4.3.0 Mail server temporarily rejected message. %t - gsmtp", w: 10)
    add(d, .google, .smtp, .data, "4.7.0", "421-4.7.0 [%i      15] Our system has detected that this message is 421-4.7.0 suspicious due to the very low reputation of the sending IP address. 421-4.7.0 To best protect our users from spam, the message has been blocked. 421 4.7.0  https://support.google.com/mail/answer/188131 %t - gsmtp", w: 15)

    // Microsoft.
    add(b, .microsoft, .smtp, .rcpt, "5.5.0", "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM4PEPF00027A5F.eurprd04.prod.outlook.com %T 08DD0A0B1C2D3E4F]", w: 40)
    add(b, .microsoft, .smtp, .rcpt, "5.4.1", "550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [BN8NAM11FT046.eop-nam11.prod.protection.outlook.com %T 08DD0A0B1C2D3E50]", w: 30)
    add(b, .microsoft, .smtp, .mail, "5.7.1", "550 5.7.1 Unfortunately, messages from [%i] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [AM4PEPF00027A5C.eurprd04.prod.outlook.com %T 08DD0A0B1C2D3E51]", w: 15)
    add(b, .microsoft, .smtp, .data, "5.7.509", "550 5.7.509 Access denied, sending domain %S does not pass DMARC verification and has a DMARC policy of reject. [BN8NAM11FT046.eop-nam11.prod.protection.outlook.com %T 08DD0A0B1C2D3E52]", w: 5)
    add(b, .microsoft, .smtp, .mail, "5.7.606", "550 5.7.606 Access denied, banned sending IP [%i]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [DB5PEPF00014B8F.eurprd02.prod.outlook.com %T 08DD0A0B1C2D3E53]", w: 10)
    add(b, .microsoft, .smtp, .rcpt, "5.2.2", "552 5.2.2 Requested mail action aborted: exceeded storage allocation", w: 5)
    add(d, .microsoft, .smtp, .rcpt, "4.7.500", "451 4.7.500 Server busy. Please try again later from [%i]. (S77719) [AM4PEPF00027A6A.eurprd04.prod.outlook.com %T 08DD0A0B1C2D3E54]", w: 40)
    add(d, .microsoft, .smtp, .mail, "4.7.650", "451 4.7.650 The mail server [%i] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [AM2PEPF0001C708.eurprd05.prod.outlook.com %T 08DD0A0B1C2D3E55]", w: 25)
    add(d, .microsoft, .smtp, .rcpt, "4.4.0", "451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped due to SocketError.\" Attempted failover to alternate host, but that did not succeed.", w: 10)

    // Yahoo and AOL.
    add(b, .yahoo, .smtp, .rcpt, "5.0.0", "554 delivery error: dd This user doesn't have a yahoo.com account (%a) [0] - mta1007.mail.bf1.yahoo.com", w: 50)
    add(b, .yahoo, .smtp, .rcpt, "5.0.0", "554 delivery error: dd Requested mailbox is unavailable (%a) [-1] - mta1212.mail.gq1.yahoo.com", w: 15)
    add(b, .yahoo, .smtp, .data, "5.7.9", "554 5.7.9 Message not accepted for policy reasons.  See https://senders.yahooinc.com/error-codes", w: 20)
    add(d, .yahoo, .smtp, .mail, "4.7.0", "421 4.7.0 [TSS04] Messages from %i temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", w: 60)
    add(d, .yahoo, .smtp, .mail, "4.7.0", "421 4.7.0 [TS03] All messages from %i will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", w: 10)
    add(d, .yahoo, .smtp, .mail, "4.0.0", "451 Message temporarily deferred due to unresolvable RFC.5321 from domain; see https://postmaster.yahooinc.com/error-codes", w: 10)

    // Apple.
    add(b, .apple, .smtp, .rcpt, "5.1.1", "550 5.1.1 <%a>: user does not exist", w: 60)
    add(b, .apple, .smtp, .data, "5.7.1", "554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", w: 20)
    add(d, .apple, .smtp, .rcpt, "4.2.2", "452 4.2.2 <%a>: mailbox is full", w: 30)
    add(d, .apple, .smtp, .mail, "4.7.0", "421 4.7.0 [HL01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", w: 20)

    // Everyone else: Postfix, Exim, Sendmail, appliances, blocklists.
    add(b, .generic, .smtp, .rcpt, "5.1.1", "550 5.1.1 <%a>: Recipient address rejected: User unknown in virtual mailbox table", w: 30)
    add(b, .generic, .smtp, .rcpt, "5.1.1", "550 5.1.1 <%a>: Recipient address rejected: User unknown in local recipient table", w: 15)
    add(b, .generic, .smtp, .rcpt, "5.1.1", "550 5.1.1 <%a>... User unknown", w: 8)
    add(b, .generic, .smtp, .rcpt, "5.0.0", "550 Requested action not taken: mailbox unavailable", w: 6)
    add(b, .generic, .smtp, .rcpt, "5.1.0", "550 5.1.0 Unknown address error 550-'MAILBOX NOT FOUND'", w: 4)
    add(b, .generic, .smtp, .rcpt, "5.2.1", "550 5.2.1 <%a>: Mailbox disabled, not accepting messages", w: 4)
    add(b, .generic, .smtp, .rcpt, "5.2.2", "552 5.2.2 <%a>: Recipient address rejected: Mailbox full", w: 6)
    add(b, .generic, .smtp, .rcpt, "5.7.1", "554 5.7.1 Service unavailable; Client host [%i] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%i", w: 8)
    add(b, .generic, .greeting, .rcpt, "5.7.1", "554 5.7.1 Service unavailable; Client host [%i] blocked using Barracuda Reputation; https://www.barracudanetworks.com/reputation/?r=1&ip=%i", w: 4)
    add(b, .generic, .smtp, .rcpt, "5.7.1", "554 5.7.1 %i is listed in bl.spamcop.net; https://www.spamcop.net/bl.shtml?%i", w: 2)
    add(b, .generic, .smtp, .data, "5.7.1", "550 5.7.1 Message rejected due to content restrictions", w: 3)
    add(b, .generic, .smtp, .rcpt, "5.7.1", "554 5.7.1 <%a>: Relay access denied", w: 3)
    add(b, .generic, .smtp, .rcpt, "5.7.0", "550 5.7.0 Policy-related rejection", w: 2)
    add(b, .generic, .greeting, .rcpt, "5.0.0", "554 %h ESMTP not accepting messages", w: 2)
    add(b, .generic, .sizeLimit, .mail, "5.3.4", "", w: 3)
    greylist = add(d, .generic, .smtp, .rcpt, "4.2.0", "450 4.2.0 <%a>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/%d.html", w: 20)
    add(d, .generic, .smtp, .rcpt, "4.7.1", "451 4.7.1 Greylisting in action, please come back later", w: 10)
    add(d, .generic, .smtp, .rcpt, "4.2.2", "452 4.2.2 Mailbox full", w: 8)
    add(d, .generic, .smtp, .mail, "4.7.0", "421 4.7.0 %h Error: too many connections from %i", w: 10)
    add(d, .generic, .smtp, .rcpt, "4.3.0", "451 4.3.0 <%a>: Temporary lookup failure", w: 5)
    add(d, .generic, .smtp, .rcpt, "4.7.1", "450 4.7.1 Client host rejected: cannot find your hostname, [%i]", w: 5)
    add(d, .generic, .smtp, .rcpt, "4.7.1", "451 4.7.1 Mail from %i deferred using Trend Micro Email Reputation database. Please see https://www.mail-abuse.com/cgi-bin/lookup?%i", w: 3)
    add(d, .generic, .smtp, .mail, "4.3.2", "421 4.3.2 Service not available, closing transmission channel", w: 5)
    add(d, .generic, .lostConnection, .data, "4.4.2", "", w: 5)
    add(d, .generic, .dnsTemp, .rcpt, "4.4.3", "", w: 4)
    connectTimeout = add(d, .generic, .connectTimeout, .rcpt, "4.4.1", "", w: 10)
    connectRefused = add(nil, .generic, .connectRefused, .rcpt, "4.4.1", "")
    dnsNotFound = add(nil, .generic, .dnsNotFound, .rcpt, "5.4.4", "")
  }
}
