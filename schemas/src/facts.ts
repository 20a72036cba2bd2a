// Completes the hand-written schemas from the derived API facts (apiFacts.gen.ts): each catalog
// entry's spec is walked beside the proto message it is; a field of the message that the schema
// lacks is added with its type, enum and description from the facts, and fields that only some TSB
// versions have carry `x-tsb-since` / `x-tsb-until` / `x-tsb-use` (read by the engine's field walk).
// The hand-written part keeps what the facts cannot say: patterns, durations, reserved ports,
// hover text. Output-only `fqn`/`etag` (which the generated sources drop) go on every TSB resource
// message, also where one is embedded (WorkspaceSetting.defaultTrafficSetting...).
import { API_MESSAGES, VERSION_FACTS } from './apiFacts.gen';
import type { GenField, VersionFact } from './apiFactsTypes';
import { collectDefs, DURATION_PATTERN, getDef, type S } from './dsl';
import { SPEC_MESSAGES } from './specMessages';
import type { SchemaEntry } from './types';

export const SINCE = 'x-tsb-since';
export const UNTIL = 'x-tsb-until';
export const USE = 'x-tsb-use';

/** Messages that are whole TSB resources: `tctl get -o yaml` prints their fqn and etag, embedded too. */
const RESOURCE_MESSAGES = new Set(Object.values(SPEC_MESSAGES).filter((k) => k.startsWith('tsb/')));

const OUTPUT_ONLY: Record<string, S> = {
  fqn: {
    type: 'string',
    description: 'Output only: fully-qualified name of the resource, printed by `tctl get -o yaml`; ignored on apply.',
  },
  etag: {
    type: 'string',
    description:
      'Output only: entity tag of the stored resource, printed by `tctl get -o yaml`; remove it before re-applying edited output.',
  },
};

const versionsOf = new Map<string, VersionFact>(VERSION_FACTS.map((v) => [`${v.message}.${v.field}`, v]));

function deref(s: S, root: S): S {
  const ref = s['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const name = ref.slice('#/definitions/'.length);
    return (root['definitions'] as Record<string, S> | undefined)?.[name] ?? getDef(name);
  }
  return s;
}

function scalar(f: GenField): S {
  switch (f.t) {
    case 'string':
    case 'timestamp':
      return { type: 'string' };
    case 'enum':
      return f.e?.length ? { type: 'string', enum: f.e } : { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int32':
    case 'uint32':
      return { type: 'integer' };
    // protobuf JSON writes 64-bit integers as strings and reads both.
    case 'int64':
    case 'uint64':
      return { type: ['integer', 'string'] };
    case 'double':
      return { type: 'number' };
    case 'duration':
      return {
        type: 'string',
        pattern: DURATION_PATTERN,
        patternErrorMessage: 'Use a duration such as 30s, 1.5s, 500ms or 1h.',
      };
    case 'struct':
      return { type: 'object' };
    case 'intOrString':
      return { type: ['integer', 'string'] };
    default:
      return {};
  }
}

/** A schema generated from the facts for a field our sources do not describe by hand. */
function generated(f: GenField, chain: readonly string[]): S {
  let item: S;
  if (f.t === 'message' && f.r) item = messageSchema(f.r, chain);
  else item = scalar(f);
  const s: S = f.l ? { type: 'array', items: item } : f.m ? { type: 'object', additionalProperties: item } : item;
  return {
    ...s,
    description:
      f.d ??
      `A field of the TSB API (${f.l ? 'list of ' : f.m ? 'map of ' : ''}${f.t === 'message' ? 'objects' : f.t}).`,
  };
}

function messageSchema(key: string, chain: readonly string[]): S {
  const fields = API_MESSAGES[key];
  // A recursive message, or one the facts do not expand: any object.
  if (!fields || chain.includes(key) || chain.length > 12) return { type: 'object' };
  const properties: Record<string, S> = {};
  const required: string[] = [];
  for (const [name, f] of Object.entries(fields)) {
    properties[name] = withVersions(generated(f, [...chain, key]), key, name);
    if (f.q) required.push(name);
  }
  if (RESOURCE_MESSAGES.has(key)) Object.assign(properties, OUTPUT_ONLY);
  const s: S = { type: 'object', properties, additionalProperties: false };
  if (required.length) s['required'] = required;
  return s;
}

function withVersions(s: S, key: string, name: string): S {
  const v = versionsOf.get(`${key}.${name}`);
  if (!v) return s;
  const out: S = { ...s };
  if (v.since) out[SINCE] = v.since;
  if (v.until) out[UNTIL] = v.until;
  if (v.use) out[USE] = v.use;
  return out;
}

/** Shape of a field only older versions have (no facts): `$overlay` items are K8sObjectOverlays. */
function oldFieldSchema(v: VersionFact): S {
  const raw = JSON.parse(JSON.stringify(v.schema ?? {})) as S;
  const items = raw['items'] as S | undefined;
  if (items?.['$overlay']) raw['items'] = { $ref: '#/definitions/K8sObjectOverlay' };
  return raw;
}

const done = new Set<S>();

/** Completes `node` (a schema for message `key`) in place. */
function complete(node: S, root: S, key: string): void {
  const s = deref(node, root);
  const fields = API_MESSAGES[key];
  const props = s['properties'] as Record<string, S> | undefined;
  if (!fields || !props || s['additionalProperties'] !== false) return;
  if (done.has(s)) return;
  done.add(s);
  for (const [name, f] of Object.entries(fields)) {
    const own = props[name];
    if (!own) {
      props[name] = withVersions(generated(f, [key]), key, name);
      continue;
    }
    if (versionsOf.has(`${key}.${name}`)) props[name] = withVersions(own, key, name);
    if (f.t !== 'message' || !f.r) continue;
    const target = deref(own, root);
    const item = f.l
      ? (target['items'] as S | undefined)
      : f.m
        ? (target['additionalProperties'] as S | undefined)
        : target;
    if (item && typeof item === 'object') complete(item, root, f.r);
  }
  for (const v of VERSION_FACTS) {
    if (v.message !== key || !v.schema) continue;
    props[v.field] = withVersions(props[v.field] ?? oldFieldSchema(v), key, v.field);
  }
  if (RESOURCE_MESSAGES.has(key)) for (const [k, o] of Object.entries(OUTPUT_ONLY)) props[k] ??= o;
}

/** Completes every entry that maps to an API message; returns the entries for chaining. */
export function completeFromFacts(entries: SchemaEntry[]): SchemaEntry[] {
  for (const e of entries) {
    const key = SPEC_MESSAGES[e.id];
    const root = e.schema;
    const spec = (root['properties'] as Record<string, S> | undefined)?.['spec'];
    if (key && spec) complete(spec, root, key);
    else if (e.dialect === 'tsb' && spec && (spec['properties'] as S | undefined)) {
      // TSB kinds without facts still print fqn/etag in `tctl get -o yaml`.
      const props = deref(spec, root)['properties'] as Record<string, S>;
      for (const [k, o] of Object.entries(OUTPUT_ONLY)) props[k] ??= o;
    }
  }
  // Generated fields may refer to definitions an entry did not use before.
  for (const e of entries) {
    const { definitions: _old, ...rest } = e.schema;
    const defs = collectDefs(rest);
    if (Object.keys(defs).length) e.schema['definitions'] = defs;
  }
  return entries;
}
