import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
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

export function parseChunk(text: string): ParsedChunk {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const syntax: RawProblem[] = [];
  for (const e of doc.errors) {
    syntax.push({ rule: 'yaml-syntax', message: syntaxMessage(e.code, e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) });
  }
  for (const w of doc.warnings) {
    syntax.push({ rule: 'yaml-syntax', severity: 'warning', message: firstLine(w.message), start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1) });
  }
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
