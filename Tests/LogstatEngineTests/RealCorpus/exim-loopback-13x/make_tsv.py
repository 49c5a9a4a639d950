#!/usr/bin/env python3
"""Builds real-lines-exim.tsv from the private Exim instance's mainlog: one line per distinct text
(after the message id), each labelled by its scenario (labels fixed here before any logstat run)."""
import re, sys
scen = {}
for row in open('/tmp/13x/scenarios.txt').readlines() + open('/tmp/13x/scenarios-2.txt').readlines() + open('/tmp/13x/scenarios-3.txt').readlines() + ['smtp-two-recipients gone@p2628.test\n']:
    name, addr = row.split()
    scen[addr] = name
# Labels per scenario, written from LABELS.md before logstat saw a line.
# (reason, hard) for the scenario's outcome lines; standalone H= lines take the same reason, never hard.
L = {
 'redirect-fail': ('mailbox-disabled', True),   # our router's :fail: text says the mailbox was closed
 'redirect-defer': ('other', False),            # a forced :defer: whose text names no cause of its own
 'redirect-pipe-forbidden': ('local-error', False), 'redirect-file-forbidden': ('local-error', False),
 'redirect-pipe-no-transport': ('local-error', False), 'router-expansion-failure': ('local-error', False),
 'router-lookup-file-missing': ('local-error', False), 'router-transport-missing': ('local-error', False),
 'pipe-command-missing': ('local-error', False), 'pipe-exit-1': ('local-error', False),
 'pipe-exit-69': ('local-error', False), 'pipe-exit-75': ('local-error', False),
 'pipe-exit-77': ('local-error', False), 'pipe-exit-78': ('local-error', False),
 'pipe-timeout': ('local-error', False), 'pipe-output-logged': ('local-error', False),
 'pipe-user-missing': ('local-error', False), 'pipe-argument-list-too-long': ('local-error', False),
 'pipe-tainted-argument': ('local-error', False),
 'appendfile-lockfile-permission': ('local-error', False), 'appendfile-lockfile-directory-permission': ('local-error', False),
 'appendfile-create-permission': ('local-error', False), 'appendfile-open-permission': ('local-error', False),
 'appendfile-lockfile-held': ('local-error', False), 'appendfile-fcntl-held': ('local-error', False),
 'appendfile-quota': ('mailbox-full', False), 'maildir-quota': ('mailbox-full', False),
 'appendfile-tainted-file-name': ('local-error', False), 'transport-expansion-failure': ('local-error', False),
 'appendfile-directory-missing': ('local-error', False),
 'unrouteable-no-router': ('domain-not-found', True), 'dns-null-mx': ('domain-not-found', True),
 'dns-no-mx-no-a': ('domain-not-found', True), 'dns-mx-to-nonexistent-host': ('domain-not-found', True),
 'dns-servfail': ('dns-failure', False), 'dns-nxdomain': ('domain-not-found', True),
 'manualroute-host-nxdomain': ('local-error', False),  # our route_list names a host that does not exist
 'manualroute-host-servfail': ('dns-failure', False),
 # batch 2: a route_list host and a transport's hosts option that do not exist (our configuration)
 'manualroute-host-nxdomain-fail': ('local-error', False), 'transport-hosts-nxdomain': ('local-error', False),
 # batch 3: exit 73 (in Exim's default temp_errors), a route to ourselves without self = send
 # (Exim's "remote host address is the local host": loop, as round 8 files it), STARTTLS
 # offered then no TLS, 530 at MAIL FROM, 421 at RCPT TO, one of two recipients refused
 'pipe-exit-73': ('local-error', False), 'route-to-self': ('loop', False),
 'smtp-starttls-broken': ('tls-failure', False), 'smtp-mail-530-auth': ('auth-required', False),
 'smtp-rcpt-421-shutdown': ('server-error', False), 'smtp-two-recipients': ('user-unknown', True),
 'smtp-connect-554': ('policy', False), 'smtp-connect-421': ('server-error', False),
 'smtp-ehlo-helo-550': ('protocol-error', False), 'smtp-mail-550': ('sender-rejected', False),
 'smtp-mail-451': ('server-error', False), 'smtp-rcpt-550-user': ('user-unknown', True),
 'smtp-rcpt-452-quota': ('mailbox-full', False), 'smtp-rcpt-552-full': ('mailbox-full', False),
 'smtp-data-end-554': ('spam-content', False), 'smtp-data-end-451': ('storage-full', False),
 'smtp-close-at-rcpt': ('connection-failed', False), 'smtp-close-after-data': ('connection-failed', False),
 'smtp-close-at-connect': ('connection-failed', False), 'smtp-stall-after-data': ('connection-failed', False),
 'smtp-stall-at-connect': ('connection-failed', False), 'smtp-stall-at-rcpt': ('connection-failed', False),
 'smtp-require-tls-not-offered': ('tls-failure', False), 'smtp-rcpt-550-multiline': ('user-unknown', True),
 'smtp-data-554': ('protocol-error', False), 'smtp-close-at-mail': ('connection-failed', False),
 'smtp-close-at-ehlo': ('connection-failed', False), 'smtp-data-end-552-size': ('message-too-large', False),
 'smtp-rcpt-451-greylist': ('greylisted', False), 'smtp-connection-refused': ('connection-failed', False),
 'retry-time-not-reached-first': ('connection-failed', False), 'retry-time-not-reached-second': ('connection-failed', False),
 'retry-timeout-exceeded-first': ('connection-failed', False),
}
skip = re.compile(r' (<=|Completed$|Frozen|Message is frozen|Start queue run|End queue run)| => ')
idre = re.compile(r'^\S+ \S+ (\S+) ')
msg_scen = {}   # message id -> scenario, from its <= line's recipient (the line after it names it)
lines = open(sys.argv[1]).read().splitlines()
for ln in lines:
    m = idre.match(ln)
    if not m or m.group(1) in msg_scen: continue
    for addr in sorted(scen, key=len, reverse=True):
        if re.search(r'[ <]' + re.escape(addr) + r'[>: ]', ln): msg_scen[m.group(1)] = scen[addr]; break
seen = set(); out = []; kept = {}
for ln in lines:
    if skip.search(ln): continue
    m = idre.match(ln)
    key = re.sub(r'[0-9a-f]{8}\.[0-9a-f]{8}|[0-9]+', '0', ln[m.end():] if m else ln)
    if key in seen: continue
    seen.add(key)
    # The queue run repeats one retry-time text per message; keep the first two of each form.
    form = next((f for f in ('retry time not reached for any host', 'routing defer (-52)', 'Retry time not yet reached') if f in ln), None)
    if form:
        kept[form] = kept.get(form, 0) + 1
        if kept[form] > 2: continue
    name = msg_scen.get(m.group(1)) if m else None
    if name is None: sys.exit('no scenario for: ' + ln)
    reason, hard = L[name]
    outcome = re.match(r'^\S+ \S+ \S+ (\*\*|==) ', ln)
    # Lines with no cause of their own (labelled as LABELS.md / real-lines-3.tsv do):
    if 'retry timeout exceeded' in ln: reason, hard = 'other', False
    elif 'routing defer (-52): retry time not reached' in ln: reason, hard = 'other', False
    elif 'Retry time not yet reached' in ln: reason, hard = 'other', False
    elif 'retry time not reached for any host' in ln: reason, hard = 'connection-failed', False
    if not outcome: hard = False          # a standalone H= or pipe-output line is not an outcome
    if ln.split(' ')[3] == '==': hard = False
    out.append(f"{ln}\t{reason}\t{'hard' if hard else 'soft'}\tExim 4.96 on loopback, scenario {name}")
print('\n'.join(out))
