// Compares the catalog's schemas with the TSB API facts (data/tsb-api/api.json): every field of the
// facts must be accepted by our schema with its type and enum values; fields of ours the facts do not
// have are listed (the schema test requires a justification for each in data/tsb-api/extras.json).
import type { JsonSchema, SchemaEntry } from '../../schemas/src/types';
import { childSchema, enumOf, isClosedObject, propertiesOf, typesOf } from '../../server/src/engine/schema/schemaNav';
import type { ApiFacts, FieldFact } from './types';
import { SPEC_MESSAGES } from '../../schemas/src/specMessages';

export interface Finding {
  /** `<catalog id>:<path>` of the field. */
  at: string;
  message: string;
}

export interface Comparison {
  /** Fact fields our schema rejects or types differently. */
  missing: Finding[];
  /** Our fields the facts do not have: `<message key>.<field>`. */
  extras: Map<string, string>;
}

/** JSON Schema types a YAML value of this fact type may take. */
function acceptedTypes(f: FieldFact): string[] {
  if (f.list && f.type !== 'value') return ['array'];
  if (f.map) return ['object'];
  switch (f.type) {
    case 'string':
    case 'enum':
    case 'duration':
    case 'timestamp':
      return ['string'];
    case 'bool':
      return ['boolean'];
    case 'int32':
    case 'uint32':
    case 'int64':
    case 'uint64':
      return ['integer'];
    case 'double':
      return ['number'];
    case 'message':
    case 'struct':
      return ['object'];
    case 'intOrString':
      return ['integer', 'string'];
    default:
      return [];
  }
}

function typeOk(want: string[], have: string[]): boolean {
  if (!have.length) return true; // any value
  return want.every((w) => have.includes(w) || (w === 'integer' && have.includes('number')));
}

export function compare(facts: ApiFacts, catalog: readonly SchemaEntry[]): Comparison {
  const missing: Finding[] = [];
  const extras = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (id: string, root: JsonSchema, schema: JsonSchema | undefined, key: string, path: string): void => {
    const msg = facts.messages[key];
    if (!msg || !schema) return;
    const visitKey = `${id}|${key}|${JSON.stringify(Object.keys(propertiesOf(schema, root)))}`;
    if (seen.has(visitKey)) return;
    seen.add(visitKey);
    const props = propertiesOf(schema, root);
    const closed = isClosedObject(schema, root);
    for (const [name, f] of Object.entries(msg.fields)) {
      const at = `${id}:${path}${path ? '.' : ''}${name}`;
      let child = props.get(name) ? childSchema(schema, root, name) : undefined;
      if (!child) {
        if (closed)
          missing.push({
            at,
            message: `missing field (${f.type}${f.list ? '[]' : ''}${f.map ? '{}' : ''}${f.source ? ', pulumi' : ''})`,
          });
        continue;
      }
      const want = acceptedTypes(f);
      const have = typesOf(child, root);
      if (!typeOk(want, have))
        missing.push({ at, message: `type ${have.join('|')} where the API has ${want.join('|')} (${f.type})` });
      let item = child;
      if (f.list) item = childSchema(child, root, 0) ?? {};
      else if (f.map) item = childSchema(child, root, '*') ?? {};
      if (f.list || f.map) {
        const iw = acceptedTypes({ ...f, list: false, map: false });
        const ih = typesOf(item, root);
        if (!typeOk(iw, ih))
          missing.push({ at: `${at}[]`, message: `item type ${ih.join('|')} where the API has ${iw.join('|')}` });
      }
      if (f.type === 'enum' && f.values?.length) {
        const ours = enumOf(item, root);
        const lacking = ours ? f.values.filter((v) => !ours.includes(v)) : [];
        if (lacking.length) missing.push({ at, message: `enum lacks ${lacking.join(', ')}` });
      }
      if (f.type === 'message' && f.ref) visit(id, root, item, f.ref, `${path}${path ? '.' : ''}${name}`);
      child = undefined;
    }
    for (const name of props.keys()) {
      if (!(name in msg.fields)) extras.set(`${key}.${name}`, `${id}:${path}${path ? '.' : ''}${name}`);
    }
  };
  for (const e of catalog) {
    const key = SPEC_MESSAGES[e.id];
    if (!key) continue;
    const root = e.schema as JsonSchema;
    visit(e.id, root, childSchema(root, root, 'spec'), key, 'spec');
  }
  return { missing, extras };
}
