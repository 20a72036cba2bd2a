import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
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
}

// Aliases are expanded when values are built; cap the expansion so an alias bomb stops early.
const MAX_ALIAS_COUNT = 1000;
/** Past this many syntax errors (or warnings) in one document, one summary stands for the rest. */
export const MAX_SYNTAX_PROBLEMS = 50;

export function parseChunk(text: string): ParsedChunk {
  // uniqueKeys: false because the yaml package checks each key against every earlier key of its map,
  // which is quadratic (a 20,000-key ConfigMap took 20 s); duplicateKeys() does the same check linearly.
  // logLevel 'error': yaml would otherwise print warnings (collection keys stringified) on stderr.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' });
  const syntax: RawProblem[] = [];
  const errors: SyntaxError[] = [
    ...doc.errors.map((e) => ({ code: e.code as string, message: e.message, pos: e.pos })),
    ...duplicateKeys(doc.contents),
  ].sort((a, b) => a.pos[0] - b.pos[0]);
  const deepest = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (deepest) {
    // The parser ran out of stack: the rest of its errors are consequences, not separate mistakes.
    const message = /call stack/i.test(deepest.message)
      ? 'This document nests collections too deeply to be parsed (hundreds of levels of [, { or indentation); it is not analysed.'
      : `This document could not be parsed (${firstLine(deepest.message)}); it is not analysed.`;
    syntax.push({ rule: 'yaml-syntax', message, start: deepest.pos[0], end: deepest.pos[0] + 1 });
    return { text, doc, syntax, resources: [] };
  }
  for (const e of errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    const open = e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message) ? openQuote(doc.contents, e.pos[0]) : undefined;
    if (open) {
      // yaml reports an unclosed quote where the text ends; point at the quote that was never closed.
      const lineEnd = text.slice(open[0]).search(/[\r\n]/);
      syntax.push({ rule: 'yaml-syntax', message: `This ${text[open[0]] === "'" ? 'single' : 'double'}-quoted value is never closed, so it runs on to the end of the document; add the closing ${text[open[0]]}.`, start: open[0], end: lineEnd > 0 ? open[0] + lineEnd : open[0] + 1 });
      continue;
    }
    if (e.code === 'DUPLICATE_KEY' && e.message === 'Map keys must be unique') {
      syntax.push(duplicateKeyProblem(text, e));
      continue;
    }
    syntax.push({ rule: 'yaml-syntax', message: syntaxMessage(e.code, e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) });
  }
  if (errors.length > MAX_SYNTAX_PROBLEMS) syntax.push(moreProblems(errors.length - MAX_SYNTAX_PROBLEMS, 'errors', errors[MAX_SYNTAX_PROBLEMS]!.pos));
  for (const w of doc.warnings.slice(0, MAX_SYNTAX_PROBLEMS)) {
    syntax.push({ rule: 'yaml-syntax', severity: 'warning', message: firstLine(w.message), start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1) });
  }
  if (doc.warnings.length > MAX_SYNTAX_PROBLEMS) syntax.push({ ...moreProblems(doc.warnings.length - MAX_SYNTAX_PROBLEMS, 'warnings', doc.warnings[MAX_SYNTAX_PROBLEMS]!.pos), severity: 'warning' });
  const resources: Resource[] = [];
  if (doc.errors.length === 0 || isMap(doc.contents)) {
    let whole: unknown;
    try {
      whole = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const range = doc.contents?.range ?? [0, 1, 1];
      syntax.push({
        rule: 'yaml-syntax',
        message: /alias/i.test(String(err))
          ? `This document expands aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb?); it is not analysed.`
          : `This document cannot be read as data: ${firstLine(String((err as Error)?.message ?? err))}`,
        start: range[0],
        end: Math.min(range[1], range[0] + 1),
      });
      return { text, doc, syntax, resources };
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
  return { text, doc, syntax, resources };
}

function moreProblems(count: number, what: string, pos: [number, number]): RawProblem {
  return { rule: 'yaml-syntax', message: `${count} more YAML syntax ${what} in this document are not listed; fix the ones above first.`, start: pos[0], end: pos[0] + 1 };
}

/** The range of the quoted scalar that ends (unclosed) at `end`. */
function openQuote(root: Node | null, end: number): [number, number] | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isScalar(node)) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] === end) return [node.range[0], node.range[1]];
    } else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return undefined;
}

interface SyntaxError {
  code: string;
  message: string;
  pos: [number, number];
  /** A duplicate key: where the first one is. */
  first?: [number, number];
}

/** Keys repeated in one mapping (same scalar value), as the yaml package reports them, in linear time. */
function duplicateKeys(root: Node | null): SyntaxError[] {
  const out: SyntaxError[] = [];
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
          if (seen.has(key.value) && key.range) out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[1]], ...(first ? { first } : {}) });
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
function duplicateKeyProblem(text: string, e: SyntaxError): RawProblem {
  const key = text.slice(e.pos[0], e.pos[1]);
  const first = e.first;
  let lines = 0;
  if (first) for (let i = text.indexOf('\n', first[0]); i !== -1 && i < e.pos[0]; i = text.indexOf('\n', i + 1)) lines++;
  const where = !first ? '' : lines === 0 ? '; the first one is earlier on this line' : `; the first one is ${lines} line${lines === 1 ? '' : 's'} above`;
  return {
    rule: 'yaml-syntax',
    message: `\`${key}\` is set twice in this mapping (keys must be unique${where}): the second value would silently replace the first. Remove one of them.`,
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0] + 1),
    ...(first ? { relatedAt: [{ start: first[0], end: first[1], message: `the first \`${key}\`` }] } : {}),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function syntaxMessage(code: string, message: string): string {
  const text = firstLine(message);
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed for indentation in YAML; indent with spaces.';
    case 'DUPLICATE_KEY':
      return `${text}: the second value would silently replace the first.`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `${text}. Check the indentation of this line against the lines above it.`;
    default:
      return text.endsWith('.') ? text : `${text}.`;
  }
}
