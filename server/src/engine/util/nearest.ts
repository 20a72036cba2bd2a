// "Did you mean" suggestions: Damerau-Levenshtein (optimal string alignment) distance with a threshold
// scaled to the word length. `nearest` scans a short list; `NameIndex` answers the same question over
// thousands of names at a cost that does not grow with their number (a search of the sorted names as a
// trie, pruned at the threshold and by the characters below each node), and remembers its answers per
// wrong value.

import { drain } from './steps';

/** Reused rows: a distance costs no allocation. */
// Scratch space overwritten by each call (no answer depends on what a previous call left in it).
let rows = new Int32Array(0);

function rowsFor(cells: number): Int32Array {
  if (rows.length < cells) rows = new Int32Array(Math.max(cells, rows.length * 2, 256));
  return rows;
}

/**
 * Optimal-string-alignment distance, or a value above `max` as soon as the distance is known to exceed
 * it. Lengths that differ by more than 8 give that difference (a cheap answer: such words are never
 * near each other).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  const diff = Math.abs(la - lb);
  if (diff > 8) return diff;
  if (diff > max) return diff;
  const w = lb + 1;
  const d = rowsFor(3 * w);
  // Three rolling rows: i-2, i-1, i (offsets rotate).
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= lb; j++) d[prev + j] = j;
  for (let i = 1; i <= la; i++) {
    d[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = d[prev + j - 1]! + (ca === cb ? 0 : 1);
      const del = d[prev + j]! + 1;
      if (del < v) v = del;
      const ins = d[cur + j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const t = d[prev2 + j - 2]! + 1;
        if (t < v) v = t;
      }
      d[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Rows only grow from here by at least the smaller of this row's minimum and the last one's plus one.
    if (rowMin > max && i < la) {
      let prevMin = Infinity;
      for (let j = 0; j <= lb; j++) if (d[prev + j]! < prevMin) prevMin = d[prev + j]!;
      if (prevMin + 1 > max) return max + 1;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return d[prev + lb]!;
}

/** Which of 32 classes of characters a string holds (letters by letter, case folded; the rest share bits). */
export function charClasses(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * `editDistance(a, b) <= max`, answered without the table for most pairs that are far apart: each
 * class of characters that one word holds and the other lacks costs at least one edit. The classes
 * may be passed when the caller has them (`charClasses`).
 */
export function withinDistance(a: string, b: string, max: number, classesA?: number, classesB?: number): boolean {
  if (a === b) return true;
  const diff = Math.abs(a.length - b.length);
  if (diff > 8) return diff <= max;
  if (diff > max) return false;
  const ca = classesA ?? charClasses(a);
  const cb = classesB ?? charClasses(b);
  if (bitCount(ca & ~cb) > max || bitCount(cb & ~ca) > max) return false;
  return editDistance(a, b, max) <= max;
}

/** The threshold for a word: very short words are "near" everything, so only a case difference counts for them. */
function limitFor(word: string, maxDistance?: number): number {
  return word.length < 3 ? 0.5 : (maxDistance ?? Math.max(1, Math.min(3, Math.floor(word.length / 3))));
}

/** The closest candidate within a distance that makes the suggestion believable, or undefined. */
export function nearest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const limit = limitFor(word, maxDistance);
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) return c;
    const cl = c.toLowerCase();
    // Case-only differences are the closest of all.
    if (cl === lower) {
      if (0.5 < bestScore) {
        best = c;
        bestScore = 0.5;
      }
      continue;
    }
    // Only a strictly smaller distance within the limit can change the answer.
    const bound = Math.min(limit, bestScore - 1);
    if (bound < 1) continue;
    const score = editDistance(lower, cl, bound);
    if (score <= bound && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

export interface NearOptions {
  /** The word itself is not a candidate (it is known, but not where it is needed). */
  excludeSelf?: boolean;
  /** Only candidates (by position in the list) this accepts count; answers are then not remembered. */
  accept?: (index: number) => boolean;
}

/**
 * Trie nodes visited by one search at most. A typo is found within a few hundred; a word far from
 * every name of a large, uniform list (thousands of `ws-0001`...) would otherwise visit most of them.
 * Past the budget the best name found so far is the answer: lists small enough to be searched whole
 * get exactly `nearest`'s answer; larger ones a name within the threshold, if one was reached.
 */
const SEARCH_BUDGET = 20_000;

/** Names indexed between two yields of `NameIndex.steps`. */
const NAMES_PER_STEP = 8192;

/**
 * `nearest` over a fixed list of names, answering in time that does not grow with the list for any
 * realistic name: the distinct lower-cased names form a trie, and the search descends only into
 * prefixes still within the threshold, widening it step by step. Ties go to the earliest name in the
 * list, like `nearest`. Answers are remembered per word.
 */
export class NameIndex {
  /** For each distinct lower-cased name (a trie terminal): positions in `names` of the names that lower-case to it, ascending. */
  private readonly positions: number[][] = [];
  private readonly byLower = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  /** Length -> positions of names of that length, ascending (the "lengths differ by more than 8" rule). */
  private readonly byLength = new Map<number, number[]>();
  private maxLength = 0;
  private readonly memo = new Map<string, number>();
  // The trie: per node its character, first child, next sibling, and terminal (index into positions, or -1).
  private char!: Int32Array;
  private child!: Int32Array;
  private sibling!: Int32Array;
  private terminal!: Int32Array;
  /**
   * Per node, the character classes (`charClasses`) some name below it holds, and those every name below
   * it holds: a word holding classes no name below holds (or lacking classes every name below holds) is at
   * least that many edits from all of them, and the search skips the subtree.
   */
  private anyClasses!: Int32Array;
  private allClasses!: Int32Array;
  /** Per node, the earliest position in `names` of a name below it: a subtree that can only tie needs an earlier name. */
  private earliest!: Int32Array;
  private visits = 0;

  constructor(
    readonly names: readonly string[],
    later = false,
  ) {
    if (!later) drain(this.build());
  }

  /** The index of `names`, built in steps (a list may hold 100,000 names). */
  static *steps(names: readonly string[]): Generator<void, NameIndex> {
    const ix = new NameIndex(names, true);
    yield* ix.build();
    return ix;
  }

  private *build(): Generator<void, void> {
    const names = this.names;
    const groups = new Map<string, number[]>();
    let maxLength = 0;
    let chars = 0;
    for (let i = 0; i < names.length; i++) {
      if ((i + 1) % NAMES_PER_STEP === 0) yield;
      const n = names[i]!;
      if (!this.exact.has(n)) this.exact.set(n, i);
      const l = n.toLowerCase();
      const g = groups.get(l);
      if (g) g.push(i);
      else {
        groups.set(l, [i]);
        chars += l.length;
      }
      const bl = this.byLength.get(l.length);
      if (bl) bl.push(i);
      else this.byLength.set(l.length, [i]);
      if (l.length > maxLength) maxLength = l.length;
    }
    this.maxLength = maxLength;
    yield;
    const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    yield;
    const size = chars + 1;
    this.char = new Int32Array(size);
    this.child = new Int32Array(size).fill(-1);
    this.sibling = new Int32Array(size).fill(-1);
    this.terminal = new Int32Array(size).fill(-1);
    // Sorted keys: each shares a prefix with the previous one, the rest hangs below its last shared node.
    let nodes = 1;
    const path = [0];
    const lastChild = new Int32Array(size).fill(-1);
    const parentOf = new Int32Array(size).fill(-1);
    this.anyClasses = new Int32Array(size);
    this.allClasses = new Int32Array(size).fill(-1);
    this.earliest = new Int32Array(size).fill(0x7fffffff);
    let prev = '';
    let n = 0;
    for (const k of keys) {
      if (++n % NAMES_PER_STEP === 0) yield;
      let common = 0;
      while (common < prev.length && common < k.length && prev.charCodeAt(common) === k.charCodeAt(common)) common++;
      path.length = common + 1;
      for (let d = common; d < k.length; d++) {
        const parent = path[d]!;
        const node = nodes++;
        this.char[node] = k.charCodeAt(d);
        if (lastChild[parent]! < 0) this.child[parent] = node;
        else this.sibling[lastChild[parent]!] = node;
        lastChild[parent] = node;
        parentOf[node] = parent;
        path.push(node);
      }
      const t = this.positions.length;
      this.positions.push(groups.get(k)!);
      this.byLower.set(k, t);
      const end = path[k.length]!;
      this.terminal[end] = t;
      const classes = charClasses(k);
      this.anyClasses[end] = classes;
      this.allClasses[end] = classes;
      this.earliest[end] = groups.get(k)![0]!;
      prev = k;
    }
    yield;
    // Children are created after their parent: from the last node back, each passes its classes up.
    for (let node = nodes - 1; node > 0; node--) {
      const up = parentOf[node]!;
      this.anyClasses[up] = this.anyClasses[up]! | this.anyClasses[node]!;
      this.allClasses[up] = this.allClasses[up]! & this.allClasses[node]!;
      if (this.earliest[node]! < this.earliest[up]!) this.earliest[up] = this.earliest[node]!;
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** Same answer as `nearest(word, names (filtered), maxDistance)`, as a position in `names` (-1: none). */
  nearestIndex(word: string, maxDistance?: number, opts: NearOptions = {}): number {
    const key = opts.accept ? undefined : `${opts.excludeSelf ? 1 : 0}|${maxDistance ?? ''}|${word}`;
    if (key !== undefined) {
      const hit = this.memo.get(key);
      if (hit !== undefined) return hit;
    }
    const r = this.search(word, maxDistance, opts);
    if (key !== undefined) {
      // Bounded memory: answers for as many words as the list has names (at least 10,000), then forgotten.
      if (this.memo.size > Math.max(10_000, 2 * this.names.length)) this.memo.clear();
      this.memo.set(key, r);
    }
    return r;
  }

  nearest(word: string, maxDistance?: number, opts: NearOptions = {}): string | undefined {
    const i = this.nearestIndex(word, maxDistance, opts);
    return i < 0 ? undefined : this.names[i];
  }

  private search(word: string, maxDistance: number | undefined, opts: NearOptions): number {
    const ok = (i: number) => (!opts.excludeSelf || this.names[i] !== word) && (!opts.accept || opts.accept(i));
    const firstOk = (list: readonly number[] | undefined) => {
      if (list) for (const i of list) if (ok(i)) return i;
      return -1;
    };
    // The word itself (score 0), then a case-only difference (0.5): nothing else can be as close.
    if (!opts.excludeSelf) {
      const e = opts.accept ? this.acceptedExact(word, opts.accept) : (this.exact.get(word) ?? -1);
      if (e >= 0) return e;
    }
    const lower = word.toLowerCase();
    const sameLower = this.byLower.get(lower);
    if (sameLower !== undefined) {
      const i = firstOk(this.positions[sameLower]!.filter((p) => this.names[p] !== word));
      if (i >= 0) return i;
    }
    const limit = limitFor(word, maxDistance);
    if (limit < 1) return -1;
    const m = lower.length;
    let bestScore = Infinity;
    let bestIndex = -1;
    const offer = (score: number, i: number) => {
      if (score < bestScore || (score === bestScore && i < bestIndex)) {
        bestScore = score;
        bestIndex = i;
      }
    };
    // Lengths more than 8 apart score their difference (see editDistance), whatever the letters.
    for (let len = 0; len <= this.maxLength; len++) {
      const diff = Math.abs(len - m);
      if (diff <= 8 || diff > limit) continue;
      const i = firstOk(this.byLength.get(len));
      if (i >= 0) offer(diff, i);
    }
    // Names the word starts or ends with (a suffix or prefix too many): found by lookup, so that a
    // search cut short by its budget still has them.
    for (let k = 1; k <= Math.min(limit, m - 1); k++) {
      for (const part of [lower.slice(0, m - k), lower.slice(k)]) {
        const t = this.byLower.get(part);
        if (t === undefined) continue;
        const i = firstOk(this.positions[t]!);
        if (i >= 0) offer(k, i);
      }
    }
    // Widening bounds: a typo is found while looking only at prefixes within distance 1 of the word,
    // and a word with no near name costs one search per distance up to the limit. After a search
    // within `bound`, a best score within it is final.
    this.visits = 0;
    for (let step = 1; ; step = step < 3 ? step + 1 : limit) {
      const bound = Math.min(step, limit);
      this.descend(
        lower,
        ok,
        offer,
        () => Math.min(bound, bestScore),
        (least, first) => least < bestScore || first < bestIndex,
      );
      if (bestScore <= bound || bound >= limit || this.visits > SEARCH_BUDGET) break;
    }
    return bestScore <= limit ? bestIndex : -1;
  }

  /** The first accepted position holding exactly `word`. */
  private acceptedExact(word: string, accept: (i: number) => boolean): number {
    const k = this.byLower.get(word.toLowerCase());
    if (k === undefined) return -1;
    for (const i of this.positions[k]!) if (this.names[i] === word && accept(i)) return i;
    return -1;
  }

  /**
   * Depth-first over the trie: rows of the distance table per prefix depth, computed only within the
   * band of columns that can stay within the bound (Ukkonen), a subtree left as soon as no name below
   * can come within it (each row's minimum only grows from the smaller of the current row's minimum
   * and the previous row's plus one).
   */
  private descend(
    q: string,
    ok: (i: number) => boolean,
    offer: (score: number, i: number) => void,
    bound: () => number,
    /** Whether names at least `least` away, the earliest at position `first`, could still win (ties go to the earliest). */
    canWin: (least: number, first: number) => boolean,
  ): void {
    const m = q.length;
    const w = m + 1;
    const BIG = 1 << 20;
    const table = new Int32Array((this.maxLength + 1) * w);
    const mins = new Int32Array(this.maxLength + 2);
    const qc = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) qc[j + 1] = q.charCodeAt(j);
    for (let j = 0; j <= m; j++) table[j] = j;
    const { char, child, sibling, terminal, anyClasses, allClasses, earliest } = this;
    const classes = charClasses(q);
    const visit = (node: number, depth: number): void => {
      // Row `depth` of the table holds the distances of this node's prefix.
      const t = terminal[node]!;
      if (t >= 0) {
        const far = Math.abs(depth - m);
        const b = bound();
        if (far <= 8 && far <= b) {
          const score = table[depth * w + m]!;
          if (score <= b) {
            for (const i of this.positions[t]!)
              if (ok(i)) {
                offer(score, i);
                break;
              }
          }
        }
      }
      const pc = depth > 0 ? char[node]! : -1;
      for (let c = child[node]!; c >= 0; c = sibling[c]!) {
        if (++this.visits > SEARCH_BUDGET) return;
        const b = bound();
        if (bitCount(classes & ~anyClasses[c]!) > b || bitCount(allClasses[c]! & ~classes) > b) continue;
        const d = depth + 1;
        const from = Math.max(1, d - b);
        const to = Math.min(m, d + b);
        if (from > to) continue;
        const ch = char[c]!;
        const row = d * w;
        const up = depth * w;
        const up2 = up - w;
        table[row] = d;
        if (from > 1) table[row + from - 1] = BIG;
        if (to < m) table[row + to + 1] = BIG;
        let rowMin = from === 1 ? d : BIG;
        for (let j = from; j <= to; j++) {
          const x = qc[j]!;
          let v = table[up + j - 1]! + (x === ch ? 0 : 1);
          const del = table[up + j]! + 1;
          if (del < v) v = del;
          const ins = table[row + j - 1]! + 1;
          if (ins < v) v = ins;
          if (j > 1 && depth > 0 && ch === qc[j - 1] && pc === x) {
            const tr = table[up2 + j - 2]! + 1;
            if (tr < v) v = tr;
          }
          table[row + j] = v;
          if (v < rowMin) rowMin = v;
        }
        mins[d] = rowMin;
        const least = Math.min(rowMin, mins[depth]! + 1);
        if (least <= b && canWin(least, earliest[c]!)) visit(c, d);
      }
    };
    mins[0] = 0;
    visit(0, 0);
  }
}

/**
 * Name indexes by list content, kept by their owner (a project) across derives: an edit elsewhere
 * reuses the index and its answers. Bounded: the oldest indexes go once the kept ones hold many names.
 */
export class NameIndexes {
  private readonly indexes = new Map<string, NameIndex>();
  private indexedNames = 0;

  constructor(private readonly maxNames = 400_000) {}

  /** A NameIndex for this list of names, the same object as long as the list is the same. */
  get(names: readonly string[]): NameIndex {
    return drain(this.steps(names));
  }

  /** `get` in steps: a new index is built in steps. */
  *steps(names: readonly string[]): Generator<void, NameIndex> {
    const key = names.join('\n');
    const hit = this.indexes.get(key);
    if (hit) {
      // Most recently used last.
      this.indexes.delete(key);
      this.indexes.set(key, hit);
      return hit;
    }
    const ix = yield* NameIndex.steps(names);
    this.indexes.set(key, ix);
    this.indexedNames += names.length;
    for (const [k, v] of this.indexes) {
      if (this.indexedNames <= this.maxNames || this.indexes.size <= 1) break;
      this.indexes.delete(k);
      this.indexedNames -= v.size;
    }
    return ix;
  }
}
