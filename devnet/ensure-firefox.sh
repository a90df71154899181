#!/usr/bin/env bash
# The Firefox builds the end-to-end tests run the extension in: Debian's current
# Firefox ESR, and the oldest ESR the manifest claims (140, strict_min_version in
# wxt.config.ts), unpacked from Debian's own package beside it.
set -euo pipefail
oldest=140
oldest_dir=/opt/verity/firefox-esr-$oldest
oldest_binary=$oldest_dir/usr/lib/firefox-esr/firefox-esr
if [ -x /usr/bin/firefox-esr ] && [ -x "$oldest_binary" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Firefox ESR is missing: run 'sudo bash devnet/ensure-firefox.sh' and try again." >&2
  exit 1
fi
echo "Installing Debian's Firefox ESR, current and $oldest…"
apt-get update -qq
if [ ! -x /usr/bin/firefox-esr ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
fi
if [ ! -x "$oldest_binary" ]; then
  version=$(apt-cache madison firefox-esr | awk '{ print $3 }' | grep "^$oldest\." | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    echo "Debian offers no Firefox ESR $oldest any more: narrow strict_min_version in wxt.config.ts to the oldest it offers." >&2
    exit 1
  fi
  download=$(mktemp -d)
  chown _apt "$download" 2>/dev/null || true # apt downloads as its own user
  (cd "$download" && apt-get download -qq "firefox-esr=$version")
  mkdir -p "$oldest_dir"
  dpkg -x "$download"/firefox-esr_*.deb "$oldest_dir"
  rm -rf "$download"
fi
