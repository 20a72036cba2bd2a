// Renders the committed files: schemas/<id>.schema.json for every entry, schemas/tsb.schema.json (one
// dispatcher for every kind) and schemas/catalog.json.
//
// The files are for other editors (yaml-language-server). It reports every `deprecationMessage` like a
// schema violation, so there deprecation text moves into the description (shown on hover) and only
// the `deprecated` annotation stays; the engine reads the catalog in memory, where it keeps them.
import { catalog } from './index';
import { SCHEMA_BASE_URL } from './envelope';
import type { JsonSchema } from './types';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Placeholders filled in before apply (envsubst `$VAR`/`${VAR}`, `$(…)`, Helm `{{ }}` inside quotes,
 * Terraform `%{…}`, sed `__VAR__`). The engine recognises them itself; other editors only have the
 * schema, so there a typed field also accepts a string holding one.
 */
const PLACEHOLDER = '\\$\\{[^}]*\\}|\\$\\([^)]*\\)|\\$[A-Za-z_]|\\{\\{.*\\}\\}|%\\{|__[A-Z][A-Z0-9_]*__';

/** A deep copy for other editors: deprecation messages folded into descriptions, our x-tsb-* marks dropped. */
export function forOtherEditors(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forOtherEditors);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const src = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(src)) {
    if (k === 'deprecationMessage' || k.startsWith('x-tsb-')) continue;
    // Values of these keywords are data (property names, enum values, snippets), not schemas.
    out[k] = k === 'enum' || k === 'const' || k === 'defaultSnippets' || k === 'required' ? v : forOtherEditors(v);
  }
  placeholders(out);
  const note = typeof src['deprecationMessage'] === 'string' ? `Deprecated: ${src['deprecationMessage']}` : undefined;
  const until = src['x-tsb-until'];
  const since = src['x-tsb-since'];
  const versions =
    typeof until === 'string'
      ? `Not in ${until === 'current' ? 'the current TSB API' : `TSB ${until} and later`}${typeof src['x-tsb-use'] === 'string' ? `; use ${src['x-tsb-use']}` : ''}.`
      : typeof since === 'string'
        ? `Since ${since === 'current' ? 'the current TSB API (after 1.13)' : `TSB ${since}`}.`
        : undefined;
  const extra = [note, versions].filter(Boolean).join(' ');
  if (extra)
    out['description'] = typeof out['description'] === 'string' ? `${out['description'] as string} ${extra}` : extra;
  return out;
}

/** Null (a key followed only by comments) is unset for Kubernetes; placeholder strings pass typed fields. */
function placeholders(s: Record<string, unknown>): void {
  const t = s['type'];
  if (t === 'object' || t === 'array') {
    s['type'] = [t, 'null'];
  } else if ((t === 'integer' || t === 'number' || t === 'boolean') && s['pattern'] === undefined) {
    s['type'] = [t, 'string'];
    s['pattern'] = PLACEHOLDER;
    s['patternErrorMessage'] =
      `Expected ${t === 'boolean' ? 'true or false' : `a ${t === 'integer' ? 'whole number' : 'number'}`} (or a placeholder such as $VAR, filled in before apply).`;
  } else if (t === 'string' && typeof s['pattern'] === 'string') {
    s['pattern'] = `(?:${s['pattern'] as string})|${PLACEHOLDER}`;
  } else if (t === 'string' && Array.isArray(s['enum'])) {
    s['anyOf'] = [{ enum: s['enum'] }, { pattern: PLACEHOLDER }];
    delete s['enum'];
  }
}

/**
 * One schema for every kind, for a glob association (`*.yaml`) that also covers Kubernetes documents and
 * multi-document files: each kind's schema applies when apiVersion and kind match; other documents pass.
 * Self-contained: the definitions of every kind share one namespace (names are unique in the catalog).
 */
export function dispatcher(): JsonSchema {
  const definitions: Record<string, unknown> = {};
  const allOf: unknown[] = [];
  for (const e of catalog) {
    const { $schema: _s, $id: _i, definitions: defs, ...own } = forOtherEditors(e.schema) as Record<string, unknown>;
    for (const [name, d] of Object.entries((defs ?? {}) as Record<string, unknown>)) definitions[name] ??= d;
    definitions[`kind:${e.id}`] = own;
    allOf.push({
      // `type` in the condition: a null or scalar document (a trailing `---`) would match it vacuously.
      if: {
        type: 'object',
        properties: { apiVersion: { enum: e.apiVersions }, kind: { const: e.kind } },
        required: ['apiVersion', 'kind'],
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: { $ref: `#/definitions/kind:${e.id}` },
    });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}tsb.schema.json`,
    title: 'Tetrate Service Bridge resources (every kind)',
    description:
      'Validates each YAML document whose apiVersion and kind are a TSB kind; other documents (Kubernetes, anything else) are left alone.',
    allOf,
    definitions,
  };
}

/** File name (relative to schemas/) -> content, in catalog order. */
export function renderFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of catalog) files.set(`${e.id}.schema.json`, json(forOtherEditors(e.schema)));
  files.set('tsb.schema.json', json(dispatcher()));
  files.set(
    'catalog.json',
    json({
      dispatcher: 'tsb.schema.json',
      schemas: catalog.map((e) => ({
        id: e.id,
        kind: e.kind,
        apiVersions: e.apiVersions,
        dialect: e.dialect,
        file: `${e.id}.schema.json`,
        description: e.description,
      })),
    }),
  );
  return files;
}
