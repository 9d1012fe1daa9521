#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser tests (Playwright's own browser
# download cannot work on these machines). Needs root, as on the project's machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "[squad-insights] installing Debian's chromium for the browser tests (one-off)" >&2
if [ "$(id -u)" != 0 ]; then
  echo "[squad-insights] chromium is missing: run 'sudo apt-get install -y chromium' or set SI_SKIP_BROWSER=1" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
