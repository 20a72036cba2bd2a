import type { ResolvedProject } from '../../workspace/resolved';
import { ands, msg } from '../../l10n/message';
import type { GatewayConfigFact } from '../../workspace/facts';
import type { GatewayServerFact } from '../../workspace/ruleFacts';
import { formatLabels } from '../../workspace/selectors';
import { ifTogether, related, where, type LocatedProblem } from './context';
import { clustersOverlap, groupClusters, workloadKeys } from './gatewayWorkloads';

// gateway-server-conflict: two gateway configurations serve the same port and an overlapping hostname on
// one gateway workload, in clusters they share. Istio keeps one server per host and port (IST0145).

/** Hostnames that can name the same host: equal, `*`, or a `*.suffix` wildcard covering the other. */
export function hostsOverlap(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y || x === '*' || y === '*') return true;
  const covers = (w: string, h: string) =>
    w.startsWith('*.') && (h.endsWith(w.slice(1)) || (h.startsWith('*.') && h.endsWith(w.slice(1))));
  return covers(x, y) || covers(y, x);
}

function identity(g: GatewayConfigFact): string {
  return [g.kind, g.organization, g.tenant, g.workspace, g.group, g.name].join('|');
}

export function gatewayServers(p: ResolvedProject, out: LocatedProblem[]): void {
  const configs = p.gatewayConfigs.filter(
    (g) => g.selector?.namespace && Object.keys(g.selector.labels).length && g.servers?.length,
  );
  // Per workload, in project order.
  const byWorkload = new Map<string, GatewayConfigFact[]>();
  const keys = new Map<GatewayConfigFact, string[]>();
  for (const g of configs) {
    const ks = workloadKeys(p, g);
    keys.set(g, ks);
    for (const k of ks) {
      const l = byWorkload.get(k);
      if (l) l.push(g);
      else byWorkload.set(k, [g]);
    }
  }
  const reported = new Set<GatewayServerFact>();
  const order = new Map(configs.map((g, i) => [g, i]));
  for (const g of configs) {
    const earlier = new Set<GatewayConfigFact>();
    for (const k of keys.get(g)!) for (const x of byWorkload.get(k)!) if (order.get(x)! < order.get(g)!) earlier.add(x);
    if (!earlier.size) continue;
    const mine = groupClusters(p, g);
    for (const server of g.servers!) {
      if (reported.has(server)) continue;
      let hit: { other: GatewayConfigFact; server: GatewayServerFact; together: boolean } | undefined;
      for (const other of earlier) {
        // Another copy of the same resource is duplicate-resource's finding; alternatives never meet.
        if (identity(other) === identity(g)) continue;
        const r = p.relation(other.source.uri, g.source.uri);
        if (r === 'never' || !clustersOverlap(groupClusters(p, other), mine)) continue;
        const s = other.servers!.find((x) => x.port === server.port && hostsOverlap(x.hostname, server.hostname));
        if (!s) continue;
        if (!hit || (r === 'together' && !hit.together)) hit = { other, server: s, together: r === 'together' };
        if (hit.together) break;
      }
      if (!hit) continue;
      reported.add(server);
      const sel = g.selector!;
      const hosts =
        hit.server.hostname === server.hostname ? server.hostname : ands([server.hostname, hit.server.hostname]);
      const text = msg(
        '{kind} {name} and {otherKind} {otherName} ({where}) both serve {hosts} on port {port} of the gateway {gateway}: Istio keeps only one server for a host and port on one gateway (IST0145 ConflictingGateways), so the routes of one of them are silently ignored. Serve it on another port or hostname, or merge the two servers into one configuration.',
        {
          kind: g.kind,
          name: g.name,
          otherKind: hit.other.kind,
          otherName: hit.other.name,
          where: where(hit.server.ref),
          hosts,
          port: String(server.port),
          gateway: `${sel.namespace}/${formatLabels(sel.labels)}`,
        },
      );
      out.push({
        uri: g.source.uri,
        rule: 'gateway-server-conflict',
        ref: server.ref,
        ...(hit.together ? {} : { severity: 'hint' as const }),
        message: hit.together ? text : ifTogether(p, hit.other.source.uri, g.source.uri, text),
        related: [
          related(
            hit.server.ref,
            msg('{kind} {name}: {host} on port {port}', {
              kind: hit.other.kind,
              name: hit.other.name,
              host: hit.server.hostname,
              port: String(hit.server.port),
            }),
          ),
        ],
      });
    }
  }
}
