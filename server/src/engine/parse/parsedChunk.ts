import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { fastDocument } from './fastDocument';
import { BUDGETS, formatCount, limitProblem } from '../budgets';
import { msg, msgN, type Message } from '../l10n/message';
import type { RawProblem } from '../types';

/** One resource: the root mapping of a document, or one item of a `kind: List`. */
export interface Resource {
  node: YAMLMap;
  /** Path of the node inside its document ([] or ['items', i]). */
  path: (string | number)[];
  /** Plain value of the node (aliases resolved); undefined when it could not be built. */
  value: unknown;
}

/** One YAML document parsed on its own; offsets are relative to the chunk text. */
export interface ParsedChunk {
  text: string;
  doc: Document.Parsed;
  syntax: RawProblem[];
  resources: Resource[];
  /** YAML nodes of the document with its aliases expanded (capped just above the budget). */
  nodes: number;
}

// Aliases are expanded when values are built; cap the expansion so an alias bomb stops early.
const MAX_ALIAS_COUNT = 1000;
/** Past this many syntax errors (or warnings) in one document, one summary stands for the rest. */
export const MAX_SYNTAX_PROBLEMS = 50;

// uniqueKeys: false because the yaml package checks each key against every earlier key of its map,
// which is quadratic (a 20,000-key ConfigMap took 20 s); duplicateKeys() does the same check linearly.
// logLevel 'error': yaml would otherwise print warnings (collection keys stringified) on stderr.
// merge: `<<: *anchor` merges the anchored mapping, as kubectl and Go YAML do (YAML 1.1 merge keys).
export const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false,
  keepSourceTokens: false,
  logLevel: 'error',
  merge: true,
} as const;

export function parseChunk(text: string): ParsedChunk {
  // The fast path builds what `yaml` would for the plain block YAML most documents are, several times
  // faster on a cold start (a first open is mostly parsing); anything else goes to `yaml`.
  const fast = fastDocument(text, PARSE_OPTIONS);
  const doc = fast?.doc ?? parseDocument(text, PARSE_OPTIONS);
  const syntax: RawProblem[] = [];
  const errors: YamlError[] = [
    ...doc.errors.map((e) => ({ code: e.code as string, message: e.message, pos: e.pos })),
    ...(fast?.duplicateKeys === false ? [] : duplicateKeys(doc.contents)),
  ].sort((a, b) => a.pos[0] - b.pos[0]);
  const deepest = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (deepest) {
    // The parser ran out of stack: the rest of its errors are consequences, not separate mistakes.
    const message = /call stack/i.test(deepest.message)
      ? msg(
          'This document nests collections too deeply to be parsed (hundreds of levels of [, { or indentation); it is not analysed.',
        )
      : msg('This document could not be parsed ({error}); it is not analysed.', { error: firstLine(deepest.message) });
    syntax.push({ rule: 'yaml-syntax', message, start: deepest.pos[0], end: deepest.pos[0] + 1 });
    return { text, doc, syntax, resources: [], nodes: 0 };
  }
  for (const e of errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    const open =
      e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message) ? openQuote(doc.contents, e.pos[0]) : undefined;
    if (open) {
      // yaml reports an unclosed quote where the text ends; point at the quote that was never closed.
      const lineEnd = text.slice(open[0]).search(/[\r\n]/);
      syntax.push({
        rule: 'yaml-syntax',
        message:
          text[open[0]] === "'"
            ? msg(
                "This single-quoted value is never closed, so it runs on to the end of the document; add the closing '.",
              )
            : msg(
                'This double-quoted value is never closed, so it runs on to the end of the document; add the closing ".',
              ),
        start: open[0],
        end: lineEnd > 0 ? open[0] + lineEnd : open[0] + 1,
      });
      continue;
    }
    if (e.code === 'DUPLICATE_KEY' && e.message === 'Map keys must be unique') {
      syntax.push(duplicateKeyProblem(text, e));
      continue;
    }
    syntax.push({
      rule: 'yaml-syntax',
      message: syntaxMessage(e.code, e.message),
      start: e.pos[0],
      end: Math.max(e.pos[1], e.pos[0] + 1),
    });
  }
  if (errors.length > MAX_SYNTAX_PROBLEMS)
    syntax.push(moreProblems(errors.length - MAX_SYNTAX_PROBLEMS, 'errors', errors[MAX_SYNTAX_PROBLEMS]!.pos));
  for (const w of doc.warnings.slice(0, MAX_SYNTAX_PROBLEMS)) {
    syntax.push({
      rule: 'yaml-syntax',
      severity: 'warning',
      message: msg('{warning}', { warning: firstLine(w.message) }),
      start: w.pos[0],
      end: Math.max(w.pos[1], w.pos[0] + 1),
    });
  }
  if (doc.warnings.length > MAX_SYNTAX_PROBLEMS)
    syntax.push({
      ...moreProblems(doc.warnings.length - MAX_SYNTAX_PROBLEMS, 'warnings', doc.warnings[MAX_SYNTAX_PROBLEMS]!.pos),
      severity: 'warning',
    });
  const resources: Resource[] = [];
  // Sized before any value is built: what aliases would expand to is counted in nodes, not in aliases
  // (999 aliases of one 100k-item list are 100 million nodes, though only 999 aliases).
  const size = fast ? { nodes: fast.nodes, aliasNodes: 0 } : measure(doc.contents);
  const nodes = size.nodes + size.aliasNodes;
  if (size.unresolved) {
    const r = size.unresolved.range ?? [0, 1, 1];
    syntax.push({
      rule: 'yaml-syntax',
      message: msg(
        'The alias *{name} refers to no anchor &{name} above it in this document (anchors do not reach across `---`); it is not analysed.',
        { name: size.unresolved.source },
      ),
      start: r[0],
      end: Math.max(r[1], r[0] + 1),
    });
    return { text, doc, syntax, resources, nodes };
  }
  if (size.aliasNodes > BUDGETS.aliasNodesPerDocument) {
    const r = doc.contents?.range ?? [0, 1, 1];
    syntax.push({
      rule: 'yaml-syntax',
      message: msg(
        "This document's aliases expand to more than {count} YAML nodes (an alias bomb?); it is not analysed.",
        { count: formatCount(BUDGETS.aliasNodesPerDocument) },
      ),
      start: r[0],
      end: Math.min(r[1], r[0] + 1),
    });
    return { text, doc, syntax, resources, nodes };
  }
  if (nodes > BUDGETS.nodesPerDocument) {
    const r = doc.contents?.range ?? [0, 1, 1];
    syntax.push(
      limitProblem(
        msg(
          'This document has more than {count} YAML nodes; it is parsed but not checked (a limit that keeps time and memory bounded).',
          { count: formatCount(BUDGETS.nodesPerDocument) },
        ),
        r[0],
        Math.min(r[1], r[0] + 1),
      ),
    );
    return { text, doc, syntax, resources, nodes };
  }
  if (doc.errors.length === 0 || isMap(doc.contents)) {
    let whole: unknown;
    try {
      whole = fast ? fast.toJS() : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const range = doc.contents?.range ?? [0, 1, 1];
      syntax.push({
        rule: 'yaml-syntax',
        message: /alias/i.test(String(err))
          ? msg('This document expands aliases more than {count} times (an alias bomb?); it is not analysed.', {
              count: MAX_ALIAS_COUNT,
            })
          : msg('This document cannot be read as data: {error}', {
              error: firstLine(String((err as Error)?.message ?? err)),
            }),
        start: range[0],
        end: Math.min(range[1], range[0] + 1),
      });
      return { text, doc, syntax, resources, nodes };
    }
    const root = doc.contents;
    if (isMap(root)) {
      const kind = root.get('kind', true);
      const items = root.get('items', true);
      if (isScalar(kind) && (kind.value as unknown) === 'List' && isSeq(items)) {
        const list = (whole as { items?: unknown[] } | null)?.items ?? [];
        items.items.forEach((item, i) => {
          if (isMap(item)) resources.push({ node: item, path: ['items', i], value: list[i] });
        });
      } else {
        resources.push({ node: root, path: [], value: whole });
      }
    }
  }
  return { text, doc, syntax, resources, nodes };
}

/**
 * Nodes of a document, and nodes its aliases (merge keys included) add when expanded: an alias adds the
 * size of the node it names, itself expanded. One pass in document order; sizes stop growing just
 * above the budget so that billion-laughs sizes stay finite. `unresolved`: the first alias with no
 * anchor before it.
 */
export function measure(root: Node | null): { nodes: number; aliasNodes: number; unresolved?: Alias } {
  const cap = BUDGETS.nodesPerDocument + BUDGETS.aliasNodesPerDocument + 1;
  const sizes = new Map<unknown, number>();
  const anchors = new Map<string, unknown>();
  let nodes = 0;
  let aliasNodes = 0;
  let unresolved: Alias | undefined;
  // Explicit stack (documents nest as deep as the parser allows); `true` marks a node being left.
  const stack: [unknown, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node === null || node === undefined || typeof node !== 'object') continue;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) unresolved ??= node;
      // An alias inside its own anchor (not finished yet) counts as one node.
      const add = target === undefined ? 1 : (sizes.get(target) ?? 1);
      aliasNodes = Math.min(cap, aliasNodes + add);
      sizes.set(node, add);
      continue;
    }
    const children: unknown[] = isPair(node) ? [node.key, node.value] : isMap(node) || isSeq(node) ? node.items : [];
    if (!leaving) {
      if (!isPair(node)) nodes++;
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, node);
      stack.push([node, true]);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], false]);
      continue;
    }
    let size = isPair(node) ? 0 : 1;
    for (const c of children) size += sizes.get(c) ?? 0;
    sizes.set(node, Math.min(cap, size));
  }
  return { nodes, aliasNodes, ...(unresolved ? { unresolved } : {}) };
}

function moreProblems(count: number, what: 'errors' | 'warnings', pos: [number, number]): RawProblem {
  const message =
    what === 'errors'
      ? msg('{count} more YAML syntax errors in this document are not listed; fix the ones above first.', { count })
      : msg('{count} more YAML syntax warnings in this document are not listed; fix the ones above first.', { count });
  return { rule: 'yaml-syntax', message, start: pos[0], end: pos[0] + 1 };
}

/** The range of the quoted scalar that ends (unclosed) at `end`. */
function openQuote(root: Node | null, end: number): [number, number] | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isScalar(node)) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] === end)
        return [node.range[0], node.range[1]];
    } else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return undefined;
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
  /** A duplicate key: where the first one is. */
  first?: [number, number];
}

/** Keys repeated in one mapping (same scalar value), as the yaml package reports them, in linear time. */
export function duplicateKeys(root: Node | null): YamlError[] {
  const out: YamlError[] = [];
  // An explicit stack, not recursion: documents can be nested as deep as the parser allows.
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, [number, number] | undefined>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const first = seen.get(key.value);
          if (seen.has(key.value) && key.range)
            out.push({
              code: 'DUPLICATE_KEY',
              message: 'Map keys must be unique',
              pos: [key.range[0], key.range[1]],
              ...(first ? { first } : {}),
            });
          else seen.set(key.value, key.range ? [key.range[0], key.range[1]] : undefined);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return out;
}

/** The message for a key written twice in one mapping: which key, and how far above the first one is. */
function duplicateKeyProblem(text: string, e: YamlError): RawProblem {
  const key = text.slice(e.pos[0], e.pos[1]);
  const first = e.first;
  let lines = 0;
  if (first)
    for (let i = text.indexOf('\n', first[0]); i !== -1 && i < e.pos[0]; i = text.indexOf('\n', i + 1)) lines++;
  const message = !first
    ? msg(
        '`{key}` is set twice in this mapping (keys must be unique): the second value would silently replace the first. Remove one of them.',
        { key },
      )
    : lines === 0
      ? msg(
          '`{key}` is set twice in this mapping (keys must be unique; the first one is earlier on this line): the second value would silently replace the first. Remove one of them.',
          { key },
        )
      : msgN(
          lines,
          '`{key}` is set twice in this mapping (keys must be unique; the first one is {lines} line above): the second value would silently replace the first. Remove one of them.',
          '`{key}` is set twice in this mapping (keys must be unique; the first one is {lines} lines above): the second value would silently replace the first. Remove one of them.',
          { key, lines },
        );
  return {
    rule: 'yaml-syntax',
    message,
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0] + 1),
    ...(first ? { relatedAt: [{ start: first[0], end: first[1], message: msg('the first `{key}`', { key }) }] } : {}),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The yaml package's own words (English) stay as they are inside our sentence. */
function syntaxMessage(code: string, message: string): Message {
  const error = firstLine(message);
  switch (code) {
    case 'TAB_AS_INDENT':
      return msg('Tabs are not allowed for indentation in YAML; indent with spaces.');
    case 'DUPLICATE_KEY':
      return msg('{error}: the second value would silently replace the first.', { error });
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return msg('{error}. Check the indentation of this line against the lines above it.', { error });
    default:
      return msg('{error}', { error: error.endsWith('.') ? error : `${error}.` });
  }
}
