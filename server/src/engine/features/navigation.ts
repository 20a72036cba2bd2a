import type { Location, Position } from 'vscode-languageserver-types';
import type { FileAnalysis } from '../fileAnalysis';
import type { SourceRef } from '../model/failoverTypes';
import { refRange } from '../range';
import { readTsbMeta, stringMap } from '../parse/tsbMeta';
import type { AnalysedProject } from '../analysedProject';
import type { InstallGatewayFact, ServiceFact, TsbObjectFact } from '../workspace/facts';
import type { Placed, ResolvedProject } from '../workspace/resolved';
import { labelsMatch } from '../workspace/selectors';
import { locate, valueAt, type Located, type Path } from './locate';
import { servicesOf, tenancyObjects, workspaceOf, type ParentLevel } from './projectValues';

// Go to definition and find references across files:
//   east-west / gateway workloadSelector  <->  the gateway install CR (metadata.name)
//   exposedServices[].serviceLabels       <->  the Services they match
//   metadata.organization/tenant/workspace/group and GitOps annotations  <->  their definitions

type Target =
  | { type: 'gateway'; gateways: Placed<InstallGatewayFact>[] }
  | { type: 'service'; services: Placed<ServiceFact>[] }
  | { type: 'tenancy'; objects: TsbObjectFact[]; level: ParentLevel; name: string };

const LEVEL_OF_KIND: Record<string, ParentLevel> = {
  Organization: 'organization',
  Tenant: 'tenant',
  Workspace: 'workspace',
  Group: 'group',
};

function loc(ref: SourceRef): Location {
  return { uri: ref.uri, range: refRange(ref) };
}

function contains(ref: SourceRef, uri: string, pos: Position): boolean {
  if (ref.uri !== uri) return false;
  const after = pos.line > ref.line || (pos.line === ref.line && pos.character >= ref.character);
  const before = pos.line < ref.endLine || (pos.line === ref.endLine && pos.character <= ref.endCharacter);
  return after && before;
}

function upTo(path: Path, key: string): Path | undefined {
  const i = path.lastIndexOf(key);
  return i >= 0 ? path.slice(0, i + 1) : undefined;
}

function parentLevelAt(path: Path): ParentLevel | undefined {
  if (
    path.length === 2 &&
    path[0] === 'metadata' &&
    typeof path[1] === 'string' &&
    ['organization', 'tenant', 'workspace', 'group'].includes(path[1])
  )
    return path[1] as ParentLevel;
  if (path.length === 3 && path[0] === 'metadata' && path[1] === 'annotations' && typeof path[2] === 'string') {
    const m = /^tsb\.tetrate\.io\/(organization|tenant|workspace|\w+Group)$/.exec(path[2]);
    if (m) return m[1]!.endsWith('Group') ? 'group' : (m[1] as ParentLevel);
  }
  return undefined;
}

/** What the caret refers to (a selector, a parent reference) or defines (a resource name). */
function targetAt(file: FileAnalysis, pos: Position, at: Located, p: ResolvedProject): Target | undefined {
  const value = at.resource.value;
  const wsPath = upTo(at.path, 'workloadSelector');
  if (wsPath) {
    const sel = valueAt(value, wsPath);
    const ns = String(valueAt(sel, ['namespace']) ?? '');
    const labels = stringMap(valueAt(sel, ['labels']));
    return {
      type: 'gateway',
      gateways: p.installGateways.filter(
        (g) =>
          g.namespace === ns &&
          labelsMatch(labels, g.fact.labels) &&
          p.relation(g.fact.source.uri, file.uri) !== 'never',
      ),
    };
  }
  const slPath = upTo(at.path, 'serviceLabels');
  if (slPath) {
    const labels = stringMap(valueAt(value, slPath));
    const meta = readTsbMeta(value, at.entry?.apiVersions[0], at.entry?.groupType);
    return {
      type: 'service',
      services: servicesOf(p, workspaceOf(p, meta, file.uri), file.uri).filter((s) =>
        labelsMatch(labels, s.fact.labels),
      ),
    };
  }
  const level = parentLevelAt(at.path);
  if (level && !at.onKey) {
    const name = valueAt(value, at.path);
    if (typeof name !== 'string') return undefined;
    const meta = readTsbMeta(value, at.entry?.apiVersions[0], at.entry?.groupType);
    const all = tenancyObjects(p, level, at.entry?.groupType).filter((o) => o.name === name);
    // Prefer definitions under the same parents; fall back to any object of that name.
    const scoped = all.filter(
      (o) =>
        (level === 'organization' || !meta.organization || o.organization === meta.organization) &&
        (level === 'organization' || level === 'tenant' || !meta.tenant || o.tenant === meta.tenant),
    );
    return { type: 'tenancy', objects: scoped.length ? scoped : all, level, name };
  }
  // Declarations: the caret on a resource's own name.
  const gw = p.installGateways.find((g) => contains(g.fact.nameRef, file.uri, pos));
  if (gw) return { type: 'gateway', gateways: [gw] };
  const svc = p.services.find((s) => contains(s.fact.source, file.uri, pos));
  if (svc) return { type: 'service', services: [svc] };
  const obj = p.tsb.find((o) => LEVEL_OF_KIND[o.kind] && contains(o.nameRef, file.uri, pos));
  if (obj) return { type: 'tenancy', objects: [obj], level: LEVEL_OF_KIND[obj.kind]!, name: obj.name };
  return undefined;
}

export function definition(file: FileAnalysis, pos: Position, project: Pick<AnalysedProject, 'resolved'>): Location[] {
  const at = locate(file, pos);
  if (!at) return [];
  const t = targetAt(file, pos, at, project.resolved(file.uri));
  if (!t) return [];
  const refs =
    t.type === 'gateway'
      ? t.gateways.map((g) => g.fact.nameRef)
      : t.type === 'service'
        ? t.services.map((s) => s.fact.source)
        : t.objects.map((o) => o.nameRef);
  // On a declaration, "definition" is itself: editors then offer references instead.
  return dedupe(refs).map(loc);
}

export function references(
  file: FileAnalysis,
  pos: Position,
  project: Pick<AnalysedProject, 'resolved'>,
  includeDeclaration: boolean,
): Location[] {
  const at = locate(file, pos);
  if (!at) return [];
  const p = project.resolved(file.uri);
  const t = targetAt(file, pos, at, p);
  if (!t) return [];
  const out: SourceRef[] = [];
  if (t.type === 'gateway') {
    for (const g of t.gateways) {
      if (includeDeclaration) out.push(g.fact.nameRef);
      for (const s of p.workspaceSettings) {
        if (p.relation(s.source.uri, g.fact.source.uri) === 'never') continue;
        for (const e of s.eastWest)
          if (e.namespace === g.namespace && labelsMatch(e.labels, g.fact.labels)) out.push(e.selectorRef);
      }
      for (const c of p.gatewayConfigs) {
        if (c.selector && c.selector.namespace === g.namespace && labelsMatch(c.selector.labels, g.fact.labels))
          out.push(c.selector.ref);
      }
    }
  } else if (t.type === 'service') {
    // Each setting file's workspace and that workspace's Services are looked up once (thousands of
    // settings of one workspace made this cubic), and each selector is compared with the targets once.
    const targetsOf = new Map<string, Placed<ServiceFact>[]>();
    const targetsFor = (s: TsbObjectFact) => {
      const key = `${s.source.uri}|${s.organization ?? ''}/${s.tenant ?? ''}/${s.workspace ?? ''}`;
      let targets = targetsOf.get(key);
      if (!targets) {
        const ws = workspaceOf(p, s, s.source.uri);
        const owned = ws ? new Set(servicesOf(p, ws, s.source.uri)) : undefined;
        // Settings and Services that are never applied together (alternative scenarios) do not refer to each other.
        targets = t.services.filter(
          (svc) => (!owned || owned.has(svc)) && p.relation(s.source.uri, svc.fact.source.uri) !== 'never',
        );
        targetsOf.set(key, targets);
      }
      return targets;
    };
    if (includeDeclaration) for (const svc of t.services) out.push(svc.fact.source);
    for (const s of p.workspaceSettings) {
      const targets = targetsFor(s);
      if (!targets.length) continue;
      for (const e of s.eastWest)
        for (const x of e.exposed) if (targets.some((svc) => labelsMatch(x.labels, svc.fact.labels))) out.push(x.ref);
    }
  } else {
    if (includeDeclaration) for (const o of t.objects) out.push(o.nameRef);
    for (const o of p.tsb) {
      const ref = o.parentRefs[t.level];
      if (!ref || o[t.level] !== t.name) continue;
      if (t.objects.length && t.level !== 'organization' && !t.objects.some((d) => sameScope(d, o, t.level))) continue;
      out.push(ref);
    }
  }
  return dedupe(out).slice(0, MAX_REFERENCES).map(loc);
}

/** References listed at most: an editor cannot show more usefully, and the answer stays small. */
const MAX_REFERENCES = 5_000;

/** Does `user` (naming `level`) refer to the definition `def` rather than a namesake elsewhere? */
function sameScope(def: TsbObjectFact, user: TsbObjectFact, level: ParentLevel): boolean {
  if (level === 'tenant') return !def.organization || !user.organization || def.organization === user.organization;
  return (
    (!def.organization || !user.organization || def.organization === user.organization) &&
    (!def.tenant || !user.tenant || def.tenant === user.tenant)
  );
}

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.uri}:${r.line}:${r.character}`;
    return !seen.has(k) && seen.add(k);
  });
}
