// What the project already names, for advice and snippets that use the user's names instead of
// made-up examples (the summary view, the failover preview's hints).
import { settingKey, workspaceKey } from '../model/workspaceOwnership';
import type { ResolvedProject } from '../workspace/resolved';
import { knownNamespaces } from './projectValues';

/** A gateway install CR (IngressGateway, Gateway, ...) of the project, for advice that names real gateways. */
export interface GatewayInstallSummary {
  kind: string;
  name: string;
  namespace: string | null;
  /** Pod labels the operator gives the gateway: app=<name> plus kubeSpec.deployment.labels. */
  labels: Record<string, string>;
  eastWestOnly: boolean;
  clusters: string[];
  uri: string;
}

/** A Workspace of the project, and whether a WorkspaceSetting already configures it. */
export interface WorkspaceSummary {
  organization: string | null;
  tenant: string | null;
  name: string;
  namespaces: string[];
  /** Name of its WorkspaceSetting, null when it has none. */
  setting: string | null;
  uri: string;
}

/** What the project already names: advice and snippets use these instead of made-up examples. */
export interface ProjectValues {
  organizations: string[];
  tenants: string[];
  workspaces: WorkspaceSummary[];
  /** Namespaces of Kubernetes objects and Namespace resources. */
  namespaces: string[];
  gateways: GatewayInstallSummary[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort(byText);

export function projectValues(p: ResolvedProject): ProjectValues {
  const settings = new Map<string, string>();
  for (const s of p.workspaceSettings) if (!settings.has(settingKey(s))) settings.set(settingKey(s), s.name);
  const workspaces: WorkspaceSummary[] = p.tsb
    .filter((o) => o.kind === 'Workspace')
    .map((w) => ({
      organization: w.organization ?? null,
      tenant: w.tenant ?? null,
      name: w.name,
      namespaces: w.namespaces.map((n) => n.name),
      setting: settings.get(workspaceKey(w)) ?? null,
      uri: w.source.uri,
    }));
  const gateways: GatewayInstallSummary[] = p.installGateways.map((g) => ({
    kind: g.fact.kind,
    name: g.fact.name,
    namespace: g.namespace ?? null,
    labels: { ...g.fact.labels },
    eastWestOnly: g.fact.eastWestOnly,
    clusters: [...g.clusters].sort(byText),
    uri: g.fact.source.uri,
  }));
  return {
    organizations: uniq([
      ...p.tsb.filter((o) => o.kind === 'Organization').map((o) => o.name),
      ...p.tsb.map((o) => o.organization),
    ]),
    tenants: uniq([...p.tsb.filter((o) => o.kind === 'Tenant').map((o) => o.name), ...p.tsb.map((o) => o.tenant)]),
    workspaces,
    namespaces: knownNamespaces(p),
    gateways,
  };
}
