// The outline is bounded like yaml-language-server's maxItemsComputed: every resource first, then
// their sections while the budget lasts; small files get the whole outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, MAX_OUTLINE_ITEMS } from '../../server/src/engine/features/symbols';
import { project } from '../helpers/engine';

const ws = (i: number) =>
  `apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ws-${i}\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  displayName: w\n  namespaceSelector:\n    names:\n      - "*/ns-${i}"\n`;
const count = (xs: DocumentSymbol[]): number => xs.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

test('a small file gets its whole outline', () => {
  const t = project({ 'f.yaml': [ws(0), ws(1)].join('---\n') });
  const syms = documentSymbols(t.p.analysis(t.uri('f.yaml'))!);
  assert.deepEqual(
    syms.map((s) => s.name),
    ['Workspace ws-0', 'Workspace ws-1'],
  );
  assert.deepEqual(
    syms[0]!.children!.map((c) => c.name),
    ['metadata', 'spec'],
  );
  assert.deepEqual(
    syms[0]!.children![1]!.children!.map((c) => c.name),
    ['displayName', 'namespaceSelector'],
  );
});

test('a huge file: every resource is listed, sections only while the budget lasts', () => {
  const t = project({ 'f.yaml': Array.from({ length: 2000 }, (_, i) => ws(i)).join('---\n') });
  const file = t.p.analysis(t.uri('f.yaml'))!;
  const syms = documentSymbols(file);
  assert.equal(syms.length, 2000);
  assert.equal(count(syms), MAX_OUTLINE_ITEMS);
  assert.ok(syms[0]!.children!.length > 0, 'the first resources keep their sections');
  assert.equal(syms[1999]!.children, undefined, 'the last ones are listed without them');
  assert.equal(documentSymbols(file, 100).length, 100);
});
