#!/usr/bin/env python3
"""Inputs for docs/limits.md: what grows with what.

  make-inputs.py domains N FILE      N messages, each to one recipient at its own domain
                                     (1 in 10 bounced, 1 in 10 deferred then sent)
  make-inputs.py recipients N FILE   one message to N recipients (list mail)
  make-inputs.py replies N FILE      N bounces, each with a distinct 1 MiB reply text
  make-inputs.py clients N FILE      N inbound rejects, each from its own client address
  make-inputs.py open N FILE         N messages created and never removed (open at the end)

Lines are in Postfix's shapes (FORMATS.md); stamps on 2026-11-22 UTC.
"""
import sys

def qid(k):
    return "%010X" % (0x1000000000 + k)

def stamp(k):
    s = k % 86400
    return "Nov 22 %02d:%02d:%02d mx1" % (s // 3600, s // 60 % 60, s % 60)

def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "w") as f:
        w = f.write
        if kind == "domains":
            for k in range(n):
                q, t = qid(k), stamp(k)
                w(f"{t} postfix/cleanup[11]: {q}: message-id=<m{k}@example.net>\n")
                w(f"{t} postfix/qmgr[12]: {q}: from=<news@example.net>, size=4100, nrcpt=1 (queue active)\n")
                rcpt = f"user{k}@d{k}.example"
                if k % 10 == 1:
                    w(f"{t} postfix/smtp[13]: {q}: to=<{rcpt}>, relay=mx.d{k}.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.d{k}.example[192.0.2.1] said: 550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown (in reply to RCPT TO command))\n")
                else:
                    if k % 10 == 2:
                        w(f"{t} postfix/smtp[13]: {q}: to=<{rcpt}>, relay=mx.d{k}.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx.d{k}.example[192.0.2.1] said: 421 4.7.0 Try again later (in reply to MAIL FROM command))\n")
                    w(f"{t} postfix/smtp[13]: {q}: to=<{rcpt}>, relay=mx.d{k}.example[192.0.2.1]:25, delay=1.{k % 10}, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4X{k})\n")
                w(f"{t} postfix/qmgr[12]: {q}: removed\n")
        elif kind == "recipients":
            q = qid(1)
            w(f"Nov 22 06:00:00 mx1 postfix/cleanup[11]: {q}: message-id=<list@example.net>\n")
            w(f"Nov 22 06:00:00 mx1 postfix/qmgr[12]: {q}: from=<list@example.net>, size=4100, nrcpt={n} (queue active)\n")
            for k in range(n):
                w(f"Nov 22 06:00:01 mx1 postfix/smtp[13]: {q}: to=<u{k}@d{k % 1000}.example>, relay=mx.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n")
            w(f"Nov 22 06:30:00 mx1 postfix/qmgr[12]: {q}: removed\n")
        elif kind == "replies":
            for k in range(n):
                q, t = qid(k), stamp(k)
                text = (f"reply {k} " * 120000)[: 1 << 20]
                w(f"{t} postfix/smtp[13]: {q}: to=<u{k}@d{k}.example>, relay=mx.d{k}.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.d{k}.example[192.0.2.1] said: 550 5.7.1 {text} (in reply to end of DATA command))\n")
        elif kind == "clients":
            for k in range(n):
                ip = f"10.{k >> 16 & 255}.{k >> 8 & 255}.{k & 255}"
                w(f"{stamp(k)} postfix/smtpd[21]: NOQUEUE: reject: RCPT from unknown[{ip}]: 554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>\n")
        elif kind == "open":
            for k in range(n):
                q, t = qid(k), stamp(k)
                w(f"{t} postfix/cleanup[11]: {q}: message-id=<m{k}@example.net>\n")
                w(f"{t} postfix/qmgr[12]: {q}: from=<news@example.net>, size=4100, nrcpt=1 (queue active)\n")
                w(f"{t} postfix/smtp[13]: {q}: to=<u{k}@d{k % 100}.example>, relay=mx.d.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx.d.example[192.0.2.1] said: 421 4.7.0 Try again later (in reply to MAIL FROM command))\n")
        else:
            sys.exit(__doc__)

main()
