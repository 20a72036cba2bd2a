// Worker threads analyse documents for the language server: the built worker (server/out/analysisWorker.js)
// must give exactly the analysis the main thread would (diagnostics, facts, outline), and a pool that
// cannot work must fail its requests so that the caller analyses in-thread.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AnalysisPool, createAnalysisPool } from '../../server/src/node/analysisPool';
import { documentSymbols } from '../../server/src/engine/features/symbols';
import { analyseToData, catalog, Project, SchemaRegistry } from '../../server/src/engine/index';
import { WorkspaceSync } from '../../server/src/handlers/workspaceSync';
import type { RuntimeEnvironment } from '../../server/src/runtime';
import { createNodeRuntime } from '../../server/src/node/runtime';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/repo';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';
import { seedCases } from '../robustness/support';
import { needShared } from '../helpers/shared';

const out = path.join(repoRoot(), 'server', 'out');
const registry = new SchemaRegistry(catalog);
const pools: AnalysisPool[] = [];
after(() => {
  for (const p of pools) p.dispose();
});

function pool(): AnalysisPool {
  const p = createAnalysisPool(out) ?? new AnalysisPool(path.join(out, 'analysisWorker.js'), 2);
  pools.push(p);
  return p;
}

test('documents analysed in workers give the same diagnostics, facts and outline as in-thread', async (t) => {
  if (!needShared(t)) return;
  const p = pool();
  const cases = seedCases().cases;
  let files = 0;
  for (const c of cases) {
    const mine = new Project(registry);
    const theirs = new Project(registry);
    const entries = Object.entries(c.files).filter(([name]) => name !== 'tsb.config.yaml');
    for (const [name, text] of entries) {
      const uri = `file:///pool/${c.name}/${name}`;
      mine.update(uri, text);
      const texts = theirs.documentsToAnalyse(uri, text);
      const seeds = texts.length ? theirs.adopt(uri, await p.analyse(uri, texts)) : undefined;
      const steps = theirs.prepare(uri, text, 0, {}, seeds);
      let r = steps.next();
      while (!r.done) r = steps.next();
      theirs.commit(r.value);
      // Every document came from the workers: none was analysed here.
      const seeded = new Set(seeds?.values() ?? []);
      assert.ok(
        theirs.analysis(uri)!.chunks.every((ch) => seeded.has(ch.result)),
        `${c.name}/${name}: analysed in-thread`,
      );
      files++;
    }
    for (const [name] of entries) {
      const uri = `file:///pool/${c.name}/${name}`;
      assert.deepEqual(theirs.diagnostics(uri), mine.diagnostics(uri), `${c.name}/${name}`);
      assert.deepEqual(theirs.facts(uri), mine.facts(uri), `${c.name}/${name} facts`);
      // Workers send no outline: it is taken here when an editor asks.
      assert.ok(
        theirs.analysis(uri)!.chunks.every((ch) => ch.result.hasOutline === false),
        `${c.name}/${name}: outline taken before it was asked for`,
      );
      assert.deepEqual(
        documentSymbols(theirs.analysis(uri)!),
        documentSymbols(mine.analysis(uri)!),
        `${c.name}/${name} outline`,
      );
    }
    assert.deepEqual(theirs.failoverModel(), mine.failoverModel(), `${c.name} failover model`);
  }
  assert.ok(files > 20, `${files} files`);
});

test('one large file is spread over the workers and comes back in order, facts read where each document starts', async () => {
  const p = pool();
  const texts = Array.from({ length: 1200 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n`);
  const data = await p.analyse(
    'file:///pool/big.yaml',
    texts.map((text, i) => ({ text, line: i * 4 })),
  );
  assert.deepEqual(
    data.map((d) => d.text),
    texts,
  );
  // A file this large comes back with its outline (taking it again would mean parsing it again).
  assert.ok(
    data.every((d) => d.symbols?.length === 1),
    'outlines sent',
  );
  const small = await p.analyse('file:///pool/small.yaml', [{ text: texts[0]!, line: 0 }]);
  assert.equal(small[0]!.symbols, undefined, 'a small file comes back without its outline');
  const svc = data[777]!.facts.services[0]!;
  assert.equal(svc.name, 'svc-777');
  assert.equal(svc.source.line, 777 * 4 + 3);
});

test("a file analysed in workers has the same facts as in-thread, and keeps the workers' facts without a moved copy", async () => {
  const p = pool();
  const uri = 'file:///pool/multi.yaml';
  const text = Array.from(
    { length: 30 },
    (_, i) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  labels: {app: a${i}}\nspec:\n  selector: {app: a${i}}\n  ports:\n    - port: 80\n      name: http\n`,
  ).join('---\n');
  const mine = new Project(registry);
  mine.update(uri, text);
  const theirs = new Project(registry);
  const docs = theirs.documentsToAnalyse(uri, text);
  assert.deepEqual(
    docs.slice(0, 3).map((d) => d.line),
    [0, 10, 21],
  );
  const seeds = theirs.adopt(uri, await p.analyse(uri, docs));
  const steps = theirs.prepare(uri, text, 0, {}, seeds);
  let r = steps.next();
  while (!r.done) r = steps.next();
  theirs.commit(r.value);
  assert.deepEqual(theirs.facts(uri), mine.facts(uri));
  const analysis = theirs.analysis(uri)!;
  for (const c of analysis.chunks) {
    const line = analysis.doc.positionAt(c.start).line;
    assert.equal(c.result.factsAt(line), c.result.facts);
  }
  // An edit that moves every document down still gives the in-thread facts.
  theirs.update(uri, `# moved\n${text}`);
  mine.update(uri, `# moved\n${text}`);
  assert.deepEqual(theirs.facts(uri), mine.facts(uri));
});

test('a pool whose worker cannot start fails its requests, and says it is unavailable', async () => {
  const broken = new AnalysisPool(path.join(out, 'no-such-worker.js'), 2);
  pools.push(broken);
  await assert.rejects(broken.analyse('file:///x.yaml', [{ text: 'a: 1\n', line: 0 }]));
  assert.equal(broken.available, false);
  await assert.rejects(broken.analyse('file:///x.yaml', [{ text: 'a: 1\n', line: 0 }]), /unavailable/);
});

test("the language server analyses a large workspace scan in workers and an editor's file itself, with the same diagnostics", async () => {
  const p = pool();
  const big = Array.from(
    { length: 400 },
    (_, i) =>
      `apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ws-${i}\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  ${i === 399 ? 'displayNam' : 'displayName'}: w\n  namespaceSelector:\n    names:\n      - "*/ns-${i}"\n`,
  ).join('---\n');
  // Enough files for a bulk scan (every file to the workers, however small).
  const small: Record<string, string> = {};
  for (let i = 0; i < 220; i++)
    small[`apps/svc-${i}.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns-${i}\n`;
  const run = async (withPool: boolean) => {
    const root = makeWorkspace({ ...BOOKINFO, ...small, 'tsb/many.yaml': big });
    const sent: string[] = [];
    const h = await LspHarness.start({
      root,
      mode: 'push',
      runtime: (node) =>
        withPool
          ? {
              ...node,
              analyseDocuments: async (uri, texts, priority) => {
                for (const _ of texts)
                  sent.push(`${uri.slice(uri.lastIndexOf('/') + 1)}${priority?.high ? ' (urgent)' : ''}`);
                return p.analyse(uri, texts, priority);
              },
            }
          : node,
    });
    try {
      // The scan: every file read from disk, in workers when there are any.
      // Every YAML file counts, tsb.config.yaml included.
      const files = Object.keys(BOOKINFO).length + 221;
      await h.waitForStatus((s) => s.files === files);
      const scanned = sent.length;
      await h.open('tsb/many.yaml');
      const diags = await h.waitForPublish('tsb/many.yaml', (d) => d.some((x) => x.code === 'unknown-field'));
      // Read by the scan (in workers: without outlines), then opened: the outline is taken on request.
      const outline = await h.client.sendRequest('textDocument/documentSymbol', {
        textDocument: { uri: h.uri('tsb/many.yaml') },
      });
      // An editor's text the project does not hold yet is analysed in the main thread.
      const edited = big.replace('displayNam:', 'displayNamx:');
      await h.change('tsb/many.yaml', edited);
      const afterEdit = await h.waitForPublish('tsb/many.yaml', (d) =>
        d.some((x) => x.code === 'unknown-field' && /displayNamx/.test(x.message)),
      );
      await h.open('tsb/workspace-setting.yaml');
      const setting = await h.waitForPublish('tsb/workspace-setting.yaml');
      return { diags, outline, afterEdit, setting, sent, scanned };
    } finally {
      await h.dispose();
      removeWorkspace(root);
    }
  };
  const inThread = await run(false);
  const inWorkers = await run(true);
  assert.equal(inWorkers.sent.filter((s) => s === 'many.yaml').length, 400, 'the scan sends the large file');
  assert.ok(inWorkers.sent.filter((s) => s.startsWith('svc-')).length >= 220, 'and every small file');
  assert.equal(
    inWorkers.sent.length,
    inWorkers.scanned,
    `nothing sent after the scan: ${inWorkers.sent.slice(inWorkers.scanned, inWorkers.scanned + 3)}`,
  );
  assert.deepEqual(inWorkers.diags, inThread.diags);
  assert.equal((inWorkers.outline as unknown[]).length, 400);
  assert.deepEqual(inWorkers.outline, inThread.outline);
  assert.deepEqual(inWorkers.afterEdit, inThread.afterEdit);
  assert.deepEqual(inWorkers.setting, inThread.setting);
  assert.deepEqual(
    inWorkers.diags.filter((d) => d.code === 'unknown-field').map((d) => d.range.start.line),
    [399 * 13 + 8],
  );
});

test('a file the scan is analysing and the editor opens with the same text is analysed once', async () => {
  const uri = 'file:///dedupe/apps/many.yaml';
  const text = Array.from(
    { length: 300 },
    (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n`,
  ).join('---\n');
  // A bulk scan (enough files for the workers): the large file and 220 small ones.
  const small = Array.from({ length: 220 }, (_, i) => `file:///dedupe/apps/svc-${i}.yaml`);
  const calls: number[] = [];
  let scanning!: () => void;
  const scanReached = new Promise<void>((r) => {
    scanning = r;
  });
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const node = createNodeRuntime();
  const runtime: RuntimeEnvironment = {
    ...node,
    normaliseUri: (u) => u,
    listYamlFiles: async () => [uri, ...small].map((u) => ({ uri: u, template: false })),
    readFile: async (u) => ({
      text: u === uri ? text : 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n',
    }),
    analyseDocuments: async (u, docs) => {
      if (u !== uri) return docs.map((d) => analyseToData(u, d.text, registry, d.line));
      calls.push(docs.length);
      if (calls.length === 1) {
        scanning();
        await gate;
      } // the scan's request waits for the editor
      return docs.map((d) => analyseToData(u, d.text, registry, d.line));
    },
  };
  const project = new Project(registry);
  const sync = new WorkspaceSync(project, runtime, {
    error: () => {},
    warn: () => {},
    info: () => {},
    log: () => {},
  });
  const scan = sync.addFolders(['file:///dedupe']);
  await scanReached;
  sync.didChange(uri, TextDocument.create(uri, 'yaml', 1, text));
  const flushed = sync.flush();
  // A second analysis would have been requested synchronously by flush(): there is none.
  assert.deepEqual(calls, [300]);
  release();
  await Promise.all([scan, flushed]);
  assert.deepEqual(calls, [300]);
  assert.equal(project.analysis(uri)?.version, 1, 'the editor version is adopted');
  assert.equal(project.facts(uri)?.services.length, 300);
});

test('urgent work goes before background work not yet sent, and background work raised to urgent moves up', async () => {
  const p = new AnalysisPool(path.join(out, 'analysisWorker.js'), 1);
  pools.push(p);
  const doc = (i: number) => ({ text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n`, line: 0 });
  const order: string[] = [];
  // Background: 20 messages of 40 documents queued for the one worker.
  const background = p
    .analyse(
      'file:///pool/scan.yaml',
      Array.from({ length: 800 }, (_, i) => doc(i)),
      { high: false },
    )
    .then(() => order.push('background'));
  const raised = { high: false };
  const later = p
    .analyse(
      'file:///pool/later.yaml',
      Array.from({ length: 40 }, (_, i) => doc(i)),
      raised,
    )
    .then(() => order.push('raised'));
  const urgent = p.analyse('file:///pool/open.yaml', [doc(1), doc(2)]).then(() => order.push('urgent'));
  raised.high = true;
  await Promise.all([background, later, urgent]);
  // Urgent work in the order it was asked for; the background file (queued first) comes last.
  assert.deepEqual(order, ['raised', 'urgent', 'background']);
});
