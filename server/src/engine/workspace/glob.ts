import { BUDGETS } from '../budgets';
import { msg, type Message } from '../l10n/message';

// Globs of tsb.config.yaml (`files`, `ignore`), matched in time proportional to the pattern's length
// times the path's. picomatch compiles globs to backtracking regular expressions: a few `*` in one
// segment, a few `**`, or nested extglobs take seconds to hours on one long path (a nested extglob of
// 17 characters: 24 s), and a hang there stops the CLI and the language server. This matcher follows
// picomatch's semantics with `dot: true` (checked against picomatch by a test) for `*`, `?`, `**`,
// `[...]`, `{a,b}`, `{1..3}`, `\` escapes and a leading `!`; extglobs and regex groups are refused with
// a message instead.

export type GlobResult = { match: (relativePath: string) => boolean } | { error: Message };

/** Comparisons made by the matcher since the last call: the work bound a test checks. */
let steps = 0;
export function takeGlobSteps(): number {
  const s = steps;
  steps = 0;
  return s;
}

/** Brace alternatives one glob may expand to. */
const MAX_ALTERNATIVES = 256;

type Tok =
  | { t: 'lit'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; negated: boolean; chars: string; ranges: [number, number][] };
const GLOBSTAR = 'globstar' as const;
/** Marks where a brace alternative was inserted; no path holds it (file names cannot contain NUL). */
const MARK = '\u0000';
type Seg = Tok[] | typeof GLOBSTAR;

export function compileGlob(input: string): GlobResult {
  if (input.length > BUDGETS.globLength)
    return {
      error: msg('This glob is {length} characters long, above the limit of {limit}.', {
        length: input.length,
        limit: BUDGETS.globLength,
      }),
    };
  let pattern = input;
  let negated = false;
  while (pattern.startsWith('!') && !pattern.startsWith('!(')) {
    negated = !negated;
    pattern = pattern.slice(1);
  }
  const refused = unsupported(pattern);
  if (refused) return { error: refused };
  const alternatives = expandBraces(pattern);
  if (alternatives === undefined)
    return {
      error: msg('This glob expands to more than {count} alternatives ({…} lists); split it into several globs.', {
        count: MAX_ALTERNATIVES,
      }),
    };
  const compiled: Seg[][] = [];
  for (const alt of alternatives) {
    const segs = parseSegments(alt.replace(/^(\.\/)+/, ''));
    if (!Array.isArray(segs)) return { error: segs };
    compiled.push(segs);
  }
  return {
    match: (path: string) => {
      const parts = path.split('/');
      const hit = compiled.some((segs) => matchSegments(segs, parts));
      return negated ? !hit : hit;
    },
  };
}

/** Why a glob is refused (extglobs, regex groups), or undefined. */
function unsupported(p: string): Message | undefined {
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(' && i > 0 && '*?+@!'.includes(p[i - 1]!)) {
      return msg(
        'Extended globs such as {mark}(…) are not supported in tsb.config.yaml (they can take exponential time to match); use *, ?, **, [...] and {a,b}.',
        { mark: p[i - 1]! },
      );
    }
    if (c === '(' || c === ')' || c === '|') {
      return msg(
        '`{char}` is not supported in tsb.config.yaml globs (picomatch would read it as a regular expression group); use {a,b} for alternatives, or escape it as \\{char}.',
        { char: c },
      );
    }
    if (c === '[' && p[i + 1] === '[' && p[i + 2] === ':')
      return msg(
        'POSIX classes such as [[:alpha:]] are not supported in tsb.config.yaml globs; use ranges such as [a-zA-Z].',
      );
  }
  return undefined;
}

/** `{a,b}` and `{1..3}` expanded (innermost first), or undefined past MAX_ALTERNATIVES. */
function expandBraces(pattern: string): string[] | undefined {
  let out = [pattern];
  for (;;) {
    const next: string[] = [];
    let changed = false;
    for (const p of out) {
      const b = innermostBrace(p);
      if (!b) {
        next.push(p);
        continue;
      }
      changed = true;
      const body = p.slice(b.open + 1, b.close);
      const parts = b.range ? rangeItems(body) : splitTopCommas(body);
      if (!parts) {
        // Not an alternation (no comma, or a range that cannot be expanded): the braces are literal.
        next.push(p.slice(0, b.open) + '\\{' + body + '\\}' + p.slice(b.close + 1));
        continue;
      }
      // A mark around each alternative keeps `*{,x}*` from turning into a `**` segment (picomatch does not).
      for (const part of parts) next.push(p.slice(0, b.open) + MARK + part + MARK + p.slice(b.close + 1));
      if (next.length > MAX_ALTERNATIVES) return undefined;
    }
    out = next;
    if (!changed) return out;
  }
}

/** The first `{…}` holding no other unescaped brace, and whether it is a `..` range. */
function innermostBrace(p: string): { open: number; close: number; range: boolean } | undefined {
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Braces inside a character class are characters.
      const end = classEnd(p, i);
      if (end !== -1) {
        i = end;
        continue;
      }
    }
    if (c === '{') open = i;
    else if (c === '}' && open !== -1) {
      const body = p.slice(open + 1, i);
      return { open, close: i, range: /^(-?\d+\.\.-?\d+|[A-Za-z]\.\.[A-Za-z])$/.test(body) };
    }
  }
  return undefined;
}

function splitTopCommas(body: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === ',') {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (!parts.length) return undefined;
  parts.push(body.slice(start));
  return parts;
}

function rangeItems(body: string): string[] | undefined {
  const [a, b] = body.split('..') as [string, string];
  if (/^[A-Za-z]$/.test(a)) {
    const lo = Math.min(a.charCodeAt(0), b.charCodeAt(0));
    const hi = Math.max(a.charCodeAt(0), b.charCodeAt(0));
    return Array.from({ length: hi - lo + 1 }, (_, i) => escapeLiteral(String.fromCharCode(lo + i)));
  }
  const lo = Math.min(Number(a), Number(b));
  const hi = Math.max(Number(a), Number(b));
  if (hi - lo + 1 > MAX_ALTERNATIVES) return undefined;
  return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i));
}

function escapeLiteral(c: string): string {
  return /[\\*?[\]{}!]/.test(c) ? `\\${c}` : c;
}

/** End of the character class opening at `i` (index of its `]`), or -1 when it never closes. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === ']') return j;
  }
  return -1;
}

function parseSegments(alt: string): Seg[] | Message {
  const segs: Seg[] = [];
  // Split at unescaped slashes outside classes.
  let cur = '';
  const raw: string[] = [];
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i]!;
    if (c === '\\') {
      cur += alt.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = classEnd(alt, i);
      if (end !== -1 && !alt.slice(i, end).includes('/')) {
        cur += alt.slice(i, end + 1);
        i = end;
      } else cur += c;
    } else if (c === '/') {
      raw.push(cur);
      cur = '';
    } else cur += c;
  }
  raw.push(cur);
  for (const r of raw) {
    if (r === '**') {
      if (segs[segs.length - 1] !== GLOBSTAR) segs.push(GLOBSTAR);
      continue;
    }
    // picomatch reads `**` beside other characters sometimes as `*`, sometimes (`**.yaml`) as folders:
    // refused, so that what a glob matches is never a guess.
    if (/(^|[^\\])\*\*/.test(r.replace(/\\./g, '__')))
      return msg(
        '`**` matches folders only as a whole path segment (`apps/**/*.yaml`); here it stands beside other characters in `{segment}`.',
        { segment: r.replace(/\u0000/g, '') },
      );
    segs.push(tokens(r));
  }
  // picomatch: `apps/**` also matches `apps`, but after a segment ending in `*` (`*/**`) something
  // must follow below the folder.
  const before = raw[raw.length - 2];
  if (raw[raw.length - 1] === '**' && before !== undefined && before !== '**' && /(^|[^\\])\*$/.test(before)) {
    segs.splice(segs.length - 1, 0, [{ t: 'star' }]);
  }
  return segs;
}

function tokens(seg: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === MARK) continue;
    if (c === '\\') {
      out.push({ t: 'lit', c: seg[i + 1] ?? '\\' });
      i++;
    } else if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'any' });
    else if (c === '[') {
      const end = classEnd(seg, i);
      if (end === -1) {
        out.push({ t: 'lit', c });
        continue;
      }
      out.push(charClass(seg.slice(i + 1, end)));
      i = end;
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function charClass(body: string): Tok {
  let i = 0;
  let negated = false;
  if (body[0] === '!' || body[0] === '^') {
    negated = true;
    i = 1;
  }
  let chars = '';
  const ranges: [number, number][] = [];
  for (; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\' && i + 1 < body.length) c = body[++i]!;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let d = body[i + 2]!;
      let skip = 2;
      if (d === '\\' && i + 3 < body.length) {
        d = body[i + 3]!;
        skip = 3;
      }
      ranges.push([c.charCodeAt(0), d.charCodeAt(0)]);
      i += skip;
    } else chars += c;
  }
  return { t: 'class', negated, chars, ranges };
}

function tokMatches(tok: Tok, c: string): boolean {
  if (c === '/') return false;
  if (tok.t === 'lit') return tok.c === c;
  if (tok.t === 'any') return true;
  if (tok.t !== 'class') return false;
  const code = c.charCodeAt(0);
  const inside = tok.chars.includes(c) || tok.ranges.some(([lo, hi]) => code >= lo && code <= hi);
  return inside !== tok.negated;
}

/**
 * One segment against one pattern segment: the classic greedy wildcard match that returns to the last
 * `*` on a mismatch, O(pattern × name) at worst, never exponential.
 */
function matchSegment(toks: Tok[], s: string): boolean {
  let t = 0;
  let i = 0;
  let starT = -1;
  let starI = 0;
  while (i < s.length) {
    steps++;
    const tok = toks[t];
    if (tok && tok.t === 'star') {
      starT = t++;
      starI = i;
    } else if (tok && tokMatches(tok, s[i]!)) {
      t++;
      i++;
    } else if (starT !== -1) {
      t = starT + 1;
      i = ++starI;
    } else return false;
  }
  while (toks[t]?.t === 'star') t++;
  // A segment made only of `*` does not match an empty name (picomatch: `(?=.)`).
  return t === toks.length && !(s === '' && toks.length > 0);
}

/** The same greedy algorithm one level up: `**` is a star over whole segments. */
function matchSegments(segs: Seg[], parts: string[]): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < parts.length) {
    steps++;
    const seg = segs[p];
    if (seg === GLOBSTAR) {
      starP = p++;
      starS = s;
    } else if (seg && matchSegment(seg, parts[s]!)) {
      p++;
      s++;
    } else if (starP !== -1) {
      p = starP + 1;
      s = ++starS;
    } else return false;
  }
  while (segs[p] === GLOBSTAR) p++;
  return p === segs.length;
}

/**
 * For globs handed to picomatch elsewhere (paths in deploy scripts): few enough wildcards that its
 * backtracking stays small on any path (at most two `*` per segment, two `**` segments, no groups).
 */
export function isSimpleGlob(pattern: string): boolean {
  if (pattern.length > BUDGETS.globLength || /[()|]/.test(pattern)) return false;
  const segments = pattern.split('/');
  if (segments.filter((s) => s === '**').length > 2) return false;
  return segments.every((s) => s === '**' || (s.match(/\*+/g)?.length ?? 0) <= 2);
}
