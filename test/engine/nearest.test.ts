// Did-you-mean: the fast distance, `nearest` and the NameIndex give exactly the answers of the plain
// definition (a full Damerau-Levenshtein table, the first closest candidate in list order), on random
// names of every shape: typos, case differences, long and short words, shared prefixes, other scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  charClasses,
  editDistance,
  nearest,
  NameIndex,
  NameIndexes,
  withinDistance,
} from '../../server/src/engine/util/nearest';

/** The definition: optimal string alignment distance, full table; lengths more than 8 apart score the difference. */
function referenceDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The definition of the suggestion: the first candidate with the smallest score, if within the limit. */
function referenceNearest(word: string, candidates: string[], maxDistance?: number): string | undefined {
  const limit = word.length < 3 ? 0.5 : (maxDistance ?? Math.max(1, Math.min(3, Math.floor(word.length / 3))));
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) return c;
    const score = c.toLowerCase() === lower ? 0.5 : referenceDistance(lower, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdeAB-_.0123é🙂';

function randomWord(r: () => number, maxLen = 14): string {
  const len = Math.floor(r() * maxLen);
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

/** A typo of `w`: a deletion, insertion, substitution, transposition or case change, once or twice. */
function typo(r: () => number, w: string): string {
  let s = w;
  for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const c = ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    const op = Math.floor(r() * 5);
    if (op === 0) s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 1) s = s.slice(0, i) + c + s.slice(i);
    else if (op === 2) s = s.slice(0, i) + c + s.slice(i + 1);
    else if (op === 3 && i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    else s = s.slice(0, i) + s.slice(i, i + 1).toUpperCase() + s.slice(i + 1);
  }
  return s;
}

/** Names like a generated repository's (ws-0042, app-0042-gateways) and random ones, with repeats. */
function pool(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(r() * 4);
    if (k === 0) out.push(`ws-${String(Math.floor(r() * n)).padStart(4, '0')}`);
    else if (k === 1) out.push(`app-${String(Math.floor(r() * n)).padStart(4, '0')}-gateways`);
    else if (k === 2 && out.length)
      out.push(r() < 0.5 ? out[Math.floor(r() * out.length)]! : typo(r, out[Math.floor(r() * out.length)]!));
    else out.push(randomWord(r));
  }
  return out;
}

test('editDistance: same as the full table, and a bound never changes an answer within it', () => {
  const r = prng(1);
  for (let k = 0; k < 20000; k++) {
    const a = randomWord(r, 20);
    const b = r() < 0.5 ? typo(r, a) : randomWord(r, 20);
    const want = referenceDistance(a, b);
    assert.equal(editDistance(a, b), want, `${a} / ${b}`);
    assert.equal(editDistance(b, a), want, `symmetric: ${b} / ${a}`);
    const max = Math.floor(r() * 6);
    const bounded = editDistance(a, b, max);
    if (want <= max) assert.equal(bounded, want, `${a} / ${b} within ${max}`);
    else assert.ok(bounded > max, `${a} / ${b}: ${bounded} should exceed ${max} (distance ${want})`);
  }
});

test('nearest: same suggestion as the definition for typos, case, short words and wide limits', () => {
  const r = prng(2);
  for (let k = 0; k < 3000; k++) {
    const candidates = pool(r, 1 + Math.floor(r() * 40));
    const word = r() < 0.6 ? typo(r, candidates[Math.floor(r() * candidates.length)]!) : randomWord(r);
    const max = [undefined, undefined, 1, 3, 4, 6, 12, 40][Math.floor(r() * 8)];
    assert.equal(
      nearest(word, candidates, max),
      referenceNearest(word, candidates, max),
      `${word} in ${JSON.stringify(candidates)} (max ${max})`,
    );
  }
});

test('NameIndex: same suggestion as the definition over large lists, with exclusions and filters', () => {
  const r = prng(3);
  for (let round = 0; round < 10; round++) {
    const names = pool(r, 50 + Math.floor(r() * 400));
    const index = new NameIndex(names);
    for (let k = 0; k < 60; k++) {
      const word =
        r() < 0.7
          ? typo(r, names[Math.floor(r() * names.length)]!)
          : r() < 0.5
            ? names[Math.floor(r() * names.length)]!
            : randomWord(r);
      const max = [undefined, undefined, 2, 3, 4, 12, 40][Math.floor(r() * 7)];
      assert.equal(index.nearest(word, max), referenceNearest(word, names, max), `${word} (max ${max})`);
      // Remembered answers are the same answers.
      assert.equal(index.nearest(word, max), referenceNearest(word, names, max));
      assert.equal(
        index.nearest(word, max, { excludeSelf: true }),
        referenceNearest(
          word,
          names.filter((n) => n !== word),
          max,
        ),
        `${word} excluding itself`,
      );
      const keep = (i: number) => i % 3 !== 0;
      assert.equal(
        index.nearest(word, max, { accept: keep }),
        referenceNearest(
          word,
          names.filter((_, i) => keep(i)),
          max,
        ),
        `${word} among accepted`,
      );
      const at = index.nearestIndex(word, max);
      if (at >= 0) assert.equal(names.indexOf(names[at]!), at, 'the earliest of equal names');
    }
  }
});

test('NameIndex: edge cases (empty list, empty word, one name, names longer than the word by more than 8)', () => {
  assert.equal(new NameIndex([]).nearest('abc'), undefined);
  assert.equal(new NameIndex(['']).nearest(''), '');
  assert.equal(new NameIndex(['abc']).nearest(''), referenceNearest('', ['abc']));
  const long = ['a-very-long-gateway-name', 'gw', 'gateway'];
  for (const max of [undefined, 12, 40]) {
    for (const w of ['gatewa', 'g', 'x', 'a-very-long-gateway-nam', 'gateway-name-that-is-long']) {
      assert.equal(new NameIndex(long).nearest(w, max), referenceNearest(w, long, max), `${w} (max ${max})`);
    }
  }
});

test('NameIndexes: one index per list content, reused across calls', () => {
  const names = new NameIndexes();
  const a = names.get(['x-1', 'x-2', 'x-3']);
  assert.equal(names.get(['x-1', 'x-2', 'x-3']), a);
  assert.notEqual(names.get(['x-1', 'x-2']), a);
  assert.notEqual(new NameIndexes().get(['x-1', 'x-2', 'x-3']), a, 'each owner has its own');
});

test('withinDistance: the same answer as the full table for every bound, with or without the classes given', () => {
  const r = prng(17);
  let near = 0;
  let far = 0;
  for (let i = 0; i < 6000; i++) {
    const a = randomWord(r, 30);
    // Typos (near), unrelated words (far), long and short ones, lengths more than 8 apart.
    const b = r() < 0.5 ? typo(r, typo(r, a)) : randomWord(r, 30);
    const max = Math.floor(r() * 12);
    const want = referenceDistance(a, b) <= max;
    if (want) near++;
    else far++;
    assert.equal(withinDistance(a, b, max), want, `${a} / ${b} within ${max}`);
    assert.equal(withinDistance(a, b, max, charClasses(a), charClasses(b)), want, `${a} / ${b} within ${max}`);
  }
  assert.ok(near > 500 && far > 500, `${near} near, ${far} far`);
});

test('NameIndex: built in steps, the same answers as built at once', () => {
  const r = prng(23);
  const names = pool(r, 20000);
  const steps = NameIndex.steps(names);
  let yields = 0;
  let done = steps.next();
  for (; !done.done; done = steps.next()) yields++;
  const stepped = done.value;
  const once = new NameIndex(names);
  assert.ok(yields >= 2, `${yields} yields`);
  for (let i = 0; i < 300; i++) {
    const w = r() < 0.7 ? typo(r, names[Math.floor(r() * names.length)]!) : randomWord(r);
    assert.equal(stepped.nearestIndex(w), once.nearestIndex(w), w);
  }
});
