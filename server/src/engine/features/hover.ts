import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { FileAnalysis } from '../fileAnalysis';
import { readTsbMeta, stringMap } from '../parse/tsbMeta';
import type { Project } from '../project';
import { requiredOf, schemaAtPath } from '../schema/schemaNav';
import { formatLabels } from '../workspace/selectors';
import { locate, nodeRange, valueAt, type Located, type Path } from './locate';
import { appliedBy, matchingGateways, matchingServices, namespacesMatching, plural, servicesOf, workspaceOf } from './projectValues';
import { fieldMarkdown } from './schemaDocs';

// Hover: the schema's documentation of a field (description, type, enum, deprecation), the kind's
// description on apiVersion/kind, and for selectors what they match in the project right now.

export function hover(file: FileAnalysis, pos: Position, project: Project): Hover | null {
  const at = locate(file, pos);
  if (!at || at.path.length === 0) return null;
  const parts: string[] = [];
  const entry = at.entry;
  const key = at.path[at.path.length - 1];
  if (entry) {
    if (at.path.length === 1 && (key === 'kind' || key === 'apiVersion')) {
      parts.push(`**${entry.kind}** \`${entry.apiVersions.join('` · `')}\`\n\n${entry.description}${entry.deprecated ? `\n\n⚠️ **Deprecated.** ${entry.deprecated}` : ''}`);
    } else {
      const fieldPath = at.path;
      const schema = schemaAtPath(entry.schema, fieldPath);
      const parent = schemaAtPath(entry.schema, fieldPath.slice(0, -1));
      const name = typeof key === 'string' ? key : undefined;
      const doc = fieldMarkdown(name, schema, entry.schema, name ? requiredOf(parent ?? entry.schema, entry.schema).includes(name) : false);
      if (doc) parts.push(doc);
    }
  }
  const sel = selectorInfo(at, project, file.uri);
  if (sel) parts.push(sel);
  if (!parts.length) return null;
  const range = at.onKey && at.pair ? nodeRange(file, at.chunk, at.pair.key) : at.node && 'range' in at.node ? nodeRange(file, at.chunk, at.node) : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

function upTo(path: Path, key: string): Path | undefined {
  const i = path.lastIndexOf(key);
  return i >= 0 ? path.slice(0, i + 1) : undefined;
}

/** What the selector under the caret matches right now, in words. */
export function selectorInfo(at: Located, project: Project, uri?: string): string | undefined {
  const value = at.resource.value;
  const wsPath = upTo(at.path, 'workloadSelector');
  if (wsPath) {
    const sel = valueAt(value, wsPath);
    const ns = String(valueAt(sel, ['namespace']) ?? '');
    const labels = stringMap(valueAt(sel, ['labels']));
    if (!ns || !Object.keys(labels).length) return undefined;
    const p = project.resolved(uri);
    const gws = matchingGateways(p, ns, labels, uri);
    if (!gws.length) return `**Selects no gateway** deployed by an install CR that can be applied with this file (${formatLabels(labels)} in namespace ${ns}). A gateway install CR named X deploys pods labelled app=X.`;
    const where = (g: (typeof gws)[number]) => {
      const by = g.source ? appliedBy(p, g.source.uri) : undefined;
      const clusters = g.clusters.length ? g.clusters.join(', ') : 'no known cluster (nothing in the repository says where it is applied: "TSB: Write tsb.config.yaml" states it)';
      return `${clusters}${by ? `, ${by}` : ''}`;
    };
    return `**Selects ${plural(gws.length, 'gateway')}:**\n\n${gws.map((g) => `- ${g.kind} \`${g.name}\` in namespace ${g.namespace}${g.eastWestOnly ? ' (east-west only)' : ''}: ${where(g)}`).join('\n')}`;
  }
  const slPath = upTo(at.path, 'serviceLabels');
  if (slPath) {
    const labels = stringMap(valueAt(value, slPath));
    if (!Object.keys(labels).length) return undefined;
    const p = project.resolved(uri);
    const meta = readTsbMeta(value, at.entry?.apiVersions[0], at.entry?.groupType);
    const ws = workspaceOf(p, meta, uri);
    const svcs = matchingServices(servicesOf(p, ws, uri), labels);
    const scope = ws ? `workspace ${ws.name}'s namespaces` : 'the project';
    if (!svcs.length) return `**Matches no Service** in ${scope} (serviceLabels match Service labels, not pod labels).`;
    const byName = new Map<string, Set<string>>();
    for (const s of svcs) {
      const k = `\`${s.fact.name}\` in ${s.namespace ?? '(no namespace)'}`;
      const set = byName.get(k) ?? new Set<string>();
      for (const c of s.clusters) set.add(c);
      byName.set(k, set);
    }
    return `**Matches ${plural(byName.size, 'Service')}** in ${scope}:\n\n${[...byName].map(([k, cs]) => `- ${k}${cs.size ? `: ${[...cs].sort().join(', ')}` : ''}`).join('\n')}`;
  }
  if (at.path.includes('namespaceSelector') && typeof at.path[at.path.length - 1] === 'number') {
    const name = valueAt(value, at.path);
    if (typeof name !== 'string') return undefined;
    const hits = namespacesMatching(project.resolved(uri), name);
    if (!hits.length) return `**${name}** matches no namespace known in this project.`;
    return `**${name}** matches:\n\n${hits.map((h) => `- ${h.namespace}${h.clusters.length ? ` in ${h.clusters.join(', ')}` : ''}`).join('\n')}`;
  }
  return undefined;
}
