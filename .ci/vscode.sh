#!/usr/bin/env bash
# Real VS Code tests, headless: the extension-host mocha suite and the Playwright UI suite, both against
# code-server 4.100.3 (VS Code 1.100.3) in Debian's Chromium. Installs what it needs itself (apt packages,
# pinned code-server in .e2e/tools, cached), packages the extension, installs the .vsix into a fresh
# extensions dir and runs both suites. Hermetic: XDG/TMP/HOME under .e2e/, servers on 127.0.0.1 with random
# free ports in their own process groups, bounded, killed at the end. Exit status non-zero if a suite fails.
# Artifacts (screenshots, VS Code logs, results): .e2e/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
E2E=$ROOT/.e2e
mkdir -p "$E2E/tmp" "$E2E/xdg/config" "$E2E/xdg/data" "$E2E/xdg/cache" "$E2E/out"
export TMPDIR=$E2E/tmp XDG_CONFIG_HOME=$E2E/xdg/config XDG_DATA_HOME=$E2E/xdg/data XDG_CACHE_HOME=$E2E/xdg/cache
export CI=${CI:-true} EXTENSIONS_GALLERY='{}'
T0=$SECONDS
step() { echo "vscode-ci: [$((SECONDS - T0))s] $*"; }

# Kill whatever server group a runner left behind (it kills its own on exit; this covers SIGKILL).
cleanup() {
  local f
  for f in "$E2E"/run/*/pgid; do
    [[ -f $f ]] || continue
    kill -KILL -- "-$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
}
trap cleanup EXIT

# 1. Debian packages: Chromium (the browser), libkrb5-dev (code-server's kerberos build), ripgrep (seeds @vscode/ripgrep).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[[ -e /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v g++ >/dev/null 2>&1 || missing+=(g++ make)
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. The project's own dev dependencies (esbuild, playwright-core, mocha, vsce).
if ! node -e 'for (const m of ["esbuild", "playwright-core", "@vscode/vsce/package.json"]) require.resolve(m)' 2>/dev/null; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

# 3. code-server 4.100.3 + its workarounds, cached in .e2e/tools (outside the project's package.json).
step "code-server"
test/vscode/install-code-server.sh

# 4. Build and package the extension.
step "build and package"
rm -f "$E2E"/*.vsix
if node -e 'process.exit(require("./package.json").scripts?.package ? 0 : 1)'; then
  npm run --silent package
  VSIX=$(ls -t ./*.vsix 2>/dev/null | head -1 || true)
  [[ -n $VSIX ]] || { echo "vscode-ci: npm run package made no .vsix in $ROOT" >&2; exit 1; }
  mv "$VSIX" "$E2E/tsb-authoring.vsix"
else
  npm run --silent build
  for s in build:client build:webview; do
    node -e "process.exit(require('./package.json').scripts?.['$s'] ? 0 : 1)" && npm run --silent "$s"
  done
  args=(--no-dependencies --allow-missing-repository -o "$E2E/tsb-authoring.vsix")
  [[ -f .vscodeignore ]] || args+=(--ignoreFile test/vscode/vscodeignore)
  ls LICENSE* >/dev/null 2>&1 || args+=(--skip-license)
  npx vsce package "${args[@]}" < /dev/null
fi
VSIX=$E2E/tsb-authoring.vsix
size=$(stat -c %s "$VSIX")
step "packaged $(basename "$VSIX") ($((size / 1024)) KiB)"
if ((size > 50 * 1024 * 1024)); then
  echo "vscode-ci: the .vsix is $((size / 1048576)) MiB: does .vscodeignore exclude .e2e/ and node_modules/?" >&2
  exit 1
fi

# 5. The suites (build the bundles, then both suites against the installed .vsix).
step "suites"
node test/vscode/build.mjs
rc=0
timeout 720 node "$E2E/build/run.js" all --vsix "$VSIX" || rc=$?
step "done: exit $rc (artifacts in .e2e/out/)"
exit $rc
