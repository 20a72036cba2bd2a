import type { FixData, RelatedInfo } from '../types';
import type { RuleId, Severity } from '../problems';
import type { SourceRef, FailoverModel } from '../model/failoverTypes';
import type { ResolvedProject } from './resolved';
import type { TsbObjectFact } from './facts';
import { workspaceKey, settingKey, ownsNamespace, gatewaysFor } from '../model/failover';
import { labelsMatch, formatLabels, parseNsPattern, nsPatternsOverlap } from './selectors';
import { indexOf, servicesOwnedBy, workspacesFor } from './projectIndex';
import { nearest } from '../util/nearest';

// Relational rules: resources valid on their own that do not fit together. Each problem points at the
// exact selector or key that is wrong and, where one exists, names the nearest thing that would match.

export interface LocatedProblem {
  uri: string;
  rule: RuleId;
  message: string;
  ref: SourceRef;
  severity?: Severity;
  data?: FixData;
  related?: RelatedInfo[];
}

export function toRange(ref: SourceRef) {
  return { start: { line: ref.line, character: ref.character }, end: { line: ref.endLine, character: ref.endCharacter } };
}

function related(ref: SourceRef, message: string): RelatedInfo {
  return { uri: ref.uri, range: toRange(ref), message };
}

const TENANCY_GROUP = (apiVersion: string) => apiVersion.replace(/^tsb\.tetrate\.io\//, 'api.tsb.tetrate.io/');

function identity(o: TsbObjectFact): string {
  return [TENANCY_GROUP(o.apiVersion).split('/')[0], o.kind, o.organization ?? '', o.tenant ?? '', o.workspace ?? '', o.group ?? '', o.name].join('|');
}

export function crossFileProblems(p: ResolvedProject, model: FailoverModel): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  duplicates(p, out);
  parents(p, out);
  namespaceOwnership(p, out);
  multipleSettings(p, out);
  gatewaySelectors(p, out);
  serviceSelectors(p, out);
  injection(p, out);
  edgeDns(p, out);
  subsets(p, out);
  counterparts(p, model, out);
  return out;
}

/** `tsb/ws.yaml:12`: the last two path segments of a file and a 1-based line, for messages. */
function where(ref: SourceRef): string {
  const path = decodeURIComponent(ref.uri).split('/').slice(-2).join('/');
  return `${path}:${ref.line + 1}`;
}

/** The first earlier item that can be in effect together with `item` (applied together wins over maybe). */
function earlierPeer<T>(p: ResolvedProject, list: readonly T[], i: number, uriOf: (x: T) => string, accept: (x: T) => boolean = () => true): { peer: T; together: boolean } | undefined {
  let maybe: T | undefined;
  const uri = uriOf(list[i]!);
  for (let j = 0; j < i; j++) {
    const x = list[j]!;
    if (!accept(x)) continue;
    const r = p.relation(uriOf(x), uri);
    if (r === 'together') return { peer: x, together: true };
    if (r === 'maybe' && maybe === undefined) maybe = x;
  }
  return maybe === undefined ? undefined : { peer: maybe, together: false };
}

/** Prefix for a finding between files that are not known to be applied together. */
function ifTogether(p: ResolvedProject, a: string, b: string): string {
  const ua = p.deployment.unitNames(a)[0];
  const ub = p.deployment.unitNames(b)[0];
  return ua && ub && ua !== ub ? `If ${ua} and ${ub} are applied together: ` : 'If these files are applied together: ';
}

function duplicates(p: ResolvedProject, out: LocatedProblem[]): void {
  const seen = new Map<string, TsbObjectFact[]>();
  for (const o of p.tsb) {
    const k = identity(o);
    const list = seen.get(k);
    if (list) list.push(o);
    else seen.set(k, [o]);
  }
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    for (let i = 1; i < list.length; i++) {
      const o = list[i]!;
      const hit = earlierPeer(p, list, i, (x) => x.source.uri);
      if (!hit) continue;
      const first = hit.peer;
      const same = first.specHash === o.specHash;
      const text = `${o.kind} ${o.name} is defined twice${o.workspace ? ` in workspace ${o.workspace}` : o.tenant ? ` in tenant ${o.tenant}` : ''} (the other definition is ${where(first.nameRef)}): ${same ? 'both definitions have the same spec, so one is redundant' : 'their specs differ and the later one silently replaces the first when applied'}.`;
      out.push({
        uri: o.source.uri, rule: 'duplicate-resource', ref: o.nameRef,
        ...(!hit.together ? { severity: 'hint' as const } : same ? { severity: 'warning' as const } : {}),
        message: hit.together ? text : ifTogether(p, first.source.uri, o.source.uri) + text,
        related: [related(first.nameRef, `the other definition of ${o.kind} ${o.name}`)],
      });
    }
  }
  // Install CRs: the same kind/namespace/name applied twice to one cluster.
  const installs = new Map<string, typeof p.installGateways>();
  for (const g of p.installGateways) {
    if (!g.clusters.length || !g.namespace) continue;
    const k = `${g.fact.kind}|${g.namespace}|${g.fact.name}`;
    const list = installs.get(k);
    if (list) list.push(g);
    else installs.set(k, [g]);
  }
  for (const list of installs.values()) {
    for (let i = 1; i < list.length; i++) {
      const g = list[i]!;
      const hit = earlierPeer(p, list, i, (x) => x.fact.source.uri, (x) => x.clusters.some((c) => g.clusters.includes(c)));
      if (!hit) continue;
      const prev = hit.peer;
      const shared = g.clusters.filter((c) => prev.clusters.includes(c));
      const text = `${g.fact.kind} ${g.namespace}/${g.fact.name} is applied twice to ${shared.join(', ')} (the other definition is ${where(prev.fact.nameRef)}): the later one replaces the first.`;
      out.push({
        uri: g.fact.source.uri, rule: 'duplicate-resource', ref: g.fact.nameRef,
        ...(!hit.together ? { severity: 'hint' as const } : {}),
        message: hit.together ? text : ifTogether(p, prev.fact.source.uri, g.fact.source.uri) + text,
        related: [related(prev.fact.nameRef, 'the other definition')],
      });
    }
  }
}

const LEVEL_KIND: Record<'organization' | 'tenant' | 'workspace' | 'group', string> = {
  organization: 'Organization', tenant: 'Tenant', workspace: 'Workspace', group: 'Group',
};

function parents(p: ResolvedProject, out: LocatedProblem[]): void {
  const byKind = new Map<string, TsbObjectFact[]>();
  for (const o of p.tsb) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const scopeKey = (level: string, x: { organization?: string; tenant?: string; workspace?: string; groupType?: string }) =>
    level === 'organization' ? '' : level === 'tenant' ? `${x.organization}` : level === 'workspace' ? `${x.organization}|${x.tenant}` : `${x.organization}|${x.tenant}|${x.workspace}|${x.groupType}`;
  // level -> scope -> name -> the files defining it
  const defined = new Map<string, Map<string, Map<string, string[]>>>();
  for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
    const m = new Map<string, Map<string, string[]>>();
    for (const x of byKind.get(LEVEL_KIND[level]) ?? []) {
      const k = scopeKey(level, x);
      let names = m.get(k);
      if (!names) m.set(k, (names = new Map()));
      const uris = names.get(x.name);
      if (uris) uris.push(x.source.uri);
      else names.set(x.name, [x.source.uri]);
    }
    defined.set(level, m);
  }
  for (const o of p.tsb) {
    for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
      const name = o[level];
      const ref = o.parentRefs[level];
      if (!name || !ref) continue;
      // Only levels the project manages itself are checked: a repository that defines no Tenant at all
      // keeps tenants elsewhere, and every reference would be noise.
      const pool = byKind.get(LEVEL_KIND[level]) ?? [];
      if (!pool.length || (level === 'group' && !pool.some((g) => g.groupType === o.groupType))) continue;
      const names = defined.get(level)!.get(scopeKey(level, o));
      // Defined in a file that can be in effect with this one (not only in an alternative scenario).
      if (names?.get(name)?.some((u) => p.relation(u, o.source.uri) !== 'never')) continue;
      const guess = nearest(name, [...(names?.keys() ?? [])].filter((n) => n !== name), 4);
      const elsewhere = pool.some((x) => x.name === name);
      out.push({
        uri: o.source.uri, rule: 'parent-not-found', ref,
        message: `${o.kind} ${o.name} refers to ${level} ${name}, which is defined nowhere in the project${elsewhere ? ` under the same parents (a ${LEVEL_KIND[level]} ${name} exists elsewhere in the hierarchy)` : ''}${guess ? `; did you mean ${guess}?` : '.'}`,
        ...(guess ? { data: { fix: 'replace-value' as const, to: guess } } : {}),
      });
    }
  }
}

function namespaceOwnership(p: ResolvedProject, out: LocatedProblem[]): void {
  // Workspaces own namespaces exclusively across the whole organization; groups within their workspace.
  const scope = (o: TsbObjectFact) => o.kind === 'Workspace' ? `ws|${o.organization}` : `g|${o.groupType}|${o.organization}|${o.tenant}|${o.workspace}`;
  interface Claim { owner: TsbObjectFact; name: string; ref: SourceRef; pattern: { cluster: string; namespace: string } }
  // Per scope: exact namespace names in a map, wildcard and prefix claims in a list (they are few),
  // so the check stays linear in the number of claims; each claim is reported once, against the first owner.
  const scopes = new Map<string, { exact: Map<string, Claim[]>; wild: Claim[] }>();
  for (const b of p.tsb) {
    if (!b.namespaces.length || (b.kind !== 'Workspace' && b.kind !== 'Group')) continue;
    const key = scope(b);
    let sc = scopes.get(key);
    if (!sc) scopes.set(key, (sc = { exact: new Map(), wild: [] }));
    const mine: Claim[] = [];
    for (const nb of b.namespaces) {
      const pb = parseNsPattern(nb.name);
      if (!pb) continue;
      const claim: Claim = { owner: b, name: nb.name, ref: nb.ref, pattern: pb };
      mine.push(claim);
      const isWild = pb.namespace.endsWith('*');
      const candidates = isWild ? [...[...sc.exact.values()].flat(), ...sc.wild] : [...(sc.exact.get(pb.namespace) ?? []), ...sc.wild];
      let hit: Claim | undefined;
      let together = false;
      for (const c of candidates) {
        if (c.owner === b || c.owner.name === b.name || !nsPatternsOverlap(c.pattern, pb)) continue;
        const r = p.relation(c.owner.source.uri, b.source.uri);
        if (r === 'together') { hit = c; together = true; break; }
        if (r === 'maybe') hit ??= c;
      }
      if (!hit) continue;
      const what = b.kind === 'Workspace' ? 'workspaces' : `${b.groupType} groups`;
      const text = `${nb.name} ${nb.name === hit.name ? 'is' : `overlaps ${hit.name}, which is`} already claimed by ${b.kind === 'Workspace' ? 'workspace' : 'group'} ${hit.owner.name} (${where(hit.ref)}): ${what} own their namespaces exclusively.`;
      out.push({
        uri: b.source.uri, rule: 'namespace-owned-twice', ref: nb.ref,
        ...(together ? {} : { severity: 'hint' as const }),
        message: together ? text : ifTogether(p, hit.owner.source.uri, b.source.uri) + text,
        related: [related(hit.ref, `claimed by ${hit.owner.name}`)],
      });
    }
    for (const c of mine) {
      if (c.pattern.namespace.endsWith('*')) sc.wild.push(c);
      else {
        const list = sc.exact.get(c.pattern.namespace);
        if (list) list.push(c);
        else sc.exact.set(c.pattern.namespace, [c]);
      }
    }
  }
}

function multipleSettings(p: ResolvedProject, out: LocatedProblem[]): void {
  const byWs = new Map<string, TsbObjectFact[]>();
  for (const s of p.workspaceSettings) {
    const list = byWs.get(settingKey(s));
    if (list) list.push(s);
    else byWs.set(settingKey(s), [s]);
  }
  for (const list of byWs.values()) {
    for (let i = 1; i < list.length; i++) {
      const s = list[i]!;
      // A second copy under the same name is a duplicate-resource finding, not a second setting.
      const hit = earlierPeer(p, list, i, (x) => x.source.uri, (x) => x.name !== s.name);
      if (!hit) continue;
      const first = hit.peer;
      const text = `Workspace ${s.workspace} already has WorkspaceSetting ${first.name} (${where(first.nameRef)}); a workspace has exactly one WorkspaceSetting, so merge ${s.name} into it.`;
      out.push({
        uri: s.source.uri, rule: 'multiple-workspace-settings', ref: s.nameRef,
        ...(hit.together ? {} : { severity: 'hint' as const }),
        message: hit.together ? text : ifTogether(p, first.source.uri, s.source.uri) + text,
        related: [related(first.nameRef, 'the first WorkspaceSetting')],
      });
    }
  }
}

function selectorProblem(p: ResolvedProject, namespace: string, labels: Record<string, string>, uri: string, ref: SourceRef, what: string): LocatedProblem | undefined {
  // Checked only where the project installs gateways itself (a repository may keep them elsewhere).
  if (!namespace || Object.keys(labels).length === 0 || p.installGateways.length === 0) return undefined;
  if (gatewaysFor(p, namespace, labels, uri).length > 0) return undefined;
  // Only gateways that can be in effect with this selector count, not another scenario's.
  const installed = p.installGateways.filter((g) => p.relation(g.fact.source.uri, uri) !== 'never');
  const elsewhere = gatewaysFor(p, namespace, labels)[0];
  if (elsewhere?.source) {
    const where = p.deployment.unitNames(elsewhere.source.uri)[0];
    return {
      uri, rule: 'gateway-selector-no-match', ref,
      message: `${what} selects ${formatLabels(labels)} in namespace ${namespace}, but the only such gateway, ${elsewhere.name}, is installed by ${where ?? 'another file'}, which is never applied together with this file: with this file's deployment, no gateway matches.`,
      related: [related(elsewhere.source, `install ${elsewhere.kind} ${elsewhere.name}`)],
    };
  }
  if (installed.length === 0) return undefined;
  const sameNs = (indexOf(p).gatewaysByNs.get(namespace) ?? []).filter((g) => p.relation(g.fact.source.uri, uri) !== 'never');
  const byLabels = installed.filter((g) => labelsMatch(labels, g.fact.labels));
  const shown = `${formatLabels(labels)} in namespace ${namespace}`;
  if (byLabels.length) {
    const g = byLabels[0]!;
    return {
      uri, rule: 'gateway-selector-no-match', ref,
      message: `${what} selects ${shown}, but gateway ${g.fact.name} with those labels is deployed in namespace ${g.namespace ?? '(none)'}; did you mean namespace ${g.namespace}?`,
      related: [related(g.fact.nameRef, `install ${g.fact.kind} ${g.fact.name}`)],
    };
  }
  const candidates = sameNs.length ? sameNs : installed;
  const bestName = nearest(labels['app'] ?? Object.values(labels)[0] ?? '', candidates.map((g) => g.fact.name), sameNs.length ? 12 : undefined);
  const best = candidates.find((g) => g.fact.name === bestName) ?? (sameNs.length === 1 ? sameNs[0] : undefined);
  const operatorKeys = best ? Object.keys(labels).filter((k) => !(k in best.fact.labels)) : [];
  const unverifiable = operatorKeys.length > 0 && operatorKeys.every((k) => k !== 'app');
  const suggestion = best && best.namespace === namespace ? { app: best.fact.name, ...Object.fromEntries(Object.entries(labels).filter(([k, v]) => best.fact.labels[k] === v && k !== 'app')) } : undefined;
  return {
    uri, rule: 'gateway-selector-no-match', ref,
    message: unverifiable && best
      ? `${what} selects ${shown}; the operator labels gateway pods app=<install CR name> plus kubeSpec.deployment.labels, so ${operatorKeys.join(', ')} cannot be verified: select app=${best.fact.name} or add the label under kubeSpec.deployment.labels.`
      : `No gateway has ${shown}${best ? `; did you mean ${best.namespace === namespace ? `app=${best.fact.name}` : `${best.namespace}/app=${best.fact.name}`}?` : '.'} (A gateway install CR named X deploys pods labelled app=X.)`,
    ...(suggestion ? { data: { fix: 'replace-labels' as const, labels: suggestion } } : {}),
    ...(best ? { related: [related(best.fact.nameRef, `install ${best.fact.kind} ${best.fact.name} in ${best.namespace}`)] } : {}),
  };
}

function gatewaySelectors(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const s of p.workspaceSettings) {
    for (const e of s.eastWest) {
      const prob = selectorProblem(p, e.namespace, e.labels, s.source.uri, e.labelsRef, 'This east-west workloadSelector');
      if (prob) out.push(prob);
    }
  }
  for (const g of p.gatewayConfigs) {
    if (!g.selector) continue;
    const prob = selectorProblem(p, g.selector.namespace, g.selector.labels, g.source.uri, g.selector.labelsRef, `${g.kind} ${g.name}'s workloadSelector`);
    if (prob) out.push(prob);
  }
}

function serviceSelectors(p: ResolvedProject, out: LocatedProblem[]): void {
  const wsByKey = new Map<string, TsbObjectFact[]>();
  for (const o of indexOf(p).workspaces) {
    const list = wsByKey.get(workspaceKey(o));
    if (list) list.push(o);
    else wsByKey.set(workspaceKey(o), [o]);
  }
  for (const s of p.workspaceSettings) {
    const ws = wsByKey.get(settingKey(s))?.find((w) => p.relation(w.source.uri, s.source.uri) !== 'never');
    if (!ws) continue;
    // Only the namespaces the workspace names, unless a pattern has a wildcard namespace part.
    const services = servicesOwnedBy(p, ws).filter((svc) => ownsNamespace(ws, svc.namespace, svc.clusters) && p.relation(svc.fact.source.uri, s.source.uri) !== 'never');
    if (services.length === 0) continue;
    for (const e of s.eastWest) {
      for (const x of e.exposed) {
        if (Object.keys(x.labels).length === 0) continue;
        if (services.some((svc) => labelsMatch(x.labels, svc.fact.labels))) continue;
        // Nearest: the Service whose labels share the most pairs or keys with the selector.
        const keys = Object.keys(x.labels);
        const nearestSvc = services
          .map((svc) => ({ svc, score: keys.filter((k) => k in svc.fact.labels).length }))
          .sort((a, b) => b.score - a.score)[0];
        const hint = nearestSvc && nearestSvc.score > 0
          ? `; ${nearestSvc.svc.fact.name} has ${keys.filter((k) => k in nearestSvc.svc.fact.labels).map((k) => `${k}=${nearestSvc.svc.fact.labels[k]}`).join(',')}`
          : `; their labels are ${[...new Set(services.flatMap((svc) => Object.entries(svc.fact.labels).map(([k, v]) => `${k}=${v}`)))].slice(0, 6).join(', ')}`;
        out.push({
          uri: s.source.uri, rule: 'service-selector-no-match', ref: x.ref,
          message: `exposedServices selector ${formatLabels(x.labels)} matches no Service in workspace ${ws.name}'s namespaces (serviceLabels match Service labels, not pod labels)${hint}.`,
        });
      }
    }
  }
}

function injection(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const ns of p.namespaces) {
    const owner = workspacesFor(p, ns.fact.name).find((ws) => ownsNamespace(ws, ns.fact.name, ns.clusters) && p.relation(ws.source.uri, ns.fact.source.uri) !== 'never');
    if (!owner) continue;
    const l = ns.fact.labels;
    if (l['istio-injection'] === 'enabled' || l['istio.io/rev'] || l['istio.io/dataplane-mode'] === 'ambient') continue;
    out.push({
      uri: ns.fact.source.uri, rule: 'namespace-not-injected', ref: ns.fact.source,
      message: `Namespace ${ns.fact.name} belongs to workspace ${owner.name} but has no sidecar-injection label (istio-injection: enabled or istio.io/rev): its pods join the mesh only with a sidecar.`,
    });
  }
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+:[0-9a-fA-F:.]*)$/;

function edgeDns(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const g of p.installGateways) {
    const ext = g.fact.externalAddresses;
    if (!ext) continue;
    const parts = ext.value.split(',').map((s) => s.trim()).filter(Boolean);
    const dns = parts.filter((x) => !IP.test(x));
    if (dns.length && parts.length > 1) {
      out.push({
        uri: g.fact.source.uri, rule: 'invalid-value', ref: ext.ref,
        message: 'xcp.tetrate.io/cluster-external-addresses takes one IP address, one DNS name, or several IP addresses separated by commas; not several DNS names or a mix.',
      });
      continue;
    }
    if (!dns.length) continue;
    const enabling = p.controlPlanes.filter((c) => c.fact.dnsResolutionAtEdge && p.relation(c.fact.source.uri, g.fact.source.uri) !== 'never');
    const missing = g.clusters.length
      ? g.clusters.filter((cl) => !enabling.some((c) => c.clusters.includes(cl) || c.clusters.length === 0))
      : enabling.length ? [] : ['(all)'];
    if (!missing.length) continue;
    out.push({
      uri: g.fact.source.uri, rule: 'edge-dns-resolution-disabled', ref: ext.ref,
      message: `cluster-external-addresses is the DNS name ${dns[0]}, but no ControlPlane${g.clusters.length ? ` for ${missing.join(', ')}` : ''} in the project sets ENABLE_DNS_RESOLUTION_AT_EDGE="true" (EdgeXcp overlay): remote WorkloadEntries would carry a hostname and failover traffic would not flow.`,
    });
  }
}

function subsets(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const r of p.serviceRoutes) {
    if (!r.service || !r.subsets.length) continue;
    const [ns, host] = r.service.split('/');
    if (!ns || !host) continue;
    const name = host.split('.')[0]!;
    const svcs = indexOf(p).servicesByNsName.get(`${ns}/${name}`)?.filter((x) => p.relation(x.fact.source.uri, r.source.uri) !== 'never');
    if (!svcs?.length) continue;
    const selector = svcs[0]!.fact.selector;
    if (!Object.keys(selector).length) continue;
    const pods = (indexOf(p).workloadsByNs.get(ns) ?? []).filter((w) => labelsMatch(selector, w.fact.podLabels) && p.relation(w.fact.source.uri, r.source.uri) !== 'never');
    if (!pods.length) continue;
    for (const s of r.subsets) {
      if (!Object.keys(s.labels).length || pods.some((w) => labelsMatch(s.labels, w.fact.podLabels))) continue;
      const versions = [...new Set(pods.map((w) => w.fact.podLabels['version']).filter(Boolean))];
      out.push({
        uri: r.source.uri, rule: 'subset-not-found', ref: s.ref,
        message: `Subset ${s.name} selects ${formatLabels(s.labels)}, but no pod of ${name}.${ns} has those labels${versions.length ? ` (versions present: ${versions.join(', ')})` : ''}.`,
      });
    }
  }
}

function counterparts(p: ResolvedProject, model: FailoverModel, out: LocatedProblem[]): void {
  if (p.clusters.length < 2) return;
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) {
      if (c.failover || !c.source) continue;
      out.push({
        uri: c.source.uri, rule: 'no-failover-counterpart', ref: c.source,
        message: `Service ${c.service}.${c.namespace} is exposed through the east-west gateway but cannot fail over: it ${c.reason ?? 'runs in one cluster only'}.`,
      });
    }
  }
}
