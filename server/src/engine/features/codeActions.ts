import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { shapeOf } from './yamlPath';
import { documentAt } from './fixDocument';
import { insertInMap, lonePair, pairLines } from '../rules/yamlInsert';
import { mapOf, scalarOf } from '../rules/yamlNodes';

// Quick fixes built from the diagnostic alone (its `code` and `data`): stateless, so they work for
// diagnostics pulled, pushed, or read back from the editor after a restart.

const MAX_CANDIDATES = 5;

function isFixData(v: unknown): v is FixData {
  return typeof v === 'object' && v !== null && typeof (v as { fix?: unknown }).fix === 'string';
}

export function codeActions(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !isFixData(d.data)) continue;
    for (const f of fixesFor(doc, d, d.data)) {
      out.push({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        ...(f.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: f.changes ?? { [doc.uri]: f.edits } },
      });
    }
  }
  return out;
}

interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Edits by file, when they are not (only) in the diagnostic's file. */
  changes?: Record<string, TextEdit[]>;
}

function fixesFor(doc: TextDocument, d: Diagnostic, data: FixData): Fix[] {
  switch (data.fix) {
    case 'rename-key':
      return [{ title: d.code === 'key-case' ? `Write \`${data.to}\`` : `Rename to \`${data.to}\``, edits: [{ range: d.range, newText: data.to }], isPreferred: true }];
    case 'replace-value':
      return replaceValue(doc, d, data.to, data.candidates);
    case 'indent':
      return [indentBlock(doc, d.range, data.spaces, data.lines, data.under)];
    case 'add-field':
      return [addField(doc, d.range, data.field, data.snippet, data.before === true)];
    case 'replace-labels':
      return [replaceLabels(doc, d.range, data.labels)];
    case 'move-annotation':
      return moveAnnotation(doc, d.range, data.key);
    case 'edit':
      return [{ title: data.title, edits: [], changes: Object.fromEntries(data.changes.map((c) => [c.uri, c.edits])), isPreferred: true }];
    default:
      return [];
  }
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function replaceValue(doc: TextDocument, d: Diagnostic, to: string, candidates: string[] | undefined): Fix[] {
  const old = doc.getText(d.range);
  // Keep the user's quotes, except when the quotes are the problem (`"true"` for a boolean).
  const q = d.code !== 'invalid-type' && /^["']/.test(old) ? old[0]! : '';
  const text = (v: string) => `${q}${v}${q}`;
  const fixes: Fix[] = [{ title: `Change to \`${to}\``, edits: [{ range: d.range, newText: text(to) }], isPreferred: true }];
  for (const c of (candidates ?? []).filter((c) => c !== to).slice(0, MAX_CANDIDATES - 1)) {
    fixes.push({ title: `Change to \`${c}\``, edits: [{ range: d.range, newText: text(c) }] });
  }
  return fixes;
}

/** Shift `lines` lines starting at the diagnostic's line by `spaces` (negative: outdent). */
function indentBlock(doc: TextDocument, range: Range, spaces: number, lines: number, under: string): Fix {
  const edits: TextEdit[] = [];
  for (let l = range.start.line; l < Math.min(doc.lineCount, range.start.line + Math.max(1, lines)); l++) {
    const text = lineText(doc, l);
    if (text.trim() === '') continue;
    if (spaces > 0) edits.push({ range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, newText: ' '.repeat(spaces) });
    else {
      const lead = text.length - text.trimStart().length;
      const n = Math.min(lead, -spaces);
      if (n > 0) edits.push({ range: { start: { line: l, character: 0 }, end: { line: l, character: n } }, newText: '' });
    }
  }
  return {
    title: spaces > 0 ? `Indent block under \`${under}\`` : `Outdent block by ${-spaces} space${spaces === -1 ? '' : 's'}${under ? ` (beside \`${under}\`)` : ''}`,
    edits,
    isPreferred: true,
  };
}

/** Indentation of the children of the mapping whose key is on `line` at `keyCol`. */
function childIndent(doc: TextDocument, line: number, keyCol: number): number {
  for (let l = line + 1; l < doc.lineCount; l++) {
    const s = shapeOf(lineText(doc, l));
    if (s.blank) continue;
    return s.indent > keyCol ? s.indent : keyCol + 2;
  }
  return keyCol + 2;
}

/**
 * Insert a missing field after the diagnostic's line. The range is the parent key (children go one
 * level below it) or, for a missing top-level field, `kind: X` (the field goes beside it).
 */
function addField(doc: TextDocument, range: Range, field: string, snippet: string, before: boolean): Fix {
  const line = range.start.line;
  const text = lineText(doc, line);
  const covered = doc.getText(range);
  const atRoot = before || covered.includes(':');
  const indent = atRoot ? range.start.character : childIndent(doc, line, range.start.character);
  const body = snippet.split('\n').map((l) => ' '.repeat(indent) + l.replace(/\s+$/, (m) => (l.trim() ? m : ''))).join('\n');
  if (before) {
    // A field that belongs above the diagnostic's line (a missing apiVersion goes before `kind`).
    const at = { line, character: 0 };
    return { title: `Add \`${field}\``, edits: [{ range: { start: at, end: at }, newText: `${body}\n` }], isPreferred: true };
  }
  const edits: TextEdit[] = [];
  // `parent: {}` has no block to add to: drop the empty flow mapping first.
  const flow = /:\s*\{\s*\}\s*(#.*)?$/.exec(text);
  if (!atRoot && flow) {
    edits.push({ range: { start: { line, character: flow.index + 1 }, end: { line, character: text.length } }, newText: `\n${body}` });
  } else {
    edits.push({ range: { start: { line, character: text.length }, end: { line, character: text.length } }, newText: `\n${body}` });
  }
  return { title: `Add \`${field}\``, edits, isPreferred: true };
}

/** Replace the selector's `labels:` mapping (the diagnostic range is the `labels` key). */
function replaceLabels(doc: TextDocument, range: Range, labels: Record<string, string>): Fix {
  const line = range.start.line;
  const keyCol = range.start.character;
  const text = lineText(doc, line);
  const colon = text.indexOf(':', range.end.character);
  const pairs = Object.entries(labels);
  const shown = pairs.map(([k, v]) => `${k}=${v}`).join(', ');
  const afterColon = text.slice(colon + 1).replace(/#.*$/, '').trim();
  if (afterColon) {
    // Flow style on the key line: `labels: {app: x}`.
    return {
      title: `Select ${shown}`,
      edits: [{ range: { start: { line, character: colon + 1 }, end: { line, character: text.length } }, newText: ` { ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }` }],
      isPreferred: true,
    };
  }
  const indent = childIndent(doc, line, keyCol);
  let last = line;
  for (let l = line + 1; l < doc.lineCount; l++) {
    const s = shapeOf(lineText(doc, l));
    if (s.blank) continue;
    if (s.indent <= keyCol) break;
    last = l;
  }
  const end = { line: last, character: lineText(doc, last).length };
  return {
    title: `Select ${shown}`,
    edits: [{ range: { start: { line, character: colon + 1 }, end }, newText: `\n${pairs.map(([k, v]) => `${' '.repeat(indent)}${k}: ${v}`).join('\n')}` }],
    isPreferred: true,
  };
}

/** Moves an annotation of an install CR's own metadata to spec.kubeSpec.service.annotations. */
function moveAnnotation(doc: TextDocument, range: Range, key: string): Fix[] {
  const at = documentAt(doc, range.start);
  if (!at) return [];
  const annotations = mapOf(mapOf(at.root, 'metadata'), 'annotations');
  const found = lonePair(annotations, key);
  const value = scalarOf(annotations, key);
  if (!found || !value) return [];
  const metadata = lonePair(mapOf(at.root, 'metadata'), 'annotations');
  // The whole `annotations:` key goes when this was its only entry.
  const removed = found.alone && metadata ? pairLines(at.text, metadata.pair) : pairLines(at.text, found.pair);
  const written = at.text.slice(value.range[0], value.range[1]);
  const insert = insertInMap(at.root, at.text, ['spec', 'kubeSpec', 'service', 'annotations'], [`${key}: ${written}`]);
  if (!removed || !insert) return [];
  const pos = (o: number) => doc.positionAt(at.start + o);
  return [{
    title: `Move \`${key}\` to spec.kubeSpec.service.annotations`,
    edits: [
      { range: { start: pos(removed[0]), end: pos(removed[1]) }, newText: '' },
      { range: { start: pos(insert.offset), end: pos(insert.offset) }, newText: insert.text },
    ],
    isPreferred: true,
  }];
}
