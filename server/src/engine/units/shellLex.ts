// A small, bounded lexer for the shell we find in deploy scripts, Makefile recipes and README code
// blocks. It does not run anything: it splits lines into words and operators, keeping enough of each
// word's structure (literal text, variables, command substitutions) for the reader to resolve paths and
// cluster names. Anything it does not understand becomes opaque text, never an exception.

/** A part of a word: literal text, a variable reference, or a command substitution (kept as source). */
export type Segment =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'var'; name: string; all?: boolean; fallback?: string }
  | { t: 'cmd'; src: string };

export interface Word {
  segs: Segment[];
  /** The word as written (for messages and evidence). */
  raw: string;
}

export type Token =
  | { k: 'word'; w: Word }
  /** `|`, `||`, `&&`, `;`, `;;`, `&`, `<`, `>`, `>>`, `(`, `)`, `{`, `}` and `\n` between logical lines. */
  | { k: 'op'; v: string };

/** A logical line: physical lines joined at trailing backslashes, heredoc bodies removed. */
export interface LogicalLine {
  /** 0-based line of the first physical line. */
  line: number;
  text: string;
}

/** Lines longer than this are not read (minified or generated content). */
const MAX_LINE = 8192;
/** At most this many logical lines per source. */
const MAX_LINES = 20000;

/**
 * Splits source text into logical lines: `\`-continued lines are joined, heredoc bodies (`<<EOF` …
 * `EOF`) are dropped (their text is not shell), over-long lines are skipped.
 */
export function logicalLines(lines: readonly string[], firstLine = 0): LogicalLine[] {
  const out: LogicalLine[] = [];
  let i = 0;
  while (i < lines.length && out.length < MAX_LINES) {
    const start = i;
    let text = lines[i]!;
    i++;
    while (/(^|[^\\])(\\\\)*\\$/.test(text) && i < lines.length && text.length < MAX_LINE) {
      text = text.slice(0, -1) + ' ' + lines[i]!.trimStart();
      i++;
    }
    if (text.length > MAX_LINE) continue;
    const heredoc = heredocDelimiter(text);
    if (heredoc) {
      // Skip to the delimiter line (leading tabs allowed for <<-).
      while (i < lines.length && lines[i]!.replace(/^\t+/, '').trimEnd() !== heredoc) i++;
      i++;
    }
    out.push({ line: firstLine + start, text });
  }
  return out;
}

function heredocDelimiter(text: string): string | undefined {
  const m = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(stripComment(text));
  return m ? m[2] : undefined;
}

/** The line without a trailing `# comment` (a `#` starting a word outside quotes). */
function stripComment(text: string): string {
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = undefined;
    } else if (c === "'" || c === '"') q = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return text.slice(0, i);
  }
  return text;
}

const OPS = ['&&', '||', ';;', '>>', '&>', '2>', '|', ';', '&', '<', '>', '(', ')'];

/** Tokens of one logical line. Bounded by the line's length; never throws. */
export function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break;
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op && !(op === '2>' && i > 0 && !/\s/.test(text[i - 1]!))) {
      // `2>&1` and `>&2` are plumbing, not files: skip them whole.
      if ((op === '2>' || op === '>' || op === '&>') && text[i + op.length] === '&') {
        i += op.length + 1;
        while (i < n && /\d|-/.test(text[i]!)) i++;
        continue;
      }
      out.push({ k: 'op', v: op === '&>' || op === '2>' ? '>' : op });
      i += op.length;
      continue;
    }
    if ((c === '{' || c === '}') && (i + 1 >= n || /[\s;]/.test(text[i + 1]!))) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    const start = i;
    const segs: Segment[] = [];
    i = readWord(text, i, segs);
    // Array literal: `name=( a b c )`.
    const last = segs[segs.length - 1];
    if (i < n && text[i] === '(' && last?.t === 'lit' && /^[A-Za-z_]\w*\+?=$/.test(rawOf(segs))) {
      const close = matching(text, i, '(', ')');
      const inner = text.slice(i + 1, close < 0 ? n : close);
      i = close < 0 ? n : close + 1;
      out.push({ k: 'word', w: { segs, raw: text.slice(start, i) } });
      out.push({ k: 'op', v: '(' });
      for (const t of lex(inner)) if (t.k === 'word') out.push(t);
      out.push({ k: 'op', v: ')' });
      continue;
    }
    if (i === start) {
      i++;
      continue;
    }
    out.push({ k: 'word', w: { segs, raw: text.slice(start, i) } });
  }
  return out;
}

function rawOf(segs: Segment[]): string {
  return segs.map((s) => (s.t === 'lit' ? s.v : '')).join('');
}

function pushLit(segs: Segment[], v: string, quoted: boolean): void {
  const last = segs[segs.length - 1];
  if (last && last.t === 'lit' && last.quoted === quoted) last.v += v;
  else segs.push({ t: 'lit', v, quoted });
}

/** Reads one word from `i`; returns the index after it. */
function readWord(text: string, i: number, segs: Segment[]): number {
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (/\s/.test(c) || c === ';' || c === '|' || c === '&' || c === '<' || c === '>' || c === ')') break;
    if (c === '(') {
      // `name=(` starts an array literal (read by the caller); elsewhere a bare `(` is literal text.
      if (segs.length === 0 || /=$/.test(rawOf(segs)) || text[i + 1] === ')') break;
      pushLit(segs, c, false);
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      pushLit(segs, text.slice(i + 1, end < 0 ? n : end), true);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '"') {
      i = readDouble(text, i + 1, segs);
      continue;
    }
    if (c === '\\') {
      pushLit(segs, text[i + 1] ?? '', true);
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      i = readDollar(text, i, segs);
      continue;
    }
    pushLit(segs, c, false);
    i++;
  }
  return i;
}

function readDouble(text: string, i: number, segs: Segment[]): number {
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\' && i + 1 < n && '$`"\\'.includes(text[i + 1]!)) {
      pushLit(segs, text[i + 1]!, true);
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      i = readDollar(text, i, segs);
      continue;
    }
    pushLit(segs, c, true);
    i++;
  }
  return n;
}

/** `$name`, `${name…}`, `$(…)`, `` `…` ``, `$1`, `$@`; a lone `$` is literal. */
function readDollar(text: string, i: number, segs: Segment[]): number {
  const n = text.length;
  if (text[i] === '`') {
    const end = text.indexOf('`', i + 1);
    segs.push({ t: 'cmd', src: text.slice(i + 1, end < 0 ? n : end) });
    return end < 0 ? n : end + 1;
  }
  const next = text[i + 1];
  if (next === '(') {
    if (text[i + 2] === '(') {
      // Arithmetic $(( … )): opaque.
      const close = text.indexOf('))', i + 3);
      segs.push({ t: 'cmd', src: text.slice(i, close < 0 ? n : close + 2) });
      return close < 0 ? n : close + 2;
    }
    const close = matching(text, i + 1, '(', ')');
    segs.push({ t: 'cmd', src: text.slice(i + 2, close < 0 ? n : close) });
    return close < 0 ? n : close + 1;
  }
  if (next === '{') {
    const close = matching(text, i + 1, '{', '}');
    const inner = text.slice(i + 2, close < 0 ? n : close);
    segs.push(braced(inner));
    return close < 0 ? n : close + 1;
  }
  const m = /^([A-Za-z_]\w*|[0-9@*#?$!-])/.exec(text.slice(i + 1, i + 80));
  if (!m) {
    pushLit(segs, '$', false);
    return i + 1;
  }
  segs.push({ t: 'var', name: m[1]!, ...(m[1] === '@' || m[1] === '*' ? { all: true } : {}) });
  return i + 1 + m[1]!.length;
}

/** `${name}`, `${name[@]}`, `${name:-fallback}`, `${#name}` and friends. */
function braced(inner: string): Segment {
  const m = /^([A-Za-z_]\w*|[0-9@*#?])(\[(@|\*|\d+)\])?(?::?[-=](.*))?$/.exec(inner);
  if (!m) return { t: 'var', name: inner.replace(/[^\w].*$/, '') || '?' };
  const all = m[3] === '@' || m[3] === '*' || m[1] === '@' || m[1] === '*';
  return { t: 'var', name: m[1]!, ...(all ? { all: true } : {}), ...(m[4] !== undefined ? { fallback: m[4] } : {}) };
}

/** Index of the bracket closing the one at `i` (nesting and quotes respected), or -1. */
function matching(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  let q: string | undefined;
  for (let j = i; j < text.length; j++) {
    const c = text[j]!;
    if (q) {
      if (c === '\\') j++;
      else if (c === q) q = undefined;
      continue;
    }
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === "'" || c === '"') {
      q = c;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}
