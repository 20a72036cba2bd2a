import {
  Document,
  isScalar,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

// A fast path for the YAML that configuration repositories are made of: block mappings and sequences of
// one-line scalars and one-line flow collections. It builds the same nodes, ranges and values as the
// `yaml` package's parser (same classes, the package's own scalar tags), several times faster on a
// cold start, and gives up (undefined) at the first thing outside that subset: the caller then parses
// with `yaml`. Anything it accepts must come out exactly as `yaml` would build it; tests compare the two
// on real repositories and on mutated documents.

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Tag = {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (msg: string) => void, options: unknown) => unknown;
};

/** Thrown inside the parser to give up; never escapes fastDocument. */
const GIVE_UP = new Error('outside the fast path');

/** Collections nested deeper than this are left to `yaml`. */
const MAX_DEPTH = 100;

const NO_RANGE: [number, number, number] = [0, 0, 0];

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;

/** Characters that cannot start a plain scalar (or that start something the fast path leaves to `yaml`). */
const NOT_PLAIN_START = new Set([...'#&*!|>\'"%@`,[]{}?:-'].map((c) => c.charCodeAt(0)));
/** Inside a flow collection a plain scalar also ends at these. */
const FLOW_STOP = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));

export interface FastDocument {
  doc: Document.Parsed;
  /** Its YAML nodes (it has no aliases): what measure() would count. */
  nodes: number;
  /** Whether some mapping has a key twice (else duplicateKeys() would find none). */
  duplicateKeys: boolean;
  /** Its plain value, as `doc.toJS()` would build it (without the aliases and tags it cannot have). */
  toJS(): unknown;
}

/** The parsed document, or undefined when the text is outside the fast path (parse it with `yaml`). */
export function fastDocument(text: string, options: Options): FastDocument | undefined {
  // Tabs, carriage returns, escapes, byte order marks, directives and document markers after the first
  // line all need `yaml`'s full rules.
  if (/[\t\r\\\uFEFF]|\n(?:---|\.\.\.)|^(?:\.\.\.|%)/.test(text)) return undefined;
  try {
    return new FastParser(text, options).document();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

class FastParser {
  private readonly doc: Document.Parsed;
  private readonly tags: Tag[];
  /** Start of the line being read. */
  private line = 0;
  /** Blank lines were skipped before the current line. */
  private blank = false;
  /** The last value read was empty (a key or `-` with nothing after it). */
  private endsEmpty = false;
  /** Collections open around the current one. */
  private depth = 0;
  /** Nodes built so far. */
  private nodes = 0;
  /** Some mapping has a key twice. */
  private duplicates = false;
  /** The keys of mappings with many keys. */
  private readonly keySets = new Map<YAMLMap, Set<string>>();

  constructor(
    private readonly text: string,
    options: Options,
  ) {
    this.doc = new Document(undefined, options) as Document.Parsed;
    this.tags = (this.doc.schema as unknown as { tags: Tag[] }).tags;
  }

  document(): FastDocument {
    const { text, doc } = this;
    let offset = 0;
    let started = false;
    if (text.startsWith('---')) {
      const end = this.spacesFrom(3);
      if (end < text.length && text.charCodeAt(end) !== NEWLINE) throw GIVE_UP;
      doc.directives.docStart = true;
      this.line = end + 1;
      started = true;
    }
    this.skipBlank(started);
    if (this.line >= text.length) throw GIVE_UP;
    if (!started) offset = this.line;
    if (this.indentAt(this.line) !== 0) throw GIVE_UP;
    const contents = this.block(0);
    const contentEnd = contents.range![2];
    // Only blank lines may follow.
    const rest = this.line;
    if (rest < text.length && text.slice(rest).trim() !== '') throw GIVE_UP;
    doc.contents = contents as never;
    // The line end after an empty last value is not the document's (it belongs to the value's line).
    doc.range = [offset, contentEnd, this.endsEmpty ? contentEnd : Math.max(text.length, contentEnd)];
    return { doc, nodes: this.nodes, duplicateKeys: this.duplicates, toJS: () => plainValue(contents) };
  }

  /** A block collection whose first line starts at this.line with `indent` spaces. */
  private block(indent: number): YAMLMap | YAMLSeq {
    const at = this.line + indent;
    const c = this.text.charCodeAt(at);
    this.nesting();
    const node = c === DASH && this.isBlankOrEnd(at + 1) ? this.sequence(indent) : this.mapping(indent, at);
    this.depth--;
    return node;
  }

  /** Deep nesting is left to `yaml`, which reports it (the fast path recurses). */
  private nesting(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  private mapping(indent: number, firstKey: number): YAMLMap {
    const { text } = this;
    const map = new YAMLMap(this.doc.schema);
    this.nodes++;
    const mapSpaced = this.blank;
    this.blank = false;
    let keyAt = firstKey;
    let spaced = false;
    let end = 0;
    for (;;) {
      const colon = this.keyEnd(keyAt);
      const key = this.plain(keyAt, colon, true);
      key.range = [keyAt, colon, colon];
      if (spaced) key.spaceBefore = true;
      const afterColon = this.spacesFrom(colon + 1);
      let value: Scalar | YAMLMap | YAMLSeq;
      if (afterColon >= text.length || text.charCodeAt(afterColon) === NEWLINE) {
        value = this.emptyValue(indent, afterColon, false);
      } else {
        if (afterColon === colon + 1) throw GIVE_UP;
        value = this.inline(afterColon);
        this.nextLine(indent);
      }
      const pair = new Pair(key, value);
      this.noteKey(map, key);
      map.items.push(pair as Pair<unknown, unknown>);
      end = value.range![2];
      // this.line is at the next content line (or the end): is it another key of this mapping?
      if (this.line >= text.length) break;
      const next = this.indentAt(this.line);
      if (next < indent) break;
      if (next > indent) throw GIVE_UP;
      keyAt = this.line + indent;
      if (text.charCodeAt(keyAt) === DASH && this.isBlankOrEnd(keyAt + 1)) {
        // A sequence item at the mapping's own indentation ends the mapping only if it belongs to a
        // parent sequence; let the caller decide.
        break;
      }
      spaced = this.blank;
      this.blank = false;
    }
    map.range = [firstKey, end, end];
    if (mapSpaced) map.spaceBefore = true;
    return map;
  }

  private sequence(indent: number): YAMLSeq {
    const { text } = this;
    const seq = new YAMLSeq(this.doc.schema);
    this.nodes++;
    const seqSpaced = this.blank;
    this.blank = false;
    const start = this.line + indent;
    let end = 0;
    for (;;) {
      const dash = this.line + indent;
      const content = this.spacesFrom(dash + 1);
      let item: Scalar | YAMLMap | YAMLSeq;
      const itemBlank = this.blank;
      this.blank = false;
      if (content >= text.length || text.charCodeAt(content) === NEWLINE) {
        item = this.emptyValue(indent, content, true);
      } else {
        if (content === dash + 1) throw GIVE_UP;
        const c = text.charCodeAt(content);
        if (c === DASH && this.isBlankOrEnd(content + 1)) throw GIVE_UP;
        if (this.startsKey(content)) {
          // A mapping that starts on the item's line: its keys line up with the first one.
          item = this.mapping(content - this.line, content);
        } else {
          item = this.inline(content);
          this.nextLine(indent);
        }
      }
      if (itemBlank) item.spaceBefore = true;
      seq.items.push(item);
      end = item.range![2];
      if (this.line >= text.length) break;
      const next = this.indentAt(this.line);
      if (next < indent) break;
      if (next > indent) throw GIVE_UP;
      const d = this.line + indent;
      if (!(text.charCodeAt(d) === DASH && this.isBlankOrEnd(d + 1))) break;
    }
    seq.range = [start, end, end];
    if (seqSpaced) seq.spaceBefore = true;
    return seq;
  }

  /**
   * A key with nothing after its colon (or a `-` with nothing after it): a block collection on the lines
   * below, or null.
   */
  private emptyValue(indent: number, at: number, inSequence: boolean): Scalar | YAMLMap | YAMLSeq {
    const { text } = this;
    this.line = at + 1;
    this.skipBlank(true);
    if (this.line < text.length) {
      const next = this.indentAt(this.line);
      const first = this.line + next;
      const isItem = text.charCodeAt(first) === DASH && this.isBlankOrEnd(first + 1);
      // A key's sequence may sit at the key's own indentation; anything else nested is deeper.
      if (next > indent || (!inSequence && next === indent && isItem)) {
        // `yaml` does not mark blank lines after a `-` on the node below it.
        if (inSequence && this.blank) throw GIVE_UP;
        return this.block(next);
      }
    }
    // Where `yaml` puts blank lines after an empty value varies with what follows.
    if (this.blank) throw GIVE_UP;
    const scalar = this.scalar(null, '', 'PLAIN', undefined);
    scalar.range = [at, at, at];
    this.endsEmpty = true;
    return scalar;
  }

  /** A one-line value that starts at `at`: a quoted or plain scalar or a flow collection. */
  private inline(at: number): Scalar | YAMLMap | YAMLSeq {
    const { text } = this;
    const c = text.charCodeAt(at);
    let node: Scalar | YAMLMap | YAMLSeq;
    let valueEnd: number;
    if (c === 0x22 || c === 0x27) {
      [node, valueEnd] = this.quoted(at);
    } else if (c === 0x5b || c === 0x7b) {
      [node, valueEnd] = this.flow(at);
    } else {
      const lineEnd = this.lineEnd(at);
      let e = lineEnd;
      while (e > at && text.charCodeAt(e - 1) === SPACE) e--;
      const src = text.slice(at, e);
      if (src.includes(': ') || src.endsWith(':') || src.includes(' #')) throw GIVE_UP;
      node = this.plain(at, e, false);
      valueEnd = e;
    }
    this.endsEmpty = false;
    const after = this.spacesFrom(valueEnd);
    if (after < text.length && text.charCodeAt(after) !== NEWLINE) throw GIVE_UP;
    const nodeEnd = after < text.length ? after + 1 : after;
    node.range = [at, valueEnd, nodeEnd];
    return node;
  }

  /** Moves to the next content line after a one-line value; a deeper line would continue the value. */
  private nextLine(indent: number): void {
    const { text } = this;
    const nl = text.indexOf('\n', this.line);
    this.line = nl === -1 ? text.length : nl + 1;
    this.skipBlank(true);
    if (this.line < text.length && this.indentAt(this.line) > indent) throw GIVE_UP;
  }

  private quoted(at: number): [Scalar, number] {
    const { text } = this;
    const q = text.charCodeAt(at);
    const lineEnd = this.lineEnd(at);
    let i = at + 1;
    let value = '';
    for (;;) {
      const close = text.indexOf(q === 0x22 ? '"' : "'", i);
      if (close === -1 || close >= lineEnd) throw GIVE_UP;
      value += text.slice(i, close);
      if (q === 0x27 && text.charCodeAt(close + 1) === 0x27) {
        value += "'";
        i = close + 2;
        continue;
      }
      i = close + 1;
      break;
    }
    const node = this.scalar(value, value, q === 0x22 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', undefined);
    return [node, i];
  }

  /** A flow collection on one line; returns it and the offset after its closing bracket. */
  private flow(at: number): [YAMLMap | YAMLSeq, number] {
    const { text } = this;
    const isMap = text.charCodeAt(at) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    this.nodes++;
    coll.flow = true;
    this.nesting();
    let i = this.spacesFrom(at + 1);
    if (text.charCodeAt(i) === close) {
      this.depth--;
      return [coll, i + 1];
    }
    for (;;) {
      if (isMap) {
        const keyStart = i;
        let colon = keyStart;
        for (; colon < text.length; colon++) {
          const ch = text.charCodeAt(colon);
          if (ch === COLON || ch === NEWLINE || FLOW_STOP.has(ch) || ch === HASH) break;
        }
        if (text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
        if (text.charCodeAt(colon - 1) === SPACE) throw GIVE_UP;
        const key = this.plain(keyStart, colon, true);
        key.range = [keyStart, colon, colon];
        const v = this.spacesFrom(colon + 1);
        const [value, next] = this.flowItem(v);
        this.noteKey(coll as YAMLMap, key);
        (coll as YAMLMap).items.push(new Pair(key, value) as Pair<unknown, unknown>);
        i = next;
      } else {
        const [item, next] = this.flowItem(i);
        (coll as YAMLSeq).items.push(item);
        i = next;
      }
      const ch = text.charCodeAt(i);
      if (ch === close) {
        this.depth--;
        return [coll, i + 1];
      }
      if (ch !== COMMA) throw GIVE_UP;
      i = this.spacesFrom(i + 1);
      if (text.charCodeAt(i) === close) throw GIVE_UP;
    }
  }

  /** One value inside a flow collection; returns it and where the next token starts. */
  private flowItem(at: number): [Scalar | YAMLMap | YAMLSeq, number] {
    const { text } = this;
    const c = text.charCodeAt(at);
    let node: Scalar | YAMLMap | YAMLSeq;
    let valueEnd: number;
    if (c === 0x22 || c === 0x27) [node, valueEnd] = this.quoted(at);
    else if (c === 0x5b || c === 0x7b) [node, valueEnd] = this.flow(at);
    else {
      let e = at;
      for (; e < text.length; e++) {
        const ch = text.charCodeAt(e);
        if (ch === NEWLINE || FLOW_STOP.has(ch)) break;
        if (ch === COLON || ch === HASH) throw GIVE_UP;
      }
      let v = e;
      while (v > at && text.charCodeAt(v - 1) === SPACE) v--;
      if (v === at) throw GIVE_UP;
      node = this.plain(at, v, false);
      valueEnd = v;
    }
    const next = this.spacesFrom(valueEnd);
    node.range = [at, valueEnd, next];
    return [node, next];
  }

  /**
   * Notes a key written twice in one mapping (keys are strings here), before it joins the mapping: then
   * the caller looks for duplicates, else it need not. Past a few keys a set, so a mapping of 20,000
   * keys costs what its keys cost.
   */
  private noteKey(map: YAMLMap, key: Scalar): void {
    const items = map.items as Pair<Scalar, unknown>[];
    if (items.length < 16) {
      for (const p of items) if (p.key.value === key.value) this.duplicates = true;
      return;
    }
    let seen = this.keySets.get(map);
    if (!seen) {
      seen = new Set(items.map((p) => p.key.value as string));
      this.keySets.set(map, seen);
    }
    if (seen.has(key.value as string)) this.duplicates = true;
    seen.add(key.value as string);
  }

  /** A plain scalar from `start` to `end` (already trimmed), resolved by the schema's own tags. */
  private plain(start: number, end: number, atKey: boolean): Scalar {
    const { text } = this;
    if (end <= start) throw GIVE_UP;
    const c = text.charCodeAt(start);
    if (NOT_PLAIN_START.has(c)) {
      // `-`, `?` and `:` start a plain scalar when a non-space follows (`-1`, `:x`).
      if (!(c === DASH || c === 0x3f || c === COLON) || end === start + 1 || text.charCodeAt(start + 1) === SPACE)
        throw GIVE_UP;
    }
    const src = text.slice(start, end);
    let tag: Tag | undefined;
    for (const t of this.tags) {
      if ((t.default === true || (atKey && t.default === 'key')) && t.test?.test(src)) {
        tag = t;
        break;
      }
    }
    // Merge keys (`<<`) and anything a tag refuses are left to `yaml`.
    if (atKey && tag) throw GIVE_UP;
    if (!tag) return this.scalar(src, src, 'PLAIN', undefined);
    let failed = false;
    const value = tag.resolve(src, () => (failed = true), this.doc.options);
    if (failed) throw GIVE_UP;
    return this.scalar(value, src, 'PLAIN', tag.format);
  }

  /** A scalar node as `yaml` composes it: a tag may return the node itself (null, booleans, floats). */
  private scalar(value: unknown, source: string, type: Scalar.Type, format: string | undefined): Scalar {
    const s = isScalar(value) ? value : new Scalar(value);
    this.nodes++;
    // Properties in the order `yaml` sets them: the same object shapes, whichever parser built them.
    s.range = NO_RANGE;
    s.source = source;
    s.type = type;
    if (format) s.format = format;
    return s;
  }

  /** The colon that ends the plain key starting at `at` (a colon followed by a space or the line end). */
  private keyEnd(at: number): number {
    const { text } = this;
    for (let i = at; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE) break;
      if (ch === COLON && this.isBlankOrEnd(i + 1)) {
        if (text.charCodeAt(i - 1) === SPACE || i - at > 1000) throw GIVE_UP;
        return i;
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
    }
    throw GIVE_UP;
  }

  /** Whether a plain key (then `: ` or `:` at the line end) starts at `at`. */
  private startsKey(at: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 0x22 || c === 0x27 || c === 0x5b || c === 0x7b) return false;
    for (let i = at; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE) return false;
      if (ch === COLON && this.isBlankOrEnd(i + 1)) return true;
    }
    return false;
  }

  private isBlankOrEnd(i: number): boolean {
    if (i >= this.text.length) return true;
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === NEWLINE;
  }

  private spacesFrom(i: number): number {
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private lineEnd(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl === -1 ? this.text.length : nl;
  }

  private indentAt(lineStart: number): number {
    return this.spacesFrom(lineStart) - lineStart;
  }

  /** Skips blank lines from this.line; a comment line gives up (comments are left to `yaml`). */
  private skipBlank(counts: boolean): void {
    const { text } = this;
    this.blank = false;
    while (this.line < text.length) {
      const i = this.spacesFrom(this.line);
      if (i < text.length && text.charCodeAt(i) !== NEWLINE) {
        if (text.charCodeAt(i) === HASH) throw GIVE_UP;
        return;
      }
      // A line of spaces alone is not always an empty line to `yaml` (it can be a value's indentation).
      if (i > this.line) throw GIVE_UP;
      if (i >= text.length) {
        this.line = text.length;
        return;
      }
      if (counts) this.blank = true;
      this.line = i + 1;
    }
  }
}

/**
 * The value `yaml`'s toJS() gives a tree the fast path built: keys are strings there, and a key a plain
 * object already has (a repeated key, `__proto__`, `constructor`) is defined as an own property, as
 * `yaml` does.
 */
function plainValue(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (node instanceof YAMLSeq) return node.items.map(plainValue);
  const out: Record<string, unknown> = {};
  for (const pair of (node as YAMLMap<Scalar<string>, unknown>).items) {
    const key = String(pair.key.value);
    const value = plainValue(pair.value);
    if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}
