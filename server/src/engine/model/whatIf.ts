import type {
  DownWorkload,
  FailoverModel,
  ServiceCandidate,
  ExcludedService,
  TrafficRoute,
  WhatIfResult,
  WorkloadInfo,
  WorkspaceFailover,
} from './failoverTypes';
import { commas, msg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';

// Pure: runs in the CLI, the server and the preview's browser bundle alike.

/** Parses `CLUSTER/NAMESPACE/WORKLOAD`; undefined when the shape is wrong. */
export function parseDownTarget(text: string): DownWorkload | undefined {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [cluster, namespace, workload] = parts.map((p) => p.trim()) as [string, string, string];
  return { cluster, namespace, workload };
}

export function formatDownTarget(d: DownWorkload): string {
  return `${d.cluster}/${d.namespace}/${d.workload}`;
}

interface ServiceView {
  ws: WorkspaceFailover;
  service: string;
  namespace: string;
  workloads: WorkloadInfo[];
  candidate?: ServiceCandidate;
  excluded?: ExcludedService;
}

function servicesOf(model: FailoverModel): ServiceView[] {
  const out: ServiceView[] = [];
  for (const ws of model.workspaces) {
    for (const c of ws.candidates)
      out.push({ ws, service: c.service, namespace: c.namespace, workloads: c.workloads, candidate: c });
    for (const e of ws.excluded)
      out.push({ ws, service: e.service, namespace: e.namespace, workloads: e.workloads ?? [], excluded: e });
  }
  return out;
}

/** Simulates workloads scaled to zero (as `kubectl scale deployment details-v1 --replicas=0` would). */
export function simulateDown(model: FailoverModel, down: DownWorkload[]): WhatIfResult {
  const isDown = (w: WorkloadInfo, cluster: string) =>
    down.some((d) => d.cluster === cluster && d.namespace === w.namespace && d.workload === w.name);
  const upIn = (workloads: WorkloadInfo[], cluster: string, version?: string) =>
    workloads.some(
      (w) => w.clusters.includes(cluster) && !isDown(w, cluster) && (version === undefined || w.version === version),
    );

  const services = servicesOf(model);
  const routes: TrafficRoute[] = [];
  const unknown: WhatIfResult['unknown'] = [];
  const seen = new Set<string>();

  for (const target of down) {
    const hits = services.filter(
      (s) =>
        s.namespace === target.namespace &&
        s.workloads.some((w) => w.name === target.workload && w.clusters.includes(target.cluster)),
    );
    if (hits.length === 0) {
      const excluded = services.find((s) => s.excluded && s.namespace === target.namespace);
      const why = excluded
        ? msg('no workload {workload} backs an exposed service in {where}', {
            workload: target.workload,
            where: `${target.cluster}/${target.namespace}`,
          })
        : msg("no workload {workload} runs in {where} according to the project's placements", {
            workload: target.workload,
            where: `${target.cluster}/${target.namespace}`,
          });
      unknown.push({ target, reason: render(why), reasonL10n: why });
      continue;
    }
    for (const s of hits) {
      const w = s.workloads.find((x) => x.name === target.workload)!;
      // Subset routes matter only when the service has several versions (reviews v1/v2/v3).
      const versions = new Set(s.workloads.map((x) => x.version).filter(Boolean));
      const subsets: (string | undefined)[] = w.version && versions.size > 1 ? [undefined, w.version] : [undefined];
      for (const subset of subsets) {
        const key = `${s.ws.name}|${s.namespace}|${s.service}|${target.cluster}|${subset ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        routes.push(routeFor(s, target.cluster, subset, upIn, isDown));
      }
    }
  }
  return { down, unknown, routes };
}

function routeFor(
  s: ServiceView,
  from: string,
  subset: string | undefined,
  upIn: (w: WorkloadInfo[], cluster: string, version?: string) => boolean,
  isDown: (w: WorkloadInfo, cluster: string) => boolean,
): TrafficRoute {
  const base = { service: s.service, namespace: s.namespace, fromCluster: from, ...(subset ? { subset } : {}) };
  const what = subset ? `${s.service} ${subset}` : s.service;
  const because = (why: Message) => ({ reason: render(why), reasonL10n: why });
  if (upIn(s.workloads, from, subset)) {
    const others = s.workloads.filter(
      (w) => w.clusters.includes(from) && !isDown(w, from) && (subset === undefined || w.version === subset),
    );
    const names = commas(others.map((w) => w.name));
    return {
      ...base,
      outcome: 'local',
      toClusters: [from],
      ...because(
        msg('other {what} workloads still run in {cluster} ({names}); traffic stays local', {
          what,
          cluster: from,
          names,
        }),
      ),
    };
  }
  const c = s.candidate;
  if (!c) {
    const why = s.excluded ? (s.excluded.reasonL10n ?? s.excluded.reason) : msg('not a failover candidate');
    return {
      ...base,
      outcome: 'none',
      toClusters: [],
      ...because(msg('{service} is not exposed through an east-west gateway: {why}', { service: s.service, why })),
    };
  }
  const gw = s.ws.gateways.find((g) => g.entry === c.exposedBy.entry);
  const remote = c.clusters.filter((cl) => cl !== from && upIn(s.workloads, cl, subset));
  if (remote.length > 0) {
    return {
      ...base,
      outcome: 'remote',
      toClusters: remote,
      ...(gw ? { via: { namespace: gw.namespace, labels: gw.labels } } : {}),
      ...because(
        msg(
          'no {what} workload is left in {cluster}, and {service} is exposed through the east-west gateway in {clusters}',
          { what, cluster: from, service: s.service, clusters: commas(remote) },
        ),
      ),
    };
  }
  const elsewhere = c.runsIn.filter((cl) => cl !== from);
  let reason: Message;
  if (elsewhere.length === 0)
    reason = msg('{service} runs only in {cluster}: there is no copy in another cluster to fail over to', {
      service: s.service,
      cluster: from,
    });
  else if (subset && !Object.keys(c.versions).includes(subset)) reason = msg('{what} runs nowhere else', { what });
  else if (subset && (c.versions[subset] ?? []).every((cl) => cl === from))
    reason = msg(
      '{what} runs only in {cluster}; other clusters run other versions, and subset routing keeps traffic on {subset}',
      { what, cluster: from, subset },
    );
  else if (c.clusters.filter((cl) => cl !== from).length === 0)
    reason = msg('{service} also runs in {clusters} but no selected east-west gateway is deployed there', {
      service: s.service,
      clusters: commas(elsewhere),
    });
  else
    reason = msg('every other copy of {what} ({clusters}) is down too', {
      what,
      clusters: commas(c.clusters.filter((cl) => cl !== from)),
    });
  return {
    ...base,
    outcome: 'none',
    toClusters: [],
    ...because(msg('no {what} left in {cluster} and no failover: {reason}', { what, cluster: from, reason })),
  };
}
