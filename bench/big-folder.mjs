// The big-folder input: one file opened in a folder that also holds a large repository.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf, Docs, waitPush } from './diagnostics.mjs';
import { generate, INPUTS } from './generate.mjs';
import { fileUri, now } from './lsp.mjs';
import { serverSpec, start } from './servers.mjs';
import { log, max, median, sleep, summarize } from './stats.mjs';

// Rules whose diagnostics need other files: ours publishes them once the folder is read.
const CROSS_FILE = new Set([
  'gateway-selector-no-match',
  'service-selector-no-match',
  'parent-not-found',
  'namespace-not-injected',
  'namespace-owned-twice',
  'duplicate-resource',
  'subset-not-found',
]);

/**
 * One 1,000-document file opened in a workspace folder that also holds a large repository.
 * The file is opened as soon as the server asked for its configuration; measured: open → the file's
 * first diagnostics (its own), open → its cross-file diagnostics (ours: after the whole folder is read),
 * and the latency of hover and completion requests sent every 50 ms on the opened file meanwhile; then another
 * file opened during the scan, and (ours) a branch switch of the whole repository.
 */
/** The line of the opened file's first namespace selector entry (a hover there reads cross-file results). */
function selectorLine(text) {
  return text.split('\n').findIndex((l) => /^\s+- "\*\/app-/.test(l));
}

/** Requests sent every 50 ms: hover at the top, completion, hover on a namespace selector. */
function probe(client, uri, k, selector) {
  if (k % 3 === 1)
    return client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 2 } });
  const position = k % 3 ? { line: selector, character: 10 } : { line: 1, character: 2 };
  return client.request('textDocument/hover', { textDocument: { uri }, position });
}

async function bigFolderSession(spec, dir, second, repoFiles) {
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
    const selector = selectorLine(readFileSync(path, 'utf8'));
    const probes = [];
    let probing = true;
    (async () => {
      for (let k = 0; probing; k++) {
        probes.push(probe(client, uri, k, selector).then((r) => r.t - r.sentAt));
        await sleep(50);
      }
    })();
    const f = await first;
    rec.firstMs = f.t - tOpen;
    rec.coldFirstMs = f.t - t0;
    // Another file of the folder opened a second later, while the scan goes on: its outline (asked for
    // with the open, as VS Code does) and its first diagnostics.
    await sleep(1000);
    const uri2 = fileUri(join(dir, second));
    const got = waitPush(client, uri2, () => true, 120000);
    const tSecond = now();
    docs.open(join(dir, second));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri2 } });
    rec.secondSymbolsMs = symbols.t - tSecond;
    rec.secondFirstMs = (await got).t - tSecond;
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
    // The second file is open: its editor text wins over the disk.
    const closed = repoFiles.filter((f) => f !== join(dir, second));
    if (ours) Object.assign(rec, await branchSwitch(client, uri, selector, closed));
  } finally {
    await client.shutdown();
  }
  return rec;
}

/**
 * Every file of the repository changes on disk (a branch switch; the watcher reports them together): a
 * comment line is added at the top of each, so every file with diagnostics gets them again, moved down.
 * Measured: the time until the last of those is published again, and the latency of the same requests
 * meanwhile. The files are restored afterwards.
 */
async function branchSwitch(client, uri, selector, repoFiles) {
  // After the check's publishing has ended (the status follows it), so that what is shown is known.
  if (!client.notifications.some((n) => n.method === 'tsb/status'))
    await client.waitFor((n) => n.method === 'tsb/status', 120000, 'the status after the check');
  const originals = repoFiles.map((f) => readFileSync(f, 'utf8'));
  const shown = new Map();
  for (const n of client.notifications)
    if (n.method === 'textDocument/publishDiagnostics') shown.set(n.params.uri, n.params.diagnostics.length);
  const waiting = new Set(repoFiles.map((f) => fileUri(f)).filter((u) => shown.get(u) > 0));
  const expected = waiting.size;
  let last = 0;
  const seen = (n) => {
    if (n.method !== 'textDocument/publishDiagnostics' || !waiting.has(n.params.uri)) return;
    waiting.delete(n.params.uri);
    last = n.t;
  };
  try {
    for (const [i, f] of repoFiles.entries()) writeFileSync(f, `# switched\n${originals[i]}`);
    client.listeners.add(seen);
    const t = now();
    client.notify('workspace/didChangeWatchedFiles', {
      changes: repoFiles.map((f) => ({ uri: fileUri(f), type: 2 })),
    });
    const lat = [];
    for (let k = 0; waiting.size && now() - t < 600000; k++) {
      const r = await probe(client, uri, k, selector);
      lat.push(r.t - r.sentAt);
      await sleep(50);
    }
    if (waiting.size) throw new Error(`branch switch: ${waiting.size} of ${expected} files not published again`);
    return {
      switchFiles: repoFiles.length,
      switchRepublished: expected,
      switchMs: last - t,
      switchProbeMaxMs: max(lat),
      switchPeakMiB: client.memory().hwm,
    };
  } finally {
    client.listeners.delete(seen);
    for (const [i, f] of repoFiles.entries()) writeFileSync(f, originals[i]);
  }
}

export async function bigFolderInput(tmp, name, cfg, runs, servers, schemaUris) {
  const file = generate(tmp, { name, ...INPUTS['file-1k'] });
  // The rest of the folder: a repository of the benchmark's layout (its own tsb.config.yaml).
  const repo = generate(file.dir, {
    name: 'repo',
    layout: 'workspace',
    apps: cfg.folderApps,
    mistakeRate: 0.3,
    seed: 17,
  });
  // A file of the repository's middle (its own diagnostics are not published before it is opened).
  const second = repo.files[Math.floor(repo.files.length / 2)].rel;
  const repoFiles = repo.files.filter((f) => !f.rel.endsWith('tsb.config.yaml')).map((f) => join(repo.dir, f.rel));
  const r = {
    label: cfg.label,
    bigFolder: true,
    files: file.files.length + repo.files.length,
    docs: file.docs + repo.docs,
    lines: file.lines + repo.lines,
    mib: (file.bytes + repo.bytes) / 1048576,
    openedDocs: file.docs,
    openedMiB: file.bytes / 1048576,
    runs,
    servers: {},
  };
  const specs = [];
  if (servers.includes('ours')) specs.push(serverSpec('ours', 'push', schemaUris));
  if (servers.includes('yls')) specs.push(serverSpec('yls', 'push', schemaUris));
  if (servers.includes('yls-min')) specs.push(serverSpec('yls-min', 'push', schemaUris));
  const recs = Object.fromEntries(specs.map((x) => [x.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const spec of specs.map((_, k) => specs[(k + run) % specs.length])) {
      log(`${name}: ${spec.name} run ${run + 1}/${runs}`);
      try {
        recs[spec.name].push(await bigFolderSession(spec, file.dir, join('repo', second), repoFiles));
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
