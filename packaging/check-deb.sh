#!/usr/bin/env bash
# Checks a logstat .deb: lintian, its contents, unpacking it into a clean root with dpkg --root,
# and running the installed binary on samples/ with the Swift toolchain hidden.
#   packaging/check-deb.sh PATH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

echo "== lintian"
lintian "$deb" 2>&1 | grep -v 'running with root privileges' || echo "(no tags)"
echo "== contents"
dpkg-deb -c "$deb"
echo "== dpkg --root (clean tree)"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-depends --unpack "$deb"
sh -n "$root/var/lib/dpkg/info/logstat.postinst"
sh -n "$root/var/lib/dpkg/info/logstat.postrm"
echo "== ldd"
ldd "$root/usr/bin/logstat"
echo "== the installed binary on samples/, without the Swift toolchain"
hide=""
swift_root=$(dirname "$(dirname "$(command -v swift 2>/dev/null || echo /nonexistent/bin/swift)")")
[ -d "$swift_root" ] && hide="mount -t tmpfs none $swift_root;"
unshare -m sh -c "$hide LOGSTAT_HISTORY=off '$root/usr/bin/logstat' --no-history -q samples/ > '$root/report.txt'"
head -12 "$root/report.txt"
grep -q '^Summary' "$root/report.txt"
echo "check-deb: OK"
