// PURE: the what-if of the preview -> toggles per cluster, the marked-down set and where callers'
// traffic goes, from the engine's simulateDown (no DOM; see viewModel.ts).
import {
  formatDownTarget,
  simulateDown,
  type DownWorkload,
  type FailoverModel,
  type SourceRef,
  type TrafficRoute,
  type WorkloadInfo,
} from '../../../../server/src/engine/index';
import { engineText, list, t } from './l10n';
import { byText, gatewayText, sentence, srcOf, type LinkView } from './viewText';

export interface WorkloadToggleView {
  key: string;
  target: DownWorkload;
  service: string;
  version?: string;
  down: boolean;
  /** The service is not exposed through the east-west gateway (its callers cannot fail over). */
  notExposed: boolean;
  text: string;
  ariaLabel: string;
  toggleLabel: string;
}

export interface ClusterTogglesView {
  cluster: string;
  label: string;
  toggles: WorkloadToggleView[];
}

/** One entry of the marked-down set: always listed, with a way to undo it. */
export interface MarkedView {
  key: string;
  target: DownWorkload;
  /** 'down': the workload exists and is marked down; 'gone': the YAML no longer has it there. */
  state: 'down' | 'gone';
  text: string;
  detail: string;
  buttonText: string;
  buttonLabel: string;
}

export type Outcome = TrafficRoute['outcome'];

export interface RouteView {
  key: string;
  service: LinkView;
  namespace: string;
  /** The subset of the route ("any version" or "subset v2"). */
  subsetText: string;
  /** What is shown: subsetText plus merged subsets with the same outcome ("any version or subset v1"). */
  shownSubset: string;
  outcome: Outcome;
  outcomeText: string;
  fromCluster: string;
  fromText: string;
  toClusters: string[];
  toText: string;
  reason: string;
  ariaLabel: string;
}

export interface WhatIfView {
  clusters: ClusterTogglesView[];
  marked: MarkedView[];
  downCount: number;
  downText: string;
  routes: RouteView[];
  hint: string;
  title: string;
  answerTitle: string;
  emptyText: string;
}

export function downKey(d: DownWorkload): string {
  return formatDownTarget(d);
}

export function sameDown(a: DownWorkload, b: DownWorkload): boolean {
  return a.cluster === b.cluster && a.namespace === b.namespace && a.workload === b.workload;
}

/** Adds or removes one workload from the what-if; returns a new array. */
export function toggleDown(down: DownWorkload[], target: DownWorkload): DownWorkload[] {
  return down.some((d) => sameDown(d, target)) ? down.filter((d) => !sameDown(d, target)) : [...down, target];
}

function outcomeText(o: Outcome): string {
  return o === 'local' ? t('Stays local') : o === 'remote' ? t('Fails over') : t('No route');
}

function routeViews(model: FailoverModel, routes: TrafficRoute[]): RouteView[] {
  const sources = new Map<string, SourceRef>();
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) if (c.source) sources.set(`${c.namespace}/${c.service}`, c.source);
    for (const e of ws.excluded) if (e.source) sources.set(`${e.namespace}/${e.service}`, e.source);
  }
  return mergeSameOutcome(routes).map(({ route: r, alsoSubsets }, i): RouteView => {
    const subsetText = r.subset ? t('subset {0}', r.subset) : t('any version');
    const shownSubset = alsoSubsets.length
      ? t('{0} or {1}', subsetText, alsoSubsets.map((s) => t('subset {0}', s)).join(t(', ')))
      : subsetText;
    const toText =
      r.outcome === 'local'
        ? t('{0} (local)', r.fromCluster)
        : r.outcome === 'remote'
          ? r.via
            ? t('{0} via east-west gateway {1}', list(r.toClusters), gatewayText(r.via))
            : list(r.toClusters)
          : t('nowhere');
    const src = sources.get(`${r.namespace}/${r.service}`);
    const fromText = t('callers in {0}', r.fromCluster);
    return {
      key: `route:${i}:${r.namespace}/${r.service}/${r.fromCluster}/${r.subset ?? ''}`,
      service: { text: r.service, label: t('Open service {0}/{1}', r.namespace, r.service), ...srcOf(src) },
      namespace: r.namespace,
      subsetText,
      shownSubset,
      outcome: r.outcome,
      outcomeText: outcomeText(r.outcome),
      fromCluster: r.fromCluster,
      fromText,
      toClusters: r.toClusters,
      toText,
      reason: sentence(engineText(r.reasonL10n, r.reason)),
      ariaLabel: t('{0}, {1}, {2}: {3}, to {4}', r.service, shownSubset, fromText, outcomeText(r.outcome), toText),
    };
  });
}

/** Every workload of the model, with its service and whether that service is exposed. */
function workloadsOf(
  model: FailoverModel,
): { w: WorkloadInfo; service: string; namespace: string; exposed: boolean }[] {
  const out: { w: WorkloadInfo; service: string; namespace: string; exposed: boolean }[] = [];
  for (const ws of model.workspaces) {
    for (const c of ws.candidates)
      for (const w of c.workloads) out.push({ w, service: c.service, namespace: c.namespace, exposed: true });
    for (const e of ws.excluded)
      for (const w of e.workloads ?? []) out.push({ w, service: e.service, namespace: e.namespace, exposed: false });
  }
  return out;
}

export function whatIfView(model: FailoverModel, down: DownWorkload[]): WhatIfView {
  const byCluster = new Map<string, Map<string, WorkloadToggleView>>();
  const known = new Set<string>();
  for (const { w, service, namespace, exposed } of workloadsOf(model)) {
    for (const cluster of w.clusters) {
      const target: DownWorkload = { cluster, namespace: w.namespace, workload: w.name };
      const key = `down:${downKey(target)}`;
      known.add(key);
      let m = byCluster.get(cluster);
      if (!m) byCluster.set(cluster, (m = new Map()));
      if (m.has(key)) continue;
      const isDown = down.some((d) => sameDown(d, target));
      const what = `${namespace}/${service}${w.version ? ` ${w.version}` : ''}`;
      m.set(key, {
        key,
        target,
        service,
        ...(w.version ? { version: w.version } : {}),
        down: isDown,
        notExposed: !exposed,
        text: w.name,
        ariaLabel: isDown
          ? t('{0} ({1}) in {2}: marked down', w.name, what, cluster)
          : t('{0} ({1}) in {2}: up', w.name, what, cluster),
        toggleLabel: t('Mark {0} down in {1}', w.name, cluster),
      });
    }
  }
  const order = [...model.clusters, ...[...byCluster.keys()].filter((c) => !model.clusters.includes(c)).sort(byText)];
  const clusters = order
    .filter((c) => byCluster.has(c))
    .map((cluster) => ({
      cluster,
      label: t('Workloads in {0}', cluster),
      toggles: [...byCluster.get(cluster)!.values()].sort(
        (a, b) => byText(a.service, b.service) || byText(a.text, b.text),
      ),
    }));

  const result = simulateDown(model, down);
  const marked: MarkedView[] = down.map((d) => {
    const key = `marked:${downKey(d)}`;
    return known.has(`down:${downKey(d)}`)
      ? {
          key,
          target: d,
          state: 'down',
          text: d.workload,
          detail: t('{0} · {1}', d.cluster, d.namespace),
          buttonText: t('Bring back up'),
          buttonLabel: t('Bring {0} back up in {1}', d.workload, d.cluster),
        }
      : {
          key,
          target: d,
          state: 'gone',
          text: d.workload,
          detail: t('{0} · {1} · no longer exists', d.cluster, d.namespace),
          buttonText: t('Remove'),
          buttonLabel: t('Remove {0} in {1} from the what-if: it no longer exists', d.workload, d.cluster),
        };
  });
  const n = down.length;
  return {
    clusters,
    marked,
    downCount: n,
    downText:
      n === 0
        ? t('No workload marked down')
        : n === 1
          ? t('1 workload marked down')
          : t('{0} workloads marked down', n),
    routes: routeViews(model, result.routes),
    hint:
      clusters.length === 0
        ? t('No workload backs a service of a workspace yet, so there is nothing to scale down.')
        : t(
            'Mark workloads down (like kubectl scale deployment details-v1 --replicas=0) to see where their callers\u2019 traffic goes.',
          ),
    title: t('What if a workload goes down?'),
    answerTitle: t('Where callers\u2019 traffic goes'),
    emptyText: t('Every workload is up: callers reach their local copy of each service.'),
  };
}

/**
 * simulateDown reports callers of "any version" and callers of the down workload's subset separately.
 * When both go to the same place (a service with one version), show one route naming both.
 */
function mergeSameOutcome(routes: TrafficRoute[]): { route: TrafficRoute; alsoSubsets: string[] }[] {
  const out: { route: TrafficRoute; alsoSubsets: string[] }[] = [];
  for (const r of routes) {
    const same =
      r.subset === undefined
        ? undefined
        : out.find(
            (o) =>
              o.route.subset === undefined &&
              o.route.service === r.service &&
              o.route.namespace === r.namespace &&
              o.route.fromCluster === r.fromCluster &&
              o.route.outcome === r.outcome &&
              o.route.toClusters.join() === r.toClusters.join(),
          );
    if (same && r.subset !== undefined) same.alsoSubsets.push(r.subset);
    else out.push({ route: r, alsoSubsets: [] });
  }
  return out;
}
