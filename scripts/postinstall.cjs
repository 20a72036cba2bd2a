// Root package `postinstall`: in a checkout of the repository (sources present), build the bundles, so
// that `npm install` here — and pre-commit, which installs this repository and then packs it — leaves
// server/out/ ready. In an installed copy (no sources) there is nothing to do. Not `prepare`/`prepack`:
// those also run inside `npm pack`, whose stdout must stay the tarball's name for pre-commit.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'server', 'src', 'node', 'cli.ts')) || !existsSync(join(root, 'node_modules', 'esbuild'))) process.exit(0);
const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
