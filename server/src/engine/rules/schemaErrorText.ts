// The words schema-error messages use: values and types as text, a field's label, a schema's own message,
// a short description, and the YAML skeleton the add-field fix inserts.
import type { JsonSchema } from '../../../../schemas/src/types';
import { msg, ors, schemaText, type Arg, type Message } from '../l10n/message';
import { childSchema, propertiesOf } from '../schema/schemaNav';

/** A value as a message shows it: text quoted as written, other values in words. */
export function valueText(v: unknown): Arg {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null) return msg('empty (null)');
  if (Array.isArray(v)) return msg('a list');
  if (typeof v === 'object') return msg('a mapping');
  return String(v);
}

const TYPE_WORDS: Record<string, Message> = {
  boolean: msg('a boolean (true or false)'),
  string: msg('a string'),
  integer: msg('a whole number'),
  number: msg('a number'),
  object: msg('a mapping of fields'),
  array: msg('a list'),
  null: msg('empty'),
};

export function typeWord(t: unknown): Arg {
  if (Array.isArray(t)) return ors(t.map(typeWord));
  return TYPE_WORDS[String(t)] ?? String(t);
}

export function fieldLabel(segments: string[], kind: string): string {
  const named = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  return named ? `\`${named}\`` : kind;
}

/** A schema's own message for a failure: the template and values it carries, else its text. */
export function schemaMessage(
  schema: JsonSchema,
  keyword: 'errorMessage' | 'patternErrorMessage',
): Message | undefined {
  const text = schema[keyword];
  if (typeof text !== 'string') return undefined;
  return schemaText(text, keyword === 'errorMessage' ? schema['x-tsb-message'] : undefined);
}

/**
 * `names: [bookinfo]` in a namespaceSelector means every cluster's bookinfo: `*\/bookinfo` (the fix quotes
 * it: a plain scalar cannot start with `*`, YAML's alias mark).
 */
export function namespaceMeant(segments: string[], value: unknown): string | undefined {
  const n = segments.length;
  if (n < 3 || segments[n - 3] !== 'namespaceSelector' || segments[n - 2] !== 'names' || typeof value !== 'string')
    return undefined;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\*?$/.test(value)) return undefined;
  return `*/${value}`;
}

export function shorten(desc: string): string {
  // First sentence: a period followed by a capital letter, not the one in "e.g." or "i.e.".
  const first = desc.split(/(?<!\b(?:e\.g|i\.e|etc|vs))\.\s+(?=[A-Z`])/)[0]!.replace(/\.$/, '');
  return first.length > 140 ? first.slice(0, 137) + '…' : first.charAt(0).toLowerCase() + first.slice(1);
}

/** A YAML skeleton for a missing field: its required children with placeholders, for the add-field fix. */
export function skeleton(field: string, propSchema: JsonSchema | undefined, root: JsonSchema, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (!propSchema || depth > 4) return `${pad}${field}: `;
  const t = propSchema['type'];
  const req = Array.isArray(propSchema['required']) ? (propSchema['required'] as string[]) : [];
  if (t === 'object' && req.length) {
    const props = propertiesOf(propSchema, root);
    return [
      `${pad}${field}:`,
      ...req.map((r) => skeleton(r, childSchema(propSchema, root, r) ?? props.get(r), root, depth + 1)),
    ].join('\n');
  }
  if (t === 'object') return `${pad}${field}: {}`;
  if (t === 'array') {
    const items = childSchema(propSchema, root, 0);
    const itemReq = items && Array.isArray(items['required']) ? (items['required'] as string[]) : [];
    if (itemReq.length) {
      const body = itemReq.map((r) => skeleton(r, childSchema(items, root, r), root, depth + 2)).join('\n');
      return `${pad}${field}:\n${pad}  - ${body.trimStart()}`;
    }
    return `${pad}${field}: []`;
  }
  if (t === 'boolean') return `${pad}${field}: false`;
  return `${pad}${field}: ""`;
}
