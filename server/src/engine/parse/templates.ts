import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { msg } from '../l10n/message';

// Templates and placeholders. Many real files are filled in before they are applied: Helm/Go templates
// (`{{ .Values.port }}`), Jinja (`{% %}`), shell and envsubst (`$PORT`, `${INIT_WEIGHT}`, `$(jq …)`),
// Terraform (`${var.x}`, `%{ if }`) and sed-style markers (`__VERSION__`). A value holding one is not
// what will be applied, so it is never type-checked; a file is skipped only when it cannot be read as
// YAML at all (Helm control structures at the top level).

/** sed-style `__VERSION__` markers; bounded so that a value of many underscores stays linear. */
const MARKER = /__[A-Z][A-Z0-9_]{0,63}__/;

/**
 * The first placeholder in a string value, or undefined: `{{ … }}`, `{% … %}`, `${…}`, `$(…)`, `$VAR`,
 * `%{ … }` or `__VAR__`. Searches with indexOf so that hostile values (runs of `{` or `$`) stay linear.
 */
export function placeholderIn(value: string): string | undefined {
  for (const [o, c] of [
    ['{{', '}}'],
    ['{%', '%}'],
    ['%{', '}'],
  ] as const) {
    const a = value.indexOf(o);
    if (a === -1) continue;
    const b = value.indexOf(c, a + 2);
    if (b !== -1) return value.slice(a, Math.min(b + c.length, a + 80));
  }
  for (let d = value.indexOf('$'); d !== -1 && d < value.length - 1; d = value.indexOf('$', d + 1)) {
    const n = value.charCodeAt(d + 1);
    // ${…}, $(…), or $ followed by a letter or underscore.
    if (n === 123 || n === 40 || n === 95 || (n >= 65 && n <= 90) || (n >= 97 && n <= 122)) {
      const end = value.slice(d, d + 80).search(n === 123 ? /\}|$/ : n === 40 ? /\)|$/ : /[^A-Za-z0-9_]|$/);
      return value.slice(d, d + Math.max(end + (n === 123 || n === 40 ? 1 : 0), 2));
    }
  }
  return MARKER.exec(value)?.[0];
}

export function isPlaceholder(value: string): boolean {
  return placeholderIn(value) !== undefined;
}

/**
 * Offset of the first template expression — `{{ … }}`, `{% … %}`, Terraform `%{ … }` or `${ … }` — that
 * opens and closes on one line outside a comment line, or -1. Linear in the text: each search for a
 * marker resumes where the previous one stopped, so blank lines and long runs of `{` cost one pass (a
 * regular expression here was quadratic on both).
 */
export function findTemplateMarker(text: string): number {
  const pairs: [string, string][] = [
    ['{{', '}}'],
    ['{%', '%}'],
    ['%{', '}'],
    ['${', '}'],
  ];
  // Next occurrence of each opening and closing marker at or after the position searched last.
  const next = pairs.map(() => ({ open: -2, close: -2 }));
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let j = lineStart;
    while (j < lineEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < lineEnd && text.charCodeAt(j) !== 35 /* # */) {
      for (let k = 0; k < pairs.length; k++) {
        const [o, c] = pairs[k]!;
        const n = next[k]!;
        if (n.open !== -1 && n.open < j) n.open = text.indexOf(o, j);
        if (n.open === -1) continue;
        if (n.open >= lineEnd) continue;
        if (n.close !== -1 && n.close < n.open + 2) n.close = text.indexOf(c, n.open + 2);
        if (n.close !== -1 && n.close < lineEnd) return n.open;
      }
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

export interface TemplatedValue {
  /** JSON pointer of the value in the resource. */
  pointer: string;
  start: number;
  end: number;
  /** The placeholder as written, for messages. */
  sample: string;
}

function escapePointer(seg: string | number): string {
  return String(seg).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Values of the resource that are templates: strings with placeholders, `{{ … }}` read as a flow mapping. */
export function templatedValues(root: YAMLMap, text: string): TemplatedValue[] {
  const out: TemplatedValue[] = [];
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (depth > 200 || !node) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.range) {
        const sample = placeholderIn(node.value);
        if (sample) out.push({ pointer, start: node.range[0], end: node.range[1], sample });
      }
      return;
    }
    if (!isCollection(node)) return;
    const r = (node as Node).range;
    // `port: {{ .Values.port }}` parses as a flow mapping whose key is another flow mapping.
    if (r && text.startsWith('{{', r[0])) {
      const end = text.indexOf('}}', r[0]);
      out.push({
        pointer,
        start: r[0],
        end: end === -1 ? r[1] : end + 2,
        sample: text.slice(r[0], Math.min(end === -1 ? r[1] : end + 2, r[0] + 60)),
      });
      return;
    }
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const pair = item as Pair<Scalar, unknown>;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) visit(pair.value, `${pointer}/${escapePointer(key)}`, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => {
        visit(it, `${pointer}/${i}`, depth + 1);
      });
    }
  };
  visit(root, '', 0);
  return out;
}

/** True when `pointer` is the templated value or lies inside it. */
export function coveredBy(pointer: string, templated: readonly TemplatedValue[]): TemplatedValue | undefined {
  return templated.find((t) => pointer === t.pointer || pointer.startsWith(t.pointer + '/'));
}

export const PLACEHOLDER_NOTICE = msg(
  'Values with placeholders (shell/envsubst `$VAR`, `${VAR}`, `$(…)`, Helm `{{ }}`, Terraform, `__VAR__`) are filled in before apply, so they are not type-checked here; check the rendered output.',
  // Written with braces, so given as a value (a template's `{name}` is always a placeholder).
  { VAR: '{VAR}' },
);
