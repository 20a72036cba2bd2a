import type {
  DownWorkload, FailoverModel, ServiceCandidate, ExcludedService, TrafficRoute, WhatIfResult, WorkloadInfo, WorkspaceFailover,
} from './failoverTypes';

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
    for (const c of ws.candidates) out.push({ ws, service: c.service, namespace: c.namespace, workloads: c.workloads, candidate: c });
    for (const e of ws.excluded) out.push({ ws, service: e.service, namespace: e.namespace, workloads: e.workloads ?? [], excluded: e });
  }
  return out;
}

/** Simulates workloads scaled to zero (the seed's `kubectl scale deployment details-v1 --replicas=0`). */
export function simulateDown(model: FailoverModel, down: DownWorkload[]): WhatIfResult {
  const isDown = (w: WorkloadInfo, cluster: string) =>
    down.some((d) => d.cluster === cluster && d.namespace === w.namespace && d.workload === w.name);
  const upIn = (workloads: WorkloadInfo[], cluster: string, version?: string) =>
    workloads.some((w) => w.clusters.includes(cluster) && !isDown(w, cluster) && (version === undefined || w.version === version));

  const services = servicesOf(model);
  const routes: TrafficRoute[] = [];
  const unknown: WhatIfResult['unknown'] = [];
  const seen = new Set<string>();

  for (const target of down) {
    const hits = services.filter((s) => s.namespace === target.namespace
      && s.workloads.some((w) => w.name === target.workload && w.clusters.includes(target.cluster)));
    if (hits.length === 0) {
      const excluded = services.find((s) => s.excluded && s.namespace === target.namespace);
      unknown.push({
        target,
        reason: excluded
          ? `no workload ${target.workload} backs an exposed service in ${target.cluster}/${target.namespace}`
          : `no workload ${target.workload} runs in ${target.cluster}/${target.namespace} according to the project's placements`,
      });
      continue;
    }
    for (const s of hits) {
      const w = s.workloads.find((x) => x.name === target.workload)!;
      // Subset routes matter only when the service has several versions (seed: reviews v1/v2/v3).
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
  if (upIn(s.workloads, from, subset)) {
    const others = s.workloads.filter((w) => w.clusters.includes(from) && !isDown(w, from) && (subset === undefined || w.version === subset));
    const names = others.map((w) => w.name).join(', ');
    return { ...base, outcome: 'local', toClusters: [from], reason: `other ${what} workloads still run in ${from} (${names}); traffic stays local` };
  }
  const c = s.candidate;
  if (!c) {
    return { ...base, outcome: 'none', toClusters: [], reason: `${s.service} is not exposed through an east-west gateway: ${s.excluded?.reason ?? 'not a failover candidate'}` };
  }
  const gw = s.ws.gateways.find((g) => g.entry === c.exposedBy.entry);
  const remote = c.clusters.filter((cl) => cl !== from && upIn(s.workloads, cl, subset));
  if (remote.length > 0) {
    return {
      ...base,
      outcome: 'remote',
      toClusters: remote,
      ...(gw ? { via: { namespace: gw.namespace, labels: gw.labels } } : {}),
      reason: `no ${what} workload is left in ${from}, and ${s.service} is exposed through the east-west gateway in ${remote.join(', ')}`,
    };
  }
  const elsewhere = c.runsIn.filter((cl) => cl !== from);
  let reason: string;
  if (elsewhere.length === 0) reason = `${s.service} runs only in ${from}: there is no copy in another cluster to fail over to`;
  else if (subset && !Object.keys(c.versions).includes(subset)) reason = `${what} runs nowhere else`;
  else if (subset && (c.versions[subset] ?? []).every((cl) => cl === from)) reason = `${what} runs only in ${from}; other clusters run other versions, and subset routing keeps traffic on ${subset}`;
  else if (c.clusters.filter((cl) => cl !== from).length === 0) reason = `${s.service} also runs in ${elsewhere.join(', ')} but no selected east-west gateway is deployed there`;
  else reason = `every other copy of ${what} (${c.clusters.filter((cl) => cl !== from).join(', ')}) is down too`;
  return { ...base, outcome: 'none', toClusters: [], reason: `no ${what} left in ${from} and no failover: ${reason}` };
}
