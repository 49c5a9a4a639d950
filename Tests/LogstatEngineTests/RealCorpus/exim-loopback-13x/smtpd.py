#!/usr/bin/env python3
"""Scripted SMTP responder on 127.0.0.1 for the 13x Exim corpus. One port per scenario.
Each scenario maps a step (connect, ehlo, helo, mail, rcpt, data, end) to a reply string
(may hold \n for multi-line), or the words CLOSE (drop the connection) or STALL (say nothing)."""
import socket, threading, sys, time
OK = {"connect": "220 mx.remote.test ESMTP ready", "ehlo": "250-mx.remote.test\n250 PIPELINING",
      "helo": "250 mx.remote.test", "mail": "250 2.1.0 Ok", "rcpt": "250 2.1.5 Ok",
      "data": "354 End data with <CR><LF>.<CR><LF>", "end": "250 2.0.0 Ok: queued as 4XyZ1",
      "quit": "221 2.0.0 Bye", "rset": "250 2.0.0 Ok"}
SCENARIOS = {
  2601: {"connect": "554 5.7.1 mx.remote.test: connections from your network are not accepted"},
  2602: {"connect": "421 4.3.2 mx.remote.test service temporarily unavailable, try again later"},
  2603: {"ehlo": "550 5.7.1 EHLO refused", "helo": "550 5.7.1 HELO refused: your host name is not acceptable"},
  2604: {"mail": "550 5.1.8 <sender@local.test>: Sender address rejected: Domain not found"},
  2605: {"mail": "451 4.3.0 Temporary failure, please retry"},
  2606: {"rcpt": "550 5.1.1 <nobody@p2606.test>: user not known here"},
  2607: {"rcpt": "452 4.2.2 mailbox over quota, retry later"},
  2608: {"rcpt": "552 5.2.2 mailbox full"},
  2609: {"end": "554 5.7.1 message refused as unsolicited bulk mail"},
  2610: {"end": "451 4.3.0 Error: queue file write error"},
  2611: {"rcpt": "CLOSE"},
  2612: {"end": "CLOSE"},
  2613: {"connect": "CLOSE"},
  2614: {"end": "STALL"},
  2615: {"connect": "STALL"},
  2616: {"rcpt": "STALL"},
  2617: {},  # a plain server without STARTTLS, for hosts_require_tls
  2618: {},  # accepts everything
  2619: {"rcpt": "550-5.1.1 The mailbox you tried to reach does not exist.\n550-5.1.1 Please check the address\n550 5.1.1 and try again."},
  2620: {"data": "503 5.5.1 Bad sequence of commands"},
  2621: {"mail": "CLOSE"},
  2622: {"ehlo": "CLOSE"},
  2623: {"end": "552 5.3.4 message size exceeds fixed limit"},
  2624: {"rcpt": "451 4.7.1 greylisted, please come back later"},
  2625: {},  # port for dnslookup-routed domains
  # batch 3
  2626: {"ehlo": "250-mx.remote.test\n250-STARTTLS\n250 PIPELINING", "starttls": "220 2.0.0 Ready to start TLS"},
  2627: {"mail": "530 5.7.0 Authentication required"},
  2628: {"rcpt_gone": "550 5.1.1 <gone@p2628.test>: no such user"},
  2629: {"rcpt": "421 4.3.0 mx.remote.test shutting down, closing connection"},
}
def reply(conn, text):
  conn.sendall(("\r\n".join(text.split("\n")) + "\r\n").encode())
def serve(conn, port):
  s = dict(OK); s.update(SCENARIOS[port])
  f = conn.makefile("rb")
  def step(name):
    r = s[name]
    if r == "CLOSE": conn.close(); return False
    if r == "STALL": time.sleep(30); conn.close(); return False
    reply(conn, r); return True
  try:
    if not step("connect") or not s["connect"].startswith("2"): conn.close(); return
    in_data = False
    while True:
      line = f.readline()
      if not line: break
      if in_data:
        if line.rstrip(b"\r\n") == b".":
          in_data = False
          if not step("end"): return
        continue
      cmd = line[:4].upper()
      if cmd == b"EHLO": ok = step("ehlo")
      elif cmd == b"HELO": ok = step("helo")
      elif cmd == b"MAIL": ok = step("mail")
      elif cmd == b"RCPT" and b"<gone" in line and "rcpt_gone" in s: reply(conn, s["rcpt_gone"]); ok = True
      elif cmd == b"RCPT": ok = step("rcpt")
      elif cmd == b"STAR" and "starttls" in s:
        # Says yes to STARTTLS, then answers the TLS hello with plain text and hangs up.
        reply(conn, s["starttls"]); conn.recv(4096); conn.sendall(b"garbage, not TLS\r\n"); conn.close(); return
      elif cmd == b"DATA":
        ok = step("data"); in_data = ok and s["data"].startswith("354")
      elif cmd == b"QUIT": reply(conn, s["quit"]); break
      elif cmd == b"RSET": ok = step("rset")
      else: reply(conn, "502 5.5.2 command not recognized"); ok = True
      if not ok: return
  except OSError: pass
  finally:
    try: conn.close()
    except OSError: pass
def listen(port):
  ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
  ls.bind(("127.0.0.1", port)); ls.listen(16)
  while True:
    c, _ = ls.accept(); threading.Thread(target=serve, args=(c, port), daemon=True).start()
for p in SCENARIOS: threading.Thread(target=listen, args=(p,), daemon=True).start()
print("listening", flush=True)
while True: time.sleep(3600)
