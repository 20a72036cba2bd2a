#!/usr/bin/env bash
# Installs the pinned tools the real-VS-Code suites need into .e2e/tools (outside the project's
# package.json): code-server 4.100.3 (VS Code 1.100.3, the newest that runs on node 20) and
# playwright-core. Cached: a second run with the same pins returns at once.
#
# Needs Debian packages libkrb5-dev (kerberos native build) and ripgrep (seeds @vscode/ripgrep's
# download cache; it would otherwise fetch rg from api.github.com). .ci/vscode.sh installs them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_DIR:-$ROOT/.e2e}
TOOLS=$E2E/tools
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
RIPGREP_PKG=1.15.11                       # @vscode/ripgrep version code-server 4.100.3 depends on
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
STAMP="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"

if [[ -f $TOOLS/.installed && "$(cat "$TOOLS/.installed")" == "$STAMP" && -x $TOOLS/node_modules/.bin/code-server ]]; then
  echo "install-code-server: cached ($STAMP)"
  exit 0
fi

for cmd in rg g++ make python3; do
  command -v $cmd >/dev/null || { echo "install-code-server: '$cmd' is missing (apt-get install ripgrep build-essential python3)" >&2; exit 1; }
done
[[ -e /usr/include/gssapi/gssapi.h ]] || { echo "install-code-server: libkrb5-dev is missing (apt-get install libkrb5-dev)" >&2; exit 1; }

rm -rf "$TOOLS" && mkdir -p "$TOOLS/tmp"
export TMPDIR=$TOOLS/tmp npm_config_cache=${npm_config_cache:-$E2E/npm-cache}
export XDG_CONFIG_HOME=$E2E/xdg/config XDG_DATA_HOME=$E2E/xdg/data XDG_CACHE_HOME=$E2E/xdg/cache
# @vscode/ripgrep's postinstall first looks in $TMPDIR/vscode-ripgrep-cache-<ver>/: Debian's rg is the same 13.0.0.
mkdir -p "$TMPDIR/rgseed" "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG"
cp "$(command -v rg)" "$TMPDIR/rgseed/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG/$RIPGREP_TARBALL" -C "$TMPDIR/rgseed" rg

cd "$TOOLS"
echo '{ "name": "tsb-authoring-e2e-tools", "private": true }' > package.json
start=$SECONDS
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs npx node-gyp.
if ! npm_config_unsafe_perm=true npm_config_yes=true npm i --no-audit --no-fund \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" > "$TOOLS/install.log" 2>&1; then
  tail -40 "$TOOLS/install.log" >&2
  echo "install-code-server: npm install failed (full log: $TOOLS/install.log)" >&2
  exit 1
fi
"$TOOLS/node_modules/.bin/code-server" --version
rm -rf "$TMPDIR"
echo "$STAMP" > "$TOOLS/.installed"
echo "install-code-server: installed $STAMP in $((SECONDS - start))s"
