// PURE: the failover model (plus the user's what-if) -> what the panel shows, as plain text and flags.
// No DOM here, so it is unit-tested under node; render.ts turns it into elements.
import type {
  DownWorkload, EastWestGateway, ExcludedService, FailoverModel, Labels, ServiceCandidate, SourceRef,
  TrafficRoute, WorkspaceFailover,
} from '../../../../server/src/engine/model/failoverTypes';
import { formatDownTarget, simulateDown } from '../../../../server/src/engine/model/whatIf';

/** A piece of text that opens YAML when clicked (source undefined: plain text). */
export interface LinkView {
  text: string;
  source?: SourceRef;
  /** Accessible name of the link. */
  label: string;
}

/** An empty state that teaches: what is missing, and YAML to copy. */
export interface TeachView {
  key: string;
  title: string;
  body: string[];
  /** File the snippet belongs in, e.g. `tsb.config.yaml`. */
  snippetFile: string;
  snippet: string;
}

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
}

export interface WorkloadToggleView {
  key: string;
  target: DownWorkload;
  service: string;
  version?: string;
  down: boolean;
  text: string;
  ariaLabel: string;
}

export interface ClusterTogglesView {
  cluster: string;
  toggles: WorkloadToggleView[];
}

export type Outcome = TrafficRoute['outcome'];

export interface RouteView {
  key: string;
  service: LinkView;
  /** The subset of the route ("any version" or "subset v2"). */
  subsetText: string;
  /** What is shown: subsetText plus merged subsets with the same outcome ("any version or subset v1"). */
  shownSubset: string;
  outcome: Outcome;
  outcomeText: string;
  fromText: string;
  toText: string;
  reason: string;
  ariaLabel: string;
}

export interface WhatIfView {
  clusters: ClusterTogglesView[];
  downCount: number;
  downText: string;
  routes: RouteView[];
  /** Marked-down workloads the current model no longer knows (the YAML changed). */
  unknown: { key: string; target: DownWorkload; text: string; reason: string }[];
  hint: string;
}

export interface ViewModel {
  clusters: string[];
  notes: string[];
  teach: TeachView[];
  workspaces: WorkspaceView[];
  whatIf: WhatIfView;
}

export function labelsText(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '(no labels)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function namesakes(listed: string[], count: number): string {
  return count > listed.length ? `${listed.join(', ')} and ${count - listed.length} more namespaces` : list(listed);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

function gatewayText(gw: { namespace: string; labels: Labels }): string {
  return `${gw.namespace}/${labelsText(gw.labels)}`;
}

// ---------- teaching snippets ----------

export function workspaceSettingSnippet(ws?: Pick<WorkspaceFailover, 'organization' | 'tenant' | 'name'>): string {
  const org = ws?.organization || 'tetrate';
  const tenant = ws?.tenant || 'tetrate';
  const name = ws?.name || 'bookinfo-ws';
  return [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: WorkspaceSetting',
    'metadata:',
    `  organization: ${org}`,
    `  tenant: ${tenant}`,
    `  workspace: ${name}`,
    `  name: ${name}-setting`,
    'spec:',
    '  defaultEastWestGatewaySettings:',
    '    - workloadSelector:',
    '        namespace: eastwest',
    '        labels:',
    '          app: eastwest-gateway',
    '      # optional: expose only some services (default: every service of the workspace)',
    '      # exposedServices:',
    '      #   - serviceLabels:',
    '      #       failover: enable',
  ].join('\n');
}

const WORKSPACE_SNIPPET = [
  'apiVersion: api.tsb.tetrate.io/v2',
  'kind: Workspace',
  'metadata:',
  '  organization: tetrate',
  '  tenant: tetrate',
  '  name: bookinfo-ws',
  'spec:',
  '  namespaceSelector:',
  '    names:',
  '      - "*/bookinfo"',
  '---',
].join('\n');

const PLACEMENTS_SNIPPET = [
  'placements:                       # every entry whose glob matches a file applies to it',
  '  - files: apps/**                # picomatch glob, relative to this file',
  '    clusters: [cluster-1, cluster-2]',
  '    namespace: bookinfo           # for documents without metadata.namespace',
  '  - files: gateways/**',
  '    clusters: [cluster-1, cluster-2]',
].join('\n');

const EASTWEST_INSTALL_SNIPPET = [
  'apiVersion: install.tetrate.io/v1alpha1',
  'kind: IngressGateway',
  'metadata:',
  '  name: eastwest-gateway',
  '  namespace: eastwest',
  'spec:',
  '  eastWestOnly: true',
].join('\n');

function globalTeach(model: FailoverModel): TeachView[] {
  const out: TeachView[] = [];
  if (!model.placementsConfigured) {
    out.push({
      key: 'teach:placements',
      title: 'Say where your files are applied',
      body: [
        'The preview needs to know which clusters each file is applied to, the way kubectl apply would place them.',
        'Add a tsb.config.yaml at the root of the workspace folder with placements: every entry whose glob matches a file applies to it.',
      ],
      snippetFile: 'tsb.config.yaml',
      snippet: PLACEMENTS_SNIPPET,
    });
  }
  if (model.workspaces.length === 0) {
    out.push({
      key: 'teach:workspace',
      title: 'No TSB workspace yet',
      body: [
        'Failover through an east-west gateway is configured per workspace. Define a Workspace that owns your application namespaces and a WorkspaceSetting with defaultEastWestGatewaySettings.',
        'Every service of the workspace is then exposed through the east-west gateway, and services running in two clusters fail over automatically.',
      ],
      snippetFile: 'tsb/bookinfo-ws.yaml',
      snippet: `${WORKSPACE_SNIPPET}\n${workspaceSettingSnippet()}`,
    });
  }
  return out;
}

// ---------- matrix ----------

function candidateRow(ws: WorkspaceFailover, c: ServiceCandidate, clusters: string[], down: DownWorkload[]): ServiceRowView {
  const gw = ws.gateways.find((g) => g.entry === c.exposedBy.entry);
  const isDown = (workload: string, cluster: string) => down.some((d) => d.cluster === cluster && d.namespace === c.namespace && d.workload === workload);
  const cells = clusters.map((cluster): CellView => {
    const exposed = c.clusters.includes(cluster);
    const runs = exposed || c.runsIn.includes(cluster);
    const versions = Object.keys(c.versions).sort(byText)
      .filter((v) => (c.versions[v] ?? []).includes(cluster))
      .map((version): VersionChip => {
        const ws_ = c.workloads.filter((w) => w.version === version && w.clusters.includes(cluster));
        return { version, down: ws_.length > 0 && ws_.every((w) => isDown(w.name, cluster)) };
      });
    const vText = versions.length ? `; versions ${versions.map((v) => (v.down ? `${v.version} (marked down)` : v.version)).join(', ')}` : '';
    if (exposed) {
      return { cluster, state: 'exposed', text: 'Exposed', versions, ariaLabel: `${c.service} in ${cluster}: runs and is exposed through the east-west gateway${vText}` };
    }
    if (runs) {
      return { cluster, state: 'local', text: 'Not exposed', versions, ariaLabel: `${c.service} in ${cluster}: runs, but no selected east-west gateway is deployed there${vText}` };
    }
    return { cluster, state: 'absent', text: '—', versions: [], ariaLabel: `${c.service} does not run in ${cluster}` };
  });
  const entryNo = c.exposedBy.entry + 1;
  const selector: LinkView = c.exposedBy.serviceLabels
    ? {
      text: `exposedServices ${labelsText(c.exposedBy.serviceLabels)} (east-west entry ${entryNo})`,
      label: `Open the exposedServices selector ${labelsText(c.exposedBy.serviceLabels)}`,
      ...srcOf(gw?.selectorSource ?? ws.settingSource),
    }
    : {
      text: `east-west entry ${entryNo} exposes every service`,
      label: `Open east-west entry ${entryNo} of the WorkspaceSetting`,
      ...srcOf(gw?.selectorSource ?? ws.settingSource),
    };
  const where = list(c.clusters);
  return {
    key: `svc:${ws.name}/${c.namespace}/${c.service}`,
    name: { text: c.service, label: `Open service ${c.namespace}/${c.service}`, ...srcOf(c.source) },
    namespace: c.namespace,
    status: c.failover ? 'failover' : 'no-failover',
    statusText: c.failover ? 'Can fail over' : 'Cannot fail over',
    ...(c.failover
      ? {}
      : { reason: sentence(c.reason ?? (c.clusters.length <= 1 ? `it runs, exposed, only in ${where || 'no cluster'}` : 'it is not exposed in two clusters')) }),
    selector,
    labelsText: labelsText(c.labels),
    cells,
  };
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const up = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(up) ? up : `${up}.`;
}

function srcOf(source: SourceRef | undefined): { source?: SourceRef } {
  return source ? { source } : {};
}

const EXCLUSION_SELECTOR: Record<ExcludedService['code'], string> = {
  'not-selected': 'no exposedServices entry matches its labels',
  'no-gateway-cluster': 'no selected east-west gateway where it runs',
  'no-east-west-settings': 'the workspace has no defaultEastWestGatewaySettings',
  'not-placed': 'not placed in any cluster (tsb.config.yaml)',
};

function excludedRow(ws: WorkspaceFailover, e: ExcludedService, clusters: string[]): ServiceRowView {
  const cells = clusters.map((cluster): CellView => e.clusters.includes(cluster)
    ? { cluster, state: 'local', text: 'Not exposed', versions: [], ariaLabel: `${e.service} in ${cluster}: runs, not exposed through the east-west gateway` }
    : { cluster, state: 'absent', text: '—', versions: [], ariaLabel: `${e.service} does not run in ${cluster}` });
  const gw = ws.gateways[0];
  return {
    key: `svc:${ws.name}/${e.namespace}/${e.service}`,
    name: { text: e.service, label: `Open service ${e.namespace}/${e.service}`, ...srcOf(e.source) },
    namespace: e.namespace,
    status: 'excluded',
    statusText: 'Not exposed',
    reason: sentence(e.reason),
    selector: {
      text: EXCLUSION_SELECTOR[e.code] ?? e.code,
      label: 'Open the east-west settings that decided it',
      ...srcOf(gw?.selectorSource ?? ws.settingSource),
    },
    labelsText: labelsText(e.labels),
    cells,
  };
}

function gatewayView(ws: WorkspaceFailover, gw: EastWestGateway, clusters: string[]): GatewayView {
  const selector = gatewayText(gw);
  const cols = [...clusters, ...gw.clusters.filter((c) => !clusters.includes(c))];
  return {
    key: `gw:${ws.name}/${gw.entry}`,
    title: { text: selector, label: `Open the east-west gateway selector ${selector}`, ...srcOf(gw.selectorSource ?? ws.settingSource) },
    entryText: `defaultEastWestGatewaySettings entry ${gw.entry + 1}`,
    cells: cols.map((cluster) => gw.clusters.includes(cluster)
      ? { cluster, deployed: true, text: 'Deployed', ariaLabel: `East-west gateway ${selector} is deployed in ${cluster}` }
      : { cluster, deployed: false, text: '—', ariaLabel: `East-west gateway ${selector} is not deployed in ${cluster}` }),
    installs: gw.installs.map((i) => ({
      text: `${i.kind} ${i.namespace}/${i.name}${i.eastWestOnly ? ' (eastWestOnly)' : ''}`,
      label: `Open install ${i.kind} ${i.namespace}/${i.name}`,
      ...srcOf(i.source),
    })),
    exposesText: gw.exposedServices.length === 0
      ? 'Exposes every service of the workspace'
      : 'Exposes services whose labels match one of',
    exposedSelectors: gw.exposedServices.map((l) => labelsText(l)),
    ...(gw.clusters.length === 0
      ? { warning: `No gateway deployed by an install CR in the project has namespace ${gw.namespace} and labels ${labelsText(gw.labels)}.` }
      : gw.clusters.length === 1 ? { warning: `Deployed only in ${gw.clusters[0]}: failover needs the gateway in at least two clusters.` } : {}),
  };
}

function workspaceView(model: FailoverModel, ws: WorkspaceFailover, down: DownWorkload[]): WorkspaceView {
  const seen = new Set<string>(model.clusters);
  const clusters = [...model.clusters];
  const add = (cs: string[]) => { for (const c of cs) if (!seen.has(c)) { seen.add(c); clusters.push(c); } };
  for (const c of ws.candidates) add(c.runsIn.length ? c.runsIn : c.clusters);
  for (const e of ws.excluded) add(e.clusters);
  for (const g of ws.gateways) add(g.clusters);

  const rows = [
    ...ws.candidates.map((c) => candidateRow(ws, c, clusters, down)),
    ...ws.excluded.map((e) => excludedRow(ws, e, clusters)),
  ].sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name.text, b.name.text));

  const nFail = rows.filter((r) => r.status === 'failover').length;
  const nNo = rows.filter((r) => r.status === 'no-failover').length;
  const nEx = rows.filter((r) => r.status === 'excluded').length;
  const parts = [`${nFail} can fail over`];
  if (nNo) parts.push(`${nNo} cannot`);
  if (nEx) parts.push(`${nEx} not exposed`);

  const teach: TeachView[] = [];
  const hasSetting = ws.settingSource !== undefined || ws.gateways.length > 0;
  if (!hasSetting) {
    teach.push({
      key: `teach:setting:${ws.name}`,
      title: 'No WorkspaceSetting with east-west gateway settings yet',
      body: [
        `Services of ${ws.name} are not exposed through any east-west gateway, so none can fail over to another cluster.`,
        'Add a WorkspaceSetting with defaultEastWestGatewaySettings: by default every service of the workspace is exposed.',
      ],
      snippetFile: `${ws.name}-setting.yaml`,
      snippet: workspaceSettingSnippet(ws),
    });
  } else if (ws.gateways.length > 0 && ws.gateways.every((g) => g.clusters.length === 0)) {
    teach.push({
      key: `teach:install:${ws.name}`,
      title: 'The selected east-west gateway is deployed nowhere',
      body: [
        'No install CR in the project deploys a gateway matching the workloadSelector, in any placed cluster.',
        'Deploy a dedicated east-west gateway (port 15443 only) in every cluster, and place the file in those clusters with tsb.config.yaml.',
      ],
      snippetFile: 'gateways/eastwest-gateway.yaml',
      snippet: EASTWEST_INSTALL_SNIPPET,
    });
  } else if (hasSetting && ws.candidates.length === 0) {
    teach.push({
      key: `teach:exposed:${ws.name}`,
      title: 'Nothing is exposed through the east-west gateway',
      body: [
        ws.excluded.length > 0
          ? 'No service of the workspace matches the exposedServices selectors. Label the services you want to fail over, or select them by label:'
          : `No Service was found in the namespaces of ${ws.name} (${ws.namespaces.join(', ') || 'none'}). Add the Services and Deployments, placed in two clusters.`,
      ],
      snippetFile: `${ws.name}-setting.yaml`,
      snippet: [
        '  defaultEastWestGatewaySettings:',
        '    - workloadSelector:',
        '        namespace: eastwest',
        '        labels:',
        '          app: eastwest-gateway',
        '      exposedServices:',
        '        - serviceLabels:',
        '            failover: enable',
      ].join('\n'),
    });
  }

  return {
    key: `ws:${ws.organization}/${ws.tenant}/${ws.name}`,
    title: { text: ws.name, label: `Open workspace ${ws.name}`, ...srcOf(ws.source) },
    metaText: `organization ${ws.organization} · tenant ${ws.tenant} · namespaces ${ws.namespaces.join(', ') || '(none)'}`,
    ...(ws.settingSource ? { setting: { text: 'WorkspaceSetting', label: `Open the WorkspaceSetting of ${ws.name}`, source: ws.settingSource } } : {}),
    clusters,
    gateways: ws.gateways.map((g) => gatewayView(ws, g, clusters)),
    rows,
    summaryText: rows.length === 0 ? 'No services' : `${rows.length} service${rows.length === 1 ? '' : 's'}: ${parts.join(', ')}`,
    lookalikes: ws.lookalikes.map((l) => `${l.service} in ${l.namespace} has namesakes in ${namesakes(l.otherNamespaces, l.otherCount)}: a service never fails over to another namespace.`),
    teach,
  };
}

// ---------- what-if ----------

export function whatIfView(model: FailoverModel, down: DownWorkload[]): WhatIfView {
  const byCluster = new Map<string, Map<string, WorkloadToggleView>>();
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) {
      for (const w of c.workloads) {
        for (const cluster of w.clusters) {
          const target: DownWorkload = { cluster, namespace: w.namespace, workload: w.name };
          const key = `down:${downKey(target)}`;
          let m = byCluster.get(cluster);
          if (!m) byCluster.set(cluster, (m = new Map()));
          if (m.has(key)) continue;
          const isDown = down.some((d) => sameDown(d, target));
          m.set(key, {
            key, target, service: c.service, ...(w.version ? { version: w.version } : {}),
            down: isDown,
            text: w.name,
            ariaLabel: `${w.name} (${c.namespace}/${c.service}${w.version ? ` ${w.version}` : ''}) in ${cluster}: ${isDown ? 'marked down' : 'up'}`,
          });
        }
      }
    }
  }
  const order = [...model.clusters, ...[...byCluster.keys()].filter((c) => !model.clusters.includes(c)).sort(byText)];
  const clusters = order.filter((c) => byCluster.has(c)).map((cluster) => ({
    cluster,
    toggles: [...byCluster.get(cluster)!.values()].sort((a, b) => byText(a.service, b.service) || byText(a.text, b.text)),
  }));

  const result = simulateDown(model, down);
  const sources = new Map<string, SourceRef>();
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) if (c.source) sources.set(`${c.namespace}/${c.service}`, c.source);
    for (const e of ws.excluded) if (e.source) sources.set(`${e.namespace}/${e.service}`, e.source);
  }
  const routes = mergeSameOutcome(result.routes).map(({ route: r, alsoSubsets }, i): RouteView => {
    const subsetText = r.subset ? `subset ${r.subset}` : 'any version';
    const shownSubset = alsoSubsets.length ? `${subsetText} or ${alsoSubsets.map((s) => `subset ${s}`).join(', ')}` : subsetText;
    const outcomeText = r.outcome === 'local' ? 'Stays local' : r.outcome === 'remote' ? 'Fails over' : 'No route';
    const toText = r.outcome === 'local'
      ? `${r.fromCluster} (local)`
      : r.outcome === 'remote'
        ? `${list(r.toClusters)}${r.via ? ` via east-west gateway ${gatewayText(r.via)}` : ''}`
        : 'nowhere';
    const src = sources.get(`${r.namespace}/${r.service}`);
    return {
      key: `route:${i}:${r.namespace}/${r.service}/${r.fromCluster}/${r.subset ?? ''}`,
      service: { text: r.service, label: `Open service ${r.namespace}/${r.service}`, ...srcOf(src) },
      subsetText,
      shownSubset,
      outcome: r.outcome,
      outcomeText,
      fromText: `callers in ${r.fromCluster}`,
      toText,
      reason: sentence(r.reason),
      ariaLabel: `${r.service}, ${shownSubset}, callers in ${r.fromCluster}: ${outcomeText.toLowerCase()}, to ${toText}`,
    };
  });
  const n = down.length;
  return {
    clusters,
    downCount: n,
    downText: n === 0 ? 'No workload marked down' : `${n} workload${n === 1 ? '' : 's'} marked down`,
    routes,
    unknown: result.unknown.map((u) => ({ key: `unknown:${downKey(u.target)}`, target: u.target, text: downKey(u.target), reason: sentence(u.reason) })),
    hint: clusters.length === 0
      ? 'No workload backs an exposed service yet, so there is nothing to scale down.'
      : 'Mark workloads down (like kubectl scale deployment details-v1 --replicas=0) to see where their callers\u2019 traffic goes.',
  };
}

/**
 * simulateDown reports callers of "any version" and callers of the down workload's subset separately.
 * When both go to the same place (a service with one version), show one route naming both.
 */
function mergeSameOutcome(routes: TrafficRoute[]): { route: TrafficRoute; alsoSubsets: string[] }[] {
  const out: { route: TrafficRoute; alsoSubsets: string[] }[] = [];
  for (const r of routes) {
    const same = r.subset === undefined ? undefined : out.find((o) => o.route.subset === undefined
      && o.route.service === r.service && o.route.namespace === r.namespace && o.route.fromCluster === r.fromCluster
      && o.route.outcome === r.outcome && o.route.toClusters.join() === r.toClusters.join());
    if (same && r.subset !== undefined) same.alsoSubsets.push(r.subset);
    else out.push({ route: r, alsoSubsets: [] });
  }
  return out;
}

export function buildViewModel(model: FailoverModel, down: DownWorkload[]): ViewModel {
  return {
    clusters: model.clusters,
    notes: model.notes,
    teach: globalTeach(model),
    workspaces: model.workspaces.map((ws) => workspaceView(model, ws, down)),
    whatIf: whatIfView(model, down),
  };
}
