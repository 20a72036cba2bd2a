// The message ids of the server and tsb-lint: the template arguments of every `msg(…)` / `msgN(…)` call in
// server/src (which must be string literals: anything else is reported, so no message escapes the
// bundle), and the texts the schema catalog carries (shown through `schemaText`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../schemas/src/index';
import { VERSION_FACTS } from '../../schemas/src/apiFacts.gen';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The value of a string literal ('…', "…" or `…` without `${`), or undefined for anything else. */
export function literalValue(src: string): string | undefined {
  const s = src.trim();
  const q = s[0];
  if ((q !== "'" && q !== '"' && q !== '`') || s[s.length - 1] !== q || s.length < 2) return undefined;
  const body = s.slice(1, -1);
  if (q === '`' && body.includes('${')) return undefined;
  // One literal, not two joined (`'a' + 'b'` has an unescaped quote inside).
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === q) return undefined;
  }
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** The top-level arguments of the call whose `(` is at `open`, as source text (strings, comments and brackets respected). */
export function callArguments(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // Skip the string (template literals: their `${…}` parts hold no top-level commas).
      let depthInTemplate = 0;
      for (i++; i < src.length; i++) {
        const d = src[i]!;
        if (d === '\\') {
          i++;
          continue;
        }
        if (c === '`' && d === '$' && src[i + 1] === '{') {
          depthInTemplate++;
          i++;
          continue;
        }
        if (c === '`' && d === '}' && depthInTemplate > 0) {
          depthInTemplate--;
          continue;
        }
        if (d === c && depthInTemplate === 0) break;
      }
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i === -1) break;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i) + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i));
        return args.filter((a, n) => n < args.length - 1 || a.trim() !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(src.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

export interface ServerMessageUse {
  key: string;
  file: string;
}

/**
 * Every message id made in `dir` by msg/msgN, and the calls whose templates are not literals. The
 * module that defines them (l10n/message.ts) is skipped.
 */
export function serverMessageIds(dir: string): { uses: ServerMessageUse[]; nonLiteral: string[] } {
  const uses: ServerMessageUse[] = [];
  const nonLiteral: string[] = [];
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file);
    if (rel === path.join('engine', 'l10n', 'message.ts')) continue;
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?<![\w.$])(msgN?)\(/g)) {
      const args = callArguments(src, m.index! + m[1]!.length);
      const templates = m[1] === 'msg' ? args.slice(0, 1) : args.slice(1, 3);
      for (const t of templates) {
        const key = literalValue(t);
        if (key === undefined) nonLiteral.push(`${rel}: ${src.slice(m.index!, m.index! + 60).split('\n')[0]}`);
        else uses.push({ key, file: rel });
      }
      if (!templates.length) nonLiteral.push(`${rel}: ${src.slice(m.index!, m.index! + 60).split('\n')[0]}`);
    }
  }
  return { uses, nonLiteral };
}

/** Texts of the schema catalog shown as messages (their own ids), and the templates it carries. */
export function schemaMessageIds(): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const structured = o['x-tsb-message'] as { key?: unknown } | undefined;
    if (structured && typeof structured.key === 'string') out.add(structured.key);
    else if (typeof o['errorMessage'] === 'string') out.add(o['errorMessage']);
    for (const k of ['patternErrorMessage', 'deprecationMessage'] as const)
      if (typeof o[k] === 'string') out.add(o[k] as string);
    const use = o['x-tsb-use'];
    if (typeof use === 'string' && /^nothing/.test(use)) out.add(use.replace(/^nothing:\s*/, ''));
    for (const [k, v] of Object.entries(o)) if (k !== 'enum' && k !== 'const' && k !== 'x-tsb-message') visit(v);
  };
  for (const e of catalog) {
    if (e.deprecated) out.add(e.deprecated);
    visit(e.schema);
  }
  for (const f of VERSION_FACTS) if (f.use && /^nothing/.test(f.use)) out.add(f.use.replace(/^nothing:\s*/, ''));
  return [...out];
}
