#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser tests (tests/test_browser.py),
# when it is missing. Never downloads a browser build of its own: the distribution's package only.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "chromium is missing; as root: apt-get install -y chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
