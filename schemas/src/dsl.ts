// A tiny builder DSL for draft-07 JSON Schemas. Everything returns plain JSON data.
// Shared message types are registered once with `def()` and referenced with `use()`; the writer
// copies every definition a schema needs into that schema's own `definitions` (files stand alone).
import type { JsonSchema } from './types';

export type S = JsonSchema;

const registry = new Map<string, S>();

/** Registers a shared definition; returns its name for `use()`. */
export function def(name: string, schema: S): string {
  if (registry.has(name)) throw new Error(`definition ${name} registered twice`);
  registry.set(name, schema);
  return name;
}

/** The registered definition `name` (throws on unknown names). */
export function getDef(name: string): S {
  const s = registry.get(name);
  if (!s) throw new Error(`unknown definition ${name}`);
  return s;
}

/** A property that refers to a shared definition, with its own hover text. */
export const use = (name: string, description: string): S => {
  getDef(name);
  return { $ref: `#/definitions/${name}`, description };
};

export const str = (description: string, extra: S = {}): S => ({ type: 'string', description, ...extra });
export const bool = (description: string): S => ({ type: 'boolean', description });
export const int = (description: string, extra: S = {}): S => ({ type: 'integer', description, ...extra });
export const num = (description: string): S => ({ type: 'number', description });
export const intOrString = (description: string): S => ({ type: ['integer', 'string'], description });
export const enumOf = (values: string[], description: string, extra: S = {}): S => ({
  type: 'string',
  enum: values,
  description,
  ...extra,
});
export const arr = (items: S, description: string, extra: S = {}): S => ({
  type: 'array',
  items,
  description,
  ...extra,
});
export const strs = (description: string, extra: S = {}): S => arr({ type: 'string' }, description, extra);
/** map<string,string>. */
export const mapOf = (description: string, extra: S = {}): S => ({
  type: 'object',
  additionalProperties: { type: 'string' },
  description,
  ...extra,
});
/** map<string,string> with at least one pair and non-empty keys and values (labels selectors). */
export const labelsMap = (description: string): S => ({
  type: 'object',
  minProperties: 1,
  propertyNames: { type: 'string', minLength: 1 },
  additionalProperties: { type: 'string', minLength: 1 },
  description,
});
/** A free-form object (Kubernetes-shaped types the reference does not expand, protobuf Struct). */
export const free = (description: string): S => ({ type: 'object', description });
/** Any YAML value (protobuf Value). */
export const anyValue = (description: string): S => ({ description });

export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$';
export const duration = (description: string, extra: S = {}): S => ({
  type: 'string',
  pattern: DURATION_PATTERN,
  patternErrorMessage: 'Use a duration such as 30s, 1.5s, 500ms or 1h.',
  description,
  ...extra,
});

export const port = (description: string): S => ({ type: 'integer', minimum: 1, maximum: 65535, description });
/** A gateway server port: 1..65535 and never 15443. */
// The message sits on its own allOf entry: editors using VS Code's JSON service (yaml-language-server)
// show a schema's errorMessage for *any* failure of that schema, so on the port itself it would also
// replace "expected integer" for `port: "8080"`.
export const serverPort = (description: string): S => ({
  type: 'integer',
  minimum: 1,
  maximum: 65535,
  allOf: [
    {
      not: { enum: [15443] },
      errorMessage: 'Port 15443 is reserved by TSB for cross-cluster mTLS (east-west) traffic; pick another port.',
    },
  ],
  description,
});

export const deprecated = (schema: S, message: string): S => ({
  ...schema,
  deprecated: true,
  deprecationMessage: message,
});

function list(fields: string[]): string {
  return fields.length <= 2
    ? fields.join(' and ')
    : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
}

/**
 * The same message as data for the engine (`x-tsb-message`: the English template and its values, in the
 * engine's message shape), so that it can be shown in the user's language. Other editors get errorMessage.
 */
function fieldsMessage(key: string, fields: string[]): S {
  return {
    errorMessage: key.replace('{fields}', list(fields)),
    'x-tsb-message': { key, args: { fields: { list: fields, join: 'andLast' } } },
  };
}

/**
 * Empty property schemas next to `required` inside `not`/`oneOf`: ajv's strictRequired (createAjv uses
 * strict: true) wants every required name declared in the same schema object, and it checks `allOf`
 * before the parent's `properties`. The real property schemas stay on the parent object.
 */
function presence(fields: string[]): S {
  return Object.fromEntries(fields.map((f) => [f, {}]));
}

/**
 * Proto oneof: at most one of `fields` (one `not required` entry per pair). `type: object` inside
 * `not` keeps non-object values (a plain-string hostname, a wrong type) from failing the check.
 */
export function atMostOne(fields: string[]): S[] {
  const out: S[] = [];
  for (let i = 0; i < fields.length; i++) {
    for (let j = i + 1; j < fields.length; j++) {
      const pair = [fields[i], fields[j]];
      out.push({
        not: { type: 'object', properties: presence(pair), required: pair },
        ...fieldsMessage('Set only one of {fields} (they are alternatives).', fields),
      });
    }
  }
  return out;
}

/** Exactly one of `fields` must be set. */
export function exactlyOne(fields: string[]): S[] {
  return [
    {
      oneOf: fields.map((f) => ({ properties: presence([f]), required: [f] })),
      ...fieldsMessage('Set exactly one of {fields}.', fields),
    },
  ];
}

export interface ObjOptions {
  required?: string[];
  /** Proto oneof groups (at most one set). */
  oneofs?: string[][];
  /** Groups of which exactly one must be set. */
  exactlyOne?: string[][];
  /** Extra keywords (minProperties, defaultSnippets...). */
  extra?: S;
}

/** An object whose fields the reference lists: additionalProperties false. */
export function obj(description: string, properties: Record<string, S>, opts: ObjOptions = {}): S {
  const s: S = { type: 'object', description, properties, additionalProperties: false };
  if (opts.required?.length) s.required = opts.required;
  const allOf: S[] = [];
  for (const g of opts.exactlyOne ?? []) allOf.push(...exactlyOne(g));
  for (const g of opts.oneofs ?? []) allOf.push(...atMostOne(g));
  if (allOf.length) s.allOf = allOf;
  return { ...s, ...opts.extra };
}

/** Every definition name referenced (transitively) from `schema`, sorted. */
export function collectDefs(schema: S): Record<string, S> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
          const name = v.slice('#/definitions/'.length);
          if (!found.has(name)) {
            found.add(name);
            visit(getDef(name));
          }
        } else if (k !== 'defaultSnippets') {
          visit(v);
        }
      }
    }
  };
  visit(schema);
  const out: Record<string, S> = {};
  for (const name of [...found].sort()) out[name] = getDef(name);
  return out;
}
