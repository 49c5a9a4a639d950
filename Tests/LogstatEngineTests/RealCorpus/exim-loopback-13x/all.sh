#!/bin/sh
# all.sh: clear the private spool and logs, then run every scenario of scenarios.txt once, in
# order, inside a mount namespace whose /etc/resolv.conf points at dnsd.py on 127.0.0.1.
set -e
cd /tmp/13x
# all.sh [SCENARIO-FILE]: with a file (batch 2 and later), keep the spool and logs, run only
# those scenarios and no queue runs.
LIST=${1:-/tmp/13x/scenarios.txt}
[ -n "$1" ] || rm -rf spool/* log/* mail/*
chown Debian-exim:Debian-exim spool log mail
touch ro/existing; chmod 644 ro/existing
exec env LIST="$LIST" ONE="$1" unshare -m sh -c '
mount --bind /tmp/13x/resolv.conf /etc/resolv.conf || exit 1
X="/usr/sbin/exim -C /tmp/13x/exim.conf"
while read name addr; do
  case $name in
    appendfile-lockfile-held) touch /tmp/13x/mail/locked.lock ;;
    appendfile-fcntl-held) touch /tmp/13x/mail/fcntl-locked; chown Debian-exim /tmp/13x/mail/fcntl-locked
      python3 -c "import fcntl,time;f=open(\"/tmp/13x/mail/fcntl-locked\",\"a\");fcntl.lockf(f,fcntl.LOCK_EX);time.sleep(10)" & sleep 2 ;;
  esac
  printf "From: sender@local.test\nTo: %s\nSubject: scenario %s\n\nhello\n" "$addr" "$name" |
    $X -odi -f sender@local.test $(echo "$addr" | tr , " ") 2>/dev/null
  echo "$name $addr" >&2
done < $LIST
[ -n "$ONE" ] && exit 0
rm -f /tmp/13x/mail/locked.lock
sleep 5
echo queue-run >&2
$X -q 2>/dev/null
sleep 1
echo forced-queue-run >&2
$X -qf 2>/dev/null
'
