#!/usr/bin/env python3
"""Tiny DNS responder on 127.0.0.1:53 (UDP) for the 13x Exim corpus; answers only *.dns.test."""
import socket, struct
def name_bytes(n):
  if n in ("", "."): return b"\x00"
  return b"".join(bytes([len(p)]) + p.encode() for p in n.strip(".").split(".")) + b"\x00"
MX = {"nullmx.dns.test": [(0, "")], "mxbad.dns.test": [(10, "gone.nxdomain.dns.test")],
      "mx-local.dns.test": [(10, "mx.dns.test")]}
A = {"mx.dns.test": "127.0.0.1", "a-only.dns.test": "127.0.0.1"}
EXISTS = set(MX) | set(A) | {"nomx.dns.test"}
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53))
while True:
  q, addr = s.recvfrom(4096)
  qid, flags = struct.unpack(">HH", q[:4])
  i = 12; labels = []
  while q[i]: labels.append(q[i+1:i+1+q[i]].decode()); i += 1 + q[i]
  qtype, qclass = struct.unpack(">HH", q[i+1:i+5]); question = q[12:i+5]
  name = ".".join(labels).lower(); rcode = 0; answers = []
  if name.startswith("servfail") and name.endswith("dns.test"): rcode = 2
  elif name not in EXISTS: rcode = 3
  elif qtype == 15 and name in MX:
    for pref, host in MX[name]:
      rdata = struct.pack(">H", pref) + name_bytes(host)
      answers.append(b"\xc0\x0c" + struct.pack(">HHIH", 15, 1, 60, len(rdata)) + rdata)
  elif qtype == 1 and name in A:
    rdata = socket.inet_aton(A[name])
    answers.append(b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + rdata)
  hdr = struct.pack(">HHHHHH", qid, 0x8180 | (flags & 0x0100) | rcode, 1, len(answers), 0, 0)
  s.sendto(hdr + question + b"".join(answers), addr)
