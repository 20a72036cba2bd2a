import type { ResolvedProject } from '../../workspace/resolved';
import type { GatewayConfigFact, TsbObjectFact } from '../../workspace/facts';
import { parseNsPattern } from '../../workspace/selectors';
import { gatewaysMatching, memo } from '../../workspace/projectIndex';

// What a gateway configuration lands on: the install CRs its selector matches (among those that can be in
// effect with it), and the clusters its gateway group's namespace selector names.

export type Installed = ResolvedProject['installGateways'][number];

/** Install CRs whose pods the selector selects, in its namespace. */
export function selectedInstalls(p: ResolvedProject, g: GatewayConfigFact): Installed[] {
  const sel = g.selector;
  if (!sel?.namespace || !Object.keys(sel.labels).length) return [];
  return gatewaysMatching(p, sel.namespace, sel.labels, (x) => p.relation(x.fact.source.uri, g.source.uri) !== 'never');
}

/** The workload a configuration selects: the install CRs it matches, else its literal namespace and labels. */
export function workloadKeys(p: ResolvedProject, g: GatewayConfigFact): string[] {
  const installs = selectedInstalls(p, g);
  if (installs.length) return installs.map((x) => `install|${x.namespace}|${x.fact.name}`);
  const sel = g.selector!;
  return [
    `selector|${sel.namespace}|${Object.entries(sel.labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`,
  ];
}

/** Cluster parts of the config's gateway group's namespace selector; undefined: any cluster (or no group found). */
export function groupClusters(p: ResolvedProject, g: GatewayConfigFact): Set<string> | undefined {
  const byKey = memo(p, 'gatewayGroups', () => {
    const byKey = new Map<string, TsbObjectFact[]>();
    for (const o of p.tsb) {
      if (o.kind !== 'Group' || o.groupType !== 'gateway') continue;
      const k = `${o.organization}|${o.tenant}|${o.workspace}|${o.name}`;
      const l = byKey.get(k);
      if (l) l.push(o);
      else byKey.set(k, [o]);
    }
    return byKey;
  });
  const group = byKey
    .get(`${g.organization}|${g.tenant}|${g.workspace}|${g.group}`)
    ?.find((x) => p.relation(x.source.uri, g.source.uri) !== 'never');
  if (!group?.namespaces.length) return undefined;
  const clusters = new Set<string>();
  for (const n of group.namespaces) {
    const pat = parseNsPattern(n.name);
    if (!pat || pat.cluster.includes('*')) return undefined;
    clusters.add(pat.cluster);
  }
  return clusters;
}

export function clustersOverlap(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return true;
  for (const c of a) if (b.has(c)) return true;
  return false;
}
