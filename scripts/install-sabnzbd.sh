#!/usr/bin/env bash
# Installs a real SABnzbd (Debian's sabnzbdplus from backports, plus unrar from non-free)
# so the connector's SABnzbd tests can run against the real program. Idempotent; run as root.
#
# Debian ships sabnzbdplus in `contrib` and its `unrar` dependency in `non-free`; the 4.5 line
# lives in <codename>-backports. Rather than naming a mirror, this derives the extra apt
# sources from the machine's existing ones (same URIs, same signing key).
set -euo pipefail

if command -v sabnzbdplus >/dev/null 2>&1 && command -v unrar >/dev/null 2>&1; then
  echo "install-sabnzbd: sabnzbdplus and unrar already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-sabnzbd: must run as root" >&2
  exit 1
fi

. /etc/os-release
CODENAME="${VERSION_CODENAME:?VERSION_CODENAME missing from /etc/os-release}"
TARGET=/etc/apt/sources.list.d/autoarr-sabnzbd.sources
TMP="$(mktemp)"
trap 'rm -f "$TMP"' EXIT

# Emits one deb822 stanza per (URI, signing key) that serves the plain $CODENAME suite.
emit_stanza() { # uri signed_by
  local uri="$1" signed_by="$2"
  {
    # The plain suite already serves `main`; only the missing components are added for it.
    echo "Types: deb"
    echo "URIs: $uri"
    echo "Suites: $CODENAME"
    echo "Components: contrib non-free"
    [ -n "$signed_by" ] && echo "Signed-By: $signed_by"
    echo
    echo "Types: deb"
    echo "URIs: $uri"
    echo "Suites: $CODENAME-backports"
    echo "Components: main contrib non-free"
    [ -n "$signed_by" ] && echo "Signed-By: $signed_by"
    echo
  } >>"$TMP"
}

# deb822 files: collect stanzas whose Suites include the bare codename.
for file in /etc/apt/sources.list.d/*.sources; do
  [ -e "$file" ] || continue
  [ "$file" = "$TARGET" ] && continue
  awk -v codename="$CODENAME" '
    function flush() {
      if (types ~ /(^| )deb( |$)/ && uris != "" && (" " suites " ") ~ (" " codename " ")) print uris "\t" signed
      types = ""; uris = ""; suites = ""; signed = ""
    }
    /^[[:space:]]*$/ { flush(); next }
    /^#/ { next }
    /^Types:/      { sub(/^Types:[[:space:]]*/, "");      types = $0 }
    /^URIs:/       { sub(/^URIs:[[:space:]]*/, "");       uris = $0 }
    /^Suites:/     { sub(/^Suites:[[:space:]]*/, "");     suites = $0 }
    /^Signed-By:/  { sub(/^Signed-By:[[:space:]]*/, "");  signed = $0 }
    END { flush() }
  ' "$file"
done | sort -u | while IFS=$'\t' read -r uris signed; do
  for uri in $uris; do emit_stanza "$uri" "$signed"; done
done

# One-line sources.list format: "deb [opts] URI SUITE COMPONENTS..."
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -e "$file" ] || continue
  awk -v codename="$CODENAME" '
    $1 == "deb" {
      i = 2
      if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
      if ($(i + 1) == codename) print $i
    }
  ' "$file"
done | sort -u | while read -r uri; do emit_stanza "$uri" ""; done

if [ ! -s "$TMP" ]; then
  echo "install-sabnzbd: found no apt source serving '$CODENAME' to derive contrib/non-free/backports from" >&2
  exit 1
fi

if [ ! -f "$TARGET" ] || ! cmp -s "$TMP" "$TARGET"; then
  install -m 0644 "$TMP" "$TARGET"
  echo "install-sabnzbd: wrote $TARGET"
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt run (unattended upgrades, a parallel job) may hold the locks for a while.
retry() {
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    "$@" && return 0
    echo "install-sabnzbd: '$*' failed (attempt $attempt), retrying in 15 s" >&2
    sleep 15
  done
  return 1
}
retry apt-get -o DPkg::Lock::Timeout=120 update -q
retry apt-get -o DPkg::Lock::Timeout=120 install -y -q --no-install-recommends -t "$CODENAME-backports" sabnzbdplus unrar
sabnzbdplus --version 2>/dev/null | head -n 1 || true
