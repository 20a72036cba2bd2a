import type { JsonSchema } from '../../../../schemas/src/types';

// Navigation over our JSON Schemas: shared by validation (unknown fields, deprecation), completion and hover.
// Schemas only use local $refs, allOf/oneOf/anyOf for constraints, properties/items/additionalProperties.

type S = JsonSchema;

function asSchema(v: unknown): S | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as S) : undefined;
}

function deref(schema: S, root: S, depth = 0): S {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || depth > 20) return schema;
  if (!ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const seg of ref.slice(2).split('/')) {
    target = (target as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const t = asSchema(target);
  return t ? deref(t, root, depth + 1) : schema;
}

/** The schema itself plus every allOf/anyOf/oneOf branch, refs resolved. */
export function branches(schema: S | undefined, root: S): S[] {
  if (!schema) return [];
  const out: S[] = [];
  const visit = (s: S, depth: number) => {
    const r = deref(s, root);
    out.push(r);
    if (depth > 6) return;
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = r[k];
      if (Array.isArray(list))
        for (const b of list) {
          const bs = asSchema(b);
          if (bs) visit(bs, depth + 1);
        }
    }
  };
  visit(schema, 0);
  return out;
}

/** Union of declared properties over all branches. */
export function propertiesOf(schema: S | undefined, root: S): Map<string, S> {
  const props = new Map<string, S>();
  for (const b of branches(schema, root)) {
    const p = asSchema(b['properties']);
    if (!p) continue;
    for (const [k, v] of Object.entries(p)) {
      const vs = asSchema(v);
      if (vs && !props.has(k)) props.set(k, vs);
    }
  }
  return props;
}

/** True when the schema describes an object whose keys are all declared (additionalProperties: false). */
export function isClosedObject(schema: S | undefined, root: S): boolean {
  const bs = branches(schema, root);
  const objecty = bs.filter(
    (b) => b['properties'] !== undefined || b['additionalProperties'] !== undefined || b['type'] === 'object',
  );
  if (objecty.length === 0) return false;
  if (bs.some((b) => b['patternProperties'] !== undefined)) return false;
  // Any branch that allows extra keys (schema or true) makes the object open.
  return (
    objecty.some((b) => b['additionalProperties'] === false) &&
    !objecty.some((b) => b['additionalProperties'] !== undefined && b['additionalProperties'] !== false)
  );
}

/** The schema of a child: a key of an object or an index of an array. */
export function childSchema(schema: S | undefined, root: S, segment: string | number): S | undefined {
  for (const b of branches(schema, root)) {
    if (typeof segment === 'number') {
      const items = asSchema(b['items']);
      if (items) return deref(items, root);
      continue;
    }
    const p = asSchema(asSchema(b['properties'])?.[segment]);
    if (p) return deref(p, root);
  }
  if (typeof segment === 'string') {
    for (const b of branches(schema, root)) {
      const pp = asSchema(b['patternProperties']);
      if (pp) {
        for (const [re, s] of Object.entries(pp)) {
          try {
            if (new RegExp(re, 'u').test(segment)) return asSchema(s);
          } catch {
            /* a bad pattern in a schema is caught by the schema tests */
          }
        }
      }
      const ap = asSchema(b['additionalProperties']);
      if (ap) return deref(ap, root);
    }
  }
  return undefined;
}

export function schemaAtPath(root: S, path: readonly (string | number)[]): S | undefined {
  let s: S | undefined = root;
  for (const seg of path) {
    s = childSchema(s, root, seg);
    if (!s) return undefined;
  }
  return s;
}

/** First non-empty value of a string keyword over the branches (description, deprecationMessage...). */
export function keywordOf(schema: S | undefined, root: S, keyword: string): string | undefined {
  for (const b of branches(schema, root)) {
    const v = b[keyword];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

export function isDeprecated(schema: S | undefined, root: S): boolean {
  return branches(schema, root).some((b) => b['deprecated'] === true);
}

export function enumOf(schema: S | undefined, root: S): unknown[] | undefined {
  for (const b of branches(schema, root)) {
    if (Array.isArray(b['enum'])) return b['enum'] as unknown[];
    if (b['const'] !== undefined) return [b['const']];
  }
  return undefined;
}

export function typesOf(schema: S | undefined, root: S): string[] {
  const out = new Set<string>();
  for (const b of branches(schema, root)) {
    const t = b['type'];
    if (typeof t === 'string') out.add(t);
    else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.add(x);
  }
  return [...out];
}

export function requiredOf(schema: S | undefined, root: S): string[] {
  // Only the object's own required list: "exactly one of" branches are constraints, not requirements.
  const own = branches(schema, root)[0];
  return Array.isArray(own?.['required']) ? (own['required'] as string[]) : [];
}
