// The server glue is platform-neutral: server.ts, runtime.ts, protocol.ts and the handlers import no
// node:* module and nothing from server/src/node/ (the Node runtime and entry point). Only
// node/serverMain.ts puts a Node runtime under the session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importsOf } from '../helpers/imports';
import { repoRoot } from '../helpers/repo';

const src = path.join(repoRoot(), 'server', 'src');
const NODE_ONLY = new Set(['fs', 'path', 'os', 'url', 'child_process', 'worker_threads', 'perf_hooks', 'stream']);

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('the server glue and the runtime interface import nothing of Node', () => {
  const files = [
    ...['server.ts', 'runtime.ts', 'protocol.ts'].map((f) => path.join(src, f)),
    ...tsFiles(path.join(src, 'handlers')),
  ];
  assert.ok(files.length > 5);
  const bad: string[] = [];
  for (const f of files) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      const nodeModule = spec.startsWith('node:') || NODE_ONLY.has(spec) || spec.endsWith('/node');
      const nodeGlue =
        spec.startsWith('.') && path.resolve(path.dirname(f), spec).startsWith(path.join(src, 'node') + path.sep);
      if (nodeModule || nodeGlue) bad.push(`${path.relative(src, f)}: ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});
