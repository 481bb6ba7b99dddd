#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs them with pytest.
#   Debian's chromium, haproxy and nodejs/npm (apt, when missing), TimelineJS for one browser test (npm ci in
#   tests/vendor, versions pinned in its package-lock.json), a .venv with requirements-test.txt, then: python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

MISSING=()
[ -x /usr/bin/chromium ] || MISSING+=(chromium fonts-dejavu-core)
[ -x /usr/sbin/haproxy ] || MISSING+=(haproxy)   # tests/test_serve.py: scripts/serve.sh --workers 2
command -v npm >/dev/null || MISSING+=(nodejs npm)
if [ "${#MISSING[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi
if [ ! -f tests/vendor/node_modules/@knight-lab/timelinejs/dist/js/timeline.js ]; then
  (cd tests/vendor && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
exec .venv/bin/python -m pytest "$@"
