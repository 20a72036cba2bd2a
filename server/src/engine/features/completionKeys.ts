import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { GROUP_ANNOTATION, readTsbMeta } from '../parse/tsbMeta';
import { childSchema, enumOf, propertiesOf, requiredOf, schemaAtPath } from '../schema/schemaNav';
import { valueAt, type Path } from './locate';
import {
  gatewayLabelPairs,
  gatewayNamespaces,
  knownNamespaces,
  servicesOf,
  serviceLabelPairs,
  tenancyNames,
  workspaceOf,
  type LabelPair,
  type ParentLevel,
} from './projectValues';
import { deprecation, fieldMarkdown, isObjectSchema, typeLabel } from './schemaDocs';
import { choice, yamlScalar } from './snippetText';
import { commas, msg, type Arg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';
import { siblingKeys, type CompletionSpot } from './yamlPath';
import { dedupe, editRange, LEVEL_WORD, md, PARENT_KEYS, valueItem, type Ctx } from './completionContext';
import { keySnippet, type SnippetHints } from './keySnippet';

// Completion of keys (schema fields, label pairs the project uses, GitOps parent annotations) and of list items.

// ---- keys ----

export function keyItems(ctx: Ctx, spot: Extract<CompletionSpot, { type: 'key' }>): CompletionItem[] {
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
        out.push({
          label: k,
          kind: CompletionItemKind.Property,
          textEdit: {
            range: editRange(ctx, spot.prefix),
            newText: k === 'metadata' || k === 'spec' ? `${k}:\n  ` : `${k}: `,
          },
          sortText: `0${k === 'apiVersion' ? 0 : 1}`,
        });
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
    const basePad = ' '.repeat(
      Math.max(0, spot.col - (ctx.lines[ctx.line]!.length - ctx.lines[ctx.line]!.trimStart().length)),
    );
    const snippet = ctx.snippets
      ? keySnippet(key, schema, entry.schema, basePad, projectHints(ctx), [...path, key])
      : `${key}: `;
    out.push({
      label: key,
      kind: isObjectSchema(schema, entry.schema) ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: req
        ? render(msg('{type} (required)', { type: typeLabel(schema, entry.schema) }), ctx.locale).trim()
        : typeLabel(schema, entry.schema),
      ...md(fieldMarkdown(key, schema, entry.schema, req, ctx.locale)),
      textEdit: { range: editRange(ctx, spot.prefix), newText: snippet },
      ...(ctx.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      sortText: `${dep ? 3 : req ? 1 : 2}${key}`,
      ...(dep ? { tags: [1] } : {}),
    });
  }
  return out;
}

/** What the project knows, for the defaults of key snippets. */
function projectHints(ctx: Ctx): SnippetHints {
  const p = ctx.project.resolved(ctx.file.uri);
  const entry = ctx.entry;
  return {
    values(path) {
      const last = path[path.length - 1];
      const parent = path[path.length - 2];
      if (path.length === 2 && path[0] === 'metadata' && typeof last === 'string' && PARENT_KEYS.has(last))
        return tenancyNames(p, last as ParentLevel, entry?.groupType);
      if (path.length === 2 && path[0] === 'metadata' && last === 'namespace') return knownNamespaces(p);
      if (last === 'namespace' && parent === 'workloadSelector') {
        const ew = path.includes('defaultEastWestGatewaySettings')
          ? p.installGateways.filter((g) => g.fact.eastWestOnly).map((g) => g.namespace)
          : [];
        return [...new Set([...ew.filter((n): n is string => !!n), ...gatewayNamespaces(p)])];
      }
      if (typeof last === 'number' && parent === 'names' && path[path.length - 3] === 'namespaceSelector')
        return knownNamespaces(p).map((n) => `*/${n}`);
      if (last === 'clusterName') return p.clusters;
      return undefined;
    },
    pairs(path) {
      const last = path[path.length - 1];
      if (last === 'labels' && path.includes('workloadSelector')) {
        const ew = path.includes('defaultEastWestGatewaySettings');
        const gws = [...p.installGateways].sort(
          (a, b) => Number(ew && b.fact.eastWestOnly) - Number(ew && a.fact.eastWestOnly),
        );
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
  return pairs
    .filter((x) => !present.has(x.key))
    .map((x) => ({
      label: `${x.key}: ${x.value}`,
      kind: CompletionItemKind.Value,
      detail: render(
        gateway
          ? msg('gateway pod label of {owners}', { owners: owners(x.owners) })
          : msg('Service label of {owners}', { owners: owners(x.owners) }),
        ctx.locale,
      ),
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
      textEdit: {
        range: editRange(ctx, prefix),
        newText: ctx.snippets && names.length ? `${key}: ${choice(1, names)}` : `${key}: `,
      },
      ...(ctx.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      sortText: `0${entry.parents.indexOf(level)}`,
    });
  }
  return out;
}

export function itemItems(ctx: Ctx, seqPath: Path, prefix: string): CompletionItem[] {
  const entry = ctx.entry;
  if (!entry) return [];
  const last = seqPath[seqPath.length - 1];
  const out: CompletionItem[] = [];
  if (last === 'names' && seqPath[seqPath.length - 2] === 'namespaceSelector') {
    const p = ctx.project.resolved(ctx.file.uri);
    const namespaces = knownNamespaces(p);
    const say = (m: Message) => render(m, ctx.locale);
    for (const ns of namespaces)
      out.push(
        valueItem(ctx, prefix, `*/${ns}`, say(msg('{namespace} in every cluster', { namespace: ns })), undefined, '0'),
      );
    for (const c of p.clusters) {
      out.push(
        valueItem(ctx, prefix, `${c}/*`, say(msg('every namespace of {cluster}', { cluster: c })), undefined, '2'),
      );
      for (const ns of namespaces)
        out.push(
          valueItem(
            ctx,
            prefix,
            `${c}/${ns}`,
            say(msg('{namespace} in {cluster}', { namespace: ns, cluster: c })),
            undefined,
            '1',
          ),
        );
    }
  }
  const items = childSchema(schemaAtPath(entry.schema, seqPath), entry.schema, 0);
  if (isObjectSchema(items, entry.schema)) {
    const spot = {
      type: 'key' as const,
      path: [...seqPath, 0],
      prefix,
      col: ctx.pos.character - prefix.length,
      inItem: true,
    };
    return keyItems({ ...ctx, spot }, spot);
  }
  for (const v of enumOf(items, entry.schema) ?? []) out.push(valueItem(ctx, prefix, String(v)));
  return dedupe(out);
}
