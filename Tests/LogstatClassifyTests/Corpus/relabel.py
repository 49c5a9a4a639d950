#!/usr/bin/env python3
"""Relabels the corpus files by the rules R1-R14 of LABELS.md.

Prints, per rule and file, how many development and held-out labels changed, and the texts of
development changes only (held-out texts are never printed). Dry run by default; --apply writes.
Run from anywhere: python3 Tests/LogstatClassifyTests/Corpus/relabel.py [--apply]
"""
import os
D=os.path.dirname(os.path.abspath(__file__))+'/'
def fnv(t):
    h=0xcbf29ce484222325
    for b in t.encode():
        h^=b; h=(h*0x100000001b3)&0xFFFFFFFFFFFFFFFF
    return h
import re,sys
APPLY='--apply' in sys.argv
OFR={'101':'blocklisted','102':'blocklisted','103':'blocklisted','104':'rate-limited',
 '305':'auth-required','402':'auth-required','401':'authentication','517':'authentication',
 '403':'sender-rejected','405':'sender-rejected','415':'sender-rejected','421':'sender-rejected',
 '416':'user-unknown','417':'mailbox-full','420':'mailbox-disabled','426':'mailbox-disabled',
 '505':'server-error','506':'spam-content','510':'blocklisted','514':'message-too-large',
 '630':'policy','999':'blocklisted'}
def r4(t):
    # R4: Orange/La Poste codes (OFR/LPN/OUK + number): the code's filing; an unfiled code on a
    # "service refused" reply files with its family (blocklisted).
    m=re.search(r'(?i)\b(?:ofr|lpn|ouk)[a-z]*\d*[_ ]?(\d{3})\b',t) or re.search(r'(?i)\b(?:lpn)(\d{3})\b',t)
    if not m: return None
    if re.search(r'(?i)dkim|spf|dmarc|sollicit|unsolicited',t): return None  # words naming a specific cause outrank the code
    code=m.group(1)
    if code in OFR: return OFR[code]
    if 'service refus' in t.lower(): return 'blocklisted'
    return None
def r1(t):
    l=t.lower()
    if 'temporary lookup failure' in l and not re.search(r'host|name server|dns|domain name',l): return 'server-error'
def r2(t):
    l=t.lower()
    if re.search(r'too many (errors|bad commands|invalid commands|protocol errors)',l) and 'cox' not in l: return 'protocol-error'
def r3(t):
    l=t.lower()
    if 'unusual rate of' in l and ('unsolicited' in l or 'originating from your' in l) and 'message-id' not in l: return 'reputation'
def r5(t):
    l=t.lower()
    if 'helo command rejected: access denied' in l: return 'policy'
    # Any other text after the prefix that is not one of Postfix's own HELO-name checks is an access rule.
    i=l.find('helo command rejected: ')
    if i>=0:
        cause=l[i+len('helo command rejected: '):]
        if not re.match(r'(host not found|invalid name|invalid ip|need fully-qualified|server configuration)',cause):
            return 'policy'
def r6(t):
    if 'blocked senders' in t.lower(): return 'sender-rejected'
def r7(t):
    if re.fullmatch(r'(?i)(smtp;)?\s*5\d\d\s+blocked\.?',t.strip()): return 'blocklisted'
def r8(t):
    if 'try again later, closing connection' in t.lower(): return 'rate-limited'
def r9(t):
    l=t.lower()
    if re.search(r'(server|agent|system) (is )?busy',l): return 'server-error'
def r10(t):
    l=t.lower()
    if 'resolver.rst.authrequired' in l: return 'auth-required'
    if 'resolver.rst.notauthorized' in l: return 'sender-rejected'
def r11(t):
    l=t.lower()
    if 'attachment' in l and re.search(r'illegal|banned|forbidden|not allowed|prohibited',l) and not re.search(r'virus|malware|malicious|infected|trojan',l): return 'policy'
def r12(t):
    if re.search(r'too many (login|authentication|auth|logon) attempts',t.lower()): return 'auth-required'
def r13(t):
    # R13: a refusal of mass-mailing software is the receiver's rule (Sisimai's policyviolation).
    if 'mass mailer' in t.lower(): return 'policy'
def r14(t):
    # R14: a recipient refused as unknown in answer to DATA (the recipient had been accepted at
    # RCPT TO) is the receiver's filter: Sisimai files it filtered (policy). NTT docomo's own
    # table files its DATA refusal as rejected; the provider's filing wins there (R2 of the guide).
    l=t.lower()
    if re.search(r'docomo|yahoo',l): return None  # providers whose own tables file it (R2)
    if not re.search(r'in reply to end of data|after end of data|>>> data|our final data|after data',l): return None
    if re.search(r'user unknown|unknown user|no such user|user not found|unknown recipient|recipient unknown|invalid mailbox|mailbox not found|no such mailbox|not a valid recipient|user does not exist|user doesn.t exist',l): return 'policy'
RULES=[('R1 table lookup failure',r1),('R2 too many errors',r2),('R3 unusual rate',r3),('R4 Orange/La Poste codes',r4),
       ('R5 HELO access denied',r5),('R6 blocked senders',r6),('R7 bare blocked',r7),('R8 closing connection',r8),('R9 server busy',r9),('R10 resolver.rst',r10),('R11 attachment type',r11),('R12 login attempts',r12),('R13 mass mailer',r13),('R14 unknown at DATA',r14)]
def process(name,textcol,labelcol,ncols):
    lines=open(D+name,encoding='utf-8').read().split('\n')
    counts={}
    for i,l in enumerate(lines):
        if not l or l.startswith('# ') or l=='#': continue
        p=l.split('\t')
        if len(p)!=ncols: continue
        t=p[textcol]; held=fnv(t)%3==0 if name in('real.tsv','real-2.tsv','real-3.tsv','real-4.tsv','real-5.tsv','real-6.tsv') else False
        for rn,f in RULES:
            new=f(t)
            if new and new!=p[labelcol]:
                k=(rn,'held-out' if held else 'dev'); counts[k]=counts.get(k,0)+1
                if not held: print(f'  {name}:{i+1} {p[labelcol]} -> {new} [{rn}] {t[:140]}')
                p[labelcol]=new; lines[i]='\t'.join(p)
                break
    for k,v in sorted(counts.items()): print(name,k,v)
    if APPLY: open(D+name,'w',encoding='utf-8').write('\n'.join(lines))
process('real.tsv',0,1,3); process('real-2.tsv',0,1,3); process('real-3.tsv',0,1,3); process('real-4.tsv',0,1,3); process('real-5.tsv',0,1,3); process('real-6.tsv',0,1,3); process('replies.tsv',1,0,2); process('real-lines.tsv',0,1,4)
