import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Message } from '../l10n/message';

// What a quick fix works on: the YAML document holding the diagnostic, parsed on its own, and helpers
// over its syntax tree (offsets relative to the document).

/** An edit by offsets into the document's text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: Message;
  edits: Edit[];
  isPreferred?: boolean;
  /** Edits in other files of the project, by URI (made and checked by the rule; `edits` is then empty). */
  changes?: Record<string, TextEdit[]>;
  /** What the edited document must hold, checked on its parsed value. */
  expect?: (root: Document.Parsed, at: number) => boolean;
}

/** The YAML document (between `---` markers) holding the diagnostic, parsed on its own. */
export interface Ctx {
  doc: TextDocument;
  text: string;
  /** The document's offset in the file and its text. */
  chunkStart: number;
  chunkText: string;
  tree: Document.Parsed;
  /** Offsets of the diagnostic's range in the file. */
  start: number;
  end: number;
  eol: string;
}

export function parse(text: string): Document.Parsed {
  // Lone CR ends a line for positions but not for the yaml package (same length, offsets unchanged).
  return parseDocument(text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text, {
    uniqueKeys: false,
    merge: true,
    logLevel: 'silent',
  });
}

export type AnyPair = Pair<Node | null, Node | null>;

/** Every mapping of the tree with its pairs, depth first. */
export function* maps(root: unknown): Generator<YAMLMap> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      yield n;
      for (const p of n.items) stack.push(p.key, p.value);
    } else if (isSeq(n)) {
      for (const i of n.items) stack.push(isPair(i) ? i.value : i);
    }
  }
}

/** The pair whose key starts at `at`, and the mapping holding it. */
export function pairWithKeyAt(tree: Document.Parsed, at: number): { map: YAMLMap; pair: AnyPair } | undefined {
  for (const map of maps(tree.contents)) {
    for (const p of map.items as AnyPair[]) {
      const r = (p.key as Node | null)?.range;
      if (r && r[0] === at) return { map, pair: p };
    }
  }
  return undefined;
}

/** The scalar whose range starts at `at`. */
export function scalarAt(tree: Document.Parsed, at: number): Node | undefined {
  const stack: unknown[] = [tree.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isScalar(n) && n.range?.[0] === at) return n;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(isPair(i) ? i.value : i);
  }
  return undefined;
}

export function keyText(p: AnyPair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

/** Whether some mapping of the tree has `key` (for checks). */
export function hasKey(tree: Document.Parsed, key: string): boolean {
  for (const map of maps(tree.contents)) if ((map.items as AnyPair[]).some((p) => keyText(p) === key)) return true;
  return false;
}

/**
 * A scalar written so that YAML reads it back as this very string: plain when that is safe (in block
 * and flow context alike), else double-quoted. `2`, `1.20`, `true`, `null`, `*x` and `a: b` are quoted.
 */
export function stringScalar(v: string): string {
  // yes/no/on/off are booleans to YAML 1.1 readers (Go YAML, so kubectl) though strings to YAML 1.2.
  if (/^[A-Za-z0-9_./][A-Za-z0-9_./=-]*$/.test(v) && !/[.-]$/.test(v) && !/^(y|n|yes|no|on|off)$/i.test(v)) {
    try {
      const back = parseDocument(`k: ${v}`).toJS() as { k?: unknown };
      if (back?.k === v) return v;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(v);
}
