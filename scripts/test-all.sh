#!/usr/bin/env bash
# `npm run test:all`: every suite. Chromium comes first (the webview browser tests need it): installed from
# Debian when it is missing and this runs as root, else a clear failure, never a quiet skip. Then `npm test`,
# then the real-VS-Code suites (.ci/vscode.sh), which run even when `npm test` failed so that one failure
# never hides the other suites' results. Exit status non-zero if either part failed.
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test:all: installing chromium from Debian (the webview browser tests need it)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || { echo "test:all: apt-get install chromium failed" >&2; exit 1; }
  else
    echo "test:all: /usr/bin/chromium is missing: install it (apt-get install -y chromium) and run again" >&2
    exit 1
  fi
fi

npm test
unit=$?
bash .ci/vscode.sh
vscode=$?
echo "test:all: npm test exit ${unit}; VS Code suites (.ci/vscode.sh) exit ${vscode}"
if ((unit != 0 || vscode != 0)); then exit 1; fi
