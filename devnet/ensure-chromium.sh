#!/usr/bin/env bash
# The browser the demo and the end-to-end tests drive: Debian's Chromium.
# Playwright cannot download browsers here, so install the distribution's.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' and try again." >&2
  exit 1
fi
echo "Installing Debian's Chromium (apt-get install chromium)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
