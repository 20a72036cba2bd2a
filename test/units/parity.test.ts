import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { FailoverModelRequest } from '../../server/src/protocol';
import { LspHarness } from '../helpers/lspHarness';
import { REPO_ROOT, treeDirs } from '../helpers/trees';

// One project loader: tsb-lint and the language server read the same files and configs (nested
// tsb.config.yaml files included), infer the same units and report the same diagnostics.

const CLI = path.join(REPO_ROOT, 'server/out/cli.js');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function cliDiagnostics(dir: string): string[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.status === 0 || r.status === 1, `tsb-lint exited ${r.status}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as {
    diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
  };
  return out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`).sort();
}

async function serverDiagnostics(dir: string): Promise<string[]> {
  const h = await LspHarness.start({ root: dir, mode: 'pull' });
  try {
    await h.request(FailoverModelRequest.method, {});
    const report = await h.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const out: string[] = [];
    for (const item of report.items) {
      if (item.kind !== 'full') continue;
      const file = path.relative(dir, fileURLToPath(item.uri)).split(path.sep).join('/');
      for (const d of item.items)
        out.push(
          `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}: ${d.message}`,
        );
    }
    return out.sort();
  } finally {
    await h.dispose();
  }
}

test('tsb-lint and the language server report the same diagnostics on each real repository and on the examples', async (t) => {
  const dirs = treeDirs(t);
  if (!dirs) return;
  for (const dir of [...dirs, path.join(REPO_ROOT, 'examples')]) {
    const [cli, server] = [cliDiagnostics(dir), await serverDiagnostics(dir)];
    assert.ok(cli.length > 0, `${path.basename(dir)}: tsb-lint found nothing to compare`);
    assert.deepEqual(server, cli, `${path.basename(dir)}: the editor and tsb-lint disagree`);
  }
});
