import type { JsonSchema } from '../../../../schemas/src/types';
import { branches, childSchema, enumOf, propertiesOf, requiredOf, typesOf } from '../schema/schemaNav';
import type { Path } from './locate';
import { deprecation, isArraySchema, isObjectSchema } from './schemaDocs';
import { choice, escapeSnippet, yamlScalar } from './snippetText';

/** Values the project knows for a place in the resource (absolute path), best first. */
export interface SnippetHints {
  values?(path: Path): string[] | undefined;
  /** Label pairs for a map of labels. */
  pairs?(path: Path): { key: string; value: string }[] | undefined;
}

const MAX_CHOICES = 8;

/**
 * `key: ` plus a skeleton of the value: required children of objects, a first item of arrays, choices for
 * enums, and for every leaf a default that is valid for the field (a value the project uses, the
 * schema's default or example, a label pair of the project): an accepted completion never leaves an
 * empty value, which would be an error at once.
 */
export function keySnippet(
  key: string,
  schema: JsonSchema | undefined,
  root: JsonSchema,
  basePad = '',
  hints: SnippetHints = {},
  path: Path = [key],
): string {
  let stop = 0;
  const next = () => ++stop;
  const stopOf = (values: string[]) =>
    values.length > 1 ? choice(next(), values.slice(0, MAX_CHOICES)) : `\${${next()}:${escapeSnippet(values[0]!)}}`;
  const body = (s: JsonSchema | undefined, pad: string, depth: number, at: Path): string => {
    const known = hints.values?.(at)?.map(yamlScalar);
    const e = enumOf(s, root);
    if (e?.length) {
      const dflt = branches(s, root)
        .map((b) => b['default'])
        .find((d) => d !== undefined);
      const list = e.map(String);
      return ` ${choice(next(), dflt !== undefined && list.includes(String(dflt)) ? [String(dflt), ...list.filter((v) => v !== String(dflt))] : list)}`;
    }
    if (!s) return known?.length ? ` ${stopOf(known)}` : ` $${next()}`;
    const types = typesOf(s, root);
    if (types.includes('boolean'))
      return ` ${choice(next(), branches(s, root).some((b) => b['default'] === false) ? ['false', 'true'] : ['true', 'false'])}`;
    if (isArraySchema(s, root)) {
      const items = childSchema(s, root, 0);
      const itemPath = [...at, 0];
      if (isObjectSchema(items, root) && propertiesOf(items, root).size > 0) {
        const req = requiredOf(items, root);
        const keys = req.length ? req : [firstProperty(items, root)].filter((k): k is string => !!k);
        if (!keys.length || depth >= 3) return ' []';
        const lines = keys.map(
          (r, i) =>
            `${i === 0 ? '- ' : '  '}${escapeSnippet(r)}:${body(childSchema(items, root, r), `${pad}    `, depth + 1, [...itemPath, r])}`,
        );
        return `\n${lines.map((l) => `${pad}  ${l}`).join('\n')}`;
      }
      return `\n${pad}  -${body(items, `${pad}  `, depth + 1, itemPath)}`;
    }
    if (isObjectSchema(s, root)) {
      const req = requiredOf(s, root);
      if (req.length && depth < 3)
        return `\n${req.map((r) => `${pad}  ${escapeSnippet(r)}:${body(childSchema(s, root, r), `${pad}  `, depth + 1, [...at, r])}`).join('\n')}`;
      if (propertiesOf(s, root).size === 0) {
        // A map (labels, annotations): a pair the project uses, else a placeholder pair.
        const pairs = hints.pairs?.(at)?.map((x) => `${yamlScalar(x.key)}: ${yamlScalar(x.value)}`);
        if (pairs?.length) return `\n${pad}  ${stopOf([...new Set(pairs)])}`;
        return `\n${pad}  \${${next()}:name}:${body(childSchema(s, root, 'name'), `${pad}  `, depth + 1, [...at, 'name'])}`;
      }
      const first = firstProperty(s, root);
      if (first && depth < 3)
        return `\n${pad}  ${escapeSnippet(first)}:${body(childSchema(s, root, first), `${pad}  `, depth + 1, [...at, first])}`;
      return ` \${${next()}:{\\}}`;
    }
    if (types.includes('integer') || types.includes('number')) return ` \${${next()}:${numberSample(s, root, at)}}`;
    return ` ${stopOf(stringSamples(s, root, at, known))}`;
  };
  return `${escapeSnippet(key)}:${body(schema, basePad, 0, path)}`;
}

/** The first field of an object a user would write: not deprecated. */
function firstProperty(s: JsonSchema | undefined, root: JsonSchema): string | undefined {
  for (const [k, v] of propertiesOf(s, root)) if (deprecation(v, root) === undefined) return k;
  return undefined;
}

function keyword<T>(s: JsonSchema, root: JsonSchema, k: string, is: (v: unknown) => v is T): T | undefined {
  for (const b of branches(s, root)) if (is(b[k])) return b[k] as T;
  return undefined;
}
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function numberSample(s: JsonSchema, root: JsonSchema, at: Path): string {
  const dflt = keyword(s, root, 'default', isNum);
  if (dflt !== undefined) return String(dflt);
  const exclusive = keyword(s, root, 'exclusiveMinimum', isNum);
  const min = keyword(s, root, 'minimum', isNum) ?? (exclusive !== undefined ? exclusive + 1 : undefined);
  const max = keyword(s, root, 'maximum', isNum);
  // A port gets a common, unreserved port; anything else the smallest valid value.
  let v = /port$/i.test(String(at[at.length - 1])) ? 8080 : (min ?? 1);
  if (min !== undefined && v < min) v = min;
  if (max !== undefined && v > max) v = max;
  return String(v);
}

/** String defaults that satisfy the field's pattern and length, best first: the project's, the schema's, examples. */
function stringSamples(s: JsonSchema, root: JsonSchema, at: Path, known: string[] | undefined): string[] {
  const pattern = keyword(s, root, 'pattern', isStr);
  let re: RegExp | undefined;
  try {
    re = pattern ? new RegExp(pattern, 'u') : undefined;
  } catch {
    re = undefined;
  }
  const minLength = keyword(s, root, 'minLength', isNum) ?? 0;
  const ok = (v: string) => v.length >= minLength && (!re || re.test(v));
  const out: string[] = [];
  const add = (v: string | undefined) => {
    if (v !== undefined && ok(v) && !out.includes(yamlScalar(v))) out.push(yamlScalar(v));
  };
  for (const v of known ?? []) if (ok(v.startsWith('"') ? (JSON.parse(v) as string) : v)) out.push(v);
  add(keyword(s, root, 'default', isStr));
  for (const b of branches(s, root))
    if (Array.isArray(b['examples'])) for (const x of b['examples'] as unknown[]) if (isStr(x)) add(x);
  // Pattern messages carry examples: "Use `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`."
  const message = keyword(s, root, 'patternErrorMessage', isStr);
  for (const m of message?.matchAll(/`([^`]+)`|such as ([^\s,]+)/g) ?? []) add(m[1] ?? m[2]);
  if (out.length) return out;
  if (ok('')) return ['""'];
  const name = String(at[at.length - 1] ?? 'value');
  return [ok(name) ? name : 'value'];
}
