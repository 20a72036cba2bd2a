// Security, engine and CLI side: workspace YAML is data, never code; the built bundles make
// no network calls; CLI output paths never leave the scanned folders; symlinks cannot loop the scan.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WS_BODY } from './hostile';
import { cleanTemps, newProject, ROOT, runCli, STACK_TRACE, tempDir } from './support';
import { BUILT, needBuilt, unlessBuilt } from '../helpers/built';

after(cleanTemps);

const EVIL = `${WS_BODY}x: !!js/function "function () { globalThis.__tsbPwned = 1; return 1 }"\ny: !!js/eval "globalThis.__tsbPwned = 2"\nz: !!python/object/apply:os.system ["echo pwned > PWNED"]\nw: !<tag:yaml.org,2002:js/undefined> ''\n`;

test('YAML tags like !!js/function are not evaluated: unknown tags are strings with a warning', () => {
  const p = newProject();
  p.update('file:///sec/evil.yaml', EVIL, 1);
  const ds = p.diagnostics('file:///sec/evil.yaml');
  p.failoverModel();
  assert.equal((globalThis as { __tsbPwned?: unknown }).__tsbPwned, undefined);
  const tags = ds.filter((d) => d.rule === 'yaml-syntax' && /Unresolved tag/.test(d.message));
  assert.equal(tags.length, 4, JSON.stringify(ds.map((d) => d.message)));
  assert.ok(tags.every((d) => d.severity === 'warning'));
  const value = p.analysis('file:///sec/evil.yaml')!.chunks[0]!.result.parsed.resources[0]!.value as Record<
    string,
    unknown
  >;
  assert.equal(typeof value.x, 'string');
  assert.equal(typeof value.y, 'string');
  assert.ok(Array.isArray(value.z));
});

test('CLI: a file with code-execution tags runs nothing', { skip: unlessBuilt(BUILT.cli) }, () => {
  const dir = tempDir({ 'evil.yaml': EVIL });
  const r = runCli(['check', '.', '--format', 'json'], dir);
  assert.ok(r.status === 0 || r.status === 1);
  assert.equal(r.stderr, '');
  assert.ok(!fs.existsSync(path.join(dir, 'PWNED')));
});

// ---- no network APIs in the shipped bundles ----
function bundles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push(p);
    }
  };
  for (const d of ['server/out', 'client/out']) walk(path.join(ROOT, d));
  return out;
}

/** Node modules that can talk to the network, or run other programs; none may be bundled unless allowed. */
const NETWORK_MODULES = [
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dns',
  'dgram',
  'undici',
  'child_process',
  'worker_threads',
  'vm',
  'inspector',
];
/** Browser/global network APIs; none may appear anywhere. */
const NETWORK_GLOBALS = [
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\bimportScripts\b/,
  /\bdns\.lookup\b/,
  /\bhttps?\.request\b/,
  /\bhttps?\.get\(/,
];

// Each allowed hit is justified and pinned to evidence in the same bundle.
const ALLOWED: { bundle: RegExp; module: string; why: string; evidence: RegExp }[] = [
  // vscode-jsonrpc/node (under vscode-languageserver/node) imports `net` for its named-pipe and socket
  // transports (--pipe / --socket). They open a local pipe or a loopback socket the *editor* chose; our
  // server is started with --stdio or node IPC. No outbound connection is made to any host.
  {
    bundle: /server[\\/]out[\\/]serverMain\.js$/,
    module: 'net',
    why: 'vscode-jsonrpc pipe/socket transports',
    evidence: /createServerPipeTransport/,
  },
  // vscode-languageserver/node `Files.resolveGlobalNodePath` spawns `npm config get prefix`, only when a
  // server asks to resolve a global module; ours never does (no `Files.` use in server/src).
  {
    bundle: /server[\\/]out[\\/]serverMain\.js$/,
    module: 'child_process',
    why: 'vscode-languageserver Files.resolveGlobalNodePath (unused)',
    evidence: /resolveGlobalNodePath/,
  },
  // The analysis pool (server/src/node/analysisPool.ts) runs our own bundled worker
  // (server/out/analysisWorker.js, next to the server) to parse documents on other cores; the worker
  // itself only receives texts and sends results back over the worker port.
  {
    bundle: /server[\\/]out[\\/]serverMain\.js$/,
    module: 'worker_threads',
    why: 'the analysis pool starts our own analysisWorker.js',
    evidence: /analysisWorker\.js/,
  },
  {
    bundle: /server[\\/]out[\\/]analysisWorker\.js$/,
    module: 'worker_threads',
    why: 'the worker side of the analysis pool (parentPort)',
    evidence: /parentPort/,
  },
  // vscode-languageclient/node: the same pipe/socket transports on the client side.
  {
    bundle: /client[\\/]out[\\/]extension\.js$/,
    module: 'net',
    why: 'vscode-jsonrpc pipe/socket transports',
    evidence: /createClientPipeTransport/,
  },
  // vscode-languageclient/node spawns the language server process (TransportKind) and, on Windows,
  // `taskkill` to stop it: it runs our own server bundle, never a workspace file.
  {
    bundle: /client[\\/]out[\\/]extension\.js$/,
    module: 'child_process',
    why: 'starting and stopping the language server',
    evidence: /TransportKind/,
  },
];

test('the built bundles contain no network API (allowlisted IPC transports excepted, each justified)', (t) => {
  if (!needBuilt(t, BUILT.server, BUILT.cli, BUILT.extension)) return;
  const files = bundles();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const rel = path.relative(ROOT, f);
    const required = new Set([...src.matchAll(/require\(\s*["'](?:node:)?([^"'/]+)["']\s*\)/g)].map((m) => m[1]!));
    for (const m of NETWORK_MODULES) {
      if (!required.has(m)) continue;
      const allow = ALLOWED.find((a) => a.bundle.test(f) && a.module === m);
      assert.ok(allow, `${rel} requires "${m}"`);
      assert.match(src, allow.evidence, `${rel}: "${m}" allowed for ${allow.why}, but that code is not there`);
      t.diagnostic(`${rel}: ${m} allowed (${allow.why})`);
    }
    for (const re of NETWORK_GLOBALS) assert.doesNotMatch(src, re, `${rel} uses ${re}`);
    // Dynamic imports of a computed module name could hide any of the above.
    assert.doesNotMatch(src, /\bimport\(\s*[^"'`\s)]/, `${rel} has a dynamic import()`);
  }
  // The CLI in particular needs nothing but the file system (`module`: createRequire loads the
  // validators compiled ahead of time from server/out/validators/; `v8`: one garbage-collection setting).
  const cli = path.join(ROOT, 'server', 'out', 'cli.js');
  if (fs.existsSync(cli)) {
    const required = [
      ...new Set(
        [...fs.readFileSync(cli, 'utf8').matchAll(/require\(\s*["'](?:node:)?([^"'/]+)["']\s*\)/g)].map((m) => m[1]!),
      ),
    ].sort();
    assert.deepEqual(
      required.filter(
        (m) => !['ajv', 'buffer', 'fs', 'module', 'path', 'process', 'url', 'util', 'os', 'v8'].includes(m),
      ),
      [],
    );
  }
});

test('engine and CLI sources never evaluate code (no eval, new Function, vm)', () => {
  const offenders: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        e.name.endsWith('.ts') &&
        /\beval\(|new Function\(|from ['"](node:)?vm['"]|require\(['"](node:)?vm/.test(fs.readFileSync(p, 'utf8'))
      )
        offenders.push(path.relative(ROOT, p));
    }
  };
  walk(path.join(ROOT, 'server', 'src'));
  // (ajv compiles our own schemas with new Function inside node_modules; workspace YAML is only ever
  // validated as data by those compiled functions, never compiled itself.)
  assert.deepEqual(offenders, []);
});

// ---- paths in CLI output ----
interface Out {
  diagnostics: { file: string }[];
}

test('CLI: output paths stay inside the scanned folder; symlinks out of it and loops are not followed', {
  skip: unlessBuilt(BUILT.cli),
}, () => {
  const outside = tempDir({ 'secret.yaml': `${WS_BODY}leaked: true\n` });
  const dir = tempDir({ 'tsb/ws.yaml': `${WS_BODY}local: true\n` });
  fs.symlinkSync(outside, path.join(dir, 'tsb', 'outside-dir'));
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'tsb', 'outside.yaml'));
  fs.symlinkSync('..', path.join(dir, 'tsb', 'loop'));
  fs.symlinkSync('.', path.join(dir, 'self'));
  fs.symlinkSync('/nonexistent/x.yaml', path.join(dir, 'dangling.yaml'));
  const realDir = fs.realpathSync(dir);
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-cwd-'));
  try {
    for (const [cwd, arg] of [
      [dir, '.'],
      [elsewhere, dir],
      [elsewhere, path.relative(elsewhere, dir)],
    ] as const) {
      const t0 = Date.now();
      for (const format of cwd === dir ? ['json', 'sarif', 'text'] : ['json']) {
        const r = runCli(['check', arg, '--format', format], cwd, 30000);
        assert.ok(r.status === 0 || r.status === 1, `${format} in ${cwd}: exit ${r.status} ${r.stderr}`);
        assert.doesNotMatch(r.stderr, STACK_TRACE);
        const files =
          format === 'json'
            ? (JSON.parse(r.stdout) as Out).diagnostics.map((d) => d.file)
            : format === 'sarif'
              ? (
                  JSON.parse(r.stdout) as {
                    runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
                  }
                ).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)
              : r.stdout
                  .trim()
                  .split('\n')
                  .slice(0, -1)
                  .map((l) => l.replace(/:\d+:\d+: .*$/, ''));
        assert.ok(files.length > 0, `${format}: the local file has diagnostics`);
        for (const f of files) {
          const abs = path.resolve(cwd, f);
          assert.ok(abs.startsWith(realDir + path.sep), `${format} from ${cwd}: ${f} is outside ${realDir}`);
          assert.ok(!path.isAbsolute(f), `${format}: ${f} should be relative to the current folder`);
        }
        assert.doesNotMatch(r.stdout, /secret\.yaml|leaked/);
      }
      assert.ok(Date.now() - t0 < 30000, 'the scan terminates quickly despite the symlink loops');
    }
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('CLI: a folder given twice (directly and through a symlink) is scanned once, under the first name', {
  skip: unlessBuilt(BUILT.cli),
}, () => {
  const dir = tempDir({ 'real/ws.yaml': WS_BODY.replace('namespaceSelector', 'namespaceSelektor') });
  fs.symlinkSync('real', path.join(dir, 'alias'));
  for (const [first, second] of [
    ['real', 'alias'],
    ['alias', 'real'],
    ['.', 'alias'],
  ] as const) {
    const r = runCli(['check', first, second, '--format', 'json'], dir);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string; rule: string }[] };
    assert.deepEqual(
      out.diagnostics.filter((d) => d.rule === 'duplicate-resource'),
      [],
      `${first} ${second}: one file analysed twice`,
    );
    const want = first === '.' ? 'real/' : `${first}/`;
    assert.ok(
      out.diagnostics.length > 0 && out.diagnostics.every((d) => d.file.startsWith(want)),
      `${first} ${second}: ${out.diagnostics.map((d) => d.file)}`,
    );
  }
});
