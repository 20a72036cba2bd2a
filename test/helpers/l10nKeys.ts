// The message ids of the client side: the first argument of every `t('…')` / `vscode.l10n.t('…')` call in
// client/src (single-quoted literals; anything else is reported, so no message escapes the bundles).
import * as fs from 'node:fs';
import * as path from 'node:path';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** A single-quoted TypeScript string literal's value. */
function unquote(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

export interface MessageUse {
  key: string;
  file: string;
}

/** Every message id used in `dir`, and calls whose first argument is not a literal. */
export function messageIds(dir: string): { uses: MessageUse[]; nonLiteral: string[] } {
  const uses: MessageUse[] = [];
  const nonLiteral: string[] = [];
  for (const file of walk(dir)) {
    const src = fs.readFileSync(file, 'utf8');
    const rel = path.relative(dir, file);
    for (const m of src.matchAll(/(?:(?<![\w.$])t|\bl10n\.t)\(\s*('((?:[^'\\\n]|\\.)*)'|[^)\s])/g)) {
      // Definitions of t itself (`function t(message: string`) are not calls.
      if (/function\s+$/.test(src.slice(Math.max(0, m.index! - 9), m.index!))) continue;
      // A pass-through (`(message, ...args) => vscode.l10n.t(message, ...args)`) forwards ids checked at its callers.
      if (m[2] === undefined && /^\s*message\b/.test(src.slice(m.index! + m[0].length - 1))) continue;
      if (m[2] === undefined) {
        nonLiteral.push(`${rel}: ${src.slice(m.index!, m.index! + 40).split('\n')[0]}`);
        continue;
      }
      uses.push({ key: unquote(m[2]), file: rel });
    }
  }
  return { uses, nonLiteral };
}
