import type { ResolvedProject, Placed } from '../workspace/resolved';
import type { ServiceFact, WorkspaceSettingFact } from '../workspace/facts';
import { formatLabels } from '../workspace/selectors';
import { indexOf, SelectorList, servicesOwnedBy, workloadIndexSteps } from '../workspace/projectIndex';
import type {
  EastWestGateway,
  ExcludedService,
  FailoverModel,
  Lookalike,
  ServiceCandidate,
  WorkspaceFailover,
} from './failoverTypes';
import { LOOKALIKE_LIMIT } from './failoverTypes';
import { commas, msg, msgN, type ListArg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';
import { gatewaysFor, ownedClusters, ownsNamespace, settingKey, workspaceKey } from './workspaceOwnership';
import {
  listSelectors,
  mergeWorkloads,
  namespacesOfName,
  placementsOf,
  sortU,
  twinsOf,
  workloadsOf,
} from './failoverLookups';

// The failover model, a pure function of the resolved project. Semantics follow TSB's failover: a
// service fails over only to the same name in the same namespace in another cluster, only through an
// east-west gateway selected by the WorkspaceSetting and deployed in that cluster; an empty
// exposedServices exposes every service of the workspace; the first matching entry wins.

interface ServiceGroup {
  name: string;
  namespace: string;
  placed: Placed<ServiceFact>[];
  labels: Record<string, string>;
}

/** The failover model, in steps (the language server runs them in time slices). */
export function* computeFailoverSteps(project: ResolvedProject): Generator<void, FailoverModel> {
  let tick = 0;
  const notes: Message[] = [];
  const workspaces: WorkspaceFailover[] = [];
  const settingsByWs = new Map<string, WorkspaceSettingFact[]>();
  for (const s of project.workspaceSettings) {
    if ((++tick & 1023) === 0) yield;
    const key = settingKey(s);
    const list = settingsByWs.get(key);
    if (list) list.push(s);
    else settingsByWs.set(key, [s]);
  }
  const deployment = project.deployment;

  const wsFacts = indexOf(project).workspaces;
  for (const ws of wsFacts) {
    yield;
    const wsUri = ws.source.uri;
    // The setting that can be in effect with this workspace (alternative scenarios each have their own).
    const setting = settingsByWs.get(workspaceKey(ws))?.find((s) => project.relation(s.source.uri, wsUri) !== 'never');
    // Group this workspace's Services by (namespace, name): one logical service across clusters.
    const groups = new Map<string, ServiceGroup>();
    const pool = servicesOwnedBy(project, ws);
    for (const svc of pool) {
      if ((++tick & 1023) === 0) yield;
      if (!ownsNamespace(ws, svc.namespace, svc.clusters)) continue;
      if (project.relation(svc.fact.source.uri, wsUri) === 'never') continue;
      const key = `${svc.namespace}/${svc.fact.name}`;
      const g = groups.get(key) ?? { name: svc.fact.name, namespace: svc.namespace!, placed: [], labels: {} };
      g.placed.push(svc);
      Object.assign(g.labels, svc.fact.labels);
      groups.set(key, g);
    }
    const gateways: EastWestGateway[] = (setting?.eastWest ?? []).map((e) => {
      const installs = gatewaysFor(project, e.namespace, e.labels, setting!.source.uri);
      return {
        entry: e.entry,
        namespace: e.namespace,
        labels: e.labels,
        clusters: sortU(installs.flatMap((i) => i.clusters)),
        installs,
        exposedServices: e.exposed.map((x) => x.labels),
        exposedSources: e.exposed.map((x) => x.ref),
        selectorSource: e.selectorRef,
      };
    });
    // The first exposedServices entry selecting a Service, found from the Service's label pairs.
    const exposure = gateways.map((gw) => new SelectorList(gw.exposedServices));
    let selectorsList: ListArg | undefined;
    const candidates: ServiceCandidate[] = [];
    const excluded: ExcludedService[] = [];
    for (const g of [...groups.values()].sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
    )) {
      if ((++tick & 255) === 0) yield;
      const runsIn = sortU(g.placed.flatMap((p) => ownedClusters(ws, g.namespace, p.clusters)));
      const source = g.placed[0]!.fact.source;
      for (const p of g.placed) yield* workloadIndexSteps(project, p.namespace);
      const workloads = mergeWorkloads(g.placed.map((p) => workloadsOf(project, p)));
      // Plain literals in the JSON output's key order (spreads into large literals are slow in V8 and this runs per service).
      const exclude = (clusters: string[], code: ExcludedService['code'], why: Message): void => {
        excluded.push({
          service: g.name,
          namespace: g.namespace,
          labels: g.labels,
          source,
          workloads,
          clusters,
          code,
          reason: render(why),
          reasonL10n: why,
        });
      };
      if (runsIn.length === 0 && g.placed.every((p) => p.clusters.length === 0)) {
        const unknown = g.placed.find((p) => p.unknown)?.unknown;
        exclude(
          [],
          'not-placed',
          unknown
            ? msg(
                'applied to {where}: the repository does not say which cluster; add a tsb.config.yaml placement for its file',
                { where: unknown },
              )
            : msg(
                'nothing in the repository says which clusters its file is applied to: add a tsb.config.yaml placement (tsb-lint units shows what was inferred)',
              ),
        );
        continue;
      }
      if (gateways.length === 0) {
        exclude(
          runsIn,
          'no-east-west-settings',
          setting
            ? msg('the WorkspaceSetting has no defaultEastWestGatewaySettings')
            : msg('workspace {name} has no WorkspaceSetting with defaultEastWestGatewaySettings', { name: ws.name }),
        );
        continue;
      }
      let exposedBy: ServiceCandidate['exposedBy'] | undefined;
      for (let k = 0; k < gateways.length; k++) {
        const gw = gateways[k]!;
        if (gw.exposedServices.length === 0) {
          exposedBy = { entry: gw.entry };
          break;
        }
        const hit = exposure[k]!.firstMatch(g.labels);
        if (hit >= 0) {
          exposedBy = { entry: gw.entry, serviceLabels: gw.exposedServices[hit]! };
          break;
        }
      }
      if (!exposedBy) {
        selectorsList ??= listSelectors(gateways.flatMap((gw) => gw.exposedServices));
        exclude(
          runsIn,
          'not-selected',
          msg('not matched by exposedServices ({selectors}); its labels are {labels}', {
            selectors: selectorsList,
            labels: formatLabels(g.labels) || msg('none'),
          }),
        );
        continue;
      }
      const gw = gateways.find((x) => x.entry === exposedBy!.entry)!;
      const clusters = runsIn.filter((c) => gw.clusters.includes(c));
      if (clusters.length === 0) {
        exclude(
          runsIn,
          'no-gateway-cluster',
          gw.clusters.length
            ? msg(
                'runs in {clusters}, where no selected east-west gateway is deployed (gateway clusters: {gatewayClusters})',
                { clusters: commas(runsIn), gatewayClusters: commas(gw.clusters) },
              )
            : msg('the east-west selector {selector} matches no gateway deployed in any cluster', {
                selector: `${gw.namespace}/${formatLabels(gw.labels)}`,
              }),
        );
        continue;
      }
      const versions: Record<string, string[]> = {};
      for (const w of workloads)
        if (w.version)
          versions[w.version] = sortU([
            ...(versions[w.version] ?? []),
            ...w.clusters.filter((c) => runsIn.includes(c)),
          ]);
      const failover = clusters.length >= 2;
      const missing = runsIn.filter((c) => !clusters.includes(c));
      // Same name in another namespace is a different service (bookinfo-dev never fails over to bookinfo-prod).
      const candidate: ServiceCandidate = {
        service: g.name,
        namespace: g.namespace,
        labels: g.labels,
        source,
        clusters,
        failover,
        versions,
        runsIn,
        exposedBy,
        workloads,
      };
      const unknown = g.placed.find((p) => p.unknown)?.unknown;
      if (!failover) {
        // Only a service that runs in one cluster is told about a same-named service elsewhere.
        const twin = runsIn.length < 2 && !unknown ? twinsOf(project, g.name, g.namespace, runsIn, wsUri) : undefined;
        const why =
          runsIn.length < 2 && unknown
            ? msg(
                'runs in {clusters}, which is {where}; the repository does not say how many clusters that is, so whether {service} has a failover target cannot be told',
                { clusters: commas(runsIn), where: unknown, service: g.name },
              )
            : runsIn.length < 2
              ? twin
                ? msg(
                    'runs only in {clusters}; the {service} in namespace {namespace} ({twinClusters}) is a different service: failover needs the same name in the same namespace',
                    {
                      clusters: commas(runsIn),
                      service: g.name,
                      namespace: twin.first,
                      twinClusters: commas(twin.clusters),
                    },
                  )
                : msg(
                    'runs only in {clusters}; deploy {service} in namespace {namespace} of another cluster to give it a failover target',
                    { clusters: commas(runsIn), service: g.name, namespace: g.namespace },
                  )
              : msg('also runs in {clusters}, but no selected east-west gateway is deployed there', {
                  clusters: commas(missing),
                });
        candidate.reason = render(why);
        candidate.reasonL10n = why;
      }
      candidates.push(candidate);
    }
    const lookalikes: Lookalike[] = [];
    for (const g of groups.values()) {
      if ((++tick & 1023) === 0) yield;
      const all = namespacesOfName(project, g.name);
      // The group's own namespace is always in the list: its services carry this name there.
      const otherCount = all.length - 1;
      if (otherCount === 0) continue;
      const otherNamespaces: string[] = [];
      for (const n of all) {
        if (otherNamespaces.length === LOOKALIKE_LIMIT) break;
        if (n !== g.namespace) otherNamespaces.push(n);
      }
      lookalikes.push({ service: g.name, namespace: g.namespace, otherNamespaces, otherCount });
    }
    const unit = deployment.unitNames(wsUri)[0];
    // The files of the workspace's Services and gateways, each once (thousands of Services share a file).
    const files = new Set<string>();
    for (const g of groups.values()) {
      if ((++tick & 1023) === 0) yield;
      for (const x of g.placed) files.add(x.fact.source.uri);
    }
    for (const g of gateways) for (const i of g.installs) if (i.source) files.add(i.source.uri);
    const placements = placementsOf(project, files);
    workspaces.push({
      organization: ws.organization ?? '',
      tenant: ws.tenant ?? '',
      name: ws.name,
      ...(unit ? { unit } : {}),
      ...(placements.length ? { placements } : {}),
      namespaces: ws.namespaces.map((n) => n.name),
      gateways,
      candidates,
      excluded,
      lookalikes,
      source: ws.source,
      ...(setting ? { settingSource: setting.source } : {}),
    });
  }
  if (wsFacts.length === 0)
    notes.push(msg('No Workspace is defined in this project: failover is computed per workspace.'));
  if (project.workspaceSettings.length === 0)
    notes.push(
      msg(
        'No WorkspaceSetting yet: add one with defaultEastWestGatewaySettings to expose services through an east-west gateway.',
      ),
    );
  const inferred = deployment.units.filter((u) => u.source !== 'config');
  if (!deployment.configured && inferred.length && project.placementsConfigured) {
    notes.push(
      msgN(
        inferred.length,
        'No tsb.config.yaml placements: clusters inferred from {count} deployment unit (deploy scripts, READMEs, Argo CD, kustomize, folder names). Run "Write tsb.config.yaml" (or see tsb-lint units) to review and state them.',
        'No tsb.config.yaml placements: clusters inferred from {count} deployment units (deploy scripts, READMEs, Argo CD, kustomize, folder names). Run "Write tsb.config.yaml" (or see tsb-lint units) to review and state them.',
        { count: inferred.length },
      ),
    );
  } else if (!project.placementsConfigured) {
    notes.push(
      msg(
        'No placements: nothing in the repository says which clusters its files are applied to. Add a tsb.config.yaml that says so.',
      ),
    );
  }
  return {
    workspaces,
    clusters: project.clusters,
    placementsConfigured: project.placementsConfigured,
    notes: notes.map((n) => render(n)),
    notesL10n: notes,
  };
}
