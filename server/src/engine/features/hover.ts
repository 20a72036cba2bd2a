import { isMap, isSeq, type Scalar } from 'yaml';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { FileAnalysis } from '../fileAnalysis';
import type { SourceRef } from '../model/failoverTypes';
import type { Problem } from '../types';
import type { FileFacts } from '../workspace/facts';
import type { AnalysedProject } from '../analysedProject';
import { requiredOf, schemaAtPath } from '../schema/schemaNav';
import { formatLabels } from '../workspace/selectors';
import { keyText, locate, nodeRange, valueAt, type Located, type Path } from './locate';
import {
  appliedBy,
  matchingGateways,
  matchingServices,
  namespacesMatching,
  servicesOf,
  workspaceOf,
} from './projectValues';
import { fieldMarkdown } from './schemaDocs';
import { mdCode, mdList, mdText } from './markdown';
import { intendedPath } from '../rules/fieldPaths';
import { msg, msgN, schemaText, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

// Hover: the schema's documentation of a field (description, type, enum, deprecation), the kind's
// description on apiVersion/kind, and for selectors what they match in the project right now.

/** What hover reads of the project: the file's stored analysis, facts and problems, and the resolved facts. */
export type HoverReads = Pick<AnalysedProject, 'analysis' | 'facts' | 'diagnostics' | 'resolved'>;

export function hover(file: FileAnalysis, pos: Position, project: HoverReads, locale: Locale = 'en'): Hover | null {
  const say = (m: Message) => render(m, locale);
  const at = locate(file, pos);
  if (!at || at.path.length === 0) return null;
  const parts: string[] = [];
  const entry = at.entry;
  const key = at.path[at.path.length - 1];
  if (entry) {
    if (at.path.length === 1 && (key === 'kind' || key === 'apiVersion')) {
      parts.push(
        `**${entry.kind}** \`${entry.apiVersions.join('` · `')}\`\n\n${entry.description}${entry.deprecated ? `\n\n${say(msg('⚠️ **Deprecated.** {why}', { why: schemaText(entry.deprecated) }))}` : ''}`,
      );
    } else {
      const fieldPath = at.path;
      const schema = schemaAtPath(entry.schema, fieldPath);
      const parent = schemaAtPath(entry.schema, fieldPath.slice(0, -1));
      const name = typeof key === 'string' ? key : undefined;
      const doc = fieldMarkdown(
        name,
        schema,
        entry.schema,
        name ? requiredOf(parent ?? entry.schema, entry.schema).includes(name) : false,
        locale,
      );
      if (doc) parts.push(doc);
    }
  }
  const sel = selectorInfo(at, project, file, locale);
  if (sel) parts.push(sel);
  if (!parts.length) return null;
  const range =
    at.onKey && at.pair
      ? nodeRange(file, at.chunk, at.pair.key)
      : at.node && 'range' in at.node
        ? nodeRange(file, at.chunk, at.node)
        : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

function upTo(path: Path, key: string): Path | undefined {
  const i = path.lastIndexOf(key);
  return i >= 0 ? path.slice(0, i + 1) : undefined;
}

const at_ = (r: { line: number; character: number }, pos: Position) =>
  r.line === pos.line && r.character === pos.character;
const startsAt = (p: Problem, r: { line: number; character: number }) => at_(p.range.start, r);

/**
 * The selector the analysis reads whose key starts at `key`: the same facts the cross-file rules check
 * (fact refs point at the selector's key).
 */
function readSelector(
  facts: FileFacts,
  kind: 'workload' | 'service',
  key: Position,
):
  | { kind: 'workload'; namespace: string; labels: Record<string, string>; ref: SourceRef }
  | { kind: 'service'; labels: Record<string, string>; ref: SourceRef; setting: FileFacts['workspaceSettings'][number] }
  | undefined {
  for (const s of facts.workspaceSettings) {
    for (const e of s.eastWest) {
      if (kind === 'workload' && at_(e.selectorRef, key))
        return { kind, namespace: e.namespace, labels: e.labels, ref: e.labelsRef };
      if (kind === 'service')
        for (const x of e.exposed) if (at_(x.ref, key)) return { kind, labels: x.labels, ref: x.ref, setting: s };
    }
  }
  if (kind === 'workload') {
    for (const g of facts.gatewayConfigs)
      if (g.selector && at_(g.selector.ref, key))
        return { kind, namespace: g.selector.namespace, labels: g.selector.labels, ref: g.selector.labelsRef };
  }
  return undefined;
}

/** The problem reported on a key on the way to `path` (a misplaced block is reported where it is written). */
function placementProblem(
  at: Located,
  file: FileAnalysis,
  path: Path,
  problems: readonly Problem[],
): Problem | undefined {
  const keys = ancestorKeys(at, file, path);
  return problems.find((p) => keys.some((k) => startsAt(p, k.start)));
}

/** Ranges of the keys on the way to `path` (the resource's own map first). */
function ancestorKeys(at: Located, file: FileAnalysis, path: Path): { key: string; start: Position }[] {
  const out: { key: string; start: Position }[] = [];
  let node: unknown = at.resource.node;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === seg);
      if (!pair) break;
      const range = (pair.key as Scalar).range;
      if (range) out.push({ key: String(seg), start: file.doc.positionAt(at.chunk.start + range[0]) });
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
  }
  return out;
}

/** Lines listed in a hover before "… and N more": a selector matching 16,000 namespaces stays readable. */
const MAX_LISTED = 50;

const labelsMd = (labels: Record<string, string>) => mdCode(formatLabels(labels));

/**
 * What the selector under the caret matches right now, in words. It comes from the same facts and
 * problems as the diagnostics: a selector the analysis does not read (a misplaced block, a field of
 * another kind) gets no verdict of its own, and a selector reported as matching nothing shows that report.
 * Names, labels and messages come from the workspace: they are shown as code or escaped text, never
 * links, images or HTML.
 */
function selectorInfo(at: Located, project: HoverReads, file: FileAnalysis, locale: Locale = 'en'): string | undefined {
  const say = (m: Message) => render(m, locale);
  /** A reported problem's message as hover text (workspace values in it escaped). */
  const reportText = (p: Problem) => mdText(render(p.messageL10n, locale));
  const uri = file.uri;
  const wsPath = upTo(at.path, 'workloadSelector');
  const slPath = wsPath ? undefined : upTo(at.path, 'serviceLabels');
  const nsPath =
    wsPath || slPath
      ? undefined
      : at.path.includes('namespaceSelector') && typeof at.path[at.path.length - 1] === 'number'
        ? at.path
        : undefined;
  const selPath = wsPath ?? slPath ?? nsPath;
  if (!selPath) return undefined;
  // Hover may answer from a document analysed on its own (a huge file still being analysed): then the
  // project's facts and problems describe older text, and only the schema-free part below applies.
  const current = project.analysis(uri) === file;
  // Cross-file problems as last checked: a hover during a scan or a check never runs the check itself.
  const problems = current ? project.diagnostics(uri, { stale: true }) : [];
  // A mis-indented block is read where it belongs (and reported where it is written).
  if (current && at.entry && !schemaAtPath(at.entry.schema, intendedPath(selPath, at.analysis.relocations))) {
    // Not where the kind has it: nothing reads this selector. Say why with the problem that reports it.
    const why = placementProblem(at, file, selPath, problems);
    return why
      ? say(msg('**Not read here**, so nothing checks what it selects: {why}', { why: reportText(why) }))
      : undefined;
  }
  const verdict = selectorVerdict(at, project, file, current, problems, { wsPath, nsPath, selPath }, locale);
  // A mis-indented block is checked where it belongs: say so, with the problem that reports where it is written.
  const moved = current && verdict && String(intendedPath(selPath, at.analysis.relocations)) !== String(selPath);
  if (!moved) return verdict;
  const why = placementProblem(at, file, selPath, problems);
  return why ? `${say(msg('**Read where it belongs** ({why})', { why: reportText(why) }))}\n\n${verdict}` : verdict;
}

function selectorVerdict(
  at: Located,
  project: HoverReads,
  file: FileAnalysis,
  current: boolean,
  problems: readonly Problem[],
  paths: { wsPath: Path | undefined; nsPath: Path | undefined; selPath: Path },
  locale: Locale,
): string | undefined {
  const say = (m: Message) => render(m, locale);
  const reportText = (p: Problem) => mdText(render(p.messageL10n, locale));
  const uri = file.uri;
  const value = at.resource.value;
  const { wsPath, nsPath, selPath } = paths;
  if (nsPath) {
    const name = valueAt(value, nsPath);
    if (typeof name !== 'string') return undefined;
    const hits = namespacesMatching(project.resolved(uri), name);
    if (!hits.length) return say(msg('{name} matches no namespace known in this project.', { name: mdCode(name) }));
    const list = mdList(
      hits.map((h) =>
        h.clusters.length
          ? say(
              msg('{namespace} in {clusters}', {
                namespace: mdCode(h.namespace),
                clusters: mdCode(h.clusters.join(', ')),
              }),
            )
          : mdCode(h.namespace),
      ),
      MAX_LISTED,
      locale,
    );
    return say(
      msgN(hits.length, '{name} matches {n} namespace:\n\n{list}', '{name} matches {n} namespaces:\n\n{list}', {
        name: mdCode(name),
        n: hits.length,
        list,
      }),
    );
  }
  const facts = current ? project.facts(uri) : undefined;
  const selectorKey = ancestorKeys(at, file, selPath).pop();
  const read =
    facts && selectorKey ? readSelector(facts, wsPath ? 'workload' : 'service', selectorKey.start) : undefined;
  // A selector the cross-file rules do not check (another kind's workloadSelector selects workloads, not gateways).
  if (!read) return undefined;
  const reported = problems.find(
    (p) => startsAt(p, read.ref) && (p.rule === 'gateway-selector-no-match' || p.rule === 'service-selector-no-match'),
  );
  const p = project.resolved(uri);
  if (read.kind === 'workload') {
    if (!read.namespace || !Object.keys(read.labels).length) return undefined;
    if (reported)
      return say(
        msg('**Selects no gateway** ({rule}): {message}', { rule: reported.rule, message: reportText(reported) }),
      );
    const gws = matchingGateways(p, read.namespace, read.labels, uri);
    if (gws.length) {
      const where = (g: (typeof gws)[number]): Message => {
        const by = g.source ? appliedBy(p, g.source.uri) : undefined;
        const clusters = g.clusters.length
          ? mdCode(g.clusters.join(', '))
          : msg(
              'no known cluster (nothing in the repository says where it is applied: "TSB: Write tsb.config.yaml" states it)',
            );
        return by
          ? msg('{clusters}, applied by {unit}', { clusters, unit: mdCode(by) })
          : msg('{clusters}', { clusters });
      };
      const item = (g: (typeof gws)[number]) => {
        const args = { kind: g.kind, name: mdCode(g.name), namespace: mdCode(g.namespace), where: where(g) };
        return say(
          g.eastWestOnly
            ? msg('{kind} {name} in namespace {namespace} (east-west only): {where}', args)
            : msg('{kind} {name} in namespace {namespace}: {where}', args),
        );
      };
      return say(
        msgN(gws.length, '**Selects {n} gateway:**\n\n{list}', '**Selects {n} gateways:**\n\n{list}', {
          n: gws.length,
          list: mdList(gws.map(item), MAX_LISTED, locale),
        }),
      );
    }
    const selected = { labels: labelsMd(read.labels), namespace: mdCode(read.namespace) };
    return say(
      p.installGateways.length === 0
        ? msg(
            'No gateway install CR (IngressGateway, Gateway, …) is part of this project, so what {labels} in namespace {namespace} selects is not checked here.',
            selected,
          )
        : msg(
            '**Selects no gateway** deployed by an install CR that can be applied with this file ({labels} in namespace {namespace}); rule gateway-selector-no-match is off.',
            selected,
          ),
    );
  }
  if (!Object.keys(read.labels).length) return undefined;
  if (reported)
    return say(
      msg('**Matches no Service** ({rule}): {message}', { rule: reported.rule, message: reportText(reported) }),
    );
  const ws = workspaceOf(p, read.setting, uri);
  const svcs = matchingServices(servicesOf(p, ws, uri), read.labels);
  const scope = ws ? msg("workspace {name}'s namespaces", { name: mdCode(ws.name) }) : msg('the project');
  if (!svcs.length) {
    const why = !ws
      ? msg('workspace {name} is not defined in this project', {
          name: read.setting.workspace === undefined ? msg('(none)') : mdCode(read.setting.workspace),
        })
      : servicesOf(p, ws, uri).length === 0
        ? msg('workspace {name} owns no Service of this project yet (see its namespaceSelector)', {
            name: mdCode(ws.name),
          })
        : msg('rule service-selector-no-match is off');
    return say(msg('**Matches no Service** in {scope}; not reported as a problem: {why}.', { scope, why }));
  }
  const byName = new Map<string, Set<string>>();
  for (const s of svcs) {
    const k = say(
      msg('{name} in {namespace}', {
        name: mdCode(s.fact.name),
        namespace: s.namespace === undefined ? msg('(no namespace)') : mdCode(s.namespace),
      }),
    );
    const set = byName.get(k) ?? new Set<string>();
    for (const c of s.clusters) set.add(c);
    byName.set(k, set);
  }
  const list = mdList(
    [...byName].map(([k, cs]) => `${k}${cs.size ? `: ${mdCode([...cs].sort().join(', '))}` : ''}`),
    MAX_LISTED,
    locale,
  );
  return say(
    msgN(
      byName.size,
      '**Matches {n} Service** in {scope}:\n\n{list}',
      '**Matches {n} Services** in {scope}:\n\n{list}',
      { n: byName.size, scope, list },
    ),
  );
}
