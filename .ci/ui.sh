#!/usr/bin/env bash
# The screens' prerequisites and the build check, for .ci/run:
# - Node.js 20.19+ and kiosk-ui's exact packages (npm ci);
# - Debian's Chromium for the browser test (playwright-core drives /usr/bin/chromium);
# - poppler-utils (pdftotext) for the stay slip's PDF test;
# - the committed build (static/ui/, compiled into the binary) must be what the source builds.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing Node.js (Debian package)"
  apt_install nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20.19 or newer is needed (found $(node --version))"; exit 1
fi
node --version

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium (Debian package)"
  apt_install chromium
fi
/usr/bin/chromium --version 2>/dev/null | head -1 || true

# the slip test (tests/ui/slip.rs) reads the PDFs Chromium prints with pdftotext
if ! command -v pdftotext >/dev/null; then
  echo "installing poppler-utils (Debian package)"
  apt_install poppler-utils
fi

(cd kiosk-ui && npm ci --no-audit --no-fund --loglevel=error)

echo "rebuilding the screens and comparing with the committed build (static/ui/)"
(cd kiosk-ui && npm run --silent build >/dev/null)
changes=$(git status --porcelain -- static/ui)
if [ -n "$changes" ]; then
  echo "static/ui/ differs from what kiosk-ui/ builds:"
  echo "$changes"
  echo "run 'cd kiosk-ui && npm run build' and commit static/ui/"
  exit 1
fi
echo "committed build matches the source"
