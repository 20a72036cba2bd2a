// The fast YAML path builds exactly what the `yaml` package builds, or leaves the document to it: on
// hand-picked documents, on every document of the real-world corpus, and on thousands of mutated ones.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { documents } from '../../server/src/engine/parse/chunks';
import { fastDocument } from '../../server/src/engine/parse/fastDocument';
import { duplicateKeys, measure } from '../../server/src/engine/parse/parsedChunk';
import { repoRoot } from '../helpers/repo';
import { int, mutate, pick, prng } from '../robustness/fuzzInputs';
import { needShared } from '../helpers/shared';
import { describeDocument, describeYaml, firstDifference, PARSE_OPTIONS } from '../helpers/yamlTree';

/** undefined when the fast path left the text to `yaml`; else whether it built the same document. */
function compare(text: string): { taken: boolean; same: boolean; fast?: string; yaml?: string } {
  const built = fastDocument(text, PARSE_OPTIONS);
  if (!built) return { taken: false, same: true };
  // The node count it gives must be the one measure() would take from the tree.
  const fast = `${describeDocument(built.doc, built.toJS())} nodes ${built.nodes} duplicates ${built.duplicateKeys}`;
  const yaml = `${describeYaml(text)} nodes ${measure(built.doc.contents).nodes} duplicates ${duplicateKeys(built.doc.contents).length > 0}`;
  return { taken: true, same: fast === yaml, fast, yaml };
}

/** Fails with the text and where the two documents first differ. */
function assertSame(r: ReturnType<typeof compare>, what: string): void {
  if (!r.same) assert.fail(`${what}\nfast path, then yaml: ${firstDifference(r.fast!, r.yaml!)}`);
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.git' || e.name === 'node_modules' || e.name === 'out' ? [] : yamlFiles(p);
    return /\.ya?ml$/i.test(e.name) ? [p] : [];
  });
}

const TAKEN = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: b\n',
  "---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"1\"\n  b: 'it''s'\n",
  'a:\n  b:\n  c: \nd: x  \n\n\ne:\n- 1\n-\n  - x\n- k: v\n\n  l: w\nf: [ ]\n',
  'a: { x: 1 , y: "q" }\nb: [ {n: h, p: 8}, [] ,c ]   \nc: d',
  'a:\n\n  b: 1\n',
  'a:\n- k: v\n\n- k: w\n',
  '---\n\na: 1\n\n\n',
  'ports:\n  - name: http\n    port: 8080\n    targetPort: 0x1F\n  - name: https\n    port: -443\nratio: 1.5e3\nflag: true\nnone: ~\nnan: .nan\n',
  'spec:\n  selector: {matchLabels: {app: svc-0, version: v1}}\n  hosts: ["*/app-0000", a.b.c]\n',
  'a: b,c\nurl: http://x.y/z#frag\nkey with spaces: value with spaces\n',
  'a: 1\na: 2\n__proto__: {x: 1}\nconstructor: c\nb: {k: 1, k: 2}\nn: -0\nf: -.inf\n',
  Array.from({ length: 40 }, (_, i) => `k${i % 30}: ${i}\n`).join(''),
  Array.from({ length: 40 }, (_, i) => `k${i}: ${i}\n`).join(''),
];

const LEFT = [
  'a: 1 # a comment\n',
  '# a comment\na: 1\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: |\n  text\n',
  'a: >-\n  text\n',
  'a: multi\n  line\n',
  'a: "multi\n  line"\n',
  'a:\tb\n',
  'a: 1\r\nb: 2\r\n',
  'a: "esc\\n"\n',
  '<<: {a: 1}\n',
  '1: one\n',
  'a: b: c\n',
  '- - x\n',
  'just a scalar\n',
  '',
  '--- a\n',
  'a: [x,\n  y]\n',
  'a: [x, ]\n',
  'a: {x: }\n',
  '? complex\n: key\n',
  'a: 1\n...\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: b\n  c: d\n',
  '  a: 1\n',
  '\uFEFFa: 1\n',
  `a: ${'['.repeat(500)}${']'.repeat(500)}\n`,
  Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
];

describe('fast YAML path', () => {
  test('builds what yaml builds for block mappings, sequences, one-line scalars and flow collections', () => {
    for (const text of TAKEN) {
      const r = compare(text);
      assert.ok(r.taken, `expected the fast path to take ${JSON.stringify(text)}`);
      assertSame(r, JSON.stringify(text));
    }
  });

  test('leaves comments, anchors, tags, block and multi-line scalars, tabs, escapes, deep nesting and errors to yaml', () => {
    for (const text of LEFT) assert.equal(fastDocument(text, PARSE_OPTIONS), undefined, JSON.stringify(text));
  });

  test('every document of the repository (examples, fixtures) is built as yaml builds it', () => {
    const files = [...yamlFiles(path.join(repoRoot(), 'examples')), ...yamlFiles(path.join(repoRoot(), 'test'))];
    let taken = 0;
    let total = 0;
    for (const f of files) {
      for (const chunk of documents(fs.readFileSync(f, 'utf8'))) {
        total++;
        const r = compare(chunk.text);
        if (r.taken) taken++;
        assertSame(r, `${f} at ${chunk.start}`);
      }
    }
    assert.ok(total > 50 && taken > total / 2, `${taken} of ${total} documents took the fast path`);
  });

  test('every document of the real-world corpus is built as yaml builds it, or left to yaml', (t) => {
    const corpus = needShared(t, 'corpus');
    if (!corpus) return;
    let taken = 0;
    let total = 0;
    for (const f of yamlFiles(corpus)) {
      const text = fs.readFileSync(f, 'utf8');
      if (text.length > 5e6) continue;
      for (const chunk of documents(text)) {
        total++;
        const r = compare(chunk.text);
        if (r.taken) taken++;
        assertSame(r, `${f} at ${chunk.start}`);
      }
    }
    assert.ok(total > 1000 && taken > total / 2, `${taken} of ${total} documents took the fast path`);
  });

  test('mutated documents: built as yaml builds them, or left to yaml', () => {
    // Seeded: the same mutations on every run, so a failure names a reproducible text. Half are the
    // robustness suite's line mutations (indentation, lines deleted, repeated, swapped, cut short), half
    // single edits with the characters the fast path's rules turn on.
    const rng = prng(0x2545f491);
    const alphabet = [
      ' ',
      '  ',
      '\n',
      '-',
      '- ',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      'x',
      '1',
      '~',
      '\n\n',
      '---\n',
    ];
    let taken = 0;
    const runs = 6000;
    for (let i = 0; i < runs; i++) {
      let text = pick(rng, TAKEN);
      if (rng() < 0.5) text = mutate(text, rng).text;
      else
        for (let m = 1 + int(rng, 3); m > 0; m--) {
          const at = int(rng, text.length + 1);
          const op = int(rng, 3);
          if (op === 0) text = text.slice(0, at) + pick(rng, alphabet) + text.slice(at);
          else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + int(rng, 3));
          else text = text.slice(0, at) + pick(rng, alphabet) + text.slice(at + 1);
        }
      const r = compare(text);
      if (r.taken) taken++;
      assertSame(r, JSON.stringify(text));
    }
    assert.ok(taken > runs / 10, `${taken} of ${runs} mutated documents took the fast path`);
  });
});
