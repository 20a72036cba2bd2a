// Quick fixes from diagnostic data alone, on edge cases the LSP tests do not reach: outdent,
// a missing top-level field, a parent written as `{}`, flow-style labels, candidates, foreign diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { applyWorkspaceEdit } from '../helpers/workspace';
import type { FixData } from '../../server/src/engine/types';

const URI = 'file:///x.yaml';

function fix(
  text: string,
  line: number,
  start: number,
  end: number,
  data: FixData,
  code = 'unknown-field',
  pick = 0,
): string {
  const doc = TextDocument.create(URI, 'yaml', 1, text);
  const d: Diagnostic = {
    range: { start: { line, character: start }, end: { line, character: end } },
    message: 'm',
    source: 'tsb',
    code,
    data,
  };
  const actions = codeActions(doc, [d]);
  assert.ok(actions[pick], 'an action');
  return applyWorkspaceEdit(text, URI, actions[pick]!.edit);
}

test('indent with a negative shift outdents the block', () => {
  const text = 'spec:\n  a:\n      b: 1\n      c: 2\n';
  assert.equal(
    fix(text, 2, 6, 7, { fix: 'indent', under: 'a', spaces: -2, lines: 2 }),
    'spec:\n  a:\n    b: 1\n    c: 2\n',
  );
});

test("add-field at the top level goes beside kind; under a parent it uses the children's indentation", () => {
  assert.equal(
    fix(
      'apiVersion: v\nkind: K\nmetadata:\n  name: n\n',
      1,
      0,
      7,
      { fix: 'add-field', field: 'spec', snippet: 'spec:\n  a: ""', indent: 0 },
      'missing-field',
    ),
    'apiVersion: v\nkind: K\nspec:\n  a: ""\nmetadata:\n  name: n\n',
  );
  assert.equal(
    fix(
      'spec:\n    other: 1\n',
      0,
      0,
      4,
      { fix: 'add-field', field: 'x', snippet: 'x: ""', indent: 0 },
      'missing-field',
    ),
    'spec:\n    x: ""\n    other: 1\n',
  );
  assert.equal(
    fix('spec: {}\n', 0, 0, 4, { fix: 'add-field', field: 'x', snippet: 'x: ""', indent: 0 }, 'missing-field'),
    'spec:\n  x: ""\n',
  );
});

test('add-field with `before` inserts above the diagnostic line (a missing apiVersion)', () => {
  assert.equal(
    fix(
      'kind: Workspace\nmetadata: {}\n',
      0,
      0,
      15,
      { fix: 'add-field', field: 'apiVersion', snippet: 'apiVersion: api.tsb.tetrate.io/v2', indent: 0, before: true },
      'missing-field',
    ),
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata: {}\n',
  );
});

test('replace-labels keeps block or flow style', () => {
  const block = 'sel:\n  labels:\n    app: a\n    x: y\n  namespace: n\n';
  assert.equal(
    fix(block, 1, 2, 8, { fix: 'replace-labels', labels: { app: 'b' } }, 'gateway-selector-no-match'),
    'sel:\n  labels:\n    app: b\n  namespace: n\n',
  );
  assert.equal(
    fix(
      'sel:\n  labels: {app: a}\n',
      1,
      2,
      8,
      { fix: 'replace-labels', labels: { app: 'b' } },
      'gateway-selector-no-match',
    ),
    'sel:\n  labels: { app: b }\n',
  );
});

test('replace-value keeps quotes, offers candidates, drops quotes for invalid-type', () => {
  assert.equal(
    fix(
      'mode: "STRCT"\n',
      0,
      6,
      13,
      { fix: 'replace-value', to: 'STRICT', candidates: ['STRICT', 'PERMISSIVE'] },
      'invalid-value',
    ),
    'mode: "STRICT"\n',
  );
  assert.equal(
    fix(
      'mode: "STRCT"\n',
      0,
      6,
      13,
      { fix: 'replace-value', to: 'STRICT', candidates: ['STRICT', 'PERMISSIVE'] },
      'invalid-value',
      1,
    ),
    'mode: "PERMISSIVE"\n',
  );
  assert.equal(fix('on: "true"\n', 0, 4, 10, { fix: 'replace-value', to: 'true' }, 'invalid-type'), 'on: true\n');
});

test('diagnostics from other sources or without data get no fixes', () => {
  const doc = TextDocument.create(URI, 'yaml', 1, 'a: 1\n');
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assert.deepEqual(
    codeActions(doc, [
      { range, message: 'm', source: 'yaml', data: { fix: 'rename-key', to: 'b' } },
      { range, message: 'm', source: 'tsb' },
    ]),
    [],
  );
});
