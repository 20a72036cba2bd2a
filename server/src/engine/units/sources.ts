import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { readScript, type ScriptReading } from './shellRun';
import { append, type FileIndex, parentOf } from './fileIndex';
import { msg } from '../l10n/message';

// The non-YAML files that say where YAML is applied: shell scripts, Makefiles and the shell code blocks
// of Markdown files (READMEs, tutorials). Each is read into apply commands by the shell reader.

export type SourceKind = 'shell' | 'makefile' | 'markdown' | 'ci';

/** Larger sources are not read (generated or vendored content). */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export function sourceKind(uri: string): SourceKind | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (/\.(sh|bash|zsh)$/i.test(name)) return 'shell';
  if (/^(GNU)?makefile$/i.test(name) || /\.mk$/i.test(name)) return 'makefile';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  // CI pipelines: GitHub Actions workflows and GitLab CI (YAML whose shell steps apply files).
  if (/\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(uri) || /^\.gitlab-ci\.ya?ml$/i.test(name)) return 'ci';
  return undefined;
}

/** The folders a relative path in this source may be relative to: its own, then each parent up to the root. */
function basesOf(uri: string, files: FileIndex): string[] {
  const out: string[] = [];
  for (let d = parentOf(uri); d && (d === files.root || d.startsWith(files.root + '/')); d = parentOf(d)) out.push(d);
  return out;
}

export interface SourceReading extends ScriptReading {
  /** Apply commands (by index in `applies`) that a README offers as alternatives ("one of the following"). */
  choices: number[][];
}

export function readSource(uri: string, text: string, files: FileIndex): SourceReading {
  const kind = sourceKind(uri);
  const empty: SourceReading = { applies: [], argo: [], notes: [], contexts: [], choices: [] };
  if (!kind) return empty;
  if (text.length > MAX_SOURCE_BYTES) {
    return {
      ...empty,
      notes: [
        { line: 0, text: '', reason: msg('larger than {size} MiB: not read', { size: MAX_SOURCE_BYTES / 1048576 }) },
      ],
    };
  }
  const lines = text.split(/\r\n|\r|\n/);
  const bases = basesOf(uri, files);
  if (kind === 'shell') return { ...readScript(lines, { uri, bases, files }), choices: [] };
  if (kind === 'makefile')
    return { ...readScript(recipes(lines, parentOf(uri) ?? ''), { uri, bases, files }), choices: [] };
  if (kind === 'ci') return readPipeline(text, uri, files);
  return readMarkdown(lines, uri, bases, files);
}

/** Makefile recipe lines as shell, with simple make variables substituted; other lines blanked. */
function recipes(lines: string[], dir: string): string[] {
  const vars = new Map<string, string>([['CURDIR', dir]]);
  const sub = (s: string) =>
    s.replace(/\$[({]([A-Za-z_][\w]*)[)}]/g, (m, name: string) => vars.get(name) ?? m).replace(/\$\$/g, '$');
  return lines.map((line) => {
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][\w]*)\s*(?::{1,3}=|\?=|=)\s*(.*)$/.exec(line);
    if (assign && !line.startsWith('\t')) {
      if (!/\$\(shell\b/.test(assign[2]!)) vars.set(assign[1]!, sub(assign[2]!.trim()));
      return '';
    }
    if (!line.startsWith('\t')) return '';
    return sub(line.slice(1).replace(/^[@+-]+/, ''));
  });
}

const SHELL_FENCE = /^(sh|bash|shell|console|zsh|terminal|shell-session|)$/i;
const ONE_OF = /\b(one of the following|one of these|either of|choose one|alternatively)\b/i;

/** Fenced shell blocks of a Markdown file, read in order with shared variables; line numbers are the file's. */
function readMarkdown(lines: string[], uri: string, bases: string[], files: FileIndex): SourceReading {
  const out: SourceReading = { applies: [], argo: [], notes: [], contexts: [], choices: [] };
  const vars = new Map<string, string[] | null>();
  let i = 0;
  while (i < lines.length) {
    const open = /^(\s{0,3})(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) {
      i++;
      continue;
    }
    const fence = open[2]!;
    const info = open[3] ?? '';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    if (SHELL_FENCE.test(info)) {
      const body = lines.slice(start, end).map((l) => {
        if (/^(console|shell-session|terminal)$/i.test(info)) return /^\s*\$ /.test(l) ? l.replace(/^\s*\$ /, '') : '';
        return l.replace(/^\s*\$ (?=\S)/, '');
      });
      const before = out.applies.length;
      const r = readScript(body, { uri, bases, files, firstLine: start, vars });
      append(out.applies, r.applies);
      append(out.argo, r.argo);
      append(out.notes, r.notes);
      append(out.contexts, r.contexts);
      const prose = lines.slice(Math.max(0, i - 4), i).join(' ');
      if (ONE_OF.test(prose) && out.applies.length - before > 1) {
        out.choices.push(Array.from({ length: out.applies.length - before }, (_, k) => before + k));
      }
    }
    i = end + 1;
  }
  return out;
}

/**
 * CI pipelines: each GitHub Actions `run:` step and each GitLab `script:` / `before_script:` /
 * `after_script:` line is shell run from the repository root (or the step's `working-directory`).
 */
function readPipeline(text: string, uri: string, files: FileIndex): SourceReading {
  const out: SourceReading = { applies: [], argo: [], notes: [], contexts: [], choices: [] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) return out;
  const root = files.root;
  // The repository root: the pipeline file sits in it (.gitlab-ci.yml) or two levels below (.github/workflows).
  const repo = /\/\.github\/workflows\//.test(uri)
    ? (parentOf(parentOf(parentOf(uri) ?? '') ?? '') ?? root)
    : (parentOf(uri) ?? root);
  const vars = new Map<string, string[] | null>();
  const run = (node: Node | null | undefined, cwd?: string) => {
    const scalars = isScalar(node) ? [node] : isSeq(node) ? node.items.filter((x): x is Scalar => isScalar(x)) : [];
    for (const sc of scalars) {
      if (typeof sc.value !== 'string' || !sc.range) continue;
      const block = sc.type === 'BLOCK_LITERAL' || sc.type === 'BLOCK_FOLDED';
      const firstLine = counter.linePos(sc.range[0]).line - 1 + (block ? 1 : 0);
      const base = cwd ? `${repo}/${cwd.replace(/^\.?\/*/, '')}`.replace(/\/$/, '') : repo;
      const r = readScript(sc.value.split('\n'), { uri, bases: [base, repo], files, firstLine, vars });
      append(out.applies, r.applies);
      append(out.argo, r.argo);
      append(out.notes, r.notes);
      append(out.contexts, r.contexts);
    }
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 12 || !isMap(node)) {
      if (isSeq(node) && depth <= 12) for (const it of node.items) walk(it, depth + 1);
      return;
    }
    const get = (k: string) =>
      node.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as Node | null | undefined;
    const wd = get('working-directory');
    if (get('run') !== undefined) run(get('run'), isScalar(wd) && typeof wd.value === 'string' ? wd.value : undefined);
    for (const k of ['before_script', 'script', 'after_script']) if (get(k) !== undefined) run(get(k));
    for (const p of node.items) walk(p.value, depth + 1);
  };
  walk(doc.contents, 0);
  return out;
}
