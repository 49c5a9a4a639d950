#!/usr/bin/env bash
# Builds logstat_VERSION_ARCH.deb: the static-stdlib release binary (stripped), its man page and
# shell completions (generated from the command definitions), the README's systemd service and
# timer (installed disabled), a `logstat` system user in group adm and /var/lib/logstat.
#
#   packaging/build-deb.sh [--binary PATH] [--manual PATH] [--output DIR]
#
# --binary  use this release binary instead of building one
#           (swift build -c release --static-swift-stdlib --scratch-path .build-release)
# --manual  use this man page instead of generating one (swift package generate-manual, which
#           builds the package in release mode once: slow the first time)
# --output  where to write the .deb (default: .build-deb/)
# Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev); check the result with lintian.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

binary="" manual="" output="$root/.build-deb"
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --manual) manual=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    *) echo "build-deb.sh: unknown argument $1 (see the header of this script)" >&2; exit 64 ;;
  esac
done

if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --scratch-path .build-release --product logstat
  binary=.build-release/release/logstat
fi
if [ -z "$manual" ]; then
  swift package generate-manual >&2
  manual=.build/plugins/GenerateManual/outputs/logstat/logstat.1
fi
[ -x "$binary" ] || { echo "build-deb.sh: no executable at $binary" >&2; exit 1; }
[ -s "$manual" ] || { echo "build-deb.sh: no man page at $manual" >&2; exit 1; }

version=$("$binary" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/logstat_${version}_$arch
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/man/man1" \
  "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
  "$stage/usr/share/fish/vendor_completions.d" "$stage/usr/lib/systemd/system" \
  "$stage/usr/share/doc/logstat"

# The binary, stripped: it links the Swift runtime statically, so the host needs no Swift.
install -m 755 "$binary" "$stage/usr/bin/logstat"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/logstat"
if ldd "$stage/usr/bin/logstat" | grep -q libswift; then
  echo "build-deb.sh: the binary needs the Swift runtime: build with --static-swift-stdlib" >&2
  exit 1
fi

# Man page and completions, from the command definitions.
gzip -9n < "$manual" > "$stage/usr/share/man/man1/logstat.1.gz"
# (bash-completion sources its files: no #! line.)
"$stage/usr/bin/logstat" --generate-completion-script bash | sed '1{/^#!/d}' \
  > "$stage/usr/share/bash-completion/completions/logstat"
"$stage/usr/bin/logstat" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_logstat"
"$stage/usr/bin/logstat" --generate-completion-script fish > "$stage/usr/share/fish/vendor_completions.d/logstat.fish"

# The nightly report, installed disabled (nothing enables it).
install -m 644 packaging/systemd/logstat-report.service packaging/systemd/logstat-report.timer \
  "$stage/usr/lib/systemd/system/"

install -m 644 packaging/debian/copyright "$stage/usr/share/doc/logstat/copyright"
printf 'logstat (%s) unstable; urgency=medium\n\n  * Package built by packaging/build-deb.sh.\n\n -- logstat maintainers <logstat@example.org>  %s\n' \
  "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n > "$stage/usr/share/doc/logstat/changelog.gz"
install -m 755 packaging/debian/postinst packaging/debian/postrm "$stage/DEBIAN/"

# Dependencies from the libraries the binary links (libc6, libsystemd0, zlib1g, libsqlite3-0, ...).
mkdir -p "$work/shlibs/debian"
printf 'Source: logstat\n\nPackage: logstat\nArchitecture: any\n' > "$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$stage/usr/bin/logstat" | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: logstat
Version: $version
Architecture: $arch
Maintainer: logstat maintainers <logstat@example.org>
Installed-Size: $size
Depends: adduser, $depends
Recommends: bsd-mailx | mailx
Section: mail
Priority: optional
Homepage: https://example.org/logstat
Description: delivery reports from Postfix and Exim mail logs
 logstat reads Postfix and Exim logs (plain, gzip rotations or the systemd
 journal) and reports delivered, deferred, bounced, expired and rejected mail
 per recipient domain, provider and status code, explains why mail bounced and
 what to do, raises alerts on sudden rises, and traces one message's life
 (logstat trace). It writes text, JSON, CSV, Markdown, HTML and Prometheus.
 .
 A nightly report service and timer are installed disabled.
CONTROL

(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
mkdir -p "$output"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$output/logstat_${version}_$arch.deb" >&2
echo "$output/logstat_${version}_$arch.deb"
