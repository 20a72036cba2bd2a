// Snippet syntax (LSP/VS Code: `${1:default}`, `${1|a,b|}`, `$1`) and YAML scalars, shared by key
// completion and the resource snippets.

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function choice(n: number, values: string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** A YAML scalar for a value: quoted when plain style would change its meaning (a leading `*` is an alias). */
export function yamlScalar(v: string): string {
  return /^[\w./][\w./:=-]*$/.test(v) &&
    !/^(true|false|null|yes|no|on|off|~|-?\d[\d.eE+-]*)$/i.test(v) &&
    !v.includes(': ')
    ? v
    : JSON.stringify(v);
}

/** Numbers tab stops in order of appearance. */
export class TabStops {
  private n = 0;

  /** A tab stop whose default is `value` (written as a YAML scalar), or a choice between `values`. */
  value(values: string | readonly string[]): string {
    const list = (typeof values === 'string' ? [values] : [...values]).map(yamlScalar);
    const n = ++this.n;
    return list.length > 1 ? choice(n, list) : `\${${n}:${escapeSnippet(list[0] ?? '""')}}`;
  }

  /** A tab stop holding a number (written unquoted). */
  num(value: number): string {
    return `\${${++this.n}:${value}}`;
  }

  /** A tab stop whose default is raw snippet text (already escaped). */
  raw(text: string): string {
    return `\${${++this.n}:${text}}`;
  }

  /** The number of the last tab stop made (to mirror it with `$n`). */
  get last(): number {
    return this.n;
  }

  /** A tab stop with no default (only where an empty value is still valid YAML for the field). */
  empty(): string {
    return `$${++this.n}`;
  }
}

/** The text a snippet inserts when every tab stop keeps its default (for previews in documentation). */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let prev: string | undefined;
  let text = body;
  // Nested placeholders resolve from the inside out.
  while (prev !== text) {
    prev = text;
    text = text
      .replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_m, n: string, d: string) => {
        if (!defaults.has(n)) defaults.set(n, d);
        return d;
      })
      .replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_m, n: string, list: string) => {
        const first = list.split(/(?<!\\),/)[0]!;
        if (!defaults.has(n)) defaults.set(n, first);
        return first;
      });
  }
  text = text.replace(
    /(?<!\\)\$\{(\d+)\}|(?<!\\)\$(\d+)/g,
    (_m, a?: string, b?: string) => defaults.get(a ?? b!) ?? '',
  );
  return text.replace(/\\([$}\\,|])/g, '$1');
}
