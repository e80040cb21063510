#!/usr/bin/env bash
# Playwright cannot download its own browser here; the tests use Debian's chromium.
set -euo pipefail
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing Debian's chromium for the end-to-end tests…" >&2
apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
