import { test } from 'node:test';
import assert from 'node:assert/strict';
import { environment } from '../helpers/environment';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { inferredConfig } from '../../server/src/engine/index';
import { none, only, ROOT } from '../helpers/engine';
import { InferredConfigRequest } from '../../server/src/protocol';
import { LspHarness } from '../helpers/lspHarness';
import { REPO_ROOT, treeDirs } from '../helpers/trees';
import { ns, repo, svc, tenant, workspace } from './support';

// "Write tsb.config.yaml": what was inferred becomes explicit configuration, and reading the written
// configuration gives the same picture (alternatives included).

const scenarios = {
  'README.md': '# two scenarios\n',
  'scenarios/one/run.sh': 'tctl apply -f tsb/\nkubectl --context east -n shop apply -f k8s/\n',
  'scenarios/one/tsb/t.yaml': tenant('prod', 'one') + '---\n' + workspace('shop', ['*/shop']),
  'scenarios/one/k8s/app.yaml': ns('shop') + '---\n' + svc('cart'),
  'scenarios/two/run.sh': 'tctl apply -f tsb/\nkubectl --context west -n shop apply -f k8s/\n',
  'scenarios/two/tsb/t.yaml': tenant('prod', 'two') + '---\n' + workspace('shop', ['*/shop']),
  'scenarios/two/k8s/app.yaml': ns('shop') + '---\n' + svc('cart'),
};

test('the written config states placements (with evidence) and the alternatives', () => {
  const text = inferredConfig(repo(scenarios).p.deployment(), ROOT);
  assert.match(
    text,
    /# scenarios\/one \(run\.sh\) -> east\n {2}# from scenarios\/one\/run\.sh:2\n {2}- files:\n {6}- scenarios\/one\/k8s\/app\.yaml\n {4}clusters: \[east\]\n {4}namespace: shop\n/,
  );
  assert.match(text, /alternatives:\n {2}- \[scenarios\/one\/\*\*, scenarios\/two\/\*\*\]\n/);
});

test('reading the written config gives the same diagnostics and the same placements as the inference', () => {
  const inferred = repo(scenarios);
  const written = repo({ ...scenarios, 'tsb.config.yaml': inferredConfig(inferred.p.deployment(), ROOT) });
  for (const f of Object.keys(scenarios).filter((x) => x.endsWith('.yaml'))) {
    assert.deepEqual(
      written.diags(f).map((d) => d.rule),
      inferred.diags(f).map((d) => d.rule),
      f,
    );
    assert.deepEqual(
      written.p.deployment().deploymentOf(written.uri(f)).clusters,
      inferred.p.deployment().deploymentOf(inferred.uri(f)).clusters,
      f,
    );
  }
  assert.deepEqual(written.diags('tsb.config.yaml'), []);
});

test('alternatives in tsb.config.yaml: files of different globs of one group are never together', () => {
  const base = { 'a/t.yaml': tenant('prod', 'a'), 'b/t.yaml': tenant('prod', 'b') };
  const together = repo({ ...base, 'tsb.config.yaml': 'placements: []\n' });
  only(together.diags('b/t.yaml'), 'duplicate-resource');
  const apart = repo({ ...base, 'tsb.config.yaml': 'placements: []\nalternatives:\n  - [a/**, b/**]\n' });
  none(apart.diags('b/t.yaml'), 'duplicate-resource');
  const bad = repo({ 'tsb.config.yaml': 'alternatives:\n  - [only-one/**]\n  - nope\n' });
  assert.deepEqual(
    bad.diags('tsb.config.yaml').map((d) => d.rule),
    ['config-invalid', 'config-invalid'],
  );
});

test('on each real repository, checking with the written config reports what checking without it does', (t) => {
  const dirs = treeDirs(t);
  if (!dirs) return;
  const cli = path.join(REPO_ROOT, 'server/out/cli.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-config-'));
  try {
    for (const dir of dirs) {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [cli, ...args], {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 64 << 20,
          env: environment(),
        });
      const cfg = path.join(tmp, `${path.basename(dir)}.yaml`);
      fs.writeFileSync(cfg, run('units', '.', '--format', 'config').stdout);
      const found = (r: ReturnType<typeof run>, severities: string[]) =>
        (
          JSON.parse(r.stdout) as { diagnostics: { severity: string; file: string; line: number; rule: string }[] }
        ).diagnostics
          .filter((d) => severities.includes(d.severity))
          .map((d) => `${d.file}:${d.line} ${d.rule}`)
          .sort();
      const inferred = run('check', '.', '--format', 'json');
      const written = run('check', '.', '--format', 'json', '--config', cfg);
      // Every error stays; a new one may only come from a hint ("if these are applied together"), which
      // the written file turns into a statement: its placements are applied together.
      const hints = found(inferred, ['error', 'hint']);
      assert.deepEqual(
        found(written, ['error']).filter((e) => !hints.includes(e)),
        [],
        path.basename(dir),
      );
      assert.deepEqual(
        found(inferred, ['error']).filter((e) => !found(written, ['error']).includes(e)),
        [],
        path.basename(dir),
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the language server offers "Write tsb.config.yaml" where nothing is configured, and answers tsb/inferredConfig', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-write-'));
  for (const [f, text] of Object.entries(scenarios)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  const h = await LspHarness.start({ root: dir, mode: 'push' });
  try {
    const cfg = await h.request<{ uri: string; text: string; exists: boolean }>(InferredConfigRequest.method, {
      uri: h.uri('scenarios/one/tsb/t.yaml'),
    });
    assert.equal(cfg.uri, h.uri('tsb.config.yaml'));
    assert.equal(cfg.exists, false);
    assert.match(cfg.text, /clusters: \[east\]/);
    await h.open('scenarios/one/tsb/t.yaml');
    const actions = await h.request<{ title: string; kind?: string; command?: { command: string } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri: h.uri('scenarios/one/tsb/t.yaml') },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      },
    );
    assert.deepEqual(
      actions.filter((a) => a.kind === 'source.writeConfig').map((a) => a.command?.command),
      ['tsb.writeConfig'],
    );
  } finally {
    await h.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
