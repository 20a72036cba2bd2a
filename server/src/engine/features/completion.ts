import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver-types';
import type { JsonSchema, SchemaEntry } from '../../../../schemas/src/types';
import type { FileAnalysis } from '../fileAnalysis';
import { GROUP_ANNOTATION, readTsbMeta } from '../parse/tsbMeta';
import type { Project } from '../project';
import { childSchema, enumOf, propertiesOf, requiredOf, schemaAtPath, typesOf } from '../schema/schemaNav';
import { chunkAt, resourceAt, valueAt, type Path } from './locate';
import {
  gatewayLabelPairs, gatewayNamespaces, knownNamespaces, servicesOf, serviceLabelPairs, tenancyNames, workspaceOf, type LabelPair, type ParentLevel,
} from './projectValues';
import { deprecation, fieldMarkdown, isArraySchema, isObjectSchema, typeLabel } from './schemaDocs';
import { completionSpot, siblingKeys, type CompletionSpot } from './yamlPath';

// Completion at the caret: schema keys (with documentation and skeletons of required children),
// enum values, apiVersion/kind, and values the project knows (tenancy names, namespaces, gateway and
// Service label pairs, `<cluster>/<namespace>` names).

export interface CompletionOptions {
  /** The client accepts snippet syntax (tab stops, choices). */
  snippets?: boolean;
}

interface Ctx {
  file: FileAnalysis;
  project: Project;
  pos: Position;
  spot: CompletionSpot;
  entry?: SchemaEntry;
  value: unknown;
  /** The document's lines, and the cursor's line among them. */
  lines: string[];
  line: number;
  snippets: boolean;
}

export function complete(file: FileAnalysis, pos: Position, project: Project, options: CompletionOptions = {}): CompletionList {
  const offset = file.doc.offsetAt(pos);
  const chunk = chunkAt(file, offset);
  // The lines of the document under the cursor, not the whole file's: no YAML structure crosses `---`
  // (so apiVersion/kind are read from this document), and a huge file is not split on every keystroke.
  const first = chunk ? file.doc.positionAt(chunk.start).line : 0;
  const lines = (chunk ? chunk.result.text : file.doc.getText()).split(/\r?\n/);
  const line = pos.line - first;
  if (line < 0 || line >= lines.length) return { isIncomplete: false, items: [] };
  const spot = completionSpot(lines, line, pos.character);
  if (!spot) return { isIncomplete: false, items: [] };
  const at = chunk ? resourceAt(chunk, offset - chunk.start) : undefined;
  // List items: paths inside an item are relative to it.
  if (at && at.resource.path.length === 2 && spot.path[0] === 'items' && typeof spot.path[1] === 'number') spot.path = spot.path.slice(2);
  const entry = at?.entry ?? entryFromText(project, chunk ? chunk.result.text : file.doc.getText());
  const ctx: Ctx = { file, project, pos, spot, ...(entry ? { entry } : {}), value: at?.resource.value, lines, line, snippets: options.snippets ?? true };
  const items = spot.type === 'value' ? valueItems(ctx, spot.path, spot.key, spot.prefix)
    : spot.type === 'item' ? itemItems(ctx, spot.path, spot.prefix)
      : keyItems(ctx, spot);
  return { isIncomplete: false, items };
}

/** apiVersion/kind read from the text when the document does not parse well enough to identify it. */
function entryFromText(project: Project, text: string): SchemaEntry | undefined {
  const api = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  const kind = /^kind:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  return api && kind ? project.registry.lookup(api, kind) : undefined;
}

function editRange(ctx: Ctx, prefix: string) {
  return { start: { line: ctx.pos.line, character: ctx.pos.character - prefix.length }, end: ctx.pos };
}

function md(value: string) {
  return value ? { documentation: { kind: MarkupKind.Markdown, value } } : {};
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function choice(n: number, values: string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** A YAML scalar for a value: quoted when plain style would change its meaning (a leading `*` is an alias). */
export function yamlScalar(v: string): string {
  return /^[\w./][\w./:=-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~|-?\d[\d.eE+-]*)$/i.test(v) && !v.includes(': ') ? v : JSON.stringify(v);
}

// ---- keys ----

function keyItems(ctx: Ctx, spot: Extract<CompletionSpot, { type: 'key' }>): CompletionItem[] {
  const { entry } = ctx;
  const path = spot.path;
  if (spot.inItem && entry) {
    // `- partial` under a list of scalars (namespaceSelector.names): values, not keys.
    const seqSchema = schemaAtPath(entry.schema, path.slice(0, -1));
    const items = childSchema(seqSchema, entry.schema, 0);
    if (path.length && !isObjectSchema(items, entry.schema)) return itemItems(ctx, path.slice(0, -1), spot.prefix);
  }
  const present = siblingKeys(ctx.lines, ctx.line, spot.col, spot.inItem);
  const out: CompletionItem[] = [];
  if (!entry) {
    if (path.length === 0) {
      for (const k of ['apiVersion', 'kind', 'metadata', 'spec']) {
        if (present.has(k)) continue;
        out.push({ label: k, kind: CompletionItemKind.Property, textEdit: { range: editRange(ctx, spot.prefix), newText: k === 'metadata' || k === 'spec' ? `${k}:\n  ` : `${k}: ` }, sortText: `0${k === 'apiVersion' ? 0 : 1}` });
      }
    }
    return out;
  }
  out.push(...projectKeyItems(ctx, path, spot.prefix, present));
  const parent = path.length ? schemaAtPath(entry.schema, path) : entry.schema;
  const required = new Set(requiredOf(parent, entry.schema));
  for (const [key, schema] of propertiesOf(parent, entry.schema)) {
    if (present.has(key)) continue;
    const req = required.has(key);
    const dep = deprecation(schema, entry.schema);
    // Editors indent the snippet's later lines like the caret line; a key after `- ` sits further right.
    const basePad = ' '.repeat(Math.max(0, spot.col - (ctx.lines[ctx.line]!.length - ctx.lines[ctx.line]!.trimStart().length)));
    const snippet = ctx.snippets ? keySnippet(key, schema, entry.schema, basePad) : `${key}: `;
    out.push({
      label: key,
      kind: isObjectSchema(schema, entry.schema) ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: `${typeLabel(schema, entry.schema)}${req ? ' (required)' : ''}`.trim(),
      ...md(fieldMarkdown(key, schema, entry.schema, req)),
      textEdit: { range: editRange(ctx, spot.prefix), newText: snippet },
      ...(ctx.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      sortText: `${dep ? 3 : req ? 1 : 2}${key}`,
      ...(dep ? { tags: [1] } : {}),
    });
  }
  return out;
}

/** `key: ` plus a skeleton of the value: required children of objects, a first item of arrays, choices for enums. */
export function keySnippet(key: string, schema: JsonSchema | undefined, root: JsonSchema, basePad = ''): string {
  let stop = 0;
  const next = () => ++stop;
  const body = (s: JsonSchema | undefined, pad: string, depth: number): string => {
    const e = enumOf(s, root);
    if (e && e.length) return ` ${choice(next(), e.map(String))}`;
    if (!s) return ` $${next()}`;
    if (typesOf(s, root).includes('boolean')) return ` ${choice(next(), ['true', 'false'])}`;
    if (isArraySchema(s, root)) {
      const items = childSchema(s, root, 0);
      const req = isObjectSchema(items, root) ? requiredOf(items, root) : [];
      if (req.length && depth < 3) {
        const lines = req.map((r, i) => `${i === 0 ? '- ' : '  '}${escapeSnippet(r)}:${body(childSchema(items, root, r), `${pad}    `, depth + 1)}`);
        return `\n${lines.map((l) => `${pad}  ${l}`).join('\n')}`;
      }
      return `\n${pad}  - $${next()}`;
    }
    if (isObjectSchema(s, root)) {
      const req = requiredOf(s, root);
      if (req.length && depth < 3) return `\n${req.map((r) => `${pad}  ${escapeSnippet(r)}:${body(childSchema(s, root, r), `${pad}  `, depth + 1)}`).join('\n')}`;
      return `\n${pad}  $${next()}`;
    }
    return ` $${next()}`;
  };
  return `${escapeSnippet(key)}:${body(schema, basePad, 0)}`;
}

function projectKeyItems(ctx: Ctx, path: Path, prefix: string, present: Set<string>): CompletionItem[] {
  const p = ctx.project.resolved(ctx.file.uri);
  const last = path[path.length - 1];
  let pairs: LabelPair[] = [];
  let what = '';
  if (last === 'labels' && path.includes('workloadSelector')) {
    const ns = valueAt(ctx.value, [...path.slice(0, -1), 'namespace']);
    pairs = gatewayLabelPairs(p, typeof ns === 'string' && ns ? ns : undefined);
    what = 'gateway pod label';
  } else if (last === 'serviceLabels') {
    const meta = readTsbMeta(ctx.value, ctx.entry?.apiVersions[0], ctx.entry?.groupType);
    pairs = serviceLabelPairs(servicesOf(p, workspaceOf(p, meta)));
    what = 'Service label';
  } else if (last === 'annotations' && path.length === 2 && path[0] === 'metadata' && ctx.entry?.dialect === 'tsb') {
    return gitopsAnnotationKeys(ctx, prefix, present);
  }
  return pairs.filter((x) => !present.has(x.key)).map((x) => ({
    label: `${x.key}: ${x.value}`,
    kind: CompletionItemKind.Value,
    detail: `${what} of ${x.owners.slice(0, 3).join(', ')}${x.owners.length > 3 ? ', …' : ''}`,
    filterText: x.key,
    textEdit: { range: editRange(ctx, prefix), newText: `${x.key}: ${yamlScalar(x.value)}` },
    sortText: `0${x.key}${x.value}`,
  }));
}

function gitopsAnnotationKeys(ctx: Ctx, prefix: string, present: Set<string>): CompletionItem[] {
  const entry = ctx.entry!;
  const p = ctx.project.resolved(ctx.file.uri);
  const out: CompletionItem[] = [];
  for (const level of entry.parents) {
    const key = level === 'group' && entry.groupType ? GROUP_ANNOTATION[entry.groupType] : `tsb.tetrate.io/${level}`;
    if (present.has(key)) continue;
    const names = tenancyNames(p, level, entry.groupType);
    out.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: `GitOps parent: the ${level}`,
      textEdit: { range: editRange(ctx, prefix), newText: ctx.snippets && names.length ? `${key}: ${choice(1, names)}` : `${key}: ` },
      ...(ctx.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      sortText: `0${entry.parents.indexOf(level)}`,
    });
  }
  return out;
}

// ---- values ----

function valueItem(ctx: Ctx, prefix: string, value: string, detail?: string, doc?: string, sort = '1'): CompletionItem {
  const text = yamlScalar(value);
  return {
    label: value,
    kind: CompletionItemKind.Value,
    ...(detail ? { detail } : {}),
    ...md(doc ?? ''),
    filterText: prefix.startsWith('"') || prefix.startsWith("'") ? text : value,
    textEdit: { range: editRange(ctx, prefix), newText: text },
    sortText: `${sort}${value}`,
  };
}

const PARENT_KEYS = new Set(['organization', 'tenant', 'workspace', 'group']);

function valueItems(ctx: Ctx, path: Path, key: string, prefix: string): CompletionItem[] {
  const reg = ctx.project.registry;
  const p = ctx.project.resolved(ctx.file.uri);
  const full = [...path, key];
  if (path.length === 0 && key === 'apiVersion') {
    const kind = /^kind:\s*["']?([\w]+)/m.exec(ctx.lines.join('\n'))?.[1];
    const versions = reg.apiVersions().filter((v) => !kind || reg.kindsOf(v).includes(kind));
    return versions.map((v) => valueItem(ctx, prefix, v, reg.kindsOf(v).slice(0, 6).join(', ') + (reg.kindsOf(v).length > 6 ? ', …' : '')));
  }
  if (path.length === 0 && key === 'kind') {
    const api = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(ctx.lines.join('\n'))?.[1];
    const entries = api && reg.kindsOf(api).length ? reg.kindsOf(api).map((k) => reg.lookup(api, k)!) : reg.entries;
    const seen = new Set<string>();
    return entries.filter((e) => !seen.has(e.kind) && seen.add(e.kind)).map((e) => valueItem(ctx, prefix, e.kind, api ? e.dialect : e.apiVersions[0], e.description + (e.deprecated ? `\n\n⚠️ ${e.deprecated}` : '')));
  }
  const out: CompletionItem[] = [];
  const entry = ctx.entry;
  // Tenancy parents: tctl metadata fields and GitOps annotations.
  let level: ParentLevel | undefined;
  if (path.length === 1 && path[0] === 'metadata' && PARENT_KEYS.has(key)) level = key as ParentLevel;
  if (path.length === 2 && path[0] === 'metadata' && path[1] === 'annotations') {
    const m = /^tsb\.tetrate\.io\/(organization|tenant|workspace|\w+Group)$/.exec(key);
    if (m) level = m[1]!.endsWith('Group') ? 'group' : (m[1] as ParentLevel);
  }
  if (level) for (const n of tenancyNames(p, level, entry?.groupType)) out.push(valueItem(ctx, prefix, n, `${level} in this project`, undefined, '0'));
  if (path.length === 1 && path[0] === 'metadata' && key === 'namespace') {
    for (const n of knownNamespaces(p)) out.push(valueItem(ctx, prefix, n, 'namespace in this project', undefined, '0'));
  }
  if (key === 'namespace' && path[path.length - 1] === 'workloadSelector') {
    for (const n of gatewayNamespaces(p)) out.push(valueItem(ctx, prefix, n, 'namespace of a gateway install CR', undefined, '0'));
  }
  if (path[path.length - 1] === 'labels' && path.includes('workloadSelector')) {
    for (const x of gatewayLabelPairs(p).filter((x) => x.key === key)) out.push(valueItem(ctx, prefix, x.value, x.owners.join(', '), undefined, '0'));
  }
  if (path[path.length - 1] === 'serviceLabels') {
    const meta = readTsbMeta(ctx.value, entry?.apiVersions[0], entry?.groupType);
    for (const x of serviceLabelPairs(servicesOf(p, workspaceOf(p, meta))).filter((x) => x.key === key)) out.push(valueItem(ctx, prefix, x.value, x.owners.join(', '), undefined, '0'));
  }
  if (entry) {
    const schema = schemaAtPath(entry.schema, full);
    const values = enumOf(schema, entry.schema) ?? (typesOf(schema, entry.schema).includes('boolean') ? [true, false] : []);
    const doc = fieldMarkdown(key, schema, entry.schema);
    for (const v of values) out.push(valueItem(ctx, prefix, String(v), undefined, doc));
  }
  return dedupe(out);
}

function itemItems(ctx: Ctx, seqPath: Path, prefix: string): CompletionItem[] {
  const entry = ctx.entry;
  if (!entry) return [];
  const last = seqPath[seqPath.length - 1];
  const out: CompletionItem[] = [];
  if (last === 'names' && seqPath[seqPath.length - 2] === 'namespaceSelector') {
    const p = ctx.project.resolved(ctx.file.uri);
    const namespaces = knownNamespaces(p);
    for (const ns of namespaces) out.push(valueItem(ctx, prefix, `*/${ns}`, `${ns} in every cluster`, undefined, '0'));
    for (const c of p.clusters) {
      out.push(valueItem(ctx, prefix, `${c}/*`, `every namespace of ${c}`, undefined, '2'));
      for (const ns of namespaces) out.push(valueItem(ctx, prefix, `${c}/${ns}`, `${ns} in ${c}`, undefined, '1'));
    }
  }
  const items = childSchema(schemaAtPath(entry.schema, seqPath), entry.schema, 0);
  if (isObjectSchema(items, entry.schema)) {
    const spot = { type: 'key' as const, path: [...seqPath, 0], prefix, col: ctx.pos.character - prefix.length, inItem: true };
    return keyItems({ ...ctx, spot }, spot);
  }
  for (const v of enumOf(items, entry.schema) ?? []) out.push(valueItem(ctx, prefix, String(v)));
  return dedupe(out);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label));
}
