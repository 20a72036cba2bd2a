// The side-by-side measurement: one server process on one generated input (open, edits, cross-file
// refreshes, memory), and ours started on a workspace with nothing opened.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atLine, countRule, Docs, pullDiagnostics, pullUntil, settle, trackPushes, waitPush } from './diagnostics.mjs';
import { fileUri, now } from './lsp.mjs';
import { ROOT } from './paths.mjs';
import { start } from './servers.mjs';
import { log, max, median, sleep } from './stats.mjs';

/**
 * One server process on one input: open, edits, cross-file edits, memory. Returns a flat record of figures
 * (milliseconds unless named otherwise). probe: also send hover/documentSymbol requests during the open.
 */
export async function session(spec, input, opts) {
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
      // The minimal schema sees none of the injected mistakes, and yaml-language-server none of the
      // unresolved references (cross-file): then its first publish (empty) is its answer.
      const sees = spec.kind === 'ours' ? input.expectDiagnostics : Object.keys(input.mistakes).length > 0;
      const pushed = s.pull ? undefined : waitPush(client, uri, (d) => minimal || !sees || d.length > 0, timeout, 1);
      docs.open(path);
      if (probing) {
        // Requests an editor sends while the file is being analysed: they must not wait for the analysis.
        (async () => {
          await sleep(50);
          const sym = client
            .request('textDocument/documentSymbol', { textDocument: { uri } })
            .then((r) => ({ what: 'documentSymbol', ms: r.t - r.sentAt, error: !!r.error }));
          probes.push(sym);
          while (probing) {
            probes.push(
              client
                .request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })
                .then((r) => ({ what: 'hover', ms: r.t - r.sentAt, error: !!r.error })),
            );
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
        return {
          probeHoverMaxMs: rec.probeHoverMaxMs,
          probeHoverMedianMs: rec.probeHoverMedianMs,
          probeHoverCount: rec.probeHoverCount,
          probeSymbolMs: rec.probeSymbolMs,
          probeOpenMs: rec.probeOpenMs,
        };
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
        for (const [name, tgt] of [
          ['selector', input.targets.selector],
          ['dependent', input.targets.dependent],
        ]) {
          const ms = [];
          for (let k = 0; k < opts.edits; k++) {
            for (const insert of [tgt.insert, '']) {
              const base = countRule(latest.get(uri) ?? [], tgt.affected[0].rule);
              const want = (d) =>
                insert ? countRule(d, tgt.affected[0].rule) > base : countRule(d, tgt.affected[0].rule) < base;
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
        rs.forEach((r, k) => {
          latest.set(uris[k], r.items);
        });
        lastT = Math.max(...rs.map((r) => r.t));
      } else {
        const pending = new Set(uris);
        const all = new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`timed out: ${pending.size} files without diagnostics`)),
            timeout,
          );
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
        for (const [name, tgt] of [
          ['selector', input.targets.selector],
          ['dependent', input.targets.dependent],
          ['fanout', input.targets.fanout],
        ]) {
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
                  const refresh = client
                    .waitFor(
                      (n) => n.request && n.method === 'workspace/diagnostic/refresh',
                      30000,
                      'diagnostic refresh',
                    )
                    .catch(() => undefined);
                  const { t } = docs.edit(editUri, tgt.line, tgt.character, insert);
                  // Like VS Code's client (diagnosticPullOptions.onChange): pull the edited document right away.
                  const own = pullDiagnostics(client, editUri);
                  const rr = await refresh;
                  await own;
                  const rs = await Promise.all(waits.map((x) => pullUntil(client, x.a.uri, x.want)));
                  rs.forEach((r, j) => {
                    latest.set(waits[j].a.uri, r.items);
                  });
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

/** Ours only, workspace input: start → every file's diagnostics without opening anything. */
export async function closedFilesSession(spec, input) {
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

/** Edits in the long-session probe: each adds a comment line above another document of the file. */
const LONG_EDITS = 200;

/** The server's heap in use after a full collection, asked through bench/heap-preload.cjs. */
async function heapMiB(client, file) {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  process.kill(client.pid, 'SIGUSR2');
  for (let i = 0; i < 200; i++) {
    const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (now !== before && now.endsWith('\n')) return Number(now.trim().split('\n').pop());
    await sleep(25);
  }
  throw new Error('the server did not report its heap');
}

/**
 * Ours only, single file: a long editing session. After the open, LONG_EDITS edits, each analysing
 * another document again from a new version of the file; the heap in use (after a full collection)
 * before and after shows what the server keeps of old versions. Its own process, started with the
 * heap reporter preloaded (the other sessions measure the server as shipped).
 */
export async function longEditSession(spec, input) {
  const file = join(input.dir, '.heap-report');
  const measured = {
    ...spec,
    command: [spec.command[0], '-r', join(ROOT, 'bench/heap-preload.cjs'), ...spec.command.slice(1)],
    env: { TSB_BENCH_HEAP: file },
  };
  const s = await start(measured, input.dir);
  const { client } = s;
  const docs = new Docs(client, s.syncKind);
  const path = join(input.dir, 'all.yaml');
  const uri = fileUri(path);
  try {
    const opened = waitPush(client, uri, () => true, 300000, 1);
    docs.open(path);
    await opened;
    await settle(client, 300);
    const before = await heapMiB(client, file);
    for (let k = 0; k < LONG_EDITS; k++) {
      const lines = docs.text.get(uri).split('\n');
      let seen = -1;
      const line = lines.findIndex((l) => l === '---' && ++seen === k) + 1;
      if (line <= 0) break;
      // The publish for this version (the server sends each file's version with its diagnostics).
      const w = waitPush(client, uri, () => true, 60000, docs.version.get(uri) + 1);
      docs.edit(uri, line, 0, '# edit\n');
      await w;
    }
    await settle(client, 300);
    const after = await heapMiB(client, file);
    return { longEdits: LONG_EDITS, longEditHeapBeforeMiB: before, longEditHeapGrowthMiB: after - before };
  } finally {
    await client.shutdown();
  }
}
