import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localizeProblem, msg, msgN, render, RULE_IDS, sarifRule, type Locale, type Problem } from '../engine/index';

// Output formats of `tsb-lint check`: text lines, JSON (1-based lines and columns) and SARIF 2.1.0 as
// GitHub code scanning reads it. Text is for terminals and CI logs, so nothing from a file (a value in a
// message, a file name) can start a line of its own there; JSON and SARIF carry paths exactly.
// Messages are in `locale`; severities and rule ids never are (log parsers and problem matchers read
// them), and SARIF fingerprints come from the English message, so a change of language reopens no alert.

export interface FileProblem {
  /** Absolute path of the file. */
  path: string;
  problem: Problem;
}

export interface CheckOutput {
  /** Files checked (the summary line's count). */
  fileCount: number;
  /** Paths are shown relative to this folder (the current folder). */
  cwd: string;
  /** SARIF: artifact URIs are relative to this folder, named %SRCROOT%. */
  sarifRoot: string;
  version: string;
  /** https URL of the tool's repository (informationUri, rule help pages). */
  repository: string;
  /** The language of messages (English when omitted). */
  locale?: Locale;
}

export function formatCheck(items: FileProblem[], format: string, out: CheckOutput): string {
  const locale = out.locale ?? 'en';
  if (format === 'json') {
    const parts: string[] = [];
    const w = new JsonCheckWriter((s) => parts.push(s), out.cwd, locale);
    for (const i of items) w.add(i);
    w.end();
    return parts.join('');
  }
  if (format === 'sarif') return JSON.stringify(toSarif(items, out, locale), null, 2) + '\n';
  const lines = items.map(({ path, problem: p }) =>
    escapeText(
      `${textPath(displayPath(path, out.cwd))}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.rule}: ${localizeProblem(p, locale).message}`,
    ),
  );
  const count = (s: string) => items.filter((i) => i.problem.severity === s).length;
  lines.push(
    render(
      msg('{errors}, {warnings}, {notes} in {files}.', {
        errors: msgN(count('error'), '{n} error', '{n} errors', { n: count('error') }),
        warnings: msgN(count('warning'), '{n} warning', '{n} warnings', { n: count('warning') }),
        notes: msgN(count('info') + count('hint'), '{n} note', '{n} notes', { n: count('info') + count('hint') }),
        files: msgN(out.fileCount, '{n} file', '{n} files', { n: out.fileCount }),
      }),
      locale,
    ),
  );
  return lines.join('\n') + '\n';
}

/**
 * The JSON report, written one diagnostic at a time (the CLI need not hold every diagnostic and the whole
 * text at once): the text of JSON.stringify({ diagnostics }, null, 2) plus a newline.
 */
export class JsonCheckWriter {
  private first = true;

  constructor(
    private readonly write: (text: string) => void,
    private readonly cwd: string,
    private readonly locale: Locale,
  ) {}

  add(item: FileProblem): void {
    // JSON.stringify escapes line breaks inside strings: every raw one is the layout's, indented one level deeper.
    const body = JSON.stringify(toJson(item, this.cwd, this.locale), null, 2).replace(/\n/g, '\n    ');
    this.write(`${this.first ? '{\n  "diagnostics": [\n    ' : ',\n    '}${body}`);
    this.first = false;
  }

  end(): void {
    this.write(this.first ? '{\n  "diagnostics": []\n}\n' : '\n  ]\n}\n');
  }
}

/**
 * A path as the user should see it: relative to `cwd` (with `..` segments when it lies outside), `/`
 * between segments. Only the platform's separator becomes `/`: a backslash inside a POSIX file name is
 * part of the name. Absolute only when no relative path exists (another drive).
 */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (isAbsolute(rel)) return path;
  return (rel || '.').split(sep).join('/');
}

/** Inside `dir`: `..foo` is a name inside it, only `..` itself (or `../…`) leads out. */
function inside(rel: string): boolean {
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides
// and isolates (which reorder what a terminal shows).
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

/** One line of text output: control characters shown as escapes, so a value can never start a line. */
export function escapeText(s: string): string {
  return s.replace(CONTROLS, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

// A line that starts with `::` or `##` is a command to GitHub Actions (and other CI log parsers): a file
// named like one is shown with a leading `./` instead.
function textPath(p: string): string {
  return /^(::|##)/.test(p) ? `./${p}` : p;
}

function toJson({ path, problem: p }: FileProblem, cwd: string, locale: Locale) {
  return {
    file: displayPath(path, cwd),
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    severity: p.severity,
    rule: p.rule,
    message: localizeProblem(p, locale).message,
    ...(p.data ? { fix: p.data.fix === 'edit' ? { ...p.data, title: render(p.data.title, locale) } : p.data } : {}),
  };
}

// ---- SARIF 2.1.0 ----

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function toSarif(items: FileProblem[], out: CheckOutput, locale: Locale) {
  const ids = [...RULE_IDS];
  const seen = new Map<string, number>();
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tsb-lint',
            version: out.version,
            ...(/^\d+\.\d+\.\d+/.test(out.version) ? { semanticVersion: out.version } : {}),
            informationUri: out.repository,
            rules: ids.map((id) => ruleDescriptor(id, out.repository)),
          },
        },
        // %SRCROOT% is the repository root (or --sarif-root): GitHub resolves the relative URIs against it.
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(out.sarifRoot) } },
        columnKind: 'utf16CodeUnits',
        results: items.map(({ path, problem: p }) => {
          const location = artifactLocation(path, out.sarifRoot);
          // Stable across runs and across edits elsewhere in the file: rule, file and message, plus the
          // occurrence among identical ones; never the line number.
          const key = `${p.rule}\u0000${location.uri}\u0000${p.message}`;
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          return {
            ruleId: p.rule,
            ruleIndex: ids.indexOf(p.rule),
            level: SARIF_LEVEL[p.severity],
            message: { text: localizeProblem(p, locale).message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: location,
                  region: {
                    startLine: p.range.start.line + 1,
                    startColumn: p.range.start.character + 1,
                    endLine: p.range.end.line + 1,
                    endColumn: p.range.end.character + 1,
                  },
                },
              },
            ],
            partialFingerprints: { 'tsbLintFingerprint/v1': `${fingerprint(key)}:${n}` },
          };
        }),
      },
    ],
  };
}

/** 64 bits of FNV-1a (two 32-bit lanes): a stable identifier, not a security measure. */
function fingerprint(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A URI relative to %SRCROOT% for files inside the root (each segment percent-encoded), else a file: URI. */
function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, path);
  if (!rel || !inside(rel)) return { uri: pathToFileURL(path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF rule metadata: the registry's explanation, examples and documentation link. */
function ruleDescriptor(id: string, repository: string) {
  return sarifRule(id, repository)!;
}
