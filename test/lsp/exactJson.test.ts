// Worker results cross as JSON text when JSON brings them back exactly, else by structured clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactJson } from '../../server/src/node/exactJson';
import { analyseToData, catalog, SchemaRegistry } from '../../server/src/engine/index';
import { BOOKINFO } from '../helpers/bookinfo';

test('plain data comes back equal from its JSON text', () => {
  const value = {
    text: 'naïve — 日本 \ud800 "quoted"\n',
    n: [0, 1.5, -2, 1e21],
    nested: { a: [{ b: null, c: true }], empty: [], obj: {} },
  };
  const text = exactJson(value);
  assert.ok(text !== undefined);
  assert.deepStrictEqual(JSON.parse(text), value);
});

test('what JSON would change is refused', () => {
  class Point {
    x = 1;
  }
  const sparse: unknown[] = [];
  sparse[2] = 1;
  for (const [what, value] of [
    ['an undefined property', { a: undefined }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['-0', { a: -0 }],
    ['a Map', { a: new Map([[1, 2]]) }],
    ['a Set', [new Set([1])]],
    ['a Date', { at: new Date(0) }],
    ['a hole in an array', sparse],
    ['a bigint', { a: 1n }],
    ['a class instance', { p: new Point() }],
    ['a function', { f: () => 1 }],
  ] as const) {
    assert.equal(exactJson(value), undefined, what);
  }
});

test('document analyses, problems and facts included, are sent as JSON', () => {
  const registry = new SchemaRegistry(catalog);
  const texts = [
    ...Object.values(BOOKINFO).flatMap((t) => t.split(/^---$/m)),
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: x\nspec:\n  namespaceSelectr: {}\n',
    'a: [1, 2\n',
  ];
  assert.ok(texts.length > 5);
  for (const t of texts) {
    const data = analyseToData('file:///x.yaml', t, registry);
    const text = exactJson(data);
    assert.ok(text !== undefined, t.slice(0, 80));
    assert.deepStrictEqual(JSON.parse(text), data);
  }
});
