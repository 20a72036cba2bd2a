// The performance benchmark: our language server and yaml-language-server 2.0.0 driven side
// by side over stdio with real LSP messages, the tsb-lint CLI as a process, and the in-process floor
// (yaml + ajv), on generated TSB projects. Writes docs/performance.md and bench/out/results.json.
//
//   npm run bench                         every input, several runs each (long: tens of minutes)
//   npm run bench -- --quick              small inputs, one run: a smoke test of the harness
//   npm run bench -- --input file-5k      one input only (repeat --input, or comma-separate)
//   options: --runs N, --servers ours,yls,yls-min, --modes push,pull, --no-cli, --no-floor,
//            --no-scaling, --scaling-only, --scaling-sizes 1000,10000 (the scaling suite, bench/scaling.mjs),
//            --out FILE (default docs/performance.md; --out - prints it), --keep (keep the inputs),
//            --merge (keep the other inputs' figures from bench/out/results.json),
//            --render (only re-write the report from bench/out/results.json)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, INPUTS, QUICK_INPUTS } from './generate.mjs';
import { clientCapabilities, fileUri, LspClient, memory, now } from './lsp.mjs';
import { timedProcess } from './process.mjs';
import { renderScaling, runScaling } from './scaling.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OURS = join(ROOT, 'server/out/serverMain.js');
const CLI = join(ROOT, 'server/out/cli.js');
const YLS = join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');

// ---------------------------------------------------------------------------------------------- args
function parseArgs(argv) {
  const a = { quick: false, inputs: [], runs: undefined, servers: ['ours', 'yls', 'yls-min'], modes: ['push', 'pull'], cli: true, floor: true, out: join(ROOT, 'docs/performance.md'), keep: false, scaling: true, scalingSizes: undefined };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => (x.includes('=') ? x.slice(x.indexOf('=') + 1) : argv[++i]);
    const flag = x.split('=')[0];
    if (flag === '--quick') a.quick = true;
    else if (flag === '--input') a.inputs.push(...val().split(','));
    else if (flag === '--runs') a.runs = Number(val());
    else if (flag === '--servers') a.servers = val().split(',');
    else if (flag === '--modes') a.modes = val().split(',');
    else if (flag === '--no-cli') a.cli = false;
    else if (flag === '--no-floor') a.floor = false;
    else if (flag === '--out') a.out = val();
    else if (flag === '--keep') a.keep = true;
    else if (flag === '--merge') a.merge = true;
    else if (flag === '--render') a.render = true;
    else if (flag === '--no-scaling') a.scaling = false;
    else if (flag === '--scaling-only') { a.scaling = true; a.scalingOnly = true; }
    else if (flag === '--scaling-sizes') a.scalingSizes = val().split(',').map(Number);
    else throw new Error(`unknown option ${x}`);
  }
  return a;
}

// -------------------------------------------------------------------------------------------- stats
const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => (xs.filter(Number.isFinite).length ? Math.max(...xs.filter(Number.isFinite)) : NaN);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m.join(' ')}\n`);

// ------------------------------------------------------------------- yaml-language-server schema set-up
/**
 * yaml-language-server associates schemas with files by glob, but TSB files mix kinds in one file; so
 * one dispatcher schema selects our per-kind schema by apiVersion + kind (if/then), as a user would set up.
 */
function writeDispatcherSchema(dir) {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas/catalog.json'), 'utf8')).schemas;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'TSB (any kind): dispatches on apiVersion and kind',
    allOf: catalog.map((e) => ({
      if: { properties: { apiVersion: { enum: e.apiVersions }, kind: { const: e.kind } }, required: ['apiVersion', 'kind'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: { $ref: fileUri(join(ROOT, 'schemas', e.file)) },
    })),
  };
  const p = join(dir, 'tsb-all.schema.json');
  writeFileSync(p, JSON.stringify(schema, null, 2));
  return fileUri(p);
}

/**
 * The cheapest schema that still checks every document strictly (yaml-language-server at its
 * fastest): apiVersion and kind required strings, metadata and spec objects, nothing else at the top.
 */
function writeMinimalSchema(dir) {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Minimal strict schema (benchmark baseline)',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object' } },
    additionalProperties: false,
  };
  const p = join(dir, 'minimal.schema.json');
  writeFileSync(p, JSON.stringify(schema, null, 2));
  return fileUri(p);
}

// ------------------------------------------------------------------------------------------ servers
const YLS_MIN = 'yaml-language-server (minimal schema)';
let minimalUri = '';

function serverSpec(kind, mode, dispatcherUri) {
  if (kind === 'ours') {
    return {
      name: mode === 'pull' ? 'ours (pull)' : 'ours',
      kind, mode,
      command: [process.execPath, OURS, '--stdio'],
      settings: (section) => (section === 'tsb' ? {} : null),
      initializationOptions: {},
    };
  }
  return {
    name: kind === 'yls-min' ? YLS_MIN : 'yaml-language-server',
    kind, mode: 'push',
    command: [process.execPath, YLS, '--stdio'],
    settings: (section) => {
      if (section === 'yaml') {
        return {
          validate: true, hover: true, completion: true, format: { enable: false },
          schemas: { [kind === 'yls-min' ? minimalUri : dispatcherUri]: ['*.yaml', '**/*.yaml'] },
          schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
        };
      }
      if (section === '[yaml]') return {};
      if (section === 'editor') return { tabSize: 2 };
      if (section === 'http') return {};
      return null;
    },
    initializationOptions: {},
  };
}

/** Starts a server for a project folder; resolves once initialize/initialized/configuration are done. */
async function start(spec, dir) {
  const client = new LspClient(spec.command, { settings: spec.settings, cwd: ROOT, workspaceFolders: [{ uri: fileUri(dir), name: 'project' }] });
  const configAsked = client.waitFor((n) => n.request && n.method === 'workspace/configuration', 5000, 'workspace/configuration').catch(() => undefined);
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'tsb-bench', version: '1' },
    rootUri: fileUri(dir),
    workspaceFolders: [{ uri: fileUri(dir), name: 'project' }],
    capabilities: clientCapabilities(spec.mode === 'pull'),
    initializationOptions: spec.initializationOptions,
  });
  if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
  const initializedAt = client.notify('initialized', {});
  await configAsked;
  const caps = init.result.capabilities ?? {};
  const syncKind = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change ?? 1;
  return { client, caps, syncKind, initializedAt, pull: spec.mode === 'pull' && !!caps.diagnosticProvider };
}

// -------------------------------------------------------------------------------------- documents
/** Open documents the harness edits: text, version, and the latest diagnostics per uri. */
class Docs {
  constructor(client, syncKind) {
    this.client = client;
    this.syncKind = syncKind;
    this.text = new Map();
    this.version = new Map();
  }

  open(path) {
    const uri = fileUri(path);
    const text = readFileSync(path, 'utf8');
    this.text.set(uri, text);
    this.version.set(uri, 1);
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** One-character edit: insert `insert` at (line, character), or delete the character there. */
  edit(uri, line, character, insert) {
    const text = this.text.get(uri);
    let offset = 0;
    for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    offset += character;
    const next = insert ? text.slice(0, offset) + insert + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
    const version = this.version.get(uri) + 1;
    this.text.set(uri, next);
    this.version.set(uri, version);
    const change = this.syncKind === 2
      ? { range: { start: { line, character }, end: { line, character: insert ? character : character + 1 } }, text: insert }
      : { text: next };
    const t = this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return { t, version };
  }
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? ''));
const countRule = (diags, rule) => diags.filter((d) => codeOf(d) === rule || (d.message ?? '').includes(rule)).length;
const atLine = (diags, line) => diags.some((d) => d.range.start.line === line);

/** Latest pushed diagnostics per uri (push mode), kept up to date from the client's notifications. */
function trackPushes(client) {
  const latest = new Map();
  client.listeners.add((n) => {
    if (n.method === 'textDocument/publishDiagnostics') latest.set(n.params.uri, n.params.diagnostics);
  });
  return latest;
}

/** Waits for a publish on `uri` whose diagnostics satisfy pred (and whose version, if given, is >= minVersion). */
function waitPush(client, uri, pred, timeoutMs, minVersion) {
  return client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri
    && (minVersion === undefined || n.params.version === undefined || n.params.version === null || n.params.version >= minVersion)
    && pred(n.params.diagnostics), timeoutMs, `diagnostics of ${uri.split('/').slice(-2).join('/')}`);
}

/** Waits until no publishDiagnostics arrived for `quietMs` (bounded by maxMs). */
async function settle(client, quietMs = 300, maxMs = 15000) {
  const t0 = now();
  let last = now();
  const l = (n) => {
    if (n.method === 'textDocument/publishDiagnostics') last = now();
  };
  client.listeners.add(l);
  while (now() - last < quietMs && now() - t0 < maxMs) await sleep(25);
  client.listeners.delete(l);
}

async function pullDiagnostics(client, uri) {
  for (;;) {
    const r = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    if (r.error?.code === -32802) continue; // ServerCancelled, retriggerRequest: pull again
    if (r.error) throw new Error(`textDocument/diagnostic failed: ${JSON.stringify(r.error)}`);
    return { items: r.result.items ?? [], t: r.t, kind: r.result.kind };
  }
}

// ------------------------------------------------------------------------------------- one session
/**
 * One server process on one input: open, edits, cross-file edits, memory. Returns a flat record of figures
 * (milliseconds unless named otherwise). probe: also send hover/documentSymbol requests during the open.
 */
async function session(spec, input, opts) {
  const rec = {};
  const t0 = now();
  const s = await start(spec, input.dir);
  const { client } = s;
  const docs = new Docs(client, s.syncKind);
  const latest = trackPushes(client);
  rec.initMs = s.initializedAt - t0;
  rec.pull = s.pull;
  const timeout = input.lines > 200000 ? 300000 : 120000;
  const editTimeout = input.lines > 200000 ? 180000 : 60000;
  const singleFile = input.layout === 'single';
  const minimal = spec.kind === 'yls-min';
  try {
    if (singleFile) {
      const path = join(input.dir, 'all.yaml');
      const uri = fileUri(path);
      const probes = [];
      let probing = opts.probe;
      const tOpen = now();
      const cpuBefore = client.cpu();
      // The minimal schema sees none of the injected mistakes: its first publish (empty) is its answer.
      const pushed = s.pull ? undefined : waitPush(client, uri, (d) => minimal || !input.expectDiagnostics || d.length > 0, timeout, 1);
      docs.open(path);
      if (probing) {
        // Requests an editor sends while the file is being analysed: they must not wait for the analysis.
        (async () => {
          await sleep(50);
          const sym = client.request('textDocument/documentSymbol', { textDocument: { uri } }).then((r) => ({ what: 'documentSymbol', ms: r.t - r.sentAt, error: !!r.error }));
          probes.push(sym);
          while (probing) {
            probes.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }).then((r) => ({ what: 'hover', ms: r.t - r.sentAt, error: !!r.error })));
            await sleep(100);
          }
        })();
      }
      const got = s.pull ? await pullDiagnostics(client, uri) : await pushed;
      probing = false;
      rec.openMs = got.t - tOpen;
      rec.coldMs = got.t - t0;
      rec.openCpuS = client.cpu() - cpuBefore;
      rec.openDiagnostics = (got.items ?? got.params?.diagnostics ?? []).length;
      if (opts.probe) {
        const done = await Promise.all(probes);
        rec.probeOpenMs = rec.openMs;
        const hovers = done.filter((p) => p.what === 'hover');
        rec.probeHoverMaxMs = max(hovers.map((p) => p.ms));
        rec.probeHoverMedianMs = median(hovers.map((p) => p.ms));
        rec.probeHoverCount = hovers.length;
        rec.probeSymbolMs = done.find((p) => p.what === 'documentSymbol')?.ms;
        // A probe session only answers the responsiveness question: its open time is disturbed by the probes.
        return { probeHoverMaxMs: rec.probeHoverMaxMs, probeHoverMedianMs: rec.probeHoverMedianMs, probeHoverCount: rec.probeHoverCount, probeSymbolMs: rec.probeSymbolMs, probeOpenMs: rec.probeOpenMs };
      }
      if (!s.pull) await settle(client);
      rec.rssAfterOpenMiB = client.memory().rss;
      // In-file one-character edit: unknown field appears, then disappears.
      const e = input.targets.edit;
      const editMs = [];
      for (let k = 0; k < opts.edits; k++) {
        for (const insert of [e.insert, '']) {
          // The minimal schema does not see the edit (a field inside spec): its next publish is its answer.
          const want = (d) => minimal || (insert ? atLine(d, e.line) : !atLine(d, e.line));
          const w = s.pull ? undefined : waitPush(client, uri, want, editTimeout);
          const { t } = docs.edit(uri, e.line, e.character, insert);
          const r = s.pull ? await pullUntil(client, uri, want) : await w;
          editMs.push(r.t - t);
          if (!s.pull) await settle(client, 200);
        }
      }
      rec.editMs = median(editMs);
      rec.editAll = editMs;
      if (spec.kind === 'ours') {
        // Cross-document (same file) refreshes: the selector edit and the gateway rename.
        for (const [name, tgt] of [['selector', input.targets.selector], ['dependent', input.targets.dependent]]) {
          const ms = [];
          for (let k = 0; k < opts.edits; k++) {
            for (const insert of [tgt.insert, '']) {
              const base = countRule(latest.get(uri) ?? [], tgt.affected[0].rule);
              const want = (d) => (insert ? countRule(d, tgt.affected[0].rule) > base : countRule(d, tgt.affected[0].rule) < base);
              const w = s.pull ? undefined : waitPush(client, uri, want, editTimeout);
              const { t } = docs.edit(uri, tgt.line, tgt.character, insert);
              const r = s.pull ? await pullUntil(client, uri, want) : await w;
              if (s.pull) latest.set(uri, r.items);
              ms.push(r.t - t);
              if (!s.pull) await settle(client, 200);
            }
          }
          rec[`${name}Ms`] = median(ms);
        }
      }
    } else {
      // Workspace: open every file (what yaml-language-server needs to say anything about them).
      const files = input.files.map((f) => join(input.dir, f.rel));
      const uris = files.map(fileUri);
      const cpuBefore = client.cpu();
      const tOpen = now();
      let lastT = 0;
      if (s.pull) {
        for (const f of files) docs.open(f);
        const rs = await Promise.all(uris.map((u) => pullDiagnostics(client, u)));
        rs.forEach((r, k) => { latest.set(uris[k], r.items); });
        lastT = Math.max(...rs.map((r) => r.t));
      } else {
        const pending = new Set(uris);
        const all = new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out: ${pending.size} files without diagnostics`)), timeout);
          const l = (n) => {
            if (n.method !== 'textDocument/publishDiagnostics' || !pending.has(n.params.uri)) return;
            pending.delete(n.params.uri);
            lastT = n.t;
            if (!pending.size) {
              clearTimeout(timer);
              client.listeners.delete(l);
              resolve();
            }
          };
          client.listeners.add(l);
        });
        for (const f of files) docs.open(f);
        await all;
      }
      rec.openMs = lastT - tOpen;
      rec.coldMs = lastT - t0;
      rec.openCpuS = client.cpu() - cpuBefore;
      rec.openDiagnostics = [...latest.values()].reduce((n, d) => n + d.length, 0);
      if (!s.pull) await settle(client, 500);
      rec.rssAfterOpenMiB = client.memory().rss;
      const e = input.targets.edit;
      const uri = fileUri(join(input.dir, e.rel));
      const editMs = [];
      for (let k = 0; k < opts.edits; k++) {
        for (const insert of [e.insert, '']) {
          // The minimal schema does not see the edit (a field inside spec): its next publish is its answer.
          const want = (d) => minimal || (insert ? atLine(d, e.line) : !atLine(d, e.line));
          const w = s.pull ? undefined : waitPush(client, uri, want, editTimeout);
          const { t } = docs.edit(uri, e.line, e.character, insert);
          const r = s.pull ? await pullUntil(client, uri, want) : await w;
          editMs.push(r.t - t);
          if (!s.pull) await settle(client, 200);
        }
      }
      rec.editMs = median(editMs);
      rec.editAll = editMs;
      if (spec.kind === 'ours') {
        for (const [name, tgt] of [['selector', input.targets.selector], ['dependent', input.targets.dependent], ['fanout', input.targets.fanout]]) {
         try {
          const ms = [];
          const lastMs = [];
          const reps = name === 'fanout' ? 1 : opts.edits;
          for (let k = 0; k < reps; k++) {
            for (const insert of [tgt.insert, '']) {
              const editUri = fileUri(join(input.dir, tgt.rel));
              const affected = tgt.affected.map((a) => ({ uri: fileUri(join(input.dir, a.rel)), rule: a.rule }));
              const waits = affected.map((a) => {
                const base = countRule(latest.get(a.uri) ?? [], a.rule);
                const want = (d) => (insert ? countRule(d, a.rule) > base : countRule(d, a.rule) < base);
                return { a, want };
              });
              if (s.pull) {
                // A pull client re-pulls open documents when the server asks (workspace/diagnostic/refresh).
                const refresh = client.waitFor((n) => n.request && n.method === 'workspace/diagnostic/refresh', 30000, 'diagnostic refresh').catch(() => undefined);
                const { t } = docs.edit(editUri, tgt.line, tgt.character, insert);
                // Like VS Code's client (diagnosticPullOptions.onChange): pull the edited document right away.
                const own = pullDiagnostics(client, editUri);
                const rr = await refresh;
                await own;
                const rs = await Promise.all(waits.map((x) => pullUntil(client, x.a.uri, x.want)));
                rs.forEach((r, j) => { latest.set(waits[j].a.uri, r.items); });
                ms.push(Math.min(...rs.map((r) => r.t)) - t);
                lastMs.push(Math.max(...rs.map((r) => r.t)) - t);
                rec[`${name}RefreshSeen`] = !!rr;
              } else {
                const ps = waits.map((x) => waitPush(client, x.a.uri, x.want, editTimeout));
                const { t } = docs.edit(editUri, tgt.line, tgt.character, insert);
                const rs = await Promise.all(ps);
                ms.push(Math.min(...rs.map((r) => r.t)) - t);
                lastMs.push(Math.max(...rs.map((r) => r.t)) - t);
                await settle(client, 300);
              }
            }
          }
          rec[`${name}Ms`] = median(ms);
          rec[`${name}LastMs`] = median(lastMs);
          rec[`${name}Files`] = tgt.affected.length;
         } catch (err) {
          rec[`${name}Error`] = String(err.message).split('\n')[0];
          log(`${input.name}: ${spec.name}: ${name} edit: ${rec[`${name}Error`]}`);
          await settle(client, 500);
         }
        }
      }
    }
    const m = client.memory();
    rec.rssEndMiB = m.rss;
    rec.peakMiB = m.hwm;
    rec.cpuTotalS = client.cpu();
  } finally {
    await client.shutdown();
  }
  return rec;
}

/** Pull mode: pulls until the diagnostics satisfy pred (a server may answer before it saw the edit). */
async function pullUntil(client, uri, pred, timeoutMs = 60000) {
  const t0 = now();
  for (;;) {
    const r = await pullDiagnostics(client, uri);
    if (pred(r.items)) return r;
    if (now() - t0 > timeoutMs) throw new Error(`pull: diagnostics of ${uri} never satisfied the expectation`);
    await sleep(5);
  }
}

// ------------------------------------------------------------------------- a file in a big folder
const CROSS_FILE = new Set(['gateway-selector-no-match', 'service-selector-no-match', 'parent-not-found', 'namespace-not-injected', 'namespace-owned-twice', 'duplicate-resource', 'subset-not-found']);

/**
 * One 1,000-document file opened in a workspace folder that also holds a large repository.
 * The file is opened as soon as the server asked for its configuration; measured: open → the file's
 * first diagnostics (its own), open → its cross-file diagnostics (ours: after the whole folder is read),
 * and the latency of hover and completion requests sent every 50 ms on the opened file meanwhile.
 */
async function bigFolderSession(spec, dir) {
  const rec = {};
  const t0 = now();
  const s = await start(spec, dir);
  const { client } = s;
  const docs = new Docs(client, s.syncKind);
  const path = join(dir, 'all.yaml');
  const uri = fileUri(path);
  const ours = spec.kind === 'ours';
  try {
    const first = waitPush(client, uri, (d) => spec.kind === 'yls-min' || d.length > 0, 600000);
    const full = ours ? waitPush(client, uri, (d) => d.some((x) => CROSS_FILE.has(codeOf(x))), 600000) : first;
    const tOpen = now();
    docs.open(path);
    const probes = [];
    let probing = true;
    (async () => {
      for (let k = 0; probing; k++) {
        const req = k % 2
          ? client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 2 } })
          : client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
        probes.push(req.then((r) => r.t - r.sentAt));
        await sleep(50);
      }
    })();
    const f = await first;
    rec.firstMs = f.t - tOpen;
    rec.coldFirstMs = f.t - t0;
    const g = await full;
    rec.fullMs = g.t - tOpen;
    probing = false;
    const lat = await Promise.all(probes);
    rec.probeMaxMs = max(lat);
    rec.probeMedianMs = median(lat);
    rec.probeCount = lat.length;
    rec.probeOver50 = lat.filter((x) => x > 50).length;
    const m = client.memory();
    rec.peakMiB = m.hwm;
    rec.cpuTotalS = client.cpu();
  } finally {
    await client.shutdown();
  }
  return rec;
}

async function bigFolderInput(tmp, name, cfg, runs, servers, dispatcher) {
  const file = generate(tmp, { name, ...INPUTS['file-1k'] });
  // The rest of the folder: a repository of the benchmark's layout (its own tsb.config.yaml).
  const repo = generate(file.dir, { name: 'repo', layout: 'workspace', apps: cfg.folderApps, mistakeRate: 0.3, seed: 17 });
  const r = {
    label: cfg.label, bigFolder: true, files: file.files.length + repo.files.length, docs: file.docs + repo.docs, lines: file.lines + repo.lines,
    mib: (file.bytes + repo.bytes) / 1048576, openedDocs: file.docs, openedMiB: file.bytes / 1048576, runs, servers: {},
  };
  const specs = [];
  if (servers.includes('ours')) specs.push(serverSpec('ours', 'push', dispatcher));
  if (servers.includes('yls')) specs.push(serverSpec('yls', 'push', dispatcher));
  if (servers.includes('yls-min')) specs.push(serverSpec('yls-min', 'push', dispatcher));
  const recs = Object.fromEntries(specs.map((x) => [x.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const spec of specs.map((_, k) => specs[(k + run) % specs.length])) {
      log(`${name}: ${spec.name} run ${run + 1}/${runs}`);
      try {
        recs[spec.name].push(await bigFolderSession(spec, file.dir));
      } catch (e) {
        log(`${name}: ${spec.name} failed: ${e.message}`);
        recs[spec.name].push({ error: String(e.message).split('\n')[0] });
      }
    }
  }
  for (const [sname, rs] of Object.entries(recs)) r.servers[sname] = summarize(rs);
  rmSync(file.dir, { recursive: true, force: true });
  return r;
}

/** Ours only, workspace input: start → every file's diagnostics without opening anything. */
async function closedFilesSession(spec, input) {
  const t0 = now();
  const s = await start(spec, input.dir);
  const { client } = s;
  const rec = {};
  const uris = new Set(input.files.map((f) => fileUri(join(input.dir, f.rel))));
  try {
    if (s.pull) {
      for (;;) {
        const r = await client.request('workspace/diagnostic', { previousResultIds: [] });
        if (r.error?.code === -32802) continue;
        if (r.error) throw new Error(JSON.stringify(r.error));
        const got = new Set(r.result.items.map((i) => i.uri));
        rec.closedFiles = [...uris].filter((u) => got.has(u)).length;
        rec.allFilesMs = r.t - t0;
        break;
      }
    } else {
      const pending = new Set(uris);
      let lastT = NaN;
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 120000);
        client.listeners.add((n) => {
          if (n.method !== 'textDocument/publishDiagnostics' || !pending.delete(n.params.uri)) return;
          lastT = n.t;
          if (!pending.size) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      rec.closedFiles = uris.size - pending.size;
      rec.allFilesMs = pending.size ? NaN : lastT - t0;
    }
    rec.cpuS = client.cpu();
    rec.rssMiB = client.memory().rss;
  } finally {
    await client.shutdown();
  }
  return rec;
}

// ------------------------------------------------------------------------------ CLI and in-process floor
async function measureCli(input, runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) {
    const x = await timedProcess([CLI, 'check', input.dir, '--format', 'json']);
    if (x.code === 2) throw new Error(`tsb-lint failed: ${x.err}`);
    let problems;
    try {
      const j = JSON.parse(x.out);
      problems = j.diagnostics?.length;
    } catch { /* not JSON */ }
    rs.push({ wallMs: x.wallMs, cpuS: x.cpuS, maxRssMiB: x.maxRssMiB, problems, exit: x.code });
  }
  return { wallMs: median(rs.map((r) => r.wallMs)), cpuS: median(rs.map((r) => r.cpuS)), maxRssMiB: median(rs.map((r) => r.maxRssMiB)), problems: rs[0]?.problems, exit: rs[0]?.exit, runs: rs };
}

async function measureFloor(input, runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) {
    const x = await timedProcess([join(ROOT, 'bench/floor.mjs'), input.dir]);
    if (x.code !== 0) throw new Error(`floor failed: ${x.err}`);
    rs.push({ ...JSON.parse(x.out), wallMs: x.wallMs, cpuS: x.cpuS, maxRssMiB: x.maxRssMiB });
  }
  const keys = ['wallMs', 'cpuS', 'maxRssMiB', 'totalMs', 'parseMs', 'compileMs', 'validateMs', 'readMs', 'loadMs'];
  return Object.fromEntries([...keys.map((k) => [k, median(rs.map((r) => r[k]))]), ['docs', rs[0]?.docs], ['validated', rs[0]?.validated], ['invalid', rs[0]?.invalid]]);
}

async function nodeStartup(runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) rs.push((await timedProcess(['-e', '0'])).wallMs);
  return median(rs);
}

// -------------------------------------------------------------------------------------------- main
async function ourServerReady() {
  if (!existsSync(OURS)) return `server/out/serverMain.js does not exist (npm run build)`;
  try {
    const c = new LspClient([process.execPath, OURS, '--stdio'], { settings: () => null });
    const r = await Promise.race([c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), sleep(10000).then(() => ({ error: 'no answer in 10 s' }))]);
    await c.shutdown();
    return r.error ? `initialize failed: ${JSON.stringify(r.error)}` : undefined;
  } catch (e) {
    return String(e.message ?? e);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.render) {
    // Only re-write the report from bench/out/results.json (e.g. after editing bench/analysis.md).
    const md = renderMarkdown(JSON.parse(readFileSync(join(ROOT, args.quick ? 'bench/out/results-quick.json' : 'bench/out/results.json'), 'utf8')));
    if (args.out === '-') process.stdout.write(md);
    else writeFileSync(args.out, md);
    return;
  }
  const table = args.quick ? QUICK_INPUTS : INPUTS;
  const names = args.inputs.length ? args.inputs : Object.keys(table).filter((n) => !n.endsWith('-clean'));
  for (const n of names) if (!table[n]) throw new Error(`unknown input ${n}; known: ${Object.keys(table).join(', ')}`);
  const tmp = mkdtempSync(join(tmpdir(), 'tsb-bench-'));
  const dispatcher = writeDispatcherSchema(tmp);
  minimalUri = writeMinimalSchema(tmp);
  const results = {
    startedAt: new Date().toISOString(), quick: args.quick, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
    memGiB: totalmem() / 2 ** 30, loadBefore: loadavg(), inputs: {}, notes: [],
  };
  const resultsFile = join(ROOT, args.quick ? 'bench/out/results-quick.json' : 'bench/out/results.json');
  if (args.merge && existsSync(resultsFile)) {
    // Re-measure some inputs, keep the others from the previous run's results.
    const prev = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const [n, r] of Object.entries(prev.inputs ?? {})) if (!names.includes(n)) results.inputs[n] = { ...r, merged: prev.startedAt };
    results.notes.push(`Inputs ${Object.keys(results.inputs).join(', ') || '(none)'} are from the run of ${prev.startedAt} (load average then ${prev.loadBefore?.map((x) => x.toFixed(1)).join(' / ')}).`);
  }
  let servers = [...args.servers];
  if (servers.includes('ours')) {
    const why = await ourServerReady();
    if (why) {
      results.notes.push(`Our language server was not measured: ${why}.`);
      log(`our server is not available: ${why}`);
      servers = servers.filter((s) => s !== 'ours');
    }
  }
  try {
    results.nodeStartupMs = await nodeStartup(3);
    for (const name of args.scalingOnly ? [] : names) {
      const cfg = table[name];
      const runs = args.runs ?? cfg.runs;
      log(`generating ${name}`);
      if (cfg.bigFolder) {
        results.inputs[name] = await bigFolderInput(tmp, name, cfg, runs, servers, dispatcher);
        writeResults(results);
        continue;
      }
      const input = generate(tmp, { name, ...cfg });
      input.expectDiagnostics = Object.keys(input.mistakes).length > 0 || input.unresolved > 0;
      const r = { label: cfg.label, files: input.files.length, docs: input.docs, lines: input.lines, mib: input.bytes / 1048576, mistakes: input.mistakes, ...(input.unresolved ? { unresolved: input.unresolved } : {}), runs, servers: {} };
      results.inputs[name] = r;
      if (args.floor) {
        log(`${name}: in-process floor`);
        r.floor = await measureFloor(input, runs);
      }
      if (args.cli) {
        log(`${name}: tsb-lint check`);
        r.cli = await measureCli(input, runs);
      }
      if (cfg.cliOnly) {
        writeResults(results);
        rmSync(input.dir, { recursive: true, force: true });
        continue;
      }
      const specs = [];
      if (servers.includes('ours')) for (const m of args.modes) specs.push(serverSpec('ours', m, dispatcher));
      if (servers.includes('yls')) specs.push(serverSpec('yls', 'push', dispatcher));
      if (servers.includes('yls-min')) specs.push(serverSpec('yls-min', 'push', dispatcher));
      const recs = Object.fromEntries(specs.map((s) => [s.name, []]));
      const edits = args.quick ? 1 : input.lines > 200000 ? 1 : 2;
      for (let run = 0; run < runs; run++) {
        // Rotate the order so that no server always runs first (machine noise, caches).
        const order = specs.map((_, k) => specs[(k + run) % specs.length]);
        for (const spec of order) {
          // Pull mode is a secondary figure: one run (the machine is small and the full run is long).
          if (spec.mode === 'pull' && run > 0 && !args.runs) continue;
          log(`${name}: ${spec.name} run ${run + 1}/${runs}`);
          try {
            recs[spec.name].push(await session(spec, input, { edits, probe: false }));
          } catch (e) {
            log(`${name}: ${spec.name} failed: ${e.message}`);
            recs[spec.name].push({ error: String(e.message).split('\n')[0] });
          }
        }
      }
      if (input.layout === 'single' && (name === 'file-300k' || name === 'file-5k')) {
        // One more session per server: hover/documentSymbol requests sent while the file is analysed.
        for (const spec of specs) {
          log(`${name}: ${spec.name} responsiveness probe`);
          try {
            recs[spec.name].push(await session(spec, input, { edits, probe: true }));
          } catch (e) {
            log(`${name}: ${spec.name} probe failed: ${e.message}`);
          }
        }
      }
      if (input.layout === 'workspace' && servers.includes('ours')) {
        for (const m of args.modes) {
          const spec = serverSpec('ours', m, dispatcher);
          const rs = [];
          for (let run = 0; run < (m === 'pull' && !args.runs ? 1 : runs); run++) {
            log(`${name}: ${spec.name} closed-files run ${run + 1}/${runs}`);
            try {
              rs.push(await closedFilesSession(spec, input));
            } catch (e) {
              rs.push({ error: String(e.message).split('\n')[0] });
            }
          }
          r[`closed ${spec.name}`] = summarize(rs);
        }
      }
      for (const [sname, rs] of Object.entries(recs)) r.servers[sname] = summarize(rs);
      writeResults(results);
      if (!args.keep) rmSync(input.dir, { recursive: true, force: true });
    }
    if (args.scaling) {
      log('scaling suite');
      results.scaling = await runScaling(args.scalingSizes ? { sizes: args.scalingSizes } : {});
      writeResults(results);
    } else if (args.merge && existsSync(resultsFile)) {
      results.scaling = JSON.parse(readFileSync(resultsFile, 'utf8')).scaling;
    }
  } finally {
    results.loadAfter = loadavg();
    results.finishedAt = new Date().toISOString();
    writeResults(results);
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`inputs kept in ${tmp}`);
  }
  const md = renderMarkdown(results);
  if (args.out === '-') process.stdout.write(md);
  else {
    writeFileSync(args.out, md);
    log(`wrote ${args.out}`);
  }
}

/** Medians of every numeric figure over the runs that did not fail (plus the errors). */
function summarize(rs) {
  const ok = rs.filter((r) => !r.error);
  const out = { runs: rs.length, failed: rs.filter((r) => r.error).map((r) => r.error) };
  const keys = new Set(ok.flatMap((r) => Object.keys(r)));
  for (const k of keys) {
    const vals = ok.map((r) => r[k]);
    if (k === 'editAll') out[k] = vals.flat();
    else if (vals.every((v) => typeof v === 'number' || v === undefined)) out[k] = k === 'peakMiB' || k.endsWith('MaxMs') ? max(vals) : median(vals);
    else out[k] = vals[0];
  }
  return out;
}

function writeResults(results) {
  const dir = join(ROOT, 'bench/out');
  mkdirSync(dir, { recursive: true });
  // A --quick smoke run never overwrites the real figures.
  writeFileSync(join(dir, results.quick ? 'results-quick.json' : 'results.json'), JSON.stringify(results, null, 2));
}

// ------------------------------------------------------------------------------------------- report
const fmtMs = (x) => (Number.isFinite(x) ? (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`) : '—');
const fmtMiB = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : '—');
const fmtS = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : '—');
const fmtRatio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

export function renderMarkdown(res) {
  const L = [];
  const targets = [];
  L.push('# Performance');
  L.push('');
  L.push('Generated by `npm run bench` (bench/run.mjs); do not edit by hand. Issues 7 and 15: our language server and');
  L.push('[yaml-language-server](https://github.com/redhat-developer/yaml-language-server) 2.0.0 are driven side by side over');
  L.push('stdio by the same harness, with real LSP messages, on the same generated inputs. yaml-language-server runs twice: with our');
  L.push('`schemas/*.schema.json` (associated through one dispatcher schema that selects the schema by apiVersion and kind), and');
  L.push('with a minimal strict schema (apiVersion and kind required, nothing but metadata and spec beside them: the cheapest it can');
  L.push('be). Every ratio is ours ÷ yaml-language-server (lower is better) from this one run. The scaling suite (bench/scaling.mjs)');
  L.push('follows the inputs.');
  L.push('');
  L.push(`Run: ${res.startedAt}${res.quick ? ' (**--quick**: small inputs, one run; not the real figures)' : ''}; Node ${res.node}; ${res.cpus} × ${res.cpuModel}; ${res.memGiB.toFixed(0)} GiB;`);
  L.push(`load average before ${res.loadBefore.map((x) => x.toFixed(1)).join(' / ')}, after ${(res.loadAfter ?? []).map((x) => x.toFixed(1)).join(' / ')} (other work on the machine inflates absolute times; ratios are measured side by side, runs interleaved). Node start-up (\`node -e 0\`): ${fmtMs(res.nodeStartupMs)}.`);
  for (const n of res.notes) L.push('', `> ${n}`);
  L.push('');
  L.push('## How to run');
  L.push('');
  L.push('```sh');
  L.push('npm run build && npm run bench                 # every input (long); writes this file and bench/out/results.json');
  L.push('npm run bench -- --quick                       # small inputs, one run (smoke test)');
  L.push('npm run bench -- --input file-5k --runs 3      # one input; also --servers ours,yls,yls-min, --modes push,pull, --no-cli, --out -');
  L.push('npm run bench -- --scaling-only --merge        # only the scaling suite (--scaling-sizes 1000,10000; --no-scaling skips it)');
  L.push('node bench/scaling.mjs --shapes injection      # the scaling suite alone, printed');
  L.push('node bench/compare.mjs OLD/cli.js NEW/cli.js --generated   # same diagnostics, failover and units from two builds');
  L.push('npm run bench -- --input ws-10k --merge        # re-measure one input, keep the others from bench/out/results.json');
  L.push('node bench/run.mjs --render                    # re-write this file from bench/out/results.json (+ bench/analysis.md)');
  L.push('node bench/generate.mjs /tmp/tsb-inputs        # only write the generated projects');
  L.push('```');
  L.push('');
  L.push('What is measured (medians over the runs; each run is a fresh server process):');
  L.push('');
  L.push('- **open → diagnostics**: `didOpen` (sent as soon as the server asked for its configuration after `initialized`) until the first');
  L.push('  `publishDiagnostics` for the file (with mistakes in the input: the first non-empty one); for the workspace, every file is opened');
  L.push('  and the time runs until each has been published. *Cold* adds process start and `initialize`. Pull mode: `textDocument/diagnostic` responses.');
  L.push('- **edit → diagnostics**: a one-character `didChange` (`displayName` → `displayNamex` in a Workspace in the middle, then back) until');
  L.push('  diagnostics that show the unknown field (then its absence) arrive. Default settings on both sides: yaml-language-server');
  L.push('  waits 200 ms before validating; ours checks an edit made while it is idle (last check ended ≥ 100 ms ago) at once, and a');
  L.push('  faster burst after it pauses for `tsb.diagnosticsDelay` (300 ms by default). In push mode the harness lets 200 ms pass between edits.');
  L.push('- **cross-file refresh** (ours only; yaml-language-server has no cross-file rules): a one-character edit of the east-west selector');
  L.push('  in a WorkspaceSetting (warning in that file), of an install IngressGateway name (warning in the gateway config of another file),');
  L.push('  and of the shared east-west gateway name (warnings in every WorkspaceSetting file: first and last refreshed file).');
  L.push('  Pull mode behaves like VS Code\'s client: it pulls the edited document after each change, and the other files when the');
  L.push('  server sends `workspace/diagnostic/refresh`.');
  L.push('- **open-in-big-folder**: the file-1k file opened in a folder that also holds a large repository; the time to that file\'s');
  L.push('  first diagnostics (its own: our server publishes them before it has read the folder) and to its cross-file ones, and the');
  L.push('  latency of hover and completion requests sent every 50 ms meanwhile.');
  L.push('- **CPU**: user + system seconds of the server process from /proc/<pid>/stat; **RSS** VmRSS after the open settled, **peak** VmHWM.');
  L.push('- **floor**: one fresh Node process reading every file, `yaml` `parseAllDocuments` + `toJS`, ajv (allErrors) validation of');
  L.push('  every TSB document with our schemas (compiled on first use) — bench/floor.mjs. **tsb-lint**: `node server/out/cli.js check DIR --format json`');
  L.push('  as a whole process (wall time, CPU and peak RSS of the process).');
  L.push('');
  const order = Object.keys(res.quick ? QUICK_INPUTS : INPUTS);
  const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
  for (const [name, r] of Object.entries(res.inputs).sort(([a], [b]) => rank(a) - rank(b))) {
    const ours = r.servers['ours'];
    const pull = r.servers['ours (pull)'];
    const yls = r.servers['yaml-language-server'];
    const ymin = r.servers[YLS_MIN];
    L.push(`## ${name}: ${r.label}`);
    L.push('');
    if (r.bigFolder) {
      renderBigFolder(L, targets, name, r);
      continue;
    }
    L.push(`${r.files} files, ${r.docs.toLocaleString('en')} documents, ${r.lines.toLocaleString('en')} lines, ${r.mib.toFixed(1)} MiB; injected mistakes: ${Object.entries(r.mistakes).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}${r.unresolved ? `; ${r.unresolved} unresolved references` : ''}; ${r.runs} run(s).`);
    L.push('');
    const hasServers = Object.keys(r.servers).length > 0;
    if (hasServers) {
      L.push('| figure | ours | ours (pull) | yaml-language-server | ratio | yaml-language-server, minimal schema | ratio | target | met? |');
      L.push('|---|---|---|---|---|---|---|---|---|');
    }
    const row = (label, key, fmt, target) => {
      const o = ours?.[key];
      const p = pull?.[key];
      const y = yls?.[key];
      const m = ymin?.[key];
      let met = '';
      if (target) {
        met = target.check(o, y, m) ? 'yes' : Number.isFinite(o) ? '**no**' : 'not measured';
        targets.push({ input: name, label, target: target.text, met, ours: fmt(o), yls: `${fmt(y)}${Number.isFinite(m) ? ` / ${fmt(m)} (minimal)` : ''}` });
      }
      L.push(`| ${label} | ${fmt(o)} | ${fmt(p)} | ${fmt(y)} | ${fmtRatio(o, y)} | ${fmt(m)} | ${fmtRatio(o, m)} | ${target?.text ?? ''} | ${met} |`);
    };
    // Against yaml-language-server with our schemas and, where measured, with the minimal strict schema too.
    const ratioTarget = (k) => ({ text: `≤ ${k}× yaml-language-server${ymin ? ' (both schemas)' : ''}`, check: (o, y, m) => Number.isFinite(o) && Number.isFinite(y) && o <= k * y && (!ymin || (Number.isFinite(m) && o <= k * m)) });
    const absTarget = (text, limit) => ({ text, check: (o) => Number.isFinite(o) && o <= limit });
    const ws = name.startsWith('ws-');
    if (hasServers) {
    row(ws ? 'open all files → all diagnostics' : 'open → diagnostics', 'openMs', fmtMs, ratioTarget(0.5));
    row('cold: spawn → diagnostics', 'coldMs', fmtMs);
    row('server CPU, open → diagnostics', 'openCpuS', fmtS, { text: '≤ 0.5× (load-independent cross-check)', check: (o, y) => Number.isFinite(o) && Number.isFinite(y) && o <= 0.5 * y });
    row('diagnostics after open (count)', 'openDiagnostics', (x) => (Number.isFinite(x) ? String(x) : '—'));
    row('edit → diagnostics (1 character)', 'editMs', fmtMs, name === 'file-1k-unresolved' ? absTarget('≤ 50 ms', 50) : ratioTarget(name === 'file-5k' ? 0.1 : 0.5));
    row('RSS after open', 'rssAfterOpenMiB', fmtMiB, ws ? ratioTarget(0.5) : undefined);
    row('peak RSS (VmHWM)', 'peakMiB', fmtMiB, name === 'file-300k' ? absTarget('≤ 800 MiB (well below 1.6 GiB)', 800) : undefined);
    row('server CPU, whole session', 'cpuTotalS', fmtS);
    if (ours?.selectorMs !== undefined || pull?.selectorMs !== undefined) {
      row('selector edit → its warning (same file)', 'selectorMs', fmtMs, ws ? absTarget('≤ 100 ms', 100) : undefined);
      row(ws ? 'gateway rename → warning in the other file' : 'gateway rename → warning in the gateway config', 'dependentMs', fmtMs, ws ? absTarget('≤ 100 ms', 100) : undefined);
    }
    if (ours?.fanoutMs !== undefined || pull?.fanoutMs !== undefined) {
      row(`east-west gateway rename → first of ${ours?.fanoutFiles ?? pull?.fanoutFiles} files refreshed`, 'fanoutMs', fmtMs);
      row(`east-west gateway rename → all ${ours?.fanoutFiles ?? pull?.fanoutFiles} files refreshed`, 'fanoutLastMs', fmtMs, absTarget('≤ 100 ms', 100));
    }
    if (ours?.probeHoverCount !== undefined || yls?.probeHoverCount !== undefined) {
      row('hover during the analysis: worst latency', 'probeHoverMaxMs', fmtMs, name === 'file-300k' ? absTarget('≤ 500 ms (no freeze)', 500) : undefined);
      row('hover during the analysis: median latency', 'probeHoverMedianMs', fmtMs);
      row('documentSymbol sent during the analysis', 'probeSymbolMs', fmtMs);
    }
    }
    const closed = r['closed ours'];
    const closedPull = r['closed ours (pull)'];
    if (closed || closedPull) {
      const yOpen = yls?.openMs;
      const c = closed?.allFilesMs;
      const cp = closedPull?.allFilesMs;
      const met = Number.isFinite(c) && Number.isFinite(yOpen) && c <= 0.5 * yOpen ? 'yes' : Number.isFinite(c) ? '**no**' : 'not measured';
      targets.push({ input: name, label: 'full cross-file check after start (nothing opened)', target: '≤ 0.5× yaml-language-server open', met, ours: fmtMs(c), yls: fmtMs(yOpen) });
      L.push(`| full cross-file check after start, nothing opened (spawn → every file's diagnostics${closed?.closedFiles !== undefined ? `; ${closed.closedFiles} files` : ''}) | ${fmtMs(c)} | ${fmtMs(cp)} | ${fmtMs(yOpen)} (opens all) | ${fmtRatio(c, yOpen)} | | | ≤ 0.5× yaml-language-server open | ${met} |`);
      L.push(`| RSS after that start | ${fmtMiB(closed?.rssMiB)} | ${fmtMiB(closedPull?.rssMiB)} | | | | | | |`);
    }
    L.push('');
    const failures = Object.entries(r.servers).flatMap(([s, x]) => (x.failed ?? []).map((f) => `${s}: ${f}`));
    if (failures.length) L.push(`Failed runs: ${failures.join('; ')}`, '');
    if (r.floor || r.cli) {
      L.push('| process | wall | CPU | peak RSS | detail |');
      L.push('|---|---|---|---|---|');
      if (r.floor) L.push(`| floor: yaml + ajv in one process | ${fmtMs(r.floor.wallMs)} | ${fmtS(r.floor.cpuS)} | ${fmtMiB(r.floor.maxRssMiB)} | parse ${fmtMs(r.floor.parseMs)}, ajv compile ${fmtMs(r.floor.compileMs)}, validate ${fmtMs(r.floor.validateMs)} (${r.floor.validated} TSB documents, ${r.floor.invalid} invalid) |`);
      if (r.cli) L.push(`| \`tsb-lint check --format json\` | ${fmtMs(r.cli.wallMs)} | ${fmtS(r.cli.cpuS)} | ${fmtMiB(r.cli.maxRssMiB)} | exit ${r.cli.exit}${r.cli.problems !== undefined ? `, ${r.cli.problems} problems` : ''}; ${fmtRatio(r.cli.wallMs, r.floor?.wallMs)} the floor |`);
      L.push('');
      if (r.cli && r.floor && name.startsWith('ws-')) {
        const k = name === 'ws-10k-unresolved' ? 2 : 1.5;
        const ok = r.cli.wallMs <= k * r.floor.wallMs;
        targets.push({ input: name, label: 'tsb-lint check (whole process)', target: `≤ ${k}× the in-process floor`, met: ok ? 'yes' : '**no**', ours: fmtMs(r.cli.wallMs), yls: `floor ${fmtMs(r.floor.wallMs)}` });
      }
    }
  }
  if (res.scaling) L.push(renderScaling(res.scaling, targets), '');
  L.push('## Targets');
  L.push('');
  L.push('| input | figure | ours | yaml-language-server (or reference) | target | met? |');
  L.push('|---|---|---|---|---|---|');
  for (const t of targets) L.push(`| ${t.input} | ${t.label} | ${t.ours} | ${t.yls} | ${t.target} | ${t.met} |`);
  L.push('');
  const analysis = join(ROOT, 'bench/analysis.md');
  if (existsSync(analysis)) L.push(readFileSync(analysis, 'utf8').trim(), '');
  return L.join('\n');
}

/** The big-folder input: ours against yaml-language-server (which reads only the opened file). */
function renderBigFolder(L, targets, name, r) {
  const cols = [['ours', r.servers['ours']], ['yaml-language-server', r.servers['yaml-language-server']], [YLS_MIN, r.servers[YLS_MIN]]].filter(([, x]) => x);
  L.push(`The opened file: ${r.openedDocs.toLocaleString('en')} documents (${r.openedMiB.toFixed(1)} MiB, the file-1k file); the folder: ${r.files} files, ${r.docs.toLocaleString('en')} documents, ${r.mib.toFixed(1)} MiB in all; ${r.runs} run(s).`);
  L.push('The file is opened as soon as the server has asked for its configuration; hover and completion requests on it are sent');
  L.push('every 50 ms until its cross-file diagnostics arrive. yaml-language-server reads only the opened file: it has no cross-file diagnostics.');
  L.push('');
  L.push(`| figure | ${cols.map(([n]) => n).join(' | ')} | target | met? |`);
  L.push(`|---|${cols.map(() => '---').join('|')}|---|---|`);
  const row = (label, key, fmt, target) => {
    const o = r.servers['ours']?.[key];
    let met = '';
    if (target) {
      met = target.check(o) ? 'yes' : Number.isFinite(o) ? '**no**' : 'not measured';
      targets.push({ input: name, label, target: target.text, met, ours: fmt(o), yls: cols.slice(1).map(([n, x]) => `${fmt(x[key])}${n === YLS_MIN ? ' (minimal)' : ''}`).join(' / ') });
    }
    L.push(`| ${label} | ${cols.map(([, x]) => fmt(x[key])).join(' | ')} | ${target?.text ?? ''} | ${met} |`);
  };
  row('open → the file\'s first diagnostics (its own)', 'firstMs', fmtMs, { text: '≤ 1 s median', check: (o) => Number.isFinite(o) && o <= 1000 });
  row('cold: spawn → first diagnostics', 'coldFirstMs', fmtMs);
  row('open → its cross-file diagnostics (after the folder is read)', 'fullMs', fmtMs);
  row('hover/completion during the scan: worst latency', 'probeMaxMs', fmtMs, { text: '≤ 50 ms', check: (o) => Number.isFinite(o) && o <= 50 });
  row('hover/completion during the scan: median latency', 'probeMedianMs', fmtMs);
  row('requests sent during the scan (over 50 ms)', 'probeCount', (x) => (Number.isFinite(x) ? String(x) : '—'));
  row('… of which answered in more than 50 ms', 'probeOver50', (x) => (Number.isFinite(x) ? String(x) : '—'));
  row('peak RSS (VmHWM)', 'peakMiB', fmtMiB);
  row('server CPU, whole session', 'cpuTotalS', fmtS);
  L.push('');
  const failures = Object.entries(r.servers).flatMap(([s, x]) => (x.failed ?? []).map((f) => `${s}: ${f}`));
  if (failures.length) L.push(`Failed runs: ${failures.join('; ')}`, '');
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 1;
});
