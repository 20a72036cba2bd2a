import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver-types';
import type { JsonSchema, SchemaEntry } from '../../../../schemas/src/types';
import type { FileAnalysis } from '../fileAnalysis';
import { GROUP_ANNOTATION, readTsbMeta } from '../parse/tsbMeta';
import type { AnalysedProject } from '../analysedProject';
import { branches, childSchema, enumOf, propertiesOf, requiredOf, schemaAtPath, typesOf } from '../schema/schemaNav';
import { chunkAt, resourceAt, valueAt, type Path } from './locate';
import {
  gatewayLabelPairs, gatewayNamespaces, knownNamespaces, servicesOf, serviceLabelPairs, tenancyNames, workspaceOf, type LabelPair, type ParentLevel,
} from './projectValues';
import { deprecation, fieldMarkdown, isArraySchema, isObjectSchema, typeLabel } from './schemaDocs';
import { choice, escapeSnippet, expandSnippet, yamlScalar } from './snippetText';
import { resourceSnippets, snippetDefaults } from './snippets';
import { commas, msg, schemaText, type Arg, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';
import { completionSpot, shapeOf, siblingKeys, type CompletionSpot } from './yamlPath';

export { yamlScalar };

// Completion at the caret: schema keys (with documentation and skeletons of required children),
// enum values, apiVersion/kind, and values the project knows (tenancy names, namespaces, gateway and
// Service label pairs, `<cluster>/<namespace>` names).

export interface CompletionOptions {
  /** The client accepts snippet syntax (tab stops, choices). */
  snippets?: boolean;
  /** The language of details and documentation written here (schema descriptions are the API reference's). */
  locale?: Locale;
}

interface Ctx {
  file: FileAnalysis;
  project: CompletionReads;
  pos: Position;
  spot: CompletionSpot;
  entry?: SchemaEntry;
  value: unknown;
  /** The document's lines, and the cursor's line among them. */
  lines: string[];
  line: number;
  snippets: boolean;
  locale: Locale;
}

const LEVEL_WORD: Record<ParentLevel, Message> = {
  organization: msg('organization'), tenant: msg('tenant'), workspace: msg('workspace'), group: msg('group'),
};

/** What completion reads of the project: the schemas and the resolved facts. */
export type CompletionReads = Pick<AnalysedProject, 'registry' | 'resolved'>;

export function complete(file: FileAnalysis, pos: Position, project: CompletionReads, options: CompletionOptions = {}): CompletionList {
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
  const ctx: Ctx = { file, project, pos, spot, ...(entry ? { entry } : {}), value: at?.resource.value, lines, line, snippets: options.snippets ?? true, locale: options.locale ?? 'en' };
  const items = spot.type === 'value' ? valueItems(ctx, spot.path, spot.key, spot.prefix)
    : spot.type === 'item' ? itemItems(ctx, spot.path, spot.prefix)
      : keyItems(ctx, spot);
  if (spot.type === 'key' && ctx.snippets && atEmptyDocument(lines, line, spot)) items.push(...resourceSnippetItems(ctx, spot.prefix));
  return { isIncomplete: false, items };
}

const DOC_MARKER = /^(---|\.\.\.)(\s|$)/;

/**
 * Whole-resource snippets belong only where a resource starts: at the left margin of a YAML document
 * that holds nothing else yet (an empty file, or the lines after a `---`). Anywhere else they would
 * nest a resource inside another or merge two into one.
 */
function atEmptyDocument(lines: string[], line: number, spot: Extract<CompletionSpot, { type: 'key' }>): boolean {
  if (spot.path.length !== 0 || spot.inItem || spot.col !== 0) return false;
  if (lines[line]!.trim() !== spot.prefix) return false;
  // The caret's own document: up to the nearest `---` above and below (a marker below starts the next one).
  for (let l = line - 1; l >= 0 && !DOC_MARKER.test(lines[l]!); l--) if (!shapeOf(lines[l]!).blank) return false;
  for (let l = line + 1; l < lines.length && !DOC_MARKER.test(lines[l]!); l++) if (!shapeOf(lines[l]!).blank) return false;
  return true;
}

function resourceSnippetItems(ctx: Ctx, prefix: string): CompletionItem[] {
  return resourceSnippets(snippetDefaults(ctx.project.resolved(ctx.file.uri)), ctx.locale).map((sn) => ({
    label: sn.prefix,
    kind: CompletionItemKind.Snippet,
    detail: sn.description,
    documentation: { kind: MarkupKind.Markdown, value: [...sn.notes, `\`\`\`yaml\n${expandSnippet(sn.body)}\n\`\`\``].join('\n\n') },
    filterText: sn.prefix,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: editRange(ctx, prefix), newText: sn.body },
    sortText: `5${sn.prefix}`,
  }));
}

/** apiVersion/kind read from the text when the document does not parse well enough to identify it. */
function entryFromText(project: CompletionReads, text: string): SchemaEntry | undefined {
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
    const dep = deprecation(schema, entry.schema) !== undefined;
    // Editors indent the snippet's later lines like the caret line; a key after `- ` sits further right.
    const basePad = ' '.repeat(Math.max(0, spot.col - (ctx.lines[ctx.line]!.length - ctx.lines[ctx.line]!.trimStart().length)));
    const snippet = ctx.snippets ? keySnippet(key, schema, entry.schema, basePad, projectHints(ctx), [...path, key]) : `${key}: `;
    out.push({
      label: key,
      kind: isObjectSchema(schema, entry.schema) ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: req ? render(msg('{type} (required)', { type: typeLabel(schema, entry.schema) }), ctx.locale).trim() : typeLabel(schema, entry.schema),
      ...md(fieldMarkdown(key, schema, entry.schema, req, ctx.locale)),
      textEdit: { range: editRange(ctx, spot.prefix), newText: snippet },
      ...(ctx.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      sortText: `${dep ? 3 : req ? 1 : 2}${key}`,
      ...(dep ? { tags: [1] } : {}),
    });
  }
  return out;
}

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
export function keySnippet(key: string, schema: JsonSchema | undefined, root: JsonSchema, basePad = '', hints: SnippetHints = {}, path: Path = [key]): string {
  let stop = 0;
  const next = () => ++stop;
  const stopOf = (values: string[]) => (values.length > 1 ? choice(next(), values.slice(0, MAX_CHOICES)) : `\${${next()}:${escapeSnippet(values[0]!)}}`);
  const body = (s: JsonSchema | undefined, pad: string, depth: number, at: Path): string => {
    const known = hints.values?.(at)?.map(yamlScalar);
    const e = enumOf(s, root);
    if (e && e.length) {
      const dflt = branches(s, root).map((b) => b['default']).find((d) => d !== undefined);
      const list = e.map(String);
      return ` ${choice(next(), dflt !== undefined && list.includes(String(dflt)) ? [String(dflt), ...list.filter((v) => v !== String(dflt))] : list)}`;
    }
    if (!s) return known?.length ? ` ${stopOf(known)}` : ` $${next()}`;
    const types = typesOf(s, root);
    if (types.includes('boolean')) return ` ${choice(next(), branches(s, root).some((b) => b['default'] === false) ? ['false', 'true'] : ['true', 'false'])}`;
    if (isArraySchema(s, root)) {
      const items = childSchema(s, root, 0);
      const itemPath = [...at, 0];
      if (isObjectSchema(items, root) && propertiesOf(items, root).size > 0) {
        const req = requiredOf(items, root);
        const keys = req.length ? req : [firstProperty(items, root)].filter((k): k is string => !!k);
        if (!keys.length || depth >= 3) return ' []';
        const lines = keys.map((r, i) => `${i === 0 ? '- ' : '  '}${escapeSnippet(r)}:${body(childSchema(items, root, r), `${pad}    `, depth + 1, [...itemPath, r])}`);
        return `\n${lines.map((l) => `${pad}  ${l}`).join('\n')}`;
      }
      return `\n${pad}  -${body(items, `${pad}  `, depth + 1, itemPath)}`;
    }
    if (isObjectSchema(s, root)) {
      const req = requiredOf(s, root);
      if (req.length && depth < 3) return `\n${req.map((r) => `${pad}  ${escapeSnippet(r)}:${body(childSchema(s, root, r), `${pad}  `, depth + 1, [...at, r])}`).join('\n')}`;
      if (propertiesOf(s, root).size === 0) {
        // A map (labels, annotations): a pair the project uses, else a placeholder pair.
        const pairs = hints.pairs?.(at)?.map((x) => `${yamlScalar(x.key)}: ${yamlScalar(x.value)}`);
        if (pairs?.length) return `\n${pad}  ${stopOf([...new Set(pairs)])}`;
        return `\n${pad}  \${${next()}:name}:${body(childSchema(s, root, 'name'), `${pad}  `, depth + 1, [...at, 'name'])}`;
      }
      const first = firstProperty(s, root);
      if (first && depth < 3) return `\n${pad}  ${escapeSnippet(first)}:${body(childSchema(s, root, first), `${pad}  `, depth + 1, [...at, first])}`;
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
  try { re = pattern ? new RegExp(pattern, 'u') : undefined; } catch { re = undefined; }
  const minLength = keyword(s, root, 'minLength', isNum) ?? 0;
  const ok = (v: string) => v.length >= minLength && (!re || re.test(v));
  const out: string[] = [];
  const add = (v: string | undefined) => { if (v !== undefined && ok(v) && !out.includes(yamlScalar(v))) out.push(yamlScalar(v)); };
  for (const v of known ?? []) if (ok(v.startsWith('"') ? (JSON.parse(v) as string) : v)) out.push(v);
  add(keyword(s, root, 'default', isStr));
  for (const b of branches(s, root)) if (Array.isArray(b['examples'])) for (const x of b['examples'] as unknown[]) if (isStr(x)) add(x);
  // Pattern messages carry examples: "Use `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`."
  const message = keyword(s, root, 'patternErrorMessage', isStr);
  for (const m of message?.matchAll(/`([^`]+)`|such as ([^\s,]+)/g) ?? []) add(m[1] ?? m[2]);
  if (out.length) return out;
  if (ok('')) return ['""'];
  const name = String(at[at.length - 1] ?? 'value');
  return [ok(name) ? name : 'value'];
}

/** What the project knows, for the defaults of key snippets. */
function projectHints(ctx: Ctx): SnippetHints {
  const p = ctx.project.resolved(ctx.file.uri);
  const entry = ctx.entry;
  return {
    values(path) {
      const last = path[path.length - 1];
      const parent = path[path.length - 2];
      if (path.length === 2 && path[0] === 'metadata' && typeof last === 'string' && PARENT_KEYS.has(last)) return tenancyNames(p, last as ParentLevel, entry?.groupType);
      if (path.length === 2 && path[0] === 'metadata' && last === 'namespace') return knownNamespaces(p);
      if (last === 'namespace' && parent === 'workloadSelector') {
        const ew = path.includes('defaultEastWestGatewaySettings') ? p.installGateways.filter((g) => g.fact.eastWestOnly).map((g) => g.namespace) : [];
        return [...new Set([...ew.filter((n): n is string => !!n), ...gatewayNamespaces(p)])];
      }
      if (typeof last === 'number' && parent === 'names' && path[path.length - 3] === 'namespaceSelector') return knownNamespaces(p).map((n) => `*/${n}`);
      if (last === 'clusterName') return p.clusters;
      return undefined;
    },
    pairs(path) {
      const last = path[path.length - 1];
      if (last === 'labels' && path.includes('workloadSelector')) {
        const ew = path.includes('defaultEastWestGatewaySettings');
        const gws = [...p.installGateways].sort((a, b) => Number(ew && b.fact.eastWestOnly) - Number(ew && a.fact.eastWestOnly));
        return gws.map((g) => ({ key: 'app', value: g.fact.labels['app'] ?? g.fact.name }));
      }
      if (last === 'serviceLabels') {
        const meta = readTsbMeta(ctx.value, entry?.apiVersions[0], entry?.groupType);
        return serviceLabelPairs(servicesOf(p, workspaceOf(p, meta)));
      }
      return undefined;
    },
  };
}

function projectKeyItems(ctx: Ctx, path: Path, prefix: string, present: Set<string>): CompletionItem[] {
  const p = ctx.project.resolved(ctx.file.uri);
  const last = path[path.length - 1];
  let pairs: LabelPair[] = [];
  let gateway = false;
  if (last === 'labels' && path.includes('workloadSelector')) {
    const ns = valueAt(ctx.value, [...path.slice(0, -1), 'namespace']);
    pairs = gatewayLabelPairs(p, typeof ns === 'string' && ns ? ns : undefined);
    gateway = true;
  } else if (last === 'serviceLabels') {
    const meta = readTsbMeta(ctx.value, ctx.entry?.apiVersions[0], ctx.entry?.groupType);
    pairs = serviceLabelPairs(servicesOf(p, workspaceOf(p, meta)));
  } else if (last === 'annotations' && path.length === 2 && path[0] === 'metadata' && ctx.entry?.dialect === 'tsb') {
    return gitopsAnnotationKeys(ctx, prefix, present);
  }
  return pairs.filter((x) => !present.has(x.key)).map((x) => ({
    label: `${x.key}: ${x.value}`,
    kind: CompletionItemKind.Value,
    detail: render(gateway ? msg('gateway pod label of {owners}', { owners: owners(x.owners) }) : msg('Service label of {owners}', { owners: owners(x.owners) }), ctx.locale),
    filterText: x.key,
    textEdit: { range: editRange(ctx, prefix), newText: `${x.key}: ${yamlScalar(x.value)}` },
    sortText: `0${x.key}${x.value}`,
  }));
}

/** The first owners of a label, for a detail line. */
function owners(list: readonly string[]): Arg {
  return commas(list.length > 3 ? [...list.slice(0, 3), '…'] : list);
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
      detail: render(msg('GitOps parent: the {level}', { level: LEVEL_WORD[level] }), ctx.locale),
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
    return entries.filter((e) => !seen.has(e.kind) && seen.add(e.kind)).map((e) => valueItem(ctx, prefix, e.kind, api ? e.dialect : e.apiVersions[0], e.description + (e.deprecated ? `\n\n⚠️ ${render(schemaText(e.deprecated), ctx.locale)}` : '')));
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
  const say = (m: Message) => render(m, ctx.locale);
  if (level) {
    const detail = say(msg('{level} in this project', { level: LEVEL_WORD[level] }));
    for (const n of tenancyNames(p, level, entry?.groupType)) out.push(valueItem(ctx, prefix, n, detail, undefined, '0'));
  }
  if (path.length === 1 && path[0] === 'metadata' && key === 'namespace') {
    const detail = say(msg('namespace in this project'));
    for (const n of knownNamespaces(p)) out.push(valueItem(ctx, prefix, n, detail, undefined, '0'));
  }
  if (key === 'namespace' && path[path.length - 1] === 'workloadSelector') {
    const detail = say(msg('namespace of a gateway install CR'));
    for (const n of gatewayNamespaces(p)) out.push(valueItem(ctx, prefix, n, detail, undefined, '0'));
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
    const doc = fieldMarkdown(key, schema, entry.schema, false, ctx.locale);
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
    const say = (m: Message) => render(m, ctx.locale);
    for (const ns of namespaces) out.push(valueItem(ctx, prefix, `*/${ns}`, say(msg('{namespace} in every cluster', { namespace: ns })), undefined, '0'));
    for (const c of p.clusters) {
      out.push(valueItem(ctx, prefix, `${c}/*`, say(msg('every namespace of {cluster}', { cluster: c })), undefined, '2'));
      for (const ns of namespaces) out.push(valueItem(ctx, prefix, `${c}/${ns}`, say(msg('{namespace} in {cluster}', { namespace: ns, cluster: c })), undefined, '1'));
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
