import type { CompletionItem } from 'vscode-languageserver-types';
import { readTsbMeta } from '../parse/tsbMeta';
import { enumOf, schemaAtPath, typesOf } from '../schema/schemaNav';
import type { Path } from './locate';
import {
  gatewayLabelPairs,
  gatewayNamespaces,
  knownNamespaces,
  servicesOf,
  serviceLabelPairs,
  tenancyNames,
  workspaceOf,
  type ParentLevel,
} from './projectValues';
import { fieldMarkdown } from './schemaDocs';
import { msg, schemaText, type Message } from '../l10n/message';
import { render } from '../l10n/translate';
import { dedupe, LEVEL_WORD, PARENT_KEYS, valueItem, type Ctx } from './completionContext';

// Completion of values: apiVersion/kind, tenancy parents, namespaces and labels the project knows, enums.

export function valueItems(ctx: Ctx, path: Path, key: string, prefix: string): CompletionItem[] {
  const reg = ctx.project.registry;
  const p = ctx.project.resolved(ctx.file.uri);
  const full = [...path, key];
  if (path.length === 0 && key === 'apiVersion') {
    const kind = /^kind:\s*["']?([\w]+)/m.exec(ctx.lines.join('\n'))?.[1];
    const versions = reg.apiVersions().filter((v) => !kind || reg.kindsOf(v).includes(kind));
    return versions.map((v) =>
      valueItem(ctx, prefix, v, reg.kindsOf(v).slice(0, 6).join(', ') + (reg.kindsOf(v).length > 6 ? ', …' : '')),
    );
  }
  if (path.length === 0 && key === 'kind') {
    const api = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(ctx.lines.join('\n'))?.[1];
    const entries = api && reg.kindsOf(api).length ? reg.kindsOf(api).map((k) => reg.lookup(api, k)!) : reg.entries;
    const seen = new Set<string>();
    return entries
      .filter((e) => !seen.has(e.kind) && seen.add(e.kind))
      .map((e) =>
        valueItem(
          ctx,
          prefix,
          e.kind,
          api ? e.dialect : e.apiVersions[0],
          e.description + (e.deprecated ? `\n\n⚠️ ${render(schemaText(e.deprecated), ctx.locale)}` : ''),
        ),
      );
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
    for (const n of tenancyNames(p, level, entry?.groupType))
      out.push(valueItem(ctx, prefix, n, detail, undefined, '0'));
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
    for (const x of gatewayLabelPairs(p).filter((x) => x.key === key))
      out.push(valueItem(ctx, prefix, x.value, x.owners.join(', '), undefined, '0'));
  }
  if (path[path.length - 1] === 'serviceLabels') {
    const meta = readTsbMeta(ctx.value, entry?.apiVersions[0], entry?.groupType);
    for (const x of serviceLabelPairs(servicesOf(p, workspaceOf(p, meta))).filter((x) => x.key === key))
      out.push(valueItem(ctx, prefix, x.value, x.owners.join(', '), undefined, '0'));
  }
  if (entry) {
    const schema = schemaAtPath(entry.schema, full);
    const values =
      enumOf(schema, entry.schema) ?? (typesOf(schema, entry.schema).includes('boolean') ? [true, false] : []);
    const doc = fieldMarkdown(key, schema, entry.schema, false, ctx.locale);
    for (const v of values) out.push(valueItem(ctx, prefix, String(v), undefined, doc));
  }
  return dedupe(out);
}
