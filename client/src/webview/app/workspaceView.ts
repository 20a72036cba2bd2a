// PURE: one workspace of the failover model -> its matrix of services by cluster, its east-west
// gateways, its topology and what it still lacks (no DOM; see viewModel.ts).
import type {
  DownWorkload,
  EastWestGateway,
  ExcludedService,
  FailoverModel,
  ServiceCandidate,
  WorkloadInfo,
  WorkspaceFailover,
} from '../../../../server/src/engine/index';
import type { ProjectHints } from '../protocol';
import { workspaceTeach, type TeachView } from './advice';
import { list, t } from './l10n';
import { topologyView, type TopologyView } from './topology';
import { byText, gatewayText, labelsText, sentence, srcOf, type LinkView } from './viewText';
import type { RouteView } from './whatIfView';

export type CellState = 'exposed' | 'local' | 'absent';

export interface VersionChip {
  version: string;
  /** Every workload of this version in this cluster is marked down in the what-if. */
  down: boolean;
}

export interface CellView {
  cluster: string;
  state: CellState;
  /** Short text shown in the cell. */
  text: string;
  versions: VersionChip[];
  ariaLabel: string;
}

export type RowStatus = 'failover' | 'no-failover' | 'excluded';

export interface ServiceRowView {
  key: string;
  name: LinkView;
  namespace: string;
  status: RowStatus;
  statusText: string;
  /** Why it cannot fail over / why it is excluded, in plain words. */
  reason?: string;
  /** Which selector decided it. */
  selector: LinkView;
  selectorLabel: string;
  labelsText: string;
  cells: CellView[];
}

export interface GatewayView {
  key: string;
  title: LinkView;
  entryText: string;
  cells: { cluster: string; deployed: boolean; text: string; ariaLabel: string }[];
  installs: LinkView[];
  exposesText: string;
  exposedSelectors: string[];
  warning?: string;
}

export interface WorkspaceView {
  key: string;
  title: LinkView;
  metaText: string;
  setting?: LinkView;
  clusters: string[];
  gateways: GatewayView[];
  rows: ServiceRowView[];
  summaryText: string;
  lookalikes: string[];
  /** "No WorkspaceSetting yet", "nothing exposed", "gateway deployed nowhere". */
  teach: TeachView[];
  topology: TopologyView;
}

function namesakes(listed: string[], count: number): string {
  return count > listed.length
    ? t('{0} and {1} more namespaces', listed.join(', '), count - listed.length)
    : list(listed);
}

function cellOf(service: string, cluster: string, exposed: boolean, runs: boolean, versions: VersionChip[]): CellView {
  const vText = versions.length
    ? t('; versions {0}', versions.map((v) => (v.down ? t('{0} (marked down)', v.version) : v.version)).join(', '))
    : '';
  if (exposed)
    return {
      cluster,
      state: 'exposed',
      text: t('Exposed'),
      versions,
      ariaLabel: t('{0} in {1}: runs and is exposed through the east-west gateway{2}', service, cluster, vText),
    };
  if (runs)
    return {
      cluster,
      state: 'local',
      text: t('Not exposed'),
      versions,
      ariaLabel: t('{0} in {1}: runs, not exposed through the east-west gateway{2}', service, cluster, vText),
    };
  return {
    cluster,
    state: 'absent',
    text: '\u2014',
    versions: [],
    ariaLabel: t('{0} does not run in {1}', service, cluster),
  };
}

function versionChips(
  workloads: WorkloadInfo[],
  versions: Record<string, string[]>,
  cluster: string,
  down: DownWorkload[],
): VersionChip[] {
  const isDown = (w: WorkloadInfo) =>
    down.some((d) => d.cluster === cluster && d.namespace === w.namespace && d.workload === w.name);
  return Object.keys(versions)
    .sort(byText)
    .filter((v) => (versions[v] ?? []).includes(cluster))
    .map((version) => {
      const ws = workloads.filter((w) => w.version === version && w.clusters.includes(cluster));
      return { version, down: ws.length > 0 && ws.every(isDown) };
    });
}

/** version -> clusters, from the workloads (excluded services carry no `versions` map). */
function versionsOf(workloads: WorkloadInfo[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of workloads) if (w.version) out[w.version] = [...new Set([...(out[w.version] ?? []), ...w.clusters])];
  return out;
}

function candidateRow(
  ws: WorkspaceFailover,
  c: ServiceCandidate,
  clusters: string[],
  down: DownWorkload[],
): ServiceRowView {
  const gw = ws.gateways.find((g) => g.entry === c.exposedBy.entry);
  const cells = clusters.map((cluster) =>
    cellOf(
      c.service,
      cluster,
      c.clusters.includes(cluster),
      c.clusters.includes(cluster) || c.runsIn.includes(cluster),
      versionChips(c.workloads, c.versions, cluster, down),
    ),
  );
  const entryNo = c.exposedBy.entry + 1;
  const selector: LinkView = c.exposedBy.serviceLabels
    ? {
        text: t('exposedServices {0} (east-west entry {1})', labelsText(c.exposedBy.serviceLabels), entryNo),
        label: t('Open the exposedServices selector {0}', labelsText(c.exposedBy.serviceLabels)),
        ...srcOf(gw?.selectorSource ?? ws.settingSource),
      }
    : {
        text: t('east-west entry {0} exposes every service', entryNo),
        label: t('Open east-west entry {0} of the WorkspaceSetting', entryNo),
        ...srcOf(gw?.selectorSource ?? ws.settingSource),
      };
  return {
    key: `svc:${ws.name}/${c.namespace}/${c.service}`,
    name: { text: c.service, label: t('Open service {0}/{1}', c.namespace, c.service), ...srcOf(c.source) },
    namespace: c.namespace,
    status: c.failover ? 'failover' : 'no-failover',
    statusText: c.failover ? t('Can fail over') : t('Cannot fail over'),
    ...(c.failover
      ? {}
      : {
          reason: sentence(
            c.reason ??
              (c.clusters.length <= 1
                ? t('it runs, exposed, only in {0}', list(c.clusters) || t('no cluster'))
                : t('it is not exposed in two clusters')),
          ),
        }),
    selector,
    selectorLabel: t('Selected by:'),
    labelsText: t('labels {0}', labelsText(c.labels)),
    cells,
  };
}

function exclusionSelector(code: ExcludedService['code']): string {
  switch (code) {
    case 'not-selected':
      return t('no exposedServices entry matches its labels');
    case 'no-gateway-cluster':
      return t('no selected east-west gateway where it runs');
    case 'no-east-west-settings':
      return t('the workspace has no defaultEastWestGatewaySettings');
    case 'not-placed':
      return t('not placed in any cluster (tsb.config.yaml)');
    default:
      return String(code);
  }
}

function excludedRow(
  ws: WorkspaceFailover,
  e: ExcludedService,
  clusters: string[],
  down: DownWorkload[],
): ServiceRowView {
  const workloads = e.workloads ?? [];
  const versions = versionsOf(workloads);
  const cells = clusters.map((cluster) =>
    cellOf(e.service, cluster, false, e.clusters.includes(cluster), versionChips(workloads, versions, cluster, down)),
  );
  const gw = ws.gateways[0];
  return {
    key: `svc:${ws.name}/${e.namespace}/${e.service}`,
    name: { text: e.service, label: t('Open service {0}/{1}', e.namespace, e.service), ...srcOf(e.source) },
    namespace: e.namespace,
    status: 'excluded',
    statusText: t('Not exposed'),
    reason: sentence(e.reason),
    selector: {
      text: exclusionSelector(e.code),
      label: t('Open the east-west settings that decided it'),
      ...srcOf(gw?.selectorSource ?? ws.settingSource),
    },
    selectorLabel: t('Decided by:'),
    labelsText: t('labels {0}', labelsText(e.labels)),
    cells,
  };
}

function gatewayView(ws: WorkspaceFailover, gw: EastWestGateway, clusters: string[]): GatewayView {
  const selector = gatewayText(gw);
  const cols = [...clusters, ...gw.clusters.filter((c) => !clusters.includes(c))];
  return {
    key: `gw:${ws.name}/${gw.entry}`,
    title: {
      text: selector,
      label: t('Open the east-west gateway selector {0}', selector),
      ...srcOf(gw.selectorSource ?? ws.settingSource),
    },
    entryText: t('defaultEastWestGatewaySettings entry {0}', gw.entry + 1),
    cells: cols.map((cluster) =>
      gw.clusters.includes(cluster)
        ? {
            cluster,
            deployed: true,
            text: t('Deployed'),
            ariaLabel: t('East-west gateway {0} is deployed in {1}', selector, cluster),
          }
        : {
            cluster,
            deployed: false,
            text: '\u2014',
            ariaLabel: t('East-west gateway {0} is not deployed in {1}', selector, cluster),
          },
    ),
    installs: gw.installs.map((i) => ({
      text: `${i.kind} ${i.namespace}/${i.name}${i.eastWestOnly ? ' (eastWestOnly)' : ''}`,
      label: t('Open install {0} {1}/{2}', i.kind, i.namespace, i.name),
      ...srcOf(i.source),
    })),
    exposesText:
      gw.exposedServices.length === 0
        ? t('Exposes every service of the workspace')
        : t('Exposes services whose labels match one of'),
    exposedSelectors: gw.exposedServices.map((l) => labelsText(l)),
    ...(gw.clusters.length === 0
      ? {
          warning: t(
            'No gateway deployed by an install CR in the project has namespace {0} and labels {1}.',
            gw.namespace,
            labelsText(gw.labels),
          ),
        }
      : gw.clusters.length === 1
        ? { warning: t('Deployed only in {0}: failover needs the gateway in at least two clusters.', gw.clusters[0]!) }
        : {}),
  };
}

export function workspaceView(
  model: FailoverModel,
  ws: WorkspaceFailover,
  down: DownWorkload[],
  routes: RouteView[],
  hints: ProjectHints | undefined,
): WorkspaceView {
  const seen = new Set<string>(model.clusters);
  const clusters = [...model.clusters];
  const add = (cs: string[]) => {
    for (const c of cs)
      if (!seen.has(c)) {
        seen.add(c);
        clusters.push(c);
      }
  };
  for (const c of ws.candidates) add(c.runsIn.length ? c.runsIn : c.clusters);
  for (const e of ws.excluded) add(e.clusters);
  for (const g of ws.gateways) add(g.clusters);

  const rows = [
    ...ws.candidates.map((c) => candidateRow(ws, c, clusters, down)),
    ...ws.excluded.map((e) => excludedRow(ws, e, clusters, down)),
  ].sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name.text, b.name.text));

  const nFail = rows.filter((r) => r.status === 'failover').length;
  const nNo = rows.filter((r) => r.status === 'no-failover').length;
  const nEx = rows.filter((r) => r.status === 'excluded').length;
  const parts = [t('{0} can fail over', nFail)];
  if (nNo) parts.push(t('{0} cannot', nNo));
  if (nEx) parts.push(t('{0} not exposed', nEx));

  // A copy is drawn down when every workload of the service in that cluster is marked down.
  const allWorkloads = new Map<string, WorkloadInfo[]>();
  for (const c of ws.candidates) allWorkloads.set(`${c.namespace}/${c.service}`, c.workloads);
  for (const e of ws.excluded) allWorkloads.set(`${e.namespace}/${e.service}`, e.workloads ?? []);
  const copyDown = (ns: string, svc: string, cluster: string) => {
    const w = (allWorkloads.get(`${ns}/${svc}`) ?? []).filter((x) => x.clusters.includes(cluster));
    return (
      w.length > 0 &&
      w.every((x) => down.some((d) => d.cluster === cluster && d.namespace === x.namespace && d.workload === x.name))
    );
  };
  const names = new Set(rows.map((r) => `${r.namespace}/${r.name.text}`));
  const gw = ws.gateways[0];
  const topology = topologyView({
    key: `topo:${ws.organization}/${ws.tenant}/${ws.name}`,
    clusters,
    gatewayClusters: [...new Set(ws.gateways.flatMap((g) => g.clusters))],
    gatewayText: gw ? gatewayText(gw) : '',
    services: rows.map((r) => ({
      key: r.key,
      name: r.name.text,
      namespace: r.namespace,
      cells: r.cells.map((c) => ({
        cluster: c.cluster,
        state: c.state,
        down: c.state !== 'absent' && copyDown(r.namespace, r.name.text, c.cluster),
      })),
    })),
    routes: routes
      .filter((r) => names.has(`${r.namespace}/${r.service.text}`))
      .map((r) => ({
        service: r.service.text,
        namespace: r.namespace,
        from: r.fromCluster,
        to: r.toClusters,
        outcome: r.outcome,
        subset: r.shownSubset,
      })),
  });

  return {
    key: `ws:${ws.organization}/${ws.tenant}/${ws.name}`,
    title: { text: ws.name, label: t('Open workspace {0}', ws.name), ...srcOf(ws.source) },
    metaText: t(
      'organization {0} · tenant {1} · namespaces {2}',
      ws.organization,
      ws.tenant,
      ws.namespaces.join(', ') || t('(none)'),
    ),
    ...(ws.settingSource
      ? {
          setting: {
            text: 'WorkspaceSetting',
            label: t('Open the WorkspaceSetting of {0}', ws.name),
            source: ws.settingSource,
          },
        }
      : {}),
    clusters,
    gateways: ws.gateways.map((g) => gatewayView(ws, g, clusters)),
    rows,
    summaryText:
      rows.length === 0
        ? t('No services')
        : rows.length === 1
          ? t('1 service: {0}', parts.join(t(', ')))
          : t('{0} services: {1}', rows.length, parts.join(t(', '))),
    lookalikes: ws.lookalikes.map((l) =>
      t(
        '{0} in {1} has namesakes in {2}: a service never fails over to another namespace.',
        l.service,
        l.namespace,
        namesakes(l.otherNamespaces, l.otherCount),
      ),
    ),
    teach: workspaceTeach(ws, model, hints),
    topology,
  };
}
