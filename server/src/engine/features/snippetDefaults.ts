import type { GroupType } from '../../../../schemas/src/types';
import { gatewaysFor, ownsNamespace, settingKey, workspaceKey } from '../model/workspaceOwnership';
import type { ResolvedProject } from '../workspace/resolved';
import { labelsMatch } from '../workspace/selectors';
import { tenancyNames } from './projectValues';

// What the resource snippets take from the project for their defaults.

export interface SnippetDefaults {
  organizations: string[];
  tenants: string[];
  workspaces: { name: string; organization: string; tenant: string; namespaces: string[]; setting?: string }[];
  groups: {
    type: GroupType;
    name: string;
    organization: string;
    tenant: string;
    workspace: string;
    namespaces: string[];
  }[];
  /** Namespaces where Services run. */
  appNamespaces: string[];
  /** App namespaces no workspace owns yet. */
  freeNamespaces: string[];
  /** Install CRs with eastWestOnly, then others named like one. */
  eastWest: { name: string; namespace: string; app: string }[];
  /** Other install gateways (ingress). */
  ingress: { name: string; namespace: string; app: string }[];
  services: { name: string; namespace: string; versions: string[] }[];
  clusters: string[];
  /** Gateways that a WorkspaceSetting's east-west entry selects and an install CR deploys: the project's convention. */
  selectedGateways: { name: string; namespace: string; app: string }[];
  /** A WorkspaceSetting selects app=X in namespace Y and no install CR deploys it. */
  missingGateway?: { namespace: string; app: string };
  /** `Kind/name` of every TSB object and install CR, to keep new names unique. */
  taken: Set<string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function snippetDefaults(p: ResolvedProject): SnippetDefaults {
  const settings = new Map<string, string>();
  for (const s of p.workspaceSettings) if (!settings.has(settingKey(s))) settings.set(settingKey(s), s.name);
  const wsFacts = p.tsb.filter((o) => o.kind === 'Workspace');
  const workspaces = wsFacts.map((w) => ({
    name: w.name,
    organization: w.organization ?? '',
    tenant: w.tenant ?? '',
    namespaces: w.namespaces.map((n) => n.name),
    ...(settings.has(workspaceKey(w)) ? { setting: settings.get(workspaceKey(w))! } : {}),
  }));
  const groups = p.tsb
    .filter((o) => o.kind === 'Group' && o.groupType && o.workspace)
    .map((g) => ({
      type: g.groupType!,
      name: g.name,
      organization: g.organization ?? '',
      tenant: g.tenant ?? '',
      workspace: g.workspace!,
      namespaces: g.namespaces.map((n) => n.name),
    }));
  const appNamespaces = [...new Set(p.services.map((s) => s.namespace).filter((n): n is string => !!n))].sort(byText);
  const freeNamespaces = appNamespaces.filter((ns) => !wsFacts.some((w) => ownsNamespace(w, ns, [])));
  const gw = (g: ResolvedProject['installGateways'][number]) => ({
    name: g.fact.name,
    namespace: g.namespace ?? '',
    app: g.fact.labels['app'] ?? g.fact.name,
  });
  const installs = p.installGateways.filter((g) => g.namespace);
  const eastWest = [
    ...installs.filter((g) => g.fact.eastWestOnly),
    ...installs.filter((g) => !g.fact.eastWestOnly && /east-?west/i.test(g.fact.name)),
  ].map(gw);
  const ingress = installs.filter((g) => !g.fact.eastWestOnly && !/east-?west/i.test(g.fact.name)).map(gw);
  const services = p.services
    .filter((s) => s.namespace)
    .map((s) => {
      const versions = new Set<string>();
      if (Object.keys(s.fact.selector).length) {
        for (const w of p.workloads) {
          if (
            w.namespace === s.namespace &&
            labelsMatch(s.fact.selector, w.fact.podLabels) &&
            w.fact.podLabels['version']
          )
            versions.add(w.fact.podLabels['version']);
        }
      }
      return { name: s.fact.name, namespace: s.namespace!, versions: [...versions].sort(byText) };
    });
  let missingGateway: SnippetDefaults['missingGateway'];
  const selectedGateways: SnippetDefaults['selectedGateways'] = [];
  for (const s of p.workspaceSettings) {
    for (const e of s.eastWest) {
      if (!e.namespace || !Object.keys(e.labels).length) continue;
      const found = gatewaysFor(p, e.namespace, e.labels);
      for (const g of found)
        if (!selectedGateways.some((x) => x.name === g.name && x.namespace === g.namespace))
          selectedGateways.push({ name: g.name, namespace: g.namespace, app: g.labels['app'] ?? g.name });
      if (!missingGateway && !found.length && e.labels['app'] && Object.keys(e.labels).length === 1)
        missingGateway = { namespace: e.namespace, app: e.labels['app'] };
    }
  }
  const taken = new Set<string>([
    ...p.tsb.map((o) => `${o.kind}/${o.name}`),
    ...p.installGateways.map((g) => `${g.fact.kind}/${g.fact.name}`),
  ]);
  return {
    organizations: tenancyNames(p, 'organization'),
    tenants: tenancyNames(p, 'tenant'),
    workspaces,
    groups,
    appNamespaces,
    freeNamespaces,
    eastWest,
    ingress,
    selectedGateways,
    services: services.sort(
      (a, b) => b.versions.length - a.versions.length || byText(a.namespace, b.namespace) || byText(a.name, b.name),
    ),
    clusters: [...p.clusters],
    ...(missingGateway ? { missingGateway } : {}),
    taken,
  };
}
