// The npm package as a user gets it: `npm pack ./packages/tsb-lint` (its prepack builds the bundles),
// installed from the tarball into a fresh project with no registry and an empty npm cache (so it must
// need no dependency), then `npx tsb-lint --version`, `npx tsb-language-server --version` and a check.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

const ROOT = repoRoot();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-pack-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

// The outer `npm test` exports npm_config_* (local prefix, cache...) and npm_package_*: an npm run
// here must see none of them, or it would install into the repository.
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_cache: path.join(work, 'empty-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function npm(args: string[], cwd: string) {
  const r = spawnSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.error, undefined, `npm ${args.join(' ')}: ${r.error}`);
  return r;
}

const WS = `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrate
  name: bookinfo-ws
spec:
  namespaceSelector:
    names:
      - bookinfo
`;

test('npm pack → install offline from the tarball → npx tsb-lint --version and a check', { timeout: 240_000 }, () => {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const pack = npm(['pack', './packages/tsb-lint', '--pack-destination', work, '--json'], ROOT);
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
    size: number;
    version: string;
  }[];
  assert.equal(info!.version, version);
  // Only the built output, the README and the license: no sources, tests, bench files or screenshots.
  const files = info!.files.map((f) => f.path).sort();
  for (const f of files)
    assert.match(
      f,
      /^(out\/(cli|serverMain|analysisWorker)\.js|out\/validators\/[a-z0-9-]+\.js|README\.md|LICENSE|package\.json)$/,
      f,
    );
  for (const must of ['out/cli.js', 'out/serverMain.js', 'out/analysisWorker.js', 'LICENSE', 'README.md'])
    assert.ok(files.includes(must), must);
  assert.ok(files.filter((f) => f.startsWith('out/validators/')).length > 30, 'the precompiled validators are shipped');
  assert.ok(info!.size < 5 * 1024 * 1024, `${info!.size} bytes packed`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'packages', 'tsb-lint', 'package.json'), 'utf8'),
  ) as Record<string, unknown>;
  assert.equal(manifest['dependencies'], undefined, 'the bundles are self-contained: no dependencies to install');
  assert.deepEqual(manifest['engines'], { node: '>=20' });

  // A fresh project, no registry: --offline with an empty cache fails on anything it would have to fetch.
  const consumer = path.join(work, 'consumer');
  fs.mkdirSync(path.join(consumer, 'tsb'), { recursive: true });
  fs.writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  fs.writeFileSync(path.join(consumer, 'tsb', 'ws.yaml'), WS);
  const install = npm(['install', '--offline', '--save-dev', path.join(work, info!.filename)], consumer);
  assert.equal(install.status, 0, install.stderr);

  const v = npm(['exec', '--offline', '--', 'tsb-lint', '--version'], consumer);
  assert.equal(v.status, 0, v.stderr);
  assert.equal(v.stdout, `${version}\n`);
  const npx = spawnSync('npx', ['--offline', 'tsb-lint', '--version'], {
    cwd: consumer,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(npx.stdout, `${version}\n`, npx.stderr);
  const sv = npm(['exec', '--offline', '--', 'tsb-language-server', '--version'], consumer);
  assert.equal(sv.stdout, `${version}\n`, sv.stderr);

  const check = npm(['exec', '--offline', '--', 'tsb-lint', 'check', 'tsb'], consumer);
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stdout, /^tsb\/ws\.yaml:10:9: error invalid-value: "bookinfo" is not a valid value for `names`/);
  assert.match(check.stdout, /\n1 error, 0 warnings, 0 notes in 1 file\.\n$/);
  const sarif = npm(['exec', '--offline', '--', 'tsb-lint', 'check', 'tsb', '--format', 'sarif'], consumer);
  const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { version: string } }; results: unknown[] }[] };
  assert.equal(log.runs[0]!.tool.driver.version, version);
  assert.equal(log.runs[0]!.results.length, 1);
});
